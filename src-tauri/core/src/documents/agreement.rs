//! The printed partnership agreement: parties, plain-words summary, terms, numbered clauses,
//! notes and signature blocks.

use super::engine::picture::Picture;
use crate::business::PaperSize;

use super::engine::clean::printable_line;
use super::engine::compose::Composer;
use super::engine::fonts::Fonts;
use super::engine::layout::Mark;
use super::engine::page::{Frame, Sheet};
use super::engine::paint::{paint, Section};
use super::engine::style;
use super::parts::{name_lines, party, signature};
use super::DocumentError;

/// One party of an agreement as printed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartyBlock {
    /// What the party is in this agreement: "Business" or "Partner".
    pub role: String,
    /// Trading name, e.g. "Crumb & Co. Bakery".
    pub name: String,
    /// Postal address; lines separated by `\n`.
    pub address: String,
    /// Tax number alone (e.g. "DE123456789"), printed after "Tax ID:"; empty → omitted.
    pub tax_id: String,
    /// Contact person, email, phone; lines separated by `\n`; empty → omitted.
    pub contact: String,
}

/// One signature block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignatureBlock {
    /// The party signing, e.g. "Crumb & Co. Bakery".
    pub party: String,
    /// Who signs for it; empty → a blank line to fill in by hand.
    pub signatory: String,
    /// Date of signing, already formatted; empty → a blank line.
    pub date: String,
}

/// Everything printed on an agreement, already in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementDoc {
    /// A4 or US Letter.
    pub paper: PaperSize,
    /// E.g. "Referral partnership agreement".
    pub title: String,
    /// E.g. "Version 3 · signed 24 November 2026".
    pub version_line: String,
    /// E.g. `Some("DRAFT — not signed")`, printed prominently under the title.
    pub status_note: Option<String>,
    /// The business first, then the partner.
    pub parties: [PartyBlock; 2],
    /// Plain-words paragraphs saying what each side gets.
    pub summary: Vec<String>,
    /// Label/value rows, e.g. ("Partnership model", "Referral").
    pub terms: Vec<(String, String)>,
    /// Clauses, printed numbered "1.", "2.", ….
    pub clauses: Vec<String>,
    /// Governing notes; paragraphs separated by a blank line; empty → section omitted.
    pub notes: String,
    /// One signature block per party.
    pub signatures: [SignatureBlock; 2],
    /// Foot of every page, e.g. "Bean There Coffee · Crumb & Co. Bakery · Agreement v3".
    pub footer: String,
    /// The shop's logo, printed above the title.
    pub logo: Option<Picture>,
}

/// The agreement as a PDF: fonts embedded, "Page n of N" on every page, signature blocks
/// kept together on one page.
pub fn render_agreement(doc: &AgreementDoc) -> Result<Vec<u8>, DocumentError> {
    let fonts = Fonts::shared()?;
    let sheet = Sheet::new(doc.paper);
    let pages = lay_out(fonts, sheet, doc);
    let title = printable_line(&doc.title);
    Ok(paint(fonts, &sheet, Some(&frame(doc)), &title, pages))
}

/// The agreement's pages with its head and foot, for a pack of documents (the kit).
pub(crate) fn agreement_section(doc: &AgreementDoc) -> Result<Section, DocumentError> {
    let fonts = Fonts::shared()?;
    Ok(Section {
        frame: Some(frame(doc)),
        pages: lay_out(fonts, Sheet::new(doc.paper), doc),
    })
}

/// The agreement's pages, before head and foot are added.
fn lay_out(fonts: &Fonts, sheet: Sheet, doc: &AgreementDoc) -> Vec<Vec<Mark>> {
    let mut c = Composer::new(fonts, sheet);
    if let Some(logo) = &doc.logo {
        c.logo(logo);
    }
    c.text(&doc.title, style::title());
    c.space(2.0);
    c.text(&doc.version_line, style::label());
    if let Some(note) = status_note(doc) {
        c.space(10.0);
        c.notice(note);
    }
    c.space(14.0);
    c.rule(0.0, 12.0);
    c.pair(|column, i| party(fonts, column, &doc.parties[i]), true);

    c.heading("Summary");
    for paragraph in &doc.summary {
        c.paragraphs(paragraph);
    }
    if !doc.terms.is_empty() {
        c.heading("Terms");
        c.rows(&doc.terms);
    }
    if !doc.clauses.is_empty() {
        c.heading("Clauses");
        c.numbered(&doc.clauses);
    }
    if !doc.notes.trim().is_empty() {
        c.heading("Notes");
        c.paragraphs(&doc.notes);
    }

    let parties = doc.signatures.each_ref().map(|s| s.party.as_str());
    let signatures = c.pair_columns(|column, i| {
        let lines = name_lines(fonts, &parties, column.width);
        signature(fonts, column, &doc.signatures[i], lines)
    });
    // The heading moves with the first signature row: a lone "Signatures" at the foot of a
    // page, its blocks overleaf, invites a page to be swapped in between.
    let first = signatures.first().map(|set| c.height(set)).unwrap_or(0.0);
    c.heading_keeping("Signatures", first);
    for set in &signatures {
        c.columns(set, true);
        c.space(style::SECTION_GAP);
    }
    c.finish()
}

fn status_note(doc: &AgreementDoc) -> Option<&str> {
    doc.status_note.as_deref().filter(|n| !n.trim().is_empty())
}

/// Running head and foot. A draft says so on every page, so a loose page cannot pass for
/// part of a signed copy.
fn frame(doc: &AgreementDoc) -> Frame {
    let head_left = match status_note(doc) {
        Some(note) => format!("{} · {note}", doc.title),
        None => doc.title.clone(),
    };
    Frame {
        head_left,
        head_right: doc.parties[0].name.clone(),
        foot: doc.footer.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::samples;

    fn texts(pages: &[Vec<Mark>]) -> Vec<&str> {
        pages.iter().flatten().filter_map(Mark::text_str).collect()
    }

    #[test]
    fn sections_come_in_order_and_empty_ones_are_left_out() {
        let fonts = Fonts::shared().unwrap();
        let mut doc = samples::accented(3);
        let pages = lay_out(fonts, Sheet::new(doc.paper), &doc);
        let order: Vec<_> = texts(&pages)
            .into_iter()
            .filter(|t| ["Summary", "Terms", "Clauses", "Notes", "Signatures"].contains(t))
            .collect();
        assert_eq!(
            order,
            ["Summary", "Terms", "Clauses", "Notes", "Signatures"]
        );
        doc.terms.clear();
        doc.clauses.clear();
        doc.notes.clear();
        let pages = lay_out(fonts, Sheet::new(doc.paper), &doc);
        let t = texts(&pages);
        assert!(!t.contains(&"Terms") && !t.contains(&"Clauses") && !t.contains(&"Notes"));
    }

    #[test]
    fn signature_fields_line_up_when_one_party_name_wraps() {
        let fonts = Fonts::shared().unwrap();
        let doc = samples::long_names_on_letter();
        let pages = lay_out(fonts, Sheet::new(doc.paper), &doc);
        let last = pages.last().unwrap();
        let baselines: Vec<f32> = last
            .iter()
            .filter_map(|m| match m {
                Mark::Text { y, text, .. } if text == "Date:" => Some(*y),
                _ => None,
            })
            .collect();
        assert_eq!(baselines.len(), 2);
        assert!((baselines[0] - baselines[1]).abs() < 1e-3, "{baselines:?}");
    }

    #[test]
    fn the_draft_note_heads_every_page_of_a_draft() {
        let doc = samples::bean_there_draft();
        assert!(frame(&doc)
            .head_left
            .ends_with("DRAFT — not signed. Terms may still change."));
        assert_eq!(
            frame(&samples::accented(1)).head_left,
            "Referral partnership agreement"
        );
    }
}
