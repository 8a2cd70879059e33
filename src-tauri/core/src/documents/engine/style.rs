//! The house look of every printed document: sizes, spacing and the few colours used.

use super::fonts::Face;
use super::wrap::TextStyle;

/// Body text size in points: readable on paper without crowding clauses onto extra pages.
pub const BODY: f32 = 10.0;
/// Running head and foot, captions.
pub const SMALL: f32 = 8.0;
/// Section headings.
pub const HEADING: f32 = 12.0;
/// The document title on the first page.
pub const TITLE: f32 = 20.0;
/// Line height as a multiple of the type size; generous enough for accents above capitals
/// (`Ł`, `Ø`, `Ú`) not to touch the line above.
pub const LEADING: f32 = 1.4;
/// Space between paragraphs, in points.
pub const PARAGRAPH_GAP: f32 = 5.0;
/// Space above a section heading, in points.
pub const SECTION_GAP: f32 = 16.0;
/// Width of hairlines (rules, underlines) in points.
pub const HAIRLINE: f32 = 0.5;

/// The colours a document may use: near-black text, a grey for secondary text and rules,
/// and one accent for titles and headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// Body text.
    Text,
    /// Labels, captions, running head and foot.
    Muted,
    /// Title and headings.
    Accent,
    /// Rules and signature lines.
    Rule,
    /// Background of highlighted boxes (the draft notice).
    Tint,
}

impl Ink {
    /// The colour as RGB fractions.
    pub fn rgb(self) -> (f32, f32, f32) {
        match self {
            Ink::Text => (0.11, 0.11, 0.12),
            Ink::Muted => (0.38, 0.40, 0.43),
            // A deep slate blue: reads as "official" and still prints well in greyscale.
            Ink::Accent => (0.12, 0.27, 0.42),
            Ink::Rule => (0.70, 0.72, 0.75),
            Ink::Tint => (0.93, 0.95, 0.97),
        }
    }
}

/// Regular body text.
pub const fn body() -> TextStyle {
    TextStyle {
        face: Face::Regular,
        size: BODY,
        ink: Ink::Text,
    }
}

/// Bold body text, e.g. a party's name.
pub const fn strong() -> TextStyle {
    TextStyle {
        face: Face::Bold,
        size: BODY,
        ink: Ink::Text,
    }
}

/// Grey body-size text for labels.
pub const fn label() -> TextStyle {
    TextStyle {
        face: Face::Regular,
        size: BODY,
        ink: Ink::Muted,
    }
}

/// Small grey text: captions, running head and foot.
pub const fn small() -> TextStyle {
    TextStyle {
        face: Face::Regular,
        size: SMALL,
        ink: Ink::Muted,
    }
}

/// Section heading.
pub const fn heading() -> TextStyle {
    TextStyle {
        face: Face::Bold,
        size: HEADING,
        ink: Ink::Accent,
    }
}

/// Document title.
pub const fn title() -> TextStyle {
    TextStyle {
        face: Face::Bold,
        size: TITLE,
        ink: Ink::Accent,
    }
}

/// Height of one line set in `style`.
pub fn line_height(style: TextStyle) -> f32 {
    style.size * LEADING
}

/// Distance from the top of a line box to the baseline. DejaVu's ascender is 0.93 em and
/// its descender 0.24 em; centring that 1.17 em inside the line box puts the baseline here.
pub fn baseline(style: TextStyle) -> f32 {
    style.size * ((LEADING - 1.17) / 2.0 + 0.93)
}
