-- The shop's time zone (IANA name, e.g. Europe/Berlin): its days and months are counted
-- there, not in the laptop's setting. Empty in a profile saved before the app asked for it,
-- where the computer's zone stays in use until the owner saves one.
ALTER TABLE business_profile ADD COLUMN time_zone TEXT NOT NULL DEFAULT ''
    CHECK (length(time_zone) <= 64);
