//! A partner's money over a period as the Money screen shows it, built here so the screen
//! only lays it out: amounts written for the shop's locale, and which way the balance points
//! said as a type rather than left for the UI to read off a minus sign or brackets.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{PayoutView, PeriodTotalsView};
use crate::ledger::RedemptionView;
use crate::money::{format, Money};
use crate::partners::PartnerId;
use crate::{Desk, Result};

/// Which way a balance points between the shop and a partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BalanceDirection {
    /// The partner earned more than they were paid: the shop owes them.
    WeOwe,
    /// Nothing is owed either way.
    Settled,
    /// The partner was paid more than they earned so far.
    PaidInAdvance,
}

/// A balance as words need it: the direction, and the amount without a sign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BalanceView {
    pub direction: BalanceDirection,
    /// Never negative: `€1.86`, whichever way it points.
    pub amount: String,
}

impl BalanceView {
    /// `balance` (positive: owed to the partner) written for `locale`.
    pub fn of(balance: Money, locale: &str) -> Self {
        let direction = match balance.minor.signum() {
            1 => BalanceDirection::WeOwe,
            0 => BalanceDirection::Settled,
            _ => BalanceDirection::PaidInAdvance,
        };
        let size = Money::new(balance.minor.saturating_abs(), balance.currency);
        Self {
            direction,
            amount: format(size, locale),
        }
    }
}

/// A partner's money over a period: totals, the closing balance in words, every redemption
/// and payout in it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PartnerMoney {
    pub totals: PeriodTotalsView,
    /// What is owed at the end of the period, and to whom.
    pub closing: BalanceView,
    pub redemptions: Vec<RedemptionView>,
    pub payouts: Vec<PayoutView>,
}

impl Desk {
    /// `partner`'s money on days `from..=to`, written for the shop's locale.
    pub async fn partner_money(
        &self,
        partner: PartnerId,
        period: (NaiveDate, NaiveDate),
    ) -> Result<PartnerMoney> {
        let locale = self.require_profile().await?.locale;
        let period = self.partner_period(partner, period).await?;
        Ok(PartnerMoney {
            totals: period.totals.view(&locale),
            closing: BalanceView::of(period.totals.closing_balance, &locale),
            redemptions: period.redemptions.iter().map(|r| r.view(&locale)).collect(),
            payouts: period.payouts.iter().map(|p| p.view(&locale)).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::currency;
    use crate::testing::{day, demo_desk};

    fn eur(minor: i64) -> Money {
        Money::new(minor, currency("EUR").unwrap())
    }

    #[test]
    fn a_positive_balance_is_owed_to_the_partner() {
        let owed = BalanceView::of(eur(214), "en-IE");
        assert_eq!(owed.direction, BalanceDirection::WeOwe);
        assert_eq!(owed.amount, "€2.14");
    }

    #[test]
    fn a_negative_balance_was_paid_in_advance_and_is_said_without_its_sign() {
        let ahead = BalanceView::of(eur(-186), "en-IE");
        assert_eq!(ahead.direction, BalanceDirection::PaidInAdvance);
        assert_eq!(ahead.amount, "€1.86");
        // The sign goes whatever the locale writes around the number.
        assert_eq!(BalanceView::of(eur(-186), "de-DE").amount, "1,86\u{a0}€");
    }

    #[test]
    fn a_zero_balance_is_settled() {
        let square = BalanceView::of(eur(0), "en-IE");
        assert_eq!(square.direction, BalanceDirection::Settled);
        assert_eq!(square.amount, "€0.00");
    }

    #[tokio::test]
    async fn partner_money_says_the_closing_balance_the_totals_show() {
        let (t, bakery) = demo_desk().await;
        let money = t
            .partner_money(bakery, (day(2000, 1, 1), day(2100, 1, 1)))
            .await
            .unwrap();
        let closing = &money.totals.closing_balance;
        match money.closing.direction {
            BalanceDirection::PaidInAdvance => {
                assert_eq!(closing, &format!("-{}", money.closing.amount))
            }
            _ => assert_eq!(closing, &money.closing.amount),
        }
    }
}
