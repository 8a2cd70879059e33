//! The only Rust that holds SQL: opening the SQLite file, the two databases' connections
//! ([`pool`]), and one file per table group.

pub mod agreements;
pub mod audit;
pub mod backup;
pub mod business;
pub mod campaigns;
pub mod codes;
pub mod goals;
pub mod name_keys;
mod open;
pub mod partners;
pub mod payouts;
pub mod people;
mod pool;
pub mod program;
pub mod receivables;
pub mod redemptions;
pub mod revenue;
pub mod reversals;
mod server;
pub mod settings;
pub mod settlements;
pub mod statements;
pub mod totals;

pub use open::{
    app_schema, checkpoint, connect, connection_settings, file_migrations, ConnectionSettings,
    Opening, Pools, DB_FILE_NAME,
};
pub(crate) use open::{claim_folder, create_private_dir, make_private, mark_closed_clean, sibling};
pub use pool::{Conn, Db, Dialect, Pool};
pub use server::{
    check_server, connect_server, server_migrations, server_schema, ServerCheck, ServerSettings,
};

use chrono::{DateTime, TimeZone, Utc};

/// Milliseconds since the Unix epoch, as stored.
pub(crate) fn to_millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

/// A stored time back as a `DateTime`; out-of-range values (never written by us) read as the epoch.
pub(crate) fn from_millis(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}
