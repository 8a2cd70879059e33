-- Per partner inside campaign $1: the counted (not voided) redemptions of the codes issued for
-- the campaign on days $2..=$3 and their sums, in currency $4 only, and the costs booked to
-- the campaign for the partner that were not reversed, whatever day they were spent on (the
-- flyers are printed before the market). Every partner taking part has a line, and so does
-- one with codes or costs in the campaign who no longer takes part, so no sum goes missing.
WITH codes AS (
    SELECT c.partner_id, count(*) AS codes
    FROM referral_codes c
    WHERE c.campaign_id = $1
    GROUP BY c.partner_id
),
counted AS (
    SELECT r.partner_id,
           count(*) AS redemptions,
           CAST(sum(r.new_customer) AS BIGINT) AS new_customers,
           CAST(sum(r.sale_minor) AS BIGINT) AS sales,
           CAST(sum(r.discount_minor) AS BIGINT) AS discounts,
           CAST(sum(r.commission_minor) AS BIGINT) AS commissions,
           CAST(sum(CASE WHEN r.new_customer = 1 THEN r.sale_minor - r.discount_minor ELSE 0 END) AS BIGINT)
               AS sourced
    FROM redemptions r
    JOIN referral_codes c ON c.id = r.code_id
    WHERE c.campaign_id = $1 AND r.local_day BETWEEN $2 AND $3 AND r.currency = $4
      AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = r.id)
    GROUP BY r.partner_id
),
costs AS (
    SELECT k.partner_id, CAST(sum(k.amount_minor) AS BIGINT) AS costs
    FROM program_costs k
    WHERE k.campaign_id = $1 AND k.partner_id IS NOT NULL AND k.currency = $4
      AND NOT EXISTS (SELECT 1 FROM cost_reversals x WHERE x.cost_id = k.id)
    GROUP BY k.partner_id
),
members AS (
    SELECT m.partner_id FROM campaign_partners m WHERE m.campaign_id = $1
)
SELECT p.id AS partner_id,
       p.name,
       EXISTS (SELECT 1 FROM members m WHERE m.partner_id = p.id) AS taking_part,
       coalesce(d.codes, 0) AS codes,
       coalesce(c.redemptions, 0) AS redemptions,
       coalesce(c.new_customers, 0) AS new_customers,
       coalesce(c.sales, 0) AS sales,
       coalesce(c.discounts, 0) AS discounts,
       coalesce(c.commissions, 0) AS commissions,
       coalesce(c.sourced, 0) AS sourced,
       coalesce(k.costs, 0) AS costs
FROM partners p
LEFT JOIN codes d ON d.partner_id = p.id
LEFT JOIN counted c ON c.partner_id = p.id
LEFT JOIN costs k ON k.partner_id = p.id
WHERE p.id IN (SELECT partner_id FROM members)
   OR d.partner_id IS NOT NULL OR c.partner_id IS NOT NULL OR k.partner_id IS NOT NULL
ORDER BY coalesce(c.sales, 0) - coalesce(c.discounts, 0) DESC, p.name_key, p.id;
