//! Payouts (owner only): a partner's balance and history, paying them, reversing a payment,
//! and the statement that shows it all.

use chrono::NaiveDate;
use partnerdesk_core::business::PaperSize;
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::payouts::{PartnerMoney, PayoutId, PayoutInput, PayoutView};
use tauri::{AppHandle, Runtime};

use super::agreements::Paper;
use crate::error::ApiResult;
use crate::files;
use crate::state::OwnerDesk;

/// A partner's totals, closing balance, redemptions and payouts for days `from..=to`.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn partner_money(
    desk: OwnerDesk<'_>,
    partner_id: PartnerId,
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<PartnerMoney> {
    Ok(desk.partner_money(partner_id, (from, to)).await?)
}

/// Records a payment to a partner; more than the balance needs `confirmOverBalance`.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn record_payout(
    desk: OwnerDesk<'_>,
    partner_id: PartnerId,
    input: PayoutInput,
) -> ApiResult<PayoutView> {
    Ok(desk
        .record_payout(partner_id, &input, &desk.actor())
        .await?)
}

/// Reverses a payout with a reason; it stays listed, marked.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn reverse_payout(
    desk: OwnerDesk<'_>,
    id: PayoutId,
    reason: String,
) -> ApiResult<PayoutView> {
    Ok(desk.reverse_payout(id, &reason, &desk.actor()).await?)
}

/// Renders a partner's statement for days `from..=to`, asks where to save it, saves it with
/// the signed statement file beside it, and opens the PDF. Answers the PDF's path, or
/// `None` when the owner cancelled.
#[tauri::command]
#[tracing::instrument(skip(desk, handle), err(Debug))]
pub async fn print_statement<R: Runtime>(
    desk: OwnerDesk<'_>,
    handle: AppHandle<R>,
    partner_id: PartnerId,
    from: NaiveDate,
    to: NaiveDate,
    paper: Option<Paper>,
) -> ApiResult<Option<String>> {
    let statement = desk
        .statement_files(
            partner_id,
            (from, to),
            paper.map(PaperSize::from),
            &desk.actor(),
        )
        .await?;
    let Some(saved) = files::save_and_open(&handle, &statement.pdf)? else {
        return Ok(None);
    };
    files::save_beside(std::path::Path::new(&saved), &statement.file)?;
    Ok(Some(saved))
}
