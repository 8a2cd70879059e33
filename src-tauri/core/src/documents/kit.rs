//! The partner kit: everything a partner needs to start sending customers, in one PDF. A
//! cover letter, the agreement in force, a sheet of their cards, a one-page guide for the
//! partner's own staff, and the counter guide our staff use, each part with its own running
//! head and page count.

use crate::business::PaperSize;

use super::agreement::{agreement_section, AgreementDoc, PartyBlock};
use super::cards::{cards_section, CardSheet};
use super::cheat_sheet::cheat_sheet_section;
use super::engine::clean::printable_line;
use super::engine::compose::Composer;
use super::engine::fonts::{Face, Fonts};
use super::engine::layout::Mark;
use super::engine::page::{Frame, Sheet};
use super::engine::paint::{paint_sections, Section};
use super::engine::picture::Picture;
use super::engine::style::{self, Ink};
use super::engine::wrap::TextStyle;
use super::parts::party;
use super::DocumentError;

/// The cover letter to the partner, in words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CoverLetter {
    /// Us, as the letter is signed for: name, address (with opening hours), contact.
    pub from: PartyBlock,
    /// The partner it is addressed to.
    pub to: PartyBlock,
    /// E.g. "7 December 2026".
    pub date: String,
    /// E.g. "Dear Anna Kowalska,".
    pub salutation: String,
    /// The body, one paragraph each.
    pub paragraphs: Vec<String>,
    /// What the kit holds, listed under "Enclosed".
    pub enclosed: Vec<String>,
    /// E.g. "Kind regards,".
    pub closing: String,
    /// Who signs it, e.g. the owner who printed it.
    pub signer: String,
    /// The shop's logo, as letterhead.
    pub logo: Option<Picture>,
}

/// The one-page guide for the partner's staff: short parts, each a heading and a sentence
/// or two, in type large enough to read at the counter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StaffGuide {
    /// E.g. "For the team at Crumb & Co. Bakery".
    pub title: String,
    /// One line under the title.
    pub intro: String,
    /// (heading, words): who to hand cards to, what to say, what the customer gets, where
    /// they redeem, how the partner is paid.
    pub parts: Vec<(String, String)>,
}

/// Everything in one partner's kit, already in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitDoc {
    /// A4 or US Letter, for every part.
    pub paper: PaperSize,
    /// Document properties title, e.g. "Partner kit · Crumb & Co. Bakery".
    pub title: String,
    /// Our business name, for the running heads.
    pub shop: String,
    pub letter: CoverLetter,
    /// The agreement in force; `None` when none is signed yet (the letter says so).
    pub agreement: Option<AgreementDoc>,
    /// A sheet of the partner's cards; `None` when they have none left to hand out.
    pub cards: Option<CardSheet>,
    pub guide: StaffGuide,
}

/// The kit as one PDF: letter, agreement, cards, the partner's staff guide, our counter
/// guide.
pub fn render_kit(doc: &KitDoc) -> Result<Vec<u8>, DocumentError> {
    let fonts = Fonts::shared()?;
    let sheet = Sheet::new(doc.paper);
    let mut sections = vec![Section {
        frame: Some(Frame {
            head_left: format!("Partner kit · {}", doc.letter.to.name),
            head_right: doc.shop.clone(),
            foot: format!("{} · Partner kit", doc.shop),
        }),
        pages: letter(fonts, sheet, &doc.letter),
    }];
    if let Some(agreement) = &doc.agreement {
        sections.push(agreement_section(agreement)?);
    }
    if let Some(cards) = &doc.cards {
        sections.push(cards_section(cards)?);
    }
    sections.push(Section {
        frame: Some(Frame {
            head_left: "Staff guide · handing out our cards".to_string(),
            head_right: doc.shop.clone(),
            foot: format!("{} · {}", doc.shop, doc.letter.to.name),
        }),
        pages: guide(fonts, sheet, &doc.guide),
    });
    sections.push(cheat_sheet_section(doc.paper, &doc.shop)?);
    Ok(paint_sections(
        fonts,
        &sheet,
        &printable_line(&doc.title),
        sections,
    ))
}

/// The cover letter: both addresses side by side, the date, the letter, what is enclosed.
fn letter(fonts: &Fonts, sheet: Sheet, l: &CoverLetter) -> Vec<Vec<Mark>> {
    let mut c = Composer::new(fonts, sheet);
    if let Some(logo) = &l.logo {
        c.logo(logo);
    }
    let parties = [&l.from, &l.to];
    c.pair(|column, i| party(fonts, column, parties[i]), true);
    c.space(style::SECTION_GAP);
    c.text(&l.date, style::label());
    c.space(style::SECTION_GAP);
    c.text(&l.salutation, style::body());
    c.space(6.0);
    for paragraph in &l.paragraphs {
        c.paragraphs(paragraph);
        c.space(2.0);
    }
    if !l.enclosed.is_empty() {
        c.heading("Enclosed");
        c.numbered(&l.enclosed);
    }
    c.space(style::SECTION_GAP);
    c.text(&l.closing, style::body());
    c.space(18.0);
    c.text(&l.signer, style::strong());
    c.text(&l.from.name, style::label());
    c.finish()
}

/// The staff guide: a big title, then each part as a heading and a few words.
fn guide(fonts: &Fonts, sheet: Sheet, g: &StaffGuide) -> Vec<Vec<Mark>> {
    let big = |face, size, ink| TextStyle { face, size, ink };
    let mut c = Composer::new(fonts, sheet);
    c.text(&g.title, big(Face::Bold, 24.0, Ink::Accent));
    c.space(6.0);
    c.text(&g.intro, big(Face::Regular, 13.0, Ink::Muted));
    for (heading, words) in &g.parts {
        c.space(14.0);
        c.text(heading, big(Face::Bold, 15.0, Ink::Accent));
        c.space(2.0);
        c.text(words, big(Face::Regular, 13.0, Ink::Text));
    }
    c.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> StaffGuide {
        StaffGuide {
            title: "For the team at Łódź Café Müller".into(),
            intro: "Two minutes to read; keep it by the till.".into(),
            parts: (0..5)
                .map(|i| {
                    (
                        format!("Part {i}"),
                        "Hand a card to anyone who asks where to get a good coffee nearby. "
                            .repeat(3),
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn the_staff_guide_fits_one_page_on_both_papers() {
        let fonts = Fonts::shared().unwrap();
        for paper in [PaperSize::A4, PaperSize::Letter] {
            let pages = guide(fonts, Sheet::new(paper), &sample());
            assert_eq!(pages.len(), 1, "{paper:?}");
            let texts: Vec<_> = pages[0].iter().filter_map(Mark::text_str).collect();
            assert!(texts.contains(&"Part 4"));
        }
    }
}
