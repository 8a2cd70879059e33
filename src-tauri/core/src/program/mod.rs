//! The program as a whole: what it costs beyond commissions and discounts, the shop's own
//! revenue (for the partners' share of it), the owner's goals, and the dashboard's figures.
//! Each can be corrected without rewriting history: a cost is reversed, a month's revenue
//! gets a new figure with a reason, a goal is archived or replaced.

mod costs;
mod dashboard;
mod figures;
mod goal_edits;
mod goals;
mod pace;
mod revenue;
mod share;
mod trend;

use crate::ids::{CampaignId, CostId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::partners::PartnerId;

pub use dashboard::{Dashboard, PartnerRow, WeekPoint};
pub use figures::{Figures, FiguresView};
pub use goal_edits::{GoalArchive, GoalView};
pub use goals::{GoalInput, GoalKind, GoalProgress};
pub use pace::GoalPace;
pub use revenue::{MonthRevenue, RevenueEntry, RevenueInput};
pub use trend::{AxisTick, MonthPoint, Trend, TREND_MONTHS};

pub use crate::payouts::Reversal;

/// What a program cost was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CostCategory {
    Printing,
    Events,
    JointPromotion,
    Other,
}

impl CostCategory {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            CostCategory::Printing => "printing",
            CostCategory::Events => "events",
            CostCategory::JointPromotion => "joint_promotion",
            CostCategory::Other => "other",
        }
    }

    /// Parses the stored form.
    pub fn parse(text: &str) -> Option<Self> {
        [
            Self::Printing,
            Self::Events,
            Self::JointPromotion,
            Self::Other,
        ]
        .into_iter()
        .find(|c| c.as_str() == text)
    }
}

/// What the owner types to record a cost.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CostInput {
    /// `YYYY-MM-DD`.
    pub spent_on: String,
    pub category: CostCategory,
    /// As the locale writes it: `12,50` or `12.50`.
    pub amount: String,
    /// The partner the cost was for, if one.
    #[serde(default)]
    pub partner_id: Option<PartnerId>,
    #[serde(default)]
    pub description: String,
    /// The campaign it is booked to, if one; a partner named must be taking part in it.
    #[serde(default)]
    pub campaign_id: Option<CampaignId>,
}

/// A cost as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CostView {
    pub id: CostId,
    pub spent_on: chrono::NaiveDate,
    pub category: CostCategory,
    pub amount: String,
    pub partner_id: Option<PartnerId>,
    pub partner_name: Option<String>,
    pub description: String,
    pub campaign_id: Option<CampaignId>,
    pub campaign_name: Option<String>,
    /// Set once the cost is reversed: it stays listed, and no sum counts it.
    pub reversal: Option<Reversal>,
}
