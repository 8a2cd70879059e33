-- What each partner brought, summed per shop day and per month (issue 20). Balances, the
-- partner list, statements and the dashboards summed the ledger at read time: a partner's
-- balance read its whole history, and the partner list did that for every partner (6.9 s at
-- a million redemptions). These two tables hold the same sums, kept by the triggers below in
-- the transaction that writes each redemption or void, so no path can forget them.
--
-- They are derived, not history: the ledger stays the record, and
-- `store::totals::mismatches` recomputes them from it. A void adds the voided redemption's
-- figures back negated, so a day whose sales were all voided keeps a row of zeros.
-- SQLite's tables are STRICT so that a sum overflowing into a REAL is refused; here BIGINT
-- arithmetic past its range raises "bigint out of range" (SQLSTATE 22003), so the write
-- that would have done it fails just the same. SQLite's WITHOUT ROWID keeps the rows in key
-- order; PostgreSQL has no such table, and the primary key's index serves the range reads.
-- Two tills adding to one day at once queue on its row in the upsert, and both additions
-- count.

CREATE TABLE partner_day_totals (
    -- The shop's day (`YYYY-MM-DD`). First in the key: the dashboards read a range of days
    -- for every partner, which is then one contiguous stretch of the key's index.
    local_day         TEXT NOT NULL,
    partner_id        BIGINT NOT NULL REFERENCES partners (id),
    currency          TEXT NOT NULL,
    -- Counted redemptions (voided ones taken back out).
    redemptions       BIGINT NOT NULL,
    new_customers     BIGINT NOT NULL,
    sales_minor       BIGINT NOT NULL,
    discounts_minor   BIGINT NOT NULL,
    commission_minor  BIGINT NOT NULL,
    -- Sales and discounts of new customers: what the partner sourced.
    sourced_sales_minor     BIGINT NOT NULL,
    sourced_discounts_minor BIGINT NOT NULL,
    PRIMARY KEY (local_day, partner_id, currency)
);

-- A partner's days in order: its latest day with trade, and its current month's days.
CREATE INDEX partner_day_totals_partner ON partner_day_totals (partner_id, local_day);

CREATE TABLE partner_month_totals (
    partner_id        BIGINT NOT NULL REFERENCES partners (id),
    currency          TEXT NOT NULL,
    -- The shop's month (`YYYY-MM`).
    month             TEXT NOT NULL,
    redemptions       BIGINT NOT NULL,
    new_customers     BIGINT NOT NULL,
    sales_minor       BIGINT NOT NULL,
    discounts_minor   BIGINT NOT NULL,
    commission_minor  BIGINT NOT NULL,
    sourced_sales_minor     BIGINT NOT NULL,
    sourced_discounts_minor BIGINT NOT NULL,
    PRIMARY KEY (partner_id, currency, month)
);

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
-- day and month, written once for both triggers below. The sign is a BIGINT, as every
-- integer the store reads; a bare 0 would make it an INT4.
CREATE VIEW partner_totals_change AS
SELECT 0::bigint AS sign, local_day, partner_id, currency, new_customer, sale_minor,
       discount_minor, commission_minor
FROM redemptions WHERE false;

CREATE FUNCTION partner_totals_change_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO partner_day_totals AS t (local_day, partner_id, currency, redemptions,
        new_customers, sales_minor, discounts_minor, commission_minor, sourced_sales_minor,
        sourced_discounts_minor)
    VALUES (NEW.local_day, NEW.partner_id, NEW.currency, NEW.sign,
        NEW.sign * NEW.new_customer, NEW.sign * NEW.sale_minor, NEW.sign * NEW.discount_minor,
        NEW.sign * NEW.commission_minor, NEW.sign * NEW.new_customer * NEW.sale_minor,
        NEW.sign * NEW.new_customer * NEW.discount_minor)
    ON CONFLICT (local_day, partner_id, currency) DO UPDATE SET
        redemptions = t.redemptions + excluded.redemptions,
        new_customers = t.new_customers + excluded.new_customers,
        sales_minor = t.sales_minor + excluded.sales_minor,
        discounts_minor = t.discounts_minor + excluded.discounts_minor,
        commission_minor = t.commission_minor + excluded.commission_minor,
        sourced_sales_minor = t.sourced_sales_minor + excluded.sourced_sales_minor,
        sourced_discounts_minor = t.sourced_discounts_minor + excluded.sourced_discounts_minor;
    -- The same change to the month.
    INSERT INTO partner_month_totals AS t (partner_id, currency, month, redemptions,
        new_customers, sales_minor, discounts_minor, commission_minor, sourced_sales_minor,
        sourced_discounts_minor)
    VALUES (NEW.partner_id, NEW.currency, substr(NEW.local_day, 1, 7), NEW.sign,
        NEW.sign * NEW.new_customer, NEW.sign * NEW.sale_minor, NEW.sign * NEW.discount_minor,
        NEW.sign * NEW.commission_minor, NEW.sign * NEW.new_customer * NEW.sale_minor,
        NEW.sign * NEW.new_customer * NEW.discount_minor)
    ON CONFLICT (partner_id, currency, month) DO UPDATE SET
        redemptions = t.redemptions + excluded.redemptions,
        new_customers = t.new_customers + excluded.new_customers,
        sales_minor = t.sales_minor + excluded.sales_minor,
        discounts_minor = t.discounts_minor + excluded.discounts_minor,
        commission_minor = t.commission_minor + excluded.commission_minor,
        sourced_sales_minor = t.sourced_sales_minor + excluded.sourced_sales_minor,
        sourced_discounts_minor = t.sourced_discounts_minor + excluded.sourced_discounts_minor;
    RETURN NEW;
END;
$$;

CREATE TRIGGER partner_totals_change_apply INSTEAD OF INSERT ON partner_totals_change
    FOR EACH ROW EXECUTE FUNCTION partner_totals_change_apply();

CREATE FUNCTION redemptions_add_to_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO partner_totals_change VALUES (1, NEW.local_day, NEW.partner_id, NEW.currency,
        NEW.new_customer, NEW.sale_minor, NEW.discount_minor, NEW.commission_minor);
    RETURN NULL;
END;
$$;

CREATE TRIGGER redemptions_add_to_totals AFTER INSERT ON redemptions
    FOR EACH ROW EXECUTE FUNCTION redemptions_add_to_totals();

CREATE FUNCTION redemption_voids_take_from_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO partner_totals_change
    SELECT -1, r.local_day, r.partner_id, r.currency, r.new_customer, r.sale_minor,
           r.discount_minor, r.commission_minor
    FROM redemptions r WHERE r.id = NEW.redemption_id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER redemption_voids_take_from_totals AFTER INSERT ON redemption_voids
    FOR EACH ROW EXECUTE FUNCTION redemption_voids_take_from_totals();

-- A file written before these tables: its ledger summed once, voided redemptions left out.
-- (sum() of BIGINT is NUMERIC here; the insert casts each total back to BIGINT, and refuses
-- one past its range.)
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
