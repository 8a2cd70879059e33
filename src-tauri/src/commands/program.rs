//! The program as a whole (owner only): the dashboard, program costs, the shop's revenue
//! and the goals it is measured against.

use chrono::NaiveDate;
use partnerdesk_core::ids::GoalId;
use partnerdesk_core::program::{CostInput, CostView, Dashboard, GoalInput};

use crate::error::ApiResult;
use crate::state::OwnerDesk;

/// The dashboard for days `from..=to`.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn dashboard(
    desk: OwnerDesk<'_>,
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<Dashboard> {
    Ok(desk.dashboard((from, to)).await?)
}

/// Records a program cost.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn add_cost(desk: OwnerDesk<'_>, input: CostInput) -> ApiResult<CostView> {
    Ok(desk.add_cost(&input, &desk.actor()).await?)
}

/// Program costs spent on days `from..=to`, newest first.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn list_costs(
    desk: OwnerDesk<'_>,
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<Vec<CostView>> {
    Ok(desk.costs((from, to)).await?)
}

/// Sets the shop's whole revenue for a month (`YYYY-MM`).
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn set_month_revenue(
    desk: OwnerDesk<'_>,
    month: String,
    amount: String,
) -> ApiResult<()> {
    Ok(desk
        .set_month_revenue(&month, &amount, &desk.actor())
        .await?)
}

/// Sets a goal for the program.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn add_goal(desk: OwnerDesk<'_>, input: GoalInput) -> ApiResult<GoalId> {
    Ok(desk.add_goal(&input, &desk.actor()).await?)
}
