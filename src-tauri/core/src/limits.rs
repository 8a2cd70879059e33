//! Ceilings on what one amount may be, and totals that can neither wrap nor panic.
//!
//! Ceilings are in whole units of the shop's currency (10,000.00 EUR, ¥10,000), so they
//! read the same in the form whatever its decimals. Each sits far below what an `i64` of
//! minor units holds (92 trillion euros): a total of even a billion maximal entries stays
//! countable, and the few paths that could still overflow (rows written by hand, a file
//! from elsewhere) add in `i128` and answer [`MoneyError::TooLarge`] instead.

use iso_currency::Currency;

use crate::error::{Field, FieldError, MoneyError, Problem};
use crate::money::{exponent, format, Money};

/// Largest program cost, payout or month's revenue, in whole units: 1,000,000.00. One
/// entry above it in a small shop's books is a key held down or a decimal point missed.
pub const ENTRY_MAX_UNITS: i64 = 1_000_000;

/// Largest sale ceiling an owner may set, in whole units: a till is not where a
/// million-euro sale is rung up, so a higher one is a typo in Settings.
pub const SALE_CEILING_MAX_UNITS: i64 = 1_000_000;

/// The sale ceiling until the owner sets one, in whole units.
pub const SALE_CEILING_DEFAULT_UNITS: i64 = 10_000;

/// Above this (whole units) the counter asks once more, until the owner sets it.
pub const CONFIRM_ABOVE_DEFAULT_UNITS: i64 = 1_000;

/// Largest fixed amount off or fixed reward per redemption: the default sale ceiling. A
/// fixed amount larger than any ordinary sale cannot be meant; terms are checked before a
/// till's own ceiling applies, so they use the default rather than a setting that may
/// change afterwards.
pub const FIXED_TERMS_MAX_UNITS: i64 = SALE_CEILING_DEFAULT_UNITS;

/// `units` whole units of `currency` in minor units (10,000 EUR → 1,000,000 cents).
pub fn units(units: i64, currency: Currency) -> Money {
    let scale = 10i64.saturating_pow(exponent(currency));
    Money::new(units.saturating_mul(scale), currency)
}

/// `amount` if it is at most `max`; otherwise a refusal of `field` naming the ceiling as
/// `locale` writes it, followed by `tail` (" per sale: check the amount.").
pub fn at_most(
    field: Field,
    amount: Money,
    max: Money,
    locale: &str,
    tail: &'static str,
) -> Result<Money, FieldError> {
    if amount.minor <= max.minor {
        return Ok(amount);
    }
    Err(FieldError::new(
        field,
        Problem::AtMost {
            max: format(max, locale),
            tail,
        },
    ))
}

/// The sum of `minors`, added in `i128` so no count of terms can wrap; a sum that does not
/// fit back into an amount is refused rather than cut.
pub fn total(minors: impl IntoIterator<Item = i64>) -> Result<i64, MoneyError> {
    // 2^64 terms of i64::MAX still fit in an i128, so the fold itself cannot overflow.
    let sum: i128 = minors.into_iter().map(i128::from).sum();
    i64::try_from(sum).map_err(|_| MoneyError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn whole_units_follow_the_currency_decimals() {
        assert_eq!(units(10_000, Currency::EUR).minor, 1_000_000);
        assert_eq!(units(10_000, Currency::JPY).minor, 10_000);
        assert_eq!(units(10_000, Currency::KWD).minor, 10_000_000);
    }

    #[test]
    fn an_amount_over_its_ceiling_names_the_ceiling() {
        let max = units(10_000, Currency::EUR);
        let over = Money::new(max.minor + 1, Currency::EUR);
        let err = at_most(Field::Sale, over, max, "en-IE", " per sale.").unwrap_err();
        assert_eq!(err.to_string(), "At most €10,000.00 per sale.");
        assert_eq!(err.field, Field::Sale);
        assert_eq!(at_most(Field::Sale, max, max, "en-IE", "."), Ok(max));
    }

    #[test]
    fn a_total_past_an_amount_is_refused_not_wrapped() {
        assert_eq!(total([i64::MAX, 1]), Err(MoneyError::TooLarge));
        assert_eq!(total([i64::MIN, -1]), Err(MoneyError::TooLarge));
        assert_eq!(total([i64::MAX, 1, -1]), Ok(i64::MAX));
        assert_eq!(total([]), Ok(0));
    }

    proptest! {
        /// Summing any number of maximal (or any) amounts never panics, and answers either
        /// the exact total or `TooLarge`, never a wrapped number.
        #[test]
        fn totals_are_exact_or_refused(
            amounts in proptest::collection::vec(
                prop_oneof![Just(i64::MAX), Just(i64::MIN), any::<i64>(), 0i64..100_000_000],
                0..2_000,
            )
        ) {
            let exact: i128 = amounts.iter().map(|&m| i128::from(m)).sum();
            match total(amounts.iter().copied()) {
                Ok(sum) => prop_assert_eq!(i128::from(sum), exact),
                Err(MoneyError::TooLarge) => prop_assert!(i64::try_from(exact).is_err()),
            }
        }

        /// A total of entries each at their ceiling is exact for any count a shop reaches.
        #[test]
        fn maximal_entries_sum_exactly(count in 0usize..100_000) {
            let max = units(ENTRY_MAX_UNITS, Currency::KWD).minor;
            let sum = total(std::iter::repeat_n(max, count));
            prop_assert_eq!(sum, Ok(max * count as i64));
        }
    }
}
