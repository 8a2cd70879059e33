//! Writing a backup so that a file with a backup's name is always complete and checked.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::TimeDelta;
use sqlx::SqlitePool;

use super::{name, rotate, Backup, BackupReason};
use crate::clock::Clock;
use crate::error::{BackupError, StoreError};
use crate::store::backup as stored;
use crate::store::{create_private_dir, make_private};
use crate::Result;

/// The suffix a backup carries until it has been checked.
const PARTIAL: &str = ".partial";
/// A `.partial` file older than this was left by a process that died mid-backup.
const STALE_PARTIAL: Duration = Duration::from_secs(3600);

/// Writes a backup of the store behind `pool` into `dir` for `reason`, named by `clock`'s
/// now: `VACUUM INTO` a `.partial` name, `integrity_check` it, make it private, flush it to
/// disk, rename it. Then thins the folder. The copy is one consistent snapshot even while
/// the writer keeps logging sales.
pub async fn write_verified(
    pool: &SqlitePool,
    dir: &Path,
    reason: BackupReason,
    clock: &Clock,
) -> Result<Backup> {
    create_private_dir(dir).map_err(|e| BackupError::io(dir, e))?;
    remove_stale_partials(dir);
    let mut at = clock.now();
    while dir.join(name::file_name(at, reason)).exists() {
        at += TimeDelta::milliseconds(1);
    }
    let path = dir.join(name::file_name(at, reason));
    let partial = partial_of(&path);

    if let Err(err) = stored::vacuum_into(pool, &partial).await {
        let _ = std::fs::remove_file(&partial);
        return Err(vacuum_error(dir, err).into());
    }
    make_private(&partial);
    match stored::integrity_check(&partial).await {
        Ok(Ok(())) => {}
        Ok(Err(detail)) => {
            let _ = std::fs::remove_file(&partial);
            return Err(BackupError::CheckFailed { path, detail }.into());
        }
        Err(err) => {
            let _ = std::fs::remove_file(&partial);
            return Err(BackupError::CheckFailed {
                path,
                detail: err.to_string(),
            }
            .into());
        }
    }
    sync_file(&partial).map_err(|e| BackupError::io(&partial, e))?;
    std::fs::rename(&partial, &path).map_err(|e| BackupError::io(&path, e))?;
    sync_dir(dir);
    tracing::info!(path = %path.display(), ?reason, "backup written");

    rotate(dir, clock, &path);
    let backup = Backup::read(&path).await.ok_or_else(|| {
        BackupError::io(
            &path,
            std::io::Error::other("the new backup cannot be read"),
        )
    })?;
    Ok(backup)
}

/// Copies the verified `backup` into `folder` under its own name, through a `.partial`
/// name, so the copy on a stick is complete or absent. Answers the copy.
pub(super) async fn copy_into(backup: &Backup, folder: &Path) -> Result<Backup, BackupError> {
    let target = folder.join(&backup.file_name);
    let partial = partial_of(&target);
    let copied = std::fs::copy(&backup.path, &partial)
        .and_then(|_| {
            make_private(&partial);
            sync_file(&partial)
        })
        .and_then(|()| std::fs::rename(&partial, &target));
    if let Err(err) = copied {
        let _ = std::fs::remove_file(&partial);
        return Err(BackupError::io(folder, err));
    }
    sync_dir(folder);
    Ok(Backup {
        path: target,
        ..backup.clone()
    })
}

fn partial_of(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(PARTIAL);
    PathBuf::from(name)
}

/// What a failed `VACUUM INTO` means for the owner.
fn vacuum_error(dir: &Path, err: StoreError) -> BackupError {
    let code = match &err {
        StoreError::Sql(e) => StoreError::sqlite_code(e).map(|c| c & 0xff),
        _ => None,
    };
    match code {
        // SQLITE_FULL
        Some(13) => BackupError::DiskFull {
            path: dir.to_path_buf(),
        },
        // SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM
        Some(8 | 14 | 3) => BackupError::Io {
            path: dir.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "the folder cannot be written",
            ),
        },
        _ => BackupError::Io {
            path: dir.to_path_buf(),
            source: std::io::Error::other(err.to_string()),
        },
    }
}

/// Deletes `.partial` files a process that died mid-backup left behind (not one another
/// process may be writing right now).
fn remove_stale_partials(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(std::result::Result::ok) {
        let path = entry.path();
        let is_partial = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(PARTIAL));
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .is_some_and(|age| age > STALE_PARTIAL);
        if is_partial && stale {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Flushes a file's bytes to the disk before it is renamed into place.
pub(super) fn sync_file(path: &Path) -> std::io::Result<()> {
    std::fs::File::open(path)?.sync_all()
}

/// Flushes a folder's entries, so a rename survives a power cut (a no-op where folders
/// cannot be opened, as on Windows).
pub(super) fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
