//! Opening the store on a shop's PostgreSQL server: several tills and the owner's laptop on
//! one database, reached through the same store code as the file (not a home-made sync).

use std::path::Path;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions, PgSslMode};
use sqlx::PgPool;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Pool, Pools, DB_FILE_NAME};
use crate::error::{ServerError, StoreError};
use crate::APP_VERSION;

static MIGRATOR: Migrator = sqlx::migrate!("../../migrations/postgres");

/// How long a till waits for the server to answer a new connection before saying it
/// cannot be reached: long enough for a busy shop network, short enough for a counter.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// Where the shop's server is and who this app signs in as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ServerSettings {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub user: String,
    pub password: String,
    /// Encrypt the connection (the server must offer TLS).
    pub tls: bool,
}

impl ServerSettings {
    fn options(&self) -> PgConnectOptions {
        let at = PgConnectOptions::new();
        // A host that is a folder is the server's Unix socket there: a till PC that is also
        // the server talks to it without TCP.
        let at = if self.host.starts_with('/') {
            at.socket(&self.host)
        } else {
            at.host(&self.host)
        };
        at.port(self.port)
            .database(&self.database)
            .username(&self.user)
            .password(&self.password)
            .ssl_mode(if self.tls {
                PgSslMode::Require
            } else {
                PgSslMode::Disable
            })
            .application_name("Partnerdesk")
    }
}

/// The newest server migration this build knows; the same versions as the file's.
pub fn server_schema() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// The versions of every server migration, in order (a test holds them to the file's).
pub fn server_migrations() -> Vec<(i64, String)> {
    MIGRATOR
        .iter()
        .map(|m| (m.version, m.description.to_string()))
        .collect()
}

/// Connects to the shop's server, refuses a database a newer Partnerdesk has migrated
/// (untouched), brings an older one up to date and re-keys names as the file does.
/// `data_dir` stays this computer's own folder (the till's identity, its settings).
///
/// Migrations hold PostgreSQL's advisory lock while they run, so two windows opening at
/// once never migrate twice.
pub async fn connect_server(
    data_dir: &Path,
    server: &ServerSettings,
    name_keys: (i64, fn(&str) -> String),
) -> crate::Result<Pools> {
    let pool = pool_on(server).await?;
    refuse_newer_schema(&pool).await?;
    MIGRATOR.run(&pool).await.map_err(StoreError::Migrate)?;
    sqlx::query(
        "INSERT INTO store_meta (key, value) VALUES ('written_by', $1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(APP_VERSION)
    .execute(&pool)
    .await?;
    let pool = Pool::Postgres(pool);
    super::name_keys::rekey(&pool, name_keys.0, name_keys.1).await?;
    Ok(Pools {
        writer: pool.clone(),
        reader: pool,
        path: data_dir.join(DB_FILE_NAME),
        in_use: None,
        checked_at: 0,
        server: Some(server.clone()),
    })
}

/// A pool on `server`. One connection is made first on its own, so a server that cannot be
/// used answers at once with why (a pool retries until its timeout and says only that).
async fn pool_on(server: &ServerSettings) -> Result<PgPool, ServerError> {
    use sqlx::Connection as _;
    let mut first = tokio::time::timeout(
        CONNECT_TIMEOUT,
        sqlx::PgConnection::connect_with(&server.options()),
    )
    .await
    .unwrap_or(Err(sqlx::Error::PoolTimedOut))
    .map_err(|err| ServerError::from_connect(err, server))?;
    // CHECKs count characters and lists sort as on the file only in UTF-8.
    let encoding: Result<String, _> = sqlx::query_scalar("SHOW server_encoding")
        .fetch_one(&mut first)
        .await;
    let _ = first.close().await;
    match encoding {
        Ok(encoding) if encoding == "UTF8" => {}
        Ok(_) => {
            return Err(ServerError::NotUtf8 {
                database: server.database.clone(),
            })
        }
        Err(err) => return Err(ServerError::from_connect(err, server)),
    }
    PgPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(CONNECT_TIMEOUT)
        .connect_with(server.options())
        .await
        .map_err(|err| ServerError::from_connect(err, server))
}

/// What "Test connection" found on the shop's server, in a sentence for the owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ServerCheck {
    /// The server's schema version; 0 for a database Partnerdesk has not set up yet.
    pub schema: i64,
    /// True when the database holds no Partnerdesk data yet: a file can be moved onto it.
    pub empty: bool,
    pub summary: String,
}

/// Connects to `server` as "Test connection" does, changing nothing: answers what is there,
/// or why it cannot be used (unreachable, refused, wrong password, no such database, a
/// database a newer Partnerdesk has migrated).
pub async fn check_server(server: &ServerSettings) -> crate::Result<ServerCheck> {
    let pool = pool_on(server).await?;
    let checked = check_on(&pool, server).await;
    pool.close().await;
    checked
}

async fn check_on(pool: &PgPool, server: &ServerSettings) -> crate::Result<ServerCheck> {
    let schema = refuse_newer_schema(pool).await?;
    let partners: i64 = if schema > 0 {
        sqlx::query_scalar("SELECT count(*) FROM partners")
            .fetch_one(pool)
            .await?
    } else {
        0
    };
    let place = format!("{} on {}", server.database, server.host);
    let summary = if schema == 0 {
        format!("Connected to {place}: an empty database, ready for Partnerdesk.")
    } else if schema < server_schema() {
        format!(
            "Connected to {place}: Partnerdesk data from an older version ({partners} \
             partners), brought up to date when this computer switches to it."
        )
    } else {
        format!("Connected to {place}: Partnerdesk data, {partners} partners, up to date.")
    };
    Ok(ServerCheck {
        schema,
        empty: schema == 0 || partners == 0,
        summary,
    })
}

/// Refuses a database migrated by a newer Partnerdesk, before anything changes it; answers
/// the database's schema version (0 when Partnerdesk has not set it up).
async fn refuse_newer_schema(pool: &PgPool) -> Result<i64, StoreError> {
    let migrated: Option<String> =
        sqlx::query_scalar("SELECT to_regclass('_sqlx_migrations')::text")
            .fetch_one(pool)
            .await?;
    if migrated.is_none() {
        return Ok(0);
    }
    let db_schema: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(pool)
        .await?;
    let db_schema = db_schema.unwrap_or(0);
    let app_schema = server_schema();
    if db_schema <= app_schema {
        return Ok(db_schema);
    }
    let written_by: Option<String> =
        sqlx::query_scalar("SELECT value FROM store_meta WHERE key = 'written_by'")
            .fetch_optional(pool)
            .await
            .ok()
            .flatten();
    Err(StoreError::TooNew {
        db_schema,
        app_schema,
        written_by: written_by.unwrap_or_else(|| "a newer version".into()),
        app_version: APP_VERSION.into(),
    })
}

#[cfg(test)]
mod tests {
    /// A shop moves between the file and a server, and one build opens both: every schema
    /// version must exist on both sides, under the same name, or a database migrated on one
    /// would read as older or newer on the other.
    #[test]
    fn the_server_has_every_migration_the_file_has_and_no_other() {
        assert_eq!(super::server_migrations(), super::super::file_migrations());
        assert_eq!(super::server_schema(), super::super::app_schema());
    }
}
