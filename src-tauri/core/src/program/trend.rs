//! The dashboard's trend: what referred customers paid in each of the twelve months up to
//! the period's last, sourced (new customers) and influenced (returning ones) apart, with a
//! money axis in round steps. Every month is there, those with nothing in them marked
//! empty, so a quiet month reads as a gap in the year rather than vanishing from it.

use chrono::{Months, NaiveDate};
use iso_currency::Currency;
use serde::Serialize;
use ts_rs::TS;

use crate::ledger::month_of;
use crate::limits::total;
use crate::money::{exponent, format, format_round, Money};
use crate::store::program::{self, MonthPaid};
use crate::Result;

/// How many months the trend shows: a year, so a season compares with the last.
pub const TREND_MONTHS: u32 = 12;

/// One month of the trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MonthPoint {
    /// `YYYY-MM`.
    pub month: String,
    /// E.g. "Nov 2026".
    pub label: String,
    pub redemptions: i64,
    pub new_customers: i64,
    /// What referred customers paid, for the bar's height only; the label is `revenue`.
    pub revenue_minor: i64,
    pub revenue: String,
    /// What new customers paid, for the bar's height only; the label is `sourced`.
    pub sourced_minor: i64,
    /// Partner-sourced: what new customers paid.
    pub sourced: String,
    /// Partner-influenced: what returning customers who used a code paid.
    pub influenced: String,
    /// Nothing was redeemed in the month: shown as empty, not as a month of zeros.
    pub empty: bool,
}

/// One step of the money axis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AxisTick {
    /// Where the step sits, in minor units: for placing it only.
    pub minor: i64,
    /// E.g. "€200".
    pub label: String,
}

/// The months, oldest first, and the axis they are drawn against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Trend {
    pub months: Vec<MonthPoint>,
    /// From zero up, the last step at or above the tallest month.
    pub axis: Vec<AxisTick>,
}

/// The trend for the [`TREND_MONTHS`] months ending with the month of `last_day`.
pub(crate) async fn trend(
    conn: &mut crate::store::Conn,
    last_day: NaiveDate,
    cur: Currency,
    locale: &str,
) -> Result<Trend> {
    let (first_of_last, end) = month_of(last_day);
    let firsts: Vec<NaiveDate> = (0..TREND_MONTHS)
        .rev()
        .filter_map(|back| first_of_last.checked_sub_months(Months::new(back)))
        .collect();
    let start = firsts.first().copied().unwrap_or(first_of_last);
    let rows = program::paid_by_month(conn, (start, end), cur).await?;
    let mut months = Vec::with_capacity(firsts.len());
    for first in firsts {
        let key = first.format("%Y-%m").to_string();
        let row = rows.iter().find(|r| r.month == key);
        months.push(point(key, first, row, cur, locale)?);
    }
    let tallest = months.iter().map(|m| m.revenue_minor).max().unwrap_or(0);
    Ok(Trend {
        axis: axis(tallest, cur, locale),
        months,
    })
}

fn point(
    month: String,
    first: NaiveDate,
    row: Option<&MonthPaid>,
    cur: Currency,
    locale: &str,
) -> Result<MonthPoint> {
    let (redemptions, new_customers, revenue, sourced) = match row {
        Some(r) => (
            r.redemptions,
            r.new_customers,
            total([r.sales, -r.discounts])?,
            total([r.sourced_sales, -r.sourced_discounts])?,
        ),
        None => (0, 0, 0, 0),
    };
    let influenced = total([revenue, -sourced])?;
    let money = |minor| format(Money::new(minor, cur), locale);
    Ok(MonthPoint {
        month,
        label: first.format("%b %Y").to_string(),
        redemptions,
        new_customers,
        revenue_minor: revenue,
        revenue: money(revenue),
        sourced_minor: sourced,
        sourced: money(sourced),
        influenced: money(influenced),
        empty: redemptions == 0,
    })
}

/// Steps of 1, 2 or 5 times a power of ten whole units, about four of them up to `tallest`
/// (minor units): round amounts a person reads at a glance. A year with nothing in it still
/// gets one step, so the axis says what it measures.
pub(crate) fn axis(tallest: i64, cur: Currency, locale: &str) -> Vec<AxisTick> {
    const ABOUT: i128 = 4;
    let unit = 10i128.pow(exponent(cur));
    let tallest = i128::from(tallest.max(0));
    let mut step = unit;
    'search: for power in 0..19 {
        for m in [1, 2, 5] {
            step = m * unit * 10i128.pow(power);
            if step * ABOUT >= tallest {
                break 'search;
            }
        }
    }
    let steps = ((tallest + step - 1) / step).max(1);
    (0..=steps)
        .filter_map(|i| i64::try_from(i * step).ok())
        .map(|minor| AxisTick {
            minor,
            label: format_round(Money::new(minor, cur), locale),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(tallest: i64, cur: Currency) -> Vec<String> {
        axis(tallest, cur, "en-IE")
            .into_iter()
            .map(|t| t.label)
            .collect()
    }

    #[test]
    fn the_axis_climbs_in_round_steps_past_the_tallest_month() {
        // €391.50: steps of €100 (€50 would need eight).
        assert_eq!(
            labels(39_150, Currency::EUR),
            ["€0", "€100", "€200", "€300", "€400"]
        );
        // €43.50: steps of €20.
        assert_eq!(labels(4_350, Currency::EUR), ["€0", "€20", "€40", "€60"]);
        // Exactly on a step: no empty step above it.
        assert_eq!(
            labels(2_000, Currency::EUR),
            ["€0", "€5", "€10", "€15", "€20"]
        );
        // Yen have no minor unit: the steps are whole yen all the same.
        assert_eq!(
            labels(1_234, Currency::JPY),
            ["¥0", "¥500", "¥1,000", "¥1,500"]
        );
    }

    #[test]
    fn a_year_with_nothing_still_has_one_step() {
        assert_eq!(labels(0, Currency::EUR), ["€0", "€1"]);
    }

    #[test]
    fn the_largest_amounts_still_get_an_axis() {
        let ticks = axis(i64::MAX, Currency::EUR, "en-IE");
        assert!(ticks.len() >= 2, "{ticks:?}");
        assert!(ticks.windows(2).all(|w| w[0].minor < w[1].minor));
    }
}
