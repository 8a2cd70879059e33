//! Cleaning and checking what people type into forms. Every piece of text a person types
//! enters the core through one of these: [`line`], [`required`] or [`lines`] by kind of field,
//! or a shaped value ([`email`], [`website`], [`phone`], [`date`]) built on them.

mod clean;
mod key;

use chrono::{Datelike, NaiveDate};

pub use clean::{clean, is_invisible, line, lines, required};
pub use key::{name_key, NAME_KEY_VERSION};

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

/// The first year a typed date may fall in: nothing the shop does is older.
pub const FIRST_YEAR: i32 = 2000;
/// The last year a typed date may fall in: later ones are typos (20260 for 2026).
pub const LAST_YEAR: i32 = 2100;

/// A `YYYY-MM-DD` date as a date input sends it; blank gives `None`. Only years
/// [`FIRST_YEAR`]..=[`LAST_YEAR`]: a year like 0202 or 20260 is a slip, refused with a
/// message before it could reach a report (or the database's date checks).
pub fn date(field: Field, value: &str) -> Result<Option<chrono::NaiveDate>, FieldError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let day = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
        FieldError::new(
            field,
            Problem::Malformed {
                expected: "a date like 2026-12-01",
            },
        )
    })?;
    in_years(field, day).map(Some)
}

/// A period `from..=to` as typed: refused on its last day when that comes first.
pub fn period_in_order(from: NaiveDate, to: NaiveDate) -> Result<(), FieldError> {
    if to < from {
        return Err(FieldError::new(
            Field::PeriodTo,
            Problem::Malformed {
                expected: "on or after the period's first day",
            },
        ));
    }
    Ok(())
}

/// `day`, if it falls in the years a typed date may: else a refusal of `field`.
pub fn in_years(field: Field, day: chrono::NaiveDate) -> Result<chrono::NaiveDate, FieldError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&day.year()) {
        Ok(day)
    } else {
        Err(FieldError::new(
            field,
            Problem::YearOutside {
                first: FIRST_YEAR,
                last: LAST_YEAR,
            },
        ))
    }
}

/// An optional email address: blank, or `local@domain.tld` without spaces.
pub fn email(field: Field, value: &str) -> Result<String, FieldError> {
    let cleaned = line(field, value, 254)?;
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
    // A joiner kept between two letters is fine in a name, never in an address.
    let odd = |c: char| c.is_whitespace() || is_invisible(c);
    if local.is_empty() || !domain_ok || cleaned.chars().any(odd) {
        return Err(malformed());
    }
    Ok(cleaned)
}

/// An optional website: blank, or a web address with a real host. A missing scheme is
/// read as https, as a browser would.
pub fn website(field: Field, value: &str) -> Result<String, FieldError> {
    let cleaned = line(field, value, 200)?;
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
        || cleaned.contains(|c: char| c.is_whitespace() || is_invisible(c))
    {
        return Err(malformed());
    }
    Ok(cleaned)
}

/// An optional phone number: digits with the usual separators, at least five digits.
pub fn phone(field: Field, value: &str) -> Result<String, FieldError> {
    let cleaned = line(field, value, 40)?;
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
