//! Money (owner only): the dashboard, a partner's balance and history, payouts, program
//! costs, revenue, goals, statements and CSV exports.

use chrono::NaiveDate;
use partnerdesk_core::business::PaperSize;
use partnerdesk_core::ledger::RedemptionView;
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::payouts::{PayoutId, PayoutInput, PayoutView, PeriodTotalsView};
use partnerdesk_core::program::{CostInput, CostView, Dashboard, GoalInput};
use partnerdesk_core::terms::{AgreementVersionId, WhatIf};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, State};
use ts_rs::TS;

use super::agreements::Paper;
use crate::error::ApiResult;
use crate::files;
use crate::state::App;

/// A partner's money over a period: totals, every redemption and payout in it.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PartnerMoney {
    pub totals: PeriodTotalsView,
    pub redemptions: Vec<RedemptionView>,
    pub payouts: Vec<PayoutView>,
}

/// Which CSV file to export.
#[derive(Debug, Clone, Copy, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CsvKind {
    Redemptions,
    Partners,
    Payouts,
}

/// The dashboard for days `from..=to`.
#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn dashboard(
    app: State<'_, App>,
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<Dashboard> {
    Ok(app.owner()?.dashboard((from, to)).await?)
}

/// A partner's totals, redemptions and payouts for days `from..=to`.
#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn partner_money(
    app: State<'_, App>,
    partner_id: PartnerId,
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<PartnerMoney> {
    let desk = app.owner()?;
    let locale = desk.profile().await?.map(|p| p.locale).unwrap_or_default();
    let period = desk.partner_period(partner_id, (from, to)).await?;
    Ok(PartnerMoney {
        totals: period.totals.view(&locale),
        redemptions: period.redemptions.iter().map(|r| r.view(&locale)).collect(),
        payouts: period.payouts.iter().map(|p| p.view(&locale)).collect(),
    })
}

/// Records a payment to a partner; more than the balance needs `confirmOverBalance`.
#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn record_payout(
    app: State<'_, App>,
    partner_id: PartnerId,
    input: PayoutInput,
) -> ApiResult<PayoutView> {
    Ok(app
        .owner()?
        .record_payout(partner_id, &input, &app.actor())
        .await?)
}

/// Reverses a payout with a reason; it stays listed, marked.
#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn reverse_payout(
    app: State<'_, App>,
    id: PayoutId,
    reason: String,
) -> ApiResult<PayoutView> {
    Ok(app
        .owner()?
        .reverse_payout(id, &reason, &app.actor())
        .await?)
}

/// Renders a partner's statement for days `from..=to`, asks where to save it, saves and
/// opens it. Answers the saved path, or `None` when the owner cancelled.
#[tauri::command]
#[tracing::instrument(skip(app, handle), err(Debug))]
pub async fn print_statement(
    app: State<'_, App>,
    handle: AppHandle,
    partner_id: PartnerId,
    from: NaiveDate,
    to: NaiveDate,
    paper: Option<Paper>,
) -> ApiResult<Option<String>> {
    let pdf = app
        .owner()?
        .statement_pdf(partner_id, (from, to), paper.map(PaperSize::from))
        .await?;
    files::save_and_open(&handle, &pdf)
}

/// Exports redemptions, partners or payouts as CSV through the save dialog.
#[tauri::command]
#[tracing::instrument(skip(app, handle), err(Debug))]
pub async fn export_csv(
    app: State<'_, App>,
    handle: AppHandle,
    kind: CsvKind,
) -> ApiResult<Option<String>> {
    let desk = app.owner()?;
    let file = match kind {
        CsvKind::Redemptions => desk.redemptions_csv().await?,
        CsvKind::Partners => desk.partners_csv().await?,
        CsvKind::Payouts => desk.payouts_csv().await?,
    };
    files::save_csv(&handle, &file)
}

/// Records a program cost.
#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn add_cost(app: State<'_, App>, input: CostInput) -> ApiResult<CostView> {
    Ok(app.owner()?.add_cost(&input, &app.actor()).await?)
}

/// Program costs spent on days `from..=to`, newest first.
#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn list_costs(
    app: State<'_, App>,
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<Vec<CostView>> {
    Ok(app.owner()?.costs((from, to)).await?)
}

/// Sets the shop's whole revenue for a month (`YYYY-MM`).
#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn set_month_revenue(
    app: State<'_, App>,
    month: String,
    amount: String,
) -> ApiResult<()> {
    Ok(app
        .owner()?
        .set_month_revenue(&month, &amount, &app.actor())
        .await?)
}

/// Sets a goal for the program.
#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn add_goal(app: State<'_, App>, input: GoalInput) -> ApiResult<i64> {
    Ok(app.owner()?.add_goal(&input, &app.actor()).await?)
}

/// What the partner's last `months` months would have given and earned under agreement
/// version `version` (a draft, say). Changes nothing.
#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn what_if(
    app: State<'_, App>,
    partner_id: PartnerId,
    version: AgreementVersionId,
    months: u32,
) -> ApiResult<WhatIf> {
    Ok(app.owner()?.what_if(partner_id, version, months).await?)
}
