//! Making user text safe to print.

/// Characters that reorder text invisibly (Unicode bidi embeddings, overrides, isolates and
/// marks). A name typed as U+202E followed by `50.001€` displays as `€100.05`; a printed
/// agreement must show the characters as typed, in order, so these are dropped.
const BIDI_CONTROLS: &[char] = &[
    '\u{061C}', // Arabic letter mark
    '\u{200E}', // left-to-right mark
    '\u{200F}', // right-to-left mark
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', // embeddings and overrides
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', // isolates
];

/// `text` ready to print: bidi controls and other control characters removed, tabs turned
/// into spaces, line breaks (`\n`, `\r\n`, `\r`) kept as `\n` for the caller to honour or
/// flatten.
pub fn printable(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    unified
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            // A tab would print as a missing glyph; a space keeps the words apart.
            '\t' => Some(' '),
            c if c.is_control() || BIDI_CONTROLS.contains(&c) => None,
            c => Some(c),
        })
        .collect()
}

/// Like [`printable`], for text that must stay on one line (names, labels): line breaks
/// become spaces.
pub fn printable_line(text: &str) -> String {
    printable(text).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_and_control_characters_are_removed() {
        let sneaky = "\u{202E}Evil\u{202C} \u{2066}Co\u{2069}\u{200E}\u{200F}\u{061C}\u{7}\u{0}.";
        assert_eq!(printable(sneaky), "Evil Co.");
        for c in BIDI_CONTROLS {
            assert_eq!(
                printable(&format!("a{c}b")),
                "ab",
                "U+{:04X} survived",
                *c as u32
            );
        }
    }

    #[test]
    fn accented_letters_and_symbols_are_kept() {
        let names = "Café Müller · Łódź · Señora Núñez · Ørsted · €150.00 · 10 %";
        assert_eq!(printable(names), names);
    }

    #[test]
    fn line_breaks_are_kept_and_tabs_become_spaces() {
        assert_eq!(
            printable("Main St 1\r\n12345 Town\rCountry"),
            "Main St 1\n12345 Town\nCountry"
        );
        assert_eq!(printable("a\tb"), "a b");
        assert_eq!(
            printable_line("Main St 1\n12345 Town"),
            "Main St 1 12345 Town"
        );
    }
}
