//! Cleaning and checking what people type into forms.

use chrono::{Datelike, NaiveDate};

use crate::error::{Field, FieldError, Problem};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as printed: `1 December 2026`.
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// Trims `value`, drops control characters (keeping newlines where `multiline`), and
/// refuses it when longer than `max` characters. Empty stays empty.
pub fn clean(field: Field, value: &str, max: usize, multiline: bool) -> Result<String, FieldError> {
    let cleaned: String = value
        .trim()
        .chars()
        .filter(|c| !c.is_control() || (multiline && *c == '\n'))
        .collect();
    if cleaned.chars().count() > max {
        return Err(FieldError::new(field, Problem::TooLong { max }));
    }
    Ok(cleaned)
}

/// A `YYYY-MM-DD` date as a date input sends it; blank gives `None`.
pub fn date(field: Field, value: &str) -> Result<Option<chrono::NaiveDate>, FieldError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            FieldError::new(
                field,
                Problem::Malformed {
                    expected: "a date like 2026-12-01",
                },
            )
        })
}

/// Like [`clean`], but a blank value is refused.
pub fn required(field: Field, value: &str, max: usize) -> Result<String, FieldError> {
    let cleaned = clean(field, value, max, false)?;
    if cleaned.is_empty() {
        return Err(FieldError::new(field, Problem::Empty));
    }
    Ok(cleaned)
}

/// The key two names are compared by: trimmed, inner whitespace collapsed, lower-cased
/// (Unicode-aware, so "CAFÉ MÜLLER" and "café müller" clash).
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// An optional email address: blank, or `local@domain.tld` without spaces.
pub fn email(field: Field, value: &str) -> Result<String, FieldError> {
    let cleaned = clean(field, value, 254, false)?;
    if cleaned.is_empty() {
        return Ok(cleaned);
    }
    let malformed = || {
        FieldError::new(
            field,
            Problem::Malformed {
                expected: "like name@example.com",
            },
        )
    };
    let (local, domain) = cleaned.split_once('@').ok_or_else(malformed)?;
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !domain.contains('@');
    if local.is_empty() || !domain_ok || cleaned.chars().any(char::is_whitespace) {
        return Err(malformed());
    }
    Ok(cleaned)
}

/// An optional website: blank, or a web address with a real host. A missing scheme is
/// read as https, as a browser would.
pub fn website(field: Field, value: &str) -> Result<String, FieldError> {
    let cleaned = clean(field, value, 200, false)?;
    if cleaned.is_empty() {
        return Ok(cleaned);
    }
    let malformed = || {
        FieldError::new(
            field,
            Problem::Malformed {
                expected: "a web address like bakery.example",
            },
        )
    };
    let with_scheme = if cleaned.contains("://") {
        cleaned.clone()
    } else {
        format!("https://{cleaned}")
    };
    let url = url::Url::parse(&with_scheme).map_err(|_| malformed())?;
    let host_ok = url
        .host_str()
        .is_some_and(|h| h.contains('.') && !h.ends_with('.'));
    if !matches!(url.scheme(), "http" | "https")
        || !host_ok
        || cleaned.contains(char::is_whitespace)
    {
        return Err(malformed());
    }
    Ok(cleaned)
}

/// An optional phone number: digits with the usual separators, at least five digits.
pub fn phone(field: Field, value: &str) -> Result<String, FieldError> {
    let cleaned = clean(field, value, 40, false)?;
    if cleaned.is_empty() {
        return Ok(cleaned);
    }
    let allowed = |c: char| c.is_ascii_digit() || " +-().".contains(c);
    let digits = cleaned.chars().filter(char::is_ascii_digit).count();
    if !cleaned.chars().all(allowed) || digits < 5 {
        return Err(FieldError::new(
            field,
            Problem::Malformed {
                expected: "a phone number like +44 20 7946 0018",
            },
        ));
    }
    Ok(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_clash_ignoring_case_and_spacing() {
        assert_eq!(name_key("  Café   MÜLLER "), name_key("café müller"));
        assert_ne!(name_key("Crumb & Co."), name_key("Crumb and Co."));
    }

    #[test]
    fn clean_trims_and_refuses_overlong_text_by_characters_not_bytes() {
        assert_eq!(
            clean(Field::Name, "  Łódź  ", 5, false),
            Ok("Łódź".to_string())
        );
        let err = clean(Field::Name, "ŁŁŁŁŁŁ", 5, false).unwrap_err();
        assert_eq!(err.problem, Problem::TooLong { max: 5 });
        assert_eq!(err.to_string(), "Name must be at most 5 characters.");
    }

    #[test]
    fn required_refuses_whitespace_only() {
        let err = required(Field::Name, " \t ", 10).unwrap_err();
        assert_eq!(err.to_string(), "Name is required.");
    }

    #[test]
    fn email_accepts_plain_addresses_and_refuses_slips() {
        assert!(email(Field::Email, "anna@crumb.example").is_ok());
        assert!(email(Field::Email, "").is_ok());
        for bad in [
            "anna",
            "anna@",
            "@crumb.example",
            "anna@crumb",
            "an na@crumb.example",
            "a@b@c.de",
        ] {
            let err = email(Field::Email, bad).expect_err(bad);
            assert_eq!(err.field, Field::Email, "{bad}");
            assert!(
                matches!(err.problem, Problem::Malformed { .. }),
                "{bad}: {err:?}"
            );
        }
    }

    #[test]
    fn website_accepts_hosts_with_or_without_scheme() {
        assert!(website(Field::Website, "crumb.example").is_ok());
        assert!(website(Field::Website, "https://crumb.example/menu").is_ok());
        for bad in ["crumb", "ftp://crumb.example", "http://", "crumb .example"] {
            let err = website(Field::Website, bad).expect_err(bad);
            assert_eq!(err.field, Field::Website, "{bad}");
            assert!(
                matches!(err.problem, Problem::Malformed { .. }),
                "{bad}: {err:?}"
            );
        }
    }

    #[test]
    fn phone_needs_digits() {
        assert!(phone(Field::Phone, "+48 42 123 45 67").is_ok());
        for bad in ["call me", "12"] {
            let err = phone(Field::Phone, bad).expect_err(bad);
            assert_eq!(err.field, Field::Phone, "{bad}");
            assert!(
                matches!(err.problem, Problem::Malformed { .. }),
                "{bad}: {err:?}"
            );
        }
    }
}
