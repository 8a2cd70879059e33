//! Restoring a backup: checked first, the current file backed up, then swapped in with one
//! rename, so at every instant the data folder holds either the old file or the new one.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use super::write::{sync_dir, sync_file};
use super::{dir_of, find, Backup, BackupContents, BackupReason};
use crate::clock::Clock;
use crate::error::{BackupError, StoreError};
use crate::store::backup as stored;
use crate::store::{app_schema, claim_folder, make_private, sibling, DB_FILE_NAME};
use crate::{Desk, Result};

/// What a restore replaces with what, for the owner's confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestorePreview {
    /// The database as it is now.
    pub current: BackupContents,
    /// The backup that would replace it.
    pub backup: Backup,
}

impl Desk {
    /// What restoring the backup at `from` would replace, after checking the backup.
    pub async fn restore_preview(&self, from: &Path) -> Result<RestorePreview> {
        let backup = check(from).await?;
        Ok(RestorePreview {
            current: self.contents().await?,
            backup,
        })
    }

    /// Replaces the database with the backup at `from` and answers a desk open on it.
    ///
    /// The backup is checked and copied beside the database first; then, only if no other
    /// window or till has the file open, the current file is backed up ("before restore"),
    /// this desk is closed, and the copy is renamed over the file. An error before the
    /// close leaves this desk as it was; an error after it ([`Desk::is_closed`]) leaves the
    /// old file in place, to be opened again.
    pub async fn restore(&self, from: &Path) -> Result<Desk> {
        check(from).await?;
        let db = self.db_path().to_path_buf();
        let incoming = sibling(&db, ".restoring");
        copy_in(from, &incoming)?;
        if !self.pools.claim_sole_use() {
            let _ = std::fs::remove_file(&incoming);
            return Err(BackupError::InUse.into());
        }
        if let Err(err) = self.back_up(BackupReason::BeforeRestore).await {
            let _ = std::fs::remove_file(&incoming);
            self.pools.release_sole_use();
            return Err(err);
        }
        // The sole-use claim is held until the new file is in place: a window or till
        // waiting to open meanwhile opens the restored file, never the old one.
        self.close_pools().await;
        let swapped = swap_in(&incoming, &db);
        self.pools.release();
        if let Err(err) = swapped {
            let _ = std::fs::remove_file(&incoming);
            return Err(err.into());
        }
        tracing::info!(from = %from.display(), "backup restored");
        Desk::open_with_clock(self.data_dir(), self.clock().clone()).await
    }
}

/// Restores the backup called `file_name` over a database that failed its check at start
/// (no desk could open it). The damaged file is kept beside it, renamed
/// `partnerdesk.sqlite3.damaged-<time>`, for support. Answers the desk open on the backup.
pub async fn restore_over_damaged(data_dir: &Path, file_name: &str, clock: Clock) -> Result<Desk> {
    let from = find(&dir_of(data_dir), file_name)?;
    check(&from).await?;
    let Some(claim) = claim_folder(data_dir).await? else {
        return Err(BackupError::InUse.into());
    };
    let db = data_dir.join(DB_FILE_NAME);
    let incoming = sibling(&db, ".restoring");
    copy_in(&from, &incoming)?;
    let aside = sibling(
        &db,
        &format!(".damaged-{}", clock.now().format("%Y%m%d-%H%M%S")),
    );
    for suffix in ["-wal", "-shm", ""] {
        let file = sibling(&db, suffix);
        if file.exists() {
            std::fs::rename(&file, sibling(&aside, suffix))
                .map_err(|e| BackupError::io(&file, e))?;
        }
    }
    std::fs::rename(&incoming, &db).map_err(|e| BackupError::io(&db, e))?;
    sync_dir(data_dir);
    drop(claim);
    tracing::warn!(kept = %aside.display(), from = %from.display(), "damaged database replaced");
    Desk::open_with_clock(data_dir, clock).await
}

/// The backup at `from`, if it can be restored: a Partnerdesk database that passes its
/// integrity check and is not newer than this version.
async fn check(from: &Path) -> Result<Backup, BackupError> {
    let backup = Backup::inspect(from).await?;
    match stored::integrity_check(from).await {
        Ok(Ok(())) => {}
        Ok(Err(detail)) => {
            return Err(BackupError::Damaged {
                path: from.to_path_buf(),
                detail,
            })
        }
        Err(StoreError::Sql(e)) if StoreError::sqlite_code(&e).map(|c| c & 0xff) == Some(11) => {
            return Err(BackupError::Damaged {
                path: from.to_path_buf(),
                detail: e.to_string(),
            })
        }
        Err(_) => {
            return Err(BackupError::NotPartnerdesk {
                path: from.to_path_buf(),
            })
        }
    }
    let Some(contents) = &backup.contents else {
        return Err(BackupError::NotPartnerdesk {
            path: from.to_path_buf(),
        });
    };
    if contents.schema > app_schema() {
        return Err(BackupError::TooNew {
            path: from.to_path_buf(),
            written_by: contents
                .written_by
                .clone()
                .unwrap_or_else(|| "a newer version".into()),
        });
    }
    Ok(backup)
}

/// Copies `from` to `to` (beside the database, so the rename is on one disk), private and
/// flushed to the disk.
fn copy_in(from: &Path, to: &Path) -> Result<(), BackupError> {
    let copied = std::fs::copy(from, to).and_then(|_| {
        make_private(to);
        sync_file(to)
    });
    copied.map_err(|e| {
        let _ = std::fs::remove_file(to);
        BackupError::io(to.parent().unwrap_or(to), e)
    })
}

/// Renames `incoming` over `db` once the store is closed. A `-wal` or `-shm` left beside
/// `db` belongs to the old file and must never be read with the new one.
fn swap_in(incoming: &Path, db: &Path) -> Result<(), BackupError> {
    for suffix in ["-wal", "-shm"] {
        let file: PathBuf = sibling(db, suffix);
        if file.exists() {
            std::fs::remove_file(&file).map_err(|e| BackupError::io(&file, e))?;
        }
    }
    std::fs::rename(incoming, db).map_err(|e| BackupError::io(db, e))?;
    sync_dir(db.parent().unwrap_or(db));
    Ok(())
}
