//! The Money screen's dashboard: headline figures, the partners ranked by what their
//! customers paid, redemptions and sales per week, the year's trend by month, and goal
//! progress, for any date range.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::share::revenue_share;
use super::trend::{axis, trend, AxisTick, Trend};
use super::{Figures, FiguresView, GoalProgress};
use crate::limits;
use crate::money::{currency, format, Money};
use crate::partners::PartnerId;
use crate::store::program::{self, PartnerSums};
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

/// One partner's week (starting Monday) for the chart, or the other partners' together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WeekPoint {
    pub week: NaiveDate,
    /// `None`: every partner the chart does not show on its own, together.
    pub partner_id: Option<PartnerId>,
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
    /// The shop's whole revenue over the months the share is worked out from.
    pub shop_revenue: Option<String>,
    /// What partner-referred customers paid as a share of the shop's revenue, over the
    /// whole months of the period that have the shop's revenue entered.
    pub share: Option<String>,
    /// Which months the share used ("… in October and November 2026"), or why it has none
    /// although revenue is entered; `None` when no revenue is entered for these months.
    pub share_hint: Option<String>,
    /// Best first: by what their customers paid.
    pub partners: Vec<PartnerRow>,
    /// Program costs booked to no partner: in the total's cost per new customer, in no
    /// partner's.
    pub shared_costs: String,
    pub weeks: Vec<WeekPoint>,
    /// Every week (its Monday) the period touches, oldest first: a week with no point in
    /// `weeks` is drawn empty, not left out.
    pub week_starts: Vec<NaiveDate>,
    /// The sales axis of the weekly chart, in round steps past its tallest bar.
    pub week_axis: Vec<AxisTick>,
    /// The twelve months up to the period's last, whatever the period's first day.
    pub trend: Trend,
    pub goals: Vec<GoalProgress>,
}

fn figures(s: &PartnerSums, cur: iso_currency::Currency) -> Figures {
    Figures {
        redemptions: s.redemptions,
        new_customers: s.new_customers,
        sales: Money::new(s.sales, cur),
        discounts: Money::new(s.discounts, cur),
        sourced: Money::new(s.sourced_sales.saturating_sub(s.sourced_discounts), cur),
        commissions: Money::new(s.commissions, cur),
        costs: Money::new(s.costs, cur),
        income: Money::new(s.income, cur),
        received: Money::new(s.received, cur),
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
            sourced: Money::new(
                limits::total([add(|s| s.sourced_sales)?, -add(|s| s.sourced_discounts)?])?,
                cur,
            ),
            commissions: Money::new(add(|s| s.commissions)?, cur),
            costs: Money::new(limits::total([add(|s| s.costs)?, shared])?, cur),
            income: Money::new(add(|s| s.income)?, cur),
            received: Money::new(add(|s| s.received)?, cur),
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
        let mut conn = self.pools.reader.acquire().await?;
        let share = revenue_share(&mut conn, (from, to), cur, locale).await?;
        let shared = program::shared_costs(&mut conn, (from, to), cur).await?;
        let shown = chart_partners(&partners);
        let days = program::daily(&mut conn, (from, to), cur, &shown).await?;
        let weeks = weekly(days)?
            .into_iter()
            .map(|((week, partner_id), (redemptions, sales))| WeekPoint {
                week,
                partner_id,
                redemptions,
                sales_minor: sales,
                sales: format(Money::new(sales, cur), locale),
            })
            .collect::<Vec<_>>();
        let tallest_week = weeks.iter().map(|w| w.sales_minor).max().unwrap_or(0);
        let trend = trend(&mut conn, to, cur, locale).await?;
        drop(conn);
        let goals = self.goal_progress(cur, locale).await?;
        Ok(Dashboard {
            from,
            to,
            total: total.view(locale),
            shop_revenue: share.shop.map(|shop| format(shop, locale)),
            share: share.hundredths.map(|s| percent(Percent(s), locale)),
            share_hint: share.hint,
            partners: partners
                .into_iter()
                .map(|(partner_id, name, f)| PartnerRow {
                    partner_id,
                    name,
                    figures: f.view(locale),
                })
                .collect(),
            shared_costs: format(Money::new(shared, cur), locale),
            weeks,
            week_starts: mondays((from, to)),
            week_axis: axis(tallest_week, cur, locale),
            trend,
            goals,
        })
    }
}

/// The most partners the weekly chart draws on their own (its palette's colours, less one
/// for the rest together).
const CHART_PARTNERS: usize = 7;

/// The partners the weekly chart shows on its own, best first: every partner with sales in
/// the period when they fit its colours, else the best [`CHART_PARTNERS`], the rest drawn
/// as one. (A partner with only costs or income in the period has no bars.)
fn chart_partners(best_first: &[(PartnerId, String, Figures)]) -> Vec<PartnerId> {
    let selling: Vec<PartnerId> = best_first
        .iter()
        .filter(|(_, _, f)| f.redemptions > 0)
        .map(|(id, _, _)| *id)
        .collect();
    let take = if selling.len() <= CHART_PARTNERS + 1 {
        selling.len()
    } else {
        CHART_PARTNERS
    };
    selling.into_iter().take(take).collect()
}

/// Redemptions and sales per week (its Monday) and partner shown, the others as `None`.
type Weeks = BTreeMap<(NaiveDate, Option<PartnerId>), (i64, i64)>;

/// Days folded into their weeks, oldest week first.
fn weekly(days: Vec<program::DayRow>) -> Result<Weeks> {
    let mut weeks = BTreeMap::new();
    for day in days {
        let Ok(on) = NaiveDate::parse_from_str(&day.local_day, "%Y-%m-%d") else {
            continue;
        };
        let monday = on - chrono::Days::new(u64::from(on.weekday().num_days_from_monday()));
        let sums: &mut (i64, i64) = weeks.entry((monday, day.partner_id)).or_default();
        *sums = (
            limits::total([sums.0, day.redemptions])?,
            limits::total([sums.1, day.sales])?,
        );
    }
    Ok(weeks)
}

/// The Monday of every week `from..=to` touches, oldest first.
fn mondays((from, to): (NaiveDate, NaiveDate)) -> Vec<NaiveDate> {
    let monday =
        |d: NaiveDate| d - chrono::Days::new(u64::from(d.weekday().num_days_from_monday()));
    let mut week = monday(from);
    let mut weeks = Vec::new();
    while week <= to {
        weeks.push(week);
        week = week + chrono::Days::new(7);
    }
    weeks
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    #[test]
    fn every_week_the_period_touches_is_listed_from_its_monday() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).expect("date");
        // Sunday 1 November to Tuesday 1 December 2026: six weeks, the first from 26 October.
        let weeks = super::mondays((d(11, 1), d(12, 1)));
        assert_eq!(weeks.first(), Some(&d(10, 26)));
        assert_eq!(weeks.last(), Some(&d(11, 30)));
        assert_eq!(weeks.len(), 6);
        assert_eq!(super::mondays((d(11, 2), d(11, 2))), [d(11, 2)]);
    }
}
