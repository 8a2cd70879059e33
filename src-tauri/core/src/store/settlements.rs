//! The append-only `settlements` table: one month-end settlement with a partner each, and
//! the statements we sent (for Month-end's "last sent").

use super::Conn;
use crate::on;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;

use super::receivables::{day, iso};
use super::{from_millis, to_millis};
use crate::desk::Actor;
use crate::ids::SettlementId;
use crate::money::{currency, Money};
use crate::partners::PartnerId;
use crate::settlements::{NetDirection, Settlement};
use crate::terms::PayoutMethod;

const SELECT: &str = "SELECT id, partner_id, period_from, period_to, settled_on, currency,
        we_owed_minor, they_owed_minor, direction, paid_minor, method, reference,
        recorded_at, recorded_by
    FROM settlements";

#[derive(FromRow)]
struct SettlementRow {
    id: i64,
    partner_id: i64,
    period_from: String,
    period_to: String,
    settled_on: String,
    currency: String,
    we_owed_minor: i64,
    they_owed_minor: i64,
    direction: String,
    paid_minor: i64,
    method: String,
    reference: String,
    recorded_at: i64,
    recorded_by: String,
}

impl SettlementRow {
    fn into_settlement(self) -> sqlx::Result<Settlement> {
        let decode = |what: String| sqlx::Error::Decode(what.into());
        let cur = currency(&self.currency)
            .ok_or_else(|| decode(format!("unknown currency {:?}", self.currency)))?;
        let direction = NetDirection::parse(&self.direction)
            .ok_or_else(|| decode(format!("unknown direction {:?}", self.direction)))?;
        let method = PayoutMethod::parse(&self.method)
            .ok_or_else(|| decode(format!("unknown method {:?}", self.method)))?;
        Ok(Settlement {
            id: SettlementId(self.id),
            partner_id: PartnerId(self.partner_id),
            period: (day(&self.period_from)?, day(&self.period_to)?),
            settled_on: day(&self.settled_on)?,
            we_owed: Money::new(self.we_owed_minor, cur),
            they_owed: Money::new(self.they_owed_minor, cur),
            direction,
            paid: Money::new(self.paid_minor, cur),
            method,
            reference: self.reference,
            recorded_at: from_millis(self.recorded_at),
            recorded_by: self.recorded_by,
        })
    }
}

/// A settlement about to be stored.
pub struct NewSettlement<'a> {
    pub partner_id: PartnerId,
    pub period: (NaiveDate, NaiveDate),
    pub settled_on: NaiveDate,
    pub we_owed: Money,
    pub they_owed: Money,
    pub direction: NetDirection,
    pub paid: Money,
    pub method: PayoutMethod,
    pub reference: &'a str,
    pub at: DateTime<Utc>,
    pub by: &'a Actor,
}

/// Appends one settlement.
pub async fn insert(conn: &mut Conn, s: &NewSettlement<'_>) -> sqlx::Result<SettlementId> {
    let id: i64 = on!(conn, db => sqlx::query_scalar(
        "INSERT INTO settlements (partner_id, period_from, period_to, settled_on, currency,
             we_owed_minor, they_owed_minor, direction, paid_minor, method, reference,
             recorded_at, recorded_by, recorded_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         RETURNING id",
    )
    .bind(s.partner_id)
    .bind(iso(s.period.0))
    .bind(iso(s.period.1))
    .bind(iso(s.settled_on))
    .bind(s.paid.currency.code())
    .bind(s.we_owed.minor)
    .bind(s.they_owed.minor)
    .bind(s.direction.as_str())
    .bind(s.paid.minor)
    .bind(s.method.as_str())
    .bind(s.reference)
    .bind(to_millis(s.at))
    .bind(&s.by.name)
    .bind(s.by.person)
    .fetch_one(db)
    .await)?;
    Ok(SettlementId(id))
}

/// One settlement.
pub async fn by_id(conn: &mut Conn, id: SettlementId) -> sqlx::Result<Option<Settlement>> {
    let sql = format!("{SELECT} WHERE id = $1");
    let row: Option<SettlementRow> =
        on!(conn, db => sqlx::query_as(&sql).bind(id).fetch_optional(db).await)?;
    row.map(SettlementRow::into_settlement).transpose()
}

/// A partner's settlements, newest first.
pub async fn of_partner(conn: &mut Conn, partner: PartnerId) -> sqlx::Result<Vec<Settlement>> {
    let sql = format!("{SELECT} WHERE partner_id = $1 ORDER BY settled_on DESC, id DESC");
    let rows: Vec<SettlementRow> =
        on!(conn, db => sqlx::query_as(&sql).bind(partner).fetch_all(db).await)?;
    rows.into_iter()
        .map(SettlementRow::into_settlement)
        .collect()
}

/// Notes that we wrote `partner`'s statement for `period` (PDF and signed file).
pub async fn insert_sent(
    conn: &mut Conn,
    partner: PartnerId,
    period: (NaiveDate, NaiveDate),
    file_sha256: &str,
    at: DateTime<Utc>,
    by: &Actor,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query(
        "INSERT INTO statements_sent (partner_id, period_from, period_to, file_sha256,
             written_at, written_by, written_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(partner)
    .bind(iso(period.0))
    .bind(iso(period.1))
    .bind(file_sha256)
    .bind(to_millis(at))
    .bind(&by.name)
    .bind(by.person)
    .execute(db)
    .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// When we last wrote a statement for `partner`, if ever.
pub async fn last_sent(conn: &mut Conn, partner: PartnerId) -> sqlx::Result<Option<DateTime<Utc>>> {
    let at: Option<i64> = on!(conn, db => sqlx::query_scalar("SELECT max(written_at) FROM statements_sent WHERE partner_id = $1")
            .bind(partner)
            .fetch_one(db)
            .await)?;
    Ok(at.map(from_millis))
}

/// Whether `partner` had anything in `from..=to` a statement would show: a redemption of
/// their codes (voided ones too) or a statement period of theirs ending in it.
pub async fn active_in(
    conn: &mut Conn,
    partner: PartnerId,
    (from, to): (NaiveDate, NaiveDate),
) -> sqlx::Result<bool> {
    on!(conn, db => sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM redemptions
                        WHERE partner_id = $1 AND local_day BETWEEN $2 AND $3)
             OR EXISTS (SELECT 1 FROM receivables
                        WHERE partner_id = $1 AND period_to BETWEEN $2 AND $3)",
    )
    .bind(partner)
    .bind(iso(from))
    .bind(iso(to))
    .fetch_one(db)
    .await)
}

/// Partners with a settlement recorded for exactly `period`, reversed or not.
pub async fn partners_settled(
    conn: &mut Conn,
    (from, to): (NaiveDate, NaiveDate),
) -> sqlx::Result<Vec<PartnerId>> {
    on!(conn, db => sqlx::query_scalar(
        "SELECT DISTINCT partner_id FROM settlements WHERE period_from = $1 AND period_to = $2",
    )
    .bind(iso(from))
    .bind(iso(to))
    .fetch_all(db)
    .await)
}
