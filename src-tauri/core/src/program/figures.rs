//! The figures the owner judges the program by, for one partner or the whole program:
//! what it brought, what it cost, and what each new customer cost.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use ts_rs::TS;

use crate::error::MoneyError;
use crate::limits::total;
use crate::money::{format, Money};
use crate::terms::{percent, Percent};

/// Sums over a period, voided redemptions left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    pub redemptions: i64,
    pub new_customers: i64,
    /// Sales brought by partners, before the customer's discount.
    pub sales: Money,
    pub discounts: Money,
    pub commissions: Money,
    /// Printing, events, joint promotions and other spending.
    pub costs: Money,
    /// Program income: what partners owe us for the customers we sent them (statement
    /// periods ending in the days), the other side of a two-way partnership.
    pub income: Money,
    /// What partners paid us in the days, towards that income (shown, not added again).
    pub received: Money,
}

impl Figures {
    /// What partner-referred customers paid: sales less their discounts.
    pub fn revenue(&self) -> Money {
        Money::new(
            self.sales.minor.saturating_sub(self.discounts.minor),
            self.sales.currency,
        )
    }

    /// Everything the program cost: commissions, discounts given and program costs.
    /// Saturates rather than wraps; [`Figures::checked`] refuses figures where it would.
    pub fn program_cost(&self) -> Money {
        let minor = self
            .commissions
            .minor
            .saturating_add(self.discounts.minor)
            .saturating_add(self.costs.minor);
        Money::new(minor, self.sales.currency)
    }

    /// What the program cost once partners' income is counted against it, never below
    /// zero: income beyond the cost pays for no customer twice.
    pub fn net_cost(&self) -> Money {
        let minor = self
            .program_cost()
            .minor
            .saturating_sub(self.income.minor)
            .max(0);
        Money::new(minor, self.sales.currency)
    }

    /// The figures, if every total they derive fits in an amount.
    pub fn checked(&self) -> Result<&Self, MoneyError> {
        let cost = total([
            self.commissions.minor,
            self.discounts.minor,
            self.costs.minor,
        ])?;
        total([self.sales.minor, -self.discounts.minor])?;
        total([self.sales.minor, self.income.minor, -cost])?;
        Ok(self)
    }

    /// Partner-channel customer acquisition cost: what the program cost, less what partners
    /// owe us for the customers we sent them, per new customer (half-even to the minor
    /// unit); `None` without new customers.
    pub fn cac(&self) -> Option<Money> {
        (self.new_customers > 0)
            .then(|| self.net_cost().to_decimal() / Decimal::from(self.new_customers))
            .and_then(|each| Money::from_decimal(each, self.sales.currency))
    }

    /// Return on the program's cost, in hundredths of a percent: (sales brought + income
    /// from partners − cost) ÷ cost; `None` while nothing was spent.
    pub fn roi(&self) -> Option<Percent> {
        let cost = self.program_cost().minor;
        (cost > 0).then(|| {
            let returned = Decimal::from(self.sales.minor) + Decimal::from(self.income.minor);
            let ratio =
                (returned - Decimal::from(cost)) * Decimal::from(10_000) / Decimal::from(cost);
            let rounded = ratio.round_dp_with_strategy(0, RoundingStrategy::MidpointNearestEven);
            Percent(i64::try_from(rounded).unwrap_or(i64::MAX))
        })
    }

    /// The figures written for `locale`.
    pub fn view(&self, locale: &str) -> FiguresView {
        FiguresView {
            redemptions: self.redemptions,
            new_customers: self.new_customers,
            sales: format(self.sales, locale),
            discounts: format(self.discounts, locale),
            commissions: format(self.commissions, locale),
            costs: format(self.costs, locale),
            income: format(self.income, locale),
            received: format(self.received, locale),
            revenue: format(self.revenue(), locale),
            program_cost: format(self.program_cost(), locale),
            cac: self.cac().map(|m| format(m, locale)),
            roi: self.roi().map(|p| percent(p, locale)),
        }
    }
}

/// [`Figures`] for the screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FiguresView {
    pub redemptions: i64,
    pub new_customers: i64,
    pub sales: String,
    pub discounts: String,
    pub commissions: String,
    pub costs: String,
    /// What partners owe us for the customers we sent them: program income.
    pub income: String,
    /// What partners paid us.
    pub received: String,
    /// Sales less discounts: what referred customers paid.
    pub revenue: String,
    /// Commissions + discounts + costs.
    pub program_cost: String,
    /// Program cost less partners' income, per new customer; `None` without new customers.
    pub cac: Option<String>,
    /// (Sales + partners' income − program cost) ÷ program cost; `None` while nothing was
    /// spent.
    pub roi: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use iso_currency::Currency;

    fn eur(minor: i64) -> Money {
        Money::new(minor, Currency::EUR)
    }

    #[test]
    fn cac_and_roi_by_hand() {
        let f = Figures {
            redemptions: 3,
            new_customers: 3,
            sales: eur(10_000),
            discounts: eur(1_000),
            commissions: eur(500),
            costs: eur(1_000),
            income: eur(0),
            received: eur(0),
        };
        // Cost €25.00 over 3 new customers = €8.333… → €8.33.
        assert_eq!(f.cac(), Some(eur(833)));
        // (€100 − €25) ÷ €25 = 300 %.
        assert_eq!(f.roi(), Some(Percent(30_000)));
        assert_eq!(f.view("en-IE").roi.as_deref(), Some("300 %"));
        assert_eq!(f.revenue(), eur(9_000));
        let none = Figures {
            new_customers: 0,
            discounts: eur(0),
            commissions: eur(0),
            costs: eur(0),
            ..f
        };
        assert_eq!((none.cac(), none.roi()), (None, None));
    }

    #[test]
    fn what_partners_owe_us_counts_as_income_in_cac_and_roi() {
        let f = Figures {
            redemptions: 3,
            new_customers: 3,
            sales: eur(10_000),
            discounts: eur(1_000),
            commissions: eur(500),
            costs: eur(1_000),
            income: eur(500),
            received: eur(300),
        };
        // Cost €25.00 less €5.00 owed to us = €20.00 over 3 → €6.67.
        assert_eq!(f.cac(), Some(eur(667)));
        // (€100 + €5 − €25) ÷ €25 = 320 %.
        assert_eq!(f.roi(), Some(Percent(32_000)));
        // Income beyond the cost makes new customers free, not paid for.
        let earning = Figures {
            income: eur(5_000),
            ..f
        };
        assert_eq!(earning.cac(), Some(eur(0)));
        assert_eq!(f.view("en-IE").received, "€3.00");
    }
}
