-- What the partner program costs beyond commissions and discounts, the shop's own revenue
-- per month (to see the partners' share of it), and the goals the owner sets.

CREATE TABLE program_costs (
    id           INTEGER PRIMARY KEY NOT NULL,
    spent_on     TEXT NOT NULL CHECK (date(spent_on) = spent_on),
    category     TEXT NOT NULL CHECK (category IN ('printing', 'events', 'joint_promotion', 'other')),
    currency     TEXT NOT NULL CHECK (length(currency) = 3),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    -- The partner the cost was for, when it was for one.
    partner_id   INTEGER REFERENCES partners (id),
    description  TEXT NOT NULL CHECK (length(description) <= 200),
    recorded_at  INTEGER NOT NULL,
    recorded_by  TEXT NOT NULL
) STRICT;

CREATE INDEX program_costs_day ON program_costs (spent_on);

-- All of the shop's revenue in a month, as the owner enters it from the till's reports.
CREATE TABLE monthly_revenue (
    month        TEXT PRIMARY KEY NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    currency     TEXT NOT NULL CHECK (length(currency) = 3),
    amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
    updated_at   INTEGER NOT NULL
) STRICT;

-- A goal: a share of revenue via partners (target in hundredths of a percent) or new
-- customers via partners in a month (target a count), to reach by a month.
CREATE TABLE goals (
    id         INTEGER PRIMARY KEY NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('revenue_share', 'new_customers_per_month')),
    target     INTEGER NOT NULL CHECK (target > 0),
    by_month   TEXT NOT NULL CHECK (by_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL
) STRICT;

-- The dashboard sums redemptions by day across every partner.
CREATE INDEX redemptions_day ON redemptions (local_day);
