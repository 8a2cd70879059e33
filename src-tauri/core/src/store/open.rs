//! Opening the database file: refuse newer schemas untouched, check integrity, migrate.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Connection, SqliteConnection, SqlitePool};

use crate::error::StoreError;
use crate::APP_VERSION;

/// The file inside the data folder.
pub const DB_FILE_NAME: &str = "partnerdesk.sqlite3";

static MIGRATOR: Migrator = sqlx::migrate!("../../migrations");

/// A waiting writer gives up after this long; another till may hold the write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The open store: one writer connection, so write transactions never race each other
/// in this process, and a few readers that WAL lets run beside it.
#[derive(Debug, Clone)]
pub struct Pools {
    /// Serialises every write transaction.
    pub writer: SqlitePool,
    /// For queries; never writes.
    pub reader: SqlitePool,
    /// Where the file lives.
    pub path: PathBuf,
}

fn options(path: &Path) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT)
}

/// The newest migration this build knows.
pub fn app_schema() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// Opens (creating if missing) the database in `data_dir` and brings its schema up to date.
pub async fn open(data_dir: &Path) -> Result<Pools, StoreError> {
    std::fs::create_dir_all(data_dir).map_err(|source| StoreError::Folder {
        path: data_dir.to_path_buf(),
        source,
    })?;
    let path = data_dir.join(DB_FILE_NAME);
    if path.exists() {
        refuse_newer_schema(&path)
            .await
            .map_err(|e| damaged_or(&path, e))?;
    }

    let writer = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options(&path).create_if_missing(true))
        .await
        .map_err(|e| damaged_or(&path, e.into()))?;
    quick_check(&writer, &path)
        .await
        .map_err(|e| damaged_or(&path, e))?;
    MIGRATOR.run(&writer).await?;
    sqlx::query(
        "INSERT INTO store_meta (key, value) VALUES ('written_by', $1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(APP_VERSION)
    .execute(&writer)
    .await?;

    let reader = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options(&path))
        .await?;
    Ok(Pools {
        writer,
        reader,
        path,
    })
}

/// Looks at an existing file through a read-only connection, so a database from a newer
/// version is refused before anything (even switching to WAL) could change it.
async fn refuse_newer_schema(path: &Path) -> Result<(), StoreError> {
    let url = format!("sqlite://{}?mode=ro", path.display());
    let ro = SqliteConnectOptions::from_str(&url)?
        .read_only(true)
        .busy_timeout(BUSY_TIMEOUT);
    let mut conn = SqliteConnection::connect_with(&ro).await?;
    let has_migrations: Option<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_optional(&mut conn)
    .await?;
    if has_migrations.is_none() {
        conn.close().await?;
        return Ok(());
    }
    let db_schema: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await?;
    let app_schema = app_schema();
    let db_schema = db_schema.unwrap_or(0);
    if db_schema > app_schema {
        let written_by: Option<String> =
            sqlx::query_scalar("SELECT value FROM store_meta WHERE key = 'written_by'")
                .fetch_optional(&mut conn)
                .await
                .ok()
                .flatten();
        conn.close().await?;
        return Err(StoreError::TooNew {
            db_schema,
            app_schema,
            written_by: written_by.unwrap_or_else(|| "a newer version".into()),
            app_version: APP_VERSION.into(),
        });
    }
    conn.close().await?;
    Ok(())
}

async fn quick_check(pool: &SqlitePool, path: &Path) -> Result<(), StoreError> {
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_all(pool)
        .await?;
    if rows.len() == 1 && rows[0] == "ok" {
        return Ok(());
    }
    Err(StoreError::Damaged {
        path: path.to_path_buf(),
        detail: rows.join("; "),
    })
}

/// Any step of opening that SQLite reports as corruption becomes `Damaged`.
fn damaged_or(path: &Path, err: StoreError) -> StoreError {
    match err {
        StoreError::Sql(e) if StoreError::is_corruption(&e) => StoreError::Damaged {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
        other => other,
    }
}

/// How a connection of the store is set up, as SQLite reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionSettings {
    pub journal_mode: String,
    /// 2 = FULL.
    pub synchronous: i64,
    pub foreign_keys: bool,
    pub busy_timeout_ms: i64,
}

/// Reads the settings of one writer connection.
pub async fn connection_settings(pool: &SqlitePool) -> Result<ConnectionSettings, StoreError> {
    let mut conn = pool.acquire().await?;
    Ok(ConnectionSettings {
        journal_mode: sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut *conn)
            .await?,
        synchronous: sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&mut *conn)
            .await?,
        foreign_keys: sqlx::query_scalar::<_, i64>("PRAGMA foreign_keys")
            .fetch_one(&mut *conn)
            .await?
            == 1,
        busy_timeout_ms: sqlx::query_scalar("PRAGMA busy_timeout")
            .fetch_one(&mut *conn)
            .await?,
    })
}

/// Copies every committed page from the WAL into the main file and empties the WAL.
pub async fn checkpoint(pool: &SqlitePool) -> Result<(), StoreError> {
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(pool)
        .await?;
    Ok(())
}
