-- Per partner over days $1..=$2, in currency $3 only (cents never add to yen): counted (not
-- voided) redemptions and their sums (the sales and discounts of new customers apart too:
-- what the partner sourced, as against returning customers it influenced), and the program costs booked to the partner that were
-- not reversed, what the partner owes us for statement periods ending in the days (their
-- side of a two-way partnership) and what they paid us in them. Partners with none of these
-- are left out.
WITH counted AS (
    -- The ledger's sums kept per partner, by whole month and by day around them
    -- (store::totals::SPAN_ROWS, parameters $4..$9).
    SELECT s.partner_id,
           CAST(sum(s.redemptions) AS BIGINT) AS redemptions,
           CAST(sum(s.new_customers) AS BIGINT) AS new_customers,
           CAST(sum(s.sales_minor) AS BIGINT) AS sales,
           CAST(sum(s.discounts_minor) AS BIGINT) AS discounts,
           CAST(sum(s.commission_minor) AS BIGINT) AS commissions,
           CAST(sum(s.sourced_sales_minor) AS BIGINT) AS sourced_sales,
           CAST(sum(s.sourced_discounts_minor) AS BIGINT) AS sourced_discounts
    FROM ({span_rows}) s
    GROUP BY s.partner_id
    HAVING CAST(sum(s.redemptions) AS BIGINT) != 0
),
costs AS (
    SELECT k.partner_id, CAST(sum(k.amount_minor) AS BIGINT) AS costs
    FROM program_costs k
    WHERE k.partner_id IS NOT NULL AND k.spent_on BETWEEN $1 AND $2 AND k.currency = $3
      AND NOT EXISTS (SELECT 1 FROM cost_reversals x WHERE x.cost_id = k.id)
    GROUP BY k.partner_id
),
income AS (
    SELECT e.partner_id, CAST(sum(e.amount_minor) AS BIGINT) AS income
    FROM receivables e
    WHERE e.period_to BETWEEN $1 AND $2 AND e.currency = $3
      AND NOT EXISTS (SELECT 1 FROM receivable_reversals x WHERE x.receivable_id = e.id)
    GROUP BY e.partner_id
),
received AS (
    SELECT g.partner_id, CAST(sum(g.amount_minor) AS BIGINT) AS received
    FROM receipts g
    WHERE g.received_on BETWEEN $1 AND $2 AND g.currency = $3
      AND NOT EXISTS (SELECT 1 FROM receipt_reversals x WHERE x.receipt_id = g.id)
    GROUP BY g.partner_id
)
SELECT p.id AS partner_id,
       p.name,
       coalesce(c.redemptions, 0) AS redemptions,
       coalesce(c.new_customers, 0) AS new_customers,
       coalesce(c.sales, 0) AS sales,
       coalesce(c.discounts, 0) AS discounts,
       coalesce(c.commissions, 0) AS commissions,
       coalesce(c.sourced_sales, 0) AS sourced_sales,
       coalesce(c.sourced_discounts, 0) AS sourced_discounts,
       coalesce(k.costs, 0) AS costs,
       coalesce(i.income, 0) AS income,
       coalesce(g.received, 0) AS received
FROM partners p
LEFT JOIN counted c ON c.partner_id = p.id
LEFT JOIN costs k ON k.partner_id = p.id
LEFT JOIN income i ON i.partner_id = p.id
LEFT JOIN received g ON g.partner_id = p.id
WHERE c.partner_id IS NOT NULL OR k.partner_id IS NOT NULL OR i.partner_id IS NOT NULL
   OR g.partner_id IS NOT NULL
ORDER BY coalesce(c.sales, 0) - coalesce(c.discounts, 0) DESC, p.name;
