//! What partners owe us (owner only): entering a period typed from their paper statement,
//! reversing an entry, and listing a partner's entries.

use partnerdesk_core::ids::ReceivableId;
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::receivables::{ReceivableInput, ReceivableView};

use crate::error::ApiResult;
use crate::state::OwnerDesk;

/// Enters what a partner owes us for a period, from their paper statement.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn record_receivable(
    desk: OwnerDesk<'_>,
    partner_id: PartnerId,
    input: ReceivableInput,
) -> ApiResult<ReceivableView> {
    Ok(desk
        .record_receivable(partner_id, &input, &desk.actor())
        .await?)
}

/// Reverses an entry with a reason; it stays listed, marked.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn reverse_receivable(
    desk: OwnerDesk<'_>,
    id: ReceivableId,
    reason: String,
) -> ApiResult<ReceivableView> {
    Ok(desk.reverse_receivable(id, &reason, &desk.actor()).await?)
}

/// Every entry of what a partner owes us, by period.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn list_receivables(
    desk: OwnerDesk<'_>,
    partner_id: PartnerId,
) -> ApiResult<Vec<ReceivableView>> {
    Ok(desk.receivables(partner_id).await?)
}
