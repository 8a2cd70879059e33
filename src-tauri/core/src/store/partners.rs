//! The `partners` table.

use super::{Conn, Dialect};
use crate::on;
use chrono::{DateTime, Utc};
use sqlx::FromRow;

use super::{from_millis, to_millis};
use crate::partners::{Partner, PartnerFit, PartnerId, PartnerStatus, ValidPartner};

const COLUMNS: &str = "id, name, status, category, contact_person, email, phone, address, \
                       website, notes, fit_audience, fit_synergy, fit_reputation, fit_motivation, \
                       created_at, updated_at";

#[derive(FromRow)]
struct PartnerRow {
    id: i64,
    name: String,
    status: String,
    category: String,
    contact_person: String,
    email: String,
    phone: String,
    address: String,
    website: String,
    notes: String,
    fit_audience: Option<i64>,
    fit_synergy: Option<i64>,
    fit_reputation: Option<i64>,
    fit_motivation: Option<i64>,
    created_at: i64,
    updated_at: i64,
}

fn score(value: Option<i64>) -> Option<u8> {
    value.and_then(|v| u8::try_from(v).ok())
}

impl PartnerRow {
    fn into_partner(self) -> Partner {
        // The CHECK constraint admits only the four statuses.
        let status = PartnerStatus::parse(&self.status).unwrap_or(PartnerStatus::Prospect);
        let fit = PartnerFit {
            audience: score(self.fit_audience),
            synergy: score(self.fit_synergy),
            reputation: score(self.fit_reputation),
            motivation: score(self.fit_motivation),
        };
        Partner {
            id: PartnerId(self.id),
            name: self.name,
            status,
            category: self.category,
            contact_person: self.contact_person,
            email: self.email,
            phone: self.phone,
            address: self.address,
            website: self.website,
            notes: self.notes,
            fit_average: fit.average(),
            fit,
            next_statuses: status.next().to_vec(),
            created_at: from_millis(self.created_at),
            updated_at: from_millis(self.updated_at),
        }
    }
}

/// One partner, if it exists.
pub async fn get(conn: &mut Conn, id: PartnerId) -> sqlx::Result<Option<Partner>> {
    let sql = format!("SELECT {COLUMNS} FROM partners WHERE id = $1");
    let row: Option<PartnerRow> =
        on!(conn, db => sqlx::query_as(&sql).bind(id).fetch_optional(db).await)?;
    Ok(row.map(PartnerRow::into_partner))
}

/// Partners whose name contains `needle` (already lower-cased) and, if given, in `status`;
/// ordered by name key.
pub async fn list(
    conn: &mut Conn,
    needle: &str,
    status: Option<PartnerStatus>,
) -> sqlx::Result<Vec<Partner>> {
    // Where a text is found in another: SQLite's instr() is PostgreSQL's strpos().
    let position = match conn.dialect() {
        Dialect::Sqlite => "instr",
        Dialect::Postgres => "strpos",
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM partners
         WHERE {position}(name_key, $1) > 0 AND ($2 IS NULL OR status = $2)
         ORDER BY name_key"
    );
    let rows: Vec<PartnerRow> = on!(conn, db => sqlx::query_as(&sql)
        .bind(needle)
        .bind(status.map(PartnerStatus::as_str))
        .fetch_all(db)
        .await)?;
    Ok(rows.into_iter().map(PartnerRow::into_partner).collect())
}

/// The name of another partner whose name key equals `name_key`, if any.
pub async fn name_taken(
    conn: &mut Conn,
    name_key: &str,
    except: Option<PartnerId>,
) -> sqlx::Result<Option<String>> {
    on!(conn, db => sqlx::query_scalar("SELECT name FROM partners WHERE name_key = $1 AND ($2 IS NULL OR id <> $2)")
        .bind(name_key)
        .bind(except)
        .fetch_optional(db)
        .await)
}

/// Holds `id`'s row until the transaction ends, so what is counted against the partner (a
/// code's uses, the day's places, the month's commission) cannot change under a till
/// logging a sale: on a server other tills log at the same moment, and READ COMMITTED
/// would let two of them count the same last place. `NO KEY UPDATE` rather than `UPDATE`:
/// it queues the tills alike, yet lets other transactions insert rows that merely point at
/// the partner (a code issued beside a sale), which `FOR UPDATE` would block and could
/// deadlock. The file needs nothing: its write transaction holds the whole file.
pub async fn lock_for_logging(conn: &mut Conn, id: PartnerId) -> sqlx::Result<()> {
    if conn.dialect() == Dialect::Postgres {
        on!(conn, db => sqlx::query("SELECT 1 FROM partners WHERE id = $1 FOR NO KEY UPDATE")
            .bind(id)
            .fetch_optional(db)
            .await
            .map(|row| row.is_some()))?;
    }
    Ok(())
}

/// Adds a partner and returns its id.
pub async fn insert(
    conn: &mut Conn,
    p: &ValidPartner,
    status: PartnerStatus,
    at: DateTime<Utc>,
) -> sqlx::Result<PartnerId> {
    let id: i64 = on!(conn, db => sqlx::query_scalar(include_str!("partners_insert.sql"))
        .bind(&p.name)
        .bind(&p.name_key)
        .bind(status.as_str())
        .bind(&p.category)
        .bind(&p.contact_person)
        .bind(&p.email)
        .bind(&p.phone)
        .bind(&p.address)
        .bind(&p.website)
        .bind(&p.notes)
        .bind(p.fit.audience.map(i64::from))
        .bind(p.fit.synergy.map(i64::from))
        .bind(p.fit.reputation.map(i64::from))
        .bind(p.fit.motivation.map(i64::from))
        .bind(to_millis(at))
        .fetch_one(db)
        .await)?;
    Ok(PartnerId(id))
}

/// Replaces a partner's details (not its status).
pub async fn update(
    conn: &mut Conn,
    id: PartnerId,
    p: &ValidPartner,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query(include_str!("partners_update.sql"))
        .bind(id)
        .bind(&p.name)
        .bind(&p.name_key)
        .bind(&p.category)
        .bind(&p.contact_person)
        .bind(&p.email)
        .bind(&p.phone)
        .bind(&p.address)
        .bind(&p.website)
        .bind(&p.notes)
        .bind(p.fit.audience.map(i64::from))
        .bind(p.fit.synergy.map(i64::from))
        .bind(p.fit.reputation.map(i64::from))
        .bind(p.fit.motivation.map(i64::from))
        .bind(to_millis(at))
        .execute(db)
        .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// Moves a partner to `status`.
pub async fn set_status(
    conn: &mut Conn,
    id: PartnerId,
    status: PartnerStatus,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query("UPDATE partners SET status = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(status.as_str())
        .bind(to_millis(at))
        .execute(db)
        .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// How many partners exist.
pub async fn count(conn: &mut Conn) -> sqlx::Result<i64> {
    on!(conn, db => sqlx::query_scalar("SELECT COUNT(*) FROM partners")
        .fetch_one(db)
        .await)
}

/// Every partner's name key with its name, for checking many new names at once.
pub async fn name_keys(conn: &mut Conn) -> sqlx::Result<Vec<(String, String)>> {
    on!(conn, db => sqlx::query_as("SELECT name_key, name FROM partners")
        .fetch_all(db)
        .await)
}
