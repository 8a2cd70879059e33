-- The shop as its partners' customers find it: opening hours and a short "how to find us"
-- line, printed on cards, the partner kit and letters. Blank in a profile saved before
-- they were asked for, and then simply not printed.
ALTER TABLE business_profile ADD COLUMN opening_hours TEXT NOT NULL DEFAULT ''
    CHECK (length(opening_hours) <= 300);
ALTER TABLE business_profile ADD COLUMN directions TEXT NOT NULL DEFAULT ''
    CHECK (length(directions) <= 160);

-- The shop's logo, as the app stores every logo whatever it was chosen as (PNG, JPEG or
-- SVG): scaled to fit 800 × 400 pixels, flattened onto white, saved as PNG. One kind of
-- picture means documents embed it one way. NULL until the owner chooses one.
-- (length() of a BYTEA counts bytes, as SQLite's does of a BLOB.)
ALTER TABLE business_profile ADD COLUMN logo_png BYTEA
    CHECK (logo_png IS NULL OR length(logo_png) <= 4000000);

-- An optional web address a card's QR code opens instead of showing the bare code, with
-- `{code}` where the code goes (the shop's offer page). The counter reads the code back out
-- of a scanned address. Empty: the QR code holds the code as printed.
ALTER TABLE business_profile ADD COLUMN card_link TEXT NOT NULL DEFAULT ''
    CHECK (length(card_link) <= 200);
