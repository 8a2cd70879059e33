//! The business profile.

use partnerdesk_core::business::{BusinessProfile, BusinessProfileInput};

use crate::error::ApiResult;
use crate::state::OwnerDesk;

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn save_business_profile(
    desk: OwnerDesk<'_>,
    input: BusinessProfileInput,
) -> ApiResult<BusinessProfile> {
    Ok(desk.save_profile(&input, &desk.actor()).await?)
}
