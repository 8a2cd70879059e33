//! The owner's limits on one sale at the counter: a ceiling above which a sale is refused,
//! and a lower threshold above which the cashier is asked once more. A sale of €12,345.00
//! where €123.45 was meant is the costliest slip a till can make, and it is one keystroke.

use iso_currency::Currency;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::{Field, FieldError, LedgerError, Problem};
use crate::limits::{
    at_most, units, CONFIRM_ABOVE_DEFAULT_UNITS, SALE_CEILING_DEFAULT_UNITS, SALE_CEILING_MAX_UNITS,
};
use crate::money::{currency, format, Money};
use crate::store::settings;
use crate::{Desk, Error, Result};

// Stored as whole units in decimal text ("10000.00"), not minor units: until an amount is
// saved the currency may still change, and 10,000 should stay 10,000 in the new one.
const CEILING_KEY: &str = "sale_ceiling";
const CONFIRM_KEY: &str = "sale_confirm_above";

/// The shortest run of digits, with no decimal separator, read as a scanned barcode: EAN-8
/// is the shortest retail barcode, and no sale under the hard ceiling has 8 whole digits.
pub const BARCODE_MIN_DIGITS: usize = 8;

/// The limits in force at this shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaleLimits {
    /// A sale above this is refused.
    pub ceiling: Money,
    /// A sale above this is logged only once the cashier confirmed it.
    pub confirm_above: Money,
}

/// What the owner types in Settings.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SaleLimitsInput {
    /// As the locale writes it: `10000` or `10000,00`.
    pub ceiling: String,
    pub confirm_above: String,
}

/// The limits for Settings and the counter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SaleLimitsView {
    /// Written for the locale: `€10,000.00`.
    pub ceiling: String,
    pub confirm_above: String,
    /// As the form takes it back: `10000.00`.
    pub ceiling_input: String,
    pub confirm_above_input: String,
}

impl SaleLimits {
    /// The limits until the owner sets them.
    pub fn defaults(cur: Currency) -> Self {
        Self {
            ceiling: units(SALE_CEILING_DEFAULT_UNITS, cur),
            confirm_above: units(CONFIRM_ABOVE_DEFAULT_UNITS, cur),
        }
    }

    /// The limits for the screen, written for `locale`.
    pub fn view(&self, locale: &str) -> SaleLimitsView {
        SaleLimitsView {
            ceiling: format(self.ceiling, locale),
            confirm_above: format(self.confirm_above, locale),
            ceiling_input: self.ceiling.to_input(),
            confirm_above_input: self.confirm_above.to_input(),
        }
    }

    /// Refuses a sale of nothing, one above the ceiling, and one above the threshold that
    /// the cashier has not `confirmed`.
    pub fn check(&self, sale: Money, confirmed: bool, locale: &str) -> Result<()> {
        if sale.minor < 1 {
            return Err(FieldError::new(
                Field::Sale,
                Problem::Malformed {
                    expected: "an amount above zero, like 12.50",
                },
            )
            .into());
        }
        at_most(
            Field::Sale,
            sale,
            self.ceiling,
            locale,
            " per sale: check the amount, or raise the limit in Settings.",
        )?;
        if sale.minor > self.confirm_above.minor && !confirmed {
            return Err(LedgerError::ConfirmLarge {
                amount: format(sale, locale),
            }
            .into());
        }
        Ok(())
    }
}

/// Refuses sale text that is a long run of digits with no decimal separator: a product's
/// barcode scanned into the amount field while the cursor was in the wrong place.
pub fn refuse_barcode(text: &str) -> Result<(), LedgerError> {
    let text = text.trim();
    if text.len() >= BARCODE_MIN_DIGITS && text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(LedgerError::LooksLikeBarcode);
    }
    Ok(())
}

/// The limits stored on `conn`, in `cur`; a value missing or unreadable gives its default.
pub(crate) async fn stored(conn: &mut crate::store::Conn, cur: Currency) -> Result<SaleLimits> {
    let defaults = SaleLimits::defaults(cur);
    Ok(SaleLimits {
        ceiling: one(conn, CEILING_KEY, defaults.ceiling).await?,
        confirm_above: one(conn, CONFIRM_KEY, defaults.confirm_above).await?,
    })
}

async fn one(conn: &mut crate::store::Conn, key: &str, default: Money) -> Result<Money> {
    let text = settings::setting(conn, key).await?;
    Ok(text
        .and_then(|t| t.parse::<Decimal>().ok())
        .and_then(|d| Money::from_decimal(d, default.currency))
        .unwrap_or(default))
}

/// A positive amount typed into `field`.
fn positive(field: Field, text: &str, cur: Currency) -> Result<Money, FieldError> {
    Money::parse(field, text, cur)?
        .ok_or(FieldError::new(field, Problem::Empty))
        .and_then(|m| {
            (m.minor > 0).then_some(m).ok_or(FieldError::new(
                field,
                Problem::Malformed {
                    expected: "an amount above zero, like 1000",
                },
            ))
        })
}

impl SaleLimitsInput {
    /// Checks both amounts in `cur`: each above zero, the ceiling at most the hard cap, the
    /// threshold at most the ceiling (above it, nothing would ever be asked).
    pub fn validate(&self, cur: Currency, locale: &str) -> Result<SaleLimits, FieldError> {
        let ceiling = at_most(
            Field::SaleCeiling,
            positive(Field::SaleCeiling, &self.ceiling, cur)?,
            units(SALE_CEILING_MAX_UNITS, cur),
            locale,
            " per sale is the most a till can allow.",
        )?;
        let confirm_above = at_most(
            Field::ConfirmAbove,
            positive(Field::ConfirmAbove, &self.confirm_above, cur)?,
            ceiling,
            locale,
            ": the largest sale allowed. Ask again below it.",
        )?;
        Ok(SaleLimits {
            ceiling,
            confirm_above,
        })
    }
}

impl Desk {
    /// The sale limits in force, written for the shop's locale.
    pub async fn sale_limits(&self) -> Result<SaleLimitsView> {
        let profile = self.require_profile().await?;
        let cur = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let mut conn = self.pools.reader.acquire().await?;
        Ok(stored(&mut conn, cur).await?.view(&profile.locale))
    }

    /// Sets the sale ceiling and the "ask again" threshold after checking both.
    pub async fn save_sale_limits(
        &self,
        input: &SaleLimitsInput,
        actor: &Actor,
    ) -> Result<SaleLimitsView> {
        let profile = self.require_profile().await?;
        let cur = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let limits = input.validate(cur, &profile.locale)?;
        let after = limits.view(&profile.locale);
        self.transact(actor, async |tx| {
            let before = stored(tx, cur).await?.view(&profile.locale);
            settings::set_setting(tx, CEILING_KEY, &limits.ceiling.to_input()).await?;
            settings::set_setting(tx, CONFIRM_KEY, &limits.confirm_above.to_input()).await?;
            tx.audit(
                AuditEntity::Setting,
                0,
                "sale_limits",
                Some(&before),
                Some(&after),
            )
            .await
        })
        .await?;
        Ok(after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur(minor: i64) -> Money {
        Money::new(minor, Currency::EUR)
    }

    fn input(ceiling: &str, confirm_above: &str) -> SaleLimitsInput {
        SaleLimitsInput {
            ceiling: ceiling.into(),
            confirm_above: confirm_above.into(),
        }
    }

    #[test]
    fn long_digit_runs_are_barcodes_and_amounts_are_not() {
        for code in ["4006381333931", "96385074", " 012345678905 "] {
            assert!(
                matches!(refuse_barcode(code), Err(LedgerError::LooksLikeBarcode)),
                "{code}"
            );
        }
        for amount in ["1234567", "12345678.00", "1234,50", "12.50", ""] {
            assert!(refuse_barcode(amount).is_ok(), "{amount}");
        }
    }

    #[test]
    fn a_sale_over_the_ceiling_is_refused_on_the_sale_field() {
        let limits = SaleLimits::defaults(Currency::EUR);
        let err = limits.check(eur(1_000_001), true, "en-IE").unwrap_err();
        assert_eq!(err.field(), Some(Field::Sale));
        assert_eq!(
            err.to_string(),
            "At most €10,000.00 per sale: check the amount, or raise the limit in Settings."
        );
        assert!(limits.check(eur(1_000_000), true, "en-IE").is_ok());
    }

    #[test]
    fn a_sale_over_the_threshold_needs_the_cashiers_confirmation() {
        let limits = SaleLimits::defaults(Currency::EUR);
        let err = limits.check(eur(123_400), false, "en-IE").unwrap_err();
        assert_eq!(
            err.to_string(),
            "€1,234.00 — that is a large sale. Enter again to log it."
        );
        assert!(limits.check(eur(123_400), true, "en-IE").is_ok());
        assert!(
            limits.check(eur(100_000), false, "en-IE").is_ok(),
            "at it, not above"
        );
    }

    #[test]
    fn a_sale_of_nothing_is_refused() {
        let limits = SaleLimits::defaults(Currency::EUR);
        let err = limits.check(eur(0), false, "en-IE").unwrap_err();
        assert_eq!(err.field(), Some(Field::Sale));
        assert!(limits.check(eur(1), false, "en-IE").is_ok());
    }

    #[test]
    fn limits_are_checked_against_each_other_and_the_hard_cap() {
        let ok = input("5000", "500")
            .validate(Currency::EUR, "en-IE")
            .unwrap();
        assert_eq!((ok.ceiling, ok.confirm_above), (eur(500_000), eur(50_000)));
        let refused = |i: SaleLimitsInput| i.validate(Currency::EUR, "en-IE").unwrap_err();
        let above = refused(input("500", "600"));
        assert_eq!(above.field, Field::ConfirmAbove);
        assert_eq!(
            above.to_string(),
            "At most €500.00: the largest sale allowed. Ask again below it."
        );
        assert_eq!(refused(input("2000000", "500")).field, Field::SaleCeiling);
        assert_eq!(refused(input("0", "0")).field, Field::SaleCeiling);
        assert_eq!(refused(input("100", "0")).field, Field::ConfirmAbove);
        assert_eq!(refused(input("", "10")).field, Field::SaleCeiling);
        assert_eq!(refused(input("abc", "10")).field, Field::SaleCeiling);
    }
}
