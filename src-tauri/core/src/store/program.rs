//! Program costs, their reversals, and the sums the dashboard reads. Every sum leaves
//! voided redemptions and reversed costs out and counts one currency, the shop's. Triggers
//! refuse any UPDATE or DELETE of a cost or a reversal.

use super::Conn;
use crate::on;
use chrono::{DateTime, NaiveDate, Utc};
use iso_currency::Currency;
use sqlx::FromRow;

use super::to_millis;
use super::totals::{bind_span, Span, SPAN_ROWS};
use crate::desk::Actor;
use crate::ids::{CampaignId, CostId};
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
    pub campaign_id: Option<CampaignId>,
    pub at: DateTime<Utc>,
    /// Who recorded it: their name and, when signed in, their id.
    pub by: &'a Actor,
}

/// Stores a cost.
pub async fn insert_cost(conn: &mut Conn, c: &NewCost<'_>) -> sqlx::Result<CostId> {
    on!(conn, db => sqlx::query_scalar(
        "INSERT INTO program_costs (spent_on, category, currency, amount_minor, partner_id,
             description, recorded_at, recorded_by, recorded_by_id, campaign_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
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
    .bind(c.campaign_id)
    .fetch_one(db)
    .await)
}

/// A stored cost, with its reversal when it has one.
#[derive(FromRow)]
pub struct CostRow {
    pub id: CostId,
    pub spent_on: String,
    pub category: String,
    pub currency: String,
    pub amount_minor: i64,
    pub partner_id: Option<i64>,
    pub partner_name: Option<String>,
    pub description: String,
    pub campaign_id: Option<i64>,
    pub campaign_name: Option<String>,
    pub reversed_at: Option<i64>,
    pub reversed_by: Option<String>,
    pub reason: Option<String>,
}

const SELECT_COSTS: &str = "SELECT c.id, c.spent_on, c.category, c.currency, c.amount_minor,
        c.partner_id, p.name AS partner_name, c.description,
        c.campaign_id, g.name AS campaign_name,
        x.reversed_at, x.reversed_by, x.reason
    FROM program_costs c
    LEFT JOIN partners p ON p.id = c.partner_id
    LEFT JOIN campaigns g ON g.id = c.campaign_id
    LEFT JOIN cost_reversals x ON x.cost_id = c.id";

/// Costs in `cur` spent on days `from..=to`, newest first, reversed ones included.
pub async fn costs_between(
    conn: &mut Conn,
    (from, to): (NaiveDate, NaiveDate),
    cur: Currency,
) -> sqlx::Result<Vec<CostRow>> {
    let sql = format!(
        "{SELECT_COSTS} WHERE c.spent_on BETWEEN $1 AND $2 AND c.currency = $3
         ORDER BY c.spent_on DESC, c.id DESC"
    );
    on!(conn, db => sqlx::query_as(&sql)
        .bind(iso(from))
        .bind(iso(to))
        .bind(cur.code())
        .fetch_all(db)
        .await)
}

/// One cost, with its reversal if any.
pub async fn cost_by_id(conn: &mut Conn, id: CostId) -> sqlx::Result<Option<CostRow>> {
    let sql = format!("{SELECT_COSTS} WHERE c.id = $1");
    on!(conn, db => sqlx::query_as(&sql).bind(id).fetch_optional(db).await)
}

/// Records that `by` reversed cost `id`; the UNIQUE key (and a trigger) refuse a second.
pub async fn insert_cost_reversal(
    conn: &mut Conn,
    id: CostId,
    reason: &str,
    at: DateTime<Utc>,
    by: &Actor,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query(
        "INSERT INTO cost_reversals (cost_id, reversed_at, reversed_by, reversed_by_id, reason)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(to_millis(at))
    .bind(&by.name)
    .bind(by.person)
    .bind(reason)
    .execute(db)
    .await
        .map(|done| done.rows_affected()))?;
    Ok(())
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
    /// Sales to new customers (a subset of `sales`).
    pub sourced_sales: i64,
    /// Discounts given to new customers (a subset of `discounts`).
    pub sourced_discounts: i64,
    pub costs: i64,
    /// What the partner owes us for statement periods ending in the days.
    pub income: i64,
    /// What the partner paid us in the days.
    pub received: i64,
}

/// Per partner with any redemption, cost, income or receipt in `cur` on days `from..=to`.
pub async fn partner_sums(
    conn: &mut Conn,
    (from, to): (NaiveDate, NaiveDate),
    cur: Currency,
) -> sqlx::Result<Vec<PartnerSums>> {
    let sql = format!(
        include_str!("program_partner_sums.sql"),
        span_rows = SPAN_ROWS
    );
    on!(conn, db => {
        let query = sqlx::query_as(&sql)
            .bind(iso(from))
            .bind(iso(to))
            .bind(cur.code());
        bind_span!(query, Span::of((from, to))).fetch_all(db).await
    })
}

/// Costs in `cur` on days `from..=to` for no partner in particular, reversed ones left out.
pub async fn shared_costs(
    conn: &mut Conn,
    (from, to): (NaiveDate, NaiveDate),
    cur: Currency,
) -> sqlx::Result<i64> {
    on!(conn, db => sqlx::query_scalar(
        "SELECT coalesce(CAST(sum(c.amount_minor) AS BIGINT), 0) FROM program_costs c
         WHERE c.partner_id IS NULL AND c.spent_on BETWEEN $1 AND $2 AND c.currency = $3
           AND NOT EXISTS (SELECT 1 FROM cost_reversals x WHERE x.cost_id = c.id)",
    )
    .bind(iso(from))
    .bind(iso(to))
    .bind(cur.code())
    .fetch_one(db)
    .await)
}

/// One day's redemptions and sales of a partner the chart shows on its own, or, with no
/// partner, of all the others together.
#[derive(Debug, Clone, FromRow)]
pub struct DayRow {
    pub local_day: String,
    pub partner_id: Option<PartnerId>,
    pub redemptions: i64,
    pub sales: i64,
}

/// Redemptions and sales in `cur` per day on days `from..=to`, for each partner in `shown`
/// and for the rest together: a chart of two hundred partners keeps its legend readable and
/// its points few. Days with nothing counted are absent.
pub async fn daily(
    conn: &mut Conn,
    (from, to): (NaiveDate, NaiveDate),
    cur: Currency,
    shown: &[PartnerId],
) -> sqlx::Result<Vec<DayRow>> {
    let shown = serde_json::to_string(shown).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let values = conn.dialect().json_values("$4", true);
    let sql = format!(
        "SELECT d.local_day,
                CASE WHEN d.partner_id IN ({values}) THEN d.partner_id
                END AS partner_id,
                CAST(sum(d.redemptions) AS BIGINT) AS redemptions, CAST(sum(d.sales_minor) AS BIGINT) AS sales
         FROM partner_day_totals d
         WHERE d.local_day BETWEEN $1 AND $2 AND d.currency = $3
         GROUP BY d.local_day, 2 HAVING CAST(sum(d.redemptions) AS BIGINT) != 0"
    );
    on!(conn, db => sqlx::query_as(&sql)
    .bind(iso(from))
    .bind(iso(to))
    .bind(cur.code())
    .bind(shown)
    .fetch_all(db)
    .await)
}

/// What partner-referred customers paid in one month: the month's counted redemptions,
/// with the sales and discounts of new customers apart.
#[derive(Debug, Clone, FromRow)]
pub struct MonthPaid {
    /// `YYYY-MM`.
    pub month: String,
    pub redemptions: i64,
    pub new_customers: i64,
    pub sales: i64,
    pub discounts: i64,
    /// Sales to new customers (a subset of `sales`).
    pub sourced_sales: i64,
    /// Discounts given to new customers (a subset of `discounts`).
    pub sourced_discounts: i64,
}

/// Per month (`YYYY-MM`, the shop's calendar) of days `from..=to`, voided redemptions left
/// out, in `cur` only; months without redemptions are absent.
pub async fn paid_by_month(
    conn: &mut Conn,
    (from, to): (NaiveDate, NaiveDate),
    cur: Currency,
) -> sqlx::Result<Vec<MonthPaid>> {
    // $1 and $2 are bound for the days of the span; the totals read them through $6..$9.
    let sql = format!(
        "SELECT s.month,
                CAST(sum(s.redemptions) AS BIGINT) AS redemptions, CAST(sum(s.new_customers) AS BIGINT) AS new_customers,
                CAST(sum(s.sales_minor) AS BIGINT) AS sales, CAST(sum(s.discounts_minor) AS BIGINT) AS discounts,
                CAST(sum(s.sourced_sales_minor) AS BIGINT) AS sourced_sales,
                CAST(sum(s.sourced_discounts_minor) AS BIGINT) AS sourced_discounts
         FROM ({SPAN_ROWS}) s
         GROUP BY s.month HAVING CAST(sum(s.redemptions) AS BIGINT) != 0 ORDER BY s.month"
    );
    on!(conn, db => {
        let query = sqlx::query_as(&sql)
            .bind(iso(from))
            .bind(iso(to))
            .bind(cur.code());
        bind_span!(query, Span::of((from, to))).fetch_all(db).await
    })
}
