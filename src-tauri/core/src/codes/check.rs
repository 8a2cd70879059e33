//! Crockford base32 with Crockford's mod-37 check symbol.
//!
//! Why mod 37: the body read as a base-32 number, taken mod the prime 37, changes under
//! every single-symbol substitution (the change is d·32^k with 0 < |d| < 32, and 37 divides
//! neither factor) and every adjacent transposition (the change is (a−b)·32^k·31, and 37
//! divides none of those factors). Slips on the check symbol are caught too: it is a function
//! of the body, so any other check fails; and swapping the last body symbol b with the check
//! c passes only if 32·p + c ≡ b and 32·p + b ≡ c (mod 37), so 2(c−b) ≡ 0 and c = b (an
//! extra check symbol swapped into the body is no body symbol at all). Swaps further apart
//! are not claimed. Luhn mod N or Damm over base 32 would need a table and Luhn misses some
//! swaps; mod 37 is Crockford's own published choice. Its five extra check symbols
//! (`* ~ $ = U`) are awkward at a till, so generated codes avoid bodies that need them; they
//! are still accepted when typed.

/// The 32 body symbols: digits and letters without I, L, O and U.
pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Check symbols 0–36: the body alphabet, then Crockford's five extras.
pub(crate) const CHECK_SYMBOLS: &[u8; 37] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";

/// The value 0–31 of a body symbol (already normalised to upper case, O→0, I/L→1).
pub fn value(symbol: u8) -> Option<u32> {
    ALPHABET.iter().position(|&s| s == symbol).map(|v| v as u32)
}

/// The check symbol of `body`, or `None` if `body` holds a symbol outside the alphabet.
pub fn check_symbol(body: &str) -> Option<char> {
    let mut rem = 0u32;
    for b in body.bytes() {
        rem = (rem * 32 + value(b)?) % 37;
    }
    Some(char::from(CHECK_SYMBOLS[rem as usize]))
}

/// True when `code` (body then check symbol, normalised) carries its own check symbol.
pub fn is_valid(code: &str) -> bool {
    let Some(check) = code.chars().last() else {
        return false;
    };
    let body = &code[..code.len() - check.len_utf8()];
    !body.is_empty() && check_symbol(body) == Some(check)
}

/// Every code one slip away from `code` (body then check): each single-symbol
/// substitution and each adjacent swap, of the body and the check symbol, that is itself
/// valid. These are the codes staff could have meant when they typed `code`.
pub fn one_slip_variants(code: &str) -> Vec<String> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    for i in 0..bytes.len() {
        let symbols: &[u8] = if i + 1 == bytes.len() {
            CHECK_SYMBOLS
        } else {
            ALPHABET
        };
        for &s in symbols {
            if s != bytes[i] {
                let mut v = bytes.to_vec();
                v[i] = s;
                out.push(v);
            }
        }
        if i + 1 < bytes.len() && bytes[i] != bytes[i + 1] {
            let mut v = bytes.to_vec();
            v.swap(i, i + 1);
            out.push(v);
        }
    }
    out.into_iter()
        .filter_map(|v| String::from_utf8(v).ok())
        .filter(|v| is_valid(v))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;

    fn body_strategy() -> impl Strategy<Value = String> {
        proptest::collection::vec(0usize..32, 4..12)
            .prop_map(|v| v.into_iter().map(|i| char::from(ALPHABET[i])).collect())
    }

    #[test]
    fn known_check_symbols() {
        // 0 → 0; 36 (= 1·32 + 4) → U; 37 → 0 again.
        assert_eq!(check_symbol("0"), Some('0'));
        assert_eq!(check_symbol("14"), Some('U'));
        assert_eq!(check_symbol("15"), Some('0'));
        assert_eq!(check_symbol("7K2QX"), check_symbol("07K2QX"));
        assert_eq!(check_symbol("7K2QI"), None);
    }

    /// Every code one slip away from `code`: each position (the check symbol included)
    /// replaced by every other symbol that position can hold, and each pair of adjacent
    /// different symbols swapped (the last body symbol with the check symbol included).
    fn slips(code: &str) -> Vec<(String, String)> {
        let bytes = code.as_bytes();
        let mut out = Vec::new();
        for i in 0..bytes.len() {
            let symbols: &[u8] = if i + 1 == bytes.len() {
                CHECK_SYMBOLS
            } else {
                ALPHABET
            };
            for &s in symbols.iter().filter(|&&s| s != bytes[i]) {
                let mut v = bytes.to_vec();
                v[i] = s;
                out.push((
                    format!("substitute {i}"),
                    String::from_utf8(v).expect("ascii"),
                ));
            }
            if i + 1 < bytes.len() && bytes[i] != bytes[i + 1] {
                let mut v = bytes.to_vec();
                v.swap(i, i + 1);
                out.push((format!("swap {i}"), String::from_utf8(v).expect("ascii")));
            }
        }
        out
    }

    fn with_check(body: &str) -> String {
        format!("{body}{}", check_symbol(body).expect("check"))
    }

    #[test]
    fn every_slip_of_ten_thousand_random_codes_is_caught() {
        // A fixed-seed run over 10,000 bodies: every substitution at any position, the
        // check symbol's included, and every adjacent swap, with the check's included.
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let strategy = body_strategy();
        for _ in 0..10_000 {
            let body = strategy.new_tree(&mut runner).expect("body").current();
            let code = with_check(&body);
            for (slip, slipped) in slips(&code) {
                assert!(!is_valid(&slipped), "{code} → {slipped} ({slip}) passed");
            }
        }
    }

    #[test]
    fn slips_reach_the_check_symbol() {
        // The helper itself: without these the test above would say nothing about the check.
        let all = slips("7K2QXA");
        assert!(all.contains(&("substitute 5".into(), "7K2QX*".into())));
        assert!(all.contains(&("swap 4".into(), "7K2QAX".into())));
    }

    #[test]
    fn swapping_the_check_with_an_extra_symbol_is_caught() {
        // Bodies whose check is one of the five extras: swapped, the extra lands in the body.
        let mut found = 0;
        for n in 0..2_000u32 {
            let body = format!("{n:05}");
            let code = with_check(&body);
            if code.ends_with(['*', '~', '$', '=', 'U']) {
                found += 1;
                let mut v = code.clone().into_bytes();
                let last = v.len() - 1;
                v.swap(last - 1, last);
                let swapped = String::from_utf8(v).expect("ascii");
                assert!(!is_valid(&swapped), "{code} → {swapped} passed");
            }
        }
        assert!(found > 0, "some bodies need an extra check symbol");
    }

    proptest! {
        #[test]
        fn a_code_with_its_check_symbol_is_valid(body in body_strategy()) {
            let code = format!("{body}{}", check_symbol(&body).unwrap());
            prop_assert!(is_valid(&code));
        }

        #[test]
        fn a_slipped_code_finds_the_original_among_its_variants(body in body_strategy(), at in 0usize..12, to in 0usize..32) {
            let code = format!("{body}{}", check_symbol(&body).unwrap());
            let at = at % body.len();
            let mut slipped = code.clone().into_bytes();
            prop_assume!(slipped[at] != ALPHABET[to]);
            slipped[at] = ALPHABET[to];
            let slipped = String::from_utf8(slipped).unwrap();
            prop_assert!(one_slip_variants(&slipped).contains(&code));
        }

        #[test]
        fn any_one_slip_anywhere_fails_the_check(body in body_strategy(), pick in any::<prop::sample::Index>()) {
            let code = with_check(&body);
            let slips = slips(&code);
            let (slip, slipped) = &slips[pick.index(slips.len())];
            prop_assert!(!is_valid(slipped), "{} → {} ({}) passed", code, slipped, slip);
        }
    }
}
