//! Month-end with two-way partners (owner only): both sides of every account and the net,
//! settling a period with one payment in the net direction, and reversing a settlement.

use chrono::NaiveDate;
use partnerdesk_core::ids::SettlementId;
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::settlements::{MonthEnd, SettlementInput, SettlementView};

use crate::error::ApiResult;
use crate::state::OwnerDesk;

/// Every partner with a balance either way, or activity, in days `from..=to`.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn month_end(desk: OwnerDesk<'_>, from: NaiveDate, to: NaiveDate) -> ApiResult<MonthEnd> {
    Ok(desk.month_end((from, to)).await?)
}

/// Settles with a partner through the period's end: one payment in the net direction.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn settle(
    desk: OwnerDesk<'_>,
    partner_id: PartnerId,
    input: SettlementInput,
) -> ApiResult<SettlementView> {
    Ok(desk.settle(partner_id, &input, &desk.actor()).await?)
}

/// Reverses a settlement with a reason: its payout and receipt no longer count.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn reverse_settlement(
    desk: OwnerDesk<'_>,
    id: SettlementId,
    reason: String,
) -> ApiResult<SettlementView> {
    Ok(desk.reverse_settlement(id, &reason, &desk.actor()).await?)
}

/// A partner's settlements, newest first.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn list_settlements(
    desk: OwnerDesk<'_>,
    partner_id: PartnerId,
) -> ApiResult<Vec<SettlementView>> {
    Ok(desk.settlements(partner_id).await?)
}
