//! The counter: logging redemptions at this till, its recent list, voids and its name.

use partnerdesk_core::ledger::{
    LogOutcome, RedemptionId, RedemptionInput, RedemptionView, VoidInput,
};
use tauri::State;

use crate::error::ApiResult;
use crate::state::App;

/// Logs a redemption at this till. Safe to retry with the same input: the idempotency key
/// makes a repeat return the first result.
#[tauri::command]
#[tracing::instrument(skip(app, input), fields(key = %input.idempotency_key), err(Debug))]
pub async fn log_redemption(app: State<'_, App>, input: RedemptionInput) -> ApiResult<LogOutcome> {
    let desk = app.desk()?;
    let till = desk.till_name().await?;
    Ok(desk.log_redemption(&input, &till, &app.actor()).await?)
}

/// The last redemptions logged at this till, newest first.
#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn recent_redemptions(app: State<'_, App>) -> ApiResult<Vec<RedemptionView>> {
    let desk = app.desk()?;
    let till = desk.till_name().await?;
    Ok(desk.recent_redemptions(&till).await?)
}

#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn void_redemption(
    app: State<'_, App>,
    id: RedemptionId,
    input: VoidInput,
) -> ApiResult<RedemptionView> {
    Ok(app
        .owner()?
        .void_redemption(id, &input, &app.actor())
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn set_till_name(app: State<'_, App>, name: String) -> ApiResult<String> {
    Ok(app.owner()?.set_till_name(&name, &app.actor()).await?)
}
