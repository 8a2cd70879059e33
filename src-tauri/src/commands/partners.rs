//! Partners: list, read, create, edit, move through the lifecycle.

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
