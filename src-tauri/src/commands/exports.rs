//! CSV exports (owner only): redemptions, partners or payouts, saved where the owner says.

use chrono::NaiveDate;
use serde::Deserialize;
use tauri::{AppHandle, Runtime};
use ts_rs::TS;

use crate::error::ApiResult;
use crate::files;
use crate::state::OwnerDesk;

/// Which CSV file to export.
#[derive(Debug, Clone, Copy, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CsvKind {
    Redemptions,
    Partners,
    Payouts,
}

/// Exports the redemptions or payouts of days `from..=to` (the period on screen), or every
/// partner, as CSV through the save dialog.
#[tauri::command]
#[tracing::instrument(skip(desk, handle), err(Debug))]
pub async fn export_csv<R: Runtime>(
    desk: OwnerDesk<'_>,
    handle: AppHandle<R>,
    kind: CsvKind,
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<Option<String>> {
    let file = match kind {
        CsvKind::Redemptions => desk.redemptions_csv((from, to)).await?,
        CsvKind::Partners => desk.partners_csv().await?,
        CsvKind::Payouts => desk.payouts_csv((from, to)).await?,
    };
    files::save_csv(&handle, &file)
}
