//! Partners: list, read, create, edit, move through the lifecycle.

use partnerdesk_core::imports::{ImportOutcome, ImportPreview};
use partnerdesk_core::partners::{Partner, PartnerId, PartnerInput, PartnerQuery, PartnerStatus};
use tauri::State;

use crate::error::ApiResult;
use crate::state::App;

#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn list_partners(app: State<'_, App>, query: PartnerQuery) -> ApiResult<Vec<Partner>> {
    Ok(app.owner()?.partners(&query).await?)
}

#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn get_partner(app: State<'_, App>, id: PartnerId) -> ApiResult<Partner> {
    Ok(app.owner()?.partner(id).await?)
}

#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn create_partner(
    app: State<'_, App>,
    input: PartnerInput,
    status: Option<PartnerStatus>,
) -> ApiResult<Partner> {
    let status = status.unwrap_or(PartnerStatus::Prospect);
    Ok(app
        .owner()?
        .create_partner(&input, status, &app.actor())
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn update_partner(
    app: State<'_, App>,
    id: PartnerId,
    input: PartnerInput,
) -> ApiResult<Partner> {
    Ok(app
        .owner()?
        .update_partner(id, &input, &app.actor())
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn change_partner_status(
    app: State<'_, App>,
    id: PartnerId,
    status: PartnerStatus,
) -> ApiResult<Partner> {
    Ok(app
        .owner()?
        .change_partner_status(id, status, &app.actor())
        .await?)
}

/// Reads a CSV of partners and says, row by row, what importing it would do. Saves nothing.
#[tauri::command]
#[tracing::instrument(skip(app, csv), fields(bytes = csv.len()), err(Debug))]
pub async fn preview_partner_import(app: State<'_, App>, csv: String) -> ApiResult<ImportPreview> {
    Ok(app.owner()?.preview_partner_import(csv.as_bytes()).await?)
}

/// Imports every partner of the CSV in one go, or none when any row has a problem.
#[tauri::command]
#[tracing::instrument(skip(app, csv), fields(bytes = csv.len()), err(Debug))]
pub async fn import_partners(app: State<'_, App>, csv: String) -> ApiResult<ImportOutcome> {
    Ok(app
        .owner()?
        .import_partners(csv.as_bytes(), &app.actor())
        .await?)
}
