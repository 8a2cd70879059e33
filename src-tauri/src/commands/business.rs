//! The business profile: set at first run (before any owner exists), then by the owner.

use partnerdesk_core::business::{BusinessProfile, BusinessProfileInput, LogoView};
use tauri::{AppHandle, Runtime};

use crate::error::ApiResult;
use crate::files;
use crate::state::{OwnerDesk, SetupDesk};

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn save_business_profile(
    desk: SetupDesk<'_>,
    input: BusinessProfileInput,
) -> ApiResult<BusinessProfile> {
    Ok(desk.save_profile(&input, &desk.actor()).await?)
}

/// The shop's logo, if one was chosen.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn business_logo(desk: OwnerDesk<'_>) -> ApiResult<Option<LogoView>> {
    Ok(desk.logo().await?)
}

/// Asks for a PNG, JPEG or SVG file and makes it the shop's logo; `None` when the owner
/// cancelled.
#[tauri::command]
#[tracing::instrument(skip(desk, handle), err(Debug))]
pub async fn choose_logo<R: Runtime>(
    desk: OwnerDesk<'_>,
    handle: AppHandle<R>,
) -> ApiResult<Option<LogoView>> {
    let kind = ("Logo picture", &["png", "jpg", "jpeg", "svg"][..]);
    let Some(path) = files::ask_open_file(&handle, "Choose the shop's logo", kind) else {
        return Ok(None);
    };
    Ok(Some(desk.set_logo_file(&path, &desk.actor()).await?))
}

/// Removes the shop's logo.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn remove_logo(desk: OwnerDesk<'_>) -> ApiResult<()> {
    Ok(desk.remove_logo(&desk.actor()).await?)
}
