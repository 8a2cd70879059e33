//! The counter: logging redemptions at this till, its recent list, voids and its name.

use partnerdesk_core::ledger::{
    LogOutcome, RedemptionId, RedemptionInput, RedemptionView, VoidInput,
};
use tauri::State;

use crate::error::ApiResult;
use crate::state::{App, Role};

/// Logs a redemption at this till. Safe to retry with the same input: the idempotency key
/// makes a repeat return the first result.
#[tauri::command]
#[tracing::instrument(skip(app, input), fields(key = %input.idempotency_key), err(Debug))]
pub async fn log_redemption(app: State<'_, App>, input: RedemptionInput) -> ApiResult<LogOutcome> {
    let desk = app.staff_desk()?;
    let till = desk.till_name().await?;
    let mut outcome = desk.log_redemption(&input, &till, &app.actor()).await?;
    if let LogOutcome::Logged { redemption, .. } = &mut outcome {
        hide_money_from_staff(&app, redemption);
    }
    Ok(outcome)
}

/// The last redemptions logged at this till, newest first.
#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn recent_redemptions(app: State<'_, App>) -> ApiResult<Vec<RedemptionView>> {
    let desk = app.staff_desk()?;
    let till = desk.till_name().await?;
    let mut recent = desk.recent_redemptions(&till).await?;
    for redemption in &mut recent {
        hide_money_from_staff(&app, redemption);
    }
    Ok(recent)
}

/// Staff see what the customer gets, never what the partner earns.
fn hide_money_from_staff(app: &App, redemption: &mut RedemptionView) {
    if app.role == Role::Staff {
        redemption.commission.clear();
    }
}

/// Voids a redemption (owner only): it stays listed, marked, and leaves every total.
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

/// Renames this till (owner only); later redemptions carry the new name.
#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn set_till_name(app: State<'_, App>, name: String) -> ApiResult<String> {
    Ok(app.owner()?.set_till_name(&name, &app.actor()).await?)
}
