//! Campaigns (owner only): joint events with partners, their dates, budget and results.
//! Codes are issued for a campaign through `issue_code` / `issue_code_batch` (their options
//! carry `campaignId`), and costs booked to it through `add_cost`.

use partnerdesk_core::campaigns::{CampaignId, CampaignInput, CampaignResults, CampaignView};

use crate::error::ApiResult;
use crate::state::OwnerDesk;

/// Every campaign, the latest to start first.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn list_campaigns(desk: OwnerDesk<'_>) -> ApiResult<Vec<CampaignView>> {
    Ok(desk.campaigns().await?)
}

/// One campaign.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn get_campaign(desk: OwnerDesk<'_>, id: CampaignId) -> ApiResult<CampaignView> {
    Ok(desk.campaign_view(id).await?)
}

/// A campaign's results: headline figures, budget, and each partner's figures inside it.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn campaign_results(desk: OwnerDesk<'_>, id: CampaignId) -> ApiResult<CampaignResults> {
    Ok(desk.campaign_results(id).await?)
}

/// Creates a campaign with the partners taking part.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn create_campaign(desk: OwnerDesk<'_>, input: CampaignInput) -> ApiResult<CampaignView> {
    Ok(desk.create_campaign(&input, &desk.actor()).await?)
}

/// Replaces a campaign's name, dates, budget, notes and partners.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn update_campaign(
    desk: OwnerDesk<'_>,
    id: CampaignId,
    input: CampaignInput,
) -> ApiResult<CampaignView> {
    Ok(desk.update_campaign(id, &input, &desk.actor()).await?)
}

#[cfg(test)]
mod tests {
    //! The campaign screen marks these fields and branches on these codes, so each refusal
    //! is held to its exact JSON.

    use partnerdesk_core::error::CampaignError;
    use partnerdesk_core::Error;

    use super::*;
    use crate::ApiError;

    fn json(err: CampaignError) -> serde_json::Value {
        serde_json::to_value(ApiError::from(Error::from(err))).unwrap()
    }

    #[test]
    fn campaign_refusals_mark_the_field_to_fix() {
        assert_eq!(
            json(CampaignError::NotTakingPart {
                partner: "Łódź Café".into(),
                campaign: "Winter market".into()
            }),
            serde_json::json!({
                "code": "invalid_input",
                "message": "Łódź Café does not take part in Winter market: add them to the \
                            campaign first.",
                "field": "partner"
            })
        );
        assert_eq!(
            json(CampaignError::HasActivity {
                partner: "Café Müller".into()
            }),
            serde_json::json!({
                "code": "invalid_input",
                "message": "Café Müller has codes or costs in this campaign, so they stay in it.",
                "field": "partners"
            })
        );
        let v = json(CampaignError::DuplicateName {
            existing: "Winter market".into(),
        });
        assert_eq!(
            (v["code"].as_str(), v["field"].as_str()),
            (Some("duplicate_name"), Some("name"))
        );
        assert_eq!(
            json(CampaignError::NotFound(CampaignId(4))),
            serde_json::json!({
                "code": "not_found",
                "message": "Campaign No. 4 was not found.",
                "field": null
            })
        );
    }
}
