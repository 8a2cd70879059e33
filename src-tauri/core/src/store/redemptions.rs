//! The append-only `redemptions` and `redemption_voids` tables.
//! Triggers refuse any UPDATE or DELETE of a redemption or a void, and any redemption past
//! its code's limit.

use super::Conn;
use crate::on;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;

use super::{from_millis, to_millis};
use crate::codes::{grouped, CodeId};
use crate::desk::Actor;
use crate::ids::PersonId;
use crate::ledger::{NoOffer, Redemption, RedemptionId, Void};
use crate::money::{currency, Money};
use crate::partners::PartnerId;
use crate::terms::AgreementVersionId;

const SELECT: &str = "SELECT r.id, r.idempotency_key, r.code_id, c.prefix, c.code,
        r.partner_id, p.name AS partner_name, r.agreement_version_id, a.version,
        r.redeemed_at, r.local_day, r.currency, r.sale_minor, r.discount_minor,
        r.commission_minor, r.offer_applied, r.new_customer, r.note, r.till, r.logged_by,
        r.logged_by_id, v.voided_at, v.voided_by, v.reason, v.restores_use,
        a.new_customers_only
    FROM redemptions r
    JOIN referral_codes c ON c.id = r.code_id
    JOIN partners p ON p.id = r.partner_id
    JOIN agreement_versions a ON a.id = r.agreement_version_id
    LEFT JOIN redemption_voids v ON v.redemption_id = r.id";

#[derive(FromRow)]
struct RedemptionRow {
    id: i64,
    idempotency_key: String,
    code_id: i64,
    prefix: String,
    code: String,
    partner_id: i64,
    partner_name: String,
    agreement_version_id: i64,
    version: i64,
    redeemed_at: i64,
    local_day: String,
    currency: String,
    sale_minor: i64,
    discount_minor: i64,
    commission_minor: i64,
    offer_applied: i64,
    new_customer: i64,
    note: String,
    till: String,
    logged_by: String,
    logged_by_id: Option<PersonId>,
    voided_at: Option<i64>,
    voided_by: Option<String>,
    reason: Option<String>,
    restores_use: Option<i64>,
    /// Of the terms it was logged under: why a redemption got nothing depends on it.
    new_customers_only: i64,
}

impl RedemptionRow {
    fn into_redemption(self) -> sqlx::Result<Redemption> {
        let cur = currency(&self.currency).ok_or_else(|| {
            sqlx::Error::Decode(format!("unknown currency {:?}", self.currency).into())
        })?;
        let local_day = NaiveDate::parse_from_str(&self.local_day, "%Y-%m-%d")
            .map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
        let void = match (self.voided_at, self.voided_by, self.reason) {
            (Some(at), Some(by), Some(reason)) => Some(Void {
                at: from_millis(at),
                by,
                reason,
                restores_use: self.restores_use == Some(1),
            }),
            _ => None,
        };
        Ok(Redemption {
            id: RedemptionId(self.id),
            idempotency_key: self.idempotency_key,
            code_id: CodeId(self.code_id),
            code: grouped(Some(&self.prefix), &self.code),
            partner_id: PartnerId(self.partner_id),
            partner_name: self.partner_name,
            agreement_version_id: AgreementVersionId(self.agreement_version_id),
            agreement_version: self.version,
            redeemed_at: from_millis(self.redeemed_at),
            local_day,
            sale: Money::new(self.sale_minor, cur),
            discount: Money::new(self.discount_minor, cur),
            commission: Money::new(self.commission_minor, cur),
            offer_applied: self.offer_applied == 1,
            no_offer: NoOffer::of(
                self.offer_applied == 1,
                self.new_customer == 1,
                self.new_customers_only == 1,
            ),
            new_customer: self.new_customer == 1,
            note: self.note,
            till: self.till,
            logged_by: self.logged_by,
            logged_by_id: self.logged_by_id,
            void,
        })
    }
}

fn all(rows: Vec<RedemptionRow>) -> sqlx::Result<Vec<Redemption>> {
    rows.into_iter()
        .map(RedemptionRow::into_redemption)
        .collect()
}

/// A redemption about to be stored: the amounts as the terms in force computed them.
pub struct NewRedemption<'a> {
    pub idempotency_key: &'a str,
    pub code_id: CodeId,
    pub partner_id: PartnerId,
    pub agreement_version_id: AgreementVersionId,
    pub at: DateTime<Utc>,
    pub local_day: NaiveDate,
    pub sale: Money,
    pub discount: Money,
    pub commission: Money,
    pub offer_applied: bool,
    pub new_customer: bool,
    pub note: &'a str,
    pub till: &'a str,
    /// Who logged it: their name and, when signed in, their id.
    pub logged_by: &'a Actor,
}

/// Appends one redemption; the limit trigger refuses it if the code is used up.
pub async fn insert(conn: &mut Conn, r: &NewRedemption<'_>) -> sqlx::Result<RedemptionId> {
    let id: i64 = on!(conn, db => sqlx::query_scalar(
        "INSERT INTO redemptions (idempotency_key, code_id, partner_id, agreement_version_id,
             redeemed_at, local_day, currency, sale_minor, discount_minor, commission_minor,
             offer_applied, new_customer, note, till, logged_by, logged_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         RETURNING id",
    )
    .bind(r.idempotency_key)
    .bind(r.code_id)
    .bind(r.partner_id)
    .bind(r.agreement_version_id)
    .bind(to_millis(r.at))
    .bind(r.local_day.format("%Y-%m-%d").to_string())
    .bind(r.sale.currency.code())
    .bind(r.sale.minor)
    .bind(r.discount.minor)
    .bind(r.commission.minor)
    .bind(i64::from(r.offer_applied))
    .bind(i64::from(r.new_customer))
    .bind(r.note)
    .bind(r.till)
    .bind(&r.logged_by.name)
    .bind(r.logged_by.person)
    .fetch_one(db)
    .await)?;
    Ok(RedemptionId(id))
}

/// One redemption with its void, if any.
pub async fn by_id(conn: &mut Conn, id: RedemptionId) -> sqlx::Result<Option<Redemption>> {
    let sql = format!("{SELECT} WHERE r.id = $1");
    let row: Option<RedemptionRow> =
        on!(conn, db => sqlx::query_as(&sql).bind(id).fetch_optional(db).await)?;
    row.map(RedemptionRow::into_redemption).transpose()
}

/// The redemption an earlier attempt stored under `key`, if any.
pub async fn by_key(conn: &mut Conn, key: &str) -> sqlx::Result<Option<Redemption>> {
    let sql = format!("{SELECT} WHERE r.idempotency_key = $1");
    let row: Option<RedemptionRow> =
        on!(conn, db => sqlx::query_as(&sql).bind(key).fetch_optional(db).await)?;
    row.map(RedemptionRow::into_redemption).transpose()
}

/// The newest `limit` redemptions logged at `till`, newest first; only those `logged_by`
/// logged when given.
pub async fn recent_at_till(
    conn: &mut Conn,
    till: &str,
    logged_by: Option<PersonId>,
    limit: u32,
) -> sqlx::Result<Vec<Redemption>> {
    let sql = format!(
        "{SELECT} WHERE r.till = $1 AND ($2 IS NULL OR r.logged_by_id = $2)
         ORDER BY r.id DESC LIMIT $3"
    );
    let rows = on!(conn, db => sqlx::query_as(&sql)
        .bind(till)
        .bind(logged_by)
        .bind(i64::from(limit))
        .fetch_all(db)
        .await)?;
    all(rows)
}

/// The newest `limit` redemptions, newest first.
pub async fn latest(conn: &mut Conn, limit: u32) -> sqlx::Result<Vec<Redemption>> {
    let sql = format!("{SELECT} ORDER BY r.id DESC LIMIT $1");
    let rows = on!(conn, db => sqlx::query_as(&sql)
        .bind(i64::from(limit))
        .fetch_all(db)
        .await)?;
    all(rows)
}

/// A partner's redemptions on days `from..=to`, oldest first, voided ones included.
pub async fn for_partner_between(
    conn: &mut Conn,
    partner: PartnerId,
    (from, to): (NaiveDate, NaiveDate),
) -> sqlx::Result<Vec<Redemption>> {
    let sql =
        format!("{SELECT} WHERE r.partner_id = $1 AND r.local_day BETWEEN $2 AND $3 ORDER BY r.id");
    let rows = on!(conn, db => sqlx::query_as(&sql)
        .bind(partner)
        .bind(from.format("%Y-%m-%d").to_string())
        .bind(to.format("%Y-%m-%d").to_string())
        .fetch_all(db)
        .await)?;
    all(rows)
}

/// Every redemption on days `from..=to`, oldest first, voided ones included (the export).
pub async fn redemptions_between(
    conn: &mut Conn,
    (from, to): (NaiveDate, NaiveDate),
) -> sqlx::Result<Vec<Redemption>> {
    let sql = format!("{SELECT} WHERE r.local_day BETWEEN $1 AND $2 ORDER BY r.id");
    let rows = on!(conn, db => sqlx::query_as(&sql)
        .bind(from.format("%Y-%m-%d").to_string())
        .bind(to.format("%Y-%m-%d").to_string())
        .fetch_all(db)
        .await)?;
    all(rows)
}

/// Every redemption, oldest first (checks).
pub async fn all_redemptions(conn: &mut Conn) -> sqlx::Result<Vec<Redemption>> {
    let sql = format!("{SELECT} ORDER BY r.id");
    all(on!(conn, db => sqlx::query_as(&sql).fetch_all(db).await)?)
}

/// How often a code has been used (voids that gave the use back excluded), and the last use.
pub async fn uses(
    conn: &mut Conn,
    code: CodeId,
) -> sqlx::Result<(i64, Option<(DateTime<Utc>, String)>)> {
    let (count, last_at, last_till): (i64, Option<i64>, Option<String>) = on!(conn, db => sqlx::query_as(
        "SELECT count(*),
                (SELECT redeemed_at FROM code_uses WHERE code_id = $1
                 ORDER BY redemption_id DESC LIMIT 1),
                (SELECT till FROM code_uses WHERE code_id = $1
                 ORDER BY redemption_id DESC LIMIT 1)
         FROM code_uses WHERE code_id = $1",
    )
    .bind(code)
    .fetch_one(db)
    .await)?;
    Ok((
        count,
        last_at
            .zip(last_till)
            .map(|(at, till)| (from_millis(at), till)),
    ))
}

/// How many of a partner's redemptions on `day` got the offer, voided ones left out: the
/// places its daily limit has used (the schema's trigger counts the same).
pub async fn offers_on_day(
    conn: &mut Conn,
    partner: PartnerId,
    day: NaiveDate,
) -> sqlx::Result<i64> {
    on!(conn, db => sqlx::query_scalar(
        "SELECT count(*) FROM redemptions r
         WHERE r.partner_id = $1 AND r.local_day = $2 AND r.offer_applied = 1
           AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = r.id)",
    )
    .bind(partner)
    .bind(day.format("%Y-%m-%d").to_string())
    .fetch_one(db)
    .await)
}

/// Records a void by `by_id` (`void.by` is their name); the UNIQUE key refuses a second
/// void of the same redemption.
pub async fn insert_void(
    conn: &mut Conn,
    id: RedemptionId,
    void: &Void,
    by_id: Option<PersonId>,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query(
        "INSERT INTO redemption_voids (redemption_id, voided_at, voided_by, voided_by_id, reason,
             restores_use)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(to_millis(void.at))
    .bind(&void.by)
    .bind(by_id)
    .bind(&void.reason)
    .bind(i64::from(void.restores_use))
    .execute(db)
    .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}
