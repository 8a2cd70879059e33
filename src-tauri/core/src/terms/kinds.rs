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
