//! Updates (owner): what the last check found, checking now, installing what it found, the
//! restart after, and whether to check quietly at start.

use serde::Serialize;
use tauri::{AppHandle, Runtime};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::state::OwnerDesk;
use crate::updates::{self, UpdateState};

/// Settings → Updates.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdatesView {
    /// This build's version.
    pub current_version: String,
    pub state: UpdateState,
    /// One line for the state: "Partnerdesk is up to date.", "Could not check for updates
    /// (offline?)", …
    pub sentence: String,
    /// The owner allows a quiet check at each start.
    pub check_at_start: bool,
}

async fn view(desk: &OwnerDesk<'_>) -> ApiResult<UpdatesView> {
    let state = desk.app().updates().state();
    Ok(UpdatesView {
        current_version: partnerdesk_core::APP_VERSION.into(),
        sentence: state.sentence(),
        state,
        check_at_start: desk.update_check_at_start().await?,
    })
}

/// What the last check (this one's or the quiet one at start) found.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn update_status(desk: OwnerDesk<'_>) -> ApiResult<UpdatesView> {
    view(&desk).await
}

/// Looks for a newer version now.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn check_for_updates<R: Runtime>(
    desk: OwnerDesk<'_>,
    handle: AppHandle<R>,
) -> ApiResult<UpdatesView> {
    let updater = updates::updater(&handle, &updates::Overrides::from_env());
    let (state, found) = updates::check(updater.as_ref()).await;
    desk.app().updates().set(state, found);
    view(&desk).await
}

/// Installs the update the last check found: the data backed up first, the download's
/// signature checked, then the package; a restart runs it.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn install_update(desk: OwnerDesk<'_>) -> ApiResult<UpdatesView> {
    let found = desk.app().updates().found();
    if let Some(update) = found {
        let installed = updates::install(&desk, &update, updates::Install::from_env()).await?;
        desk.app().updates().set(installed, None);
    }
    view(&desk).await
}

/// Restarts the app to run an installed update, closing the store in order first (the WAL
/// folded in). Refused while no update is installed: nothing would change.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn restart_app<R: Runtime>(desk: OwnerDesk<'_>, handle: AppHandle<R>) -> ApiResult<()> {
    if !matches!(desk.app().updates().state(), UpdateState::Installed { .. }) {
        return Err(ApiError {
            code: ErrorCode::UpdateFailed,
            message: "No update is installed yet; there is nothing to restart for.".into(),
            field: None,
        });
    }
    handle.request_restart();
    Ok(())
}

/// Allows or stops the quiet check for updates at start.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn set_update_check_at_start(
    desk: OwnerDesk<'_>,
    allowed: bool,
) -> ApiResult<UpdatesView> {
    desk.set_update_check_at_start(allowed, &desk.actor())
        .await?;
    view(&desk).await
}
