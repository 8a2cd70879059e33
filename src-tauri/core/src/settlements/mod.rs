//! Month-end with two-way partners: both sides of each account (what we owe them, what
//! they owe us), the net and which way it points, and one settlement per partner that pays
//! the net once and clears both sides through the period's end, recording our payout and
//! their receipt together, linked to it.

mod month_end;
mod settle;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::SettlementId;
use crate::money::{format, Money};
use crate::partners::PartnerId;
use crate::terms::PayoutMethod;

pub use month_end::{MonthEnd, MonthEndRow};

/// Which way the net of a two-way account points. The core says it, so no screen ever
/// reads it off a sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum NetDirection {
    /// We owe the partner more than they owe us: we pay the difference.
    WeOwe,
    /// The partner owes us more than we owe them: they pay the difference.
    TheyOwe,
    /// The two sides cancel out.
    Even,
}

impl NetDirection {
    /// The direction of `we_owe − they_owe`.
    pub fn of(net_minor: i64) -> Self {
        match net_minor.signum() {
            1 => NetDirection::WeOwe,
            -1 => NetDirection::TheyOwe,
            _ => NetDirection::Even,
        }
    }

    /// As stored: who pays.
    pub fn as_str(self) -> &'static str {
        match self {
            NetDirection::WeOwe => "we_pay",
            NetDirection::TheyOwe => "they_pay",
            NetDirection::Even => "even",
        }
    }

    /// Parses the stored form.
    pub fn parse(text: &str) -> Option<Self> {
        [Self::WeOwe, Self::TheyOwe, Self::Even]
            .into_iter()
            .find(|d| d.as_str() == text)
    }
}

/// A net as words need it: the direction, and the amount without a sign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NetView {
    pub direction: NetDirection,
    /// Never negative: `€10.00`, whichever way it points.
    pub amount: String,
}

impl NetView {
    /// The net of `we_owe − they_owe`, written for `locale`.
    pub fn of(we_owe: Money, they_owe: Money, locale: &str) -> Self {
        let net = we_owe.minor.saturating_sub(they_owe.minor);
        NetView {
            direction: NetDirection::of(net),
            amount: format(Money::new(net.saturating_abs(), we_owe.currency), locale),
        }
    }
}

/// A month-end settlement, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settlement {
    pub id: SettlementId,
    pub partner_id: PartnerId,
    pub period: (NaiveDate, NaiveDate),
    pub settled_on: NaiveDate,
    /// What we owed them through the period's end, cleared by this settlement.
    pub we_owed: Money,
    /// What they owed us through the period's end, cleared by this settlement.
    pub they_owed: Money,
    pub direction: NetDirection,
    /// The one payment made, in `direction`.
    pub paid: Money,
    pub method: PayoutMethod,
    pub reference: String,
    pub recorded_at: DateTime<Utc>,
    pub recorded_by: String,
}

/// A settlement as the screens show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SettlementView {
    pub id: SettlementId,
    pub partner_id: PartnerId,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub settled_on: NaiveDate,
    pub we_owed: String,
    pub they_owed: String,
    pub direction: NetDirection,
    pub paid: String,
    pub method: PayoutMethod,
    pub reference: String,
    pub recorded_by: String,
    /// Set once reversed: its payout and receipt no longer count.
    pub reversal: Option<crate::payouts::Reversal>,
}

impl Settlement {
    /// The settlement for the screen, amounts written for `locale`.
    pub fn view(&self, locale: &str, reversal: Option<crate::payouts::Reversal>) -> SettlementView {
        SettlementView {
            id: self.id,
            partner_id: self.partner_id,
            period_from: self.period.0,
            period_to: self.period.1,
            settled_on: self.settled_on,
            we_owed: format(self.we_owed, locale),
            they_owed: format(self.they_owed, locale),
            direction: self.direction,
            paid: format(self.paid, locale),
            method: self.method,
            reference: self.reference.clone(),
            recorded_by: self.recorded_by.clone(),
            reversal,
        }
    }
}

/// What the owner confirms to settle with a partner for a period.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SettlementInput {
    /// `YYYY-MM-DD`: the period settled, through its last day.
    pub period_from: String,
    pub period_to: String,
    /// `YYYY-MM-DD`: the day the money changed hands.
    pub settled_on: String,
    /// The one payment in the net direction, as typed; prefilled with the net.
    pub amount: String,
    pub method: PayoutMethod,
    #[serde(default)]
    pub reference: String,
}
