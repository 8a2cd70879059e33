//! The codes staff could have meant: every valid code one slip away from what they typed.
//!
//! The four slips of a hurried hand: a symbol changed, two neighbours swapped, a symbol
//! dropped, a symbol doubled (or any one extra). The check symbol means no valid code is one
//! change or swap from another (see [`super::check`]), but a drop or an extra symbol changes
//! the length, so a text that passes its check can still be a slip of an issued code: the
//! lookup asks about these candidates whatever the typed text's own check says.
//!
//! The candidates are few (about one in 37 survives the check: some 3·n for n symbols) and
//! are looked up by the code's unique index, so a typo costs one indexed query, never a scan.

use super::check::{is_valid, one_slip_variants, CHECK_SYMBOLS};
use super::ALPHABET;

/// The longest code the store holds (the `referral_codes.code` column's check), so longer
/// candidates are never asked about.
pub const STORED_MAX: usize = 32;

/// Every valid code one slip away from `code` (folded body then check symbol): changed,
/// swapped, dropped or extra symbol, sorted and without repeats.
pub fn near_codes(code: &str) -> Vec<String> {
    let mut out = one_slip_variants(code);
    let symbols: Vec<char> = code.chars().collect();
    // A dropped symbol: put one back anywhere. At the end it becomes the check symbol, which
    // has five more values than a body symbol.
    for at in 0..=symbols.len() {
        let choices: &[u8] = if at == symbols.len() {
            CHECK_SYMBOLS
        } else {
            ALPHABET
        };
        for &s in choices {
            let mut v = symbols.clone();
            v.insert(at, char::from(s));
            out.push(v.into_iter().collect());
        }
    }
    // A doubled symbol, or any one extra (a stray key, a look-alike the folding kept): take
    // one out. By characters, so an extra `é` goes as a whole.
    for at in 0..symbols.len() {
        let mut v = symbols.clone();
        v.remove(at);
        out.push(v.into_iter().collect());
    }
    out.retain(|v| v.len() <= STORED_MAX && is_valid(v));
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::check_symbol;
    use proptest::prelude::*;

    fn code_of(body: &str) -> String {
        format!("{body}{}", check_symbol(body).expect("check"))
    }

    fn body_strategy() -> impl Strategy<Value = String> {
        proptest::collection::vec(0usize..32, 4..12)
            .prop_map(|v| v.into_iter().map(|i| char::from(ALPHABET[i])).collect())
    }

    #[test]
    fn a_dropped_check_symbol_is_put_back() {
        let code = code_of("7K2QX9");
        let typed = &code[..code.len() - 1];
        assert!(near_codes(typed).contains(&code), "{typed}");
    }

    #[test]
    fn a_stray_character_of_any_kind_is_taken_out() {
        let code = code_of("7K2QX9");
        assert!(near_codes(&format!("7K2é{}", &code[3..])).contains(&code));
        assert!(near_codes(&format!("{code}#")).contains(&code));
    }

    #[test]
    fn nothing_longer_than_the_store_holds_is_a_candidate() {
        let long = "7".repeat(STORED_MAX);
        assert!(near_codes(&long).iter().all(|c| c.len() <= STORED_MAX));
    }

    proptest! {
        #[test]
        fn a_dropped_symbol_anywhere_finds_the_code(body in body_strategy(), at in any::<prop::sample::Index>()) {
            let code = code_of(&body);
            let at = at.index(code.len());
            let typed = format!("{}{}", &code[..at], &code[at + 1..]);
            prop_assert!(near_codes(&typed).contains(&code), "{} → {}", code, typed);
        }

        #[test]
        fn a_doubled_symbol_anywhere_finds_the_code(body in body_strategy(), at in any::<prop::sample::Index>()) {
            let code = code_of(&body);
            let at = at.index(code.len());
            let typed = format!("{}{}", &code[..=at], &code[at..]);
            prop_assert!(near_codes(&typed).contains(&code), "{} → {}", code, typed);
        }

        #[test]
        fn every_candidate_passes_its_check_and_differs_from_the_typed_text(body in body_strategy()) {
            let code = code_of(&body);
            for near in near_codes(&code) {
                prop_assert!(is_valid(&near));
                prop_assert_ne!(&near, &code);
            }
        }
    }
}
