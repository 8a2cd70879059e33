//! Partners: list, read, create, edit, move through the lifecycle.

use partnerdesk_core::imports::{ImportOutcome, ImportPreview};
use partnerdesk_core::partners::{
    Partner, PartnerId, PartnerInput, PartnerListing, PartnerQuery, PartnerStatus,
};

use tauri::ipc::Request;

use crate::error::ApiResult;
use crate::state::OwnerDesk;
use crate::upload;

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn list_partners(desk: OwnerDesk<'_>, query: PartnerQuery) -> ApiResult<Vec<Partner>> {
    Ok(desk.partners(&query).await?)
}

/// The Partners screen's list: each partner with its last redemption, this month's, the
/// balance either way and whether it needs attention.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn list_partner_listings(
    desk: OwnerDesk<'_>,
    query: PartnerQuery,
) -> ApiResult<Vec<PartnerListing>> {
    Ok(desk.partner_listings(&query).await?)
}

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn get_partner(desk: OwnerDesk<'_>, id: PartnerId) -> ApiResult<Partner> {
    Ok(desk.partner(id).await?)
}

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn create_partner(
    desk: OwnerDesk<'_>,
    input: PartnerInput,
    status: Option<PartnerStatus>,
) -> ApiResult<Partner> {
    let status = status.unwrap_or(PartnerStatus::Prospect);
    Ok(desk.create_partner(&input, status, &desk.actor()).await?)
}

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn update_partner(
    desk: OwnerDesk<'_>,
    id: PartnerId,
    input: PartnerInput,
) -> ApiResult<Partner> {
    Ok(desk.update_partner(id, &input, &desk.actor()).await?)
}

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn change_partner_status(
    desk: OwnerDesk<'_>,
    id: PartnerId,
    status: PartnerStatus,
) -> ApiResult<Partner> {
    Ok(desk
        .change_partner_status(id, status, &desk.actor())
        .await?)
}

/// Reads a CSV of partners and says, row by row, what importing it would do. Saves nothing.
/// The body is the file's bytes; the options header the owner's encoding and columns.
#[tauri::command]
#[tracing::instrument(skip(desk, request), err(Debug))]
pub async fn preview_partner_import(
    desk: OwnerDesk<'_>,
    request: Request<'_>,
) -> ApiResult<ImportPreview> {
    let (csv, options) = upload::import_request(&request)?;
    Ok(desk.preview_partner_import(&csv, &options).await?)
}

/// Imports every partner of the CSV in one go, or none when any row has a problem.
#[tauri::command]
#[tracing::instrument(skip(desk, request), err(Debug))]
pub async fn import_partners(
    desk: OwnerDesk<'_>,
    request: Request<'_>,
) -> ApiResult<ImportOutcome> {
    let (csv, options) = upload::import_request(&request)?;
    Ok(desk.import_partners(&csv, &options, &desk.actor()).await?)
}

/// Renders a partner's kit (letter, agreement, cards, guides) as one PDF, asks where to save
/// it, saves and opens it. Answers the saved path, or `None` when the owner cancelled.
#[tauri::command]
#[tracing::instrument(skip(desk, handle), err(Debug))]
pub async fn print_partner_kit<R: tauri::Runtime>(
    desk: OwnerDesk<'_>,
    handle: tauri::AppHandle<R>,
    partner_id: PartnerId,
    paper: Option<super::agreements::Paper>,
) -> ApiResult<Option<String>> {
    let paper = paper.map(partnerdesk_core::business::PaperSize::from);
    let pdf = desk
        .partner_kit_pdf(partner_id, paper, &desk.actor())
        .await?;
    crate::files::save_and_open(&handle, &pdf)
}
