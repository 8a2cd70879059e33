//! What staff type, folded to what we store; and codes as printed.

/// Folds what was typed: case ignored, spaces and dashes dropped, `O→0`, `I`/`L→1`.
/// Any other character is kept so the check fails on it rather than guessing.
pub fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '‐' && *c != '–')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

/// A typed code split into the prefix the person may have typed and the folded code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    /// Letters typed before the first dash, when they could be a partner prefix.
    pub prefix: Option<String>,
    /// Body and check symbol, folded.
    pub code: String,
    /// The prefix was guessed from letters typed without a separator (`BAKERY7K2QX`), so
    /// this reading is only used when it names an issued code.
    pub guessed: bool,
}

impl Typed {
    /// The readings of `typed`: always the whole input as a code, and, when it starts with a
    /// run of letters and a dash or space (`BAKERY-7K2Q-X`), that run as a prefix and the
    /// rest as code. Without a separator (`BAKERY7K2QX`), every split of the leading letters
    /// is a guessed reading. Only a reading that passes its check is looked up as itself;
    /// in what order, and how a typo is searched around them: [`super::resolve`].
    pub fn readings(typed: &str) -> Vec<Typed> {
        let whole = normalise(typed);
        let mut out = vec![Typed {
            prefix: None,
            code: whole.clone(),
            guessed: false,
        }];
        let trimmed = typed.trim();
        let letters = trimmed
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .count();
        let separated = trimmed[letters..]
            .chars()
            .next()
            .is_some_and(|c| c == '-' || c.is_whitespace());
        let splits = if separated {
            0
        } else {
            letters.min(PREFIX_MAX)
        };
        for split in 2..=splits {
            let rest = normalise(&trimmed[split..]);
            if rest.len() >= 2 {
                out.push(Typed {
                    prefix: Some(trimmed[..split].to_ascii_uppercase()),
                    code: rest,
                    guessed: true,
                });
            }
        }
        if let Some((head, rest)) = typed
            .trim()
            .split_once(|c: char| c == '-' || c.is_whitespace())
        {
            let head = head.trim();
            if head.len() >= 2
                && head.chars().all(|c| c.is_ascii_alphabetic())
                && !rest.trim().is_empty()
            {
                out.insert(
                    1,
                    Typed {
                        prefix: Some(head.to_ascii_uppercase()),
                        code: normalise(rest),
                        guessed: false,
                    },
                );
            }
        }
        out
    }
}

/// Longest partner prefix.
const PREFIX_MAX: usize = 8;

/// A readable prefix from a partner's name: the letters of its longest word (at most 8),
/// folded to ASCII capitals, e.g. "Crumb & Co. Bakery" → `BAKERY`, "Łódź Deli" → `LODZ`.
pub fn prefix_for(name: &str) -> String {
    let fold = |c: char| -> Option<char> {
        let base = match c {
            'ą' | 'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Ą' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => {
                'A'
            }
            'ć' | 'ç' | 'Ć' | 'Ç' => 'C',
            'ę' | 'é' | 'è' | 'ê' | 'ë' | 'Ę' | 'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'I',
            'ł' | 'Ł' => 'L',
            'ń' | 'ñ' | 'Ń' | 'Ñ' => 'N',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => {
                'O'
            }
            'ś' | 'Ś' | 'ß' => 'S',
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
            'ź' | 'ż' | 'Ź' | 'Ż' => 'Z',
            c if c.is_ascii_alphabetic() => c.to_ascii_uppercase(),
            _ => return None,
        };
        Some(base)
    };
    let words = name
        .split(|c: char| !c.is_alphabetic())
        .map(|w| w.chars().filter_map(fold).collect::<String>());
    let mut best = String::new();
    for w in words {
        if w.len() > best.len() {
            best = w;
        }
    }
    best.chars().take(PREFIX_MAX).collect()
}

/// A code as printed: body and check in groups of four, `7K2QX9` → `7K2Q-X9`, with the
/// prefix in front when there is one.
pub fn grouped(prefix: Option<&str>, code: &str) -> String {
    let groups: Vec<String> = code
        .as_bytes()
        .chunks(4)
        .map(|g| String::from_utf8_lossy(g).into_owned())
        .collect();
    let body = groups.join("-");
    match prefix {
        Some(p) if !p.is_empty() => format!("{p}-{body}"),
        _ => body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn look_alikes_fold_and_separators_vanish() {
        assert_eq!(normalise(" 7k2q-xo "), "7K2QX0");
        assert_eq!(normalise("il1 L"), "1111");
        assert_eq!(normalise("ab cd–ef"), "ABCDEF");
    }

    #[test]
    fn prefixes_come_from_the_longest_word_in_plain_capitals() {
        assert_eq!(prefix_for("Crumb & Co. Bakery"), "BAKERY");
        assert_eq!(prefix_for("Łódź Deli"), "LODZ");
        assert_eq!(prefix_for("Ørsted Cycle Works"), "ORSTED");
        assert_eq!(prefix_for("Señora Núñez Yoga"), "SENORA");
        assert_eq!(prefix_for("Konditorei-Spezialitäten"), "SPEZIALI");
    }

    #[test]
    fn typed_prefix_is_read_both_ways() {
        let readings = Typed::readings("bakery-7K2Q-X9");
        assert_eq!(readings[0].code, "BAKERY7K2QX9".replace('L', "1"));
        assert_eq!(
            readings[1],
            Typed {
                prefix: Some("BAKERY".into()),
                code: "7K2QX9".into(),
                guessed: false,
            }
        );
        assert_eq!(Typed::readings("7K2Q-X9").len(), 1);
        // Without the dash the split is guessed, among the other splits of the letters.
        let guessed = Typed::readings("bakery7K2QX9");
        assert!(guessed.contains(&Typed {
            prefix: Some("BAKERY".into()),
            code: "7K2QX9".into(),
            guessed: true,
        }));
        assert!(guessed.iter().skip(1).all(|r| r.guessed));
    }

    #[test]
    fn grouping_is_by_four() {
        assert_eq!(grouped(None, "7K2QX9"), "7K2Q-X9");
        assert_eq!(grouped(Some("BAKERY"), "7K2QX9AB"), "BAKERY-7K2Q-X9AB");
    }

    proptest! {
        #[test]
        fn printed_codes_read_back_to_themselves(idx in proptest::collection::vec(0usize..32, 4..12), lower in any::<bool>()) {
            let body: String = idx.into_iter().map(|i| char::from(super::super::ALPHABET[i])).collect();
            let code = format!("{body}{}", super::super::check_symbol(&body).unwrap());
            let printed = grouped(Some("BAKERY"), &code);
            let typed = if lower { printed.to_lowercase() } else { printed };
            let readings = Typed::readings(&typed);
            prop_assert!(readings.iter().any(|r| r.code == code && r.prefix.as_deref() == Some("BAKERY")));
            prop_assert_eq!(normalise(&grouped(None, &code)), code);
        }
    }
}
