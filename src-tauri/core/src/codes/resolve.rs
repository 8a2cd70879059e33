//! Which issued code a typed text names, in a fixed order of readings, never guessing.
//!
//! The order, and why:
//! 1. **Exact.** A reading (the whole text, the prefix typed before a dash, or a split of
//!    leading letters typed without one) that passes its check and names an issued code is
//!    that code. A typed prefix must be the code's own: a different one typed before a dash
//!    is a slip in the prefix (offered the code as printed); a guessed split is dropped.
//! 2. **Near.** Otherwise, the issued codes one slip away from any reading, whether or not
//!    that reading passes its own check. This comes before "unknown" because a slip typed
//!    with its prefix reads, as one whole code, like a valid one once in 37 times; a dropped
//!    or doubled symbol too. A reading with a prefix only counts codes carrying that prefix
//!    (anything else would be two slips). Exactly one code: offered. Several: said so, none
//!    offered, since picking one would be a guess.
//! 3. **Unknown** when a reading typed as such (not a guessed split) passes its check, and
//!    no code is near; otherwise **mistyped**, with nothing to offer.

use std::collections::BTreeMap;

use crate::store::Conn;
use chrono::NaiveDate;

use super::lookup::{judge, LookupOutcome, Suggestion};
use super::near::near_codes;
use super::{is_valid, ReferralCode, Typed};
use crate::error::{Field, FieldError, Problem};
use crate::store::codes;
use crate::Result;

/// The most characters a typed code may have: far above any printed code (a prefix of 8,
/// a 17-symbol custom code, dashes and stray spaces), and small enough that the typo search
/// stays a few hundred candidates.
pub const TYPED_MAX: usize = 64;

/// Refuses a typed code longer than [`TYPED_MAX`] characters. Callers check this before
/// folding the text or taking a connection: the typo search grows with the square of the
/// length, and in the counter's logging path it runs under the write lock.
pub fn check_typed_length(typed: &str) -> Result<(), FieldError> {
    // Counting stops at the first character too many, so a huge paste costs nothing.
    if typed.chars().nth(LINK_MAX).is_some() || scanned(typed).chars().nth(TYPED_MAX).is_some() {
        return Err(FieldError::new(
            Field::Code,
            Problem::Rule {
                says: "That is longer than any code (64 characters at most).",
            },
        ));
    }
    Ok(())
}

/// The most characters a scanned card link may have (the owner's link template and a code).
const LINK_MAX: usize = 512;

/// The code in what the scanner typed: a card's QR code holds either the code as printed or,
/// when the owner set a card link, a web address with the code in it
/// (`https://shop.example/offer?code=BAKERY-7K2Q-X9A` or `…/offer/BAKERY-7K2Q-X9A`). From an
/// address, the last query value, else the last path segment, is the code; anything else is
/// read as typed.
pub fn scanned(typed: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = typed.trim();
    if !trimmed.contains("://") {
        return typed.into();
    }
    let Ok(link) = url::Url::parse(trimmed) else {
        return typed.into();
    };
    let from_query = link
        .query_pairs()
        .last()
        .map(|(_, value)| value.into_owned());
    let from_path = link
        .path_segments()
        .and_then(|mut segments| segments.next_back().map(str::to_string));
    match from_query
        .or(from_path)
        .filter(|code| !code.trim().is_empty())
    {
        Some(code) => code.into(),
        None => typed.into(),
    }
}

/// What a typed code refers to: an issued code, or the reason it names none.
pub(crate) enum Resolved {
    Found(ReferralCode),
    /// Unknown or mistyped.
    Not(LookupOutcome),
}

/// Finds the issued code `typed` names, in the order above. A suggestion carries what it
/// would answer on `day`, read through `conn` like everything else.
pub(crate) async fn resolve(conn: &mut Conn, typed: &str, day: NaiveDate) -> Result<Resolved> {
    check_typed_length(typed)?;
    let typed = scanned(typed);
    let readings = Typed::readings(&typed);
    for reading in readings.iter().filter(|r| is_valid(&r.code)) {
        let Some(found) = codes::by_code(conn, &reading.code).await? else {
            continue;
        };
        let prefix_differs = reading.prefix.as_deref().is_some_and(|p| p != found.prefix);
        if prefix_differs && reading.guessed {
            continue;
        }
        if prefix_differs {
            // Right code, wrong prefix: still a slip, so offer the code as printed.
            return mistyped(conn, vec![found], day).await;
        }
        return Ok(Resolved::Found(found));
    }
    let near = near(conn, &readings).await?;
    if !near.is_empty() {
        return mistyped(conn, near, day).await;
    }
    // A guessed split that passes its check by chance is no evidence the code is right.
    if readings.iter().any(|r| !r.guessed && is_valid(&r.code)) {
        return Ok(Resolved::Not(LookupOutcome::Unknown));
    }
    Ok(Resolved::Not(LookupOutcome::Mistyped {
        suggestion: None,
        ambiguous: false,
    }))
}

/// The issued codes one slip away from any reading, each once, in one indexed query.
async fn near(conn: &mut Conn, readings: &[Typed]) -> Result<Vec<ReferralCode>> {
    // Each candidate with the prefixes of the readings it came from (`None`: no prefix typed).
    let mut wanted: BTreeMap<String, Vec<Option<&str>>> = BTreeMap::new();
    for reading in readings {
        for candidate in near_codes(&reading.code) {
            wanted
                .entry(candidate)
                .or_default()
                .push(reading.prefix.as_deref());
        }
    }
    let candidates: Vec<String> = wanted.keys().cloned().collect();
    let found = codes::existing(conn, &candidates).await?;
    Ok(found
        .into_iter()
        .filter(|code| {
            wanted
                .get(&code.code)
                .is_some_and(|prefixes| prefixes.iter().any(|p| p.is_none_or(|p| p == code.prefix)))
        })
        .collect())
}

/// A typo: the one code `near` holds is offered with what it would answer; several are not.
async fn mistyped(
    conn: &mut Conn,
    mut near: Vec<ReferralCode>,
    day: NaiveDate,
) -> Result<Resolved> {
    let outcome = match (near.pop(), near.is_empty()) {
        (Some(only), true) => {
            let code = only.printed.clone();
            let answer = judge(conn, only, day).await?.outcome;
            LookupOutcome::Mistyped {
                suggestion: Some(Suggestion {
                    code,
                    answer: Box::new(answer),
                }),
                ambiguous: false,
            }
        }
        (Some(_), false) => LookupOutcome::Mistyped {
            suggestion: None,
            ambiguous: true,
        },
        (None, _) => LookupOutcome::Mistyped {
            suggestion: None,
            ambiguous: false,
        },
    };
    Ok(Resolved::Not(outcome))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scanned_card_link_reads_as_the_code_in_it() {
        for (typed, code) in [
            (
                "https://beanthere.example/offer?code=BAKERY-7K2Q-X9A",
                "BAKERY-7K2Q-X9A",
            ),
            (
                "https://beanthere.example/offer/BAKERY-7K2Q-X9A",
                "BAKERY-7K2Q-X9A",
            ),
            ("https://beanthere.example/o?ref=card&c=7K2QX9A", "7K2QX9A"),
            ("BAKERY-7K2Q-X9A", "BAKERY-7K2Q-X9A"),
            ("https://beanthere.example/", "https://beanthere.example/"),
        ] {
            assert_eq!(scanned(typed), code, "{typed}");
        }
        assert!(check_typed_length(&format!("https://a.example/?c={}", "7".repeat(20))).is_ok());
        assert!(check_typed_length(&format!("https://a.example/?c={}", "7".repeat(70))).is_err());
    }

    #[test]
    fn sixty_four_characters_are_looked_up_and_sixty_five_refused() {
        assert!(check_typed_length(&"7".repeat(TYPED_MAX)).is_ok());
        // Characters, not bytes: 64 accented letters are still 64.
        assert!(check_typed_length(&"é".repeat(TYPED_MAX)).is_ok());
        let err = check_typed_length(&"7".repeat(TYPED_MAX + 1)).unwrap_err();
        assert_eq!(err.field, Field::Code);
        assert_eq!(
            err.to_string(),
            format!("That is longer than any code ({TYPED_MAX} characters at most).")
        );
    }
}
