//! Paying partners: payouts recorded against what they earned, never edited, only reversed;
//! and the figures a partner's statement shows for a period.

mod period;
mod print;
mod record;
mod view;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::money::{format, Money};
use crate::partners::PartnerId;
use crate::terms::PayoutMethod;

pub use period::{PartnerPeriod, PeriodTotals, PeriodTotalsView};
pub use view::{BalanceDirection, BalanceView, PartnerMoney};

pub use crate::ids::PayoutId;

/// Money paid to a partner, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payout {
    pub id: PayoutId,
    pub partner_id: PartnerId,
    pub paid_on: NaiveDate,
    pub amount: Money,
    pub method: PayoutMethod,
    /// The bank reference, receipt number, … as the owner wrote it.
    pub reference: String,
    /// The period the payment settles, when the owner said.
    pub period_from: Option<NaiveDate>,
    pub period_to: Option<NaiveDate>,
    pub recorded_at: DateTime<Utc>,
    pub recorded_by: String,
    /// The month-end settlement this payout is our side of, if one.
    pub settlement_id: Option<crate::ids::SettlementId>,
    pub reversal: Option<Reversal>,
}

/// Why, when and by whom a payout or a program cost was reversed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reversal {
    pub at: DateTime<Utc>,
    pub by: String,
    pub reason: String,
}

/// A payout as the Money screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutView {
    pub id: PayoutId,
    pub partner_id: PartnerId,
    pub paid_on: NaiveDate,
    pub amount: String,
    pub method: PayoutMethod,
    pub reference: String,
    pub period_from: Option<NaiveDate>,
    pub period_to: Option<NaiveDate>,
    pub recorded_by: String,
    pub reversal: Option<Reversal>,
}

impl Payout {
    /// The payout for the screen, its amount written for `locale`.
    pub fn view(&self, locale: &str) -> PayoutView {
        PayoutView {
            id: self.id,
            partner_id: self.partner_id,
            paid_on: self.paid_on,
            amount: format(self.amount, locale),
            method: self.method,
            reference: self.reference.clone(),
            period_from: self.period_from,
            period_to: self.period_to,
            recorded_by: self.recorded_by.clone(),
            reversal: self.reversal.clone(),
        }
    }
}

/// What the owner types to record a payout.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutInput {
    /// `YYYY-MM-DD`.
    pub paid_on: String,
    /// As the locale writes it: `12,50` or `12.50`.
    pub amount: String,
    pub method: PayoutMethod,
    #[serde(default)]
    pub reference: String,
    /// `YYYY-MM-DD` or blank.
    #[serde(default)]
    pub period_from: String,
    #[serde(default)]
    pub period_to: String,
    /// The owner said yes to paying more than the partner is owed.
    #[serde(default)]
    pub confirm_over_balance: bool,
}
