//! Backups (owner): the list, "Back up now", looking inside one, and restoring one; and,
//! before anyone can sign in, restoring the offered backup over a damaged store.
//!
//! Choosing a file and restoring it take the setup guard, not the owner's: on a new
//! computer the first-run screen restores a backup file before any owner exists (the
//! people then come from the backup). Once an owner exists, setup means that owner.

use std::path::PathBuf;

use partnerdesk_core::backups::{self, Backup, BackupPeek, RestorePreview};
use partnerdesk_core::{Clock, Desk};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::files;
use crate::state::{App, Arrival, OwnerDesk, SetupDesk};

/// The backups beside the database, and where they are.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupsView {
    /// The backups folder, shown so the owner can find it in a file manager.
    pub folder: String,
    /// Newest first.
    pub backups: Vec<Backup>,
}

/// A backup the owner picked: one from the list (by its file name), or a file elsewhere
/// (a USB stick), by its path.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BackupSource {
    Listed(String),
    File(String),
}

/// "Back up now" done: the backup, and the folder its copy went to.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackedUp {
    pub backup: Backup,
    pub saved_to: String,
}

impl BackupSource {
    fn path(&self, desk: &Desk) -> ApiResult<PathBuf> {
        match self {
            BackupSource::Listed(name) => {
                Ok(backups::find(&desk.backup_dir(), name)
                    .map_err(partnerdesk_core::Error::from)?)
            }
            BackupSource::File(path) => Ok(PathBuf::from(path)),
        }
    }
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_backups(desk: OwnerDesk<'_>) -> ApiResult<BackupsView> {
    Ok(BackupsView {
        folder: desk.backup_dir().display().to_string(),
        backups: desk.backups().await,
    })
}

/// Asks for a folder (a USB stick, a synced folder) and writes a verified backup there,
/// keeping one in the backups folder too. `None` when the owner cancelled.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn back_up_now<R: Runtime>(
    app: AppHandle<R>,
    desk: OwnerDesk<'_>,
) -> ApiResult<Option<BackedUp>> {
    let Some(folder) = files::ask_folder(&app, "Back up Partnerdesk to…") else {
        return Ok(None);
    };
    let backup = desk.back_up_to(&folder).await?;
    Ok(Some(BackedUp {
        backup,
        saved_to: folder.display().to_string(),
    }))
}

/// Asks for a backup file elsewhere (a USB stick); `None` when the owner cancelled.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn choose_backup_file<R: Runtime>(
    app: AppHandle<R>,
    _desk: SetupDesk<'_>,
) -> ApiResult<Option<String>> {
    Ok(files::ask_open_file(
        &app,
        "Restore a Partnerdesk backup",
        ("Partnerdesk backup", &["sqlite3"]),
    )
    .map(|p| p.display().to_string()))
}

/// Partners and the newest redemptions in a backup, read from a copy.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn look_inside_backup(
    desk: OwnerDesk<'_>,
    source: BackupSource,
) -> ApiResult<BackupPeek> {
    let path = source.path(&desk)?;
    Ok(desk.look_inside(&path).await?)
}

/// What restoring `source` would replace: for the confirmation.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn restore_preview(
    desk: SetupDesk<'_>,
    source: BackupSource,
) -> ApiResult<RestorePreview> {
    let path = source.path(&desk)?;
    Ok(desk.restore_preview(&path).await?)
}

/// Replaces the database with `source` (the current file is backed up first) and reopens
/// the app on it. Everyone is signed out: the people who can sign in are the backup's.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn restore_backup(desk: SetupDesk<'_>, source: BackupSource) -> ApiResult<()> {
    let app = desk.app();
    let _one_at_a_time = app.restoring().await;
    let path = source.path(&desk)?;
    match desk.restore(&path).await {
        Ok(restored) => {
            app.replace_desk(Ok(restored)).await;
            Ok(())
        }
        Err(err) => {
            if desk.is_closed() {
                reopen(app).await;
            }
            Err(err.into())
        }
    }
}

/// Restores the backup the start-up offered over a store that failed its check. Open to
/// anyone at the window, only while the store is closed as damaged: nobody can sign in to
/// a damaged file, and the damaged file is kept beside the restored one.
#[tauri::command]
#[tracing::instrument(skip(arrival), err(Debug))]
pub async fn restore_after_damage(arrival: Arrival<'_>, file_name: String) -> ApiResult<()> {
    let app = arrival.app();
    let _one_at_a_time = app.restoring().await;
    match arrival.desk() {
        Err(problem) if problem.code == ErrorCode::StoreDamaged => {}
        _ => {
            return Err(ApiError {
                code: ErrorCode::BackupRefused,
                message: "The database is not damaged; restore backups from Settings.".into(),
                field: None,
            })
        }
    }
    let restored =
        backups::restore_over_damaged(app.data_dir(), &file_name, Clock::system()).await?;
    app.replace_desk(Ok(restored)).await;
    Ok(())
}

/// Opens the data folder's file again after a restore failed past closing the store.
async fn reopen(app: &App) {
    let reopened = Desk::open(app.data_dir()).await.map_err(ApiError::from);
    app.replace_desk(reopened).await;
}
