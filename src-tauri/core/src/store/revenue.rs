//! The shop's monthly revenue: `revenue_entries` holds every figure entered, append-only,
//! and the `monthly_revenue` view the figure in force (each month's latest entry).

use super::Conn;
use crate::on;
use chrono::{DateTime, Utc};
use iso_currency::Currency;
use sqlx::FromRow;

use super::to_millis;
use crate::desk::Actor;

/// A figure about to be entered for a month.
pub struct NewEntry<'a> {
    /// `YYYY-MM`.
    pub month: &'a str,
    pub currency: &'a str,
    pub amount_minor: i64,
    /// Empty for a month's first figure; a trigger refuses an empty one after that.
    pub reason: &'a str,
    pub at: DateTime<Utc>,
    pub by: &'a Actor,
}

/// Appends a figure; it is in force from now on.
pub async fn insert(conn: &mut Conn, e: &NewEntry<'_>) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query(
        "INSERT INTO revenue_entries (month, currency, amount_minor, reason, entered_at,
             entered_by, entered_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(e.month)
    .bind(e.currency)
    .bind(e.amount_minor)
    .bind(e.reason)
    .bind(to_millis(e.at))
    .bind(&e.by.name)
    .bind(e.by.person)
    .execute(db)
    .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// One stored figure.
#[derive(Debug, Clone, FromRow)]
pub struct EntryRow {
    pub month: String,
    pub currency: String,
    pub amount_minor: i64,
    pub reason: String,
    pub entered_at: i64,
    pub entered_by: String,
}

const SELECT: &str = "SELECT month, currency, amount_minor, reason, entered_at, entered_by
    FROM revenue_entries";

/// Every figure entered for `month`, the one in force first.
pub async fn for_month(conn: &mut Conn, month: &str) -> sqlx::Result<Vec<EntryRow>> {
    let sql = format!("{SELECT} WHERE month = $1 ORDER BY id DESC");
    on!(conn, db => sqlx::query_as(&sql).bind(month).fetch_all(db).await)
}

/// Every figure entered, newest month first and within a month the one in force first.
pub async fn all(conn: &mut Conn) -> sqlx::Result<Vec<EntryRow>> {
    let sql = format!("{SELECT} ORDER BY month DESC, id DESC");
    on!(conn, db => sqlx::query_as(&sql).fetch_all(db).await)
}

/// The figures in force in `cur` for months `from..=to` (`YYYY-MM`), oldest first.
pub async fn in_force_between(
    conn: &mut Conn,
    (from, to): (&str, &str),
    cur: Currency,
) -> sqlx::Result<Vec<(String, i64)>> {
    on!(conn, db => sqlx::query_as(
        "SELECT month, amount_minor FROM monthly_revenue
         WHERE month BETWEEN $1 AND $2 AND currency = $3 ORDER BY month",
    )
    .bind(from)
    .bind(to)
    .bind(cur.code())
    .fetch_all(db)
    .await)
}
