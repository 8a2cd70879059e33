//! Agreements: the terms agreed with each partner, in numbered versions whose signed
//! history never changes, and the arithmetic those terms drive at the counter.

mod compute;
mod input;
mod kinds;
mod print;
mod versions;
mod what_if;
mod words;

use chrono::{DateTime, NaiveDate, Utc};
use iso_currency::Currency;
use serde::Serialize;
use ts_rs::TS;

use crate::money::Money;
use crate::partners::PartnerId;

pub use crate::text::long_date;
pub use compute::SaleSplit;
pub use input::{SignInput, TermsInput, DAILY_LIMIT_MAX};
pub use kinds::{
    ModelGuide, OfferKind, PartnershipModel, PayoutCadence, PayoutMethod, RewardKind, VersionStatus,
};
pub use print::{agreement_doc, Pdf};
pub(crate) use print::{contact, safe_file_part};
pub use what_if::WhatIf;
pub use words::{offer_words, percent, reward_sentence, summary};

pub use crate::ids::AgreementVersionId;

/// A percentage with up to two decimals, held as hundredths of a percent (10.5 % = 1050).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Percent(pub i64);

/// What a referred customer gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Offer {
    None,
    PercentOff(Percent),
    AmountOff(Money),
    FreeItem(String),
}

/// What the partner earns per redemption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reward {
    None,
    /// A share of the sale; of the amount after the customer's discount unless `on_gross`.
    PercentOfSale {
        percent: Percent,
        on_gross: bool,
    },
    FixedPerRedemption(Money),
}

/// Validated terms, in domain types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terms {
    pub currency: Currency,
    pub model: PartnershipModel,
    pub effective_from: NaiveDate,
    pub effective_to: Option<NaiveDate>,
    pub offer: Offer,
    /// The offer (and so the reward) applies only to sales of at least this much.
    pub min_sale: Option<Money>,
    pub reward: Reward,
    /// Most the partner can earn in one calendar month.
    pub monthly_cap: Option<Money>,
    pub payout_cadence: PayoutCadence,
    pub payout_method: PayoutMethod,
    /// How they are paid when `payout_method` is `Other`; empty otherwise.
    pub payout_method_other: String,
    pub clauses: Vec<String>,
    pub notes: String,
    /// The reward runs both ways: the partner gives our customers the same offer and pays
    /// us the same reward for the customers we send them.
    pub reciprocal: bool,
    /// Most redemptions that get the offer per partner per shop day, whatever terms they
    /// were logged under; `None` for no limit.
    pub daily_limit: Option<i64>,
    /// The offer (and so the reward) is for customers on their first visit only.
    pub new_customers_only: bool,
}

/// The signature recorded when a version was signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Signature {
    pub signed_on: NaiveDate,
    pub our_signatory: String,
    pub partner_signatory: String,
}

/// One version of a partner's agreement, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredVersion {
    pub id: AgreementVersionId,
    pub partner_id: PartnerId,
    pub version: i64,
    pub status: VersionStatus,
    pub based_on: Option<AgreementVersionId>,
    pub terms: Terms,
    pub signature: Option<Signature>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One version as the Agreements screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgreementVersion {
    pub id: AgreementVersionId,
    pub partner_id: PartnerId,
    pub version: i64,
    pub status: VersionStatus,
    /// The form's values, so a draft opens as it was saved.
    pub terms: TermsInput,
    /// The offer and reward in plain words, as printed.
    pub summary: String,
    /// e.g. "1 December 2026 – open-ended".
    pub effective: String,
    pub signature: Option<Signature>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What `preview_terms` answers while the owner types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TermsPreview {
    pub summary: String,
    pub effective: String,
}

impl StoredVersion {
    /// The screen's view, with words in `locale`.
    pub fn view(&self, locale: &str) -> AgreementVersion {
        AgreementVersion {
            id: self.id,
            partner_id: self.partner_id,
            version: self.version,
            status: self.status,
            terms: TermsInput::from_terms(&self.terms),
            summary: words::summary(&self.terms, locale),
            effective: words::effective(&self.terms),
            signature: self.signature.clone(),
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}
