//! Statement files: this installation's signing key (one row, never changed), the key each
//! partner signs with (pinned, append-only), and the files imported from them.

use super::Conn;
use crate::on;
use chrono::{DateTime, Utc};
use sqlx::FromRow;

use super::{from_millis, to_millis};
use crate::desk::Actor;
use crate::ids::StatementImportId;
use crate::partners::PartnerId;

/// This installation's secret key bytes, if one was made.
pub async fn installation_secret(conn: &mut Conn) -> sqlx::Result<Option<Vec<u8>>> {
    on!(conn, db => sqlx::query_scalar("SELECT secret_key FROM installation_key WHERE id = 1")
        .fetch_optional(db)
        .await)
}

/// Stores this installation's key; does nothing when one exists already (a second window
/// that made its own at the same moment keeps the first).
pub async fn insert_installation_key(
    conn: &mut Conn,
    secret: &[u8],
    public_hex: &str,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query(
        "INSERT INTO installation_key (id, secret_key, public_key, created_at)
         SELECT 1, $1, $2, $3
         WHERE NOT EXISTS (SELECT 1 FROM installation_key WHERE id = 1)",
    )
    .bind(secret)
    .bind(public_hex)
    .bind(to_millis(at))
    .execute(db)
    .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// The key pinned for `partner` (hex), if any: their latest by id.
pub async fn pinned_key(conn: &mut Conn, partner: PartnerId) -> sqlx::Result<Option<String>> {
    on!(conn, db => sqlx::query_scalar(
        "SELECT public_key FROM partner_keys WHERE partner_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(partner)
    .fetch_optional(db)
    .await)
}

/// The partner whose pinned key in force is `public_hex`, if one.
pub async fn partner_of_key(conn: &mut Conn, public_hex: &str) -> sqlx::Result<Option<PartnerId>> {
    on!(conn, db => sqlx::query_scalar(
        "SELECT k.partner_id FROM partner_keys k
         WHERE k.public_key = $1
           AND k.id = (SELECT max(l.id) FROM partner_keys l WHERE l.partner_id = k.partner_id)
         ORDER BY k.id DESC LIMIT 1",
    )
    .bind(public_hex)
    .fetch_optional(db)
    .await)
}

/// Pins `public_hex` for `partner` from now on; `reason` says why a key replaced another
/// (empty on first use).
pub async fn pin_key(
    conn: &mut Conn,
    partner: PartnerId,
    public_hex: &str,
    reason: &str,
    at: DateTime<Utc>,
    by: &Actor,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query(
        "INSERT INTO partner_keys (partner_id, public_key, pinned_at, pinned_by, pinned_by_id,
             reason)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(partner)
    .bind(public_hex)
    .bind(to_millis(at))
    .bind(&by.name)
    .bind(by.person)
    .bind(reason)
    .execute(db)
    .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// An imported file as stored, without its text.
#[derive(Debug, Clone, FromRow)]
pub struct ImportRow {
    pub id: i64,
    pub partner_id: i64,
    pub imported_at: i64,
    pub imported_by: String,
}

impl ImportRow {
    /// When it was imported.
    pub fn at(&self) -> DateTime<Utc> {
        from_millis(self.imported_at)
    }
}

/// The import of the file whose SHA-256 is `sha256`, if it was imported before.
pub async fn import_of_file(conn: &mut Conn, sha256: &str) -> sqlx::Result<Option<ImportRow>> {
    on!(conn, db => sqlx::query_as(
        "SELECT id, partner_id, imported_at, imported_by FROM statement_imports
         WHERE file_sha256 = $1",
    )
    .bind(sha256)
    .fetch_optional(db)
    .await)
}

/// A statement file about to be stored as imported.
pub struct NewImport<'a> {
    pub partner_id: PartnerId,
    pub sha256: &'a str,
    pub public_hex: &'a str,
    pub issuer_name: &'a str,
    pub issued_at: DateTime<Utc>,
    pub text: &'a str,
    pub at: DateTime<Utc>,
    pub by: &'a Actor,
}

/// Keeps an imported file as received.
pub async fn insert_import(conn: &mut Conn, i: &NewImport<'_>) -> sqlx::Result<StatementImportId> {
    let id: i64 = on!(conn, db => sqlx::query_scalar(
        "INSERT INTO statement_imports (partner_id, file_sha256, public_key, issuer_name,
             issued_at, file_text, imported_at, imported_by, imported_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         RETURNING id",
    )
    .bind(i.partner_id)
    .bind(i.sha256)
    .bind(i.public_hex)
    .bind(i.issuer_name)
    .bind(to_millis(i.issued_at))
    .bind(i.text)
    .bind(to_millis(i.at))
    .bind(&i.by.name)
    .bind(i.by.person)
    .fetch_one(db)
    .await)?;
    Ok(StatementImportId(id))
}
