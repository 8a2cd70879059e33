//! Tables that flow down as many pages as they need: cells wrapped to their column, amounts
//! right-aligned, the header row repeated at the top of every page the table continues on,
//! and rows never split unless one is taller than a whole page.

use super::fonts::{Face, Fonts};
use super::layout::{Block, Flow, Mark};
use super::style::{self, Ink};
use super::wrap::{wrap, TextStyle};

/// Type size of table cells: a point under body text, so a month of redemptions takes
/// fewer pages while staying easy to read.
pub const CELL: f32 = 9.0;
/// Room left and right of a cell's text, in points.
const PAD_X: f32 = 6.0;
/// Room above and below a row's text, in points.
const PAD_Y: f32 = 2.0;
/// The most of the table's width one fitted column may take before it wraps.
const FIT_MAX: f32 = 0.45;

/// Which edge of its column a cell's text keeps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text.
    Left,
    /// Amounts and counts, so their digits line up.
    Right,
}

/// How wide a column is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Width {
    /// As wide as its widest cell or title (dates, amounts), up to 45 % of the table.
    Fit,
    /// A share of what the fitted columns leave, in proportion to the other shares.
    Share(f32),
}

/// One column: title, alignment and width.
#[derive(Debug, Clone, PartialEq)]
pub struct TableColumn {
    /// Printed in the header row.
    pub title: String,
    /// Edge the cells keep to.
    pub align: Align,
    /// How the width is found.
    pub width: Width,
}

impl TableColumn {
    /// A column titled `title`.
    pub fn new(title: &str, align: Align, width: Width) -> Self {
        TableColumn {
            title: title.to_string(),
            align,
            width,
        }
    }
}

/// How a row is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// An ordinary row.
    Plain,
    /// Listed for the record but not counted (a voided sale): grey, right-aligned figures
    /// struck through.
    Struck,
    /// A sum: bold, a rule above.
    Total,
    /// The figure the document exists for (a closing balance): bold, larger, on a tint.
    Emphasis,
}

/// One row: a cell per column, and an optional note printed under it.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// Cell texts, one per column; missing cells print empty.
    pub cells: Vec<String>,
    /// How the row is set.
    pub look: Look,
    /// A line under the row from the note column on, e.g. "VOIDED — Test sale".
    pub note: Option<String>,
}

impl TableRow {
    /// A row of `cells` set in `look`, without a note.
    pub fn new(cells: Vec<String>, look: Look) -> Self {
        TableRow {
            cells,
            look,
            note: None,
        }
    }
}

/// A table to place on a [`Flow`].
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The columns, left to right.
    pub columns: Vec<TableColumn>,
    /// Print the header row (and repeat it on each page); a label/value table has none.
    pub header: bool,
    /// The column a row's note starts in.
    pub note_column: usize,
    /// Alternate plain rows on a light tint, so a long row is easy to follow across.
    pub striped: bool,
    /// The rows, top to bottom.
    pub rows: Vec<TableRow>,
}

/// A column's place on the page.
#[derive(Debug, Clone, Copy)]
struct Span {
    x: f32,
    width: f32,
    align: Align,
}

impl Table {
    /// Places the table at `x`, `width` points wide, from where `flow` stands. The header
    /// row stays with the first row, and comes again at the top of each further page.
    pub fn place(&self, fonts: &Fonts, flow: &mut Flow, x: f32, width: f32) {
        let spans = self.spans(fonts, x, width);
        let header = if self.header {
            self.header_block(fonts, &spans, x, width)
        } else {
            Block::default()
        };
        let room = flow.sheet().content_height() - header.height;
        for (i, row) in self.rows.iter().enumerate() {
            let tinted = self.striped && i % 2 == 1;
            let strips = self.row_strips(fonts, &spans, row, tinted, x, width);
            let height: f32 = strips.iter().map(|s| s.height).sum();
            if height <= room {
                self.start_row(flow, &header, i == 0, height);
                flow.place(Block::stack(strips));
            } else {
                // Only a cell of hundreds of words gets here: split it line by line rather
                // than let it run off the page.
                for (j, strip) in strips.into_iter().enumerate() {
                    self.start_row(flow, &header, i == 0 && j == 0, strip.height);
                    flow.place(strip);
                }
            }
        }
    }

    /// Makes room for `height` points of row: the header first when the table starts, and
    /// a new page with the header repeated when this page is full.
    fn start_row(&self, flow: &mut Flow, header: &Block, first: bool, height: f32) {
        if first {
            flow.need(header.height + height);
        } else if height > flow.remaining() {
            flow.page_break();
        } else {
            return;
        }
        if self.header {
            flow.place(header.clone());
        }
    }

    /// Column positions: fitted columns sized to their widest text, the rest shared out.
    fn spans(&self, fonts: &Fonts, x: f32, width: f32) -> Vec<Span> {
        let fitted: Vec<Option<f32>> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, column)| match column.width {
                Width::Fit => Some(self.widest(fonts, i).min(width * FIT_MAX)),
                Width::Share(_) => None,
            })
            .collect();
        let shares: f32 = self
            .columns
            .iter()
            .map(|c| match c.width {
                Width::Share(s) => s.max(0.0),
                Width::Fit => 0.0,
            })
            .sum();
        // Shared columns keep at least a quarter of the table; fitted ones shrink (and wrap)
        // to make room rather than push the table past the margin.
        let fixed: f32 = fitted.iter().flatten().sum();
        let floor = if shares > 0.0 { width * 0.25 } else { 0.0 };
        let scale = if fixed > width - floor && fixed > 0.0 {
            (width - floor) / fixed
        } else {
            1.0
        };
        let left = width - fixed * scale;
        let mut at = x;
        self.columns
            .iter()
            .zip(fitted)
            .map(|(column, fit)| {
                let w = match (fit, column.width) {
                    (Some(w), _) => w * scale,
                    (None, Width::Share(s)) if shares > 0.0 => left * s.max(0.0) / shares,
                    _ => 0.0,
                };
                let span = Span {
                    x: at,
                    width: w,
                    align: column.align,
                };
                at += w;
                span
            })
            .collect()
    }

    /// Width of column `i`'s widest title or cell, padding included.
    fn widest(&self, fonts: &Fonts, i: usize) -> f32 {
        let title = header_style();
        let titles = self
            .header
            .then(|| fonts.width(title.face, title.size, &self.columns[i].title));
        let cells = self.rows.iter().filter_map(|row| {
            let style = cell_style(row.look);
            row.cells
                .get(i)
                .map(|text| fonts.width(style.face, style.size, text))
        });
        titles.into_iter().chain(cells).fold(0.0, f32::max) + 2.0 * PAD_X
    }

    fn header_block(&self, fonts: &Fonts, spans: &[Span], x: f32, width: f32) -> Block {
        let titles: Vec<&str> = self.columns.iter().map(|c| c.title.as_str()).collect();
        let mut block = cells(fonts, spans, &titles, header_style(), false);
        block.marks.push(Mark::Line {
            x1: x,
            y1: block.height,
            x2: x + width,
            y2: block.height,
            width: 0.75,
            ink: Ink::Muted,
        });
        block.height += 1.0;
        block
    }

    /// A row as strips one line deep, so a row taller than a page can still be split; the
    /// first strip carries the top padding and the last the note and bottom padding.
    fn row_strips(
        &self,
        fonts: &Fonts,
        spans: &[Span],
        row: &TableRow,
        tinted: bool,
        x: f32,
        width: f32,
    ) -> Vec<Block> {
        let style = cell_style(row.look);
        let texts: Vec<&str> = (0..spans.len())
            .map(|i| row.cells.get(i).map_or("", String::as_str))
            .collect();
        let struck = row.look == Look::Struck;
        let mut strips = lines(fonts, spans, &texts, style, struck);
        if let Some(note) = row.note.as_deref().filter(|n| !n.trim().is_empty()) {
            let from = spans.get(self.note_column).map_or(x, |s| s.x);
            let span = Span {
                x: from,
                width: x + width - from,
                align: Align::Left,
            };
            strips.extend(lines(fonts, &[span], &[note], note_style(), false));
        }
        if strips.is_empty() {
            strips.push(Block {
                height: style::line_height(style),
                marks: Vec::new(),
            });
        }
        let last = strips.len() - 1;
        let fill = match row.look {
            Look::Emphasis => Some(Ink::Tint),
            Look::Plain if tinted => Some(Ink::Tint),
            _ => None,
        };
        let mut strips: Vec<Block> = strips
            .into_iter()
            .enumerate()
            .map(|(j, line)| {
                let top = if j == 0 { PAD_Y } else { 0.0 };
                let bottom = if j == last { PAD_Y } else { 0.0 };
                let height = top + line.height + bottom;
                let mut marks: Vec<Mark> = fill
                    .map(|ink| Mark::Fill {
                        x,
                        y: 0.0,
                        w: width,
                        h: height,
                        ink,
                    })
                    .into_iter()
                    .collect();
                marks.extend(line.marks.into_iter().map(|m| m.shifted(top)));
                Block { height, marks }
            })
            .collect();
        if matches!(row.look, Look::Total | Look::Emphasis) {
            let ink = if row.look == Look::Total {
                Ink::Muted
            } else {
                Ink::Accent
            };
            strips[0].marks.push(Mark::Line {
                x1: x,
                y1: 0.0,
                x2: x + width,
                y2: 0.0,
                width: 0.75,
                ink,
            });
        }
        strips
    }
}

/// One row of `texts` in `spans` as a single block (the header).
fn cells(fonts: &Fonts, spans: &[Span], texts: &[&str], style: TextStyle, struck: bool) -> Block {
    let mut block = Block::stack(lines(fonts, spans, texts, style, struck));
    block.marks = block.marks.into_iter().map(|m| m.shifted(PAD_Y)).collect();
    block.height += 2.0 * PAD_Y;
    block
}

/// `texts` wrapped in their spans, as blocks one line deep; line `i` of every cell shares
/// block `i`, so the cells of a row stay level.
fn lines(
    fonts: &Fonts,
    spans: &[Span],
    texts: &[&str],
    style: TextStyle,
    struck: bool,
) -> Vec<Block> {
    let wrapped: Vec<Vec<String>> = spans
        .iter()
        .zip(texts)
        .map(|(span, text)| {
            let room = (span.width - 2.0 * PAD_X).max(1.0);
            wrap(fonts, style.face, style.size, text, room)
        })
        .collect();
    let depth = wrapped.iter().map(Vec::len).max().unwrap_or(0);
    let height = style::line_height(style);
    let baseline = style::baseline(style);
    (0..depth)
        .map(|i| {
            let mut marks = Vec::new();
            for (span, cell) in spans.iter().zip(&wrapped) {
                let Some(text) = cell.get(i) else { continue };
                let w = fonts.width(style.face, style.size, text);
                let left = match span.align {
                    Align::Left => span.x + PAD_X,
                    Align::Right => span.x + span.width - PAD_X - w,
                };
                marks.push(Mark::text(left, baseline, style, text.clone()));
                // Figures that are not counted are struck through, so they cannot be
                // misread as part of a total, yet stay legible for checking.
                if struck && span.align == Align::Right {
                    let y = baseline - style.size * 0.3;
                    marks.push(Mark::Line {
                        x1: left,
                        y1: y,
                        x2: left + w,
                        y2: y,
                        width: style::HAIRLINE,
                        ink: Ink::Muted,
                    });
                }
            }
            Block { height, marks }
        })
        .collect()
}

fn header_style() -> TextStyle {
    TextStyle {
        face: Face::Bold,
        size: style::SMALL,
        ink: Ink::Muted,
    }
}

fn cell_style(look: Look) -> TextStyle {
    let (face, size, ink) = match look {
        Look::Plain => (Face::Regular, CELL, Ink::Text),
        Look::Struck => (Face::Regular, CELL, Ink::Muted),
        Look::Total => (Face::Bold, CELL, Ink::Text),
        Look::Emphasis => (Face::Bold, style::BODY + 1.0, Ink::Accent),
    };
    TextStyle { face, size, ink }
}

fn note_style() -> TextStyle {
    TextStyle {
        face: Face::Bold,
        size: style::SMALL,
        ink: Ink::Accent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::business::PaperSize;
    use crate::documents::engine::page::Sheet;

    fn amounts(rows: usize) -> Table {
        Table {
            columns: vec![
                TableColumn::new("Date", Align::Left, Width::Fit),
                TableColumn::new("Code", Align::Left, Width::Share(1.0)),
                TableColumn::new("Commission", Align::Right, Width::Fit),
            ],
            header: true,
            note_column: 1,
            striped: true,
            rows: (0..rows)
                .map(|i| {
                    TableRow::new(
                        vec![format!("{i}"), "CODE".into(), "€0.90".into()],
                        Look::Plain,
                    )
                })
                .collect(),
        }
    }

    fn lay_out(table: &Table, sheet: Sheet) -> Vec<Vec<Mark>> {
        let fonts = Fonts::shared().unwrap();
        let mut flow = Flow::new(sheet);
        table.place(fonts, &mut flow, sheet.left(), sheet.content_width());
        flow.finish()
    }

    fn texts(page: &[Mark]) -> Vec<&str> {
        page.iter().filter_map(Mark::text_str).collect()
    }

    #[test]
    fn the_header_heads_every_page_and_no_row_is_lost_or_runs_off() {
        let fonts = Fonts::shared().unwrap();
        let sheet = Sheet::new(PaperSize::Letter);
        let pages = lay_out(&amounts(500), sheet);
        assert!(pages.len() > 5, "{} pages", pages.len());
        let mut numbers = Vec::new();
        for page in &pages {
            assert_eq!(texts(page)[..3], ["Date", "Code", "Commission"]);
            for mark in page {
                let (left, right) = mark.horizontal_extent(fonts);
                assert!(left >= sheet.left() - 0.01 && right <= sheet.right() + 0.01);
                if let Mark::Text { y, text, .. } = mark {
                    assert!(*y > sheet.top && *y < sheet.bottom, "{text} at {y}");
                    numbers.extend(text.parse::<usize>().ok());
                }
            }
        }
        assert_eq!(numbers, (0..500).collect::<Vec<_>>());
    }

    #[test]
    fn right_aligned_cells_end_flush_with_their_column() {
        let fonts = Fonts::shared().unwrap();
        let mut table = amounts(2);
        table.rows[1].cells[2] = "€1,234.50".into();
        let pages = lay_out(&table, Sheet::new(PaperSize::A4));
        let ends: Vec<f32> = pages[0]
            .iter()
            .filter(|m| matches!(m.text_str(), Some(t) if t.starts_with('€') || t == "Commission"))
            .map(|m| m.horizontal_extent(fonts).1)
            .collect();
        assert_eq!(ends.len(), 3);
        assert!(ends.iter().all(|e| (e - ends[0]).abs() < 1e-3), "{ends:?}");
    }

    #[test]
    fn a_long_cell_wraps_inside_its_column_and_the_note_sits_below() {
        let fonts = Fonts::shared().unwrap();
        let sheet = Sheet::new(PaperSize::A4);
        let mut table = amounts(1);
        table.rows[0].cells[1] = "ŁÓDŹ".repeat(40);
        table.rows[0].look = Look::Struck;
        table.rows[0].note = Some("VOIDED — Rung up twice".into());
        let page = &lay_out(&table, sheet)[0];
        let code: Vec<&Mark> = page
            .iter()
            .filter(|m| {
                m.text_str()
                    .is_some_and(|t| t.starts_with("ŁÓ") || t.starts_with("DŹ"))
            })
            .collect();
        assert!(code.len() > 1, "not wrapped: {page:?}");
        let amount = page.iter().find(|m| m.text_str() == Some("€0.90")).unwrap();
        for mark in &code {
            assert!(mark.horizontal_extent(fonts).1 < amount.horizontal_extent(fonts).0);
        }
        let note_y = page
            .iter()
            .find_map(|m| match m {
                Mark::Text { y, text, .. } if text.starts_with("VOIDED") => Some(*y),
                _ => None,
            })
            .unwrap();
        assert!(code
            .iter()
            .all(|m| matches!(m, Mark::Text { y, .. } if *y < note_y)));
        let struck = page
            .iter()
            .filter(|m| matches!(m, Mark::Line { .. }))
            .count();
        assert_eq!(struck, 2, "header rule and one struck amount");
    }

    #[test]
    fn a_row_taller_than_a_page_is_split_rather_than_run_off() {
        let sheet = Sheet::new(PaperSize::A4);
        let mut table = amounts(3);
        table.rows[1].cells[1] = "word ".repeat(3000);
        let pages = lay_out(&table, sheet);
        assert!(pages.len() > 1);
        for page in &pages {
            for mark in page {
                if let Mark::Text { y, .. } = mark {
                    assert!(*y < sheet.bottom);
                }
            }
        }
    }
}
