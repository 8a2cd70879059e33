//! Program costs, the shop's monthly revenue, goals, and the sums the dashboard reads.
//! Every sum leaves voided redemptions out and counts one currency, the shop's.

use crate::ids::{CostId, GoalId};
use chrono::{DateTime, NaiveDate, Utc};
use iso_currency::Currency;
use sqlx::{FromRow, SqliteConnection};

use super::to_millis;
use crate::desk::Actor;
use crate::partners::PartnerId;

fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// A program cost about to be stored.
pub struct NewCost<'a> {
    pub spent_on: NaiveDate,
    pub category: &'a str,
    pub currency: &'a str,
    pub amount_minor: i64,
    pub partner_id: Option<PartnerId>,
    pub description: &'a str,
    pub at: DateTime<Utc>,
    /// Who recorded it: their name and, when signed in, their id.
    pub by: &'a Actor,
}

/// Stores a cost.
pub async fn insert_cost(conn: &mut SqliteConnection, c: &NewCost<'_>) -> sqlx::Result<CostId> {
    sqlx::query_scalar(
        "INSERT INTO program_costs (spent_on, category, currency, amount_minor, partner_id,
             description, recorded_at, recorded_by, recorded_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(iso(c.spent_on))
    .bind(c.category)
    .bind(c.currency)
    .bind(c.amount_minor)
    .bind(c.partner_id)
    .bind(c.description)
    .bind(to_millis(c.at))
    .bind(&c.by.name)
    .bind(c.by.person)
    .fetch_one(conn)
    .await
}

/// A stored cost.
#[derive(FromRow)]
pub struct CostRow {
    pub id: CostId,
    pub spent_on: String,
    pub category: String,
    pub amount_minor: i64,
    pub partner_id: Option<i64>,
    pub partner_name: Option<String>,
    pub description: String,
}

/// Costs in `cur` spent on days `from..=to`, newest first.
pub async fn costs_between(
    conn: &mut SqliteConnection,
    (from, to): (NaiveDate, NaiveDate),
    cur: Currency,
) -> sqlx::Result<Vec<CostRow>> {
    sqlx::query_as(
        "SELECT c.id, c.spent_on, c.category, c.amount_minor, c.partner_id,
                p.name AS partner_name, c.description
         FROM program_costs c LEFT JOIN partners p ON p.id = c.partner_id
         WHERE c.spent_on BETWEEN $1 AND $2 AND c.currency = $3
         ORDER BY c.spent_on DESC, c.id DESC",
    )
    .bind(iso(from))
    .bind(iso(to))
    .bind(cur.code())
    .fetch_all(conn)
    .await
}

/// Sets (or replaces) the shop's revenue for `month` (`YYYY-MM`).
pub async fn set_revenue(
    conn: &mut SqliteConnection,
    month: &str,
    currency: &str,
    amount_minor: i64,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO monthly_revenue (month, currency, amount_minor, updated_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (month) DO UPDATE SET currency = excluded.currency,
             amount_minor = excluded.amount_minor, updated_at = excluded.updated_at",
    )
    .bind(month)
    .bind(currency)
    .bind(amount_minor)
    .bind(to_millis(at))
    .execute(conn)
    .await?;
    Ok(())
}

/// The revenue entered in `cur` for months `from..=to` (`YYYY-MM`), oldest first.
pub async fn revenue_between(
    conn: &mut SqliteConnection,
    (from, to): (&str, &str),
    cur: Currency,
) -> sqlx::Result<Vec<(String, i64)>> {
    sqlx::query_as(
        "SELECT month, amount_minor FROM monthly_revenue
         WHERE month BETWEEN $1 AND $2 AND currency = $3 ORDER BY month",
    )
    .bind(from)
    .bind(to)
    .bind(cur.code())
    .fetch_all(conn)
    .await
}

/// Stores a goal set by `by`.
pub async fn insert_goal(
    conn: &mut SqliteConnection,
    (kind, target, by_month): (&str, i64, &str),
    at: DateTime<Utc>,
    by: &Actor,
) -> sqlx::Result<GoalId> {
    sqlx::query_scalar(
        "INSERT INTO goals (kind, target, by_month, created_at, created_by, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(kind)
    .bind(target)
    .bind(by_month)
    .bind(to_millis(at))
    .bind(&by.name)
    .bind(by.person)
    .fetch_one(conn)
    .await
}

/// Every goal as (id, kind, target, by_month), oldest first.
pub async fn goals(
    conn: &mut SqliteConnection,
) -> sqlx::Result<Vec<(GoalId, String, i64, String)>> {
    sqlx::query_as("SELECT id, kind, target, by_month FROM goals ORDER BY id")
        .fetch_all(conn)
        .await
}

/// One partner's sums over a period.
#[derive(Debug, Clone, FromRow)]
pub struct PartnerSums {
    pub partner_id: i64,
    pub name: String,
    pub redemptions: i64,
    pub new_customers: i64,
    pub sales: i64,
    pub discounts: i64,
    pub commissions: i64,
    pub costs: i64,
}

/// Per partner with any redemption or cost in `cur` on days `from..=to`.
pub async fn partner_sums(
    conn: &mut SqliteConnection,
    (from, to): (NaiveDate, NaiveDate),
    cur: Currency,
) -> sqlx::Result<Vec<PartnerSums>> {
    sqlx::query_as(include_str!("program_partner_sums.sql"))
        .bind(iso(from))
        .bind(iso(to))
        .bind(cur.code())
        .fetch_all(conn)
        .await
}

/// Costs in `cur` on days `from..=to` for no partner in particular.
pub async fn shared_costs(
    conn: &mut SqliteConnection,
    (from, to): (NaiveDate, NaiveDate),
    cur: Currency,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT coalesce(sum(amount_minor), 0) FROM program_costs
         WHERE partner_id IS NULL AND spent_on BETWEEN $1 AND $2 AND currency = $3",
    )
    .bind(iso(from))
    .bind(iso(to))
    .bind(cur.code())
    .fetch_one(conn)
    .await
}

/// One partner's redemptions and sales in one week (starting Monday).
#[derive(Debug, Clone, FromRow)]
pub struct WeekRow {
    pub week: String,
    pub partner_id: i64,
    pub redemptions: i64,
    pub sales: i64,
}

/// Redemptions and sales in `cur` per week and partner on days `from..=to`.
pub async fn weekly(
    conn: &mut SqliteConnection,
    (from, to): (NaiveDate, NaiveDate),
    cur: Currency,
) -> sqlx::Result<Vec<WeekRow>> {
    sqlx::query_as(
        "SELECT date(r.local_day, '-6 days', 'weekday 1') AS week, r.partner_id,
                count(*) AS redemptions, sum(r.sale_minor) AS sales
         FROM redemptions r
         WHERE r.local_day BETWEEN $1 AND $2 AND r.currency = $3
           AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = r.id)
         GROUP BY week, r.partner_id ORDER BY week, r.partner_id",
    )
    .bind(iso(from))
    .bind(iso(to))
    .bind(cur.code())
    .fetch_all(conn)
    .await
}

/// What partner-referred customers paid in one month: sales and discounts of the month's
/// counted redemptions.
#[derive(Debug, Clone, FromRow)]
pub struct MonthPaid {
    /// `YYYY-MM`.
    pub month: String,
    pub sales: i64,
    pub discounts: i64,
}

/// Per month (`YYYY-MM`, the shop's calendar) of days `from..=to`, voided redemptions left
/// out, in `cur` only; months without redemptions are absent.
pub async fn paid_by_month(
    conn: &mut SqliteConnection,
    (from, to): (NaiveDate, NaiveDate),
    cur: Currency,
) -> sqlx::Result<Vec<MonthPaid>> {
    sqlx::query_as(
        "SELECT substr(r.local_day, 1, 7) AS month,
                sum(r.sale_minor) AS sales, sum(r.discount_minor) AS discounts
         FROM redemptions r
         WHERE r.local_day BETWEEN $1 AND $2 AND r.currency = $3
           AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = r.id)
         GROUP BY month ORDER BY month",
    )
    .bind(iso(from))
    .bind(iso(to))
    .bind(cur.code())
    .fetch_all(conn)
    .await
}
