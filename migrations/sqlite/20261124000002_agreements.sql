-- Agreements: the terms agreed with each partner, as numbered versions.
-- A draft can change or be deleted; a signed version is frozen; signing a newer version
-- marks the previous one superseded (its only permitted change). Triggers enforce this so
-- not even a bug in our code can rewrite signed terms.
-- Dates are ISO 'YYYY-MM-DD' text (the shop's calendar); money is integer minor units;
-- percentages are hundredths of a percent (10.5 % = 1050).

CREATE TABLE agreement_versions (
    id                  INTEGER PRIMARY KEY NOT NULL,
    partner_id          INTEGER NOT NULL REFERENCES partners (id),
    version             INTEGER NOT NULL CHECK (version >= 1),
    status              TEXT NOT NULL CHECK (status IN ('draft', 'signed', 'superseded')),
    based_on            INTEGER REFERENCES agreement_versions (id),
    currency            TEXT NOT NULL CHECK (length(currency) = 3),
    model               TEXT NOT NULL
                        CHECK (model IN ('referral', 'affiliate', 'co_marketing', 'channel')),
    effective_from      TEXT NOT NULL CHECK (date(effective_from) = effective_from),
    effective_to        TEXT CHECK (effective_to IS NULL OR date(effective_to) = effective_to),
    offer_kind          TEXT NOT NULL
                        CHECK (offer_kind IN ('none', 'percent_off', 'amount_off', 'free_item')),
    offer_percent_bp    INTEGER CHECK (offer_percent_bp BETWEEN 0 AND 10000),
    offer_amount_minor  INTEGER CHECK (offer_amount_minor >= 0),
    offer_item          TEXT NOT NULL,
    min_sale_minor      INTEGER CHECK (min_sale_minor >= 0),
    reward_kind         TEXT NOT NULL
                        CHECK (reward_kind IN ('none', 'percent_of_sale', 'fixed_per_redemption')),
    reward_percent_bp   INTEGER CHECK (reward_percent_bp BETWEEN 0 AND 10000),
    reward_amount_minor INTEGER CHECK (reward_amount_minor >= 0),
    reward_on_gross     INTEGER NOT NULL CHECK (reward_on_gross IN (0, 1)),
    monthly_cap_minor   INTEGER CHECK (monthly_cap_minor >= 0),
    payout_cadence      TEXT NOT NULL CHECK (payout_cadence IN ('monthly', 'quarterly', 'on_request')),
    payout_method       TEXT NOT NULL
                        CHECK (payout_method IN ('cash', 'bank_transfer', 'store_credit', 'other')),
    payout_method_other TEXT NOT NULL,
    clauses_json        TEXT NOT NULL CHECK (json_valid(clauses_json) AND json_type(clauses_json) = 'array'),
    notes               TEXT NOT NULL,
    signed_on           TEXT CHECK (signed_on IS NULL OR date(signed_on) = signed_on),
    our_signatory       TEXT,
    partner_signatory   TEXT,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    UNIQUE (partner_id, version),
    CHECK (effective_to IS NULL OR effective_to >= effective_from),
    CHECK (status = 'draft' OR (signed_on IS NOT NULL AND our_signatory IS NOT NULL
                                 AND partner_signatory IS NOT NULL))
) STRICT;

CREATE INDEX agreement_versions_partner ON agreement_versions (partner_id, status);

-- At most one draft per partner, so "the draft" is never ambiguous.
CREATE UNIQUE INDEX agreement_versions_one_draft ON agreement_versions (partner_id)
    WHERE status = 'draft';

-- Signed and superseded versions: the only change allowed is signed → superseded.
CREATE TRIGGER agreement_versions_frozen BEFORE UPDATE ON agreement_versions
WHEN OLD.status <> 'draft' AND NOT (
    OLD.status = 'signed' AND NEW.status = 'superseded'
    AND NEW.partner_id IS OLD.partner_id AND NEW.version IS OLD.version
    AND NEW.based_on IS OLD.based_on AND NEW.currency IS OLD.currency
    AND NEW.model IS OLD.model AND NEW.effective_from IS OLD.effective_from
    AND NEW.effective_to IS OLD.effective_to AND NEW.offer_kind IS OLD.offer_kind
    AND NEW.offer_percent_bp IS OLD.offer_percent_bp
    AND NEW.offer_amount_minor IS OLD.offer_amount_minor AND NEW.offer_item IS OLD.offer_item
    AND NEW.min_sale_minor IS OLD.min_sale_minor AND NEW.reward_kind IS OLD.reward_kind
    AND NEW.reward_percent_bp IS OLD.reward_percent_bp
    AND NEW.reward_amount_minor IS OLD.reward_amount_minor
    AND NEW.reward_on_gross IS OLD.reward_on_gross
    AND NEW.monthly_cap_minor IS OLD.monthly_cap_minor
    AND NEW.payout_cadence IS OLD.payout_cadence AND NEW.payout_method IS OLD.payout_method
    AND NEW.payout_method_other IS OLD.payout_method_other
    AND NEW.clauses_json IS OLD.clauses_json AND NEW.notes IS OLD.notes
    AND NEW.signed_on IS OLD.signed_on AND NEW.our_signatory IS OLD.our_signatory
    AND NEW.partner_signatory IS OLD.partner_signatory AND NEW.created_at IS OLD.created_at
)
BEGIN
    SELECT RAISE(ABORT, 'signed agreement terms are immutable');
END;

CREATE TRIGGER agreement_versions_no_delete BEFORE DELETE ON agreement_versions
WHEN OLD.status <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'signed agreement terms are immutable');
END;
