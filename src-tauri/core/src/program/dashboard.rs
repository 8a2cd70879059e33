//! The Money screen's dashboard: headline figures, the partners ranked by what their
//! customers paid, redemptions and sales per week, and goal progress, for any date range.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use ts_rs::TS;

use super::{Figures, FiguresView, GoalProgress};
use crate::ledger::month_of;
use crate::limits;
use crate::money::{currency, format, Money};
use crate::partners::PartnerId;
use crate::store::program::{self, PartnerSums};
use crate::store::revenue;
use crate::terms::{percent, Percent};
use crate::{Desk, Error, Result};

/// One partner's line on the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PartnerRow {
    pub partner_id: PartnerId,
    pub name: String,
    pub figures: FiguresView,
}

/// One partner's week (starting Monday) for the chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WeekPoint {
    pub week: NaiveDate,
    pub partner_id: PartnerId,
    pub redemptions: i64,
    /// For the bar's height only; the label is `sales`.
    pub sales_minor: i64,
    pub sales: String,
}

/// Everything the dashboard shows for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub total: FiguresView,
    /// The shop's whole revenue in the period's months, when the owner entered it.
    pub shop_revenue: Option<String>,
    /// What partner-referred customers paid as a share of the shop's revenue.
    pub share: Option<String>,
    /// Best first: by what their customers paid.
    pub partners: Vec<PartnerRow>,
    pub weeks: Vec<WeekPoint>,
    pub goals: Vec<GoalProgress>,
}

fn figures(s: &PartnerSums, cur: iso_currency::Currency) -> Figures {
    Figures {
        redemptions: s.redemptions,
        new_customers: s.new_customers,
        sales: Money::new(s.sales, cur),
        discounts: Money::new(s.discounts, cur),
        commissions: Money::new(s.commissions, cur),
        costs: Money::new(s.costs, cur),
    }
}

impl Desk {
    /// The whole program's figures over `from..=to`, and each partner's, best first.
    pub async fn program_figures(
        &self,
        period: (NaiveDate, NaiveDate),
    ) -> Result<(Figures, Vec<(PartnerId, String, Figures)>)> {
        let profile = self.require_profile().await?;
        let cur = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let mut conn = self.pools.reader.acquire().await?;
        let sums = program::partner_sums(&mut conn, period, cur).await?;
        let shared = program::shared_costs(&mut conn, period, cur).await?;
        let partners: Vec<_> = sums
            .iter()
            .map(|s| (PartnerId(s.partner_id), s.name.clone(), figures(s, cur)))
            .collect();
        let add = |f: fn(&PartnerSums) -> i64| limits::total(sums.iter().map(f));
        let total = Figures {
            redemptions: add(|s| s.redemptions)?,
            new_customers: add(|s| s.new_customers)?,
            sales: Money::new(add(|s| s.sales)?, cur),
            discounts: Money::new(add(|s| s.discounts)?, cur),
            commissions: Money::new(add(|s| s.commissions)?, cur),
            costs: Money::new(limits::total([add(|s| s.costs)?, shared])?, cur),
        };
        // What the figures derive (program cost) must be countable too, so the view never
        // has to add past an i64.
        total.checked()?;
        for (_, _, f) in &partners {
            f.checked()?;
        }
        Ok((total, partners))
    }

    /// The dashboard for days `from..=to`.
    pub async fn dashboard(&self, (from, to): (NaiveDate, NaiveDate)) -> Result<Dashboard> {
        let profile = self.require_profile().await?;
        let cur = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let locale = profile.locale.as_str();
        let (total, partners) = self.program_figures((from, to)).await?;
        let (this_month, _) = self.program_figures(month_of(self.today())).await?;
        let mut conn = self.pools.reader.acquire().await?;
        let months = (
            from.format("%Y-%m").to_string(),
            to.format("%Y-%m").to_string(),
        );
        let entered = revenue::in_force_between(&mut conn, (&months.0, &months.1), cur).await?;
        let shop_minor = limits::total(entered.iter().map(|(_, minor)| *minor))?;
        let share = (shop_minor > 0).then(|| {
            let ratio = Decimal::from(total.revenue().minor) * Decimal::from(10_000)
                / Decimal::from(shop_minor);
            let rounded = ratio.round_dp_with_strategy(0, RoundingStrategy::MidpointNearestEven);
            i64::try_from(rounded).unwrap_or(i64::MAX)
        });
        let weeks = program::weekly(&mut conn, (from, to), cur)
            .await?
            .into_iter()
            .filter_map(|w| {
                Some(WeekPoint {
                    week: NaiveDate::parse_from_str(&w.week, "%Y-%m-%d").ok()?,
                    partner_id: PartnerId(w.partner_id),
                    redemptions: w.redemptions,
                    sales_minor: w.sales,
                    sales: format(Money::new(w.sales, cur), locale),
                })
            })
            .collect();
        drop(conn);
        let goals = self
            .goals()
            .await?
            .iter()
            .map(|g| g.progress(share, this_month.new_customers, locale))
            .collect();
        Ok(Dashboard {
            from,
            to,
            total: total.view(locale),
            shop_revenue: (!entered.is_empty())
                .then(|| format(Money::new(shop_minor, cur), locale)),
            share: share.map(|s| percent(Percent(s), locale)),
            partners: partners
                .into_iter()
                .map(|(partner_id, name, f)| PartnerRow {
                    partner_id,
                    name,
                    figures: f.view(locale),
                })
                .collect(),
            weeks,
            goals,
        })
    }
}
