-- The shop as its partners' customers find it: opening hours and a short "how to find us"
-- line, printed on cards, the partner kit and letters. Blank in a profile saved before
-- they were asked for, and then simply not printed.
ALTER TABLE business_profile ADD COLUMN opening_hours TEXT NOT NULL DEFAULT ''
    CHECK (length(opening_hours) <= 300);
ALTER TABLE business_profile ADD COLUMN directions TEXT NOT NULL DEFAULT ''
    CHECK (length(directions) <= 160);
