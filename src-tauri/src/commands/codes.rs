//! Referral codes: issuing one or a batch, listing, switching on and off, and looking up.

use partnerdesk_core::business::PaperSize;
use partnerdesk_core::codes::{
    CodeId, CodeOptions, CodePage, CodeQuery, CodeSelection, LookupOutcome, ReferralCode,
};
use partnerdesk_core::partners::PartnerId;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime};
use ts_rs::TS;

use super::agreements::Paper;
use crate::error::ApiResult;
use crate::files;
use crate::state::{OwnerDesk, StaffDesk};

/// How far a batch has got: `done` of `total` codes issued (sent every hundred codes).
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BatchProgress {
    pub done: u32,
    pub total: u32,
}

/// One page of a partner's codes as the filters keep them, newest first.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn list_codes(
    desk: OwnerDesk<'_>,
    partner_id: PartnerId,
    query: CodeQuery,
    after: Option<CodeId>,
    limit: u32,
) -> ApiResult<CodePage> {
    Ok(desk.code_page(partner_id, &query, after, limit).await?)
}

/// The batch filter's choices for a partner, newest batch first.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn list_code_batches(
    desk: OwnerDesk<'_>,
    partner_id: PartnerId,
) -> ApiResult<Vec<String>> {
    Ok(desk.code_batches(partner_id).await?)
}

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn issue_code(
    desk: OwnerDesk<'_>,
    partner_id: PartnerId,
    custom: Option<String>,
    options: CodeOptions,
) -> ApiResult<ReferralCode> {
    Ok(desk
        .issue_code(partner_id, custom.as_deref(), &options, &desk.actor())
        .await?)
}

/// Issues `count` codes in one go, reporting progress on `on_progress`. Runs on the async
/// pool, so the window stays responsive however large the batch.
#[tauri::command]
#[tracing::instrument(skip(desk, on_progress), err(Debug))]
pub async fn issue_code_batch(
    desk: OwnerDesk<'_>,
    partner_id: PartnerId,
    count: i64,
    options: CodeOptions,
    on_progress: Channel<BatchProgress>,
) -> ApiResult<Vec<ReferralCode>> {
    let mut progress = |done: usize, total: usize| {
        let report = BatchProgress {
            done: u32::try_from(done).unwrap_or(u32::MAX),
            total: u32::try_from(total).unwrap_or(u32::MAX),
        };
        // A closed window only loses the progress, never the batch.
        if let Err(err) = on_progress.send(report) {
            tracing::debug!(%err, "batch progress not delivered");
        }
    };
    // Out of range (negative too) is the core's to refuse, beside the count field.
    let count = usize::try_from(count).unwrap_or(0);
    Ok(desk
        .issue_batch(partner_id, count, &options, &desk.actor(), &mut progress)
        .await?)
}

/// Switches the selected codes on or off; answers how many.
#[tauri::command]
#[tracing::instrument(skip(desk, selection), fields(ids = selection.ids.len()), err(Debug))]
pub async fn set_codes_enabled(
    desk: OwnerDesk<'_>,
    selection: CodeSelection,
    enabled: bool,
) -> ApiResult<usize> {
    Ok(desk
        .set_selected_codes_enabled(&selection, enabled, &desk.actor())
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn lookup_code(desk: StaffDesk<'_>, typed: String) -> ApiResult<LookupOutcome> {
    Ok(desk.lookup_code(&typed).await?)
}

/// Renders the selected codes, oldest first, as a sheet of referral cards, asks where to
/// save it, saves it and opens it in the system viewer. Answers the saved path, or `None`
/// when the owner cancelled.
#[tauri::command]
#[tracing::instrument(skip(desk, handle, selection), fields(ids = selection.ids.len()), err(Debug))]
pub async fn print_card_sheet<R: Runtime>(
    desk: OwnerDesk<'_>,
    handle: AppHandle<R>,
    selection: CodeSelection,
    paper: Option<Paper>,
) -> ApiResult<Option<String>> {
    let pdf = desk
        .selected_card_sheet_pdf(&selection, paper.map(PaperSize::from))
        .await?;
    files::save_and_open(&handle, &pdf)
}
