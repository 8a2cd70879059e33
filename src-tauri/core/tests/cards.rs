//! Referral card sheets rendered from issued codes and read back with independent tools:
//! poppler (`pdftotext`, `pdfinfo`, `pdftoppm`) and zbar (`zbarimg`, package zbar-tools).

use std::process::Command;

use partnerdesk_core::business::PaperSize;
use partnerdesk_core::codes::{CodeId, CodeOptions, ReferralCode, CARDS_MAX};
use partnerdesk_core::documents::render_cheat_sheet;
use partnerdesk_core::error::{CodeError, Field, FieldError, Problem};
use partnerdesk_core::partners::{PartnerId, PartnerStatus};
use partnerdesk_core::terms::Pdf;
use partnerdesk_core::testing::{self, desk_with_profile, partner, PdfFile as OnDisk, TestDesk};
use partnerdesk_core::{Actor, Error};

async fn active_partner(t: &TestDesk, name: &str) -> PartnerId {
    t.create_partner(&partner(name), PartnerStatus::Active, &Actor::owner())
        .await
        .expect("partner")
        .id
}

async fn sign_terms(t: &TestDesk, p: PartnerId) {
    testing::sign_terms(t, p, &testing::terms()).await;
}

async fn batch(t: &TestDesk, p: PartnerId, count: usize) -> Vec<ReferralCode> {
    t.issue_batch(
        p,
        count,
        &CodeOptions::default(),
        &Actor::owner(),
        &mut |_, _| {},
    )
    .await
    .expect("batch")
}

fn ids(codes: &[ReferralCode]) -> Vec<CodeId> {
    codes.iter().map(|c| c.id).collect()
}

fn on_disk(pdf: &Pdf) -> OnDisk {
    OnDisk::write("cards.pdf", &pdf.bytes)
}

/// The sheet's text with whitespace collapsed, so an offer wrapped over two lines reads as
/// one string.
fn text(pdf: &OnDisk) -> String {
    let text = pdf.text(&["-enc", "UTF-8"]);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn page_count(pdf: &OnDisk) -> usize {
    pdf.pages()
}

#[tokio::test]
async fn every_code_of_a_batch_prints_exactly_once_ten_to_a_page() {
    let t = desk_with_profile().await;
    let p = active_partner(&t, "Crumb & Co. Bakery").await;
    sign_terms(&t, p).await;
    let codes = batch(&t, p, 25).await;
    let pdf = t
        .card_sheet_pdf(&ids(&codes), Some(PaperSize::A4))
        .await
        .expect("sheet");
    assert_eq!(pdf.file_name, "Referral cards Crumb & Co. Bakery (25).pdf");
    let file = on_disk(&pdf);
    assert_eq!(page_count(&file), 3);
    let text = text(&file);
    for code in &codes {
        assert_eq!(text.matches(&code.printed).count(), 1, "{}", code.printed);
    }
    assert_eq!(text.matches("10 % off, min €5.00").count(), 25);
    assert_eq!(
        text.matches("Brought to you by Crumb & Co. Bakery").count(),
        25
    );
    // Where to redeem it, on every card; an unlimited code with no dates says nothing more.
    assert_eq!(text.matches("12 Mill Lane").count(), 25);
    assert!(!text.contains("No expiry") && !text.contains("Single use"));
}

#[tokio::test]
async fn with_a_card_link_the_qr_opens_the_shops_page_and_the_counter_reads_it_back() {
    let t = desk_with_profile().await;
    let mut profile = testing::profile();
    profile.card_link = "https://beanthere.example/offer?code={code}".into();
    t.save_profile(&profile, &Actor::owner())
        .await
        .expect("profile");
    let p = active_partner(&t, "Crumb & Co. Bakery").await;
    sign_terms(&t, p).await;
    let codes = batch(&t, p, 2).await;
    let pdf = t
        .card_sheet_pdf(&ids(&codes), Some(PaperSize::A4))
        .await
        .unwrap();
    let scanned = scan_card(&on_disk(&pdf), PaperSize::A4, 0);
    assert_eq!(
        scanned,
        format!("https://beanthere.example/offer?code={}", codes[0].printed)
    );
    let outcome = t.lookup_code(&scanned).await.expect("lookup");
    assert!(
        matches!(&outcome, partnerdesk_core::codes::LookupOutcome::Valid { code, .. } if *code == codes[0].printed),
        "{outcome:?}"
    );
    let bad = partnerdesk_core::business::BusinessProfileInput {
        card_link: "beanthere.example/offer".into(),
        ..testing::profile()
    };
    let err = t
        .save_profile(&bad, &Actor::owner())
        .await
        .expect_err("no {code}");
    assert_eq!(err.field(), Some(Field::CardLink));
}

#[tokio::test]
async fn cards_say_where_when_and_how_often_as_the_code_allows() {
    let t = desk_with_profile().await;
    let mut profile = testing::profile();
    profile.address = "ul. Piotrkowska 12\n90-001 Łódź".into();
    profile.opening_hours = "Mon–Fri 7:00–18:00\nSat 8:00–16:00".into();
    t.save_profile(&profile, &Actor::owner())
        .await
        .expect("profile");
    let p = active_partner(&t, "Crumb & Co. Bakery").await;
    sign_terms(&t, p).await;
    let single = CodeOptions {
        redemption_limit: "1".into(),
        valid_until: "2027-01-31".into(),
        ..Default::default()
    };
    let thrice = CodeOptions {
        redemption_limit: "3".into(),
        ..Default::default()
    };
    let mut codes = Vec::new();
    for options in [&single, &thrice] {
        codes.push(
            t.issue_code(p, None, options, &Actor::owner())
                .await
                .expect("code"),
        );
    }
    let pdf = t.card_sheet_pdf(&ids(&codes), None).await.expect("sheet");
    let text = text(&on_disk(&pdf));
    assert_eq!(text.matches("ul. Piotrkowska 12, 90-001 Łódź").count(), 2);
    assert_eq!(
        text.matches("Mon–Fri 7:00–18:00 · Sat 8:00–16:00").count(),
        2
    );
    assert_eq!(
        text.matches("Single use · Valid until 31 January 2027")
            .count(),
        1
    );
    assert_eq!(text.matches("Use 3 times").count(), 1);
}

/// What the QR code on card `slot` (0‥9, left to right, top to bottom) of page 1 scans as.
/// Each card is rendered on its own at 300 dpi: zbar, given a whole page of ten symbols in
/// a grid, misses some at certain resolutions, while a phone sees one card at a time.
fn scan_card(pdf: &OnDisk, paper: PaperSize, slot: usize) -> String {
    let (width, height) = match paper {
        PaperSize::A4 => (210.0, 297.0),
        PaperSize::Letter => (215.9, 279.4),
    };
    // The grid: 85 × 55 mm cards, two columns 10 mm apart, five touching rows, centred.
    let x = (width - 180.0) / 2.0 + (slot % 2) as f64 * 95.0;
    let y = (height - 275.0) / 2.0 + (slot / 2) as f64 * 55.0;
    let px = |mm: f64| ((mm * 300.0 / 25.4).round() as i64).to_string();
    let png = pdf.dir.path().join(format!("card{slot}"));
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "300", "-f", "1", "-l", "1", "-singlefile"])
        .args(["-x", &px(x), "-y", &px(y), "-W", &px(85.0), "-H", &px(55.0)])
        .arg(&pdf.path)
        .arg(&png)
        .status()
        .expect("pdftoppm (poppler-utils) runs");
    assert!(status.success());
    let png = png.with_extension("png");
    testing::tool_output(
        "zbarimg",
        &["--raw".as_ref(), "-q".as_ref(), png.as_os_str()],
    )
    .trim()
    .to_string()
}

#[tokio::test]
async fn each_cards_qr_code_scans_as_its_own_code() {
    let t = desk_with_profile().await;
    let p = active_partner(&t, "Crumb & Co. Bakery").await;
    sign_terms(&t, p).await;
    let codes = batch(&t, p, 25).await;
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let pdf = t.card_sheet_pdf(&ids(&codes), Some(paper)).await.unwrap();
        let file = on_disk(&pdf);
        let scanned: Vec<String> = (0..10).map(|slot| scan_card(&file, paper, slot)).collect();
        // The code as printed: a phone shows it as text a cashier can read back.
        let page_one: Vec<String> = codes[..10].iter().map(|c| c.printed.clone()).collect();
        assert_eq!(scanned, page_one, "{paper:?}");
        // And the counter takes what the scanner types as it would the card's text.
        let outcome = t.lookup_code(&scanned[0]).await.expect("lookup");
        assert!(
            matches!(
                outcome,
                partnerdesk_core::codes::LookupOutcome::Valid { .. }
            ),
            "{outcome:?}"
        );
    }
}

#[tokio::test]
async fn accented_partner_names_print_exactly_and_cards_without_terms_say_so() {
    let t = desk_with_profile().await;
    let p = active_partner(&t, "Café Müller Łódź").await;
    let codes = batch(&t, p, 3).await;
    let pdf = t.card_sheet_pdf(&ids(&codes), None).await.unwrap();
    assert_eq!(pdf.file_name, "Referral cards Café Müller Łódź (3).pdf");
    let file = on_disk(&pdf);
    assert_eq!(page_count(&file), 1);
    let text = text(&file);
    assert_eq!(
        text.matches("Brought to you by Café Müller Łódź").count(),
        3
    );
    assert_eq!(
        text.matches("Offer as agreed with Café Müller Łódź")
            .count(),
        3
    );
    assert_eq!(text.matches("Bean There Coffee").count(), 3);
}

#[tokio::test]
async fn a_missing_code_is_reported_by_id_and_nothing_is_rendered() {
    let t = desk_with_profile().await;
    let p = active_partner(&t, "Crumb & Co. Bakery").await;
    let mut wanted = ids(&batch(&t, p, 2).await);
    wanted.push(CodeId(999_999));
    match t.card_sheet_pdf(&wanted, None).await {
        Err(Error::Code(CodeError::NotFound(id))) => assert_eq!(id, CodeId(999_999)),
        other => panic!("{other:?}"),
    }
    match t.card_sheet_pdf(&[], None).await {
        Err(Error::Invalid(FieldError {
            field: Field::Count,
            problem: Problem::OutOfRange { min: 1, max },
        })) => assert_eq!(max, CARDS_MAX as i64),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_staff_guide_is_one_page_naming_the_shop_and_every_outcome() {
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let bytes = render_cheat_sheet(paper, "Café Müller").expect("guide renders");
        let file = on_disk(&Pdf {
            file_name: String::new(),
            bytes,
        });
        assert_eq!(page_count(&file), 1);
        let text = text(&file);
        for outcome in [
            "Valid", "Mistyped", "Unknown", "Disabled", "Expired", "Used up",
        ] {
            assert!(text.contains(outcome), "{outcome} missing");
        }
        assert!(text.contains("Partner not active") && text.contains("Café Müller"));
    }
}
