//! Agreements rendered to PDF and read back with poppler (`pdftotext`, `pdfinfo`), an
//! independent reader: what it extracts is what a partner would copy out of the file.

use std::path::PathBuf;

use partnerdesk_core::business::PaperSize;
use partnerdesk_core::documents::samples::{
    accented as agreement, bean_there_draft, clause, long_names_on_letter, LONG_NAME, SUMMARY,
};
use partnerdesk_core::documents::{render_agreement, AgreementDoc};
use partnerdesk_core::testing::{pdftotext, PdfFile as Pdf};

fn render(doc: &AgreementDoc) -> Pdf {
    Pdf::write(
        "agreement.pdf",
        &render_agreement(doc).expect("agreement renders"),
    )
}

fn text(pdf: &Pdf) -> String {
    pdftotext(&pdf.path, &["-layout", "-enc", "UTF-8"])
}

fn page_count(pdf: &Pdf) -> usize {
    pdf.pages()
}

/// The body text with running heads and feet removed and all whitespace collapsed, so a
/// clause wrapped over lines (or pages) reads as one string.
fn flowing_text(pdf: &Pdf) -> String {
    text(pdf)
        .lines()
        .filter(|l| !l.contains(" of ") || !l.contains("Page "))
        .filter(|l| {
            !l.trim_start()
                .starts_with("Referral partnership agreement  ")
        })
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn accented_party_names_read_back_exactly() {
    let out = text(&render(&agreement(6)));
    for name in [
        "Café Müller",
        "Łódź",
        "Señora Núñez",
        "Ørsted Bageri",
        "København",
    ] {
        assert!(out.contains(name), "{name} missing from:\n{out}");
    }
}

#[test]
fn summary_amounts_and_percents_read_back() {
    let out = flowing_text(&render(&agreement(6)));
    for figure in [
        "€150.00",
        "€5.00",
        "10 %",
        "8 %",
        "1 December 2026 – open-ended",
    ] {
        assert!(out.contains(figure), "{figure} missing from:\n{out}");
    }
    assert!(out.contains(&SUMMARY.split_whitespace().collect::<Vec<_>>().join(" ")));
}

#[test]
fn every_clause_is_printed_with_its_number() {
    let out = flowing_text(&render(&agreement(30)));
    for n in 1..=30 {
        let numbered = format!(
            "{n}. {}",
            clause(n).split_whitespace().collect::<Vec<_>>().join(" ")
        );
        assert!(
            out.contains(&numbered),
            "clause {n} missing or broken in:\n{out}"
        );
    }
}

#[test]
fn thirty_clauses_take_three_pages_each_numbered_of_three() {
    let pdf = render(&agreement(30));
    assert_eq!(page_count(&pdf), 3);
    let out = text(&pdf);
    for page in 1..=3 {
        assert!(
            out.contains(&format!("Page {page} of 3")),
            "page {page} unnumbered"
        );
    }
}

#[test]
fn a_short_agreement_fits_on_one_page() {
    let mut doc = agreement(2);
    doc.terms.truncate(2);
    let pdf = render(&doc);
    assert_eq!(page_count(&pdf), 1);
    assert!(text(&pdf).contains("Page 1 of 1"));
}

#[test]
fn signature_blocks_are_never_split_across_pages() {
    // Growing the clause list walks the signature blocks across every position on a page,
    // including the ones where they would straddle a page break.
    for clauses in 0..=36 {
        let pdf = render(&agreement(clauses));
        let out = text(&pdf);
        let pages: Vec<&str> = out.split('\u{c}').collect();
        let with_fields: Vec<&&str> = pages.iter().filter(|p| p.contains("Name:")).collect();
        assert_eq!(
            with_fields.len(),
            1,
            "{clauses} clauses: signature fields on several pages"
        );
        let page = with_fields[0];
        assert!(
            page.contains("Signatures"),
            "{clauses} clauses: heading left behind"
        );
        assert_eq!(page.matches("Name:").count(), 2, "{clauses} clauses");
        assert_eq!(page.matches("Date:").count(), 2, "{clauses} clauses");
        assert_eq!(
            page.matches("Signature\n").count() + page.matches("Signature ").count(),
            2
        );
    }
}

#[test]
fn a_sixty_character_name_wraps_inside_the_margins_with_every_character_kept() {
    assert_eq!(LONG_NAME.chars().count(), 60);
    let pdf = render(&long_names_on_letter());
    // In content-stream order the pieces of the broken name follow each other directly.
    let raw = pdftotext(&pdf.path, &["-raw", "-enc", "UTF-8"]);
    assert!(
        raw.replace('\n', "").contains(LONG_NAME),
        "name lost in:\n{raw}"
    );
    // Every word poppler finds lies inside the page and within the 20 mm side margins.
    let boxes = pdftotext(&pdf.path, &["-bbox", "-enc", "UTF-8"]);
    let margin = 20.0 * 72.0 / 25.4 - 0.5;
    let mut words = 0;
    for page in boxes.split("<page ").skip(1) {
        let width = attr(page, "width");
        for word in page.split("<word ").skip(1) {
            words += 1;
            let (left, right) = (attr(word, "xMin"), attr(word, "xMax"));
            assert!(
                left >= margin && right <= width - margin,
                "word outside margins: {word}"
            );
        }
    }
    assert!(words > 500, "only {words} words found");
}

/// A numeric attribute `name="…"` from poppler's bbox output.
fn attr(tag: &str, name: &str) -> f64 {
    let start = tag.find(&format!("{name}=\"")).expect("attribute present") + name.len() + 2;
    let len = tag[start..].find('"').expect("attribute closed");
    tag[start..start + len].parse().expect("numeric attribute")
}

#[test]
fn bidi_controls_in_names_are_not_printed() {
    let mut doc = agreement(3);
    doc.parties[1].name = "\u{202E}Evil\u{202C} \u{2066}Bakery\u{2069}\u{200F}".into();
    doc.summary = vec!["Pay \u{202E}00.051€\u{202C} a month.".into()];
    let out = text(&render(&doc));
    assert!(
        out.contains("Evil Bakery") && out.contains("Pay 00.051€ a month."),
        "{out}"
    );
    let bidi = [
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2069}',
        '\u{200E}', '\u{200F}',
    ];
    assert!(!out.contains(bidi), "a bidi control survived");
}

#[test]
fn a_draft_says_so_under_the_title_and_on_every_page() {
    let mut doc = agreement(30);
    doc.status_note = Some("DRAFT — not signed".into());
    let pdf = render(&doc);
    let out = text(&pdf);
    let pages: Vec<&str> = out
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), page_count(&pdf));
    for page in pages {
        assert!(
            page.contains("DRAFT — not signed"),
            "page without the draft note:\n{page}"
        );
    }
    assert!(!text(&render(&agreement(30))).contains("DRAFT"));
}

#[test]
fn paper_size_is_a4_or_us_letter() {
    let info = |doc: &AgreementDoc| render(doc).info();
    assert!(info(&agreement(3)).contains("595.276 x 841.89 pts (A4)"));
    let mut letter = agreement(3);
    letter.paper = PaperSize::Letter;
    assert!(info(&letter).contains("612 x 792 pts (letter)"));
}

#[test]
fn empty_notes_leave_out_the_notes_section() {
    let mut doc = agreement(3);
    assert!(flowing_text(&render(&doc)).contains("Notes Governed by the laws of Poland."));
    doc.notes = " \n ".into();
    assert!(!text(&render(&doc)).contains("Notes"));
}

#[test]
fn fonts_are_subset_so_a_two_page_agreement_stays_small() {
    // The two embedded TTFs weigh 1.4 MB whole; subsets of the glyphs used are a few KB.
    let pdf = render(&agreement(12));
    assert_eq!(page_count(&pdf), 2);
    let size = std::fs::metadata(&pdf.path).expect("pdf on disk").len();
    assert!(size < 60_000, "two-page agreement is {size} bytes");
}

/// Writes samples to `$PARTNERDESK_SAMPLE_DIR` (for looking at them) and times rendering.
/// Run with `cargo test --release --test documents -- --ignored --nocapture`.
#[test]
#[ignore = "writes sample PDFs and prints timings; run by hand"]
fn render_samples_and_time_a_two_page_agreement() {
    let dir = PathBuf::from(std::env::var("PARTNERDESK_SAMPLE_DIR").unwrap_or("/tmp".into()));
    let doc = agreement(12);
    let first = std::time::Instant::now();
    let bytes = render_agreement(&doc).unwrap();
    let first = first.elapsed();
    let runs = 20;
    let start = std::time::Instant::now();
    for _ in 0..runs {
        render_agreement(&doc).unwrap();
    }
    let each = start.elapsed() / runs;
    std::fs::write(dir.join("two-page.pdf"), &bytes).unwrap();
    println!(
        "two-page agreement: first render {first:?} (fonts parsed), then {each:?} each, {} bytes",
        bytes.len()
    );
    std::fs::write(
        dir.join("bean-there.pdf"),
        render_agreement(&bean_there_draft()).unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.join("long-letter.pdf"),
        render_agreement(&long_names_on_letter()).unwrap(),
    )
    .unwrap();
}
