-- The ledger's walls hold for every connection, not only the app's.
--
-- Most of SQLite's version adds no-replace triggers: REPLACE conflict resolution (INSERT OR
-- REPLACE, REPLACE INTO, UPDATE OR REPLACE) deletes the row in its way without firing
-- DELETE triggers. PostgreSQL has no REPLACE, so audit_log_no_replace,
-- agreement_versions_no_replace, agreement_versions_no_replace_by_update and
-- referral_codes_no_replace have no counterpart here: an insert or update onto a taken id
-- or unique key fails on the unique index, and ON CONFLICT DO UPDATE fires the UPDATE
-- triggers, which refuse what they refuse to any UPDATE. What remains are the two walls
-- that hold against a plain UPDATE.

-- agreement_versions_frozen lets signed → superseded through without comparing ids; the id
-- must stay, since redemptions point at the terms they were computed from.
CREATE TRIGGER agreement_versions_keep_id BEFORE UPDATE ON agreement_versions
FOR EACH ROW WHEN (OLD.status <> 'draft' AND NEW.id IS DISTINCT FROM OLD.id)
EXECUTE FUNCTION refuse('signed agreement terms are immutable');

-- What is printed on a card is the prefix and the code; referral_codes_identity_fixed guards
-- the code and the partner, this the prefix, and the id redemptions point at.
CREATE TRIGGER referral_codes_printed_fixed BEFORE UPDATE ON referral_codes
FOR EACH ROW WHEN (NEW.prefix IS DISTINCT FROM OLD.prefix OR NEW.id IS DISTINCT FROM OLD.id)
EXECUTE FUNCTION refuse('a referral code keeps its printed text and partner');
