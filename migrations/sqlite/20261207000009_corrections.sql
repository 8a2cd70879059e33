-- Corrections without rewriting history. A program cost entered wrong is reversed by a row
-- of its own with a reason (as payouts are); a month's revenue entered wrong gets a new
-- figure with a reason, the old one kept; a goal is archived, or edited by setting a new
-- goal that replaces it. Every correction names who made it and why, and the rows it
-- corrects stay as they were.

-- Program costs were only ever inserted by the app; now the schema holds that too. The
-- no-replace trigger is needed besides no-delete: REPLACE deletes the row in its way
-- without firing DELETE triggers on a connection without recursive_triggers.
CREATE TRIGGER program_costs_no_replace BEFORE INSERT ON program_costs
WHEN EXISTS (SELECT 1 FROM program_costs WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'program costs are never replaced; reverse one instead');
END;

CREATE TRIGGER program_costs_no_update BEFORE UPDATE ON program_costs
BEGIN
    SELECT RAISE(ABORT, 'program costs are never changed; reverse one instead');
END;

CREATE TRIGGER program_costs_no_delete BEFORE DELETE ON program_costs
BEGIN
    SELECT RAISE(ABORT, 'program costs are never deleted; reverse one instead');
END;

-- A reversed cost stays listed, marked, and no sum counts it.
CREATE TABLE cost_reversals (
    id             INTEGER PRIMARY KEY NOT NULL,
    cost_id        INTEGER NOT NULL UNIQUE REFERENCES program_costs (id),
    reversed_at    INTEGER NOT NULL,
    reversed_by    TEXT NOT NULL,
    reversed_by_id INTEGER REFERENCES people (id),
    reason         TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500)
) STRICT;

CREATE TRIGGER cost_reversals_no_replace BEFORE INSERT ON cost_reversals
WHEN EXISTS (SELECT 1 FROM cost_reversals WHERE id = NEW.id OR cost_id = NEW.cost_id)
BEGIN
    SELECT RAISE(ABORT, 'a cost is reversed once; reversals are never replaced');
END;

CREATE TRIGGER cost_reversals_no_update BEFORE UPDATE ON cost_reversals
BEGIN
    SELECT RAISE(ABORT, 'cost reversals are never changed');
END;

CREATE TRIGGER cost_reversals_no_delete BEFORE DELETE ON cost_reversals
BEGIN
    SELECT RAISE(ABORT, 'cost reversals are never deleted');
END;

-- Every revenue figure ever entered for a month, in the order entered. The figure in force
-- is the month's latest entry by id (not by time: a laptop clock set back must not bring
-- an older figure back into force). The first figure for a month needs no reason; every
-- later one replaces it and must say why.
CREATE TABLE revenue_entries (
    id            INTEGER PRIMARY KEY NOT NULL,
    month         TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    currency      TEXT NOT NULL CHECK (length(currency) = 3),
    amount_minor  INTEGER NOT NULL CHECK (amount_minor >= 0),
    reason        TEXT NOT NULL CHECK (length(reason) <= 500),
    entered_at    INTEGER NOT NULL,
    entered_by    TEXT NOT NULL,
    entered_by_id INTEGER REFERENCES people (id)
) STRICT;

CREATE INDEX revenue_entries_month ON revenue_entries (month, id);

CREATE TRIGGER revenue_entries_no_replace BEFORE INSERT ON revenue_entries
WHEN EXISTS (SELECT 1 FROM revenue_entries WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'revenue entries are never replaced; enter a new figure instead');
END;

CREATE TRIGGER revenue_entries_correction_says_why BEFORE INSERT ON revenue_entries
WHEN trim(NEW.reason) = '' AND EXISTS (SELECT 1 FROM revenue_entries WHERE month = NEW.month)
BEGIN
    SELECT RAISE(ABORT, 'a month''s revenue is corrected with a reason');
END;

CREATE TRIGGER revenue_entries_no_update BEFORE UPDATE ON revenue_entries
BEGIN
    SELECT RAISE(ABORT, 'revenue entries are never changed; enter a new figure instead');
END;

CREATE TRIGGER revenue_entries_no_delete BEFORE DELETE ON revenue_entries
BEGIN
    SELECT RAISE(ABORT, 'revenue entries are never deleted; enter a new figure instead');
END;

-- The figures entered so far become each month's first entry. Who entered one was only
-- ever in the audit log (entries about month 0 whose after is [month, amount]); the latest
-- such entry names them, and "owner" stands in, as elsewhere, where none does.
INSERT INTO revenue_entries (month, currency, amount_minor, reason, entered_at, entered_by,
                             entered_by_id)
SELECT m.month, m.currency, m.amount_minor, '', m.updated_at,
       coalesce(a.actor, 'owner'), a.actor_id
FROM monthly_revenue m
LEFT JOIN audit_log a ON a.id = (
    SELECT max(id) FROM audit_log
    WHERE entity = 'monthly_revenue' AND json_extract(after_json, '$[0]') = m.month)
ORDER BY m.month;

-- monthly_revenue becomes a view of the figure in force, under the same name and columns:
-- every reader (the dashboard's share, goal progress, the currency lock) keeps asking the
-- question it always asked, and a write to it fails instead of replacing a figure. Keeping
-- the table beside the entries would mean two copies of one fact to keep in step.
DROP TABLE monthly_revenue;

CREATE VIEW monthly_revenue (month, currency, amount_minor, updated_at) AS
SELECT e.month, e.currency, e.amount_minor, e.entered_at
FROM revenue_entries e
WHERE e.id = (SELECT max(l.id) FROM revenue_entries l WHERE l.month = e.month);

-- Goals: editing one archives it and sets a new goal pointing back at it (`replaces`), so
-- the goal as first set, and who changed it, stay readable; an edit with audit before and
-- after would keep that only in the log. A goal may therefore change in one way only:
-- archived, once. Archiving needs no reason; one given is kept.
ALTER TABLE goals ADD COLUMN replaces INTEGER REFERENCES goals (id);
ALTER TABLE goals ADD COLUMN archived_at INTEGER;
ALTER TABLE goals ADD COLUMN archived_by TEXT;
ALTER TABLE goals ADD COLUMN archived_by_id INTEGER REFERENCES people (id);
ALTER TABLE goals ADD COLUMN archived_reason TEXT NOT NULL DEFAULT ''
    CHECK (length(archived_reason) <= 500);

-- A goal is replaced by one edit at most; a second would fork its history.
CREATE UNIQUE INDEX goals_replaces ON goals (replaces);

CREATE TRIGGER goals_no_replace BEFORE INSERT ON goals
WHEN EXISTS (SELECT 1 FROM goals WHERE id = NEW.id OR replaces = NEW.replaces)
BEGIN
    SELECT RAISE(ABORT, 'goals are never replaced; archive one or set a new one');
END;

CREATE TRIGGER goals_only_archived BEFORE UPDATE ON goals
WHEN OLD.archived_at IS NOT NULL
  OR NEW.archived_at IS NULL OR NEW.archived_by IS NULL
  OR NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind OR NEW.target IS NOT OLD.target
  OR NEW.by_month IS NOT OLD.by_month OR NEW.created_at IS NOT OLD.created_at
  OR NEW.created_by IS NOT OLD.created_by OR NEW.created_by_id IS NOT OLD.created_by_id
  OR NEW.replaces IS NOT OLD.replaces
BEGIN
    SELECT RAISE(ABORT, 'a goal is only ever archived, once; set a new goal to change one');
END;

CREATE TRIGGER goals_no_delete BEFORE DELETE ON goals
BEGIN
    SELECT RAISE(ABORT, 'goals are never deleted; archive one instead');
END;
