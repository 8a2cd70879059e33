//! The `campaigns` table, the partners taking part in each, and the sums its results read.
//! Triggers refuse deleting a campaign, and leaving out a partner with codes or costs in it.

use super::Conn;
use crate::on;
use chrono::{DateTime, NaiveDate, Utc};
use iso_currency::Currency;
use sqlx::FromRow;

use super::receivables::{day, iso};
use super::{from_millis, to_millis};
use crate::campaigns::{Campaign, CampaignId, CampaignPartner, ValidCampaign};
use crate::desk::Actor;
use crate::money::{currency, Money};
use crate::partners::PartnerId;

const SELECT: &str = "SELECT id, name, starts_on, ends_on, budget_minor, currency, notes,
        created_at, created_by
    FROM campaigns";

#[derive(FromRow)]
struct CampaignRow {
    id: i64,
    name: String,
    starts_on: String,
    ends_on: String,
    budget_minor: Option<i64>,
    currency: String,
    notes: String,
    created_at: i64,
    created_by: String,
}

impl CampaignRow {
    fn into_campaign(self, partners: Vec<CampaignPartner>) -> sqlx::Result<Campaign> {
        let cur = currency(&self.currency).ok_or_else(|| {
            sqlx::Error::Decode(format!("campaign {} in {:?}", self.id, self.currency).into())
        })?;
        Ok(Campaign {
            id: CampaignId(self.id),
            name: self.name,
            starts_on: day(&self.starts_on)?,
            ends_on: day(&self.ends_on)?,
            budget: self.budget_minor.map(|m| Money::new(m, cur)),
            notes: self.notes,
            partners,
            created_at: from_millis(self.created_at),
            created_by: self.created_by,
        })
    }
}

#[derive(FromRow)]
struct MemberRow {
    campaign_id: i64,
    partner_id: i64,
    name: String,
}

/// The partners taking part in `campaign`, or in every campaign when `None`, by name.
async fn members(conn: &mut Conn, campaign: Option<CampaignId>) -> sqlx::Result<Vec<MemberRow>> {
    on!(conn, db => sqlx::query_as(
        "SELECT m.campaign_id, p.id AS partner_id, p.name
         FROM campaign_partners m JOIN partners p ON p.id = m.partner_id
         WHERE $1 IS NULL OR m.campaign_id = $1
         ORDER BY p.name_key, p.id",
    )
    .bind(campaign)
    .fetch_all(db)
    .await)
}

fn partners_of(rows: &[MemberRow], id: i64) -> Vec<CampaignPartner> {
    rows.iter()
        .filter(|m| m.campaign_id == id)
        .map(|m| CampaignPartner {
            id: PartnerId(m.partner_id),
            name: m.name.clone(),
        })
        .collect()
}

/// One campaign with its partners, if it exists.
pub async fn get(conn: &mut Conn, id: CampaignId) -> sqlx::Result<Option<Campaign>> {
    let sql = format!("{SELECT} WHERE id = $1");
    let row: Option<CampaignRow> = on!(conn, db => sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(db)
        .await)?;
    let Some(row) = row else {
        return Ok(None);
    };
    let members = members(conn, Some(id)).await?;
    row.into_campaign(partners_of(&members, id.0)).map(Some)
}

/// Every campaign with its partners, the latest to start first.
pub async fn list(conn: &mut Conn) -> sqlx::Result<Vec<Campaign>> {
    let sql = format!("{SELECT} ORDER BY starts_on DESC, id DESC");
    let rows: Vec<CampaignRow> = on!(conn, db => sqlx::query_as(&sql).fetch_all(db).await)?;
    let members = members(conn, None).await?;
    rows.into_iter()
        .map(|r| {
            let partners = partners_of(&members, r.id);
            r.into_campaign(partners)
        })
        .collect()
}

/// The name of another campaign whose name key equals `name_key`, if any.
pub async fn name_taken(
    conn: &mut Conn,
    name_key: &str,
    except: Option<CampaignId>,
) -> sqlx::Result<Option<String>> {
    on!(conn, db => sqlx::query_scalar(
        "SELECT name FROM campaigns WHERE name_key = $1 AND ($2 IS NULL OR id <> $2)",
    )
    .bind(name_key)
    .bind(except)
    .fetch_optional(db)
    .await)
}

/// Adds a campaign (its partners separately, [`set_partners`]) and returns its id.
pub async fn insert(
    conn: &mut Conn,
    c: &ValidCampaign,
    cur: Currency,
    at: DateTime<Utc>,
    by: &Actor,
) -> sqlx::Result<CampaignId> {
    on!(conn, db => sqlx::query_scalar(
        "INSERT INTO campaigns (name, name_key, starts_on, ends_on, budget_minor, currency,
             notes, created_at, created_by, created_by_id, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $8) RETURNING id",
    )
    .bind(&c.name)
    .bind(&c.name_key)
    .bind(iso(c.starts_on))
    .bind(iso(c.ends_on))
    .bind(c.budget.map(|b| b.minor))
    .bind(cur.code())
    .bind(&c.notes)
    .bind(to_millis(at))
    .bind(&by.name)
    .bind(by.person)
    .fetch_one(db)
    .await)
}

/// Replaces a campaign's details (not its partners).
pub async fn update(
    conn: &mut Conn,
    id: CampaignId,
    c: &ValidCampaign,
    cur: Currency,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query(
        "UPDATE campaigns SET name = $2, name_key = $3, starts_on = $4, ends_on = $5,
             budget_minor = $6, currency = $7, notes = $8, updated_at = $9
         WHERE id = $1",
    )
    .bind(id)
    .bind(&c.name)
    .bind(&c.name_key)
    .bind(iso(c.starts_on))
    .bind(iso(c.ends_on))
    .bind(c.budget.map(|b| b.minor))
    .bind(cur.code())
    .bind(&c.notes)
    .bind(to_millis(at))
    .execute(db)
    .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// Makes `partners` the ones taking part: adds the new, lets go of the rest. The schema
/// refuses letting go of one with codes or costs in the campaign.
pub async fn set_partners(
    conn: &mut Conn,
    id: CampaignId,
    partners: &[PartnerId],
) -> sqlx::Result<()> {
    let list = serde_json::to_string(&partners).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let values = conn.dialect().json_values("$2", true);
    let kept = format!(
        "DELETE FROM campaign_partners WHERE campaign_id = $1 AND partner_id NOT IN ({values})"
    );
    on!(conn, db => sqlx::query(&kept)
    .bind(id)
    .bind(&list)
    .execute(db)
    .await
        .map(|done| done.rows_affected()))?;
    let added = format!(
        "INSERT INTO campaign_partners (campaign_id, partner_id)
         SELECT $1, l.value FROM ({values}) AS l WHERE true
         ON CONFLICT DO NOTHING"
    );
    on!(conn, db => sqlx::query(&added)
    .bind(id)
    .bind(&list)
    .execute(db)
    .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// The partners of `id` with codes issued or costs booked in it: they cannot leave it.
pub async fn partners_with_activity(
    conn: &mut Conn,
    id: CampaignId,
) -> sqlx::Result<Vec<PartnerId>> {
    on!(conn, db => sqlx::query_scalar(
        "SELECT partner_id FROM referral_codes WHERE campaign_id = $1
         UNION
         SELECT partner_id FROM program_costs WHERE campaign_id = $1 AND partner_id IS NOT NULL
         ORDER BY 1",
    )
    .bind(id)
    .fetch_all(db)
    .await)
}

/// One partner's sums inside a campaign.
#[derive(Debug, Clone, FromRow)]
pub struct CampaignSums {
    pub partner_id: i64,
    pub name: String,
    /// Whether the partner takes part now (one with activity who left still has a line).
    pub taking_part: bool,
    /// Codes issued for the campaign to the partner.
    pub codes: i64,
    pub redemptions: i64,
    pub new_customers: i64,
    pub sales: i64,
    pub discounts: i64,
    pub commissions: i64,
    /// What the new customers among them paid (sales less discounts): partner-sourced.
    pub sourced: i64,
    pub costs: i64,
}

/// Per partner taking part in `id` or with activity in it: its codes' counted redemptions
/// in `cur` on days `from..=to`, and the costs booked to it for the partner.
pub async fn partner_sums(
    conn: &mut Conn,
    id: CampaignId,
    (from, to): (NaiveDate, NaiveDate),
    cur: Currency,
) -> sqlx::Result<Vec<CampaignSums>> {
    on!(conn, db => sqlx::query_as(include_str!("campaign_partner_sums.sql"))
        .bind(id)
        .bind(iso(from))
        .bind(iso(to))
        .bind(cur.code())
        .fetch_all(db)
        .await)
}

/// Costs in `cur` booked to `id` for no partner in particular, reversed ones left out.
pub async fn shared_costs(conn: &mut Conn, id: CampaignId, cur: Currency) -> sqlx::Result<i64> {
    on!(conn, db => sqlx::query_scalar(
        "SELECT coalesce(CAST(sum(c.amount_minor) AS BIGINT), 0) FROM program_costs c
         WHERE c.campaign_id = $1 AND c.partner_id IS NULL AND c.currency = $2
           AND NOT EXISTS (SELECT 1 FROM cost_reversals x WHERE x.cost_id = c.id)",
    )
    .bind(id)
    .bind(cur.code())
    .fetch_one(db)
    .await)
}
