//! Flowing blocks of marks down pages. Layout and painting are separate steps: everything
//! is placed first, so the page count is known when head and foot ("Page 1 of 3") are drawn.

use super::fonts::Fonts;
use super::page::Sheet;
use super::picture::Picture;
use super::style::Ink;
use super::wrap::TextStyle;

/// Something drawn on a page, in points from the page's top-left corner (y grows down).
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// One line of text, starting at `x` on the baseline `y`.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        y: f32,
        /// Face, size and colour.
        style: TextStyle,
        /// The text, already cleaned and fitted to its width.
        text: String,
    },
    /// A straight line.
    Line {
        /// Start, horizontal.
        x1: f32,
        /// Start, vertical.
        y1: f32,
        /// End, horizontal.
        x2: f32,
        /// End, vertical.
        y2: f32,
        /// Stroke width.
        width: f32,
        /// Colour.
        ink: Ink,
    },
    /// A picture (the shop's logo) stretched over `w × h`, top-left corner at (`x`, `y`).
    Image {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// The pixels.
        picture: Picture,
    },
    /// A filled rectangle, top-left corner at (`x`, `y`).
    Fill {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Colour.
        ink: Ink,
    },
}

impl Mark {
    /// A line of text.
    pub fn text(x: f32, y: f32, style: TextStyle, text: impl Into<String>) -> Self {
        Mark::Text {
            x,
            y,
            style,
            text: text.into(),
        }
    }

    /// The same mark moved down by `dy`.
    pub fn shifted(mut self, dy: f32) -> Self {
        match &mut self {
            Mark::Text { y, .. } | Mark::Fill { y, .. } | Mark::Image { y, .. } => *y += dy,
            Mark::Line { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
        }
        self
    }

    /// The text of a text mark.
    pub fn text_str(&self) -> Option<&str> {
        match self {
            Mark::Text { text, .. } => Some(text),
            _ => None,
        }
    }

    /// Leftmost and rightmost point the mark covers, for checking it stays on the page.
    pub fn horizontal_extent(&self, fonts: &Fonts) -> (f32, f32) {
        match self {
            Mark::Text { x, style, text, .. } => {
                (*x, x + fonts.width(style.face, style.size, text))
            }
            Mark::Line { x1, x2, .. } => (x1.min(*x2), x1.max(*x2)),
            Mark::Fill { x, w, .. } | Mark::Image { x, w, .. } => (*x, x + w),
        }
    }
}

/// A strip of marks that must not be split across pages: one line of a paragraph, one row
/// of a table. Marks are placed relative to the block's top edge.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Block {
    /// How much vertical room the block takes.
    pub height: f32,
    /// What it draws, `y` measured from the block's top.
    pub marks: Vec<Mark>,
}

impl Block {
    /// `blocks` stacked into one, each below the one before.
    pub fn stack(blocks: impl IntoIterator<Item = Block>) -> Block {
        let mut stacked = Block::default();
        for block in blocks {
            let top = stacked.height;
            stacked
                .marks
                .extend(block.marks.into_iter().map(|m| m.shifted(top)));
            stacked.height += block.height;
        }
        stacked
    }
}

/// Places blocks down the text area of successive pages.
#[derive(Debug)]
pub struct Flow {
    sheet: Sheet,
    pages: Vec<Vec<Mark>>,
    /// Where the next block goes on the last page.
    y: f32,
}

impl Flow {
    /// An empty document on `sheet`, with one blank page to start on.
    pub fn new(sheet: Sheet) -> Self {
        Flow {
            sheet,
            pages: vec![Vec::new()],
            y: sheet.top,
        }
    }

    /// The sheet pages are laid out on.
    pub fn sheet(&self) -> &Sheet {
        &self.sheet
    }

    /// Room left on the current page, in points.
    pub fn remaining(&self) -> f32 {
        self.sheet.bottom - self.y
    }

    fn at_page_top(&self) -> bool {
        self.y <= self.sheet.top
    }

    /// Starts a new page.
    pub fn page_break(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.sheet.top;
    }

    /// Vertical space; dropped at the top of a page, where it would only push text down.
    pub fn space(&mut self, points: f32) {
        if !self.at_page_top() {
            self.y = (self.y + points).min(self.sheet.bottom);
        }
    }

    /// Starts a new page unless `points` of room are left; keeps a heading with the first
    /// lines of its section.
    pub fn need(&mut self, points: f32) {
        if points > self.remaining() && !self.at_page_top() {
            self.page_break();
        }
    }

    /// Places one block, on a new page when it does not fit on this one.
    pub fn place(&mut self, block: Block) {
        self.need(block.height);
        let top = self.y;
        if let Some(page) = self.pages.last_mut() {
            page.extend(block.marks.into_iter().map(|m| m.shifted(top)));
        }
        self.y += block.height;
    }

    /// Places blocks one after another, breaking pages between them as needed.
    pub fn place_all(&mut self, blocks: Vec<Block>) {
        for block in blocks {
            self.place(block);
        }
    }

    /// Places the lines of one paragraph or item, breaking pages between them but never
    /// leaving a single line alone at the foot or head of a page: the first two and the last
    /// two lines stay together, and three or fewer are not split at all.
    pub fn place_lines(&mut self, mut lines: Vec<Block>) {
        if lines.len() <= 3 {
            self.place(Block::stack(lines));
            return;
        }
        let last = lines.split_off(lines.len() - 2);
        let rest = lines.split_off(2);
        self.place(Block::stack(lines));
        self.place_all(rest);
        self.place(Block::stack(last));
    }

    /// Places blocks on one page, starting a new page if they do not fit here. A group taller
    /// than a whole page flows on like [`Flow::place_all`] rather than running off the page.
    pub fn place_together(&mut self, blocks: Vec<Block>) {
        let total: f32 = blocks.iter().map(|b| b.height).sum();
        if total <= self.sheet.content_height() {
            self.need(total);
        }
        self.place_all(blocks);
    }

    /// The laid-out pages, each a list of marks.
    pub fn finish(self) -> Vec<Vec<Mark>> {
        self.pages
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::business::PaperSize;

    fn line(height: f32, text: &str) -> Block {
        Block {
            height,
            marks: vec![Mark::text(
                0.0,
                height * 0.8,
                super::super::style::body(),
                text,
            )],
        }
    }

    #[test]
    fn blocks_flow_onto_a_new_page_when_the_page_is_full() {
        let sheet = Sheet::new(PaperSize::A4);
        let mut flow = Flow::new(sheet);
        let per_page = (sheet.content_height() / 14.0).floor() as usize;
        flow.place_all(
            (0..per_page + 1)
                .map(|i| line(14.0, &i.to_string()))
                .collect(),
        );
        let pages = flow.finish();
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].len(), per_page);
        assert_eq!(pages[1][0].text_str(), Some(per_page.to_string().as_str()));
    }

    #[test]
    fn a_group_kept_together_moves_whole_to_the_next_page() {
        let sheet = Sheet::new(PaperSize::Letter);
        let mut flow = Flow::new(sheet);
        flow.place(line(sheet.content_height() - 30.0, "filler"));
        flow.place_together(vec![line(14.0, "a"), line(14.0, "b"), line(14.0, "c")]);
        let pages = flow.finish();
        assert_eq!(pages.len(), 2);
        let second: Vec<_> = pages[1].iter().filter_map(Mark::text_str).collect();
        assert_eq!(second, ["a", "b", "c"]);
    }

    #[test]
    fn no_line_of_a_paragraph_is_left_alone_at_a_page_break() {
        let sheet = Sheet::new(PaperSize::A4);
        for room_for in 0..6 {
            let mut flow = Flow::new(sheet);
            let filler = sheet.content_height() - room_for as f32 * 14.0 - 1.0;
            flow.place(line(filler, "filler"));
            flow.place_lines((0..5).map(|i| line(14.0, &i.to_string())).collect());
            let pages = flow.finish();
            let counts: Vec<usize> = pages.iter().map(|p| p.len()).collect();
            let on_first = counts[0] - 1;
            let on_second = counts.get(1).copied().unwrap_or(0);
            assert_eq!(on_first + on_second, 5);
            assert!(
                on_first != 1 && on_second != 1,
                "room for {room_for}: {counts:?}"
            );
        }
    }

    #[test]
    fn space_at_the_top_of_a_page_is_dropped() {
        let sheet = Sheet::new(PaperSize::A4);
        let mut flow = Flow::new(sheet);
        flow.space(40.0);
        assert_eq!(flow.remaining(), sheet.content_height());
    }
}
