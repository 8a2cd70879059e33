//! Turning the file's bytes into text. Spreadsheets save CSV in whatever the computer's
//! legacy code page is (Excel on a German Windows: Windows-1252; on a Polish one:
//! Windows-1250; on an old Mac: Mac Roman) unless the owner picks "CSV UTF-8", and the file
//! says nothing about which. Reading such a file as UTF-8 turns `Café` into `Caf�`, so the
//! encoding is detected, shown on the preview, and can be overridden by the owner.
//!
//! Detection order, most certain first: a byte order mark (only UTF-8 and UTF-16 have one);
//! bytes that are valid UTF-8 (legacy text with any accent almost never is); chardetng's
//! guess (Firefox's detector, told the shop's country), kept only when it is one of the
//! encodings we offer; and Windows-1252, the commonest legacy spreadsheet encoding.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::Encoding;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ImportError;

/// A text encoding an owner's file may be saved in, among those the preview offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
    Iso8859_15,
    Windows1250,
    Iso8859_2,
    MacRoman,
}

/// An encoding as the preview's select offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EncodingChoice {
    pub encoding: TextEncoding,
    /// e.g. "Windows-1252 (Western European)".
    pub label: &'static str,
}

impl TextEncoding {
    /// Every encoding offered, in the order the select lists them.
    pub const ALL: [TextEncoding; 8] = [
        TextEncoding::Utf8,
        TextEncoding::Utf16Le,
        TextEncoding::Utf16Be,
        TextEncoding::Windows1252,
        TextEncoding::Iso8859_15,
        TextEncoding::Windows1250,
        TextEncoding::Iso8859_2,
        TextEncoding::MacRoman,
    ];

    /// The name an owner recognises from a spreadsheet's "Save as" dialog.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16 (little-endian)",
            TextEncoding::Utf16Be => "UTF-16 (big-endian)",
            TextEncoding::Windows1252 => "Windows-1252 (Western European)",
            TextEncoding::Iso8859_15 => "ISO-8859-15 (Western European, with €)",
            TextEncoding::Windows1250 => "Windows-1250 (Central European)",
            TextEncoding::Iso8859_2 => "ISO-8859-2 (Central European)",
            TextEncoding::MacRoman => "Mac Roman (older Mac spreadsheets)",
        }
    }

    /// The select's choices.
    pub fn choices() -> Vec<EncodingChoice> {
        Self::ALL
            .into_iter()
            .map(|encoding| EncodingChoice {
                encoding,
                label: encoding.label(),
            })
            .collect()
    }

    fn decoder(self) -> &'static Encoding {
        match self {
            TextEncoding::Utf8 => encoding_rs::UTF_8,
            TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
            TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
            TextEncoding::Windows1252 => encoding_rs::WINDOWS_1252,
            TextEncoding::Iso8859_15 => encoding_rs::ISO_8859_15,
            TextEncoding::Windows1250 => encoding_rs::WINDOWS_1250,
            TextEncoding::Iso8859_2 => encoding_rs::ISO_8859_2,
            TextEncoding::MacRoman => encoding_rs::MACINTOSH,
        }
    }

    fn from_decoder(encoding: &'static Encoding) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.decoder() == encoding)
    }
}

/// The encoding `bytes` were most likely saved in; `locale` is the shop's (`pl-PL`), whose
/// country tells the detector which legacy encodings are usual there.
pub fn detect(bytes: &[u8], locale: &str) -> TextEncoding {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        if let Some(ours) = TextEncoding::from_decoder(encoding) {
            return ours;
        }
    }
    if std::str::from_utf8(bytes).is_ok() {
        return TextEncoding::Utf8;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let tld = country(locale);
    let guess = detector.guess(tld.as_deref().map(str::as_bytes), Utf8Detection::Deny);
    // A guess outside what we offer (Shift_JIS, KOI8-R…) is noise from a short Western file
    // far more often than a real Japanese or Russian spreadsheet; the owner can still choose.
    TextEncoding::from_decoder(guess).unwrap_or(TextEncoding::Windows1252)
}

/// The country part of a locale, lower-cased, as the detector's top-level-domain hint.
fn country(locale: &str) -> Option<String> {
    let region = locale.rsplit_once('-')?.1;
    (region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| region.to_ascii_lowercase())
}

/// `bytes` as text in `encoding`, a matching byte order mark dropped (it would otherwise
/// stick to the first column's name). Refuses bytes the encoding cannot hold, naming the
/// first line with one, rather than importing replacement characters.
pub fn decode(bytes: &[u8], encoding: TextEncoding) -> Result<String, ImportError> {
    let decoder = encoding.decoder();
    let body = match Encoding::for_bom(bytes) {
        Some((bom, length)) if bom == decoder => &bytes[length..],
        _ => bytes,
    };
    let (text, had_errors) = decoder.decode_without_bom_handling(body);
    if had_errors {
        let before = text.split('\u{FFFD}').next().unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        return Err(ImportError::Undecodable {
            line: u64::try_from(line).unwrap_or(u64::MAX),
            encoding: encoding.label(),
        });
    }
    Ok(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks_decide_before_anything_else() {
        assert_eq!(detect(b"\xEF\xBB\xBFname\n", "en-US"), TextEncoding::Utf8);
        assert_eq!(detect(b"\xFF\xFEn\0a\0", "en-US"), TextEncoding::Utf16Le);
        assert_eq!(detect(b"\xFE\xFF\0n\0a", "en-US"), TextEncoding::Utf16Be);
    }

    #[test]
    fn legacy_bytes_are_not_taken_for_utf8() {
        assert_eq!(detect("Café\n".as_bytes(), "de-DE"), TextEncoding::Utf8);
        assert_eq!(
            detect(b"name\nCaf\xe9 M\xfcller\n", "de-DE"),
            TextEncoding::Windows1252
        );
        assert_eq!(detect(b"name\nplain\n", "pl-PL"), TextEncoding::Utf8);
    }

    #[test]
    fn a_matching_bom_is_dropped_and_a_foreign_one_is_text() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFname", TextEncoding::Utf8).unwrap(),
            "name"
        );
        assert_eq!(decode(b"\xFF\xFEn\0", TextEncoding::Utf16Le).unwrap(), "n");
        assert_eq!(
            decode(b"\xEF\xBB\xBFn", TextEncoding::Windows1252).unwrap(),
            "ï»¿n"
        );
    }

    #[test]
    fn bytes_the_encoding_cannot_hold_name_their_line() {
        assert_eq!(
            decode(b"name\nok\nCaf\xe9\n", TextEncoding::Utf8),
            Err(ImportError::Undecodable {
                line: 3,
                encoding: "UTF-8"
            })
        );
        // An odd byte count cannot be UTF-16.
        assert!(decode(b"\xFF\xFEn\0a", TextEncoding::Utf16Le).is_err());
    }

    #[test]
    fn the_country_of_the_locale_is_the_hint() {
        assert_eq!(country("pl-PL").as_deref(), Some("pl"));
        assert_eq!(country("de-CH").as_deref(), Some("ch"));
        assert_eq!(country("en"), None);
    }
}
