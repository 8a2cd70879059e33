//! The business profile.

use partnerdesk_core::business::{BusinessProfile, BusinessProfileInput};
use tauri::State;

use crate::error::ApiResult;
use crate::state::App;

#[tauri::command]
#[tracing::instrument(skip(app), err(Debug))]
pub async fn save_business_profile(
    app: State<'_, App>,
    input: BusinessProfileInput,
) -> ApiResult<BusinessProfile> {
    Ok(app.owner()?.save_profile(&input, &app.actor()).await?)
}
