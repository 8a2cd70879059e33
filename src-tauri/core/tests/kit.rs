//! The partner kit on the demo bakery, read back with pdftotext: the cover letter, the
//! agreement's parties, every card still to hand out exactly once (none already used), the
//! guide for the bakery's staff, and our counter guide.

use partnerdesk_core::business::PaperSize;
use partnerdesk_core::partners::PartnerStatus;
use partnerdesk_core::testing::{self, demo_desk, PdfFile};
use partnerdesk_core::Actor;

fn words(file: &PdfFile) -> String {
    file.text(&["-enc", "UTF-8"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[tokio::test]
async fn the_kit_holds_letter_agreement_cards_and_both_guides() {
    let (t, bakery) = demo_desk().await;
    let pdf = t
        .partner_kit_pdf(bakery, Some(PaperSize::A4), &Actor::named("Maya Bean"))
        .await
        .expect("kit");
    assert_eq!(pdf.file_name, "Partner kit Crumb & Co. Bakery.pdf");
    let file = PdfFile::write("kit.pdf", &pdf.bytes);
    let text = words(&file);
    for expected in [
        // The letter.
        "Dear Anna Kowalska,",
        "Thank you for partnering with Bean There Coffee.",
        "Our agreement in force (version 2)",
        "A sheet of 10 referral cards",
        "Open Mon–Fri 7:00–18:00, Sat 8:00–16:00",
        "Maya Bean",
        // The agreement and its parties.
        "Referral partnership agreement",
        "Version 2 · signed",
        // The guide for the bakery's staff.
        "For the team at Crumb & Co. Bakery",
        "Who to hand a card to",
        "What to say",
        "“Show this card at Bean There Coffee (12 Mill Lane) and you get 10 % off, min €5.00.”",
        "Where they redeem it",
        "How you are paid",
        "You earn 8 % of each such sale",
        // Our counter guide.
        "Taking a referral code",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from the kit:\n{text}"
        );
    }
    let codes = t.codes_for(bakery).await.expect("codes");
    let (used, unused): (Vec<_>, Vec<_>) = codes
        .iter()
        .filter(|c| c.redemption_limit == Some(1))
        .partition(|c| c.uses > 0);
    assert!(used.len() >= 3, "today's three and the year's");
    let printed: Vec<_> = codes.iter().filter(|c| text.contains(&c.printed)).collect();
    assert_eq!(printed.len(), 10, "one sheet of cards");
    for code in &printed {
        assert_eq!(text.matches(&code.printed).count(), 1, "{}", code.printed);
    }
    assert!(
        used.iter().all(|c| !text.contains(&c.printed)),
        "a used card was printed"
    );
    assert!(unused.len() > 10);
    // Letter, two pages of agreement, a sheet of cards, the staff guide, the counter guide.
    assert_eq!(file.pages(), 6);
}

#[tokio::test]
async fn a_partner_without_terms_or_cards_gets_a_kit_that_says_so() {
    let (t, _) = demo_desk().await;
    let new = t
        .create_partner(
            &testing::partner("Łódź Café Müller"),
            PartnerStatus::Active,
            &Actor::owner(),
        )
        .await
        .expect("partner")
        .id;
    let pdf = t
        .partner_kit_pdf(new, None, &Actor::owner())
        .await
        .expect("kit");
    let file = PdfFile::write("kit.pdf", &pdf.bytes);
    let text = words(&file);
    assert!(text.contains("Dear friends at Łódź Café Müller,"), "{text}");
    assert!(text.contains("Our agreement is not signed yet"));
    assert!(text.contains("Your cards follow separately."));
    assert!(!text.contains("Referral partnership agreement"));
    // Letter, staff guide, counter guide.
    assert_eq!(file.pages(), 3);
}

/// The images `pdfimages` (poppler, an independent reader) finds in `file`: how many times
/// one is shown, and each embedded one (by object number) with its pixel size.
fn images(file: &PdfFile) -> (usize, std::collections::BTreeSet<(String, u32, u32)>) {
    let listed: Vec<(String, u32, u32)> =
        testing::tool_output("pdfimages", &["-list".as_ref(), file.path.as_os_str()])
            .lines()
            .skip(2)
            .filter_map(|l| {
                let cols: Vec<&str> = l.split_whitespace().collect();
                let size = (cols.get(3)?.parse().ok()?, cols.get(4)?.parse().ok()?);
                Some((cols.get(10)?.to_string(), size.0, size.1))
            })
            .collect();
    (listed.len(), listed.into_iter().collect())
}

#[tokio::test]
async fn the_logo_prints_on_letter_agreement_cards_and_statement_embedded_once_each() {
    let (t, bakery) = demo_desk().await;
    let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">
        <rect width="120" height="40" rx="8" fill="#1e4570"/>
        <circle cx="20" cy="20" r="12" fill="#f2c14e"/></svg>"##;
    let logo = t.set_logo(svg, &Actor::owner()).await.expect("logo");
    assert_eq!((logo.width, logo.height), (800, 267));
    assert!(logo.data_url.starts_with("data:image/png;base64,"));

    let kit = t
        .partner_kit_pdf(bakery, None, &Actor::owner())
        .await
        .expect("kit");
    let file = PdfFile::write("kit.pdf", &kit.bytes);
    // Shown on the letter, the agreement's first page and ten cards; embedded twice: once
    // for the letter and agreement (the same picture), once for the sheet of cards.
    let (shown, embedded) = images(&file);
    assert_eq!((shown, embedded.len()), (12, 2), "{embedded:?}");
    assert!(embedded.iter().all(|(_, w, h)| (*w, *h) == (800, 267)));
    let cards = t.codes_for(bakery).await.expect("codes");
    let ids: Vec<_> = cards.iter().take(10).map(|c| c.id).collect();
    let sheet = t.card_sheet_pdf(&ids, None).await.expect("cards");
    let (shown, embedded) = images(&PdfFile::write("cards.pdf", &sheet.bytes));
    assert_eq!((shown, embedded.len()), (10, 1), "ten cards, one image");
    let month = testing::month_of(testing::start_day());
    let statement = t
        .statement_pdf(bakery, month, None)
        .await
        .expect("statement");
    assert_eq!(
        images(&PdfFile::write("statement.pdf", &statement.bytes)).0,
        1
    );

    t.remove_logo(&Actor::owner()).await.expect("remove");
    assert!(t.logo().await.expect("logo").is_none());
    let plain = t
        .statement_pdf(bakery, month, None)
        .await
        .expect("statement");
    assert_eq!(images(&PdfFile::write("plain.pdf", &plain.bytes)).0, 0);
}

#[tokio::test]
async fn a_file_that_is_not_a_logo_is_refused_and_the_old_logo_kept() {
    let (t, _) = demo_desk().await;
    let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#000"/></svg>"##;
    t.set_logo(svg, &Actor::owner()).await.expect("logo");
    let err = t
        .set_logo(b"GIF89a\x01\x00", &Actor::owner())
        .await
        .expect_err("a GIF");
    assert_eq!(err.field(), Some(partnerdesk_core::error::Field::Logo));
    assert_eq!(t.logo().await.expect("logo").map(|l| l.width), Some(400));
}
