//! The database file and what can go wrong with it.

use std::path::PathBuf;

/// The store could not be opened or used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file was written by a newer Partnerdesk, with migrations this build does not know.
    #[error(
        "This database was last written by Partnerdesk {written_by} (schema {db_schema}); \
         this is Partnerdesk {app_version} (schema {app_schema}). Install the newer version \
         to open it. The file has not been changed."
    )]
    TooNew {
        db_schema: i64,
        app_schema: i64,
        written_by: String,
        app_version: String,
    },
    /// The file failed SQLite's integrity check; nothing will be written to it.
    #[error(
        "The database at {} is damaged ({detail}). Partnerdesk will not write to it. \
         Restore your newest backup, or keep a copy of this file and contact support.",
        .path.display()
    )]
    Damaged { path: PathBuf, detail: String },
    /// The data folder could not be created or read.
    #[error("Could not use the data folder {}: {source}", .path.display())]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Applying the schema failed.
    #[error("Could not update the database schema: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Another till held the database's write lock longer than we wait; a retry is safe.
    #[error("Another till is saving right now. Try again in a moment; nothing is counted twice.")]
    Busy,
    /// Any other database failure.
    #[error("Database error: {0}")]
    Sql(#[from] sqlx::Error),
}

impl StoreError {
    /// True when SQLite gave up waiting for another connection's lock (SQLITE_BUSY = 5).
    pub(crate) fn is_busy(err: &sqlx::Error) -> bool {
        err.as_database_error()
            .and_then(|db| db.code())
            .and_then(|code| code.parse::<i32>().ok())
            .is_some_and(|code| code & 0xff == 5)
    }

    /// True when SQLite reports the file itself as corrupt or not a database.
    pub(crate) fn is_corruption(err: &sqlx::Error) -> bool {
        // SQLITE_CORRUPT = 11, SQLITE_NOTADB = 26; extended codes keep them in the low byte.
        err.as_database_error()
            .and_then(|db| db.code())
            .and_then(|code| code.parse::<i32>().ok())
            .is_some_and(|code| matches!(code & 0xff, 11 | 26))
    }
}
