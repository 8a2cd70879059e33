//! The `agreement_versions` table. Signed rows are frozen by triggers (see migrations).

use super::Conn;
use crate::on;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{FromRow, Row};

use super::{from_millis, to_millis};
use crate::money::{currency, Money};
use crate::partners::PartnerId;
use crate::terms::{
    AgreementVersionId, Offer, OfferKind, PartnershipModel, PayoutCadence, PayoutMethod, Percent,
    Reward, RewardKind, Signature, StoredVersion, Terms, VersionStatus,
};

const COLUMNS: &str =
    "id, partner_id, version, status, based_on, currency, model, effective_from, \
    effective_to, offer_kind, offer_percent_bp, offer_amount_minor, offer_item, min_sale_minor, \
    reward_kind, reward_percent_bp, reward_amount_minor, reward_on_gross, monthly_cap_minor, \
    payout_cadence, payout_method, payout_method_other, clauses_json, notes, reciprocal, \
    daily_limit, new_customers_only, signed_on, our_signatory, partner_signatory, created_at, \
    updated_at";

#[derive(FromRow)]
struct VersionRow {
    id: i64,
    partner_id: i64,
    version: i64,
    status: String,
    based_on: Option<i64>,
    currency: String,
    model: String,
    effective_from: String,
    effective_to: Option<String>,
    offer_kind: String,
    offer_percent_bp: Option<i64>,
    offer_amount_minor: Option<i64>,
    offer_item: String,
    min_sale_minor: Option<i64>,
    reward_kind: String,
    reward_percent_bp: Option<i64>,
    reward_amount_minor: Option<i64>,
    reward_on_gross: i64,
    monthly_cap_minor: Option<i64>,
    payout_cadence: String,
    payout_method: String,
    payout_method_other: String,
    clauses_json: String,
    notes: String,
    reciprocal: i64,
    daily_limit: Option<i64>,
    new_customers_only: i64,
    signed_on: Option<String>,
    our_signatory: Option<String>,
    partner_signatory: Option<String>,
    created_at: i64,
    updated_at: i64,
}

fn bad(what: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("agreement_versions: unreadable {what}").into())
}

fn day(text: &str) -> sqlx::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| bad("date"))
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

impl VersionRow {
    fn into_version(self) -> sqlx::Result<StoredVersion> {
        let cur = currency(&self.currency).ok_or_else(|| bad("currency"))?;
        let money = |m: Option<i64>| m.map(|minor| Money::new(minor, cur));
        let need = |m: Option<i64>, what: &str| m.ok_or_else(|| bad(what));
        let offer = match OfferKind::parse(&self.offer_kind).ok_or_else(|| bad("offer kind"))? {
            OfferKind::None => Offer::None,
            OfferKind::PercentOff => {
                Offer::PercentOff(Percent(need(self.offer_percent_bp, "offer")?))
            }
            OfferKind::AmountOff => {
                Offer::AmountOff(Money::new(need(self.offer_amount_minor, "offer")?, cur))
            }
            OfferKind::FreeItem => Offer::FreeItem(self.offer_item),
        };
        let reward = match RewardKind::parse(&self.reward_kind).ok_or_else(|| bad("reward kind"))? {
            RewardKind::None => Reward::None,
            RewardKind::PercentOfSale => Reward::PercentOfSale {
                percent: Percent(need(self.reward_percent_bp, "reward")?),
                on_gross: self.reward_on_gross == 1,
            },
            RewardKind::FixedPerRedemption => Reward::FixedPerRedemption(Money::new(
                need(self.reward_amount_minor, "reward")?,
                cur,
            )),
        };
        let terms = Terms {
            currency: cur,
            model: PartnershipModel::parse(&self.model).ok_or_else(|| bad("model"))?,
            effective_from: day(&self.effective_from)?,
            effective_to: self.effective_to.as_deref().map(day).transpose()?,
            offer,
            min_sale: money(self.min_sale_minor),
            reward,
            monthly_cap: money(self.monthly_cap_minor),
            payout_cadence: PayoutCadence::parse(&self.payout_cadence)
                .ok_or_else(|| bad("cadence"))?,
            payout_method: PayoutMethod::parse(&self.payout_method).ok_or_else(|| bad("method"))?,
            payout_method_other: self.payout_method_other,
            clauses: serde_json::from_str(&self.clauses_json).map_err(|_| bad("clauses"))?,
            notes: self.notes,
            reciprocal: self.reciprocal == 1,
            daily_limit: self.daily_limit,
            new_customers_only: self.new_customers_only == 1,
        };
        let signature = match (self.signed_on, self.our_signatory, self.partner_signatory) {
            (Some(on), Some(ours), Some(theirs)) => Some(Signature {
                signed_on: day(&on)?,
                our_signatory: ours,
                partner_signatory: theirs,
            }),
            _ => None,
        };
        Ok(StoredVersion {
            id: AgreementVersionId(self.id),
            partner_id: PartnerId(self.partner_id),
            version: self.version,
            status: VersionStatus::parse(&self.status).ok_or_else(|| bad("status"))?,
            based_on: self.based_on.map(AgreementVersionId),
            terms,
            signature,
            created_at: from_millis(self.created_at),
            updated_at: from_millis(self.updated_at),
        })
    }
}

/// The columns that hold terms, in the order of the insert and update statements.
struct TermColumns {
    offer_percent: Option<i64>,
    offer_amount: Option<i64>,
    offer_item: String,
    reward_percent: Option<i64>,
    reward_amount: Option<i64>,
    on_gross: i64,
    clauses: String,
}

fn columns(t: &Terms) -> sqlx::Result<TermColumns> {
    let (offer_percent, offer_amount, offer_item) = match &t.offer {
        Offer::None => (None, None, String::new()),
        Offer::PercentOff(p) => (Some(p.0), None, String::new()),
        Offer::AmountOff(m) => (None, Some(m.minor), String::new()),
        Offer::FreeItem(item) => (None, None, item.clone()),
    };
    let (reward_percent, reward_amount, on_gross) = match &t.reward {
        Reward::None => (None, None, false),
        Reward::PercentOfSale { percent, on_gross } => (Some(percent.0), None, *on_gross),
        Reward::FixedPerRedemption(m) => (None, Some(m.minor), false),
    };
    let clauses =
        serde_json::to_string(&t.clauses).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    Ok(TermColumns {
        offer_percent,
        offer_amount,
        offer_item,
        reward_percent,
        reward_amount,
        on_gross: i64::from(on_gross),
        clauses,
    })
}

fn offer_kind(o: &Offer) -> OfferKind {
    match o {
        Offer::None => OfferKind::None,
        Offer::PercentOff(_) => OfferKind::PercentOff,
        Offer::AmountOff(_) => OfferKind::AmountOff,
        Offer::FreeItem(_) => OfferKind::FreeItem,
    }
}

fn reward_kind(r: &Reward) -> RewardKind {
    match r {
        Reward::None => RewardKind::None,
        Reward::PercentOfSale { .. } => RewardKind::PercentOfSale,
        Reward::FixedPerRedemption(_) => RewardKind::FixedPerRedemption,
    }
}

/// A new version row; `signature` set means it is stored as signed (the demo's history).
pub struct NewVersion<'a> {
    pub partner_id: PartnerId,
    pub version: i64,
    pub based_on: Option<AgreementVersionId>,
    pub terms: &'a Terms,
    pub signature: Option<&'a Signature>,
}

/// Binds the term columns, `model` to `new_customers_only`, in the order both statements
/// list them (a macro, so it binds on either database's query type).
macro_rules! bind_terms {
    ($q:expr, $t:expr, $c:expr) => {{
        let (q, t, c) = ($q, $t, $c);
        q.bind(t.model.as_str())
            .bind(iso(t.effective_from))
            .bind(t.effective_to.map(iso))
            .bind(offer_kind(&t.offer).as_str())
            .bind(c.offer_percent)
            .bind(c.offer_amount)
            .bind(c.offer_item)
            .bind(t.min_sale.map(|m| m.minor))
            .bind(reward_kind(&t.reward).as_str())
            .bind(c.reward_percent)
            .bind(c.reward_amount)
            .bind(c.on_gross)
            .bind(t.monthly_cap.map(|m| m.minor))
            .bind(t.payout_cadence.as_str())
            .bind(t.payout_method.as_str())
            .bind(&t.payout_method_other)
            .bind(c.clauses)
            .bind(&t.notes)
            .bind(i64::from(t.reciprocal))
            .bind(t.daily_limit)
            .bind(i64::from(t.new_customers_only))
    }};
}

/// Adds a version and returns its id.
pub async fn insert(
    conn: &mut Conn,
    v: &NewVersion<'_>,
    at: DateTime<Utc>,
) -> sqlx::Result<AgreementVersionId> {
    let t = v.terms;
    let status = if v.signature.is_some() {
        VersionStatus::Signed
    } else {
        VersionStatus::Draft
    };
    let row = on!(conn, db => {
        let head = sqlx::query(include_str!("agreements_insert.sql"))
            .bind(v.partner_id)
            .bind(v.version)
            .bind(status.as_str())
            .bind(v.based_on)
            .bind(t.currency.code());
        bind_terms!(head, t, columns(t)?)
            .bind(v.signature.map(|s| iso(s.signed_on)))
            .bind(v.signature.map(|s| s.our_signatory.clone()))
            .bind(v.signature.map(|s| s.partner_signatory.clone()))
            .bind(to_millis(at))
            .fetch_one(db)
            .await?
            .try_get::<i64, _>(0)
    })?;
    Ok(AgreementVersionId(row))
}

/// Replaces a draft's terms (the triggers refuse this for signed rows).
pub async fn update_terms(
    conn: &mut Conn,
    id: AgreementVersionId,
    t: &Terms,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    on!(conn, db => {
        let head = sqlx::query(include_str!("agreements_update.sql")).bind(id);
        bind_terms!(head, t, columns(t)?)
            .bind(to_millis(at))
            .execute(db)
            .await
            .map(|done| done.rows_affected())
    })?;
    Ok(())
}

/// Signs a draft.
pub async fn sign(
    conn: &mut Conn,
    id: AgreementVersionId,
    s: &Signature,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query(
        "UPDATE agreement_versions
         SET status = 'signed', signed_on = $2, our_signatory = $3, partner_signatory = $4,
             updated_at = $5
         WHERE id = $1 AND status = 'draft'",
    )
    .bind(id)
    .bind(iso(s.signed_on))
    .bind(&s.our_signatory)
    .bind(&s.partner_signatory)
    .bind(to_millis(at))
    .execute(db)
    .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// Marks a signed version as replaced by a newer one.
pub async fn supersede(
    conn: &mut Conn,
    id: AgreementVersionId,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query("UPDATE agreement_versions SET status = 'superseded', updated_at = $2 WHERE id = $1 AND status = 'signed'")
        .bind(id)
        .bind(to_millis(at))
        .execute(db)
        .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// Deletes a draft (the triggers refuse this for signed rows).
pub async fn delete_draft(conn: &mut Conn, id: AgreementVersionId) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query("DELETE FROM agreement_versions WHERE id = $1")
        .bind(id)
        .execute(db)
        .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// One version.
pub async fn get(conn: &mut Conn, id: AgreementVersionId) -> sqlx::Result<Option<StoredVersion>> {
    let sql = format!("SELECT {COLUMNS} FROM agreement_versions WHERE id = $1");
    let row: Option<VersionRow> =
        on!(conn, db => sqlx::query_as(&sql).bind(id).fetch_optional(db).await)?;
    row.map(VersionRow::into_version).transpose()
}

/// Every version of a partner's agreement, newest first.
pub async fn for_partner(conn: &mut Conn, partner: PartnerId) -> sqlx::Result<Vec<StoredVersion>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM agreement_versions WHERE partner_id = $1 ORDER BY version DESC"
    );
    let rows: Vec<VersionRow> =
        on!(conn, db => sqlx::query_as(&sql).bind(partner).fetch_all(db).await)?;
    rows.into_iter().map(VersionRow::into_version).collect()
}

/// The version number the partner's next version gets.
pub async fn next_version(conn: &mut Conn, partner: PartnerId) -> sqlx::Result<i64> {
    on!(conn, db => sqlx::query_scalar(
        "SELECT COALESCE(MAX(version), 0) + 1 FROM agreement_versions WHERE partner_id = $1",
    )
    .bind(partner)
    .fetch_one(db)
    .await)
}

/// Of the signed and superseded versions starting on or before `day`, the one that
/// started last: later versions replace earlier ones from their start date.
pub async fn latest_started(
    conn: &mut Conn,
    partner: PartnerId,
    day: NaiveDate,
) -> sqlx::Result<Option<StoredVersion>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM agreement_versions
         WHERE partner_id = $1 AND status IN ('signed', 'superseded') AND effective_from <= $2
         ORDER BY effective_from DESC, version DESC LIMIT 1"
    );
    let row: Option<VersionRow> = on!(conn, db => sqlx::query_as(&sql)
        .bind(partner)
        .bind(iso(day))
        .fetch_optional(db)
        .await)?;
    row.map(VersionRow::into_version).transpose()
}
