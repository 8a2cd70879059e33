-- Foundation: store metadata, the business profile, partners and the audit log.
-- Times are INTEGER milliseconds since the Unix epoch (UTC); every table is STRICT.

CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- Exactly one row: the shop running the app.
CREATE TABLE business_profile (
    id         INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    address    TEXT NOT NULL,
    email      TEXT NOT NULL,
    phone      TEXT NOT NULL,
    tax_id     TEXT NOT NULL,
    currency   TEXT NOT NULL CHECK (length(currency) = 3),
    locale     TEXT NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE partners (
    id             INTEGER PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- trimmed, whitespace-collapsed, Unicode lower case; computed in Rust because
    -- SQLite's lower() only folds ASCII.
    name_key       TEXT NOT NULL UNIQUE,
    status         TEXT NOT NULL CHECK (status IN ('prospect', 'active', 'paused', 'ended')),
    category       TEXT NOT NULL,
    contact_person TEXT NOT NULL,
    email          TEXT NOT NULL,
    phone          TEXT NOT NULL,
    address        TEXT NOT NULL,
    website        TEXT NOT NULL,
    notes          TEXT NOT NULL,
    fit_audience   INTEGER CHECK (fit_audience BETWEEN 1 AND 5),
    fit_synergy    INTEGER CHECK (fit_synergy BETWEEN 1 AND 5),
    fit_reputation INTEGER CHECK (fit_reputation BETWEEN 1 AND 5),
    fit_motivation INTEGER CHECK (fit_motivation BETWEEN 1 AND 5),
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
) STRICT;

CREATE INDEX partners_status ON partners (status);

-- Every change to a record: who, when, what, before and after (JSON).
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY NOT NULL,
    at          INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    action      TEXT NOT NULL,
    before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
    after_json  TEXT CHECK (after_json IS NULL OR json_valid(after_json))
) STRICT;

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

-- The audit log is history: never rewritten, not even by a bug in our own code.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit entries are immutable');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit entries are immutable');
END;
