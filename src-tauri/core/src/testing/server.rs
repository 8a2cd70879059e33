//! The suite's desks on a PostgreSQL server: which server, a fresh database for each desk,
//! and a superuser connection for what no Partnerdesk would do.

use crate::store::ServerSettings;

/// Set to `postgres` (`make test` does, inside a throwaway cluster) to run the suite's
/// desks on PostgreSQL: each desk gets a new database on the server the `PG*` variables
/// name (`pg_virtualenv` sets them).
pub const BACKEND_VARIABLE: &str = "PARTNERDESK_TEST_BACKEND";

/// True when this run's desks are on PostgreSQL.
pub fn on_server() -> bool {
    std::env::var(BACKEND_VARIABLE).is_ok_and(|v| v == "postgres")
}

/// The server the `PG*` variables name, on `database`.
pub fn server_from_env(database: &str) -> ServerSettings {
    let var = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.into());
    ServerSettings {
        host: var("PGHOST", "localhost"),
        port: var("PGPORT", "5432").parse().expect("PGPORT is a port"),
        database: database.into(),
        user: var("PGUSER", "postgres"),
        password: var("PGPASSWORD", ""),
        tls: false,
    }
}

/// A connection of its own, as the test server's superuser, to `database` on it: to do
/// what no Partnerdesk would (create a desk's database, plant a newer schema).
pub async fn server_admin_connection(database: &str) -> sqlx::PgConnection {
    use sqlx::Connection;
    let admin = server_from_env(database);
    sqlx::PgConnection::connect_with(
        &sqlx::postgres::PgConnectOptions::new()
            .host(&admin.host)
            .port(admin.port)
            .username(&admin.user)
            .password(&admin.password)
            .database(&admin.database),
    )
    .await
    .expect("the test server answers (PARTNERDESK_TEST_BACKEND=postgres needs one)")
}

/// A new, empty database on the test server, for one desk.
pub async fn new_server_database() -> ServerSettings {
    use sqlx::Connection;
    let mut conn =
        server_admin_connection(&std::env::var("PGDATABASE").unwrap_or_else(|_| "postgres".into()))
            .await;
    let name = format!("desk_{}", rand::random::<u64>());
    // UTF-8 whatever the cluster's own default (a bare system's is SQL_ASCII, where length()
    // counts bytes), in byte order as the file sorts.
    sqlx::query(&format!(
        "CREATE DATABASE {name} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
    ))
    .execute(&mut conn)
    .await
    .expect("create the desk's database");
    conn.close().await.expect("close");
    server_from_env(&name)
}
