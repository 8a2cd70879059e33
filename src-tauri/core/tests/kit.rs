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
    assert_eq!(used.len(), 3);
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
