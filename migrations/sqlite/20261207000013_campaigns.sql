-- Campaigns: a joint event with partners (a weekend market, a co-hosted workshop), with its
-- dates, the partners taking part and a budget. Codes can be issued for a campaign and costs
-- booked to it, so its results are read from the ledger like the rest of the program.
-- A campaign can be edited (every change audited with before and after) but never deleted:
-- codes and costs point at it.

CREATE TABLE campaigns (
    id            INTEGER PRIMARY KEY NOT NULL,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- The partner-name key (trimmed, whitespace collapsed, Unicode case folded), computed in
    -- Rust because SQLite's lower() only folds ASCII: two campaigns never share a name.
    name_key      TEXT NOT NULL UNIQUE,
    starts_on     TEXT NOT NULL CHECK (date(starts_on) = starts_on),
    ends_on       TEXT NOT NULL CHECK (date(ends_on) = ends_on),
    -- NULL: no budget set.
    budget_minor  INTEGER CHECK (budget_minor IS NULL OR budget_minor >= 0),
    currency      TEXT NOT NULL CHECK (length(currency) = 3),
    notes         TEXT NOT NULL CHECK (length(notes) <= 4000),
    created_at    INTEGER NOT NULL,
    created_by    TEXT NOT NULL,
    created_by_id INTEGER REFERENCES people (id),
    updated_at    INTEGER NOT NULL,
    CHECK (ends_on >= starts_on)
) STRICT;

CREATE TRIGGER campaigns_no_delete BEFORE DELETE ON campaigns
BEGIN
    SELECT RAISE(ABORT, 'campaigns are never deleted; codes and costs point at them');
END;

-- REPLACE would delete the row in its way without firing the DELETE trigger on a connection
-- without recursive_triggers, so a new row may take neither an existing campaign's id nor
-- its name (the app says "already exists" before it gets here).
CREATE TRIGGER campaigns_no_replace BEFORE INSERT ON campaigns
WHEN EXISTS (SELECT 1 FROM campaigns WHERE id = NEW.id OR name_key = NEW.name_key)
BEGIN
    SELECT RAISE(ABORT, 'campaigns are never replaced; edit one instead');
END;

-- The same for UPDATE OR REPLACE moving a campaign onto another's name.
CREATE TRIGGER campaigns_no_replace_by_update BEFORE UPDATE ON campaigns
WHEN EXISTS (SELECT 1 FROM campaigns WHERE id <> OLD.id AND name_key = NEW.name_key)
BEGIN
    SELECT RAISE(ABORT, 'campaigns are never replaced; edit one instead');
END;

-- Codes and costs point at the campaign's id, and the audit trail at its number.
CREATE TRIGGER campaigns_keep_id BEFORE UPDATE ON campaigns
WHEN NEW.id IS NOT OLD.id OR NEW.created_at IS NOT OLD.created_at
  OR NEW.created_by IS NOT OLD.created_by OR NEW.created_by_id IS NOT OLD.created_by_id
BEGIN
    SELECT RAISE(ABORT, 'a campaign keeps its number and who created it');
END;

-- The partners taking part. A partner can join or leave while the campaign has nothing of
-- theirs; once codes were issued or costs booked for them in it, they stay.
CREATE TABLE campaign_partners (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    partner_id  INTEGER NOT NULL REFERENCES partners (id),
    PRIMARY KEY (campaign_id, partner_id)
) STRICT;

CREATE INDEX campaign_partners_partner ON campaign_partners (partner_id);

CREATE TRIGGER campaign_partners_keep_activity BEFORE DELETE ON campaign_partners
WHEN EXISTS (SELECT 1 FROM referral_codes
             WHERE campaign_id = OLD.campaign_id AND partner_id = OLD.partner_id)
  OR EXISTS (SELECT 1 FROM program_costs
             WHERE campaign_id = OLD.campaign_id AND partner_id = OLD.partner_id)
BEGIN
    SELECT RAISE(ABORT, 'a partner with codes or costs in a campaign stays in it');
END;

-- Moving a membership row is a delete and an insert in one; only the two on their own.
CREATE TRIGGER campaign_partners_no_update BEFORE UPDATE ON campaign_partners
BEGIN
    SELECT RAISE(ABORT, 'a campaign''s partners join or leave; rows never move');
END;

-- A code issued for a campaign. Added as a nullable column (SQLite's ADD COLUMN with a
-- REFERENCES clause needs a NULL default); codes issued before campaigns belong to none.
ALTER TABLE referral_codes ADD COLUMN campaign_id INTEGER REFERENCES campaigns (id);

CREATE INDEX referral_codes_campaign ON referral_codes (campaign_id)
WHERE campaign_id IS NOT NULL;

-- Only a partner taking part gets the campaign's codes, whoever inserts them.
CREATE TRIGGER referral_codes_campaign_partner BEFORE INSERT ON referral_codes
WHEN NEW.campaign_id IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM campaign_partners
                 WHERE campaign_id = NEW.campaign_id AND partner_id = NEW.partner_id)
BEGIN
    SELECT RAISE(ABORT, 'a campaign''s codes belong to partners taking part in it');
END;

-- What a code was issued for is part of its identity, like its partner: results read it.
CREATE TRIGGER referral_codes_campaign_fixed BEFORE UPDATE ON referral_codes
WHEN NEW.campaign_id IS NOT OLD.campaign_id
BEGIN
    SELECT RAISE(ABORT, 'a referral code keeps the campaign it was issued for');
END;

-- A cost booked to a campaign. program_costs_no_update refuses any UPDATE, so the column is
-- written once, at insert.
ALTER TABLE program_costs ADD COLUMN campaign_id INTEGER REFERENCES campaigns (id);

CREATE INDEX program_costs_campaign ON program_costs (campaign_id)
WHERE campaign_id IS NOT NULL;

-- A cost for one partner in a campaign is for a partner taking part.
CREATE TRIGGER program_costs_campaign_partner BEFORE INSERT ON program_costs
WHEN NEW.campaign_id IS NOT NULL AND NEW.partner_id IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM campaign_partners
                 WHERE campaign_id = NEW.campaign_id AND partner_id = NEW.partner_id)
BEGIN
    SELECT RAISE(ABORT, 'a campaign''s costs are for partners taking part in it');
END;
