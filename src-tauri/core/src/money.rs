//! Money: integer minor units with their currency; `rust_decimal` only at the edges
//! (what people type, percentages, rounding), always half-even to the minor unit.

use iso_currency::Currency;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::{Field, FieldError, Problem};

/// An amount in a currency's minor units (cents for EUR, yen for JPY).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

/// Digits after the decimal point in `currency` (2 for EUR, 0 for JPY, 3 for KWD).
pub fn exponent(currency: Currency) -> u32 {
    currency.exponent().map_or(0, u32::from)
}

/// Looks up an ISO 4217 code as stored (upper case).
pub fn currency(code: &str) -> Option<Currency> {
    Currency::from_code(code)
}

impl Money {
    /// `minor` units of `currency`.
    pub fn new(minor: i64, currency: Currency) -> Self {
        Self { minor, currency }
    }

    /// Zero in `currency`.
    pub fn zero(currency: Currency) -> Self {
        Self::new(0, currency)
    }

    /// The amount as a decimal in major units, e.g. 1250 cents → 12.50.
    pub fn to_decimal(self) -> Decimal {
        Decimal::new(self.minor, exponent(self.currency))
    }

    /// `value` rounded half-even to the currency's minor unit; `None` if it does not fit.
    pub fn from_decimal(value: Decimal, currency: Currency) -> Option<Self> {
        let scale = exponent(currency);
        let rounded = value.round_dp_with_strategy(scale, RoundingStrategy::MidpointNearestEven);
        let minor = rounded.checked_mul(Decimal::from(10i64.checked_pow(scale)?))?;
        i64::try_from(minor.trunc())
            .ok()
            .map(|minor| Self::new(minor, currency))
    }

    /// What people type: `12.50` or `12,50` (one separator, no thousands grouping), not
    /// negative, at most the currency's decimals. Blank gives `None`.
    pub fn parse(field: Field, text: &str, currency: Currency) -> Result<Option<Self>, FieldError> {
        let Some(value) = parse_decimal(field, text, exponent(currency))? else {
            return Ok(None);
        };
        Money::from_decimal(value, currency)
            .map(Some)
            .ok_or(FieldError::new(
                field,
                Problem::Malformed {
                    expected: "a smaller amount",
                },
            ))
    }

    /// The amount, or zero when it is below: a side paid ahead owes nothing.
    pub fn max_zero(self) -> Self {
        Money::new(self.minor.max(0), self.currency)
    }

    /// The amount as typed back into a form: `12.50`.
    pub fn to_input(self) -> String {
        self.to_decimal().to_string()
    }
}

/// Parses a plain decimal with at most `max_decimals` places; blank gives `None`.
pub fn parse_decimal(
    field: Field,
    text: &str,
    max_decimals: u32,
) -> Result<Option<Decimal>, FieldError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let expected = if max_decimals == 0 {
        "a whole number like 12"
    } else if max_decimals == 2 {
        "an amount like 12.50"
    } else {
        "a number like 12.5"
    };
    let malformed = FieldError::new(field, Problem::Malformed { expected });
    let normalised = text.replace(',', ".");
    let mut parts = normalised.split('.');
    let (whole, frac) = (parts.next().unwrap_or(""), parts.next());
    let digits_only = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if parts.next().is_some() || !digits_only(whole) || frac.is_some_and(|f| !digits_only(f)) {
        return Err(malformed);
    }
    if frac.is_some_and(|f| f.len() > max_decimals as usize) {
        return Err(malformed);
    }
    normalised
        .parse::<Decimal>()
        .map(Some)
        .map_err(|_| malformed)
}

/// Writes an amount the way `locale` does: `€1,234.50` in en-IE, `1.234,50 €` in de-DE.
pub fn format(money: Money, locale: &str) -> String {
    write(money, locale, false)
}

/// [`format`] without the minor digits when they are all zero (`€200`, `1.500 €`), for a
/// chart's axis, whose steps are round amounts; any other amount is written in full.
pub fn format_round(money: Money, locale: &str) -> String {
    write(money, locale, true)
}

fn write(money: Money, locale: &str, drop_zero_minor: bool) -> String {
    let (group, decimal) = separators(locale);
    let exp = exponent(money.currency) as usize;
    let digits = format!("{:0>width$}", money.minor.unsigned_abs(), width = exp + 1);
    let (whole, frac) = digits.split_at(digits.len() - exp);
    let mut number = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            number.push(group);
        }
        number.push(c);
    }
    if exp > 0 && !(drop_zero_minor && frac.bytes().all(|b| b == b'0')) {
        number.push(decimal);
        number.push_str(frac);
    }
    let sign = if money.minor < 0 { "-" } else { "" };
    let symbol = symbol(money.currency);
    if symbol_first(locale) {
        format!("{sign}{symbol}{number}")
    } else {
        format!("{sign}{number}\u{a0}{symbol}")
    }
}

/// (thousands, decimal) separators of a supported locale.
fn separators(locale: &str) -> (char, char) {
    let lang = locale.split('-').next().unwrap_or("en");
    match (lang, locale) {
        ("en", _) | (_, "es-MX") => (',', '.'),
        (_, "de-CH") => ('\'', '.'),
        (_, "pt-BR") => ('.', ','),
        ("fr" | "pl" | "sv" | "nb" | "fi" | "cs" | "pt", _) => ('\u{a0}', ','),
        _ => ('.', ','),
    }
}

/// English and Mexican Spanish write the symbol first (`€5.00`, `$5.00`); the rest after.
fn symbol_first(locale: &str) -> bool {
    locale.starts_with("en-") || locale == "es-MX"
}

fn symbol(currency: Currency) -> String {
    let s = currency.symbol().to_string();
    // iso_currency gives the code itself for currencies without a sign; keep those readable.
    if s.is_empty() {
        currency.code().to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn eur(minor: i64) -> Money {
        Money::new(minor, Currency::EUR)
    }

    #[test]
    fn typed_amounts_accept_either_decimal_separator() {
        assert_eq!(
            Money::parse(Field::Name, "12,50", Currency::EUR),
            Ok(Some(eur(1250)))
        );
        assert_eq!(
            Money::parse(Field::Name, " 12.5 ", Currency::EUR),
            Ok(Some(eur(1250)))
        );
        assert_eq!(
            Money::parse(Field::Name, "7", Currency::EUR),
            Ok(Some(eur(700)))
        );
        assert_eq!(Money::parse(Field::Name, "", Currency::EUR), Ok(None));
        assert_eq!(
            Money::parse(Field::Name, "500", Currency::JPY),
            Ok(Some(Money::new(500, Currency::JPY)))
        );
    }

    #[test]
    fn typed_amounts_refuse_ambiguity_and_extra_decimals() {
        for bad in [
            "1.000,50", "12.345", "-3", "abc", "1e3", "12.", ".5", "1 000",
        ] {
            let err = Money::parse(Field::Name, bad, Currency::EUR).expect_err(bad);
            assert_eq!(err.field, Field::Name, "{bad}");
            assert!(
                matches!(err.problem, Problem::Malformed { .. }),
                "{bad}: {err:?}"
            );
        }
        let err = Money::parse(Field::Name, "5.5", Currency::JPY).expect_err("yen decimals");
        assert!(matches!(err.problem, Problem::Malformed { .. }), "{err:?}");
    }

    #[test]
    fn rounding_is_half_even_to_the_minor_unit() {
        let r = |s: &str| {
            Money::from_decimal(s.parse().unwrap(), Currency::EUR)
                .unwrap()
                .minor
        };
        assert_eq!(r("0.125"), 12);
        assert_eq!(r("0.135"), 14);
        assert_eq!(r("2.675"), 268);
        assert_eq!(r("0.005"), 0);
        assert_eq!(r("0.015"), 2);
    }

    #[test]
    fn formats_follow_the_locale() {
        assert_eq!(format(eur(123450), "en-IE"), "€1,234.50");
        assert_eq!(format(eur(500), "de-DE"), "5,00\u{a0}€");
        assert_eq!(format(Money::new(1500, Currency::USD), "en-US"), "$15.00");
        assert_eq!(format(Money::new(1500, Currency::JPY), "en-US"), "¥1,500");
        assert_eq!(format(eur(-5), "en-IE"), "-€0.05");
    }

    #[test]
    fn round_amounts_drop_their_zero_cents_and_only_those() {
        assert_eq!(format_round(eur(200_000), "en-IE"), "€2,000");
        assert_eq!(format_round(eur(150_000), "de-DE"), "1.500\u{a0}€");
        assert_eq!(format_round(eur(0), "en-IE"), "€0");
        assert_eq!(format_round(eur(250), "en-IE"), "€2.50");
        assert_eq!(
            format_round(Money::new(1500, Currency::JPY), "en-US"),
            "¥1,500"
        );
    }

    proptest! {
        #[test]
        fn minor_units_round_trip_through_decimal(minor in -10_000_000_000i64..10_000_000_000) {
            let m = eur(minor);
            prop_assert_eq!(Money::from_decimal(m.to_decimal(), Currency::EUR), Some(m));
        }

        #[test]
        fn input_form_parses_back_to_the_same_amount(minor in 0i64..10_000_000_000) {
            let m = eur(minor);
            prop_assert_eq!(Money::parse(Field::Name, &m.to_input(), Currency::EUR), Ok(Some(m)));
        }

        #[test]
        fn rounding_never_moves_more_than_half_a_cent(units in 0i64..1_000_000_000, extra in 0u32..1000) {
            let value = Decimal::new(units * 1000 + i64::from(extra), 5);
            let m = Money::from_decimal(value, Currency::EUR).unwrap();
            let diff = (m.to_decimal() - value).abs();
            prop_assert!(diff <= Decimal::new(5, 3));
        }
    }
}
