//! The partners' share of the shop's revenue: what partner-referred customers paid, over the
//! shop's whole revenue, both over the same months. Only months that lie wholly in the
//! period and have the shop's revenue entered count: a month half in the period would divide
//! half a month of partner sales by a whole month of the shop's revenue, and a month without
//! revenue entered would add partner sales over nothing.

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::ledger::month_of;
use crate::limits;
use crate::money::{format, Money};
use crate::store::{program, revenue};
use crate::Result;

/// The share and what it was worked out from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Share {
    /// Hundredths of a percent; `None` without a month to count or with no revenue in them.
    pub hundredths: Option<i64>,
    /// The shop's revenue over the months used.
    pub shop: Option<Money>,
    /// What the dashboard says beside the figure: the months used, or why there are none.
    pub hint: Option<String>,
}

/// The share over days `from..=to`, in `cur`, read on `conn`.
pub(crate) async fn revenue_share(
    conn: &mut crate::store::Conn,
    (from, to): (NaiveDate, NaiveDate),
    cur: iso_currency::Currency,
    locale: &str,
) -> Result<Share> {
    let months = (
        from.format("%Y-%m").to_string(),
        to.format("%Y-%m").to_string(),
    );
    let entered = revenue::in_force_between(conn, (&months.0, &months.1), cur).await?;
    if entered.is_empty() {
        return Ok(Share {
            hundredths: None,
            shop: None,
            hint: None,
        });
    }
    let whole: Vec<(NaiveDate, i64)> = entered
        .iter()
        .filter_map(|(month, minor)| {
            let first = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").ok()?;
            let (start, end) = month_of(first);
            (start >= from && end <= to).then_some((first, *minor))
        })
        .collect();
    let (Some((first, _)), Some((last, _))) = (whole.first(), whole.last()) else {
        return Ok(Share {
            hundredths: None,
            shop: None,
            hint: Some(
                "Needs whole months: no month with the shop's revenue entered lies wholly in \
                 this period"
                    .to_string(),
            ),
        });
    };
    let shop_minor = limits::total(whole.iter().map(|(_, minor)| *minor))?;
    let used: Vec<String> = whole
        .iter()
        .map(|(m, _)| m.format("%Y-%m").to_string())
        .collect();
    let paid = program::paid_by_month(conn, (*first, month_of(*last).1), cur).await?;
    let counted = paid.iter().filter(|m| used.contains(&m.month));
    let sales = limits::total(counted.clone().map(|m| m.sales))?;
    let discounts = limits::total(counted.map(|m| m.discounts))?;
    let paid_minor = limits::total([sales, -discounts])?;
    let hundredths = (shop_minor > 0).then(|| {
        let ratio = Decimal::from(paid_minor) * Decimal::from(10_000) / Decimal::from(shop_minor);
        let rounded = ratio.round_dp_with_strategy(0, RoundingStrategy::MidpointNearestEven);
        i64::try_from(rounded).unwrap_or(i64::MAX)
    });
    let shop = Money::new(shop_minor, cur);
    let months = months_text(&whole.iter().map(|(m, _)| *m).collect::<Vec<_>>());
    let hint = if hundredths.is_some() {
        format!("Of the shop's {} in {months}", format(shop, locale))
    } else {
        format!("The shop's revenue entered for {months} is zero")
    };
    Ok(Share {
        hundredths,
        shop: Some(shop),
        hint: Some(hint),
    })
}

/// The months used, as a person says them: "November 2026", "October and November 2026",
/// "12 months, January to December 2026", "3 months from November 2026 to January 2027".
fn months_text(months: &[NaiveDate]) -> String {
    let name = |m: &NaiveDate| m.format("%B").to_string();
    let full = |m: &NaiveDate| m.format("%B %Y").to_string();
    match months {
        [] => String::new(),
        [one] => full(one),
        [a, b] if a.year() == b.year() => format!("{} and {}", name(a), full(b)),
        [a, b] => format!("{} and {}", full(a), full(b)),
        [first, .., last] => {
            let n = months.len();
            if first.year() == last.year() {
                format!("{n} months, {} to {}", name(first), full(last))
            } else {
                format!("{n} months from {} to {}", full(first), full(last))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(y: i32, month: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, month, 1).expect("month")
    }

    #[test]
    fn months_read_as_a_person_says_them() {
        assert_eq!(months_text(&[m(2026, 11)]), "November 2026");
        assert_eq!(
            months_text(&[m(2026, 10), m(2026, 11)]),
            "October and November 2026"
        );
        assert_eq!(
            months_text(&[m(2026, 12), m(2027, 1)]),
            "December 2026 and January 2027"
        );
        assert_eq!(
            months_text(&[m(2026, 1), m(2026, 6), m(2026, 12)]),
            "3 months, January to December 2026"
        );
        assert_eq!(
            months_text(&[m(2026, 11), m(2026, 12), m(2027, 1)]),
            "3 months from November 2026 to January 2027"
        );
    }
}
