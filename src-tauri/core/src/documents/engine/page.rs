//! Paper geometry, and the running head and foot printed on every page.

use crate::business::PaperSize;

use super::fonts::Fonts;
use super::layout::Mark;
use super::style::{self, Ink};
use super::wrap::ellipsize;

/// Points per millimetre (72 pt to the inch, 25.4 mm to the inch).
const PT_PER_MM: f32 = 72.0 / 25.4;

/// A page's size and the area text flows in, in points from the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sheet {
    /// Paper width.
    pub width: f32,
    /// Paper height.
    pub height: f32,
    /// Left and right margin.
    pub margin_x: f32,
    /// Where body text starts, below the running head.
    pub top: f32,
    /// Where body text must end, above the running foot.
    pub bottom: f32,
}

impl Sheet {
    /// The sheet for `paper`: A4 is 210 × 297 mm, US Letter 215.9 × 279.4 mm (8.5 × 11 in).
    pub fn new(paper: PaperSize) -> Self {
        let (width_mm, height_mm) = match paper {
            PaperSize::A4 => (210.0, 297.0),
            PaperSize::Letter => (215.9, 279.4),
        };
        let height = height_mm * PT_PER_MM;
        Sheet {
            width: width_mm * PT_PER_MM,
            height,
            // 20 mm sides leave room for a binder's holes and keep lines near 90 characters.
            margin_x: 20.0 * PT_PER_MM,
            top: 26.0 * PT_PER_MM,
            bottom: height - 24.0 * PT_PER_MM,
        }
    }

    /// Left edge of the text area.
    pub fn left(&self) -> f32 {
        self.margin_x
    }

    /// Right edge of the text area.
    pub fn right(&self) -> f32 {
        self.width - self.margin_x
    }

    /// Width of the text area.
    pub fn content_width(&self) -> f32 {
        self.right() - self.left()
    }

    /// Height of the text area.
    pub fn content_height(&self) -> f32 {
        self.bottom - self.top
    }
}

/// What the running head and foot say.
#[derive(Debug, Clone, Default)]
pub struct Frame {
    /// Head, left: the document, e.g. "Referral partnership agreement".
    pub head_left: String,
    /// Head, right: usually the business name.
    pub head_right: String,
    /// Foot, left: e.g. "Bean There Coffee · Crumb & Co. Bakery · Agreement v3".
    pub foot: String,
}

impl Frame {
    /// Head and foot for page `number` of `total`. Known only once the whole document is laid
    /// out, which is why pages are painted after layout rather than while flowing.
    pub fn marks(&self, fonts: &Fonts, sheet: &Sheet, number: usize, total: usize) -> Vec<Mark> {
        let s = style::small();
        let head_base = sheet.top - 10.0 * PT_PER_MM;
        let foot_base = sheet.bottom + 12.0 * PT_PER_MM;
        let page = format!("Page {number} of {total}");
        let page_width = fonts.width(s.face, s.size, &page);
        let gap = 12.0;
        let half = (sheet.content_width() - gap) / 2.0;
        let head_right = ellipsize(fonts, s.face, s.size, &self.head_right, half);
        let head_right_width = fonts.width(s.face, s.size, &head_right);
        let head_left_room = sheet.content_width() - head_right_width - gap;
        let foot_room = sheet.content_width() - page_width - gap;
        let rule = |y: f32| Mark::Line {
            x1: sheet.left(),
            y1: y,
            x2: sheet.right(),
            y2: y,
            width: style::HAIRLINE,
            ink: Ink::Rule,
        };
        vec![
            Mark::text(
                sheet.left(),
                head_base,
                s,
                ellipsize(fonts, s.face, s.size, &self.head_left, head_left_room),
            ),
            Mark::text(sheet.right() - head_right_width, head_base, s, head_right),
            rule(head_base + 4.0),
            rule(foot_base - s.size - 3.0),
            Mark::text(
                sheet.left(),
                foot_base,
                s,
                ellipsize(fonts, s.face, s.size, &self.foot, foot_room),
            ),
            Mark::text(sheet.right() - page_width, foot_base, s, page),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_sizes_are_a4_and_us_letter_in_points() {
        let a4 = Sheet::new(PaperSize::A4);
        assert!((a4.width - 595.28).abs() < 0.01 && (a4.height - 841.89).abs() < 0.01);
        let letter = Sheet::new(PaperSize::Letter);
        assert!((letter.width - 612.0).abs() < 0.01 && (letter.height - 792.0).abs() < 0.01);
        assert!(letter.content_height() > 500.0 && letter.top < letter.bottom);
    }

    #[test]
    fn head_and_foot_stay_inside_the_margins_and_number_the_page() {
        let fonts = Fonts::shared().unwrap();
        let sheet = Sheet::new(PaperSize::Letter);
        let frame = Frame {
            head_left: "Referral partnership agreement ".repeat(5),
            head_right: "Ł".repeat(90),
            foot: "Café Müller · ".repeat(20),
        };
        let marks = frame.marks(fonts, &sheet, 2, 3);
        for mark in &marks {
            let (left, right) = mark.horizontal_extent(fonts);
            assert!(
                left >= sheet.left() - 0.01 && right <= sheet.right() + 0.01,
                "{mark:?}"
            );
        }
        assert!(marks.iter().any(|m| m.text_str() == Some("Page 2 of 3")));
    }
}
