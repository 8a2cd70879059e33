//! The business profile: the shop running the app, printed on every document.

mod locale;
mod logo;
mod save;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock;
use crate::error::{Field, FieldError, Problem};
use crate::text;

pub use locale::{PaperSize, LOCALES};
pub use logo::{logo_picture, prepare_logo, LogoView, LOGO_MAX_BYTES};

/// The shop running the app, as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BusinessProfile {
    pub name: String,
    pub address: String,
    pub email: String,
    pub phone: String,
    pub tax_id: String,
    /// ISO 4217 code, upper case, e.g. `EUR`.
    pub currency: String,
    /// BCP 47 tag from [`LOCALES`], e.g. `de-DE`.
    pub locale: String,
    /// The shop's IANA time zone, e.g. `Europe/Berlin`: its days and months (caps, "today",
    /// reports) are counted there. Empty in a profile saved before the app asked for it,
    /// where the computer's zone is used until the owner saves one.
    pub time_zone: String,
    /// When customers can come, as the owner writes it ("Mon–Sat 7:00–18:00"); up to three
    /// short lines; empty when not given.
    pub opening_hours: String,
    /// A short "how to find us" ("Two doors from the station, green awning"); may be empty.
    pub directions: String,
    /// A web address with `{code}` in it that cards' QR codes open; empty: the QR code
    /// holds the code itself.
    pub card_link: String,
    pub updated_at: DateTime<Utc>,
}

/// What the first-run screen (and later Settings) sends.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BusinessProfileInput {
    pub name: String,
    pub address: String,
    pub email: String,
    pub phone: String,
    pub tax_id: String,
    pub currency: String,
    pub locale: String,
    /// An IANA name from [`ProfileChoices::time_zones`]; empty keeps the computer's zone.
    #[serde(default)]
    pub time_zone: String,
    #[serde(default)]
    pub opening_hours: String,
    #[serde(default)]
    pub directions: String,
    #[serde(default)]
    pub card_link: String,
}

/// One choice in a select box.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    pub code: String,
    pub label: String,
}

/// The currencies, locales and time zones the profile form offers.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileChoices {
    pub currencies: Vec<Choice>,
    pub locales: Vec<Choice>,
    /// IANA names, `Region/City`, sorted.
    pub time_zones: Vec<String>,
    /// The computer's own zone, which a new profile starts with (`UTC` when unknown).
    pub suggested_time_zone: String,
}

impl ProfileChoices {
    /// Every active ISO 4217 currency and every locale we format for.
    pub fn all() -> Self {
        use iso_currency::IntoEnumIterator;
        let mut currencies: Vec<Choice> = iso_currency::Currency::iter()
            .map(|c| Choice {
                code: c.code().to_string(),
                label: format!("{} — {}", c.code(), c.name()),
            })
            .collect();
        currencies.sort_by(|a, b| a.code.cmp(&b.code));
        let locales = LOCALES
            .iter()
            .map(|(code, label)| Choice {
                code: (*code).to_string(),
                label: (*label).to_string(),
            })
            .collect();
        let suggested_time_zone =
            clock::computer_zone().map_or_else(|| "UTC".to_string(), |tz| tz.name().to_string());
        let mut time_zones: Vec<String> = clock::offered_zones()
            .into_iter()
            .map(String::from)
            .collect();
        // The computer's zone is always offered, even an old alias (`US/Eastern`), or the
        // form would start on a blank select.
        if !time_zones.contains(&suggested_time_zone) {
            time_zones.push(suggested_time_zone.clone());
            time_zones.sort();
        }
        Self {
            currencies,
            locales,
            time_zones,
            suggested_time_zone,
        }
    }
}

/// A profile input that passed every check, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidProfile {
    pub name: String,
    pub address: String,
    pub email: String,
    pub phone: String,
    pub tax_id: String,
    pub currency: String,
    pub locale: String,
    pub time_zone: String,
    pub opening_hours: String,
    pub directions: String,
    pub card_link: String,
}

impl BusinessProfileInput {
    /// Checks every field; the first refusal is returned.
    pub fn validate(&self) -> Result<ValidProfile, FieldError> {
        Ok(ValidProfile {
            name: text::required(Field::Name, &self.name, 120)?,
            address: text::lines(Field::Address, &self.address, 500)?,
            email: text::email(Field::Email, &self.email)?,
            phone: text::phone(Field::Phone, &self.phone)?,
            tax_id: text::line(Field::TaxId, &self.tax_id, 40)?,
            currency: currency(&self.currency)?,
            locale: locale::canonical(&self.locale)?,
            time_zone: time_zone(&self.time_zone)?,
            opening_hours: hours(&self.opening_hours)?,
            directions: text::line(Field::Directions, &self.directions, 160)?,
            card_link: card_link(&self.card_link)?,
        })
    }
}

/// Opening hours: at most three lines (a card has room for no more), 300 characters.
fn hours(value: &str) -> Result<String, FieldError> {
    let hours = text::lines(Field::OpeningHours, value, 300)?;
    if hours.lines().count() > 3 {
        let says = "Opening hours fit on three lines at most: they print on every card.";
        return Err(FieldError::new(Field::OpeningHours, Problem::Rule { says }));
    }
    Ok(hours)
}

/// A card link: blank, or an http(s) address with `{code}` in it once, where the code goes.
fn card_link(value: &str) -> Result<String, FieldError> {
    let link = text::line(Field::CardLink, value, 200)?;
    if link.is_empty() {
        return Ok(link);
    }
    let says = "A card link is a web address with {code} where the code goes, like \
                https://your-shop.example/offer?code={code}";
    let refused = || FieldError::new(Field::CardLink, Problem::Rule { says });
    if link.matches("{code}").count() != 1 {
        return Err(refused());
    }
    let sample = link.replace("{code}", "BAKERY-7K2Q-X9A");
    match url::Url::parse(&sample) {
        Ok(url) if matches!(url.scheme(), "https" | "http") && url.host().is_some() => Ok(link),
        _ => Err(refused()),
    }
}

/// An IANA zone name as the tz database spells it; empty stays empty (the computer's zone).
fn time_zone(value: &str) -> Result<String, FieldError> {
    // The longest IANA name is 30 characters; bounded before it is echoed in a message.
    let name = text::line(Field::TimeZone, value, 64)?;
    if name.is_empty() {
        return Ok(name);
    }
    match clock::parse_zone(&name) {
        Some(tz) => Ok(tz.name().to_string()),
        None => Err(FieldError::new(
            Field::TimeZone,
            Problem::Unknown { value: name },
        )),
    }
}

/// An ISO 4217 code, upper-cased; unknown codes are refused.
fn currency(value: &str) -> Result<String, FieldError> {
    let code = value.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Err(FieldError::new(Field::Currency, Problem::Empty));
    }
    match iso_currency::Currency::from_code(&code) {
        Some(c) => Ok(c.code().to_string()),
        None => Err(FieldError::new(
            Field::Currency,
            Problem::Unknown { value: code },
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> BusinessProfileInput {
        BusinessProfileInput {
            name: "Bean There".into(),
            currency: "eur".into(),
            locale: "de-de".into(),
            ..Default::default()
        }
    }

    #[test]
    fn currency_and_locale_are_canonicalised() {
        let valid = input().validate().unwrap();
        assert_eq!(valid.currency, "EUR");
        assert_eq!(valid.locale, "de-DE");
    }

    #[test]
    fn unknown_currency_is_refused_with_its_field() {
        let err = BusinessProfileInput {
            currency: "EUX".into(),
            ..input()
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.field, Field::Currency);
        assert_eq!(err.to_string(), "Currency \"EUX\" is not one we know.");
    }

    #[test]
    fn time_zone_is_an_iana_name_or_empty() {
        let berlin = BusinessProfileInput {
            time_zone: " Europe/Berlin ".into(),
            ..input()
        };
        assert_eq!(berlin.validate().unwrap().time_zone, "Europe/Berlin");
        assert_eq!(input().validate().unwrap().time_zone, "");
        let err = BusinessProfileInput {
            time_zone: "Europe/Narnia".into(),
            ..input()
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.field, Field::TimeZone);
        assert_eq!(
            err.to_string(),
            "Time zone \"Europe/Narnia\" is not one we know."
        );
    }

    #[test]
    fn every_offered_choice_validates() {
        let choices = ProfileChoices::all();
        assert!(choices.currencies.len() > 100);
        for c in &choices.currencies {
            assert_eq!(currency(&c.code).unwrap(), c.code);
        }
        for l in &choices.locales {
            assert_eq!(locale::canonical(&l.code).unwrap(), l.code);
        }
        for z in choices
            .time_zones
            .iter()
            .chain([&choices.suggested_time_zone])
        {
            assert_eq!(&time_zone(z).unwrap(), z);
        }
    }
}
