-- Two-way partnerships. Until now a partner's account had one side: what we owe them
-- (commissions less payouts). It gains the other: what they owe us for the customers we
-- sent them, entered from their signed statement file or typed from their paper statement,
-- and what they paid us. A month-end settlement pays the difference once, in the net
-- direction, and records our payout and their receipt together, linked to it.
-- Everything here is history: never changed, never deleted, corrected by a reversal row
-- with a reason, as payouts are. The triggers hold that for a tool's connection too.

-- Terms can say the reward runs both ways: the partner gives our customers the same offer
-- and pays us the same reward. A signed version keeps its answer like every other term.
ALTER TABLE agreement_versions ADD COLUMN reciprocal INTEGER NOT NULL DEFAULT 0
    CHECK (reciprocal IN (0, 1));

CREATE TRIGGER agreement_versions_reciprocal_frozen BEFORE UPDATE ON agreement_versions
WHEN OLD.status <> 'draft' AND NEW.reciprocal IS NOT OLD.reciprocal
BEGIN
    SELECT RAISE(ABORT, 'signed agreement terms are immutable');
END;

-- This installation's signing key (Ed25519), made on first use. It lives in the database,
-- not beside it, so a restored backup or a move to the shop server keeps the identity
-- partners have pinned. One row, never changed: a new key would break every pin.
CREATE TABLE installation_key (
    id         INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    secret_key BLOB NOT NULL CHECK (length(secret_key) = 32),
    public_key TEXT NOT NULL CHECK (length(public_key) = 64),
    created_at INTEGER NOT NULL
) STRICT;

CREATE TRIGGER installation_key_no_replace BEFORE INSERT ON installation_key
WHEN EXISTS (SELECT 1 FROM installation_key WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'installation keys are never replaced');
END;

CREATE TRIGGER installation_key_no_update BEFORE UPDATE ON installation_key
BEGIN
    SELECT RAISE(ABORT, 'installation keys are never changed');
END;

CREATE TRIGGER installation_key_no_delete BEFORE DELETE ON installation_key
BEGIN
    SELECT RAISE(ABORT, 'installation keys are never deleted');
END;

-- The key each partner signs with, pinned on the first import (trust on first use). A later
-- key replaces it only when the owner accepts it explicitly, with a reason; the pin in
-- force is the partner's latest row by id.
CREATE TABLE partner_keys (
    id           INTEGER PRIMARY KEY NOT NULL,
    partner_id   INTEGER NOT NULL REFERENCES partners (id),
    public_key   TEXT NOT NULL CHECK (length(public_key) = 64),
    pinned_at    INTEGER NOT NULL,
    pinned_by    TEXT NOT NULL,
    pinned_by_id INTEGER REFERENCES people (id),
    reason       TEXT NOT NULL CHECK (length(reason) <= 500)
) STRICT;

CREATE INDEX partner_keys_partner ON partner_keys (partner_id, id);

CREATE TRIGGER partner_keys_no_replace BEFORE INSERT ON partner_keys
WHEN EXISTS (SELECT 1 FROM partner_keys WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'pinned partner keys are never replaced');
END;

CREATE TRIGGER partner_keys_no_update BEFORE UPDATE ON partner_keys
BEGIN
    SELECT RAISE(ABORT, 'pinned partner keys are never changed');
END;

CREATE TRIGGER partner_keys_no_delete BEFORE DELETE ON partner_keys
BEGIN
    SELECT RAISE(ABORT, 'pinned partner keys are never deleted');
END;

-- Statement files imported, kept as received. The hash of the file recognises the same
-- file imported twice.
CREATE TABLE statement_imports (
    id             INTEGER PRIMARY KEY NOT NULL,
    partner_id     INTEGER NOT NULL REFERENCES partners (id),
    file_sha256    TEXT NOT NULL UNIQUE CHECK (length(file_sha256) = 64),
    public_key     TEXT NOT NULL CHECK (length(public_key) = 64),
    issuer_name    TEXT NOT NULL,
    issued_at      INTEGER NOT NULL,
    file_text      TEXT NOT NULL,
    imported_at    INTEGER NOT NULL,
    imported_by    TEXT NOT NULL,
    imported_by_id INTEGER REFERENCES people (id)
) STRICT;

CREATE TRIGGER statement_imports_no_replace BEFORE INSERT ON statement_imports
WHEN EXISTS (SELECT 1 FROM statement_imports WHERE id = NEW.id OR file_sha256 = NEW.file_sha256)
BEGIN
    SELECT RAISE(ABORT, 'imported statements are never replaced');
END;

CREATE TRIGGER statement_imports_no_update BEFORE UPDATE ON statement_imports
BEGIN
    SELECT RAISE(ABORT, 'imported statements are never changed');
END;

CREATE TRIGGER statement_imports_no_delete BEFORE DELETE ON statement_imports
BEGIN
    SELECT RAISE(ABORT, 'imported statements are never deleted');
END;

-- What a partner owes us for one period of their statement: the customers we sent them
-- and the commission they owe for them. From an imported file (import_id) or typed.
CREATE TABLE receivables (
    id             INTEGER PRIMARY KEY NOT NULL,
    partner_id     INTEGER NOT NULL REFERENCES partners (id),
    period_from    TEXT NOT NULL CHECK (date(period_from) = period_from),
    period_to      TEXT NOT NULL CHECK (date(period_to) = period_to),
    customers      INTEGER NOT NULL CHECK (customers >= 0),
    currency       TEXT NOT NULL CHECK (length(currency) = 3),
    amount_minor   INTEGER NOT NULL CHECK (amount_minor >= 0),
    reference      TEXT NOT NULL CHECK (length(reference) <= 120),
    import_id      INTEGER UNIQUE REFERENCES statement_imports (id),
    recorded_at    INTEGER NOT NULL,
    recorded_by    TEXT NOT NULL,
    recorded_by_id INTEGER REFERENCES people (id),
    CHECK (period_to >= period_from)
) STRICT;

CREATE INDEX receivables_partner ON receivables (partner_id, period_to);

CREATE TRIGGER receivables_no_replace BEFORE INSERT ON receivables
WHEN EXISTS (SELECT 1 FROM receivables WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'receivables are never replaced');
END;

CREATE TRIGGER receivables_no_update BEFORE UPDATE ON receivables
BEGIN
    SELECT RAISE(ABORT, 'receivables are never changed');
END;

CREATE TRIGGER receivables_no_delete BEFORE DELETE ON receivables
BEGIN
    SELECT RAISE(ABORT, 'receivables are never deleted');
END;

CREATE TABLE receivable_reversals (
    id             INTEGER PRIMARY KEY NOT NULL,
    receivable_id INTEGER NOT NULL UNIQUE REFERENCES receivables (id),
    reversed_at    INTEGER NOT NULL,
    reversed_by    TEXT NOT NULL,
    reversed_by_id INTEGER REFERENCES people (id),
    reason         TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500)
) STRICT;

CREATE TRIGGER receivable_reversals_no_replace BEFORE INSERT ON receivable_reversals
WHEN EXISTS (SELECT 1 FROM receivable_reversals WHERE id = NEW.id OR receivable_id = NEW.receivable_id)
BEGIN
    SELECT RAISE(ABORT, 'receivable reversals are never replaced');
END;

CREATE TRIGGER receivable_reversals_no_update BEFORE UPDATE ON receivable_reversals
BEGIN
    SELECT RAISE(ABORT, 'receivable reversals are never changed');
END;

CREATE TRIGGER receivable_reversals_no_delete BEFORE DELETE ON receivable_reversals
BEGIN
    SELECT RAISE(ABORT, 'receivable reversals are never deleted');
END;

-- One month-end settlement with a partner: both sides as they stood through the period's
-- end, and the one payment made in the net direction. The payout and receipt it recorded
-- point back at it.
CREATE TABLE settlements (
    id              INTEGER PRIMARY KEY NOT NULL,
    partner_id      INTEGER NOT NULL REFERENCES partners (id),
    period_from     TEXT NOT NULL CHECK (date(period_from) = period_from),
    period_to       TEXT NOT NULL CHECK (date(period_to) = period_to),
    settled_on      TEXT NOT NULL CHECK (date(settled_on) = settled_on),
    currency        TEXT NOT NULL CHECK (length(currency) = 3),
    we_owed_minor   INTEGER NOT NULL CHECK (we_owed_minor >= 0),
    they_owed_minor INTEGER NOT NULL CHECK (they_owed_minor >= 0),
    direction       TEXT NOT NULL CHECK (direction IN ('we_pay', 'they_pay', 'even')),
    paid_minor      INTEGER NOT NULL CHECK (paid_minor >= 0),
    method          TEXT NOT NULL
                    CHECK (method IN ('cash', 'bank_transfer', 'store_credit', 'other')),
    reference       TEXT NOT NULL CHECK (length(reference) <= 120),
    recorded_at     INTEGER NOT NULL,
    recorded_by     TEXT NOT NULL,
    recorded_by_id  INTEGER REFERENCES people (id),
    CHECK (period_to >= period_from)
) STRICT;

CREATE TRIGGER settlements_no_replace BEFORE INSERT ON settlements
WHEN EXISTS (SELECT 1 FROM settlements WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'settlements are never replaced');
END;

CREATE TRIGGER settlements_no_update BEFORE UPDATE ON settlements
BEGIN
    SELECT RAISE(ABORT, 'settlements are never changed');
END;

CREATE TRIGGER settlements_no_delete BEFORE DELETE ON settlements
BEGIN
    SELECT RAISE(ABORT, 'settlements are never deleted');
END;

ALTER TABLE payouts ADD COLUMN settlement_id INTEGER REFERENCES settlements (id);

-- Money a partner paid us, on its own or as their side of a settlement.
CREATE TABLE receipts (
    id             INTEGER PRIMARY KEY NOT NULL,
    partner_id     INTEGER NOT NULL REFERENCES partners (id),
    received_on    TEXT NOT NULL CHECK (date(received_on) = received_on),
    currency       TEXT NOT NULL CHECK (length(currency) = 3),
    amount_minor   INTEGER NOT NULL CHECK (amount_minor > 0),
    method         TEXT NOT NULL
                   CHECK (method IN ('cash', 'bank_transfer', 'store_credit', 'other')),
    reference      TEXT NOT NULL CHECK (length(reference) <= 120),
    settlement_id  INTEGER REFERENCES settlements (id),
    recorded_at    INTEGER NOT NULL,
    recorded_by    TEXT NOT NULL,
    recorded_by_id INTEGER REFERENCES people (id)
) STRICT;

CREATE INDEX receipts_partner ON receipts (partner_id, received_on);

CREATE TRIGGER receipts_no_replace BEFORE INSERT ON receipts
WHEN EXISTS (SELECT 1 FROM receipts WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'receipts are never replaced');
END;

CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts
BEGIN
    SELECT RAISE(ABORT, 'receipts are never changed');
END;

CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts
BEGIN
    SELECT RAISE(ABORT, 'receipts are never deleted');
END;

CREATE TABLE receipt_reversals (
    id             INTEGER PRIMARY KEY NOT NULL,
    receipt_id   INTEGER NOT NULL UNIQUE REFERENCES receipts (id),
    reversed_at    INTEGER NOT NULL,
    reversed_by    TEXT NOT NULL,
    reversed_by_id INTEGER REFERENCES people (id),
    reason         TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500)
) STRICT;

CREATE TRIGGER receipt_reversals_no_replace BEFORE INSERT ON receipt_reversals
WHEN EXISTS (SELECT 1 FROM receipt_reversals WHERE id = NEW.id OR receipt_id = NEW.receipt_id)
BEGIN
    SELECT RAISE(ABORT, 'receipt reversals are never replaced');
END;

CREATE TRIGGER receipt_reversals_no_update BEFORE UPDATE ON receipt_reversals
BEGIN
    SELECT RAISE(ABORT, 'receipt reversals are never changed');
END;

CREATE TRIGGER receipt_reversals_no_delete BEFORE DELETE ON receipt_reversals
BEGIN
    SELECT RAISE(ABORT, 'receipt reversals are never deleted');
END;

-- Statements we wrote (PDF and signed file), for Month-end's "last sent".
CREATE TABLE statements_sent (
    id            INTEGER PRIMARY KEY NOT NULL,
    partner_id    INTEGER NOT NULL REFERENCES partners (id),
    period_from   TEXT NOT NULL CHECK (date(period_from) = period_from),
    period_to     TEXT NOT NULL CHECK (date(period_to) = period_to),
    file_sha256   TEXT NOT NULL CHECK (length(file_sha256) = 64),
    written_at    INTEGER NOT NULL,
    written_by    TEXT NOT NULL,
    written_by_id INTEGER REFERENCES people (id)
) STRICT;

CREATE INDEX statements_sent_partner ON statements_sent (partner_id, written_at);

CREATE TRIGGER statements_sent_no_replace BEFORE INSERT ON statements_sent
WHEN EXISTS (SELECT 1 FROM statements_sent WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'statements sent are never replaced');
END;

CREATE TRIGGER statements_sent_no_update BEFORE UPDATE ON statements_sent
BEGIN
    SELECT RAISE(ABORT, 'statements sent are never changed');
END;

CREATE TRIGGER statements_sent_no_delete BEFORE DELETE ON statements_sent
BEGIN
    SELECT RAISE(ABORT, 'statements sent are never deleted');
END;
