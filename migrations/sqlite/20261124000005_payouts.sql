-- Money paid to partners. A payout is never changed or removed: a mistake is reversed by a
-- row of its own, with a reason, and balances leave reversed payouts out.

CREATE TABLE payouts (
    id           INTEGER PRIMARY KEY NOT NULL,
    partner_id   INTEGER NOT NULL REFERENCES partners (id),
    paid_on      TEXT NOT NULL CHECK (date(paid_on) = paid_on),
    currency     TEXT NOT NULL CHECK (length(currency) = 3),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    method       TEXT NOT NULL CHECK (method IN ('cash', 'bank_transfer', 'store_credit', 'other')),
    reference    TEXT NOT NULL CHECK (length(reference) <= 120),
    period_from  TEXT CHECK (period_from IS NULL OR date(period_from) = period_from),
    period_to    TEXT CHECK (period_to IS NULL OR date(period_to) = period_to),
    recorded_at  INTEGER NOT NULL,
    recorded_by  TEXT NOT NULL,
    CHECK (period_from IS NULL OR period_to IS NULL OR period_to >= period_from)
) STRICT;

CREATE INDEX payouts_partner ON payouts (partner_id, paid_on);

CREATE TABLE payout_reversals (
    id          INTEGER PRIMARY KEY NOT NULL,
    payout_id   INTEGER NOT NULL UNIQUE REFERENCES payouts (id),
    reversed_at INTEGER NOT NULL,
    reversed_by TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500)
) STRICT;

-- INSERT OR REPLACE would delete the old row without firing the DELETE triggers below.
CREATE TRIGGER payouts_no_replace BEFORE INSERT ON payouts
WHEN EXISTS (SELECT 1 FROM payouts WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'payouts are never replaced; reverse one instead');
END;

CREATE TRIGGER payout_reversals_no_replace BEFORE INSERT ON payout_reversals
WHEN EXISTS (SELECT 1 FROM payout_reversals WHERE id = NEW.id OR payout_id = NEW.payout_id)
BEGIN
    SELECT RAISE(ABORT, 'a payout is reversed once; reversals are never replaced');
END;

CREATE TRIGGER payouts_no_update BEFORE UPDATE ON payouts
BEGIN
    SELECT RAISE(ABORT, 'payouts are never changed; reverse one instead');
END;

CREATE TRIGGER payouts_no_delete BEFORE DELETE ON payouts
BEGIN
    SELECT RAISE(ABORT, 'payouts are never deleted; reverse one instead');
END;

CREATE TRIGGER payout_reversals_no_update BEFORE UPDATE ON payout_reversals
BEGIN
    SELECT RAISE(ABORT, 'payout reversals are never changed');
END;

CREATE TRIGGER payout_reversals_no_delete BEFORE DELETE ON payout_reversals
BEGIN
    SELECT RAISE(ABORT, 'payout reversals are never deleted');
END;
