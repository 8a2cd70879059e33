//! Agreements: versions, drafts, signing, printing, and what a draft would have changed.

use partnerdesk_core::business::PaperSize;
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::terms::{
    AgreementVersion, AgreementVersionId, ModelGuide, PartnershipModel, SignInput, TermsInput,
    TermsPreview, WhatIf,
};
use serde::Deserialize;
use tauri::{AppHandle, Runtime};
use ts_rs::TS;

use crate::error::ApiResult;
use crate::files;
use crate::state::OwnerDesk;

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
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn list_agreement_versions(
    desk: OwnerDesk<'_>,
    partner_id: PartnerId,
) -> ApiResult<Vec<AgreementVersion>> {
    Ok(desk.agreement_versions(partner_id).await?)
}

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn agreement_in_force(
    desk: OwnerDesk<'_>,
    partner_id: PartnerId,
) -> ApiResult<Option<AgreementVersion>> {
    Ok(desk.agreement_in_force_today(partner_id).await?)
}

/// The partnership models with the range each usually agrees on, for the terms editor.
#[tauri::command]
#[tracing::instrument(skip(_desk), err(Debug))]
pub async fn partnership_models(_desk: OwnerDesk<'_>) -> ApiResult<Vec<ModelGuide>> {
    Ok(PartnershipModel::guides())
}

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn preview_terms(desk: OwnerDesk<'_>, terms: TermsInput) -> ApiResult<TermsPreview> {
    Ok(desk.preview_terms(&terms).await?)
}

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn create_agreement_draft(
    desk: OwnerDesk<'_>,
    partner_id: PartnerId,
) -> ApiResult<AgreementVersion> {
    Ok(desk.create_draft(partner_id, None, &desk.actor()).await?)
}

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn new_agreement_version(
    desk: OwnerDesk<'_>,
    from: AgreementVersionId,
) -> ApiResult<AgreementVersion> {
    Ok(desk.new_version_from(from, &desk.actor()).await?)
}

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn update_agreement_draft(
    desk: OwnerDesk<'_>,
    id: AgreementVersionId,
    terms: TermsInput,
) -> ApiResult<AgreementVersion> {
    Ok(desk.update_draft(id, &terms, &desk.actor()).await?)
}

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn delete_agreement_draft(desk: OwnerDesk<'_>, id: AgreementVersionId) -> ApiResult<()> {
    Ok(desk.delete_draft(id, &desk.actor()).await?)
}

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn sign_agreement(
    desk: OwnerDesk<'_>,
    id: AgreementVersionId,
    signature: SignInput,
) -> ApiResult<AgreementVersion> {
    Ok(desk.sign_agreement(id, &signature, &desk.actor()).await?)
}

/// Renders the agreement, asks where to save it, saves it and opens it in the system viewer.
/// Answers the saved path, or `None` when the owner cancelled the dialog.
#[tauri::command]
#[tracing::instrument(skip(desk, handle), err(Debug))]
pub async fn print_agreement<R: Runtime>(
    desk: OwnerDesk<'_>,
    handle: AppHandle<R>,
    id: AgreementVersionId,
    paper: Option<Paper>,
) -> ApiResult<Option<String>> {
    let pdf = desk.agreement_pdf(id, paper.map(PaperSize::from)).await?;
    files::save_and_open(&handle, &pdf)
}

/// What the partner's last `months` months would have given and earned under agreement
/// version `version` (a draft, say). Changes nothing.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn what_if(
    desk: OwnerDesk<'_>,
    partner_id: PartnerId,
    version: AgreementVersionId,
    months: u32,
) -> ApiResult<WhatIf> {
    Ok(desk.what_if(partner_id, version, months).await?)
}
