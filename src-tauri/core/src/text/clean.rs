//! Cleaning what people type or paste, one function per kind of field: one-line free text
//! ([`line`]), a one-line name or reason that must not be blank ([`required`]) and
//! multi-line notes or addresses ([`lines`]).
//!
//! Invisible characters are removed silently rather than refused. They arrive by pasting
//! (a zero-width space from a web page, a byte-order mark from a spreadsheet, a soft hyphen
//! from a word processor), and an owner told "contains invisible characters" can neither see
//! nor find what to delete. Removing them is safe because, being invisible, they never
//! carried what the owner meant; bidi overrides and isolates go too, so a name can never
//! print in an order other than the one it is stored in. What is removed is Unicode's
//! Default_Ignorable_Code_Point set plus control characters, with two exceptions that do
//! carry meaning: a zero-width (non-)joiner between two visible characters (emoji families,
//! Persian and Indic spelling) and a variation selector right after a visible character
//! (`❤️` rather than `❤`). Duplicate names are still caught, because the name key drops
//! even those (see `key.rs`).

use icu_normalizer::ComposingNormalizerBorrowed;
use icu_properties::props::DefaultIgnorableCodePoint;
use icu_properties::CodePointSetData;

use crate::error::{Field, FieldError, Problem};

/// A one-line name or reason: cleaned as [`line`], and refused when nothing visible is left
/// (so a name of only zero-width or bidi characters is refused as blank).
pub fn required(field: Field, value: &str, max: usize) -> Result<String, FieldError> {
    let cleaned = line(field, value, max)?;
    if cleaned.is_empty() {
        return Err(FieldError::new(field, Problem::Empty));
    }
    Ok(cleaned)
}

/// One-line free text (a category, a reference, a reason); may be blank. Tabs and line
/// breaks become a space and runs of spaces one space, since a one-line field shows and
/// prints on one line.
pub fn line(field: Field, value: &str, max: usize) -> Result<String, FieldError> {
    clean_as(field, value, max, Kind::Line)
}

/// Multi-line text (notes, an address, a clause); may be blank. Line breaks of every
/// flavour become `\n`; inner spacing is kept, as the person laid it out.
pub fn lines(field: Field, value: &str, max: usize) -> Result<String, FieldError> {
    clean_as(field, value, max, Kind::Lines)
}

/// [`lines`] when `multiline`, else [`line`]: the older spelling, kept for callers outside
/// this module that are not yet moved to the named kinds.
pub fn clean(field: Field, value: &str, max: usize, multiline: bool) -> Result<String, FieldError> {
    clean_as(
        field,
        value,
        max,
        if multiline { Kind::Lines } else { Kind::Line },
    )
}

/// Whether `c` is never kept in stored text on its own: a control character or a default
/// ignorable (zero-width, bidi, tag, filler) one. Joiners and variation selectors are kept
/// only beside visible characters, as the module comment says.
pub fn is_invisible(c: char) -> bool {
    c.is_control() || CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c)
}

/// The most bytes accepted before any work is done, for a field of `max` characters. Four
/// bytes is the most a character takes in UTF-8; twice that leaves room for decomposed
/// accents and pasted invisibles that cleaning removes, while a megabyte pasted into a
/// 100-character name is refused before it is normalised or goes near the database.
fn raw_limit(max: usize) -> usize {
    max.saturating_mul(8).saturating_add(64)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Line,
    Lines,
}

const ZWNJ: char = '\u{200C}';
const ZWJ: char = '\u{200D}';

fn is_joiner(c: char) -> bool {
    c == ZWJ || c == ZWNJ
}

fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

/// Visible: neither whitespace nor anything [`is_invisible`].
fn is_visible(c: char) -> bool {
    !c.is_whitespace() && !is_invisible(c)
}

fn clean_as(field: Field, value: &str, max: usize, kind: Kind) -> Result<String, FieldError> {
    let too_long = || FieldError::new(field, Problem::TooLong { max });
    if value.len() > raw_limit(max) {
        return Err(too_long());
    }
    let spaced = line_breaks_and_controls(value, kind);
    let joined = joiners_in_context(&spaced);
    let tidy = match kind {
        Kind::Line => collapse_spaces(joined.trim()),
        Kind::Lines => joined.trim().to_string(),
    };
    // Last, so what is stored is NFC whatever the steps above left; NFC never creates an
    // invisible character or whitespace at an edge, so cleaning twice changes nothing.
    let cleaned = ComposingNormalizerBorrowed::new_nfc()
        .normalize(&tidy)
        .into_owned();
    if cleaned.chars().count() > max {
        return Err(too_long());
    }
    Ok(cleaned)
}

/// Line breaks and tabs as the kind wants them; every other invisible character dropped
/// except joiners and variation selectors, which [`joiners_in_context`] decides on.
fn line_breaks_and_controls(value: &str, kind: Kind) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        let breaks_line = matches!(
            c,
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        );
        if breaks_line {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push(if kind == Kind::Lines { '\n' } else { ' ' });
        } else if c == '\t' {
            // No font we print with has a tab glyph, and a tab in a one-line field is a
            // slip of the Tab key into a paste.
            out.push(' ');
        } else if is_joiner(c) || is_variation_selector(c) || !is_invisible(c) {
            out.push(c);
        }
    }
    out
}

/// Keeps a joiner only between two visible characters and a variation selector only right
/// after one; anything else of theirs joins nothing and is dropped.
fn joiners_in_context(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        let prev = out.chars().next_back();
        let after_visible = prev.is_some_and(|p| is_visible(p) || is_variation_selector(p));
        if is_joiner(c) {
            if after_visible && chars.peek().is_some_and(|&n| is_visible(n)) {
                out.push(c);
            }
        } else if is_variation_selector(c) {
            if prev.is_some_and(is_visible) {
                out.push(c);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Runs of whitespace as one space; a single space-like character (a no-break space in
/// `Café !`) is left as typed.
fn collapse_spaces(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() && chars.peek().is_some_and(|n| n.is_whitespace()) {
            while chars.peek().is_some_and(|n| n.is_whitespace()) {
                chars.next();
            }
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use icu_normalizer::ComposingNormalizerBorrowed;
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn clean_trims_and_refuses_overlong_text_by_characters_not_bytes() {
        assert_eq!(line(Field::Name, "  Łódź  ", 5), Ok("Łódź".to_string()));
        let err = line(Field::Name, "ŁŁŁŁŁŁ", 5).unwrap_err();
        assert_eq!(err.problem, Problem::TooLong { max: 5 });
        assert_eq!(err.to_string(), "Name must be at most 5 characters.");
    }

    #[test]
    fn name_refuses_whitespace_only() {
        let err = required(Field::Name, " \t ", 10).unwrap_err();
        assert_eq!(err.to_string(), "Name is required.");
    }

    #[test]
    fn stored_text_is_nfc() {
        let decomposed = "Cafe\u{301} Mu\u{308}ller";
        assert_eq!(
            required(Field::Name, decomposed, 100).unwrap(),
            "Caf\u{e9} M\u{fc}ller"
        );
    }

    #[test]
    fn zero_width_and_byte_order_marks_are_removed() {
        assert_eq!(
            required(Field::Name, "\u{FEFF}Crumb\u{200B} & Co.\u{00AD}", 100).unwrap(),
            "Crumb & Co."
        );
    }

    #[test]
    fn bidi_overrides_and_isolates_are_removed_so_text_prints_in_stored_order() {
        // U+202E would show "gpj.exe" as "exe.jpg".
        assert_eq!(
            required(Field::Name, "Bakery \u{202E}gpj.exe", 100).unwrap(),
            "Bakery gpj.exe"
        );
        assert_eq!(
            required(Field::Name, "\u{2066}Crumb\u{2069} \u{200F}Co\u{200E}", 100).unwrap(),
            "Crumb Co"
        );
    }

    #[test]
    fn a_name_of_only_invisible_characters_is_empty() {
        for only in [
            "\u{200B}\u{200C}\u{200D}",
            "\u{202E}\u{2066}\u{2069}\u{FEFF}",
            " \u{200B} \t\u{2060} ",
            "\u{FE0F}\u{E0041}\u{0007}",
        ] {
            let err = required(Field::Name, only, 100).expect_err(only);
            assert_eq!(
                err,
                FieldError::new(Field::Name, Problem::Empty),
                "{only:?}"
            );
        }
    }

    #[test]
    fn tabs_and_line_breaks_in_one_line_fields_become_one_space() {
        assert_eq!(
            line(Field::Category, "Coffee\tand\r\ncake\u{2028}shop", 60).unwrap(),
            "Coffee and cake shop"
        );
        assert_eq!(
            line(Field::Category, "Coffee \t\n  shop", 60).unwrap(),
            "Coffee shop"
        );
    }

    #[test]
    fn multi_line_text_keeps_lines_as_newlines_and_drops_controls() {
        assert_eq!(
            lines(
                Field::Address,
                " 1 Baker St\r\nLondon\rUK\u{0}\u{1B}[31m ",
                500
            )
            .unwrap(),
            "1 Baker St\nLondon\nUK[31m"
        );
    }

    #[test]
    fn joiners_and_variation_selectors_stay_only_where_they_join() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(line(Field::Notes, family, 10).unwrap(), family);
        assert_eq!(
            line(Field::Notes, "Love \u{2764}\u{FE0F}", 10).unwrap(),
            "Love \u{2764}\u{FE0F}"
        );
        let persian = "\u{645}\u{6CC}\u{200C}\u{62E}";
        assert_eq!(line(Field::Notes, persian, 10).unwrap(), persian);
        assert_eq!(
            line(Field::Notes, "\u{200D}Crumb \u{200C} Co\u{200D}", 20).unwrap(),
            "Crumb Co"
        );
    }

    #[test]
    fn overlong_input_is_refused_before_any_work() {
        // A megabyte of invisibles would clean to nothing, but is never looked at.
        let huge = "\u{200B}".repeat(400_000);
        let err = line(Field::Notes, &huge, 4000).unwrap_err();
        assert_eq!(err.problem, Problem::TooLong { max: 4000 });
        // Decomposed accents and a few pasted invisibles within the limit still pass.
        let decomposed = "e\u{301}\u{200B}".repeat(100);
        assert_eq!(
            line(Field::Name, &decomposed, 100).unwrap(),
            "\u{e9}".repeat(100)
        );
    }

    /// Text with invisible and odd characters sprinkled in among ordinary ones.
    fn sprinkled() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => "[a-zA-Z0-9 &.'-]{1,4}",
            2 => "[\u{e9}\u{fc}\u{df}\u{142}\u{645}\u{6cc}\u{1F468}\u{2764}]",
            2 => "[\u{301}\u{308}]",
            3 => "[\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2060}-\u{2069}\u{FEFF}\u{AD}\u{FE0F}\u{E0001}\u{E0041}]",
            2 => "[\t\n\r\u{0}\u{7}\u{1B}\u{7F}\u{85}\u{2028}\u{A0} ]",
        ];
        proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    fn holds_no_stray_invisible(cleaned: &str, multiline: bool) {
        let chars: Vec<char> = cleaned.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if multiline && c == '\n' {
                continue;
            }
            assert!(!c.is_control(), "control {c:?} in {cleaned:?}");
            if is_joiner(c) {
                assert!(i > 0 && i + 1 < chars.len(), "edge joiner in {cleaned:?}");
                assert!(is_visible(chars[i + 1]), "loose joiner in {cleaned:?}");
            } else if is_variation_selector(c) {
                assert!(
                    i > 0 && is_visible(chars[i - 1]),
                    "loose selector {cleaned:?}"
                );
            } else {
                assert!(!is_invisible(c), "invisible {c:?} in {cleaned:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn cleaning_is_idempotent_and_leaves_nothing_invisible(text in sprinkled()) {
            for multiline in [false, true] {
                let once = clean(Field::Notes, &text, 4000, multiline).unwrap();
                let twice = clean(Field::Notes, &once, 4000, multiline).unwrap();
                prop_assert_eq!(&twice, &once);
                holds_no_stray_invisible(&once, multiline);
                prop_assert!(ComposingNormalizerBorrowed::new_nfc().is_normalized(&once));
                prop_assert_eq!(once.trim(), once.as_str());
            }
        }
    }
}
