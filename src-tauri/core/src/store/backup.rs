//! The SQL behind backups: a consistent copy of the open file, and reading a copy back
//! (its integrity and what is inside) without changing a byte of it.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection, SqlitePool};

use super::from_millis;
use crate::error::StoreError;

/// Writes a consistent copy of the database behind `pool` to `to`, which must not exist.
/// `VACUUM INTO` reads in one transaction, so sales logged meanwhile by the writer are in
/// the copy entirely or not at all, and the copy is compact and in one file (no WAL).
pub async fn vacuum_into(pool: &SqlitePool, to: &Path) -> Result<(), StoreError> {
    sqlx::query("VACUUM INTO $1")
        .bind(to.to_string_lossy().into_owned())
        .execute(pool)
        .await?;
    Ok(())
}

/// Opens `path` to read only: by connect options, never a URL (a folder called `50%off`
/// or holding a `?` stays a folder), and `immutable`, so SQLite creates no `-wal` or
/// `-shm` beside it and needs no write access to its folder.
pub async fn read_only(path: &Path) -> Result<SqliteConnection, StoreError> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .immutable(true)
        .busy_timeout(Duration::from_secs(5));
    Ok(SqliteConnection::connect_with(&options).await?)
}

/// SQLite's full `integrity_check` of the file at `path`: `Ok(())` when it says "ok",
/// else what it found.
pub async fn integrity_check(path: &Path) -> Result<Result<(), String>, StoreError> {
    let mut conn = read_only(path).await?;
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut conn)
        .await?;
    conn.close().await?;
    if rows.len() == 1 && rows[0] == "ok" {
        Ok(Ok(()))
    } else {
        Ok(Err(rows.join("; ")))
    }
}

/// What a Partnerdesk file holds, as a person recognises it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileContents {
    /// The newest migration applied to it.
    pub schema: i64,
    /// The app version that last wrote it.
    pub written_by: Option<String>,
    pub partners: i64,
    pub redemptions: i64,
    /// When the newest redemption was logged.
    pub last_redemption_at: Option<DateTime<Utc>>,
}

/// Reads the counts a person recognises a Partnerdesk file by. `None` when the file is a
/// database but not Partnerdesk's (no migrations table, no partners).
pub async fn contents(path: &Path) -> Result<Option<FileContents>, StoreError> {
    let mut conn = read_only(path).await?;
    let result = contents_on(&mut conn).await;
    conn.close().await?;
    result
}

/// [`contents`] over an open connection (the live store's reader, or a file's).
pub async fn contents_on(conn: &mut SqliteConnection) -> Result<Option<FileContents>, StoreError> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table'
         AND name IN ('_sqlx_migrations', 'store_meta', 'partners', 'redemptions')",
    )
    .fetch_all(&mut *conn)
    .await?;
    if tables.len() < 4 {
        return Ok(None);
    }
    let schema: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(&mut *conn)
        .await?;
    let written_by: Option<String> =
        sqlx::query_scalar("SELECT value FROM store_meta WHERE key = 'written_by'")
            .fetch_optional(&mut *conn)
            .await?;
    let partners: i64 = sqlx::query_scalar("SELECT count(*) FROM partners")
        .fetch_one(&mut *conn)
        .await?;
    let (redemptions, last): (i64, Option<i64>) =
        sqlx::query_as("SELECT count(*), max(redeemed_at) FROM redemptions")
            .fetch_one(&mut *conn)
            .await?;
    Ok(Some(FileContents {
        schema: schema.unwrap_or(0),
        written_by,
        partners,
        redemptions,
        last_redemption_at: last.map(from_millis),
    }))
}

/// [`contents`] of the open store, read in one snapshot on `pool`.
pub async fn live_contents(pool: &SqlitePool) -> Result<Option<FileContents>, StoreError> {
    let mut conn = pool.acquire().await?;
    let mut tx = conn.begin().await?;
    let result = contents_on(&mut tx).await;
    tx.rollback().await?;
    result
}
