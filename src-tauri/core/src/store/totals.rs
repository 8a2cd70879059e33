//! `partner_day_totals` and `partner_month_totals`: each partner's counted redemptions summed
//! per shop day and per month, kept by the schema's triggers with every redemption and void
//! (migration `…016_partner_totals.sql`). What a partner earned up to a day is its months
//! before that day's month plus that month's days up to it, so a balance reads at most a few
//! hundred rows, not the partner's whole history.
//!
//! Sums are one SQL `sum()` over the rows of both tables (a `UNION ALL`), never `a + b` of
//! two sums: SQLite's `sum()` refuses to wrap, where `+` would turn into a float.

use super::Conn;
use crate::on;
use chrono::{Datelike, NaiveDate};
use sqlx::FromRow;

use crate::partners::PartnerId;

fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// Commission rows in currency `$3` up to and including day `$2`: whole months before that
/// day's month, then that month's days; of partner `$1` alone when `one`. (A filter that
/// could be true for all, `$1 IS NULL OR …`, would keep SQLite from its indexes.)
fn earned_through(one: bool) -> String {
    let (m, d) = if one {
        ("m.partner_id = $1 AND", "d.partner_id = $1 AND")
    } else {
        ("", "")
    };
    format!(
        "SELECT m.partner_id, m.commission_minor AS commission FROM partner_month_totals m
          WHERE {m} m.currency = $3 AND m.month < substr($2, 1, 7)
         UNION ALL
         SELECT d.partner_id, d.commission_minor FROM partner_day_totals d
          WHERE {d} d.currency = $3 AND d.local_day BETWEEN substr($2, 1, 7) || '-01' AND $2"
    )
}

/// The SQL of the commission partner `$1` earned in currency `$3` up to and including day
/// `$2`, for the payout and settlement sums to subtract from.
pub(crate) fn earned_through_sql() -> String {
    format!(
        "SELECT coalesce(CAST(sum(commission) AS BIGINT), 0) FROM ({}) AS e",
        earned_through(true)
    )
}

/// Per partner with any row: commission earned in currency `$3` up to and including day
/// `$2` (`$1` is not read).
pub(crate) fn earned_through_by_partner_sql() -> String {
    format!(
        "SELECT partner_id, CAST(sum(commission) AS BIGINT) AS earned FROM ({}) AS e GROUP BY partner_id",
        earned_through(false)
    )
}

/// Commission a partner earned in `currency` on days `from..=to`, voided redemptions
/// excluded: the month-so-far a cap is checked against.
pub async fn commission_between(
    conn: &mut Conn,
    partner: PartnerId,
    currency: iso_currency::Currency,
    (from, to): (NaiveDate, NaiveDate),
) -> sqlx::Result<i64> {
    on!(conn, db => sqlx::query_scalar(
        "SELECT coalesce(CAST(sum(d.commission_minor) AS BIGINT), 0) FROM partner_day_totals d
         WHERE d.partner_id = $1 AND d.local_day BETWEEN $2 AND $3 AND d.currency = $4",
    )
    .bind(partner)
    .bind(iso(from))
    .bind(iso(to))
    .bind(currency.code())
    .fetch_one(db)
    .await)
}

/// One partner's counted redemptions, voided ones left out.
#[derive(Debug, Clone, FromRow)]
pub struct RecentRow {
    pub partner_id: PartnerId,
    /// `YYYY-MM-DD`, the shop's day of the latest.
    pub last_day: String,
    /// How many fell on days `from..=to` of the query.
    pub in_days: i64,
}

/// Per partner with any counted redemption: the day of its latest and how many fell on
/// days `from..=to`, in any currency (a day and a count need none).
pub async fn recent(
    conn: &mut Conn,
    (from, to): (NaiveDate, NaiveDate),
) -> sqlx::Result<Vec<RecentRow>> {
    // The latest day walks each partner's days backwards from its newest and stops at the
    // first that still counts (a day whose sales were all voided keeps a row of zeros).
    on!(conn, db => sqlx::query_as(
        "SELECT * FROM (
             SELECT p.id AS partner_id,
                    (SELECT d.local_day FROM partner_day_totals d
                      WHERE d.partner_id = p.id AND d.redemptions > 0
                      ORDER BY d.local_day DESC LIMIT 1) AS last_day,
                    (SELECT coalesce(CAST(sum(d.redemptions) AS BIGINT), 0) FROM partner_day_totals d
                      WHERE d.partner_id = p.id AND d.local_day BETWEEN $1 AND $2) AS in_days
             FROM partners p) AS latest
         WHERE last_day IS NOT NULL",
    )
    .bind(iso(from))
    .bind(iso(to))
    .fetch_all(db)
    .await)
}

/// Where the totals disagree with the ledger summed afresh: each line names the table, the
/// partner, the day or month and the currency. Empty when they agree.
pub async fn mismatches(conn: &mut Conn) -> sqlx::Result<Vec<String>> {
    // A row of zeros (every sale of the day voided) agrees with no row at all.
    on!(conn, db => sqlx::query_scalar(
        "WITH ledger AS (
             SELECT t.local_day, t.month, t.partner_id, t.currency, count(*) AS redemptions,
                    CAST(sum(t.new_customer) AS BIGINT) AS new_customers, CAST(sum(t.sale_minor) AS BIGINT) AS sales,
                    CAST(sum(t.discount_minor) AS BIGINT) AS discounts, CAST(sum(t.commission_minor) AS BIGINT) AS commission,
                    CAST(sum(t.sourced_sales_minor) AS BIGINT) AS sourced_sales,
                    CAST(sum(t.sourced_discounts_minor) AS BIGINT) AS sourced_discounts
             FROM redemption_figures t
             WHERE NOT EXISTS (SELECT 1 FROM redemption_voids v
                               WHERE v.redemption_id = t.redemption_id)
             GROUP BY t.local_day, t.month, t.partner_id, t.currency
         ),
         days AS (
             SELECT local_day, partner_id, currency,
                    redemptions || '/' || new_customers || '/' || sales_minor || '/'
                    || discounts_minor || '/' || commission_minor || '/'
                    || sourced_sales_minor || '/' || sourced_discounts_minor AS figures
             FROM partner_day_totals WHERE redemptions != 0 OR sales_minor != 0
                OR commission_minor != 0 OR discounts_minor != 0 OR new_customers != 0
                OR sourced_sales_minor != 0 OR sourced_discounts_minor != 0
         ),
         ledger_days AS (
             SELECT local_day, partner_id, currency,
                    redemptions || '/' || new_customers || '/' || sales || '/' || discounts
                    || '/' || commission || '/' || sourced_sales || '/' || sourced_discounts
                    AS figures
             FROM ledger
         ),
         months AS (
             SELECT month, partner_id, currency,
                    redemptions || '/' || new_customers || '/' || sales_minor || '/'
                    || discounts_minor || '/' || commission_minor || '/'
                    || sourced_sales_minor || '/' || sourced_discounts_minor AS figures
             FROM partner_month_totals WHERE redemptions != 0 OR sales_minor != 0
                OR commission_minor != 0 OR discounts_minor != 0 OR new_customers != 0
                OR sourced_sales_minor != 0 OR sourced_discounts_minor != 0
         ),
         ledger_months AS (
             SELECT month, partner_id, currency,
                    CAST(sum(redemptions) AS BIGINT) || '/' || CAST(sum(new_customers) AS BIGINT) || '/' || CAST(sum(sales) AS BIGINT) || '/'
                    || CAST(sum(discounts) AS BIGINT) || '/' || CAST(sum(commission) AS BIGINT) || '/' || CAST(sum(sourced_sales) AS BIGINT)
                    || '/' || CAST(sum(sourced_discounts) AS BIGINT) AS figures
             FROM ledger GROUP BY month, partner_id, currency
         )
         SELECT DISTINCT 'day ' || local_day || ' partner ' || partner_id || ' ' || currency
         FROM (SELECT * FROM (SELECT * FROM days EXCEPT SELECT * FROM ledger_days) AS a
               UNION SELECT * FROM (SELECT * FROM ledger_days EXCEPT SELECT * FROM days) AS b)
              AS day_diff
         UNION ALL
         SELECT DISTINCT 'month ' || month || ' partner ' || partner_id || ' ' || currency
         FROM (SELECT * FROM (SELECT * FROM months EXCEPT SELECT * FROM ledger_months) AS a
               UNION SELECT * FROM (SELECT * FROM ledger_months EXCEPT SELECT * FROM months) AS b)
              AS month_diff",
    )
    .fetch_all(db)
    .await)
}

/// Days `from..=to` as the totals read them: the whole months inside from the month table,
/// and the days before and after those months from the day table. A range that is empty
/// has its first bound after its last, so `BETWEEN` finds nothing in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    /// `YYYY-MM`, first and last whole month.
    pub months: (String, String),
    /// Days before the first whole month.
    pub head: (String, String),
    /// Days after the last whole month.
    pub tail: (String, String),
}

impl Span {
    pub(crate) fn of((from, to): (NaiveDate, NaiveDate)) -> Self {
        let month = |d: NaiveDate| d.format("%Y-%m").to_string();
        let first_of_next = |d: NaiveDate| {
            let (y, m) = if d.month() == 12 {
                (d.year() + 1, 1)
            } else {
                (d.year(), d.month() + 1)
            };
            NaiveDate::from_ymd_opt(y, m, 1)
        };
        let start = if from.day() == 1 {
            Some(from)
        } else {
            first_of_next(from)
        };
        // The last day of the last whole month: `to` itself if it ends its month.
        let end = match to.succ_opt() {
            Some(next) if next.day() == 1 => Some(to),
            _ => to.with_day(1).and_then(|d| d.pred_opt()),
        };
        match (start, end) {
            (Some(start), Some(end)) if start <= end => Self {
                months: (month(start), month(end)),
                head: (iso(from), start.pred_opt().map_or_else(String::new, iso)),
                tail: (
                    end.succ_opt().map_or_else(|| "9999-12-31".into(), iso),
                    iso(to),
                ),
            },
            _ => Self {
                months: ("9999-12".into(), "0000-01".into()),
                head: (iso(from), iso(to)),
                tail: ("9999-12-31".into(), "0000-01-01".into()),
            },
        }
    }
}

/// The rows of both tables that make up a [`Span`], each with its partner and `YYYY-MM`
/// month: `$3` the currency, `$4..=$5` the whole months, `$6..=$7` and `$8..=$9` the days
/// around them (bound by [`bind_span`]).
pub(crate) const SPAN_ROWS: &str = "
    SELECT m.partner_id, m.month, m.redemptions, m.new_customers, m.sales_minor,
           m.discounts_minor, m.commission_minor, m.sourced_sales_minor,
           m.sourced_discounts_minor
    FROM partner_month_totals m
    WHERE m.currency = $3 AND m.month BETWEEN $4 AND $5
    UNION ALL
    SELECT d.partner_id, substr(d.local_day, 1, 7), d.redemptions, d.new_customers,
           d.sales_minor, d.discounts_minor, d.commission_minor, d.sourced_sales_minor,
           d.sourced_discounts_minor
    FROM partner_day_totals d
    WHERE d.currency = $3
      AND (d.local_day BETWEEN $6 AND $7 OR d.local_day BETWEEN $8 AND $9)";

/// Binds a [`Span`] as `$4..=$9` after the three parameters a query binds first (a macro,
/// so it binds on either database's query type).
macro_rules! bind_span {
    ($query:expr, $span:expr) => {{
        let span: $crate::store::totals::Span = $span;
        $query
            .bind(span.months.0)
            .bind(span.months.1)
            .bind(span.head.0)
            .bind(span.head.1)
            .bind(span.tail.0)
            .bind(span.tail.1)
    }};
}
pub(crate) use bind_span;

#[cfg(test)]
mod tests {
    use super::Span;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn span(from: NaiveDate, to: NaiveDate) -> [String; 6] {
        let s = Span::of((from, to));
        [
            s.months.0, s.months.1, s.head.0, s.head.1, s.tail.0, s.tail.1,
        ]
    }

    #[test]
    fn whole_months_come_from_the_month_table_and_the_days_around_them_from_the_day_table() {
        // 7 December 2025 to 6 December 2026: 7–31 December, then January to November whole,
        // then 1–6 December.
        assert_eq!(
            span(d(2025, 12, 7), d(2026, 12, 6)),
            [
                "2026-01",
                "2026-11",
                "2025-12-07",
                "2025-12-31",
                "2026-12-01",
                "2026-12-06"
            ]
            .map(String::from)
        );
        // Exactly whole months: no days around them (first bound after the last).
        assert_eq!(
            span(d(2026, 2, 1), d(2026, 3, 31)),
            [
                "2026-02",
                "2026-03",
                "2026-02-01",
                "2026-01-31",
                "2026-04-01",
                "2026-03-31"
            ]
            .map(String::from)
        );
        // Inside one month: days only, no month.
        assert_eq!(
            span(d(2026, 11, 2), d(2026, 11, 29)),
            [
                "9999-12",
                "0000-01",
                "2026-11-02",
                "2026-11-29",
                "9999-12-31",
                "0000-01-01"
            ]
            .map(String::from)
        );
        // A whole month that ends a year.
        assert_eq!(
            span(d(2026, 12, 1), d(2026, 12, 31)),
            [
                "2026-12",
                "2026-12",
                "2026-12-01",
                "2026-11-30",
                "2027-01-01",
                "2026-12-31"
            ]
            .map(String::from)
        );
    }
}
