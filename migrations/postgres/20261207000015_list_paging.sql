-- A partner's codes a page at a time, newest first (issue 20). With only
-- referral_codes_partner (partner_id, enabled), listing every code of a partner by id sorted
-- all of them before returning the first 200; this index hands them over in order.
CREATE INDEX referral_codes_partner_newest ON referral_codes (partner_id, id);

-- A partner's batch labels, and its list filtered to one batch, without reading its codes.
CREATE INDEX referral_codes_partner_batch ON referral_codes (partner_id, batch)
WHERE batch IS NOT NULL;
