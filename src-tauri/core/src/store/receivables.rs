//! The other side of a partner's account: the append-only `receivables` (what a partner
//! owes us, one statement period each) and `receipts` (what they paid us), their reversal
//! tables, and the balance they make. Triggers refuse any UPDATE or DELETE of all four.

use super::Conn;
use crate::on;
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;

use super::{from_millis, to_millis};
use crate::desk::Actor;
use crate::ids::{ReceiptId, ReceivableId, SettlementId, StatementImportId};
use crate::money::{currency, Money};
use crate::partners::PartnerId;
use crate::payouts::Reversal;
use crate::receivables::{Receipt, Receivable};
use crate::terms::PayoutMethod;

const SELECT_RECEIVABLES: &str = "SELECT e.id, e.partner_id, e.period_from, e.period_to,
        e.customers, e.currency, e.amount_minor, e.reference, e.import_id, e.recorded_at,
        e.recorded_by, r.reversed_at, r.reversed_by, r.reason
    FROM receivables e LEFT JOIN receivable_reversals r ON r.receivable_id = e.id";

const SELECT_RECEIPTS: &str = "SELECT e.id, e.partner_id, e.received_on, e.currency,
        e.amount_minor, e.method, e.reference, e.settlement_id, e.recorded_at, e.recorded_by,
        r.reversed_at, r.reversed_by, r.reason
    FROM receipts e LEFT JOIN receipt_reversals r ON r.receipt_id = e.id";

pub(crate) fn day(text: &str) -> sqlx::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

pub(crate) fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn decode(what: String) -> sqlx::Error {
    sqlx::Error::Decode(what.into())
}

fn money(minor: i64, code: &str) -> sqlx::Result<Money> {
    let cur = currency(code).ok_or_else(|| decode(format!("unknown currency {code:?}")))?;
    Ok(Money::new(minor, cur))
}

fn reversal(at: Option<i64>, by: Option<String>, reason: Option<String>) -> Option<Reversal> {
    match (at, by, reason) {
        (Some(at), Some(by), Some(reason)) => Some(Reversal {
            at: from_millis(at),
            by,
            reason,
        }),
        _ => None,
    }
}

#[derive(FromRow)]
struct ReceivableRow {
    id: i64,
    partner_id: i64,
    period_from: String,
    period_to: String,
    customers: i64,
    currency: String,
    amount_minor: i64,
    reference: String,
    import_id: Option<i64>,
    recorded_at: i64,
    recorded_by: String,
    reversed_at: Option<i64>,
    reversed_by: Option<String>,
    reason: Option<String>,
}

impl ReceivableRow {
    fn into_receivable(self) -> sqlx::Result<Receivable> {
        Ok(Receivable {
            id: ReceivableId(self.id),
            partner_id: PartnerId(self.partner_id),
            period: (day(&self.period_from)?, day(&self.period_to)?),
            customers: self.customers,
            amount: money(self.amount_minor, &self.currency)?,
            reference: self.reference,
            import_id: self.import_id.map(StatementImportId),
            recorded_at: from_millis(self.recorded_at),
            recorded_by: self.recorded_by,
            reversal: reversal(self.reversed_at, self.reversed_by, self.reason),
        })
    }
}

/// A receivable about to be stored.
pub struct NewReceivable<'a> {
    pub partner_id: PartnerId,
    pub period: (NaiveDate, NaiveDate),
    pub customers: i64,
    pub amount: Money,
    pub reference: &'a str,
    pub import_id: Option<StatementImportId>,
    pub at: DateTime<Utc>,
    pub by: &'a Actor,
}

/// Appends one receivable.
pub async fn insert_receivable(
    conn: &mut Conn,
    e: &NewReceivable<'_>,
) -> sqlx::Result<ReceivableId> {
    let id: i64 = on!(conn, db => sqlx::query_scalar(
        "INSERT INTO receivables (partner_id, period_from, period_to, customers, currency,
             amount_minor, reference, import_id, recorded_at, recorded_by, recorded_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         RETURNING id",
    )
    .bind(e.partner_id)
    .bind(iso(e.period.0))
    .bind(iso(e.period.1))
    .bind(e.customers)
    .bind(e.amount.currency.code())
    .bind(e.amount.minor)
    .bind(e.reference)
    .bind(e.import_id)
    .bind(to_millis(e.at))
    .bind(&e.by.name)
    .bind(e.by.person)
    .fetch_one(db)
    .await)?;
    Ok(ReceivableId(id))
}

/// One receivable with its reversal, if any.
pub async fn receivable(conn: &mut Conn, id: ReceivableId) -> sqlx::Result<Option<Receivable>> {
    let sql = format!("{SELECT_RECEIVABLES} WHERE e.id = $1");
    let row: Option<ReceivableRow> =
        on!(conn, db => sqlx::query_as(&sql).bind(id).fetch_optional(db).await)?;
    row.map(ReceivableRow::into_receivable).transpose()
}

/// A partner's receivables, by period, reversed ones included.
pub async fn receivables_of(conn: &mut Conn, partner: PartnerId) -> sqlx::Result<Vec<Receivable>> {
    let sql = format!(
        "{SELECT_RECEIVABLES} WHERE e.partner_id = $1 ORDER BY e.period_to, e.period_from, e.id"
    );
    let rows: Vec<ReceivableRow> =
        on!(conn, db => sqlx::query_as(&sql).bind(partner).fetch_all(db).await)?;
    rows.into_iter()
        .map(ReceivableRow::into_receivable)
        .collect()
}

/// A partner's receivable for exactly `period` that still counts, if one was entered.
pub async fn live_for_period(
    conn: &mut Conn,
    partner: PartnerId,
    (from, to): (NaiveDate, NaiveDate),
) -> sqlx::Result<Option<Receivable>> {
    let sql = format!(
        "{SELECT_RECEIVABLES} WHERE e.partner_id = $1 AND e.period_from = $2
           AND e.period_to = $3 AND r.id IS NULL ORDER BY e.id LIMIT 1"
    );
    let row: Option<ReceivableRow> = on!(conn, db => sqlx::query_as(&sql)
        .bind(partner)
        .bind(iso(from))
        .bind(iso(to))
        .fetch_optional(db)
        .await)?;
    row.map(ReceivableRow::into_receivable).transpose()
}

#[derive(FromRow)]
struct ReceiptRow {
    id: i64,
    partner_id: i64,
    received_on: String,
    currency: String,
    amount_minor: i64,
    method: String,
    reference: String,
    settlement_id: Option<i64>,
    recorded_at: i64,
    recorded_by: String,
    reversed_at: Option<i64>,
    reversed_by: Option<String>,
    reason: Option<String>,
}

impl ReceiptRow {
    fn into_receipt(self) -> sqlx::Result<Receipt> {
        let method = PayoutMethod::parse(&self.method)
            .ok_or_else(|| decode(format!("unknown method {:?}", self.method)))?;
        Ok(Receipt {
            id: ReceiptId(self.id),
            partner_id: PartnerId(self.partner_id),
            received_on: day(&self.received_on)?,
            amount: money(self.amount_minor, &self.currency)?,
            method,
            reference: self.reference,
            settlement_id: self.settlement_id.map(SettlementId),
            recorded_at: from_millis(self.recorded_at),
            recorded_by: self.recorded_by,
            reversal: reversal(self.reversed_at, self.reversed_by, self.reason),
        })
    }
}

/// A receipt about to be stored.
pub struct NewReceipt<'a> {
    pub partner_id: PartnerId,
    pub received_on: NaiveDate,
    pub amount: Money,
    pub method: PayoutMethod,
    pub reference: &'a str,
    pub settlement_id: Option<SettlementId>,
    pub at: DateTime<Utc>,
    pub by: &'a Actor,
}

/// Appends one receipt.
pub async fn insert_receipt(conn: &mut Conn, e: &NewReceipt<'_>) -> sqlx::Result<ReceiptId> {
    let id: i64 = on!(conn, db => sqlx::query_scalar(
        "INSERT INTO receipts (partner_id, received_on, currency, amount_minor, method,
             reference, settlement_id, recorded_at, recorded_by, recorded_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         RETURNING id",
    )
    .bind(e.partner_id)
    .bind(iso(e.received_on))
    .bind(e.amount.currency.code())
    .bind(e.amount.minor)
    .bind(e.method.as_str())
    .bind(e.reference)
    .bind(e.settlement_id)
    .bind(to_millis(e.at))
    .bind(&e.by.name)
    .bind(e.by.person)
    .fetch_one(db)
    .await)?;
    Ok(ReceiptId(id))
}

/// A partner's receipts received in `from..=to`, oldest first, reversed ones included.
pub async fn receipts_of(
    conn: &mut Conn,
    partner: PartnerId,
    (from, to): (NaiveDate, NaiveDate),
) -> sqlx::Result<Vec<Receipt>> {
    let sql = format!(
        "{SELECT_RECEIPTS} WHERE e.partner_id = $1 AND e.received_on BETWEEN $2 AND $3
         ORDER BY e.received_on, e.id"
    );
    let rows: Vec<ReceiptRow> = on!(conn, db => sqlx::query_as(&sql)
        .bind(partner)
        .bind(iso(from))
        .bind(iso(to))
        .fetch_all(db)
        .await)?;
    rows.into_iter().map(ReceiptRow::into_receipt).collect()
}

/// The receipts a settlement recorded.
pub async fn receipts_of_settlement(
    conn: &mut Conn,
    settlement: SettlementId,
) -> sqlx::Result<Vec<Receipt>> {
    let sql = format!("{SELECT_RECEIPTS} WHERE e.settlement_id = $1 ORDER BY e.id");
    let rows: Vec<ReceiptRow> = on!(conn, db => sqlx::query_as(&sql)
        .bind(settlement)
        .fetch_all(db)
        .await)?;
    rows.into_iter().map(ReceiptRow::into_receipt).collect()
}

/// What `partner` owes us in `cur` for statement periods ending up to `through`, less what
/// they paid us: every receipt when `all_receipts` (what is still open now), else those
/// received up to that day (the balance as it stood then). Reversed rows never count.
pub async fn they_owe(
    conn: &mut Conn,
    partner: PartnerId,
    through: NaiveDate,
    cur: iso_currency::Currency,
    all_receipts: bool,
) -> sqlx::Result<i64> {
    // As with what we owe: SQLite's sum() refuses to wrap, and the difference of two sums
    // of non-negative amounts cannot.
    on!(conn, db => sqlx::query_scalar(
        "SELECT
           (SELECT coalesce(CAST(sum(e.amount_minor) AS BIGINT), 0) FROM receivables e
             WHERE e.partner_id = $1 AND e.period_to <= $2 AND e.currency = $3
               AND NOT EXISTS (SELECT 1 FROM receivable_reversals x WHERE x.receivable_id = e.id))
         - (SELECT coalesce(CAST(sum(p.amount_minor) AS BIGINT), 0) FROM receipts p
             WHERE p.partner_id = $1 AND ($4 OR p.received_on <= $2) AND p.currency = $3
               AND NOT EXISTS (SELECT 1 FROM receipt_reversals x WHERE x.receipt_id = p.id))",
    )
    .bind(partner)
    .bind(iso(through))
    .bind(cur.code())
    .bind(all_receipts)
    .fetch_one(db)
    .await)
}

/// [`they_owe`] with every receipt counted (what is still open now), for every partner at
/// once, by id; a partner with no receivable and no receipt in `cur` is absent.
pub async fn they_owe_by_partner(
    conn: &mut Conn,
    through: NaiveDate,
    cur: iso_currency::Currency,
) -> sqlx::Result<HashMap<PartnerId, i64>> {
    let rows: Vec<(PartnerId, i64)> = on!(conn, db => sqlx::query_as(
        "WITH owed AS (
             SELECT e.partner_id, CAST(sum(e.amount_minor) AS BIGINT) AS owed FROM receivables e
             WHERE e.period_to <= $1 AND e.currency = $2
               AND NOT EXISTS (SELECT 1 FROM receivable_reversals x WHERE x.receivable_id = e.id)
             GROUP BY e.partner_id
         ),
         paid AS (
             SELECT p.partner_id, CAST(sum(p.amount_minor) AS BIGINT) AS paid FROM receipts p
             WHERE p.currency = $2
               AND NOT EXISTS (SELECT 1 FROM receipt_reversals x WHERE x.receipt_id = p.id)
             GROUP BY p.partner_id
         )
         SELECT p.id, coalesce(o.owed, 0) - coalesce(q.paid, 0)
         FROM partners p
         LEFT JOIN owed o ON o.partner_id = p.id
         LEFT JOIN paid q ON q.partner_id = p.id
         WHERE o.partner_id IS NOT NULL OR q.partner_id IS NOT NULL",
    )
    .bind(iso(through))
    .bind(cur.code())
    .fetch_all(db)
    .await)?;
    Ok(rows.into_iter().collect())
}

/// The day the latest statement period we hold from `partner` ended, reversed ones left out.
pub async fn last_received(conn: &mut Conn, partner: PartnerId) -> sqlx::Result<Option<NaiveDate>> {
    let last: Option<String> = on!(conn, db => sqlx::query_scalar(
        "SELECT max(e.period_to) FROM receivables e
         WHERE e.partner_id = $1
           AND NOT EXISTS (SELECT 1 FROM receivable_reversals x WHERE x.receivable_id = e.id)",
    )
    .bind(partner)
    .fetch_one(db)
    .await)?;
    last.as_deref().map(day).transpose()
}

/// Partners that have ever had a receivable entered: the two-way ones in practice.
pub async fn partners_with_receivables(conn: &mut Conn) -> sqlx::Result<Vec<PartnerId>> {
    on!(conn, db => sqlx::query_scalar("SELECT DISTINCT partner_id FROM receivables ORDER BY partner_id")
        .fetch_all(db)
        .await)
}
