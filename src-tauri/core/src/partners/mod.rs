//! Partners: the businesses we send customers to and receive them from.

mod fit;
mod input;
mod kit;
mod listing;
mod manage;
mod status;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use fit::PartnerFit;
pub use input::{PartnerInput, ValidPartner};
pub use listing::{PartnerListing, ATTENTION_DAYS};
pub use status::PartnerStatus;

pub use crate::ids::PartnerId;

/// A partner as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Partner {
    pub id: PartnerId,
    pub name: String,
    pub status: PartnerStatus,
    pub category: String,
    pub contact_person: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub website: String,
    pub notes: String,
    pub fit: PartnerFit,
    /// Mean of the fit scores given, one decimal (e.g. `"3.8"`); `None` when none are.
    pub fit_average: Option<String>,
    /// The statuses this partner may move to next.
    pub next_statuses: Vec<PartnerStatus>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// How the partner list is ordered. The last four need what the partners have been doing
/// lately, which [`Desk::partner_listings`](crate::Desk::partner_listings) works out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PartnerSort {
    #[default]
    Name,
    FitHighFirst,
    FitLowFirst,
    RecentlyChanged,
    /// The latest redemption first; partners never redeemed last.
    LastRedemptionFirst,
    /// The most redemptions this month first.
    MostThisMonth,
    /// The most we owe first, then the even, then the most they owe us.
    WeOweMostFirst,
    /// Partners that need attention first.
    NeedsAttentionFirst,
}

impl PartnerSort {
    /// Whether ordering by it needs each partner's recent activity.
    pub fn needs_activity(self) -> bool {
        matches!(
            self,
            Self::LastRedemptionFirst
                | Self::MostThisMonth
                | Self::WeOweMostFirst
                | Self::NeedsAttentionFirst
        )
    }
}

/// Which partners the list shows.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PartnerQuery {
    /// Part of the name, any case; blank shows all.
    #[ts(optional)]
    pub search: Option<String>,
    #[ts(optional)]
    pub status: Option<PartnerStatus>,
    #[serde(default)]
    #[ts(optional)]
    pub sort: Option<PartnerSort>,
}

impl AsRef<Partner> for Partner {
    fn as_ref(&self) -> &Partner {
        self
    }
}

/// Orders `partners` in place as `sort` asks, by what the partners themselves hold; unscored
/// partners go last either way. An order by recent activity keeps them by name here: those
/// are the listing's. Each name's key is worked out once, not per comparison: Unicode
/// folding is not free.
pub fn sort<T: AsRef<Partner>>(partners: &mut [T], sort: PartnerSort) {
    let name = |p: &T| crate::text::name_key(&p.as_ref().name);
    match sort {
        PartnerSort::RecentlyChanged => {
            partners.sort_by_key(|p| std::cmp::Reverse(p.as_ref().updated_at));
        }
        PartnerSort::FitHighFirst => partners.sort_by_cached_key(|p| {
            let fit = p.as_ref().fit.tenths();
            (fit.is_none(), fit.map(std::cmp::Reverse), name(p))
        }),
        PartnerSort::FitLowFirst => partners.sort_by_cached_key(|p| {
            let fit = p.as_ref().fit.tenths();
            (fit.is_none(), fit, name(p))
        }),
        PartnerSort::Name
        | PartnerSort::LastRedemptionFirst
        | PartnerSort::MostThisMonth
        | PartnerSort::WeOweMostFirst
        | PartnerSort::NeedsAttentionFirst => partners.sort_by_cached_key(name),
    }
}
