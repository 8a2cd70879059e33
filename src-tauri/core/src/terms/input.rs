//! The agreement form's values, their checks, and the way back from stored terms.

use chrono::NaiveDate;
use iso_currency::Currency;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    Offer, OfferKind, PartnershipModel, PayoutCadence, PayoutMethod, Percent, Reward, RewardKind,
    Terms,
};
use crate::error::{Field, FieldError, Problem};
use crate::limits::{
    at_most, units, ENTRY_MAX_UNITS, FIXED_TERMS_MAX_UNITS, SALE_CEILING_MAX_UNITS,
};
use crate::money::{self, Money};
use crate::text;
use crate::text::date;

/// The agreement form as typed: amounts and percents are text (`12.50` or `12,50`), dates are
/// `YYYY-MM-DD`, blanks mean "none". Fields that do not apply to the chosen kind are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TermsInput {
    pub model: PartnershipModel,
    pub effective_from: String,
    pub effective_to: String,
    pub offer_kind: OfferKind,
    pub offer_percent: String,
    pub offer_amount: String,
    pub offer_item: String,
    pub min_sale: String,
    pub reward_kind: RewardKind,
    pub reward_percent: String,
    pub reward_amount: String,
    /// Commission on the price before the customer's discount.
    pub reward_on_gross: bool,
    pub monthly_cap: String,
    pub payout_cadence: PayoutCadence,
    pub payout_method: PayoutMethod,
    pub payout_method_other: String,
    pub clauses: Vec<String>,
    pub notes: String,
    /// The reward runs both ways (a two-way partnership).
    #[serde(default)]
    pub reciprocal: bool,
    /// Most customers a day who get the offer; blank for no limit.
    #[serde(default)]
    pub daily_limit: String,
    /// The offer is for customers on their first visit only.
    #[serde(default)]
    pub new_customers_only: bool,
}

/// What signing asks for.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SignInput {
    pub signed_on: String,
    pub our_signatory: String,
    pub partner_signatory: String,
}

/// Most redemptions per day terms may allow: far above any counter's day, so a larger
/// number is a typo (the schema holds the same bound).
pub const DAILY_LIMIT_MAX: i64 = 10_000;

const CLAUSE_MAX: usize = 2000;
const CLAUSES_MAX: usize = 200;

/// A percentage 0–100 with at most two decimals.
pub(crate) fn percent(field: Field, value: &str) -> Result<Percent, FieldError> {
    let parsed =
        money::parse_decimal(field, value, 2)?.ok_or(FieldError::new(field, Problem::Empty))?;
    if parsed > Decimal::from(100) {
        return Err(FieldError::new(
            field,
            Problem::Between { min: 0, max: 100 },
        ));
    }
    let hundredths = (parsed * Decimal::from(100)).trunc();
    i64::try_from(hundredths)
        .map(Percent)
        .map_err(|_| FieldError::new(field, Problem::Between { min: 0, max: 100 }))
}

fn required_amount(field: Field, value: &str, currency: Currency) -> Result<Money, FieldError> {
    let amount =
        Money::parse(field, value, currency)?.ok_or(FieldError::new(field, Problem::Empty))?;
    capped(field, amount, FIXED_TERMS_MAX_UNITS)
}

/// Terms are checked without the shop's locale at hand, so a ceiling is written the way
/// English does: `€10,000.00` reads the same in any of our locales.
const CEILING_LOCALE: &str = "en-IE";

/// `amount` unless it is above `max_units` whole units of its currency.
fn capped(field: Field, amount: Money, max_units: i64) -> Result<Money, FieldError> {
    let max = units(max_units, amount.currency);
    at_most(field, amount, max, CEILING_LOCALE, ": check the amount.")
}

/// An optional amount, at most `max_units` whole units.
fn optional_amount(
    field: Field,
    value: &str,
    currency: Currency,
    max_units: i64,
) -> Result<Option<Money>, FieldError> {
    Money::parse(field, value, currency)?
        .map(|m| capped(field, m, max_units))
        .transpose()
}

/// Redemptions per day as typed: blank for no limit, else a whole number from 1 to
/// [`DAILY_LIMIT_MAX`].
fn daily_limit(value: &str) -> Result<Option<i64>, FieldError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=DAILY_LIMIT_MAX).contains(n))
        .map(Some)
        .ok_or(FieldError::new(
            Field::DailyLimit,
            Problem::OutOfRange {
                min: 1,
                max: DAILY_LIMIT_MAX,
            },
        ))
}

impl TermsInput {
    /// Blank terms for a new agreement starting `from`.
    pub fn blank(from: NaiveDate) -> Self {
        Self {
            model: PartnershipModel::Referral,
            effective_from: from.format("%Y-%m-%d").to_string(),
            effective_to: String::new(),
            offer_kind: OfferKind::PercentOff,
            offer_percent: "10".into(),
            offer_amount: String::new(),
            offer_item: String::new(),
            min_sale: String::new(),
            reward_kind: RewardKind::PercentOfSale,
            reward_percent: "5".into(),
            reward_amount: String::new(),
            reward_on_gross: false,
            monthly_cap: String::new(),
            payout_cadence: PayoutCadence::Monthly,
            payout_method: PayoutMethod::BankTransfer,
            payout_method_other: String::new(),
            clauses: Vec::new(),
            notes: String::new(),
            reciprocal: false,
            daily_limit: String::new(),
            new_customers_only: false,
        }
    }

    /// Checks every field against `currency`; the first refusal is returned.
    pub fn validate(&self, currency: Currency) -> Result<Terms, FieldError> {
        let effective_from = date(Field::EffectiveFrom, &self.effective_from)?
            .ok_or(FieldError::new(Field::EffectiveFrom, Problem::Empty))?;
        let effective_to = date(Field::EffectiveTo, &self.effective_to)?;
        if effective_to.is_some_and(|to| to < effective_from) {
            return Err(FieldError::new(
                Field::EffectiveTo,
                Problem::Malformed {
                    expected: "on or after the start date",
                },
            ));
        }
        let offer = match self.offer_kind {
            OfferKind::None => Offer::None,
            OfferKind::PercentOff => {
                Offer::PercentOff(percent(Field::OfferPercent, &self.offer_percent)?)
            }
            OfferKind::AmountOff => Offer::AmountOff(required_amount(
                Field::OfferAmount,
                &self.offer_amount,
                currency,
            )?),
            OfferKind::FreeItem => {
                Offer::FreeItem(text::required(Field::OfferItem, &self.offer_item, 100)?)
            }
        };
        let reward = match self.reward_kind {
            RewardKind::None => Reward::None,
            RewardKind::PercentOfSale => Reward::PercentOfSale {
                percent: percent(Field::RewardPercent, &self.reward_percent)?,
                on_gross: self.reward_on_gross,
            },
            RewardKind::FixedPerRedemption => Reward::FixedPerRedemption(required_amount(
                Field::RewardAmount,
                &self.reward_amount,
                currency,
            )?),
        };
        // Required when "other" is picked; cleaned before judging blank, so a method typed
        // as only invisible characters is refused too.
        let payout_method_other = match self.payout_method {
            PayoutMethod::Other => {
                text::required(Field::PayoutMethodOther, &self.payout_method_other, 100)?
            }
            _ => String::new(),
        };
        if self.clauses.len() > CLAUSES_MAX {
            return Err(FieldError::new(
                Field::Clauses,
                Problem::OutOfRange {
                    min: 0,
                    max: CLAUSES_MAX as i64,
                },
            ));
        }
        let mut clauses = Vec::with_capacity(self.clauses.len());
        for clause in &self.clauses {
            let clause = text::lines(Field::Clauses, clause, CLAUSE_MAX)?;
            if !clause.is_empty() {
                clauses.push(clause);
            }
        }
        Ok(Terms {
            currency,
            model: self.model,
            effective_from,
            effective_to,
            offer,
            // A minimum above any sale a till may take could never be met.
            min_sale: optional_amount(
                Field::MinSale,
                &self.min_sale,
                currency,
                SALE_CEILING_MAX_UNITS,
            )?,
            reward,
            monthly_cap: optional_amount(
                Field::MonthlyCap,
                &self.monthly_cap,
                currency,
                ENTRY_MAX_UNITS,
            )?,
            payout_cadence: self.payout_cadence,
            payout_method: self.payout_method,
            payout_method_other,
            clauses,
            notes: text::lines(Field::Notes, &self.notes, 4000)?,
            reciprocal: self.reciprocal,
            daily_limit: daily_limit(&self.daily_limit)?,
            new_customers_only: self.new_customers_only,
        })
    }

    /// The form values that describe `terms`.
    pub fn from_terms(terms: &Terms) -> Self {
        let amount = |m: Option<Money>| m.map(Money::to_input).unwrap_or_default();
        let mut input = Self::blank(terms.effective_from);
        input.model = terms.model;
        input.effective_to = terms
            .effective_to
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        input.offer_percent = String::new();
        input.reward_percent = String::new();
        match &terms.offer {
            Offer::None => input.offer_kind = OfferKind::None,
            Offer::PercentOff(p) => {
                (input.offer_kind, input.offer_percent) = (OfferKind::PercentOff, p.to_input())
            }
            Offer::AmountOff(m) => {
                (input.offer_kind, input.offer_amount) = (OfferKind::AmountOff, m.to_input())
            }
            Offer::FreeItem(item) => {
                (input.offer_kind, input.offer_item) = (OfferKind::FreeItem, item.clone())
            }
        }
        match &terms.reward {
            Reward::None => input.reward_kind = RewardKind::None,
            Reward::PercentOfSale { percent, on_gross } => {
                input.reward_kind = RewardKind::PercentOfSale;
                input.reward_percent = percent.to_input();
                input.reward_on_gross = *on_gross;
            }
            Reward::FixedPerRedemption(m) => {
                (input.reward_kind, input.reward_amount) =
                    (RewardKind::FixedPerRedemption, m.to_input());
            }
        }
        input.min_sale = amount(terms.min_sale);
        input.monthly_cap = amount(terms.monthly_cap);
        input.payout_cadence = terms.payout_cadence;
        input.payout_method = terms.payout_method;
        input.payout_method_other = terms.payout_method_other.clone();
        input.clauses = terms.clauses.clone();
        input.notes = terms.notes.clone();
        input.reciprocal = terms.reciprocal;
        input.daily_limit = terms.daily_limit.map(|n| n.to_string()).unwrap_or_default();
        input.new_customers_only = terms.new_customers_only;
        input
    }
}

impl Percent {
    /// As typed back into the form: `10`, `10.5`, `12.25`.
    pub fn to_input(self) -> String {
        Decimal::new(self.0, 2).normalize().to_string()
    }

    /// The fraction it stands for (10 % → 0.10).
    pub fn fraction(self) -> Decimal {
        Decimal::new(self.0, 4)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> TermsInput {
        TermsInput::blank(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
    }

    #[test]
    fn form_values_round_trip_through_terms() {
        let mut i = input();
        i.offer_percent = "12,5".into();
        i.min_sale = "5".into();
        i.monthly_cap = "150".into();
        i.clauses = vec!["Cards are displayed at the till.".into()];
        i.daily_limit = " 20 ".into();
        i.new_customers_only = true;
        let terms = i.validate(Currency::EUR).unwrap();
        assert_eq!(
            (terms.daily_limit, terms.new_customers_only),
            (Some(20), true)
        );
        let back = TermsInput::from_terms(&terms);
        assert_eq!(back.offer_percent, "12.5");
        assert_eq!(back.daily_limit, "20");
        assert_eq!(back.min_sale, "5.00");
        assert_eq!(back.validate(Currency::EUR).unwrap(), terms);
    }

    #[test]
    fn percent_allows_two_decimals_up_to_one_hundred() {
        assert_eq!(percent(Field::OfferPercent, "12.25"), Ok(Percent(1225)));
        assert_eq!(percent(Field::OfferPercent, "100"), Ok(Percent(10000)));
        let between = FieldError::new(Field::OfferPercent, Problem::Between { min: 0, max: 100 });
        assert_eq!(percent(Field::OfferPercent, "100.01"), Err(between));
        for bad in ["1.125", "-1"] {
            let err = percent(Field::OfferPercent, bad).expect_err(bad);
            assert_eq!(err.field, Field::OfferPercent, "{bad}");
            assert!(
                matches!(err.problem, Problem::Malformed { .. }),
                "{bad}: {err:?}"
            );
        }
    }

    type Breakage = (fn(&mut TermsInput), Field);

    #[test]
    fn each_refusal_names_the_field_it_is_about() {
        let cases: [Breakage; 9] = [
            (|i| i.effective_from = "1 Dec".into(), Field::EffectiveFrom),
            (|i| i.effective_to = "2026-11-30".into(), Field::EffectiveTo),
            (|i| i.offer_percent = "120".into(), Field::OfferPercent),
            (
                |i| (i.offer_kind, i.offer_amount) = (OfferKind::AmountOff, String::new()),
                Field::OfferAmount,
            ),
            (|i| i.monthly_cap = "1.234,5".into(), Field::MonthlyCap),
            (
                |i| i.payout_method = PayoutMethod::Other,
                Field::PayoutMethodOther,
            ),
            (|i| i.daily_limit = "0".into(), Field::DailyLimit),
            (|i| i.daily_limit = "10001".into(), Field::DailyLimit),
            (|i| i.daily_limit = "2.5".into(), Field::DailyLimit),
        ];
        for (break_it, field) in cases {
            let mut i = input();
            break_it(&mut i);
            assert_eq!(i.validate(Currency::EUR).unwrap_err().field, field);
        }
    }

    #[test]
    fn a_daily_limit_is_a_whole_number_from_one_to_ten_thousand_or_blank() {
        assert_eq!(daily_limit(""), Ok(None));
        assert_eq!(daily_limit("1"), Ok(Some(1)));
        assert_eq!(daily_limit("10000"), Ok(Some(DAILY_LIMIT_MAX)));
        let err = daily_limit("twenty").unwrap_err();
        assert_eq!(
            err.to_string(),
            "Redemptions per day must be a whole number from 1 to 10000."
        );
    }

    #[test]
    fn blank_clauses_are_dropped() {
        let mut i = input();
        i.clauses = vec!["  ".into(), "Keep cards visible.".into(), String::new()];
        assert_eq!(
            i.validate(Currency::EUR).unwrap().clauses,
            ["Keep cards visible."]
        );
    }
}
