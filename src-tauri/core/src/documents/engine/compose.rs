//! The document elements every printed page is built from: titles, headings, paragraphs,
//! label/value rows, numbered items, notices, rules and side-by-side columns.

use super::blocks::{self, Column, Line};
use super::fonts::Fonts;
use super::layout::{Block, Flow, Mark};
use super::page::Sheet;
use super::picture::Picture;
use super::style::{self, Ink};
use super::wrap::{wrap, TextStyle};

/// The most room a letterhead logo takes: wide enough for a word mark, low enough to leave
/// the title near the top.
pub const LOGO_W: f32 = 150.0;
/// See [`LOGO_W`].
pub const LOGO_H: f32 = 42.0;

/// Space between columns set side by side, in points.
pub const GUTTER: f32 = 24.0;

/// Lays a document out element by element, top to bottom, across as many pages as it needs.
pub struct Composer<'f> {
    fonts: &'f Fonts,
    flow: Flow,
}

impl<'f> Composer<'f> {
    /// An empty document on `sheet`.
    pub fn new(fonts: &'f Fonts, sheet: Sheet) -> Self {
        Composer {
            fonts,
            flow: Flow::new(sheet),
        }
    }

    /// The fonts text is measured with.
    pub fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    /// The page geometry.
    pub fn sheet(&self) -> Sheet {
        *self.flow.sheet()
    }

    /// A full-width column at the left margin, for building custom blocks.
    pub fn full_width(&self) -> Column {
        let sheet = self.sheet();
        Column::new(sheet.left(), sheet.content_width())
    }

    /// Vertical space, in points.
    pub fn space(&mut self, points: f32) {
        self.flow.space(points);
    }

    /// A letterhead logo at the left margin, fitted into 150 × 42 points, with room below.
    pub fn logo(&mut self, picture: &Picture) {
        let mark = picture.mark(self.sheet().left(), 0.0, LOGO_W, LOGO_H);
        let height = picture.fit(LOGO_W, LOGO_H).1;
        self.flow.place(Block {
            height,
            marks: vec![mark],
        });
        self.flow.space(10.0);
    }

    /// `text` wrapped across the full width in `style`; it may break across pages.
    pub fn text(&mut self, text: &str, style: TextStyle) {
        let column = self.full_width().text(self.fonts, text, style);
        self.flow
            .place_lines(blocks::columns(self.fonts, &[column]));
    }

    /// Body paragraphs: `text` split at blank lines, each paragraph wrapped, with a little
    /// room between them. Single line breaks inside a paragraph are kept.
    pub fn paragraphs(&mut self, text: &str) {
        for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
            self.text(paragraph.trim(), style::body());
            self.flow.space(style::PARAGRAPH_GAP);
        }
    }

    /// A section heading, kept on the same page as the first lines of its section.
    pub fn heading(&mut self, text: &str) {
        self.heading_keeping(text, 3.0 * style::line_height(style::body()));
    }

    /// A section heading that moves to the next page unless `following` points of what comes
    /// after it fit below it.
    pub fn heading_keeping(&mut self, text: &str, following: f32) {
        let heading = style::heading();
        self.flow.space(style::SECTION_GAP);
        let width = self.sheet().content_width();
        let lines = wrap(self.fonts, heading.face, heading.size, text, width);
        let gap = 3.0;
        self.flow
            .need(lines.len() as f32 * style::line_height(heading) + gap + following);
        self.text(text, heading);
        self.flow.space(gap);
    }

    /// Height of `columns` set side by side, in points.
    pub fn height(&self, columns: &[Column]) -> f32 {
        blocks::columns(self.fonts, columns)
            .iter()
            .map(|b| b.height)
            .sum()
    }

    /// A hairline across the text area.
    pub fn rule(&mut self, above: f32, below: f32) {
        let sheet = self.sheet();
        self.flow
            .place(blocks::rule(sheet.left(), sheet.right(), above, below));
    }

    /// A tinted box with bold text and an accent bar, for what must not be missed (a
    /// draft that is not yet signed). Kept in one piece.
    pub fn notice(&mut self, text: &str) {
        let sheet = self.sheet();
        let (pad_x, pad_y, bar) = (10.0, 6.0, 3.0);
        let notice = TextStyle {
            ink: Ink::Accent,
            ..style::strong()
        };
        let inner = Column::new(
            sheet.left() + bar + pad_x,
            sheet.content_width() - bar - 2.0 * pad_x,
        )
        .text(self.fonts, text, notice);
        let lines = blocks::columns(self.fonts, &[inner]);
        let text_height: f32 = lines.iter().map(|b| b.height).sum();
        let height = text_height + 2.0 * pad_y;
        let mut marks = vec![
            Mark::Fill {
                x: sheet.left(),
                y: 0.0,
                w: sheet.content_width(),
                h: height,
                ink: Ink::Tint,
            },
            Mark::Fill {
                x: sheet.left(),
                y: 0.0,
                w: bar,
                h: height,
                ink: Ink::Accent,
            },
        ];
        let mut y = pad_y;
        for line in lines {
            marks.extend(line.marks.into_iter().map(|m| m.shifted(y)));
            y += line.height;
        }
        self.flow.place(Block { height, marks });
    }

    /// Label/value rows (`Effective   1 December 2026 – open-ended`): labels in grey in a
    /// column sized to the longest label (at most 38 % of the width), values wrapped beside.
    pub fn rows(&mut self, rows: &[(String, String)]) {
        let sheet = self.sheet();
        let label = style::label();
        let widest = rows
            .iter()
            .map(|(l, _)| self.fonts.width(label.face, label.size, l))
            .fold(0.0, f32::max);
        let label_width = (widest + 4.0).min(sheet.content_width() * 0.38);
        let value_x = sheet.left() + label_width + 12.0;
        for (name, value) in rows {
            let cells = [
                Column::new(sheet.left(), label_width).text(self.fonts, name, label),
                Column::new(value_x, sheet.right() - value_x)
                    .text(self.fonts, value, style::body())
                    .line(Line::Gap(3.0)),
            ];
            // A two- or three-line row reads as one fact: keep it on one page.
            self.flow
                .place_together(blocks::columns(self.fonts, &cells));
        }
    }

    /// Items numbered `1.`, `2.`, … with a hanging indent: wrapped lines align with the
    /// text, not the number.
    pub fn numbered(&mut self, items: &[String]) {
        let sheet = self.sheet();
        let body = style::body();
        let widest = format!("{}.", items.len());
        let indent = self.fonts.width(body.face, body.size, &widest) + 8.0;
        for (i, item) in items.iter().enumerate() {
            let cells = [
                Column::new(sheet.left(), indent).text(self.fonts, &format!("{}.", i + 1), body),
                Column::new(sheet.left() + indent, sheet.content_width() - indent)
                    .text(self.fonts, item, body),
            ];
            self.flow.place_lines(blocks::columns(self.fonts, &cells));
            self.flow.space(style::PARAGRAPH_GAP);
        }
    }

    /// Columns side by side; with `together`, moved whole to the next page rather than split.
    pub fn columns(&mut self, columns: &[Column], together: bool) {
        let blocks = blocks::columns(self.fonts, columns);
        if together {
            self.flow.place_together(blocks);
        } else {
            self.flow.place_all(blocks);
        }
    }

    /// Two equal columns, each filled by `fill(empty column, index)`: one set side by side,
    /// or, on a page too narrow for two (under 150 pt each), two sets of one to stack.
    pub fn pair_columns(&self, fill: impl Fn(Column, usize) -> Column) -> Vec<Vec<Column>> {
        let sheet = self.sheet();
        let half = (sheet.content_width() - GUTTER) / 2.0;
        if half < 150.0 {
            return (0..2).map(|i| vec![fill(self.full_width(), i)]).collect();
        }
        vec![vec![
            fill(Column::new(sheet.left(), half), 0),
            fill(Column::new(sheet.left() + half + GUTTER, half), 1),
        ]]
    }

    /// Places [`Composer::pair_columns`]; with `together`, each set is moved whole to the next
    /// page rather than split.
    pub fn pair(&mut self, fill: impl Fn(Column, usize) -> Column, together: bool) {
        for (i, set) in self.pair_columns(fill).iter().enumerate() {
            if i > 0 {
                self.flow.space(style::SECTION_GAP);
            }
            self.columns(set, together);
        }
    }

    /// The laid-out pages.
    pub fn finish(self) -> Vec<Vec<Mark>> {
        self.flow.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::business::PaperSize;

    fn text_marks(pages: &[Vec<Mark>]) -> Vec<(f32, f32, String)> {
        pages
            .iter()
            .flatten()
            .filter_map(|m| match m {
                Mark::Text { x, y, text, .. } => Some((*x, *y, text.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn numbered_items_hang_wrapped_lines_under_the_text_not_the_number() {
        let fonts = Fonts::shared().unwrap();
        let mut c = Composer::new(fonts, Sheet::new(PaperSize::A4));
        let long = "Łódź ".repeat(60);
        c.numbered(&[long.trim().to_string(), "Short.".into()]);
        let marks = text_marks(&c.finish());
        assert_eq!(marks[0].2, "1.");
        let text_x = marks[1].0;
        assert!(text_x > marks[0].0);
        let continuation: Vec<_> = marks.iter().filter(|m| m.2.starts_with("Łódź")).collect();
        assert!(continuation.len() > 1);
        assert!(continuation.iter().all(|m| (m.0 - text_x).abs() < 1e-3));
        assert!(marks.iter().any(|m| m.2 == "2."));
    }

    #[test]
    fn a_long_label_is_wrapped_in_a_column_of_at_most_38_percent() {
        let fonts = Fonts::shared().unwrap();
        let sheet = Sheet::new(PaperSize::Letter);
        let mut c = Composer::new(fonts, sheet);
        let label = "A label far longer than any a sane form would ever use";
        c.rows(&[
            (label.into(), "Value".into()),
            ("Cap".into(), "€150.00".into()),
        ]);
        let marks = text_marks(&c.finish());
        let value = marks.iter().find(|m| m.2 == "Value").unwrap();
        assert!(value.0 - sheet.left() <= sheet.content_width() * 0.38 + 12.001);
        let label_lines = marks.iter().filter(|m| m.0 == sheet.left()).count();
        assert!(label_lines > 2, "label should wrap, got {marks:?}");
    }

    #[test]
    fn a_notice_sits_inside_its_tinted_box() {
        let fonts = Fonts::shared().unwrap();
        let mut c = Composer::new(fonts, Sheet::new(PaperSize::A4));
        c.notice("DRAFT — not signed");
        let page = &c.finish()[0];
        let Some(Mark::Fill { y, h, .. }) = page.first() else {
            panic!("no box: {page:?}");
        };
        let (_, baseline, _) = &text_marks(std::slice::from_ref(page))[0];
        assert!(baseline > y && baseline < &(y + h));
    }
}
