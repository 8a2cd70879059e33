//! The referral card sheet: business-card-size cards (85 × 55 mm), ten to a page in two
//! columns of five, each with the offer, the code in large type and a QR code carrying it,
//! and cut marks outside the cards.

use crate::business::PaperSize;

use super::engine::clean::printable_line;
use super::engine::fonts::{Face, Fonts};
use super::engine::layout::Mark;
use super::engine::page::Sheet;
use super::engine::paint::Section;
use super::engine::picture::Picture;
use super::engine::qr::qr_marks;
use super::engine::style::{self, Ink};
use super::engine::wrap::{ellipsize, wrap, TextStyle};
use super::DocumentError;

/// Points per millimetre.
const MM: f32 = 72.0 / 25.4;
/// Card width and height: the ISO 7810 / European business card.
const CARD_W: f32 = 85.0 * MM;
const CARD_H: f32 = 55.0 * MM;
const COLUMNS: usize = 2;
const ROWS: usize = 5;
/// Cards on one page.
pub const CARDS_PER_PAGE: usize = COLUMNS * ROWS;
/// Space between the two columns. Rows touch: one guillotine cut separates two cards, and
/// five rows fit US Letter (279.4 mm) only that way.
const GUTTER: f32 = 10.0 * MM;
/// Inner margin of a card.
const PAD: f32 = 5.0 * MM;
/// The QR square, quiet zone included, and its distance from the card's top and right edge.
const QR_SIZE: f32 = 25.0 * MM;
const QR_INSET: f32 = 2.5 * MM;
/// Cut marks start this far from the card's corner and are at most this long.
const TICK_GAP: f32 = 1.0 * MM;
const TICK_LEN: f32 = 4.0 * MM;
/// The most room the logo takes beside the shop's name on a card.
const LOGO_CARD_W: f32 = 22.0 * MM;
const LOGO_CARD_H: f32 = 4.5 * MM;
/// The code's type size, shrunk only when a long prefix would not fit the card.
const CODE_SIZE: f32 = 17.0;

/// One referral card, already in words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Card {
    /// The business where the code is redeemed, e.g. "Bean There Coffee".
    pub shop: String,
    /// Where it is, on one line: "12 Mill Lane, Riverside"; may be empty.
    pub address: String,
    /// When it is open, on one line: "Mon–Fri 7:00–18:00 · Sat 8:00–16:00"; may be empty.
    pub hours: String,
    /// The partner handing out the card; printed as "Brought to you by <partner>".
    pub partner: String,
    /// What the customer gets, e.g. "10 % off, min €5.00".
    pub offer: String,
    /// The code as printed, grouped, e.g. "BAKERY-7K2Q-X9A".
    pub code: String,
    /// What the QR code carries: the code as printed, which a phone shows as text a cashier
    /// can read back and the counter accepts as typed.
    pub qr_payload: String,
    /// How often it can be used and until when, e.g. "Single use · Valid until
    /// 31 January 2027"; empty for an unlimited code with no dates.
    pub validity: String,
}

/// A sheet of cards to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardSheet {
    /// A4 or US Letter.
    pub paper: PaperSize,
    /// Document title in the PDF's properties, e.g. "Referral cards · Crumb & Co. Bakery".
    pub title: String,
    /// The cards, ten to a page, left to right and top to bottom.
    pub cards: Vec<Card>,
    /// The shop's logo, small beside its name on every card.
    pub logo: Option<Picture>,
}

/// The sheet as a PDF with as many pages as the cards need (one blank page for none).
pub fn render_card_sheet(sheet: &CardSheet) -> Result<Vec<u8>, DocumentError> {
    let fonts = Fonts::shared()?;
    let page = Sheet::new(sheet.paper);
    let section = cards_section(sheet)?;
    Ok(super::engine::paint::paint(
        fonts,
        &page,
        None,
        &printable_line(&sheet.title),
        section.pages,
    ))
}

/// The sheet's pages, with no head or foot (they would print on a card), for a pack of
/// documents (the kit).
pub(crate) fn cards_section(sheet: &CardSheet) -> Result<Section, DocumentError> {
    let fonts = Fonts::shared()?;
    let page = Sheet::new(sheet.paper);
    let mut pages: Vec<Vec<Mark>> = sheet
        .cards
        .chunks(CARDS_PER_PAGE)
        .map(|cards| lay_out_page(fonts, &page, cards, sheet.logo.as_ref()))
        .collect();
    if pages.is_empty() {
        pages.push(Vec::new());
    }
    Ok(Section { frame: None, pages })
}

/// Top-left corner of slot `i` (0‥9) on `page`, the grid centred on the paper.
fn slot(page: &Sheet, i: usize) -> (f32, f32) {
    let left = (page.width - COLUMNS as f32 * CARD_W - GUTTER) / 2.0;
    let top = (page.height - ROWS as f32 * CARD_H) / 2.0;
    let (col, row) = (i % COLUMNS, i / COLUMNS);
    (
        left + col as f32 * (CARD_W + GUTTER),
        top + row as f32 * CARD_H,
    )
}

fn lay_out_page(fonts: &Fonts, page: &Sheet, cards: &[Card], logo: Option<&Picture>) -> Vec<Mark> {
    let mut marks = Vec::new();
    for (i, card) in cards.iter().enumerate() {
        let (x, y) = slot(page, i);
        marks.extend(cut_marks(page, i, x, y));
        marks.extend(card_marks(fonts, card, x, y, logo));
    }
    marks
}

/// Ticks continuing each card edge past its corners, only into free space: the margins and
/// half the gutter. Rows touch, so between rows only the horizontal ticks appear.
fn cut_marks(page: &Sheet, i: usize, x: f32, y: f32) -> Vec<Mark> {
    let (col, row) = (i % COLUMNS, i / COLUMNS);
    let left_room = if col == 0 { x } else { GUTTER / 2.0 };
    let right_room = if col + 1 == COLUMNS {
        page.width - x - CARD_W
    } else {
        GUTTER / 2.0
    };
    let top_room = if row == 0 { y } else { 0.0 };
    let bottom_room = if row + 1 == ROWS {
        page.height - y - CARD_H
    } else {
        0.0
    };
    let tick = |x1: f32, y1: f32, dx: f32, dy: f32, room: f32| {
        let len = TICK_LEN.min(room - TICK_GAP - 0.5 * MM);
        (len >= 1.0 * MM).then_some(Mark::Line {
            x1: x1 + dx * TICK_GAP,
            y1: y1 + dy * TICK_GAP,
            x2: x1 + dx * (TICK_GAP + len),
            y2: y1 + dy * (TICK_GAP + len),
            width: 0.25,
            ink: Ink::Text,
        })
    };
    let (r, b) = (x + CARD_W, y + CARD_H);
    [
        tick(x, y, -1.0, 0.0, left_room),
        tick(x, b, -1.0, 0.0, left_room),
        tick(r, y, 1.0, 0.0, right_room),
        tick(r, b, 1.0, 0.0, right_room),
        tick(x, y, 0.0, -1.0, top_room),
        tick(r, y, 0.0, -1.0, top_room),
        tick(x, b, 0.0, 1.0, bottom_room),
        tick(r, b, 0.0, 1.0, bottom_room),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn text_style(face: Face, size: f32, ink: Ink) -> TextStyle {
    TextStyle { face, size, ink }
}

/// One card's face, its top-left corner at (`x`, `y`).
fn card_marks(fonts: &Fonts, card: &Card, x: f32, y: f32, logo: Option<&Picture>) -> Vec<Mark> {
    let mut marks = Vec::new();
    let qr_x = x + CARD_W - QR_INSET - QR_SIZE;
    // The quiet zone is part of the square, so text stops short of the square itself.
    let text_w = qr_x - x - PAD - 1.0 * MM;
    let full_w = CARD_W - 2.0 * PAD;
    let left = x + PAD;

    let shop = text_style(Face::Bold, 9.0, Ink::Accent);
    let mut base = y + PAD + style::baseline(shop) - 2.0;
    let line = |s: TextStyle, text: &str, width: f32, base: f32| {
        Mark::text(left, base, s, ellipsize(fonts, s.face, s.size, text, width))
    };
    // The logo sits on the name's line, the name moved beside it: the card has no room for
    // a line of its own.
    let name_left = match logo {
        Some(logo) => {
            let (w, h) = logo.fit(LOGO_CARD_W, LOGO_CARD_H);
            marks.push(logo.mark(
                left,
                base - style::baseline(shop) + 1.0 - (h - 9.0) / 2.0,
                w,
                h,
            ));
            left + w + 1.5 * MM
        }
        None => left,
    };
    let name = ellipsize(
        fonts,
        shop.face,
        shop.size,
        &card.shop,
        text_w - (name_left - left),
    );
    marks.push(Mark::text(name_left, base, shop, name));
    // Where to redeem it: the card is all a customer carries to the shop.
    let place = text_style(Face::Regular, 6.5, Ink::Muted);
    for detail in [&card.address, &card.hours] {
        if !detail.trim().is_empty() {
            base += style::line_height(place);
            marks.push(line(place, detail, text_w, base));
        }
    }
    let offer = text_style(Face::Bold, 12.0, Ink::Text);
    base += 16.0;
    for text in offer_lines(fonts, offer, &card.offer, text_w) {
        marks.push(Mark::text(left, base, offer, text));
        base += style::line_height(offer);
    }

    let rule_y = y + QR_INSET + QR_SIZE + 2.5 * MM;
    marks.push(Mark::Line {
        x1: left,
        y1: rule_y,
        x2: left + full_w,
        y2: rule_y,
        width: style::HAIRLINE,
        ink: Ink::Rule,
    });
    // Who referred the customer sits with the code, the part staff read at the till.
    let by = text_style(Face::Regular, 7.5, Ink::Muted);
    let code_base = y + CARD_H - PAD - 22.0;
    let partner = format!("Brought to you by {}", card.partner.trim());
    marks.push(line(by, &partner, full_w, code_base - 21.0));
    let code = printable_line(&card.code);
    let natural = fonts.width(Face::Bold, CODE_SIZE, &code);
    let size = if natural > full_w {
        (CODE_SIZE * full_w / natural).max(8.0)
    } else {
        CODE_SIZE
    };
    marks.push(Mark::text(
        left,
        code_base,
        text_style(Face::Bold, size, Ink::Text),
        code,
    ));
    let validity = text_style(Face::Regular, 7.5, Ink::Muted);
    marks.push(line(
        validity,
        &card.validity,
        full_w,
        y + CARD_H - PAD - 2.0,
    ));

    if let Some(qr) = qr_marks(&card.qr_payload, qr_x, y + QR_INSET, QR_SIZE) {
        marks.extend(qr);
    } else {
        tracing::warn!(
            len = card.qr_payload.len(),
            "QR payload too long; card printed without it"
        );
    }
    marks
}

/// The offer on at most two lines, the second cut short with `…` if more would follow.
fn offer_lines(fonts: &Fonts, s: TextStyle, offer: &str, width: f32) -> Vec<String> {
    let mut lines = wrap(fonts, s.face, s.size, offer, width);
    if lines.len() > 2 {
        let rest = lines.split_off(1).join(" ");
        lines.push(ellipsize(fonts, s.face, s.size, &rest, width));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(code: &str) -> Card {
        Card {
            shop: "Bean There Coffee".into(),
            address: "ul. Piotrkowska 12, 90-001 Łódź, by the market square ".repeat(2),
            hours: "Mon–Fri 7:00–18:00 · Sat 8:00–16:00 · Sun closed".into(),
            partner: "Café Müller Łódź ".repeat(6),
            offer: "A free almond croissant with any large coffee, one per visit ".repeat(3),
            code: code.into(),
            qr_payload: "7K2QX9A".into(),
            validity: "Valid 1 December 2026 – 31 January 2027".into(),
        }
    }

    fn inside(cards: &[(f32, f32)], x: f32, y: f32) -> bool {
        cards
            .iter()
            .any(|&(cx, cy)| x > cx && x < cx + CARD_W && y > cy && y < cy + CARD_H)
    }

    #[test]
    fn text_stays_on_its_card_and_cut_marks_stay_off_every_card() {
        let fonts = Fonts::shared().unwrap();
        for paper in [PaperSize::A4, PaperSize::Letter] {
            let page = Sheet::new(paper);
            let cards = vec![card("SUPERLONGPREFIX-7K2Q-X9A"); CARDS_PER_PAGE];
            let slots: Vec<_> = (0..CARDS_PER_PAGE).map(|i| slot(&page, i)).collect();
            let (first, last) = (slots[0], slots[CARDS_PER_PAGE - 1]);
            assert!(first.0 > 0.0 && first.1 > 0.0, "{paper:?}");
            assert!(last.0 + CARD_W < page.width && last.1 + CARD_H < page.height);
            let mut ticks = 0;
            for mark in lay_out_page(fonts, &page, &cards, None) {
                match mark {
                    Mark::Line { x1, y1, x2, y2, .. } if !inside(&slots, x1, y1 + 1.0) => {
                        let mid = ((x1 + x2) / 2.0, (y1 + y2) / 2.0);
                        assert!(!inside(&slots, mid.0, mid.1) && !inside(&slots, x2, y2));
                        ticks += 1;
                    }
                    Mark::Text { x, y, .. } => {
                        let (_, right) = mark.horizontal_extent(fonts);
                        assert!(inside(&slots, x, y) && inside(&slots, right, y), "{mark:?}");
                    }
                    _ => {}
                }
            }
            assert!(ticks >= 2 * ROWS * COLUMNS, "{paper:?}: {ticks} cut marks");
        }
    }

    #[test]
    fn a_long_offer_keeps_to_two_lines() {
        let fonts = Fonts::shared().unwrap();
        let s = text_style(Face::Bold, 12.0, Ink::Text);
        let lines = offer_lines(fonts, s, &card("X").offer, 140.0);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
    }
}
