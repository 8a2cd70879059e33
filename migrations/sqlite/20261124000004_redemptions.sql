-- The counter's ledger: one row per code redeemed, never changed or removed. A mistake is
-- voided by its own row; balances and reports leave voided redemptions out.

-- Settings of this installation (the till's name, …), one row per key.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE redemptions (
    id                   INTEGER PRIMARY KEY NOT NULL,
    -- Chosen by the till for each attempt; a retry with the same key finds this row.
    idempotency_key      TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 8 AND 64),
    code_id              INTEGER NOT NULL REFERENCES referral_codes (id),
    partner_id           INTEGER NOT NULL REFERENCES partners (id),
    -- The signed terms the amounts below were computed from (a snapshot: later versions
    -- never rewrite them).
    agreement_version_id INTEGER NOT NULL REFERENCES agreement_versions (id),
    redeemed_at          INTEGER NOT NULL,
    -- The till's calendar day, for monthly caps and reports.
    local_day            TEXT NOT NULL CHECK (date(local_day) = local_day),
    currency             TEXT NOT NULL CHECK (length(currency) = 3),
    sale_minor           INTEGER NOT NULL CHECK (sale_minor >= 0),
    discount_minor       INTEGER NOT NULL CHECK (discount_minor BETWEEN 0 AND sale_minor),
    commission_minor     INTEGER NOT NULL CHECK (commission_minor >= 0),
    offer_applied        INTEGER NOT NULL CHECK (offer_applied IN (0, 1)),
    new_customer         INTEGER NOT NULL CHECK (new_customer IN (0, 1)),
    note                 TEXT NOT NULL CHECK (length(note) <= 500),
    till                 TEXT NOT NULL CHECK (length(till) BETWEEN 1 AND 40),
    logged_by            TEXT NOT NULL
) STRICT;

CREATE INDEX redemptions_code ON redemptions (code_id);
CREATE INDEX redemptions_partner_day ON redemptions (partner_id, local_day);
CREATE INDEX redemptions_till ON redemptions (till, id);

CREATE TABLE redemption_voids (
    id            INTEGER PRIMARY KEY NOT NULL,
    redemption_id INTEGER NOT NULL UNIQUE REFERENCES redemptions (id),
    voided_at     INTEGER NOT NULL,
    voided_by     TEXT NOT NULL,
    reason        TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500),
    -- 1 when the owner gave the code its use back (a single-use card can be used again).
    restores_use  INTEGER NOT NULL CHECK (restores_use IN (0, 1))
) STRICT;

-- A code's uses: its redemptions, except voided ones whose use was given back.
CREATE VIEW code_uses AS
SELECT r.code_id, r.id AS redemption_id, r.redeemed_at, r.till
FROM redemptions r
WHERE NOT EXISTS (
    SELECT 1 FROM redemption_voids v WHERE v.redemption_id = r.id AND v.restores_use = 1
);

-- The limit holds in the database too, whatever the caller does.
CREATE TRIGGER redemptions_within_limit BEFORE INSERT ON redemptions
WHEN (SELECT redemption_limit FROM referral_codes WHERE id = NEW.code_id) IS NOT NULL
 AND (SELECT count(*) FROM code_uses WHERE code_id = NEW.code_id)
     >= (SELECT redemption_limit FROM referral_codes WHERE id = NEW.code_id)
BEGIN
    SELECT RAISE(ABORT, 'this code has reached its redemption limit');
END;

-- INSERT OR REPLACE would delete the old row without firing the DELETE trigger below.
CREATE TRIGGER redemptions_no_replace BEFORE INSERT ON redemptions
WHEN EXISTS (SELECT 1 FROM redemptions
             WHERE id = NEW.id OR idempotency_key = NEW.idempotency_key)
BEGIN
    SELECT RAISE(ABORT, 'redemptions are never replaced; void one instead');
END;

CREATE TRIGGER redemption_voids_no_replace BEFORE INSERT ON redemption_voids
WHEN EXISTS (SELECT 1 FROM redemption_voids
             WHERE id = NEW.id OR redemption_id = NEW.redemption_id)
BEGIN
    SELECT RAISE(ABORT, 'a redemption is voided once; voids are never replaced');
END;

CREATE TRIGGER redemptions_no_update BEFORE UPDATE ON redemptions
BEGIN
    SELECT RAISE(ABORT, 'redemptions are never changed; void one instead');
END;

CREATE TRIGGER redemptions_no_delete BEFORE DELETE ON redemptions
BEGIN
    SELECT RAISE(ABORT, 'redemptions are never deleted; void one instead');
END;

CREATE TRIGGER redemption_voids_no_update BEFORE UPDATE ON redemption_voids
BEGIN
    SELECT RAISE(ABORT, 'voids are never changed');
END;

CREATE TRIGGER redemption_voids_no_delete BEFORE DELETE ON redemption_voids
BEGIN
    SELECT RAISE(ABORT, 'voids are never deleted');
END;
