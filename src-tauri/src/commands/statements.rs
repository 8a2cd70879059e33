//! Statement files (owner only): importing a partner's signed file, writing every
//! partner's statement at month-end, and our own key's fingerprint.

use std::path::PathBuf;

use chrono::NaiveDate;
use partnerdesk_core::business::PaperSize;
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::receivables::ReceivableView;
use partnerdesk_core::statements::{PrintProgress, PrintedAll, StatementPreview};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime};

use super::agreements::Paper;
use crate::error::ApiResult;
use crate::files;
use crate::state::OwnerDesk;

/// Asks for a partner's statement file and previews it, saving nothing; `None` when the
/// owner cancelled.
#[tauri::command]
#[tracing::instrument(skip(desk, handle), err(Debug))]
pub async fn choose_statement_file<R: Runtime>(
    desk: OwnerDesk<'_>,
    handle: AppHandle<R>,
) -> ApiResult<Option<StatementPreview>> {
    let kind = ("Partnerdesk statement", &["json"][..]);
    let Some(path) = files::ask_open_file(&handle, "Import a partner's statement", kind) else {
        return Ok(None);
    };
    Ok(Some(desk.preview_statement(&path).await?))
}

/// Imports the statement file at `path` as the partner's; another key than the one on file
/// for them needs `acceptNewKey`.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn import_statement(
    desk: OwnerDesk<'_>,
    path: PathBuf,
    partner_id: PartnerId,
    accept_new_key: bool,
) -> ApiResult<ReceivableView> {
    Ok(desk
        .import_statement(&path, partner_id, accept_new_key, &desk.actor())
        .await?)
}

/// Asks for a folder and writes every Month-end partner's statement for days `from..=to`
/// into it, PDF and signed file each, reporting progress; `None` when the owner cancelled.
#[tauri::command]
#[tracing::instrument(skip(desk, handle, on_progress), err(Debug))]
pub async fn print_all_statements<R: Runtime>(
    desk: OwnerDesk<'_>,
    handle: AppHandle<R>,
    from: NaiveDate,
    to: NaiveDate,
    paper: Option<Paper>,
    on_progress: Channel<PrintProgress>,
) -> ApiResult<Option<PrintedAll>> {
    let Some(folder) = files::ask_folder(&handle, "Save every statement into…") else {
        return Ok(None);
    };
    let mut progress = |done: u32, total: u32, partner: &str| {
        let report = PrintProgress {
            done,
            total,
            partner: partner.to_string(),
        };
        // A closed window only loses the progress, never the statements.
        if let Err(err) = on_progress.send(report) {
            tracing::debug!(%err, "print progress not delivered");
        }
    };
    let printed = desk
        .print_all_statements(
            (from, to),
            paper.map(PaperSize::from),
            &folder,
            &desk.actor(),
            &mut progress,
        )
        .await?;
    Ok(Some(printed))
}

/// The fingerprint of the key our statement files are signed with.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn our_statement_key(desk: OwnerDesk<'_>) -> ApiResult<String> {
    Ok(desk.our_statement_key().await?)
}
