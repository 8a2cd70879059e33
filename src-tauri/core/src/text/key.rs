//! The key two names are compared by, so one shop is never entered twice under names that
//! look the same: `Café` typed and `Café` pasted decomposed, `Crumb\u{200B} & Co.` and
//! `Crumb & Co.`, `CAFÉ MÜLLER` and `café müller`, `Straße` and `STRASSE`, `ﬁne` and `fine`.

use icu_casemap::CaseMapper;
use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use icu_properties::props::DefaultIgnorableCodePoint;
use icu_properties::CodePointSetData;

/// Bumped whenever [`name_key`] changes, so keys stored by an older build are recomputed
/// when the store opens (see `store::name_keys`).
pub const NAME_KEY_VERSION: i64 = 2;

/// A name's key: invisible characters dropped, then Unicode's compatibility caseless form
/// (UAX #15 / Unicode §3.13: `NFKD(fold(NFKD(fold(NFD(x)))))`, kept as NFKC so keys stay
/// short), then whitespace trimmed and collapsed to one space.
///
/// Joiners and variation selectors are dropped here even where the stored name keeps them,
/// so they can never tell two names apart.
pub fn name_key(name: &str) -> String {
    let ignorable = CodePointSetData::new::<DefaultIgnorableCodePoint>();
    let visible: String = name
        .chars()
        .filter(|&c| !c.is_control() || c.is_whitespace())
        .filter(|&c| !ignorable.contains(c))
        .collect();
    let fold = CaseMapper::new();
    let nfd = DecomposingNormalizerBorrowed::new_nfd();
    let nfkd = DecomposingNormalizerBorrowed::new_nfkd();
    let once = fold.fold_string(&nfd.normalize(&visible)).into_owned();
    let twice = fold.fold_string(&nfkd.normalize(&once)).into_owned();
    let folded = ComposingNormalizerBorrowed::new_nfkc()
        .normalize(&twice)
        .into_owned();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
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
    fn composed_and_decomposed_accents_clash() {
        assert_eq!(name_key("Caf\u{e9}"), name_key("Cafe\u{301}"));
    }

    #[test]
    fn zero_width_and_bidi_characters_do_not_make_a_new_name() {
        assert_eq!(name_key("Crumb\u{200B} & Co."), name_key("Crumb & Co."));
        assert_eq!(
            name_key("\u{202E}Crumb\u{202C} & Co."),
            name_key("Crumb & Co.")
        );
        assert_eq!(name_key("Cru\u{200D}mb & Co."), name_key("Crumb & Co."));
    }

    #[test]
    fn full_case_folding_and_compatibility_forms_clash() {
        assert_eq!(name_key("Straße"), name_key("STRASSE"));
        assert_eq!(name_key("CAFÉ MÜLLER"), name_key("café müller"));
        assert_eq!(name_key("\u{FB01}ne Bakery"), name_key("FINE BAKERY"));
        assert_eq!(name_key("Ｃｒｕｍｂ"), name_key("crumb"));
        assert_eq!(name_key("Crumb\u{A0}&\tCo."), name_key("crumb & co."));
    }

    #[test]
    fn a_key_is_its_own_key() {
        for name in ["Straße", "Cafe\u{301} MÜLLER", "Ǆemal ΣΑΣ", "ﬁne\u{200B}"] {
            let key = name_key(name);
            assert_eq!(name_key(&key), key, "{name}");
        }
    }
}
