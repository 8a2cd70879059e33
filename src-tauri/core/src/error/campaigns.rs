//! Campaign rules that refuse an operation.

use crate::ids::CampaignId;

/// Creating, editing or using a campaign failed; nothing was saved.
#[derive(Debug, thiserror::Error)]
pub enum CampaignError {
    /// No campaign has this number.
    #[error("Campaign No. {} was not found.", .0.0)]
    NotFound(CampaignId),
    /// Another campaign already has this name (compared as partner names are).
    #[error("A campaign named \"{existing}\" already exists.")]
    DuplicateName { existing: String },
    /// A code or cost for a partner who does not take part in the campaign.
    #[error("{partner} does not take part in {campaign}: add them to the campaign first.")]
    NotTakingPart { partner: String, campaign: String },
    /// Leaving out a partner the campaign already has codes or costs for.
    #[error("{partner} has codes or costs in this campaign, so they stay in it.")]
    HasActivity { partner: String },
}
