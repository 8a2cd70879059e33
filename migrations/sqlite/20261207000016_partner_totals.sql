-- What each partner brought, summed per shop day and per month (issue 20). Balances, the
-- partner list, statements and the dashboards summed the ledger at read time: a partner's
-- balance read its whole history, and the partner list did that for every partner (6.9 s at
-- a million redemptions). These two tables hold the same sums, kept by the triggers below in
-- the transaction that writes each redemption or void, so no path can forget them.
--
-- They are derived, not history: the ledger stays the record, and
-- `store::totals::mismatches` recomputes them from it. A void adds the voided redemption's
-- figures back negated, so a day whose sales were all voided keeps a row of zeros. Both
-- tables are STRICT: a sum that overflowed into a REAL is refused, so the write that would
-- have done it fails rather than a balance turning into a float.

CREATE TABLE partner_day_totals (
    -- The shop's day (`YYYY-MM-DD`). First in the key: the dashboards read a range of days
    -- for every partner, which is then one contiguous stretch of the table.
    local_day         TEXT NOT NULL,
    partner_id        INTEGER NOT NULL REFERENCES partners (id),
    currency          TEXT NOT NULL,
    -- Counted redemptions (voided ones taken back out).
    redemptions       INTEGER NOT NULL,
    new_customers     INTEGER NOT NULL,
    sales_minor       INTEGER NOT NULL,
    discounts_minor   INTEGER NOT NULL,
    commission_minor  INTEGER NOT NULL,
    -- Sales and discounts of new customers: what the partner sourced.
    sourced_sales_minor     INTEGER NOT NULL,
    sourced_discounts_minor INTEGER NOT NULL,
    PRIMARY KEY (local_day, partner_id, currency)
) STRICT, WITHOUT ROWID;

-- A partner's days in order: its latest day with trade, and its current month's days.
CREATE INDEX partner_day_totals_partner ON partner_day_totals (partner_id, local_day);

CREATE TABLE partner_month_totals (
    partner_id        INTEGER NOT NULL REFERENCES partners (id),
    currency          TEXT NOT NULL,
    -- The shop's month (`YYYY-MM`).
    month             TEXT NOT NULL,
    redemptions       INTEGER NOT NULL,
    new_customers     INTEGER NOT NULL,
    sales_minor       INTEGER NOT NULL,
    discounts_minor   INTEGER NOT NULL,
    commission_minor  INTEGER NOT NULL,
    sourced_sales_minor     INTEGER NOT NULL,
    sourced_discounts_minor INTEGER NOT NULL,
    PRIMARY KEY (partner_id, currency, month)
) STRICT, WITHOUT ROWID;

-- Each redemption's figures as the totals count them, with its month and what a new
-- customer bought: what the backfill below and `store::totals::mismatches` sum.
CREATE VIEW redemption_figures AS
SELECT r.id AS redemption_id, r.local_day, substr(r.local_day, 1, 7) AS month, r.partner_id,
       r.currency, r.new_customer, r.sale_minor, r.discount_minor, r.commission_minor,
       r.new_customer * r.sale_minor AS sourced_sales_minor,
       r.new_customer * r.discount_minor AS sourced_discounts_minor
FROM redemptions r;

-- One change to both tables: a redemption's figures with a sign, +1 when it is logged and -1
-- when it is voided. Inserting a row here (a view that holds none) adds it to the partner's
-- day and month, written once for both triggers below.
CREATE VIEW partner_totals_change AS
SELECT 0 AS sign, local_day, partner_id, currency, new_customer, sale_minor, discount_minor,
       commission_minor
FROM redemptions WHERE 0;

CREATE TRIGGER partner_totals_change_apply INSTEAD OF INSERT ON partner_totals_change
BEGIN
    INSERT INTO partner_day_totals (local_day, partner_id, currency, redemptions,
        new_customers, sales_minor, discounts_minor, commission_minor, sourced_sales_minor,
        sourced_discounts_minor)
    VALUES (NEW.local_day, NEW.partner_id, NEW.currency, NEW.sign,
        NEW.sign * NEW.new_customer, NEW.sign * NEW.sale_minor, NEW.sign * NEW.discount_minor,
        NEW.sign * NEW.commission_minor, NEW.sign * NEW.new_customer * NEW.sale_minor,
        NEW.sign * NEW.new_customer * NEW.discount_minor)
    ON CONFLICT (local_day, partner_id, currency) DO UPDATE SET
        redemptions = redemptions + excluded.redemptions,
        new_customers = new_customers + excluded.new_customers,
        sales_minor = sales_minor + excluded.sales_minor,
        discounts_minor = discounts_minor + excluded.discounts_minor,
        commission_minor = commission_minor + excluded.commission_minor,
        sourced_sales_minor = sourced_sales_minor + excluded.sourced_sales_minor,
        sourced_discounts_minor = sourced_discounts_minor + excluded.sourced_discounts_minor;
    -- The same change to the month.
    INSERT INTO partner_month_totals (partner_id, currency, month, redemptions,
        new_customers, sales_minor, discounts_minor, commission_minor, sourced_sales_minor,
        sourced_discounts_minor)
    VALUES (NEW.partner_id, NEW.currency, substr(NEW.local_day, 1, 7), NEW.sign,
        NEW.sign * NEW.new_customer, NEW.sign * NEW.sale_minor, NEW.sign * NEW.discount_minor,
        NEW.sign * NEW.commission_minor, NEW.sign * NEW.new_customer * NEW.sale_minor,
        NEW.sign * NEW.new_customer * NEW.discount_minor)
    ON CONFLICT (partner_id, currency, month) DO UPDATE SET
        redemptions = redemptions + excluded.redemptions,
        new_customers = new_customers + excluded.new_customers,
        sales_minor = sales_minor + excluded.sales_minor,
        discounts_minor = discounts_minor + excluded.discounts_minor,
        commission_minor = commission_minor + excluded.commission_minor,
        sourced_sales_minor = sourced_sales_minor + excluded.sourced_sales_minor,
        sourced_discounts_minor = sourced_discounts_minor + excluded.sourced_discounts_minor;
END;

CREATE TRIGGER redemptions_add_to_totals AFTER INSERT ON redemptions
BEGIN
    INSERT INTO partner_totals_change VALUES (1, NEW.local_day, NEW.partner_id, NEW.currency,
        NEW.new_customer, NEW.sale_minor, NEW.discount_minor, NEW.commission_minor);
END;

CREATE TRIGGER redemption_voids_take_from_totals AFTER INSERT ON redemption_voids
BEGIN
    INSERT INTO partner_totals_change
    SELECT -1, r.local_day, r.partner_id, r.currency, r.new_customer, r.sale_minor,
           r.discount_minor, r.commission_minor
    FROM redemptions r WHERE r.id = NEW.redemption_id;
END;

-- A file written before these tables: its ledger summed once, voided redemptions left out.
INSERT INTO partner_day_totals (local_day, partner_id, currency, redemptions, new_customers,
    sales_minor, discounts_minor, commission_minor, sourced_sales_minor,
    sourced_discounts_minor)
SELECT t.local_day, t.partner_id, t.currency, count(*), sum(t.new_customer),
       sum(t.sale_minor), sum(t.discount_minor), sum(t.commission_minor),
       sum(t.sourced_sales_minor), sum(t.sourced_discounts_minor)
FROM redemption_figures t
WHERE NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = t.redemption_id)
GROUP BY t.local_day, t.partner_id, t.currency;

INSERT INTO partner_month_totals (partner_id, currency, month, redemptions, new_customers,
    sales_minor, discounts_minor, commission_minor, sourced_sales_minor,
    sourced_discounts_minor)
SELECT d.partner_id, d.currency, substr(d.local_day, 1, 7), sum(d.redemptions),
       sum(d.new_customers), sum(d.sales_minor), sum(d.discounts_minor),
       sum(d.commission_minor), sum(d.sourced_sales_minor), sum(d.sourced_discounts_minor)
FROM partner_day_totals d
GROUP BY d.partner_id, d.currency, substr(d.local_day, 1, 7);
