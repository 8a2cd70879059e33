-- Walk-in limits in the terms. A shop can take only so many referred customers a day (a
-- bakery with 20 free croissants to give), and some offers are meant to win new customers,
-- not to discount the regulars. Both are terms like any other: part of what was signed,
-- printed on the agreement, and kept by a signed version as it was signed.

-- At most this many redemptions that got the offer, per partner, per shop day; NULL for no
-- limit. 10,000 is far above any counter's day, so a larger number is a typo.
ALTER TABLE agreement_versions ADD COLUMN daily_limit BIGINT
    CHECK (daily_limit IS NULL OR daily_limit BETWEEN 1 AND 10000);

-- The offer (and so the reward) is for customers on their first visit only; the counter asks.
ALTER TABLE agreement_versions ADD COLUMN new_customers_only BIGINT NOT NULL DEFAULT 0
    CHECK (new_customers_only IN (0, 1));

-- The frozen trigger of the agreements migration lists the columns it knew; these two are
-- held by a trigger of their own, as `reciprocal` is.
CREATE TRIGGER agreement_versions_walk_in_limits_frozen BEFORE UPDATE ON agreement_versions
FOR EACH ROW WHEN (OLD.status <> 'draft'
                   AND (NEW.daily_limit IS DISTINCT FROM OLD.daily_limit
                        OR NEW.new_customers_only IS DISTINCT FROM OLD.new_customers_only))
EXECUTE FUNCTION refuse('signed agreement terms are immutable');

-- The daily limit holds in the database too, whatever the caller does: a redemption that
-- gets the offer is refused once the partner's day already holds as many such redemptions,
-- voided ones left out, as the terms it is logged under allow. The app checks the same count
-- in the same transaction first, so this only ever stops a tool or a bug. Redemptions that
-- got no offer (a returning customer under new-customers-only terms) use no place.
-- As with a code's limit, the partner's row is locked before the day is counted, so two
-- tills taking the day's last place at once queue, and the second counts the first's
-- redemption (READ COMMITTED: each statement sees what committed before it). PostgreSQL
-- runs a table's triggers in name order, so this lock comes before the code's lock in
-- redemptions_within_limit, in every session alike.
CREATE FUNCTION redemptions_within_daily_limit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    day_limit bigint;
BEGIN
    SELECT daily_limit INTO day_limit FROM agreement_versions
    WHERE id = NEW.agreement_version_id;
    IF day_limit IS NULL THEN
        RETURN NEW;
    END IF;
    PERFORM 1 FROM partners WHERE id = NEW.partner_id FOR NO KEY UPDATE;
    IF (SELECT count(*) FROM redemptions r
        WHERE r.partner_id = NEW.partner_id AND r.local_day = NEW.local_day
          AND r.offer_applied = 1
          AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = r.id))
       >= day_limit THEN
        RAISE EXCEPTION 'this partner has used its redemptions for the day';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER redemptions_within_daily_limit BEFORE INSERT ON redemptions
FOR EACH ROW WHEN (NEW.offer_applied = 1)
EXECUTE FUNCTION redemptions_within_daily_limit();
