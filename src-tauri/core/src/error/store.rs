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
        "The database at {} is damaged ({detail}). Partnerdesk will not write to it, so it \
         stays as it is for support to look at.",
        .path.display()
    )]
    Damaged { path: PathBuf, detail: String },
    /// The file or its folder cannot be written (permissions, a read-only disk or share).
    #[error(
        "Partnerdesk cannot write to {}: the file or its folder is read-only. Give your \
         user write access to it (or move the data folder to a disk that is not read-only), \
         then start Partnerdesk again.",
        .path.display()
    )]
    ReadOnly { path: PathBuf },
    /// The disk holding the file has no room left.
    #[error(
        "The disk holding {} is full. Free some space (or move the data folder), then try \
         again; what was being saved was not saved.",
        .path.display()
    )]
    DiskFull { path: PathBuf },
    /// Another Partnerdesk process kept the file busy (opening, migrating, restoring) for
    /// longer than we wait.
    #[error(
        "Another Partnerdesk window is still opening or restoring the database ({}). Wait \
         for it to finish, or close it, then try again.",
        .path.display()
    )]
    Locked { path: PathBuf },
    /// Updating the schema failed after some migrations may have been applied.
    #[error("{}", migration_failed_words(path, *from_schema, *reached_schema, *app_schema, backup.as_deref(), detail))]
    MigrationFailed {
        path: PathBuf,
        from_schema: i64,
        reached_schema: i64,
        app_schema: i64,
        /// The copy taken before migrating, if one was needed.
        backup: Option<PathBuf>,
        detail: String,
    },
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

/// Says honestly where a failed update left the file: untouched, or part-way, and where
/// the copy from before the update is.
fn migration_failed_words(
    path: &std::path::Path,
    from: i64,
    reached: i64,
    app: i64,
    backup: Option<&std::path::Path>,
    detail: &str,
) -> String {
    let state = if reached <= from {
        "The database was not changed.".to_string()
    } else {
        format!(
            "The update stopped part-way: the file now has schema {reached} of {app} (it had \
             {from}), and this version cannot use it until the update completes."
        )
    };
    let copy = match backup {
        Some(b) => format!(" A copy from before the update is at {}.", b.display()),
        None => String::new(),
    };
    format!(
        "Partnerdesk could not update the database at {} ({detail}). {state}{copy}",
        path.display()
    )
}

impl StoreError {
    /// SQLite's result code behind a database error, if it is one (a server's SQLSTATE
    /// codes are digits too, and must not be read as SQLite's).
    pub(crate) fn sqlite_code(err: &sqlx::Error) -> Option<i32> {
        err.as_database_error()
            .and_then(|db| db.try_downcast_ref::<sqlx::sqlite::SqliteError>())
            .and_then(sqlx::error::DatabaseError::code)
            .and_then(|code| code.parse::<i32>().ok())
    }

    /// True when SQLite gave up waiting for another connection's lock (SQLITE_BUSY = 5).
    pub(crate) fn is_busy(err: &sqlx::Error) -> bool {
        Self::sqlite_code(err).is_some_and(|code| code & 0xff == 5)
    }
}
