//! The program as a whole (owner only): the dashboard, program costs, the shop's revenue
//! and the goals it is measured against, and correcting each.

use chrono::NaiveDate;
use partnerdesk_core::ids::{CostId, GoalId};
use partnerdesk_core::program::{
    CostInput, CostView, Dashboard, GoalInput, GoalView, MonthRevenue, RevenueInput,
};

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

/// Reverses a program cost, with a reason: it stays listed, marked, and no sum counts it.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn reverse_cost(desk: OwnerDesk<'_>, id: CostId, reason: String) -> ApiResult<CostView> {
    Ok(desk.reverse_cost(id, &reason, &desk.actor()).await?)
}

/// Enters the shop's whole revenue for a month (`YYYY-MM`); a new figure for a month that
/// has one needs a reason, and the old figure stays in the month's history.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn set_month_revenue(
    desk: OwnerDesk<'_>,
    input: RevenueInput,
) -> ApiResult<MonthRevenue> {
    Ok(desk.set_month_revenue(&input, &desk.actor()).await?)
}

/// Every month with revenue entered, the latest first, with its figure in force and history.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn list_month_revenues(desk: OwnerDesk<'_>) -> ApiResult<Vec<MonthRevenue>> {
    Ok(desk.month_revenues().await?)
}

/// Sets a goal for the program.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn add_goal(desk: OwnerDesk<'_>, input: GoalInput) -> ApiResult<GoalId> {
    Ok(desk.add_goal(&input, &desk.actor()).await?)
}

/// Every goal, active ones first, then archived ones.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn list_goals(desk: OwnerDesk<'_>) -> ApiResult<Vec<GoalView>> {
    Ok(desk.goals_list().await?)
}

/// Edits a goal: it is archived and a new goal replaces it.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn update_goal(desk: OwnerDesk<'_>, id: GoalId, input: GoalInput) -> ApiResult<GoalView> {
    Ok(desk.update_goal(id, &input, &desk.actor()).await?)
}

/// Archives a goal (the reason may be blank): the dashboard stops tracking it.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn archive_goal(desk: OwnerDesk<'_>, id: GoalId, reason: String) -> ApiResult<GoalView> {
    Ok(desk.archive_goal(id, &reason, &desk.actor()).await?)
}
