//! Columns of lines, cut into page-safe blocks. Paragraphs, label/value rows, numbered
//! items, side-by-side party details and signature blocks are all columns: one column for a
//! paragraph, a label and a value column for a row, a number and a text column for an item.

use super::fonts::Fonts;
use super::layout::{Block, Mark};
use super::style::{self, Ink};
use super::wrap::{wrap, TextStyle};

/// One line of a column.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// Text that already fits the column.
    Text {
        /// What is printed.
        text: String,
        /// How.
        style: TextStyle,
    },
    /// A label and a line to write on, e.g. `Date: ________`, with the value already
    /// typed on the line when known. The value must fit the column beside the label.
    Field {
        /// The label, e.g. `Date:`, set in grey.
        label: String,
        /// What is typed on the line; empty leaves it blank to fill in by hand.
        value: String,
    },
    /// Room to sign, a line to sign on, and a caption under it.
    Signature,
    /// Empty vertical space, in points.
    Gap(f32),
}

/// Height of a field's line: pens need more room than type.
pub const FIELD_HEIGHT: f32 = 22.0;
/// Room above a signature line.
const SIGNATURE_SPACE: f32 = 34.0;

impl Line {
    fn height(&self) -> f32 {
        match self {
            Line::Text { style, .. } => style::line_height(*style),
            Line::Field { .. } => FIELD_HEIGHT,
            Line::Signature => SIGNATURE_SPACE + style::line_height(style::small()),
            Line::Gap(points) => *points,
        }
    }

    /// The marks of this line with its top at 0, in a column at `x` that is `width` wide.
    fn marks(&self, fonts: &Fonts, x: f32, width: f32) -> Vec<Mark> {
        let underline = |from: f32, y: f32| Mark::Line {
            x1: from,
            y1: y,
            x2: x + width,
            y2: y,
            width: style::HAIRLINE,
            ink: Ink::Text,
        };
        match self {
            Line::Text { text, style } => {
                vec![Mark::text(x, style::baseline(*style), *style, text.clone())]
            }
            Line::Field { label, value } => {
                let (label_style, value_style) = (style::label(), style::body());
                let baseline = FIELD_HEIGHT - 5.0;
                let label_end = x + fonts.width(label_style.face, label_style.size, label) + 4.0;
                let mut marks = vec![
                    Mark::text(x, baseline, label_style, label.clone()),
                    underline(label_end.min(x + width), baseline + 2.0),
                ];
                if !value.is_empty() {
                    marks.push(Mark::text(
                        label_end + 2.0,
                        baseline,
                        value_style,
                        value.clone(),
                    ));
                }
                marks
            }
            Line::Signature => {
                let caption = style::small();
                vec![
                    underline(x, SIGNATURE_SPACE),
                    Mark::text(
                        x,
                        SIGNATURE_SPACE + style::baseline(caption),
                        caption,
                        "Signature",
                    ),
                ]
            }
            Line::Gap(_) => Vec::new(),
        }
    }
}

/// A column of lines at a horizontal position.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Left edge, in points from the page's left edge.
    pub x: f32,
    /// Width lines must fit in.
    pub width: f32,
    /// The lines, top to bottom.
    pub lines: Vec<Line>,
}

impl Column {
    /// An empty column.
    pub fn new(x: f32, width: f32) -> Self {
        Column {
            x,
            width,
            lines: Vec::new(),
        }
    }

    /// Adds `text` wrapped to the column's width; empty text adds nothing.
    pub fn text(mut self, fonts: &Fonts, text: &str, style: TextStyle) -> Self {
        let lines = wrap(fonts, style.face, style.size, text, self.width);
        self.lines
            .extend(lines.into_iter().map(|text| Line::Text { text, style }));
        self
    }

    /// Adds any line, e.g. [`Line::Gap`] or [`Line::Signature`].
    pub fn line(mut self, line: Line) -> Self {
        self.lines.push(line);
        self
    }
}

/// Columns side by side, cut into blocks one line deep: line `i` of every column shares a
/// block as tall as the tallest of them, so the columns can break across pages at any line
/// and stay aligned.
pub fn columns(fonts: &Fonts, columns: &[Column]) -> Vec<Block> {
    let depth = columns.iter().map(|c| c.lines.len()).max().unwrap_or(0);
    (0..depth)
        .map(|i| {
            let cells = columns
                .iter()
                .filter_map(|c| c.lines.get(i).map(|l| (c, l)));
            let mut block = Block::default();
            for (column, line) in cells {
                block.height = block.height.max(line.height());
                block
                    .marks
                    .extend(line.marks(fonts, column.x, column.width));
            }
            block
        })
        .collect()
}

/// A horizontal hairline from `x1` to `x2`, with `above` and `below` points of room.
pub fn rule(x1: f32, x2: f32, above: f32, below: f32) -> Block {
    Block {
        height: above + below,
        marks: vec![Mark::Line {
            x1,
            y1: above,
            x2,
            y2: above,
            width: style::HAIRLINE,
            ink: Ink::Rule,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_share_rows_and_the_tallest_line_sets_the_height() {
        let fonts = Fonts::shared().unwrap();
        let left = Column::new(50.0, 100.0).text(fonts, "Café Müller", style::strong());
        let right = Column::new(200.0, 100.0)
            .text(fonts, "Łódź", style::body())
            .line(Line::Signature);
        let blocks = columns(fonts, &[left, right]);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].marks.len(), 2);
        assert!((blocks[0].height - style::line_height(style::strong())).abs() < 1e-3);
        assert!(blocks[1].height > SIGNATURE_SPACE);
    }

    #[test]
    fn a_field_is_a_label_and_a_line_to_the_column_edge_with_the_value_on_it() {
        let fonts = Fonts::shared().unwrap();
        let blank = Line::Field {
            label: "Date:".into(),
            value: String::new(),
        };
        let filled = Line::Field {
            label: "Name:".into(),
            value: "Señora Núñez".into(),
        };
        let blocks = columns(fonts, &[Column::new(10.0, 200.0).line(blank).line(filled)]);
        assert_eq!(blocks[0].marks[0].text_str(), Some("Date:"));
        assert!(matches!(blocks[0].marks[1], Mark::Line { x2, .. } if (x2 - 210.0).abs() < 1e-3));
        assert_eq!(blocks[0].marks.len(), 2);
        assert_eq!(blocks[1].marks[2].text_str(), Some("Señora Núñez"));
        assert_eq!(blocks[0].height, blocks[1].height);
    }
}
