//! The locales we format numbers and dates for, and the paper each one prints on.

use crate::error::{Field, FieldError, Problem};

/// Supported locales: BCP 47 tag and the name shown in the form.
pub const LOCALES: &[(&str, &str)] = &[
    ("en-US", "English (United States)"),
    ("en-GB", "English (United Kingdom)"),
    ("en-IE", "English (Ireland)"),
    ("en-CA", "English (Canada)"),
    ("en-AU", "English (Australia)"),
    ("de-DE", "Deutsch (Deutschland)"),
    ("de-AT", "Deutsch (Österreich)"),
    ("de-CH", "Deutsch (Schweiz)"),
    ("fr-FR", "Français (France)"),
    ("fr-CA", "Français (Canada)"),
    ("es-ES", "Español (España)"),
    ("es-MX", "Español (México)"),
    ("it-IT", "Italiano (Italia)"),
    ("nl-NL", "Nederlands (Nederland)"),
    ("pl-PL", "Polski (Polska)"),
    ("pt-PT", "Português (Portugal)"),
    ("pt-BR", "Português (Brasil)"),
    ("sv-SE", "Svenska (Sverige)"),
    ("da-DK", "Dansk (Danmark)"),
    ("nb-NO", "Norsk bokmål (Norge)"),
    ("fi-FI", "Suomi (Suomi)"),
    ("cs-CZ", "Čeština (Česko)"),
];

/// Paper sizes we print on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperSize {
    A4,
    Letter,
}

impl PaperSize {
    /// US Letter where that is the norm (United States, Canada, Mexico), else A4.
    pub fn for_locale(locale: &str) -> Self {
        match locale.rsplit('-').next() {
            Some("US" | "CA" | "MX") => PaperSize::Letter,
            _ => PaperSize::A4,
        }
    }
}

/// The supported tag matching `value` ignoring case and `_`/`-`, e.g. `de_de` → `de-DE`.
pub fn canonical(value: &str) -> Result<String, FieldError> {
    let wanted = value.trim().replace('_', "-");
    if wanted.is_empty() {
        return Err(FieldError::new(Field::Locale, Problem::Empty));
    }
    LOCALES
        .iter()
        .find(|(code, _)| code.eq_ignore_ascii_case(&wanted))
        .map(|(code, _)| (*code).to_string())
        .ok_or(FieldError::new(
            Field::Locale,
            Problem::Unknown { value: wanted },
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn north_america_prints_on_letter_everyone_else_on_a4() {
        assert_eq!(PaperSize::for_locale("en-US"), PaperSize::Letter);
        assert_eq!(PaperSize::for_locale("fr-CA"), PaperSize::Letter);
        assert_eq!(PaperSize::for_locale("pl-PL"), PaperSize::A4);
    }

    #[test]
    fn unsupported_locale_is_refused() {
        assert_eq!(canonical("en_gb").unwrap(), "en-GB");
        assert_eq!(canonical("xx-YY").unwrap_err().field, Field::Locale);
    }
}
