//! The ledger: every code redeemed at the counter, with the amounts the terms in force gave
//! at that moment. Rows are never changed; a mistake is voided by a row of its own.

mod attempts;
mod limits;
mod log;
mod till;
mod void;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::{CodeId, LookupOutcome};
use crate::money::{format, Money};
use crate::partners::PartnerId;
use crate::terms::AgreementVersionId;

pub use attempts::UnsettledSale;
pub use limits::{refuse_barcode, SaleLimits, SaleLimitsInput, SaleLimitsView, BARCODE_MIN_DIGITS};
pub(crate) use log::month_of;
pub use log::NOTE_MAX;
pub use till::{DEFAULT_TILL, RECENT_MAX, TILL_NAME_MAX};
pub use void::REASON_MAX;

use crate::ids::PersonId;
pub use crate::ids::RedemptionId;

/// One use of a code at the counter, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redemption {
    pub id: RedemptionId,
    pub idempotency_key: String,
    pub code_id: CodeId,
    /// As printed, e.g. `CRUMB-7K2Q-X9A`.
    pub code: String,
    pub partner_id: PartnerId,
    pub partner_name: String,
    /// The signed terms the amounts were computed from, and their version number.
    pub agreement_version_id: AgreementVersionId,
    pub agreement_version: i64,
    pub redeemed_at: DateTime<Utc>,
    /// The till's calendar day, which monthly caps and reports count by.
    pub local_day: NaiveDate,
    pub sale: Money,
    pub discount: Money,
    pub commission: Money,
    /// False when the terms gave nothing: the sale was below the offer's minimum, or the
    /// offer is for new customers and this one was not.
    pub offer_applied: bool,
    /// Why the terms gave nothing, when they did not.
    pub no_offer: Option<NoOffer>,
    pub new_customer: bool,
    pub note: String,
    pub till: String,
    pub logged_by: String,
    /// The signed-in person who logged it; `None` for sales logged before sign-in existed.
    pub logged_by_id: Option<PersonId>,
    pub void: Option<Void>,
}

/// Why a redemption got no discount and earned nothing, so the counter says it without
/// working it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum NoOffer {
    /// The sale was below the offer's minimum (such sales are now refused, not logged).
    BelowMinimum,
    /// The offer is for new customers only, and this customer was not on a first visit.
    NotNewCustomer,
}

impl NoOffer {
    /// Why a stored redemption got nothing: `None` when the offer applied.
    pub fn of(offer_applied: bool, new_customer: bool, new_customers_only: bool) -> Option<Self> {
        match (offer_applied, new_customers_only && !new_customer) {
            (true, _) => None,
            (false, true) => Some(NoOffer::NotNewCustomer),
            (false, false) => Some(NoOffer::BelowMinimum),
        }
    }
}

/// Why and by whom a redemption was voided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Void {
    pub at: DateTime<Utc>,
    pub by: String,
    pub reason: String,
    /// The code got its use back (a single-use card can be redeemed again).
    pub restores_use: bool,
}

/// A redemption as the counter and reports show it, amounts written as the locale does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RedemptionView {
    pub id: RedemptionId,
    pub code: String,
    pub partner_id: PartnerId,
    pub partner_name: String,
    pub agreement_version: i64,
    pub redeemed_at: DateTime<Utc>,
    pub sale: String,
    pub discount: String,
    /// What the customer pays: the sale less the discount.
    pub pays: String,
    pub commission: String,
    pub offer_applied: bool,
    /// Why there was no discount, when there was none.
    pub no_offer: Option<NoOffer>,
    pub new_customer: bool,
    pub note: String,
    pub till: String,
    pub logged_by: String,
    pub void: Option<Void>,
}

impl Redemption {
    /// The redemption for the screen, amounts formatted for `locale`.
    pub fn view(&self, locale: &str) -> RedemptionView {
        RedemptionView {
            id: self.id,
            code: self.code.clone(),
            partner_id: self.partner_id,
            partner_name: self.partner_name.clone(),
            agreement_version: self.agreement_version,
            redeemed_at: self.redeemed_at,
            sale: format(self.sale, locale),
            discount: format(self.discount, locale),
            pays: format(
                Money::new(self.sale.minor - self.discount.minor, self.sale.currency),
                locale,
            ),
            commission: format(self.commission, locale),
            offer_applied: self.offer_applied,
            no_offer: self.no_offer,
            new_customer: self.new_customer,
            note: self.note.clone(),
            till: self.till.clone(),
            logged_by: self.logged_by.clone(),
            void: self.void.clone(),
        }
    }
}

/// What the till sends to log a redemption.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RedemptionInput {
    /// Made by the till once per attempt and sent again on every retry of it.
    pub idempotency_key: String,
    /// The code as typed or scanned.
    pub code: String,
    /// As the locale writes it: `12,50` or `12.50`.
    pub sale: String,
    /// The customer's first visit; under new-customers-only terms, the offer depends on it.
    #[serde(default)]
    pub new_customer: bool,
    #[serde(default)]
    pub note: String,
    /// The cashier was asked about a sale above the "ask again" threshold and said yes.
    #[serde(default)]
    pub confirmed_large: bool,
}

/// What logging did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum LogOutcome {
    /// Saved; `replayed` when an earlier attempt with the same key had already saved it.
    Logged {
        redemption: Box<RedemptionView>,
        replayed: bool,
    },
    /// The code cannot be redeemed now (used up since it was looked up, disabled, …).
    Refused { outcome: LookupOutcome },
}

/// An owner's void of a redemption.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VoidInput {
    pub reason: String,
    /// Give the code its use back.
    #[serde(default)]
    pub restore_use: bool,
}

#[cfg(test)]
mod tests {
    use super::NoOffer;

    #[test]
    fn a_sale_without_the_offer_says_why() {
        assert_eq!(NoOffer::of(true, false, true), None);
        assert_eq!(
            NoOffer::of(false, false, true),
            Some(NoOffer::NotNewCustomer)
        );
        assert_eq!(NoOffer::of(false, true, true), Some(NoOffer::BelowMinimum));
        assert_eq!(
            NoOffer::of(false, false, false),
            Some(NoOffer::BelowMinimum)
        );
    }
}
