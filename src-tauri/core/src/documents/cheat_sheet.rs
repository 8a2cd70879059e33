//! A one-page staff guide for the till: how to take a referral code and what each lookup
//! result means, in type large enough to read at arm's length.

use crate::business::PaperSize;
use crate::documents::engine::clean::printable_line;
use crate::documents::engine::compose::Composer;
use crate::documents::engine::fonts::{Face, Fonts};
use crate::documents::engine::layout::Mark;
use crate::documents::engine::page::{Frame, Sheet};
use crate::documents::engine::paint::{paint, Section};
use crate::documents::engine::style::Ink;
use crate::documents::engine::wrap::TextStyle;
use crate::documents::DocumentError;

const TITLE: &str = "Taking a referral code";

const HOW: &str = "Type the code from the card, or scan its QR code. Spaces, dashes and \
                   capitals do not matter, and O/0, I/L/1 are read alike. Then read the result:";

/// Each lookup result as the screen names it, and what staff do about it.
const OUTCOMES: [(&str, &str); 8] = [
    (
        "Valid",
        "Give the offer shown on screen and record the sale. The partner is credited.",
    ),
    (
        "Mistyped",
        "A character is wrong, swapped, missing or doubled. If a suggestion appears, it says \
         what that card would answer; check it against the card and take it; otherwise type \
         the code again.",
    ),
    (
        "Unknown",
        "No such code was issued. No offer; keep the card aside for the owner.",
    ),
    ("Disabled", "The owner switched this code off. No offer."),
    (
        "Expired or not yet valid",
        "Outside the dates on the card; the screen shows them. No offer today.",
    ),
    ("Used up", "Already redeemed as often as allowed. No offer."),
    (
        "Partner not active",
        "The partnership is paused or has ended. No offer; the owner can explain.",
    ),
    (
        "No terms",
        "No signed agreement is in force today. No offer; tell the owner.",
    ),
];

/// The staff guide for `shop` as a one-page PDF.
pub fn render_cheat_sheet(paper: PaperSize, shop: &str) -> Result<Vec<u8>, DocumentError> {
    let fonts = Fonts::shared()?;
    let sheet = Sheet::new(paper);
    let section = cheat_sheet_section(paper, shop)?;
    let title = printable_line(&format!("{TITLE} · {shop}"));
    Ok(paint(
        fonts,
        &sheet,
        section.frame.as_ref(),
        &title,
        section.pages,
    ))
}

/// The guide's page with its head and foot, for a pack of documents (the kit).
pub(crate) fn cheat_sheet_section(paper: PaperSize, shop: &str) -> Result<Section, DocumentError> {
    let fonts = Fonts::shared()?;
    let sheet = Sheet::new(paper);
    Ok(Section {
        frame: Some(Frame {
            head_left: "Staff guide · referral codes".to_string(),
            head_right: shop.to_string(),
            foot: "Keep this by the till.".to_string(),
        }),
        pages: lay_out(fonts, sheet),
    })
}

fn lay_out(fonts: &Fonts, sheet: Sheet) -> Vec<Vec<Mark>> {
    let big = |face, size, ink| TextStyle { face, size, ink };
    let mut c = Composer::new(fonts, sheet);
    c.text(TITLE, big(Face::Bold, 26.0, Ink::Accent));
    c.space(8.0);
    c.text(HOW, big(Face::Regular, 14.0, Ink::Text));
    for (name, meaning) in OUTCOMES {
        c.space(12.0);
        c.text(name, big(Face::Bold, 16.0, Ink::Accent));
        c.space(1.0);
        c.text(meaning, big(Face::Regular, 14.0, Ink::Text));
    }
    c.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guide_fits_one_page_and_names_every_outcome() {
        let fonts = Fonts::shared().unwrap();
        for paper in [PaperSize::A4, PaperSize::Letter] {
            let pages = lay_out(fonts, Sheet::new(paper));
            assert_eq!(pages.len(), 1, "{paper:?}");
            let texts: Vec<_> = pages[0].iter().filter_map(Mark::text_str).collect();
            for (name, _) in OUTCOMES {
                assert!(texts.contains(&name), "{name} missing");
            }
        }
    }
}
