-- Referral codes: each belongs to one partner. `code` is the folded body plus check symbol
-- (upper case, O→0, I/L→1), so uniqueness ignores case and look-alikes. Codes are never
-- deleted: disabling keeps their history.

CREATE TABLE referral_codes (
    id               INTEGER PRIMARY KEY NOT NULL,
    partner_id       INTEGER NOT NULL REFERENCES partners (id),
    code             TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 2 AND 32),
    prefix           TEXT NOT NULL,
    batch            TEXT,
    valid_from       TEXT CHECK (valid_from IS NULL OR date(valid_from) = valid_from),
    valid_until      TEXT CHECK (valid_until IS NULL OR date(valid_until) = valid_until),
    redemption_limit INTEGER CHECK (redemption_limit IS NULL OR redemption_limit >= 1),
    note             TEXT NOT NULL,
    enabled          INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from)
) STRICT;

CREATE INDEX referral_codes_partner ON referral_codes (partner_id, enabled);
CREATE INDEX referral_codes_batch ON referral_codes (batch) WHERE batch IS NOT NULL;

CREATE TRIGGER referral_codes_no_delete BEFORE DELETE ON referral_codes
BEGIN
    SELECT RAISE(ABORT, 'referral codes are never deleted; disable them instead');
END;

-- A code's identity never changes once issued; only its window, limit, note and switch.
CREATE TRIGGER referral_codes_identity_fixed BEFORE UPDATE ON referral_codes
WHEN NEW.code IS NOT OLD.code OR NEW.partner_id IS NOT OLD.partner_id
BEGIN
    SELECT RAISE(ABORT, 'a referral code keeps its code and partner');
END;
