-- People who use the app: owners and staff, each signing in with a PIN. Only argon2id
-- hashes (PHC strings) of PINs and recovery codes are stored, never the secrets.
-- Every record a person makes names them by id next to the name text the older columns
-- keep: rows written before this version keep NULL ids and their text "owner".

CREATE TABLE people (
    id            INTEGER PRIMARY KEY NOT NULL,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    -- The partner-name key (trimmed, whitespace collapsed, Unicode lower case), computed in
    -- Rust because SQLite's lower() only folds ASCII.
    name_key      TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('owner', 'staff')),
    active        INTEGER NOT NULL CHECK (active IN (0, 1)),
    pin_hash      TEXT NOT NULL CHECK (pin_hash LIKE '$argon2id$%'),
    -- Only an owner has a recovery code; demoting one clears it.
    recovery_hash TEXT CHECK (recovery_hash IS NULL
                              OR (role = 'owner' AND recovery_hash LIKE '$argon2id$%')),
    -- Wrong PINs in a row, and when the wait they caused ends (ms UTC): kept here so
    -- restarting the app does not reset a lockout.
    failed_pins   INTEGER NOT NULL DEFAULT 0 CHECK (failed_pins >= 0),
    wait_until    INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
) STRICT;

-- Records name people by id, so a person is deactivated, never removed.
CREATE TRIGGER people_no_delete BEFORE DELETE ON people
BEGIN
    SELECT RAISE(ABORT, 'people are deactivated, never deleted');
END;

-- There is always an active owner, whatever the caller does: the last one cannot be
-- deactivated or demoted (the app says why before it gets here).
CREATE TRIGGER people_keep_an_owner BEFORE UPDATE OF role, active ON people
WHEN OLD.role = 'owner' AND OLD.active = 1 AND (NEW.role <> 'owner' OR NEW.active = 0)
 AND NOT EXISTS (SELECT 1 FROM people
                 WHERE id <> OLD.id AND role = 'owner' AND active = 1)
BEGIN
    SELECT RAISE(ABORT, 'there must always be an active owner');
END;

-- Who made each record, by id. Added as nullable columns (SQLite's ADD COLUMN with a
-- REFERENCES clause needs a NULL default); the append-only triggers on these tables fire
-- on any UPDATE or DELETE, so they hold for the new columns too.
ALTER TABLE audit_log ADD COLUMN actor_id INTEGER REFERENCES people (id);
ALTER TABLE redemptions ADD COLUMN logged_by_id INTEGER REFERENCES people (id);
ALTER TABLE redemption_voids ADD COLUMN voided_by_id INTEGER REFERENCES people (id);
ALTER TABLE payouts ADD COLUMN recorded_by_id INTEGER REFERENCES people (id);
ALTER TABLE payout_reversals ADD COLUMN reversed_by_id INTEGER REFERENCES people (id);
ALTER TABLE program_costs ADD COLUMN recorded_by_id INTEGER REFERENCES people (id);
ALTER TABLE goals ADD COLUMN created_by_id INTEGER REFERENCES people (id);

-- A staff member's own recent sales at the counter (the rowid, r.id, orders within it).
CREATE INDEX redemptions_logged_by ON redemptions (logged_by_id);
