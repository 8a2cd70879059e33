//! The `referral_codes` table. Rows are never deleted (trigger).

use super::Conn;
use crate::on;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{FromRow, QueryBuilder};

use super::{from_millis, to_millis};
use crate::codes::{grouped, CodeId, CodeQuery, CodeStatusFilter, CodeUseFilter, ReferralCode};
use crate::ids::CampaignId;
use crate::partners::PartnerId;

const COLUMNS: &str = "id, partner_id, code, prefix, batch, valid_from, valid_until, \
                       redemption_limit, note, enabled, created_at, updated_at, campaign_id, \
                       (SELECT count(*) FROM code_uses u WHERE u.code_id = referral_codes.id) AS uses";

/// What the counter reads of a code: the same, but the uses counted only for a code with a
/// limit. A poster's code may have been used a hundred thousand times; counting them on
/// every sale cost 34 ms at a million redemptions (docs/PERFORMANCE.md), and nothing at the
/// counter reads an unlimited code's total.
const COUNTER_COLUMNS: &str = "id, partner_id, code, prefix, batch, valid_from, valid_until, \
                       redemption_limit, note, enabled, created_at, updated_at, campaign_id, \
                       CASE WHEN redemption_limit IS NULL THEN 0 ELSE \
                       (SELECT count(*) FROM code_uses u WHERE u.code_id = referral_codes.id) \
                       END AS uses";

#[derive(FromRow)]
struct CodeRow {
    id: i64,
    partner_id: i64,
    code: String,
    prefix: String,
    batch: Option<String>,
    valid_from: Option<String>,
    valid_until: Option<String>,
    redemption_limit: Option<i64>,
    note: String,
    enabled: i64,
    created_at: i64,
    updated_at: i64,
    campaign_id: Option<i64>,
    uses: i64,
}

fn day(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok())
}

impl CodeRow {
    fn into_code(self) -> ReferralCode {
        ReferralCode {
            id: CodeId(self.id),
            partner_id: PartnerId(self.partner_id),
            printed: grouped(Some(&self.prefix), &self.code),
            code: self.code,
            prefix: self.prefix,
            batch: self.batch,
            valid_from: day(self.valid_from),
            valid_until: day(self.valid_until),
            redemption_limit: self.redemption_limit,
            note: self.note,
            enabled: self.enabled == 1,
            created_at: from_millis(self.created_at),
            updated_at: from_millis(self.updated_at),
            uses: self.uses,
            campaign_id: self.campaign_id.map(CampaignId),
        }
    }
}

/// A code about to be stored.
pub struct NewCode<'a> {
    pub partner_id: PartnerId,
    pub code: &'a str,
    pub prefix: &'a str,
    pub batch: Option<&'a str>,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub redemption_limit: Option<i64>,
    pub note: &'a str,
    pub campaign_id: Option<CampaignId>,
}

/// Stores a code unless one with the same folded code exists; `None` on that clash, so
/// the caller can draw another.
pub async fn insert(
    conn: &mut Conn,
    c: &NewCode<'_>,
    at: DateTime<Utc>,
) -> sqlx::Result<Option<CodeId>> {
    let iso = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    // The taken code is skipped by the NOT EXISTS, not by ON CONFLICT DO NOTHING: the
    // schema's BEFORE INSERT trigger refuses any row colliding with an existing code (so
    // INSERT OR REPLACE cannot rewrite one), and it fires before DO NOTHING would.
    let id: Option<i64> = on!(conn, db => sqlx::query_scalar(
        "INSERT INTO referral_codes (partner_id, code, prefix, batch, valid_from, valid_until,
             redemption_limit, note, enabled, created_at, updated_at, campaign_id)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9, $10
         WHERE NOT EXISTS (SELECT 1 FROM referral_codes WHERE code = $2)
         RETURNING id",
    )
    .bind(c.partner_id)
    .bind(c.code)
    .bind(c.prefix)
    .bind(c.batch)
    .bind(iso(c.valid_from))
    .bind(iso(c.valid_until))
    .bind(c.redemption_limit)
    .bind(c.note)
    .bind(to_millis(at))
    .bind(c.campaign_id)
    .fetch_optional(db)
    .await)?;
    Ok(id.map(CodeId))
}

/// The code stored under a folded code, if any, as the counter reads it: `uses` is 0 for
/// an unlimited code (not counted, see [`COUNTER_COLUMNS`]).
pub async fn by_code(conn: &mut Conn, code: &str) -> sqlx::Result<Option<ReferralCode>> {
    let sql = format!("SELECT {COUNTER_COLUMNS} FROM referral_codes WHERE code = $1");
    let row: Option<CodeRow> =
        on!(conn, db => sqlx::query_as(&sql).bind(code).fetch_optional(db).await)?;
    Ok(row.map(CodeRow::into_code))
}

/// Which of `codes` exist, as the counter reads them (as [`by_code`]).
pub async fn existing(conn: &mut Conn, codes: &[String]) -> sqlx::Result<Vec<ReferralCode>> {
    let list = serde_json::to_string(codes).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let values = conn.dialect().json_values("$1", false);
    let sql = format!(
        "SELECT {COUNTER_COLUMNS} FROM referral_codes WHERE code IN ({values}) ORDER BY code"
    );
    let rows: Vec<CodeRow> = on!(conn, db => sqlx::query_as(&sql).bind(list).fetch_all(db).await)?;
    Ok(rows.into_iter().map(CodeRow::into_code).collect())
}

/// A partner's codes, newest first.
pub async fn for_partner(conn: &mut Conn, partner: PartnerId) -> sqlx::Result<Vec<ReferralCode>> {
    let sql =
        format!("SELECT {COLUMNS} FROM referral_codes WHERE partner_id = $1 ORDER BY id DESC");
    let rows: Vec<CodeRow> =
        on!(conn, db => sqlx::query_as(&sql).bind(partner).fetch_all(db).await)?;
    Ok(rows.into_iter().map(CodeRow::into_code).collect())
}

/// Switches a code on or off.
pub async fn set_enabled(
    conn: &mut Conn,
    id: CodeId,
    enabled: bool,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query("UPDATE referral_codes SET enabled = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(i64::from(enabled))
        .bind(to_millis(at))
        .execute(db)
        .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// One code by id.
pub async fn by_id(conn: &mut Conn, id: CodeId) -> sqlx::Result<Option<ReferralCode>> {
    let sql = format!("SELECT {COLUMNS} FROM referral_codes WHERE id = $1");
    let row: Option<CodeRow> =
        on!(conn, db => sqlx::query_as(&sql).bind(id).fetch_optional(db).await)?;
    Ok(row.map(CodeRow::into_code))
}

/// Appends the WHERE clause keeping `partner`'s codes that `query` keeps. Only the filters
/// in use are written, so each combination gets its own plan: the unfiltered list reads
/// straight from `referral_codes_partner_newest`, one batch from `…_partner_batch`.
/// (A macro, so it builds either database's query.)
macro_rules! push_matching {
    ($qb:expr, $partner:expr, $query:expr) => {{
        let (qb, partner, query): (_, PartnerId, &CodeQuery) = ($qb, $partner, $query);
        qb.push(" WHERE partner_id = ").push_bind(partner.0);
        match query.status {
            CodeStatusFilter::All => {}
            CodeStatusFilter::Enabled => {
                qb.push(" AND enabled = 1");
            }
            CodeStatusFilter::Disabled => {
                qb.push(" AND enabled = 0");
            }
        }
        let text = query.search_text();
        if !text.is_empty() {
            // LIKE rather than instr() so PostgreSQL runs it too; the pattern holds only letters
            // and digits, so nothing in it needs escaping.
            qb.push(" AND (prefix || code LIKE ")
                .push_bind(format!("%{text}%"));
            // Typed without look-alikes, the code alone matches only where the joined text
            // already does: one comparison a row, not two, on a partner's whole list.
            let code = query.search_code();
            if code != text {
                qb.push(" OR code LIKE ").push_bind(format!("%{code}%"));
            }
            qb.push(")");
        }
        if let Some(batch) = &query.batch {
            qb.push(" AND batch = ").push_bind(batch.clone());
        }
        let uses = "FROM code_uses u WHERE u.code_id = referral_codes.id";
        match query.uses {
            CodeUseFilter::All => {}
            CodeUseFilter::Unused => {
                qb.push(format_args!(" AND NOT EXISTS (SELECT 1 {uses})"));
            }
            CodeUseFilter::Used => {
                qb.push(format_args!(" AND EXISTS (SELECT 1 {uses})"));
            }
            CodeUseFilter::UsedUp => {
                qb.push(format_args!(
                    " AND redemption_limit IS NOT NULL \
                     AND (SELECT count(*) {uses}) >= redemption_limit"
                ));
            }
        }
    }};
}

/// Up to `limit` of `partner`'s codes that `query` keeps, newest first, older than `after`.
pub async fn page(
    conn: &mut Conn,
    partner: PartnerId,
    query: &CodeQuery,
    after: Option<CodeId>,
    limit: i64,
) -> sqlx::Result<Vec<ReferralCode>> {
    let rows: Vec<CodeRow> = on!(conn, db => {
        let mut qb = QueryBuilder::new(format!("SELECT {COLUMNS} FROM referral_codes"));
        push_matching!(&mut qb, partner, query);
        // Bound on the first page too: with it, SQLite may walk the table itself newest
        // first when one partner holds most codes (three times quicker for a search that
        // reads the whole list than visiting each row through referral_codes_partner_newest).
        qb.push(" AND id < ")
            .push_bind(after.map_or(i64::MAX, |a| a.0));
        qb.push(" ORDER BY id DESC LIMIT ").push_bind(limit);
        qb.build_query_as().fetch_all(db).await
    })?;
    Ok(rows.into_iter().map(CodeRow::into_code).collect())
}

/// How many of `partner`'s codes `query` keeps.
pub async fn count(conn: &mut Conn, partner: PartnerId, query: &CodeQuery) -> sqlx::Result<i64> {
    on!(conn, db => {
        let mut qb = QueryBuilder::new("SELECT count(*) FROM referral_codes");
        push_matching!(&mut qb, partner, query);
        qb.build_query_scalar().fetch_one(db).await
    })
}

/// The ids of every code of `partner` that `query` keeps, oldest first.
pub async fn matching_ids(
    conn: &mut Conn,
    partner: PartnerId,
    query: &CodeQuery,
) -> sqlx::Result<Vec<CodeId>> {
    let ids: Vec<i64> = on!(conn, db => {
        let mut qb = QueryBuilder::new("SELECT id FROM referral_codes");
        push_matching!(&mut qb, partner, query);
        qb.push(" ORDER BY id");
        qb.build_query_scalar().fetch_all(db).await
    })?;
    Ok(ids.into_iter().map(CodeId).collect())
}

/// `partner`'s batch labels, the batch issued last first.
pub async fn batches(conn: &mut Conn, partner: PartnerId) -> sqlx::Result<Vec<String>> {
    on!(conn, db => sqlx::query_scalar(
        "SELECT batch FROM referral_codes WHERE partner_id = $1 AND batch IS NOT NULL
         GROUP BY batch ORDER BY max(id) DESC",
    )
    .bind(partner)
    .fetch_all(db)
    .await)
}
