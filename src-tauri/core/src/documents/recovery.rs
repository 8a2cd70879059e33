//! The owner's recovery sheet: the code that resets the owner's PIN from the lock screen,
//! set large, with three plain sentences on what it is for. One page, to be printed once
//! and kept away from the till.

use chrono::NaiveDate;

use crate::business::PaperSize;
use crate::documents::engine::compose::Composer;
use crate::documents::engine::fonts::{Face, Fonts};
use crate::documents::engine::layout::Mark;
use crate::documents::engine::page::{Frame, Sheet};
use crate::documents::engine::paint::paint;
use crate::documents::engine::style::{self, Ink};
use crate::documents::engine::wrap::TextStyle;
use crate::documents::DocumentError;
use crate::text::long_date;

const TITLE: &str = "Owner recovery code";

const ABOUT: [&str; 3] = [
    "Keep this sheet somewhere safe, away from the till: anyone holding this code can \
     become the owner.",
    "If you forget your PIN, choose \u{201c}Forgot PIN?\u{201d} on the lock screen and type \
     this code to set a new PIN.",
    "Using the code issues a new one and this one stops working, so print the new sheet \
     then and destroy this one.",
];

/// What the recovery sheet prints.
#[derive(Debug, Clone)]
pub struct RecoverySheet {
    /// The business name, once the profile is saved.
    pub shop: Option<String>,
    /// The owner the code belongs to.
    pub owner: String,
    /// Grouped as typed back: `7K2Q-X9AB-M4PD-3HTR`.
    pub code: String,
    /// The day the code was printed.
    pub issued: NaiveDate,
}

/// `sheet` as a one-page PDF on `paper`.
pub fn render_recovery_sheet(
    paper: PaperSize,
    sheet: &RecoverySheet,
) -> Result<Vec<u8>, DocumentError> {
    let fonts = Fonts::shared()?;
    let page = Sheet::new(paper);
    let shop = sheet.shop.clone().unwrap_or_else(|| "Partnerdesk".into());
    let frame = Frame {
        head_left: TITLE.to_string(),
        head_right: shop.clone(),
        foot: "Private: keep this sheet safe.".to_string(),
    };
    let title = format!("{TITLE} · {}", sheet.owner);
    Ok(paint(
        fonts,
        &page,
        Some(&frame),
        &title,
        lay_out(fonts, page, &shop, sheet),
    ))
}

fn lay_out(fonts: &Fonts, page: Sheet, shop: &str, sheet: &RecoverySheet) -> Vec<Vec<Mark>> {
    let set = |face, size, ink| TextStyle { face, size, ink };
    let mut c = Composer::new(fonts, page);
    c.text(shop, set(Face::Regular, 14.0, Ink::Muted));
    c.space(4.0);
    c.text(TITLE, set(Face::Bold, 26.0, Ink::Accent));
    c.space(18.0);
    c.rows(&[
        ("Owner".to_string(), sheet.owner.clone()),
        ("Issued".to_string(), long_date(sheet.issued)),
    ]);
    c.space(24.0);
    // No monospace face is embedded; bold capitals and digits from a 32-symbol alphabet
    // without look-alikes, in groups of four, read back just as reliably.
    c.text(&sheet.code, set(Face::Bold, 30.0, Ink::Text));
    c.space(24.0);
    for sentence in ABOUT {
        c.text(sentence, set(Face::Regular, 13.0, Ink::Text));
        c.space(style::PARAGRAPH_GAP + 3.0);
    }
    c.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::pdf_words;

    fn sample() -> RecoverySheet {
        RecoverySheet {
            shop: Some("Café Müller".into()),
            owner: "Maya Bean".into(),
            code: "7K2Q-X9AB-M4PD-3HTR".into(),
            issued: NaiveDate::from_ymd_opt(2026, 11, 29).expect("date"),
        }
    }

    #[test]
    fn the_sheet_fits_one_page_on_either_paper() {
        let fonts = Fonts::shared().expect("fonts");
        for paper in [PaperSize::A4, PaperSize::Letter] {
            let pages = lay_out(fonts, Sheet::new(paper), "Café Müller", &sample());
            assert_eq!(pages.len(), 1, "{paper:?}");
        }
    }

    #[test]
    fn an_independent_reader_finds_the_code_owner_and_shop() {
        let pdf = render_recovery_sheet(PaperSize::A4, &sample()).expect("render");
        let words = pdf_words(&pdf);
        for expected in [
            "7K2Q-X9AB-M4PD-3HTR",
            "Owner recovery code",
            "Maya Bean",
            "Café Müller",
            "29 November 2026",
            "Forgot PIN?",
        ] {
            assert!(words.contains(expected), "{expected} missing from {words}");
        }
    }
}
