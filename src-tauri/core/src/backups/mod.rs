//! Backups: verified copies of the database in `backups/` beside it, written on the first
//! start of each day, before every migration, restore and update, and by hand; thinned like
//! a careful desktop app; listed with what each holds; restorable by the owner.
//!
//! A backup is an ordinary Partnerdesk database, written with `VACUUM INTO` under a
//! `.partial` name, checked with `PRAGMA integrity_check`, then renamed, so a half-written
//! copy never looks complete (Anki: rslib/src/collection/backup.rs).

mod name;
mod peek;
mod restore;
pub mod rotation;
mod write;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::Clock;
use crate::error::BackupError;
use crate::store::backup::{self as stored, FileContents};
use crate::{Desk, Result};

pub use peek::BackupPeek;
pub use restore::{restore_over_damaged, RestorePreview};
pub use write::write_verified;

/// The folder inside the data folder that holds the automatic backups.
pub const BACKUP_DIR: &str = "backups";

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// The first start of a day.
    Daily,
    /// Just before this version updated the database's schema.
    BeforeMigration,
    /// Just before another backup replaced the database.
    BeforeRestore,
    /// Just before a new version of the app was installed.
    BeforeUpdate,
    /// The owner's "Back up now".
    Manual,
}

impl BackupReason {
    /// Every reason, for tests and lists.
    pub const ALL: [BackupReason; 5] = [
        BackupReason::Daily,
        BackupReason::BeforeMigration,
        BackupReason::BeforeRestore,
        BackupReason::BeforeUpdate,
        BackupReason::Manual,
    ];

    /// How the reason is written in a file name.
    pub fn slug(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::BeforeMigration => "before-migration",
            BackupReason::BeforeRestore => "before-restore",
            BackupReason::BeforeUpdate => "before-update",
            BackupReason::Manual => "manual",
        }
    }

    fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.slug() == slug)
    }
}

/// What a backup holds, read from the file itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupContents {
    pub partners: i64,
    pub redemptions: i64,
    /// When the newest redemption in it was logged.
    pub last_redemption_at: Option<DateTime<Utc>>,
    /// The Partnerdesk version that last wrote it.
    pub written_by: Option<String>,
    /// Its schema (the newest migration applied).
    pub schema: i64,
}

impl From<FileContents> for BackupContents {
    fn from(c: FileContents) -> Self {
        BackupContents {
            partners: c.partners,
            redemptions: c.redemptions,
            last_redemption_at: c.last_redemption_at,
            written_by: c.written_by,
            schema: c.schema,
        }
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Backup {
    /// Its name in its folder; what the owner picks it by.
    pub file_name: String,
    pub taken_at: DateTime<Utc>,
    pub reason: BackupReason,
    pub size_bytes: u64,
    /// `None` when the file cannot be read as a Partnerdesk database.
    pub contents: Option<BackupContents>,
    /// Where it is.
    #[serde(skip)]
    #[ts(skip)]
    pub path: PathBuf,
}

impl Backup {
    /// Reads the backup at `path` (its name says when and why; the file, what is inside).
    /// `None` when the name is not a backup's.
    pub async fn read(path: &Path) -> Option<Backup> {
        let file_name = path.file_name()?.to_str()?.to_string();
        let (taken_at, reason) = name::parse(&file_name)?;
        let size_bytes = std::fs::metadata(path).ok()?.len();
        let contents = stored::contents(path).await.ok().flatten().map(Into::into);
        Some(Backup {
            file_name,
            taken_at,
            reason,
            size_bytes,
            contents,
            path: path.to_path_buf(),
        })
    }
}

impl Backup {
    /// Reads any file the owner points at as a backup: a backup's name says when and why it
    /// was taken; any other name counts as taken by hand when the file was last changed.
    pub async fn inspect(path: &Path) -> Result<Backup, BackupError> {
        if let Some(backup) = Backup::read(path).await {
            return Ok(backup);
        }
        let meta = std::fs::metadata(path).map_err(|e| BackupError::io(path, e))?;
        if !meta.is_file() {
            return Err(BackupError::NotPartnerdesk {
                path: path.to_path_buf(),
            });
        }
        let taken_at = meta
            .modified()
            .map(DateTime::<Utc>::from)
            .unwrap_or_default();
        Ok(Backup {
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            taken_at,
            reason: BackupReason::Manual,
            size_bytes: meta.len(),
            contents: stored::contents(path).await.ok().flatten().map(Into::into),
            path: path.to_path_buf(),
        })
    }
}

/// The backups in `dir`, newest first. A missing folder has none.
pub async fn list(dir: &Path) -> Vec<Backup> {
    let mut backups = Vec::new();
    for path in backup_files(dir) {
        if let Some(backup) = Backup::read(&path).await {
            backups.push(backup);
        }
    }
    backups.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
    backups
}

/// The paths in `dir` named like backups (not opened).
fn backup_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(std::result::Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| name::parse(n).is_some())
        })
        .collect()
}

/// The backups folder of the data folder `data_dir`.
pub fn dir_of(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUP_DIR)
}

/// The newest backup in `data_dir` that passes its integrity check: what a damaged store
/// offers to restore.
pub async fn newest_good(data_dir: &Path) -> Option<Backup> {
    for backup in list(&dir_of(data_dir)).await {
        if backup.contents.is_some()
            && matches!(stored::integrity_check(&backup.path).await, Ok(Ok(())))
        {
            return Some(backup);
        }
    }
    None
}

/// The backup called `file_name` in `dir`; only names a backup has are accepted, so a
/// caller cannot reach outside the folder.
pub fn find(dir: &Path, file_name: &str) -> Result<PathBuf, BackupError> {
    let path = dir.join(file_name);
    if name::parse(file_name).is_none() || !path.is_file() {
        return Err(BackupError::NotFound {
            name: file_name.to_string(),
            dir: dir.to_path_buf(),
        });
    }
    Ok(path)
}

impl Desk {
    /// The folder holding the database.
    pub fn data_dir(&self) -> &Path {
        self.db_path().parent().unwrap_or(Path::new("."))
    }

    /// Where the automatic backups go.
    pub fn backup_dir(&self) -> PathBuf {
        dir_of(self.data_dir())
    }

    /// The backups beside the database, newest first.
    pub async fn backups(&self) -> Vec<Backup> {
        list(&self.backup_dir()).await
    }

    /// The readers on the database file; refused for a server's database.
    fn sqlite_pool(&self) -> Result<&sqlx::SqlitePool> {
        Ok(self.pools.reader.as_sqlite().ok_or(BackupError::OnServer)?)
    }

    /// What the open database holds now, counted as a backup's contents are.
    pub async fn contents(&self) -> Result<BackupContents> {
        let contents = stored::live_contents(self.sqlite_pool()?).await?;
        Ok(contents.map(Into::into).unwrap_or(BackupContents {
            partners: 0,
            redemptions: 0,
            last_redemption_at: None,
            written_by: None,
            schema: 0,
        }))
    }

    /// Writes a verified backup into the backups folder, then thins the folder.
    pub async fn back_up(&self, reason: BackupReason) -> Result<Backup> {
        let backup = write_verified(
            self.sqlite_pool()?,
            &self.backup_dir(),
            reason,
            self.clock(),
        )
        .await?;
        Ok(backup)
    }

    /// "Back up now": a verified backup in the backups folder, copied into `folder` (a USB
    /// stick, a synced folder). Answers the copy.
    pub async fn back_up_to(&self, folder: &Path) -> Result<Backup> {
        let backup = self.back_up(BackupReason::Manual).await?;
        Ok(write::copy_into(&backup, folder).await?)
    }

    /// The daily backup, if none was taken yet on the shop's day today. Answers it.
    pub async fn back_up_if_due(&self) -> Result<Option<Backup>> {
        let today = self.today();
        let taken_today = backup_files(&self.backup_dir()).iter().any(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .and_then(name::parse)
                .is_some_and(|(at, reason)| {
                    reason == BackupReason::Daily && self.clock().day_of(at) == today
                })
        });
        if taken_today {
            return Ok(None);
        }
        Ok(Some(self.back_up(BackupReason::Daily).await?))
    }
}

/// Deletes what rotation no longer keeps in `dir`, never `written` (the backup just made).
fn rotate(dir: &Path, clock: &Clock, written: &Path) {
    let files: Vec<(PathBuf, rotation::Stamp)> = backup_files(dir)
        .into_iter()
        .filter_map(|p| {
            let (at, reason) = name::parse(p.file_name()?.to_str()?)?;
            let stamp = rotation::Stamp {
                at,
                day: clock.day_of(at),
                reason,
            };
            Some((p, stamp))
        })
        .collect();
    let stamps: Vec<rotation::Stamp> = files.iter().map(|(_, s)| *s).collect();
    for i in rotation::to_delete(&stamps, clock.now()) {
        let path = &files[i].0;
        if path == written {
            continue;
        }
        if let Err(err) = std::fs::remove_file(path) {
            tracing::warn!(%err, path = %path.display(), "could not delete an old backup");
        }
    }
}
