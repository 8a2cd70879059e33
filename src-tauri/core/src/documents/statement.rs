//! The partner statement: for one period, what the partner brought, earned and was paid,
//! the balance owed at its start and end, and every redemption and payout behind them.

use crate::business::PaperSize;

use super::agreement::PartyBlock;
use super::engine::blocks::{self, Column};
use super::engine::clean::printable_line;
use super::engine::compose::Composer;
use super::engine::compose::{LOGO_H, LOGO_W};
use super::engine::fonts::Fonts;
use super::engine::layout::{Block, Flow, Mark};
use super::engine::page::{Frame, Sheet};
use super::engine::paint::paint;
use super::engine::picture::Picture;
use super::engine::style;
use super::engine::table::{Align, Look, Table, TableColumn, TableRow, Width};
use super::engine::wrap::{wrap, TextStyle};
use super::parts::party;
use super::DocumentError;

/// One line of the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SummaryLine {
    /// E.g. "Commission earned".
    pub label: String,
    /// E.g. "€1.48" or "3 (1 voided, not counted)".
    pub value: String,
    /// Set apart as the figure the statement is for (the closing balance).
    pub emphasis: bool,
}

/// One redemption as printed, or the total row under them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RedemptionLine {
    /// The till's day, short, e.g. "24/11/2026"; "Total" on the total row.
    pub date: String,
    /// The code as printed on the card.
    pub code: String,
    /// Amounts, already formatted for the locale.
    pub sale: String,
    pub discount: String,
    pub commission: String,
    /// E.g. `Some("VOIDED — Rung up twice")`: printed under the row, its amounts struck
    /// through and left out of every total.
    pub void: Option<String>,
}

/// One payout as printed, or the total row under them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PayoutLine {
    /// Day paid, short; "Total" on the total row.
    pub date: String,
    /// E.g. "Bank transfer".
    pub method: String,
    /// The bank reference or receipt number as recorded.
    pub reference: String,
    /// Formatted for the locale.
    pub amount: String,
    /// E.g. `Some("REVERSED — Paid the wrong partner")`: printed under the row, its amount
    /// struck through and left out of every total.
    pub reversal: Option<String>,
}

/// One period of the partner's own statement, as printed on the two-way part, or the total
/// row under them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TheirLine {
    /// E.g. "1–30 November 2026"; "Total" on the total row.
    pub period: String,
    /// Customers we sent them in it, as their statement counts them.
    pub customers: String,
    /// Their statement number or note.
    pub reference: String,
    /// What they owe us for it, formatted.
    pub amount: String,
    /// E.g. `Some("REVERSED — Wrong month")`: struck through, left out of every total.
    pub reversal: Option<String>,
}

/// The partner's side of a two-way partnership, and the net of both sides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TheirSide {
    /// E.g. "What Crumb & Co. Bakery owes Bean There Coffee".
    pub heading: String,
    /// Their opening balance, what they owe for the period, paid, closing balance.
    pub summary: Vec<SummaryLine>,
    /// Their statement periods ending in the period, reversed ones included.
    pub lines: Vec<TheirLine>,
    pub lines_total: Option<TheirLine>,
    /// What they paid us in the period, reversed ones included.
    pub payments: Vec<PayoutLine>,
    pub payments_total: Option<PayoutLine>,
    /// Both closing balances and the net in words, the net set apart.
    pub net: Vec<SummaryLine>,
}

/// Everything printed on a partner statement, already in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementDoc {
    /// A4 or US Letter.
    pub paper: PaperSize,
    /// "Partner statement".
    pub title: String,
    /// E.g. "1 November 2026 – 30 November 2026".
    pub period_line: String,
    /// The business first, then the partner.
    pub parties: [PartyBlock; 2],
    /// Opening balance, activity and closing balance, top to bottom.
    pub summary: Vec<SummaryLine>,
    /// Every redemption in the period, voided ones included, oldest first.
    pub redemptions: Vec<RedemptionLine>,
    /// Sums of the counted redemptions; printed under them when there are any.
    pub redemption_total: Option<RedemptionLine>,
    /// Every payout in the period, reversed ones included, oldest first.
    pub payouts: Vec<PayoutLine>,
    /// Sum of the payouts not reversed; printed under them when there are any.
    pub payout_total: Option<PayoutLine>,
    /// The partner's side and the net, when the partnership is two-way.
    pub their_side: Option<TheirSide>,
    /// How to check the signed file that comes with the statement, with our key's
    /// fingerprint, e.g. "Signed statement file: key 3F2A 9C1B …".
    pub key_line: Option<String>,
    /// Foot of every page, e.g. "Bean There Coffee · Crumb & Co. Bakery · Statement
    /// 1–30 November 2026".
    pub footer: String,
    /// The shop's logo, printed above the title.
    pub logo: Option<Picture>,
}

/// The statement as a PDF: fonts embedded, "Page n of N" on every page, the tables
/// flowing over as many pages as they need with their header rows repeated.
pub fn render_statement(doc: &StatementDoc) -> Result<Vec<u8>, DocumentError> {
    let fonts = Fonts::shared()?;
    let sheet = Sheet::new(doc.paper);
    let pages = lay_out(fonts, sheet, doc);
    let title = printable_line(&format!("{} · {}", doc.title, doc.parties[1].name));
    Ok(paint(fonts, &sheet, Some(&frame(doc)), &title, pages))
}

/// The statement's pages, before head and foot are added. Laid straight onto a [`Flow`]
/// rather than through the composer: a table has to see page breaks to repeat its header.
fn lay_out(fonts: &Fonts, sheet: Sheet, doc: &StatementDoc) -> Vec<Vec<Mark>> {
    let mut flow = Flow::new(sheet);
    if let Some(logo) = &doc.logo {
        let (_, height) = logo.fit(LOGO_W, LOGO_H);
        flow.place(Block {
            height,
            marks: vec![logo.mark(sheet.left(), 0.0, LOGO_W, LOGO_H)],
        });
        flow.space(10.0);
    }
    text(fonts, &mut flow, &doc.title, style::title());
    flow.space(2.0);
    text(fonts, &mut flow, &doc.period_line, style::label());
    flow.space(14.0);
    flow.place(blocks::rule(sheet.left(), sheet.right(), 0.0, 12.0));
    let sets = Composer::new(fonts, sheet).pair_columns(|c, i| party(fonts, c, &doc.parties[i]));
    for (i, set) in sets.iter().enumerate() {
        if i > 0 {
            flow.space(style::SECTION_GAP);
        }
        flow.place_together(blocks::columns(fonts, set));
    }

    let summary = summary_table(doc);
    heading(fonts, &mut flow, "Summary", 3.0 * row_height());
    // Narrower than the page: label and figure close enough to read as a pair.
    let width = sheet.content_width().min(300.0);
    summary.place(fonts, &mut flow, sheet.left(), width);
    note(
        fonts,
        &mut flow,
        "Closing balance = opening balance + commission earned − payouts. A positive \
         balance is owed to the partner.",
    );

    heading(fonts, &mut flow, "Redemptions", 2.0 * row_height());
    match redemption_table(doc) {
        Some(table) => table.place(fonts, &mut flow, sheet.left(), sheet.content_width()),
        None => text(
            fonts,
            &mut flow,
            "No redemptions in this period.",
            style::body(),
        ),
    }
    if doc.redemptions.iter().any(|r| r.void.is_some()) {
        note(
            fonts,
            &mut flow,
            "Voided redemptions are listed for the record; they earn no commission and are \
             left out of every total.",
        );
    }

    heading(fonts, &mut flow, "Payouts", 2.0 * row_height());
    match payout_table(doc) {
        Some(table) => table.place(fonts, &mut flow, sheet.left(), sheet.content_width()),
        None => text(
            fonts,
            &mut flow,
            "No payouts in this period.",
            style::body(),
        ),
    }
    if doc.payouts.iter().any(|p| p.reversal.is_some()) {
        note(
            fonts,
            &mut flow,
            "Reversed payouts are listed for the record and left out of every total.",
        );
    }
    if let Some(theirs) = &doc.their_side {
        their_side(fonts, &mut flow, theirs);
    }
    if let Some(key) = &doc.key_line {
        flow.space(style::SECTION_GAP);
        text(fonts, &mut flow, key, style::small());
    }
    flow.finish()
}

/// The partner's side: their summary, their statement periods and payments, then the net
/// of both sides, set apart.
fn their_side(fonts: &Fonts, flow: &mut Flow, theirs: &TheirSide) {
    let sheet = *flow.sheet();
    let width = sheet.content_width().min(300.0);
    heading(fonts, flow, &theirs.heading, 3.0 * row_height());
    summary_of(&theirs.summary).place(fonts, flow, sheet.left(), width);
    heading(fonts, flow, "Their statements", 2.0 * row_height());
    match their_table(theirs) {
        Some(table) => table.place(fonts, flow, sheet.left(), sheet.content_width()),
        None => text(
            fonts,
            flow,
            "No statement of theirs for this period.",
            style::body(),
        ),
    }
    heading(fonts, flow, "Paid to us", 2.0 * row_height());
    match payments_table(&theirs.payments, theirs.payments_total.as_ref()) {
        Some(table) => table.place(fonts, flow, sheet.left(), sheet.content_width()),
        None => text(
            fonts,
            flow,
            "No payments to us in this period.",
            style::body(),
        ),
    }
    heading(fonts, flow, "Net", 3.0 * row_height());
    // Wider than the summaries: the net's label names both businesses.
    let net_width = sheet.content_width().min(420.0);
    summary_of(&theirs.net).place(fonts, flow, sheet.left(), net_width);
    note(
        fonts,
        flow,
        "Net = what we owe you − what you owe us, both at the end of the period. One payment \
         of the net settles both.",
    );
}

fn their_table(theirs: &TheirSide) -> Option<Table> {
    if theirs.lines.is_empty() {
        return None;
    }
    let cells = |l: &TheirLine| {
        vec![
            l.period.clone(),
            l.customers.clone(),
            l.reference.clone(),
            l.amount.clone(),
        ]
    };
    let mut rows: Vec<TableRow> = theirs
        .lines
        .iter()
        .map(|l| TableRow {
            cells: cells(l),
            look: if l.reversal.is_some() {
                Look::Struck
            } else {
                Look::Plain
            },
            note: l.reversal.clone(),
        })
        .collect();
    rows.extend(
        theirs
            .lines_total
            .as_ref()
            .map(|t| TableRow::new(cells(t), Look::Total)),
    );
    Some(Table {
        columns: vec![
            TableColumn::new("Period", Align::Left, Width::Share(1.2)),
            TableColumn::new("Customers", Align::Right, Width::Fit),
            TableColumn::new("Reference", Align::Left, Width::Share(1.0)),
            TableColumn::new("Owed to us", Align::Right, Width::Fit),
        ],
        header: true,
        note_column: 0,
        striped: true,
        rows,
    })
}

/// `text` wrapped across the text area; a paragraph keeps at least two lines together.
fn text(fonts: &Fonts, flow: &mut Flow, text: &str, style: TextStyle) {
    let sheet = *flow.sheet();
    let column = Column::new(sheet.left(), sheet.content_width()).text(fonts, text, style);
    flow.place_lines(blocks::columns(fonts, &[column]));
}

/// A small grey line under a table, explaining it.
fn note(fonts: &Fonts, flow: &mut Flow, words: &str) {
    flow.space(4.0);
    text(fonts, flow, words, style::small());
}

/// A section heading that moves to the next page unless `following` points fit below it,
/// set as [`Composer::heading`] sets them.
fn heading(fonts: &Fonts, flow: &mut Flow, words: &str, following: f32) {
    let heading = style::heading();
    flow.space(style::SECTION_GAP);
    let width = flow.sheet().content_width();
    let lines = wrap(fonts, heading.face, heading.size, words, width);
    let gap = 3.0;
    flow.need(lines.len() as f32 * style::line_height(heading) + gap + following);
    text(fonts, flow, words, heading);
    flow.space(gap);
}

/// Roughly one table row, for keeping a heading with the rows after it.
fn row_height() -> f32 {
    style::line_height(style::body()) + 4.0
}

fn summary_table(doc: &StatementDoc) -> Table {
    summary_of(&doc.summary)
}

/// Label and figure pairs, the emphasised line set apart.
fn summary_of(lines: &[SummaryLine]) -> Table {
    Table {
        columns: vec![
            TableColumn::new("", Align::Left, Width::Share(1.0)),
            TableColumn::new("", Align::Right, Width::Fit),
        ],
        header: false,
        note_column: 0,
        striped: false,
        rows: lines
            .iter()
            .map(|line| {
                let look = if line.emphasis {
                    Look::Emphasis
                } else {
                    Look::Plain
                };
                TableRow::new(vec![line.label.clone(), line.value.clone()], look)
            })
            .collect(),
    }
}

fn redemption_table(doc: &StatementDoc) -> Option<Table> {
    if doc.redemptions.is_empty() {
        return None;
    }
    let cells = |r: &RedemptionLine| {
        vec![
            r.date.clone(),
            r.code.clone(),
            r.sale.clone(),
            r.discount.clone(),
            r.commission.clone(),
        ]
    };
    let mut rows: Vec<TableRow> = doc
        .redemptions
        .iter()
        .map(|r| TableRow {
            cells: cells(r),
            look: if r.void.is_some() {
                Look::Struck
            } else {
                Look::Plain
            },
            note: r.void.clone(),
        })
        .collect();
    rows.extend(
        doc.redemption_total
            .as_ref()
            .map(|t| TableRow::new(cells(t), Look::Total)),
    );
    Some(Table {
        columns: vec![
            TableColumn::new("Date", Align::Left, Width::Fit),
            TableColumn::new("Code", Align::Left, Width::Share(1.0)),
            TableColumn::new("Sale", Align::Right, Width::Fit),
            TableColumn::new("Discount", Align::Right, Width::Fit),
            TableColumn::new("Commission", Align::Right, Width::Fit),
        ],
        header: true,
        note_column: 1,
        striped: true,
        rows,
    })
}

fn payout_table(doc: &StatementDoc) -> Option<Table> {
    payments_table(&doc.payouts, doc.payout_total.as_ref())
}

/// Payments either way: date, method, reference, amount; reversed ones struck through.
fn payments_table(payments: &[PayoutLine], payments_total: Option<&PayoutLine>) -> Option<Table> {
    if payments.is_empty() {
        return None;
    }
    let cells = |p: &PayoutLine| {
        vec![
            p.date.clone(),
            p.method.clone(),
            p.reference.clone(),
            p.amount.clone(),
        ]
    };
    let mut rows: Vec<TableRow> = payments
        .iter()
        .map(|p| TableRow {
            cells: cells(p),
            look: if p.reversal.is_some() {
                Look::Struck
            } else {
                Look::Plain
            },
            note: p.reversal.clone(),
        })
        .collect();
    rows.extend(payments_total.map(|t| TableRow::new(cells(t), Look::Total)));
    Some(Table {
        columns: vec![
            TableColumn::new("Date", Align::Left, Width::Fit),
            TableColumn::new("Method", Align::Left, Width::Share(1.0)),
            TableColumn::new("Reference", Align::Left, Width::Share(1.5)),
            TableColumn::new("Amount", Align::Right, Width::Fit),
        ],
        header: true,
        note_column: 1,
        striped: true,
        rows,
    })
}

/// Running head and foot: the period in the head, where a long partner name cannot crowd
/// it out, and the parties in the foot, so a loose page can be put back.
fn frame(doc: &StatementDoc) -> Frame {
    Frame {
        head_left: format!("{} · {}", doc.title, doc.period_line),
        head_right: doc.parties[0].name.clone(),
        foot: doc.footer.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::engine::fonts::Face;
    use crate::documents::engine::style::Ink;

    fn sample(redemptions: usize) -> StatementDoc {
        let party = |role: &str, name: &str| PartyBlock {
            role: role.into(),
            name: name.into(),
            ..Default::default()
        };
        let line = |label: &str, value: &str, emphasis| SummaryLine {
            label: label.into(),
            value: value.into(),
            emphasis,
        };
        StatementDoc {
            paper: PaperSize::A4,
            title: "Partner statement".into(),
            period_line: "1 November 2026 – 30 November 2026".into(),
            parties: [
                party("Business", "Café Müller"),
                party("Partner", "Łódź Deli"),
            ],
            summary: vec![
                line("Opening balance", "€0.00", false),
                line("Closing balance", "€1.48", true),
            ],
            redemptions: (0..redemptions)
                .map(|i| RedemptionLine {
                    date: "24/11/2026".into(),
                    code: format!("DELI-{i:04}"),
                    sale: "€12.50".into(),
                    discount: "€1.25".into(),
                    commission: "€0.90".into(),
                    void: None,
                })
                .collect(),
            redemption_total: None,
            payouts: Vec::new(),
            payout_total: None,
            their_side: None,
            key_line: None,
            footer: "Café Müller · Łódź Deli · Statement 1–30 November 2026".into(),
            logo: None,
        }
    }

    fn texts(pages: &[Vec<Mark>]) -> Vec<&str> {
        pages.iter().flatten().filter_map(Mark::text_str).collect()
    }

    fn lay(doc: &StatementDoc) -> Vec<Vec<Mark>> {
        let fonts = Fonts::shared().unwrap();
        lay_out(fonts, Sheet::new(doc.paper), doc)
    }

    #[test]
    fn empty_lists_say_so_instead_of_printing_bare_headers() {
        let pages = lay(&sample(0));
        let t = texts(&pages);
        assert!(t.contains(&"No redemptions in this period."));
        assert!(t.contains(&"No payouts in this period."));
        assert!(!t.contains(&"Commission") && !t.contains(&"Reference"));
    }

    #[test]
    fn the_closing_balance_is_set_apart_in_bold_on_a_tint() {
        let pages = lay(&sample(1));
        let page = &pages[0];
        let closing = page
            .iter()
            .find_map(|m| match m {
                Mark::Text { y, style, text, .. } if text == "€1.48" => Some((*y, *style)),
                _ => None,
            })
            .unwrap();
        assert_eq!((closing.1.face, closing.1.ink), (Face::Bold, Ink::Accent));
        assert!(page.iter().any(|m| matches!(m,
            Mark::Fill { y, h, ink: Ink::Tint, .. } if *y < closing.0 && closing.0 < y + h)));
    }

    #[test]
    fn voided_rows_carry_their_note_and_the_table_a_footnote_only_then() {
        let plain = lay(&sample(2));
        assert!(!texts(&plain)
            .iter()
            .any(|t| t.starts_with("Voided redemptions")));
        let mut doc = sample(2);
        doc.redemptions[1].void = Some("VOIDED — Rung up twice".into());
        let pages = lay(&doc);
        let t = texts(&pages);
        let code = t.iter().position(|t| *t == "DELI-0001").unwrap();
        assert!(t[code..].contains(&"VOIDED — Rung up twice"));
        assert!(t.iter().any(|t| t.starts_with("Voided redemptions")));
    }

    #[test]
    fn five_hundred_redemptions_flow_onto_pages_with_the_period_in_every_head() {
        let doc = sample(500);
        let pages = lay(&doc);
        assert!(pages.len() > 10, "{} pages", pages.len());
        let codes = texts(&pages)
            .iter()
            .filter(|t| t.starts_with("DELI-"))
            .count();
        assert_eq!(codes, 500);
        assert_eq!(
            frame(&doc).head_left,
            "Partner statement · 1 November 2026 – 30 November 2026"
        );
    }
}
