//! A campaign's results, live while it runs and after: the redemptions of the codes issued
//! for it over its days, the costs booked to it, what each new customer cost, and the
//! budget used; in total and per partner inside it. The figure math is the program's own
//! ([`Figures`]), so a campaign's cost per new customer is worked out as the dashboard's.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use ts_rs::TS;

use super::{Campaign, CampaignId, CampaignView};
use crate::limits;
use crate::money::{currency, format, Money};
use crate::partners::PartnerId;
use crate::program::{Figures, FiguresView};
use crate::store::campaigns::{self, CampaignSums};
use crate::{Desk, Error, Result};

/// Whether a campaign kept to its budget. The core decides, so no screen compares amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BudgetState {
    /// Costs, commissions and discounts together are at most the budget.
    Within,
    /// They are above it.
    Over,
    /// The campaign has no budget to compare with.
    NoBudget,
}

/// One partner's figures inside a campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerFigures {
    pub partner_id: PartnerId,
    pub name: String,
    /// False for a partner who left the campaign after their codes or costs were in it.
    pub taking_part: bool,
    /// Codes issued for the campaign to the partner.
    pub codes: i64,
    pub figures: Figures,
}

/// A campaign's results as amounts, before they are written for a screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignFigures {
    pub campaign: Campaign,
    /// Codes issued for the campaign.
    pub codes: i64,
    /// Every partner's figures, and the costs booked to the campaign for no partner.
    pub total: Figures,
    /// Best first, by what their customers paid.
    pub partners: Vec<PartnerFigures>,
}

impl CampaignFigures {
    /// What the campaign used of its budget: costs, commissions and the discounts it gave
    /// away. Unlike the program's cost (which leaves discounts to the revenue they came off),
    /// a budget for a joint event counts every euro the event gave.
    pub fn used(&self) -> Money {
        let t = &self.total;
        let minor = t.program_cost().minor.saturating_add(t.discounts.minor);
        Money::new(minor, t.sales.currency)
    }

    /// Whether what was used is within the budget.
    pub fn budget_state(&self) -> BudgetState {
        match self.campaign.budget {
            None => BudgetState::NoBudget,
            Some(budget) if self.used().minor <= budget.minor => BudgetState::Within,
            Some(_) => BudgetState::Over,
        }
    }

    /// The budget for the screen, written for `locale`.
    pub fn budget_view(&self, locale: &str) -> BudgetView {
        let used = self.used();
        let state = self.budget_state();
        let Some(budget) = self.campaign.budget else {
            return BudgetView {
                state,
                budget: None,
                used: format(used, locale),
                left: None,
                over_by: None,
                used_percent: None,
                words: format!("No budget set; {} spent.", format(used, locale)),
            };
        };
        let gap = Money::new(budget.minor.saturating_sub(used.minor), used.currency);
        let over = Money::new(gap.minor.saturating_neg().max(0), used.currency);
        let left = gap.max_zero();
        let words = match state {
            BudgetState::Over => format!(
                "{} over the {} budget.",
                format(over, locale),
                format(budget, locale)
            ),
            _ => format!(
                "{} of {} used; {} left.",
                format(used, locale),
                format(budget, locale),
                format(left, locale)
            ),
        };
        BudgetView {
            state,
            budget: Some(format(budget, locale)),
            used: format(used, locale),
            left: Some(format(left, locale)),
            over_by: (state == BudgetState::Over).then(|| format(over, locale)),
            used_percent: percent_of(used.minor, budget.minor),
            words,
        }
    }
}

/// `part` as a whole percent of `whole` (half-even); `None` when `whole` is zero.
fn percent_of(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| {
        let ratio = Decimal::from(part) * Decimal::from(100) / Decimal::from(whole);
        let rounded = ratio.round_dp_with_strategy(0, RoundingStrategy::MidpointNearestEven);
        i64::try_from(rounded).unwrap_or(i64::MAX)
    })
}

/// The budget as the results show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BudgetView {
    pub state: BudgetState,
    /// `None` without a budget.
    pub budget: Option<String>,
    /// Costs, commissions and discounts together.
    pub used: String,
    /// What is left of the budget, never below zero; `None` without a budget.
    pub left: Option<String>,
    /// How far over the budget; `None` unless over.
    pub over_by: Option<String>,
    /// What was used as a whole percent of the budget, for the bar (above 100 when over);
    /// `None` without a budget or with a budget of zero.
    pub used_percent: Option<i64>,
    /// "€120.00 of €500.00 used; €380.00 left."
    pub words: String,
}

/// One partner's line in a campaign's results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignPartnerResult {
    pub partner_id: PartnerId,
    pub name: String,
    pub taking_part: bool,
    pub codes: i64,
    pub figures: FiguresView,
}

/// A campaign's results for the screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignResults {
    pub campaign: CampaignView,
    pub codes: i64,
    pub total: FiguresView,
    pub budget: BudgetView,
    /// Best first, by what their customers paid.
    pub partners: Vec<CampaignPartnerResult>,
}

fn figures(s: &CampaignSums, cur: iso_currency::Currency) -> Figures {
    Figures {
        redemptions: s.redemptions,
        new_customers: s.new_customers,
        sales: Money::new(s.sales, cur),
        discounts: Money::new(s.discounts, cur),
        commissions: Money::new(s.commissions, cur),
        sourced: Money::new(s.sourced, cur),
        costs: Money::new(s.costs, cur),
        // A campaign's customers are ours: what partners owe us is the month-end's, not its.
        income: Money::zero(cur),
        received: Money::zero(cur),
    }
}

impl Desk {
    /// Campaign `id`'s figures: its codes' redemptions over its days (voided ones left
    /// out) and every cost booked to it that was not reversed, in total and per partner.
    pub async fn campaign_figures(&self, id: CampaignId) -> Result<CampaignFigures> {
        let profile = self.require_profile().await?;
        let cur = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let mut conn = self.pools.reader.acquire().await?;
        let campaign = super::manage::fetch(&mut conn, id).await?;
        let days = (campaign.starts_on, campaign.ends_on);
        let sums = campaigns::partner_sums(&mut conn, id, days, cur).await?;
        let shared = campaigns::shared_costs(&mut conn, id, cur).await?;
        drop(conn);
        let add = |f: fn(&CampaignSums) -> i64| limits::total(sums.iter().map(f));
        let total = Figures {
            redemptions: add(|s| s.redemptions)?,
            new_customers: add(|s| s.new_customers)?,
            sales: Money::new(add(|s| s.sales)?, cur),
            discounts: Money::new(add(|s| s.discounts)?, cur),
            commissions: Money::new(add(|s| s.commissions)?, cur),
            sourced: Money::new(add(|s| s.sourced)?, cur),
            costs: Money::new(limits::total([add(|s| s.costs)?, shared])?, cur),
            income: Money::zero(cur),
            received: Money::zero(cur),
        };
        // What the figures derive (program cost, the budget used) must be countable too.
        total.checked()?;
        let partners = sums
            .iter()
            .map(|s| {
                let f = figures(s, cur);
                f.checked()?;
                Ok(PartnerFigures {
                    partner_id: PartnerId(s.partner_id),
                    name: s.name.clone(),
                    taking_part: s.taking_part,
                    codes: s.codes,
                    figures: f,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(CampaignFigures {
            campaign,
            codes: add(|s| s.codes)?,
            total,
            partners,
        })
    }

    /// Campaign `id`'s results for the screen, with where it stands today.
    pub async fn campaign_results(&self, id: CampaignId) -> Result<CampaignResults> {
        let locale = self.require_profile().await?.locale;
        let f = self.campaign_figures(id).await?;
        Ok(CampaignResults {
            campaign: f.campaign.view(self.today(), &locale),
            codes: f.codes,
            total: f.total.view(&locale),
            budget: f.budget_view(&locale),
            partners: f
                .partners
                .iter()
                .map(|p| CampaignPartnerResult {
                    partner_id: p.partner_id,
                    name: p.name.clone(),
                    taking_part: p.taking_part,
                    codes: p.codes,
                    figures: p.figures.view(&locale),
                })
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iso_currency::Currency;

    #[test]
    fn the_budget_bar_is_a_whole_percent_rounded_half_even() {
        assert_eq!(percent_of(125, 1000), Some(12));
        assert_eq!(percent_of(135, 1000), Some(14));
        assert_eq!(percent_of(1500, 1000), Some(150));
        assert_eq!(percent_of(5, 0), None);
    }

    #[test]
    fn money_left_and_over_never_show_a_sign() {
        let eur = |m| Money::new(m, Currency::EUR);
        let campaign = Campaign {
            id: CampaignId(1),
            name: "Market".into(),
            starts_on: chrono::NaiveDate::MIN,
            ends_on: chrono::NaiveDate::MIN,
            budget: Some(eur(10_000)),
            notes: String::new(),
            partners: vec![],
            created_at: chrono::DateTime::default(),
            created_by: "owner".into(),
        };
        let spent = |costs| CampaignFigures {
            campaign: campaign.clone(),
            codes: 0,
            total: Figures {
                redemptions: 0,
                new_customers: 0,
                sales: eur(0),
                discounts: eur(0),
                commissions: eur(0),
                sourced: eur(0),
                costs: eur(costs),
                income: eur(0),
                received: eur(0),
            },
            partners: vec![],
        };
        let within = spent(2_500).budget_view("en-IE");
        assert_eq!(within.state, BudgetState::Within);
        assert_eq!(within.words, "€25.00 of €100.00 used; €75.00 left.");
        assert_eq!(within.used_percent, Some(25));
        let over = spent(12_000).budget_view("en-IE");
        assert_eq!(over.state, BudgetState::Over);
        assert_eq!(over.over_by.as_deref(), Some("€20.00"));
        assert_eq!(over.left.as_deref(), Some("€0.00"));
        assert_eq!(over.words, "€20.00 over the €100.00 budget.");
        let exact = spent(10_000).budget_view("en-IE");
        assert_eq!(exact.state, BudgetState::Within);
    }
}
