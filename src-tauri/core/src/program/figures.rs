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
    /// What new customers paid (their sales less their discounts): the part of
    /// [`Figures::revenue`] partners sourced; the rest they influenced.
    pub sourced: Money,
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
    /// What partner-referred customers paid: sales less their discounts. The one revenue
    /// figure the dashboard leads with; every other figure is measured against it.
    pub fn revenue(&self) -> Money {
        Money::new(
            self.sales.minor.saturating_sub(self.discounts.minor),
            self.sales.currency,
        )
    }

    /// What returning customers who used a code paid: revenue the partners influenced
    /// rather than sourced.
    pub fn influenced(&self) -> Money {
        Money::new(
            self.revenue().minor.saturating_sub(self.sourced.minor),
            self.sales.currency,
        )
    }

    /// What the program cost: commissions and program costs. Discounts are not in it:
    /// they are already taken off what referred customers paid, and a return worked out
    /// on that revenue would count them twice. Saturates rather than wraps;
    /// [`Figures::checked`] refuses figures where it would.
    pub fn program_cost(&self) -> Money {
        let minor = self.commissions.minor.saturating_add(self.costs.minor);
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
        let cost = total([self.commissions.minor, self.costs.minor])?;
        let revenue = total([self.sales.minor, -self.discounts.minor])?;
        total([revenue, -self.sourced.minor])?;
        total([revenue, self.income.minor, -cost])?;
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

    /// Return on the program's cost: (what referred customers paid + income from partners
    /// − program cost) ÷ program cost, to a whole percent, half-even: the figures it comes
    /// from are a few months of a small shop's sales, and hundredths of a percent would be
    /// precision they do not have. `None` while nothing was spent.
    pub fn roi(&self) -> Option<Percent> {
        let cost = self.program_cost().minor;
        (cost > 0).then(|| {
            let returned = Decimal::from(self.revenue().minor) + Decimal::from(self.income.minor);
            let ratio = (returned - Decimal::from(cost)) * Decimal::from(100) / Decimal::from(cost);
            let whole = ratio.round_dp_with_strategy(0, RoundingStrategy::MidpointNearestEven);
            // Percent counts hundredths of a percent.
            Percent(
                i64::try_from(whole)
                    .unwrap_or(i64::MAX / 100)
                    .saturating_mul(100),
            )
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
            sourced: format(self.sourced, locale),
            influenced: format(self.influenced(), locale),
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
    /// What new customers paid: partner-sourced revenue.
    pub sourced: String,
    /// What returning customers who used a code paid: partner-influenced revenue.
    pub influenced: String,
    /// Commissions + program costs.
    pub program_cost: String,
    /// Program cost less partners' income, per new customer; `None` without new customers.
    pub cac: Option<String>,
    /// (What referred customers paid + partners' income − program cost) ÷ program cost, to
    /// a whole percent; `None` while nothing was spent.
    pub roi: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use iso_currency::Currency;

    fn eur(minor: i64) -> Money {
        Money::new(minor, Currency::EUR)
    }

    fn figures() -> Figures {
        Figures {
            redemptions: 3,
            new_customers: 3,
            sales: eur(10_000),
            discounts: eur(1_000),
            sourced: eur(6_000),
            commissions: eur(500),
            costs: eur(1_000),
            income: eur(0),
            received: eur(0),
        }
    }

    #[test]
    fn cac_and_roi_by_hand() {
        let f = figures();
        // Cost €15.00 (commission €5 + costs €10) over 3 new customers = €5.00.
        assert_eq!(f.program_cost(), eur(1_500));
        assert_eq!(f.cac(), Some(eur(500)));
        // Referred customers paid €90.00: (€90 − €15) ÷ €15 = 500 %.
        assert_eq!(f.roi(), Some(Percent(50_000)));
        assert_eq!(f.view("en-IE").roi.as_deref(), Some("500 %"));
        assert_eq!(f.revenue(), eur(9_000));
        let none = Figures {
            new_customers: 0,
            commissions: eur(0),
            costs: eur(0),
            ..f
        };
        assert_eq!((none.cac(), none.roi()), (None, None));
    }

    #[test]
    fn cac_rounds_half_even_to_the_cent() {
        // €1.25 over 2 new customers = €0.625 → €0.62; €1.35 over 2 = €0.675 → €0.68.
        let at = |cost: i64| Figures {
            new_customers: 2,
            commissions: eur(0),
            costs: eur(cost),
            ..figures()
        };
        assert_eq!(at(125).cac(), Some(eur(62)));
        assert_eq!(at(135).cac(), Some(eur(68)));
    }

    #[test]
    fn sourced_and_influenced_add_up_to_what_referred_customers_paid() {
        let v = figures().view("en-IE");
        assert_eq!(
            (
                v.revenue.as_str(),
                v.sourced.as_str(),
                v.influenced.as_str()
            ),
            ("€90.00", "€60.00", "€30.00")
        );
    }

    #[test]
    fn roi_is_a_whole_percent_rounded_half_even() {
        // Cost €2.00; paid €2.25 → 12.5 % → 12 %; paid €2.27 → 13.5 % → 14 %.
        let at = |paid: i64| Figures {
            sales: eur(paid),
            discounts: eur(0),
            sourced: eur(0),
            commissions: eur(200),
            costs: eur(0),
            ..figures()
        };
        assert_eq!(at(225).roi(), Some(Percent(1_200)));
        assert_eq!(at(227).roi(), Some(Percent(1_400)));
        // 13 % exactly, and written without decimals.
        assert_eq!(at(226).view("en-IE").roi.as_deref(), Some("13 %"));
        // Paid €1.00 of a €2.00 cost: half of it lost.
        assert_eq!(at(100).view("en-IE").roi.as_deref(), Some("-50 %"));
    }

    #[test]
    fn what_partners_owe_us_counts_as_income_in_cac_and_roi() {
        let f = Figures {
            income: eur(500),
            received: eur(300),
            ..figures()
        };
        // Cost €15.00 less €5.00 owed to us = €10.00 over 3 → €3.33.
        assert_eq!(f.cac(), Some(eur(333)));
        // (€90 + €5 − €15) ÷ €15 = 533.3 % → 533 %.
        assert_eq!(f.roi(), Some(Percent(53_300)));
        // Income beyond the cost makes new customers free, not paid for.
        let earning = Figures {
            income: eur(5_000),
            ..f
        };
        assert_eq!(earning.cac(), Some(eur(0)));
        assert_eq!(f.view("en-IE").received, "€3.00");
    }
}
