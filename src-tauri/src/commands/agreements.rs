//! Agreements: versions, drafts, signing, and printing.

use partnerdesk_core::business::PaperSize;
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::terms::{
    AgreementVersion, AgreementVersionId, SignInput, TermsInput, TermsPreview,
};
use serde::Deserialize;
use tauri::{AppHandle, State};
use ts_rs::TS;

use crate::error::ApiResult;
use crate::files;
use crate::state::App;

/// Paper the owner may pick when printing; none means the locale's usual size.
#[derive(Debug, Clone, Copy, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Paper {
    A4,
    Letter,
}

impl From<Paper> for PaperSize {
    fn from(paper: Paper) -> Self {
        match paper {
            Paper::A4 => PaperSize::A4,
            Paper::Letter => PaperSize::Letter,
        }
    }
}

#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn list_agreement_versions(
    app: State<'_, App>,
    partner_id: PartnerId,
) -> ApiResult<Vec<AgreementVersion>> {
    Ok(app.owner()?.agreement_versions(partner_id).await?)
}

#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn agreement_in_force(
    app: State<'_, App>,
    partner_id: PartnerId,
) -> ApiResult<Option<AgreementVersion>> {
    Ok(app.owner()?.agreement_in_force_today(partner_id).await?)
}

#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn preview_terms(app: State<'_, App>, terms: TermsInput) -> ApiResult<TermsPreview> {
    Ok(app.owner()?.preview_terms(&terms).await?)
}

#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn create_agreement_draft(
    app: State<'_, App>,
    partner_id: PartnerId,
) -> ApiResult<AgreementVersion> {
    Ok(app
        .owner()?
        .create_draft(partner_id, None, &app.actor())
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn new_agreement_version(
    app: State<'_, App>,
    from: AgreementVersionId,
) -> ApiResult<AgreementVersion> {
    Ok(app.owner()?.new_version_from(from, &app.actor()).await?)
}

#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn update_agreement_draft(
    app: State<'_, App>,
    id: AgreementVersionId,
    terms: TermsInput,
) -> ApiResult<AgreementVersion> {
    Ok(app.owner()?.update_draft(id, &terms, &app.actor()).await?)
}

#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn delete_agreement_draft(app: State<'_, App>, id: AgreementVersionId) -> ApiResult<()> {
    Ok(app.owner()?.delete_draft(id, &app.actor()).await?)
}

#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn sign_agreement(
    app: State<'_, App>,
    id: AgreementVersionId,
    signature: SignInput,
) -> ApiResult<AgreementVersion> {
    Ok(app
        .owner()?
        .sign_agreement(id, &signature, &app.actor())
        .await?)
}

/// Renders the agreement, asks where to save it, saves it and opens it in the system viewer.
/// Answers the saved path, or `None` when the owner cancelled the dialog.
#[tauri::command]
#[tracing::instrument(skip(app, handle), err(Debug))]
pub async fn print_agreement(
    app: State<'_, App>,
    handle: AppHandle,
    id: AgreementVersionId,
    paper: Option<Paper>,
) -> ApiResult<Option<String>> {
    let pdf = app
        .owner()?
        .agreement_pdf(id, paper.map(PaperSize::from))
        .await?;
    files::save_and_open(&handle, &pdf)
}
