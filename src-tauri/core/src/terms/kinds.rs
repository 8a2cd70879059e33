//! The closed lists an agreement chooses from, with their stored and printed forms.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Declares a closed list stored as snake_case text and sent to the UI in camelCase.
macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $stored:literal / $label:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        #[serde(rename_all = "camelCase")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// As stored in SQLite.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $stored),+ }
            }
            /// As printed and shown.
            pub fn label(self) -> &'static str {
                match self { $(Self::$variant => $label),+ }
            }
            /// Parses the stored form.
            pub fn parse(value: &str) -> Option<Self> {
                match value { $($stored => Some(Self::$variant),)+ _ => None }
            }
        }
    };
}

choice! {
    /// How the partnership works.
    PartnershipModel {
        Referral = "referral" / "Referral",
        Affiliate = "affiliate" / "Affiliate",
        CoMarketing = "co_marketing" / "Co-marketing",
        Channel = "channel" / "Channel",
    }
}

/// A partnership model as the terms editor offers it, with the range such partnerships
/// usually agree on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ModelGuide {
    pub model: PartnershipModel,
    pub label: String,
    /// E.g. "Usually 10–20 % of each sale".
    pub usual_range: String,
}

impl PartnershipModel {
    /// Every model, in the order the terms editor lists them.
    pub const ALL: [PartnershipModel; 4] = [
        Self::Referral,
        Self::Affiliate,
        Self::CoMarketing,
        Self::Channel,
    ];

    /// What partnerships of this model usually agree on, shown beside the terms as a guide.
    /// Never checked: an owner may agree anything, and a shop that knows its margins
    /// knows better than a rule of thumb.
    pub fn usual_range(self) -> &'static str {
        match self {
            Self::Referral | Self::Affiliate => "Usually 10–20 % of each sale",
            Self::CoMarketing => {
                "Usually no commission: the partners share the costs of joint promotions"
            }
            Self::Channel => "Usually 30 % or more: strategic partners who resell or bundle",
        }
    }

    /// Every model with its label and usual range.
    pub fn guides() -> Vec<ModelGuide> {
        Self::ALL
            .into_iter()
            .map(|model| ModelGuide {
                model,
                label: model.label().to_string(),
                usual_range: model.usual_range().to_string(),
            })
            .collect()
    }
}

choice! {
    /// Where a version stands.
    VersionStatus {
        Draft = "draft" / "draft",
        Signed = "signed" / "signed",
        Superseded = "superseded" / "superseded",
    }
}

choice! {
    /// The shape of the customer's offer.
    OfferKind {
        None = "none" / "No offer",
        PercentOff = "percent_off" / "Percent off",
        AmountOff = "amount_off" / "Amount off",
        FreeItem = "free_item" / "Free item",
    }
}

choice! {
    /// The shape of the partner's reward.
    RewardKind {
        None = "none" / "No commission",
        PercentOfSale = "percent_of_sale" / "Percent of sale",
        FixedPerRedemption = "fixed_per_redemption" / "Fixed amount per redemption",
    }
}

choice! {
    /// How often the partner is paid.
    PayoutCadence {
        Monthly = "monthly" / "monthly",
        Quarterly = "quarterly" / "quarterly",
        OnRequest = "on_request" / "on request",
    }
}

choice! {
    /// How the partner is paid; `Other` is described in words.
    PayoutMethod {
        Cash = "cash" / "in cash",
        BankTransfer = "bank_transfer" / "by bank transfer",
        StoreCredit = "store_credit" / "in store credit",
        Other = "other" / "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_has_its_usual_range_in_the_editors_order() {
        let guides = PartnershipModel::guides();
        let shown: Vec<_> = guides
            .iter()
            .map(|g| (g.label.as_str(), g.usual_range.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("Referral", "Usually 10–20 % of each sale"),
                ("Affiliate", "Usually 10–20 % of each sale"),
                (
                    "Co-marketing",
                    "Usually no commission: the partners share the costs of joint promotions"
                ),
                (
                    "Channel",
                    "Usually 30 % or more: strategic partners who resell or bundle"
                ),
            ]
        );
    }
}
