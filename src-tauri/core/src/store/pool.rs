//! The store on either of its two databases: a SQLite file, or a shop's PostgreSQL server.
//!
//! Every store function takes a [`Conn`] and runs its queries through [`on!`], which
//! matches the connection to its concrete sqlx type, so each query is compiled once per
//! database against a real driver: no generic `Database` bounds, and no `Any` driver (which
//! cannot carry dates, decimals or timestamps). Where the SQL is portable a query is written
//! once; [`Conn::dialect`] picks a variant only where the two must differ.

use sqlx::pool::PoolConnection;
use sqlx::{PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool, Transaction};

/// Which database a connection speaks to, for the few queries written twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// A subquery of one column, `value`, holding the elements of the JSON array bound at
    /// `param` (a list bound as one text parameter on both databases): ids as integers
    /// when `ids`, else text.
    pub fn json_values(self, param: &str, ids: bool) -> String {
        match (self, ids) {
            (Dialect::Sqlite, _) => format!("SELECT value FROM json_each({param})"),
            (Dialect::Postgres, true) => format!(
                "SELECT CAST(j.value AS BIGINT) AS value \
                 FROM jsonb_array_elements_text(CAST({param} AS jsonb)) AS j(value)"
            ),
            (Dialect::Postgres, false) => format!(
                "SELECT j.value FROM jsonb_array_elements_text(CAST({param} AS jsonb)) AS j(value)"
            ),
        }
    }
}

/// A connection pool on one of the two databases.
#[derive(Debug, Clone)]
pub enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Pool {
    /// A connection from the pool, held until dropped.
    pub async fn acquire(&self) -> sqlx::Result<Conn> {
        Ok(Conn(match self {
            Pool::Sqlite(pool) => Held::SqlitePooled(pool.acquire().await?),
            Pool::Postgres(pool) => Held::PgPooled(pool.acquire().await?),
        }))
    }

    /// Opens a write transaction. On SQLite, IMMEDIATE takes the file's write lock up front,
    /// so what the transaction reads cannot change under it, even when another process
    /// writes to the same file. PostgreSQL's rows are locked where a rule needs it
    /// (`SELECT … FOR UPDATE`), so other tills' writes to other partners go on meanwhile.
    pub async fn begin(&self) -> sqlx::Result<Conn> {
        Ok(Conn(match self {
            Pool::Sqlite(pool) => Held::SqliteTx(pool.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(pool) => Held::PgTx(pool.begin().await?),
        }))
    }

    /// Closes every connection; waits for those in use to come back.
    pub async fn close(&self) {
        match self {
            Pool::Sqlite(pool) => pool.close().await,
            Pool::Postgres(pool) => pool.close().await,
        }
    }

    /// True once [`Pool::close`] has run.
    pub fn is_closed(&self) -> bool {
        match self {
            Pool::Sqlite(pool) => pool.is_closed(),
            Pool::Postgres(pool) => pool.is_closed(),
        }
    }

    /// How many connections the pool may hold at once.
    pub fn max_connections(&self) -> u32 {
        match self {
            Pool::Sqlite(pool) => pool.options().get_max_connections(),
            Pool::Postgres(pool) => pool.options().get_max_connections(),
        }
    }

    /// Which database the pool is on.
    pub fn dialect(&self) -> Dialect {
        match self {
            Pool::Sqlite(_) => Dialect::Sqlite,
            Pool::Postgres(_) => Dialect::Postgres,
        }
    }

    /// The SQLite pool, for what only a file has (checkpoints, backups by `VACUUM INTO`).
    pub fn as_sqlite(&self) -> Option<&SqlitePool> {
        match self {
            Pool::Sqlite(pool) => Some(pool),
            Pool::Postgres(_) => None,
        }
    }
}

/// One connection of the store: pooled, in a write transaction, or opened alone (a backup
/// file looked into). Store functions take `&mut Conn`.
#[derive(Debug)]
pub struct Conn(Held);

#[derive(Debug)]
enum Held {
    SqlitePooled(PoolConnection<Sqlite>),
    SqliteTx(Transaction<'static, Sqlite>),
    SqliteAlone(SqliteConnection),
    PgPooled(PoolConnection<Postgres>),
    PgTx(Transaction<'static, Postgres>),
    PgAlone(PgConnection),
}

/// A [`Conn`] as the concrete driver connection its queries run on; see [`on!`].
pub enum Db<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

impl Conn {
    /// The driver connection underneath, for [`on!`].
    pub fn db(&mut self) -> Db<'_> {
        match &mut self.0 {
            Held::SqlitePooled(c) => Db::Sqlite(c),
            Held::SqliteTx(c) => Db::Sqlite(c),
            Held::SqliteAlone(c) => Db::Sqlite(c),
            Held::PgPooled(c) => Db::Postgres(c),
            Held::PgTx(c) => Db::Postgres(c),
            Held::PgAlone(c) => Db::Postgres(c),
        }
    }

    /// Which database this connection is on.
    pub fn dialect(&self) -> Dialect {
        match &self.0 {
            Held::SqlitePooled(_) | Held::SqliteTx(_) | Held::SqliteAlone(_) => Dialect::Sqlite,
            Held::PgPooled(_) | Held::PgTx(_) | Held::PgAlone(_) => Dialect::Postgres,
        }
    }

    /// A SQLite connection opened on its own (not from the store's pools).
    pub fn sqlite_alone(conn: SqliteConnection) -> Self {
        Conn(Held::SqliteAlone(conn))
    }

    /// A connection of its own to the same database as `pool`, outside the pool (a test
    /// trying what the app never would, a till that must not share its pool's sessions).
    pub async fn alone_beside(pool: &Pool) -> sqlx::Result<Self> {
        use sqlx::Connection as _;
        Ok(Conn(match pool {
            Pool::Sqlite(p) => {
                Held::SqliteAlone(SqliteConnection::connect_with(&p.connect_options()).await?)
            }
            Pool::Postgres(p) => {
                Held::PgAlone(PgConnection::connect_with(&p.connect_options()).await?)
            }
        }))
    }

    /// Closes a connection of its own; a pooled one goes back to its pool.
    pub async fn close(self) -> sqlx::Result<()> {
        use sqlx::Connection as _;
        match self.0 {
            Held::SqliteAlone(c) => c.close().await,
            Held::PgAlone(c) => c.close().await,
            Held::SqlitePooled(_) | Held::SqliteTx(_) | Held::PgPooled(_) | Held::PgTx(_) => Ok(()),
        }
    }

    /// Commits the write transaction this connection holds (a pooled one has none).
    pub async fn commit(self) -> sqlx::Result<()> {
        match self.0 {
            Held::SqliteTx(tx) => tx.commit().await,
            Held::PgTx(tx) => tx.commit().await,
            Held::SqlitePooled(_) | Held::SqliteAlone(_) | Held::PgPooled(_) | Held::PgAlone(_) => {
                Ok(())
            }
        }
    }

    /// Rolls the write transaction back (a pooled connection has none to roll back).
    pub async fn rollback(self) -> sqlx::Result<()> {
        match self.0 {
            Held::SqliteTx(tx) => tx.rollback().await,
            Held::PgTx(tx) => tx.rollback().await,
            Held::SqlitePooled(_) | Held::SqliteAlone(_) | Held::PgPooled(_) | Held::PgAlone(_) => {
                Ok(())
            }
        }
    }

    /// The SQLite connection underneath, for what only a file has; `None` on a server.
    pub fn as_sqlite(&mut self) -> Option<&mut SqliteConnection> {
        match self.db() {
            Db::Sqlite(c) => Some(c),
            Db::Postgres(_) => None,
        }
    }
}

/// Runs `$body` with `$c` bound to the concrete driver connection under `$conn` (a
/// `&mut Conn`, or anything that dereferences to one): the body is compiled once for
/// SQLite and once for PostgreSQL.
///
/// ```ignore
/// let n: i64 = on!(conn, db => sqlx::query_scalar("SELECT count(*) FROM partners").fetch_one(db).await)?;
/// ```
#[macro_export]
macro_rules! on {
    ($conn:expr, $c:ident => $body:expr) => {
        match $crate::store::Conn::db($conn) {
            $crate::store::Db::Sqlite($c) => $body,
            $crate::store::Db::Postgres($c) => $body,
        }
    };
}
