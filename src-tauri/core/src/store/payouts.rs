//! The append-only `payouts` and `payout_reversals` tables, and the sums balances need.
//! Triggers refuse any UPDATE or DELETE of either.

use super::Conn;
use crate::on;
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;

use super::{from_millis, to_millis};
use crate::desk::Actor;
use crate::ids::SettlementId;
use crate::money::{currency, Money};
use crate::partners::PartnerId;
use crate::payouts::{Payout, PayoutId, Reversal};
use crate::terms::PayoutMethod;

const SELECT: &str = "SELECT p.id, p.partner_id, p.paid_on, p.currency, p.amount_minor, p.method,
        p.reference, p.period_from, p.period_to, p.recorded_at, p.recorded_by, p.settlement_id,
        r.reversed_at, r.reversed_by, r.reason
    FROM payouts p LEFT JOIN payout_reversals r ON r.payout_id = p.id";

#[derive(FromRow)]
struct PayoutRow {
    id: i64,
    partner_id: i64,
    paid_on: String,
    currency: String,
    amount_minor: i64,
    method: String,
    reference: String,
    period_from: Option<String>,
    period_to: Option<String>,
    recorded_at: i64,
    recorded_by: String,
    settlement_id: Option<i64>,
    reversed_at: Option<i64>,
    reversed_by: Option<String>,
    reason: Option<String>,
}

fn day(text: &str) -> sqlx::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

impl PayoutRow {
    fn into_payout(self) -> sqlx::Result<Payout> {
        let decode = |what: String| sqlx::Error::Decode(what.into());
        let cur = currency(&self.currency)
            .ok_or_else(|| decode(format!("unknown currency {:?}", self.currency)))?;
        let method = PayoutMethod::parse(&self.method)
            .ok_or_else(|| decode(format!("unknown payout method {:?}", self.method)))?;
        let reversal = match (self.reversed_at, self.reversed_by, self.reason) {
            (Some(at), Some(by), Some(reason)) => Some(Reversal {
                at: from_millis(at),
                by,
                reason,
            }),
            _ => None,
        };
        Ok(Payout {
            id: PayoutId(self.id),
            partner_id: PartnerId(self.partner_id),
            paid_on: day(&self.paid_on)?,
            amount: Money::new(self.amount_minor, cur),
            method,
            reference: self.reference,
            period_from: self.period_from.as_deref().map(day).transpose()?,
            period_to: self.period_to.as_deref().map(day).transpose()?,
            recorded_at: from_millis(self.recorded_at),
            recorded_by: self.recorded_by,
            settlement_id: self.settlement_id.map(SettlementId),
            reversal,
        })
    }
}

/// A payout about to be stored.
pub struct NewPayout<'a> {
    pub partner_id: PartnerId,
    pub paid_on: NaiveDate,
    pub amount: Money,
    pub method: PayoutMethod,
    pub reference: &'a str,
    pub period: (Option<NaiveDate>, Option<NaiveDate>),
    pub at: DateTime<Utc>,
    /// Who recorded it: their name and, when signed in, their id.
    pub by: &'a Actor,
    /// The month-end settlement it is our side of, if one.
    pub settlement: Option<SettlementId>,
}

/// Appends one payout.
pub async fn insert(conn: &mut Conn, p: &NewPayout<'_>) -> sqlx::Result<PayoutId> {
    let id: i64 = on!(conn, db => sqlx::query_scalar(
        "INSERT INTO payouts (partner_id, paid_on, currency, amount_minor, method, reference,
             period_from, period_to, recorded_at, recorded_by, recorded_by_id, settlement_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         RETURNING id",
    )
    .bind(p.partner_id)
    .bind(iso(p.paid_on))
    .bind(p.amount.currency.code())
    .bind(p.amount.minor)
    .bind(p.method.as_str())
    .bind(p.reference)
    .bind(p.period.0.map(iso))
    .bind(p.period.1.map(iso))
    .bind(to_millis(p.at))
    .bind(&p.by.name)
    .bind(p.by.person)
    .bind(p.settlement)
    .fetch_one(db)
    .await)?;
    Ok(PayoutId(id))
}

/// One payout with its reversal, if any.
pub async fn by_id(conn: &mut Conn, id: PayoutId) -> sqlx::Result<Option<Payout>> {
    let sql = format!("{SELECT} WHERE p.id = $1");
    let row: Option<PayoutRow> =
        on!(conn, db => sqlx::query_as(&sql).bind(id).fetch_optional(db).await)?;
    row.map(PayoutRow::into_payout).transpose()
}

/// A partner's payouts paid in `from..=to`, oldest first, reversed ones included.
pub async fn for_partner(
    conn: &mut Conn,
    partner: PartnerId,
    (from, to): (NaiveDate, NaiveDate),
) -> sqlx::Result<Vec<Payout>> {
    let sql = format!(
        "{SELECT} WHERE p.partner_id = $1 AND p.paid_on BETWEEN $2 AND $3 ORDER BY p.paid_on, p.id"
    );
    let rows: Vec<PayoutRow> = on!(conn, db => sqlx::query_as(&sql)
        .bind(partner)
        .bind(iso(from))
        .bind(iso(to))
        .fetch_all(db)
        .await)?;
    rows.into_iter().map(PayoutRow::into_payout).collect()
}

/// The payouts a settlement recorded.
pub async fn of_settlement(conn: &mut Conn, settlement: SettlementId) -> sqlx::Result<Vec<Payout>> {
    let sql = format!("{SELECT} WHERE p.settlement_id = $1 ORDER BY p.id");
    let rows: Vec<PayoutRow> = on!(conn, db => sqlx::query_as(&sql)
        .bind(settlement)
        .fetch_all(db)
        .await)?;
    rows.into_iter().map(PayoutRow::into_payout).collect()
}

/// Every payout, oldest first, reversed ones included.
pub async fn all_payouts(conn: &mut Conn) -> sqlx::Result<Vec<Payout>> {
    let sql = format!("{SELECT} ORDER BY p.paid_on, p.id");
    let rows: Vec<PayoutRow> = on!(conn, db => sqlx::query_as(&sql).fetch_all(db).await)?;
    rows.into_iter().map(PayoutRow::into_payout).collect()
}

/// What a partner is owed in `cur` at the end of `through`: commissions of redemptions not
/// voided, less payouts not reversed, both counted up to and including that day. Rows in
/// another currency are left out: cents and yen never add up.
pub async fn balance_through(
    conn: &mut Conn,
    partner: PartnerId,
    through: NaiveDate,
    cur: iso_currency::Currency,
) -> sqlx::Result<i64> {
    balance(conn, partner, through, cur, PayoutsCounted::Through).await
}

/// What is left to pay `partner` in `cur` for what they earned up to `day`: commissions up
/// to that day less *every* payout, whatever its date. A payout dated back before a later
/// one that settled everything must not find the earlier balance still open.
pub async fn owed_on(
    conn: &mut Conn,
    partner: PartnerId,
    day: NaiveDate,
    cur: iso_currency::Currency,
) -> sqlx::Result<i64> {
    balance(conn, partner, day, cur, PayoutsCounted::All).await
}

/// Which payouts a balance subtracts.
#[derive(Clone, Copy)]
enum PayoutsCounted {
    /// Those paid up to the day: a statement's balance as it stood then.
    Through,
    /// All of them: what is still open now.
    All,
}

async fn balance(
    conn: &mut Conn,
    partner: PartnerId,
    day: NaiveDate,
    cur: iso_currency::Currency,
    counted: PayoutsCounted,
) -> sqlx::Result<i64> {
    // SQLite's sum() refuses to wrap (an "integer overflow" error, turned into
    // MoneyError::TooLarge); the subtraction of two such sums of non-negative amounts cannot.
    let sql = format!(
        "SELECT ({earned})
         - (SELECT coalesce(CAST(sum(p.amount_minor) AS BIGINT), 0) FROM payouts p
             WHERE p.partner_id = $1 AND ($4 OR p.paid_on <= $2) AND p.currency = $3
               AND NOT EXISTS (SELECT 1 FROM payout_reversals x WHERE x.payout_id = p.id))",
        earned = super::totals::earned_through_sql()
    );
    on!(conn, db => sqlx::query_scalar(&sql)
        .bind(partner)
        .bind(iso(day))
        .bind(cur.code())
        .bind(matches!(counted, PayoutsCounted::All))
        .fetch_one(db)
        .await)
}

/// [`owed_on`] for every partner at once, by id; a partner with no commission and no payout
/// in `cur` is absent (it is owed nothing).
pub async fn owed_on_by_partner(
    conn: &mut Conn,
    day: NaiveDate,
    cur: iso_currency::Currency,
) -> sqlx::Result<HashMap<PartnerId, i64>> {
    let sql = format!(
        "WITH earned AS ({earned}),
         paid AS (
             SELECT p.partner_id, CAST(sum(p.amount_minor) AS BIGINT) AS paid FROM payouts p
             WHERE p.currency = $3
               AND NOT EXISTS (SELECT 1 FROM payout_reversals x WHERE x.payout_id = p.id)
             GROUP BY p.partner_id
         )
         SELECT p.id, coalesce(e.earned, 0) - coalesce(q.paid, 0)
         FROM partners p
         LEFT JOIN earned e ON e.partner_id = p.id
         LEFT JOIN paid q ON q.partner_id = p.id
         WHERE e.partner_id IS NOT NULL OR q.partner_id IS NOT NULL",
        earned = super::totals::earned_through_by_partner_sql()
    );
    let rows: Vec<(PartnerId, i64)> = on!(conn, db => sqlx::query_as(&sql)
        .bind(None::<PartnerId>)
        .bind(iso(day))
        .bind(cur.code())
        .fetch_all(db)
        .await)?;
    Ok(rows.into_iter().collect())
}
