//! About Partnerdesk (owner): the version, where the data is (and opening that folder), the
//! database's schema, the licence and the third-party licences.

use serde::Serialize;
use tauri::{AppHandle, Runtime};
use ts_rs::TS;

use crate::error::ApiResult;
use crate::files;
use crate::licences::{self, Licence};
use crate::state::OwnerDesk;

/// Help → About.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AboutView {
    pub version: String,
    pub data_dir: String,
    /// The newest migration the open database has.
    pub schema: i64,
    /// The app's own licence, as an SPDX name.
    pub license: String,
    pub third_party: Vec<Licence>,
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn about(desk: OwnerDesk<'_>) -> ApiResult<AboutView> {
    Ok(AboutView {
        version: partnerdesk_core::APP_VERSION.into(),
        data_dir: desk.app().data_dir().display().to_string(),
        schema: desk.contents().await?.schema,
        license: env!("CARGO_PKG_LICENSE").into(),
        third_party: licences::third_party(),
    })
}

/// Opens the data folder in the file manager.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn open_data_folder<R: Runtime>(
    desk: OwnerDesk<'_>,
    handle: AppHandle<R>,
) -> ApiResult<()> {
    files::open_in_viewer(&handle, desk.app().data_dir());
    Ok(())
}
