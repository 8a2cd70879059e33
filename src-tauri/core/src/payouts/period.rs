//! One partner over a period: what they brought, earned and were paid, and what is owed at
//! its start and end. The statement prints exactly these figures.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::Payout;
use crate::error::PartnerError;
use crate::ledger::Redemption;
use crate::limits::total;
use crate::money::{currency, format, Money};
use crate::partners::{Partner, PartnerId};
use crate::store::{self, payouts, redemptions};
use crate::{Desk, Error, Result};

/// Sums over a period; voided redemptions and reversed payouts left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodTotals {
    pub redemptions: i64,
    pub voided: i64,
    pub new_customers: i64,
    pub sales: Money,
    pub discounts: Money,
    pub commissions: Money,
    pub payouts: Money,
    /// Owed at the end of the day before the period.
    pub opening_balance: Money,
    /// Owed at the end of the period's last day.
    pub closing_balance: Money,
}

/// [`PeriodTotals`] written for the screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PeriodTotalsView {
    pub redemptions: i64,
    pub voided: i64,
    pub new_customers: i64,
    pub sales: String,
    pub discounts: String,
    pub commissions: String,
    pub payouts: String,
    pub opening_balance: String,
    pub closing_balance: String,
}

impl PeriodTotals {
    /// The totals with amounts written for `locale`.
    pub fn view(&self, locale: &str) -> PeriodTotalsView {
        PeriodTotalsView {
            redemptions: self.redemptions,
            voided: self.voided,
            new_customers: self.new_customers,
            sales: format(self.sales, locale),
            discounts: format(self.discounts, locale),
            commissions: format(self.commissions, locale),
            payouts: format(self.payouts, locale),
            opening_balance: format(self.opening_balance, locale),
            closing_balance: format(self.closing_balance, locale),
        }
    }
}

/// A partner's period in full: every redemption and payout in it, and the totals.
#[derive(Debug, Clone)]
pub struct PartnerPeriod {
    pub partner: Partner,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub redemptions: Vec<Redemption>,
    pub payouts: Vec<Payout>,
    pub totals: PeriodTotals,
}

impl Desk {
    /// `partner`'s redemptions, payouts and balances on days `from..=to`.
    pub async fn partner_period(
        &self,
        partner: PartnerId,
        (from, to): (NaiveDate, NaiveDate),
    ) -> Result<PartnerPeriod> {
        let profile = self.require_profile().await?;
        let cur = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let mut conn = self.pools.reader.acquire().await?;
        let found = store::partners::get(&mut conn, partner)
            .await?
            .ok_or(PartnerError::NotFound(partner))?;
        let redemptions = redemptions::for_partner_between(&mut conn, partner, (from, to)).await?;
        let payouts = payouts::for_partner(&mut conn, partner, (from, to)).await?;
        let opening = match from.checked_sub_days(Days::new(1)) {
            Some(eve) => payouts::balance_through(&mut conn, partner, eve, cur).await?,
            None => 0,
        };
        let closing = payouts::balance_through(&mut conn, partner, to, cur).await?;
        // Only the shop's currency counts: a row in another (a file from elsewhere) is listed
        // but never added to cents.
        let counted: Vec<&Redemption> = redemptions
            .iter()
            .filter(|r| r.void.is_none() && r.sale.currency == cur)
            .collect();
        let sum = |f: fn(&Redemption) -> i64| -> Result<Money> {
            Ok(Money::new(total(counted.iter().map(|r| f(r)))?, cur))
        };
        let paid = total(
            payouts
                .iter()
                .filter(|p| p.reversal.is_none() && p.amount.currency == cur)
                .map(|p| p.amount.minor),
        )?;
        let totals = PeriodTotals {
            redemptions: counted.len() as i64,
            voided: (redemptions.len() - counted.len()) as i64,
            new_customers: counted.iter().filter(|r| r.new_customer).count() as i64,
            sales: sum(|r| r.sale.minor)?,
            discounts: sum(|r| r.discount.minor)?,
            commissions: sum(|r| r.commission.minor)?,
            payouts: Money::new(paid, cur),
            opening_balance: Money::new(opening, cur),
            closing_balance: Money::new(closing, cur),
        };
        Ok(PartnerPeriod {
            partner: found,
            from,
            to,
            redemptions,
            payouts,
            totals,
        })
    }
}
