//! Backups and restores, and why one was refused.

use std::path::PathBuf;

/// A backup could not be written, read or restored. Nothing in the open store changed.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The list offered a backup that is no longer in the folder.
    #[error("There is no backup called {name} in {}. The list has been read again.", .dir.display())]
    NotFound { name: String, dir: PathBuf },
    /// The file is a database, or something else, but not a Partnerdesk one.
    #[error(
        "{} is not a Partnerdesk backup (it has no partners or redemptions). Nothing was \
         restored.",
        .path.display()
    )]
    NotPartnerdesk { path: PathBuf },
    /// The file failed SQLite's integrity check.
    #[error(
        "The backup {} is damaged ({detail}). Nothing was restored; choose another backup.",
        .path.display()
    )]
    Damaged { path: PathBuf, detail: String },
    /// The backup comes from a newer Partnerdesk than this one.
    #[error(
        "The backup {} was written by Partnerdesk {written_by}, which is newer than this \
         version. Install the newer version to restore it. Nothing was restored.",
        .path.display()
    )]
    TooNew { path: PathBuf, written_by: String },
    /// Another window or till has the database open; replacing the file under it would
    /// lose its next sale.
    #[error(
        "Another Partnerdesk window or till on this computer has the database open. Close \
         it, then restore. Nothing was restored."
    )]
    InUse,
    /// The store is a shop server's database, which has no file to copy or replace here.
    #[error(
        "This shop's data is on its server, so there is no file on this computer to back up \
         or restore. Use Save a copy to keep the server's data in a file; whoever runs the \
         server keeps its own backups."
    )]
    OnServer,
    /// A freshly written backup did not pass its check and was removed.
    #[error(
        "The backup written to {} did not pass its check ({detail}) and was removed. Your \
         data is unchanged; try again, or back up to another disk.",
        .path.display()
    )]
    CheckFailed { path: PathBuf, detail: String },
    /// The disk the backup was going to has no room.
    #[error(
        "There is not enough space on the disk for {}. Free some space or choose another \
         folder; nothing was changed.",
        .path.display()
    )]
    DiskFull { path: PathBuf },
    /// The folder or file could not be written or read.
    #[error("Could not use {}: {source}. Nothing was changed.", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl BackupError {
    /// An I/O failure on `path`, named as the owner can act on it.
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        let path = path.into();
        match source.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                BackupError::DiskFull { path }
            }
            _ => BackupError::Io { path, source },
        }
    }
}
