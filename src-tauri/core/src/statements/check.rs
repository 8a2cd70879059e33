//! The checks a verified statement must still pass before it is imported.
//!
//! A signature only says who wrote a statement, not that it is right: a bug in the issuer's
//! build, or another tool writing the format, can sign totals that disagree with the lines.
//! Importing one would put a wrong balance into the books, so the totals are summed again.

use super::{StatementBody, StatementLine};
use crate::error::StatementFileError;

/// Refuses a statement that contradicts itself or names no currency, in that order.
pub(super) fn check(body: &StatementBody) -> Result<(), StatementFileError> {
    check_consistency(body)?;
    check_currency(&body.currency)
}

fn check_consistency(body: &StatementBody) -> Result<(), StatementFileError> {
    let inconsistent = |what| Err(StatementFileError::Inconsistent { what });
    if body.period.from > body.period.to {
        return inconsistent("period");
    }
    let mut line_amounts = body
        .lines
        .iter()
        .flat_map(|l| [l.sale_minor, l.discount_minor, l.commission_minor]);
    if line_amounts.any(|amount| amount < 0) {
        return inconsistent("lines");
    }
    let t = &body.totals;
    let amounts = [
        ("totals.salesMinor", t.sales_minor),
        ("totals.discountsMinor", t.discounts_minor),
        ("totals.commissionsMinor", t.commissions_minor),
        ("totals.payoutsMinor", t.payouts_minor),
        ("totals.openingBalanceMinor", t.opening_balance_minor),
        ("totals.closingBalanceMinor", t.closing_balance_minor),
    ];
    if let Some((what, _)) = amounts.iter().find(|(_, amount)| *amount < 0) {
        return inconsistent(what);
    }
    // Summed in i128: no number of i64 lines that fits in MAX_FILE_BYTES can overflow it,
    // so a file cannot make a wrapped sum equal its total.
    let kept = |f: fn(&StatementLine) -> i64| -> i128 {
        let lines = body.lines.iter().filter(|l| !l.voided);
        lines.map(|l| i128::from(f(l))).sum()
    };
    let voided: i128 = body.lines.iter().map(|l| i128::from(l.voided)).sum();
    let sums = [
        ("totals.redemptions", t.redemptions, kept(|_| 1)),
        ("totals.voided", t.voided, voided),
        (
            "totals.newCustomers",
            t.new_customers,
            kept(|l| i64::from(l.new_customer)),
        ),
        ("totals.salesMinor", t.sales_minor, kept(|l| l.sale_minor)),
        (
            "totals.discountsMinor",
            t.discounts_minor,
            kept(|l| l.discount_minor),
        ),
        (
            "totals.commissionsMinor",
            t.commissions_minor,
            kept(|l| l.commission_minor),
        ),
    ];
    match sums
        .iter()
        .find(|(_, total, sum)| i128::from(*total) != *sum)
    {
        Some((what, _, _)) => inconsistent(what),
        None => Ok(()),
    }
}

fn check_currency(currency: &str) -> Result<(), StatementFileError> {
    if currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase()) {
        return Ok(());
    }
    let detail = format!("the currency {currency:?} is not three capital letters such as EUR");
    Err(StatementFileError::Malformed { detail })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::statements::file::tests::sample_body;

    fn checked(edit: impl FnOnce(&mut StatementBody)) -> Result<(), StatementFileError> {
        let mut body = sample_body();
        edit(&mut body);
        check(&body)
    }

    #[test]
    fn sample_statement_adds_up() {
        assert!(checked(|_| {}).is_ok());
    }

    #[test]
    fn totals_not_matching_lines_are_inconsistent_naming_the_total() {
        type Edit = fn(&mut StatementBody);
        let cases: [(&str, Edit); 10] = [
            ("totals.redemptions", |b| b.totals.redemptions = 2),
            ("totals.redemptions", |b| b.lines[1].voided = false),
            ("totals.voided", |b| b.totals.voided = 0),
            ("totals.newCustomers", |b| b.lines[0].new_customer = false),
            ("totals.salesMinor", |b| b.totals.sales_minor = 2050),
            ("totals.discountsMinor", |b| b.lines[0].discount_minor = 0),
            ("totals.commissionsMinor", |b| {
                b.lines[0].commission_minor = 80
            }),
            ("totals.payoutsMinor", |b| b.totals.payouts_minor = -1),
            ("period", |b| {
                b.period.to = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap()
            }),
            ("lines", |b| b.lines[1].sale_minor = -800),
        ];
        for (expected, edit) in cases {
            let err = checked(edit).unwrap_err();
            assert!(
                matches!(err, StatementFileError::Inconsistent { what } if what == expected),
                "{expected}: {err:?}"
            );
        }
    }

    #[test]
    fn voided_lines_count_only_as_voided() {
        // The voided line's amounts are huge: were they summed, every total would disagree.
        let result = checked(|b| {
            b.lines[1].sale_minor = i64::MAX;
            b.lines[1].commission_minor = i64::MAX;
            b.lines[1].new_customer = true;
        });
        assert!(result.is_ok(), "{result:?}");
    }

    #[test]
    fn sums_past_i64_never_wrap_into_agreement() {
        // Two lines of i64::MAX wrap to -2 in i64; the total -2 is refused as negative, and
        // the largest total cannot equal a sum held in i128.
        let result = checked(|b| {
            b.lines[1].voided = false;
            for line in &mut b.lines {
                line.sale_minor = i64::MAX;
            }
            b.totals.redemptions = 2;
            b.totals.voided = 0;
            b.totals.sales_minor = i64::MAX;
        });
        let err = result.unwrap_err();
        assert!(matches!(
            err,
            StatementFileError::Inconsistent {
                what: "totals.salesMinor"
            }
        ));
    }

    #[test]
    fn currency_other_than_three_capital_letters_is_malformed() {
        for currency in ["eur", "EURO", "E1R", "", "ÉUR"] {
            let err = checked(|b| b.currency = currency.to_owned()).unwrap_err();
            assert!(
                matches!(err, StatementFileError::Malformed { .. }),
                "{currency}: {err:?}"
            );
        }
    }
}
