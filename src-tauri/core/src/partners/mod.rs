//! Partners: the businesses we send customers to and receive them from.

mod fit;
mod input;
mod kit;
mod manage;
mod status;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use fit::PartnerFit;
pub use input::{PartnerInput, ValidPartner};
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

/// How the partner list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PartnerSort {
    #[default]
    Name,
    FitHighFirst,
    FitLowFirst,
    RecentlyChanged,
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

/// Orders `partners` in place as `sort` asks; unscored partners go last either way. Each
/// name's key is worked out once, not per comparison: Unicode folding is not free.
pub fn sort(partners: &mut [Partner], sort: PartnerSort) {
    let name = |p: &Partner| crate::text::name_key(&p.name);
    match sort {
        PartnerSort::Name => partners.sort_by_cached_key(name),
        PartnerSort::RecentlyChanged => {
            partners.sort_by_key(|p| std::cmp::Reverse(p.updated_at));
        }
        PartnerSort::FitHighFirst => partners.sort_by_cached_key(|p| {
            let fit = p.fit.tenths();
            (fit.is_none(), fit.map(std::cmp::Reverse), name(p))
        }),
        PartnerSort::FitLowFirst => partners.sort_by_cached_key(|p| {
            let fit = p.fit.tenths();
            (fit.is_none(), fit, name(p))
        }),
    }
}
