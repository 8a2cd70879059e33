//! The business profile: set at first run (before any owner exists), then by the owner.

use partnerdesk_core::business::{BusinessProfile, BusinessProfileInput};

use crate::error::ApiResult;
use crate::state::SetupDesk;

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn save_business_profile(
    desk: SetupDesk<'_>,
    input: BusinessProfileInput,
) -> ApiResult<BusinessProfile> {
    Ok(desk.save_profile(&input, &desk.actor()).await?)
}
