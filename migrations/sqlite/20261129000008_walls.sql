-- The ledger's walls hold for every connection, not only the app's. REPLACE conflict
-- resolution (INSERT OR REPLACE, REPLACE INTO, UPDATE OR REPLACE) makes room for its row by
-- deleting the one in the way, and SQLite fires no DELETE trigger for that unless the
-- connection set PRAGMA recursive_triggers, which the app does and a tool or script does
-- not. A BEFORE INSERT trigger runs before conflict resolution, so each below refuses a new
-- row that would collide with a protected one (same id or same unique key); that also stops
-- an upsert (ON CONFLICT DO UPDATE) before its UPDATE is tried. Redemptions, voids, payouts
-- and reversals have had such triggers since they were created.

CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'audit entries are never replaced');
END;

-- Only signed and superseded versions are history: a draft may still be replaced.
CREATE TRIGGER agreement_versions_no_replace BEFORE INSERT ON agreement_versions
WHEN EXISTS (SELECT 1 FROM agreement_versions
             WHERE status <> 'draft'
               AND (id = NEW.id OR (partner_id = NEW.partner_id AND version = NEW.version)))
BEGIN
    SELECT RAISE(ABORT, 'signed agreement terms are never replaced; sign a new version instead');
END;

-- A draft is editable, but UPDATE OR REPLACE moving it onto a signed version's id or number
-- would delete that version the same silent way.
CREATE TRIGGER agreement_versions_no_replace_by_update BEFORE UPDATE ON agreement_versions
WHEN EXISTS (SELECT 1 FROM agreement_versions
             WHERE id <> OLD.id AND status <> 'draft'
               AND (id = NEW.id OR (partner_id = NEW.partner_id AND version = NEW.version)))
BEGIN
    SELECT RAISE(ABORT, 'signed agreement terms are never replaced; sign a new version instead');
END;

-- agreement_versions_frozen lets signed → superseded through without comparing ids; the id
-- must stay, since redemptions point at the terms they were computed from.
CREATE TRIGGER agreement_versions_keep_id BEFORE UPDATE ON agreement_versions
WHEN OLD.status <> 'draft' AND NEW.id IS NOT OLD.id
BEGIN
    SELECT RAISE(ABORT, 'signed agreement terms are immutable');
END;

-- Codes are never deleted, so no new row may take an existing code's id or text. The app's
-- own insert skips a taken code before inserting (store/codes.rs), since this trigger
-- fires before ON CONFLICT DO NOTHING could.
CREATE TRIGGER referral_codes_no_replace BEFORE INSERT ON referral_codes
WHEN EXISTS (SELECT 1 FROM referral_codes WHERE id = NEW.id OR code = NEW.code)
BEGIN
    SELECT RAISE(ABORT, 'referral codes are never replaced; a code keeps its text and partner');
END;

-- What is printed on a card is the prefix and the code; referral_codes_identity_fixed guards
-- the code and the partner, this the prefix, and the id redemptions point at.
CREATE TRIGGER referral_codes_printed_fixed BEFORE UPDATE ON referral_codes
WHEN NEW.prefix IS NOT OLD.prefix OR NEW.id IS NOT OLD.id
BEGIN
    SELECT RAISE(ABORT, 'a referral code keeps its printed text and partner');
END;
