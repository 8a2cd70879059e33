//! Agreements: the demo bakery's terms change. The owner copies the signed version into a
//! draft, raises the customer's discount while the preview follows, signs it, and prints it
//! on A4. The PDF is read back with pdftotext, an independent reader.

use std::path::Path;
use std::process::Command;

use partnerdesk_e2e::{
    files_dir, fresh_data_dir, ids, pdf_page_size, pdf_text, query_one, App, Launch, DEMO_BAKERY,
};

const BAKERY: &str = DEMO_BAKERY;

#[test]
fn bakery_agreement_is_signed_and_printed() {
    let data = fresh_data_dir();
    let pdfs = files_dir("pdfs");
    // The native Save dialog and PDF viewer live outside the page, where WebDriver cannot
    // go: the app answers the dialog itself with this folder and opens no viewer.
    let launch = Launch::new().demo().save_files_to(pdfs.path());
    let app = App::launch_with(data.path(), launch);
    app.sign_in_as_owner();

    app.open_agreements_of("crumb", BAKERY);
    assert_eq!(
        versions(&app, 2),
        ["Version 2: Signed", "Version 1: Superseded"]
    );
    app.screenshot("agreements-list");

    // A new version starts as a copy of the signed one, opened for editing.
    app.click(ids::agreements::NEW_VERSION);
    assert_eq!(app.value(ids::terms_form::OFFER_PERCENT), "10");
    app.type_into(ids::terms_form::OFFER_PERCENT, "150");
    app.wait_for(&ids::field_error("offerPercent"));
    assert!(
        app.is_shown(ids::terms_form::PREVIEW_STALE),
        "a refused field should grey the preview"
    );
    app.type_into(ids::terms_form::OFFER_PERCENT, "15");
    app.wait_for_text(ids::terms_form::PREVIEW_SUMMARY, "15 % off");
    app.wait_gone(&ids::field_error("offerPercent"));
    app.screenshot("agreements-draft-form");
    app.click(ids::terms_form::SAVE);
    app.wait_gone(ids::terms_form::FORM);
    app.wait_for_text(ids::agreements::NOTE, "Saved draft version 3");
    assert_eq!(
        versions(&app, 3),
        [
            "Version 3: Draft",
            "Version 2: Signed",
            "Version 1: Superseded"
        ]
    );

    // Signing defaults to today. Midnight may pass while the dialog opens: either side of it
    // is today; from here on the day is the one on screen, then the one stored.
    let day_before = today();
    app.click(ids::agreements::SIGN);
    app.wait_for(ids::sign_dialog::DIALOG);
    let signed_on = app.value(ids::sign_dialog::SIGNED_ON);
    assert!(
        [day_before, today()].contains(&signed_on),
        "signing should default to today, not {signed_on:?}"
    );
    app.type_into(ids::sign_dialog::OUR_SIGNATORY, "Maya Bean");
    app.type_into(ids::sign_dialog::PARTNER_SIGNATORY, "Anna Kowalska");
    app.screenshot("agreements-sign-dialog");
    app.click(ids::sign_dialog::SUBMIT);
    app.wait_gone(ids::sign_dialog::DIALOG);
    app.wait_for_text(ids::agreements::NOTE, "Version 2 is now superseded");
    assert_eq!(
        versions(&app, 3),
        [
            "Version 3: Signed",
            "Version 2: Superseded",
            "Version 1: Superseded"
        ]
    );
    assert_eq!(
        query_one(
            data.path(),
            "SELECT signed_on FROM agreement_versions WHERE status = 'signed' AND version = 3"
        ),
        signed_on,
        "the day in the dialog is the day stored"
    );
    let signed = app.text(ids::agreements::VERSION_SIGNED);
    assert!(
        signed.contains("Maya Bean") && signed.contains("Anna Kowalska"),
        "the signature line should name both signatories: {signed:?}"
    );

    // Newest first: the first Print button is version 3's.
    app.select_by_value(ids::agreements::PAPER, "a4");
    app.click(ids::agreements::PRINT);
    let saved = app.text(ids::agreements::SAVED_PATH);
    let pdf = Path::new(&saved);
    assert_eq!(
        pdf.parent(),
        Some(pdfs.path()),
        "saved outside the chosen folder: {saved}"
    );
    assert_eq!(
        pdf.file_name().and_then(|n| n.to_str()),
        Some("Agreement Crumb & Co. Bakery v3.pdf")
    );
    let text = pdf_text(pdf);
    assert!(
        text.contains("Maya Bean") && text.contains("Anna Kowalska"),
        "the PDF should name both signatories:\n{text}"
    );
    assert!(
        text.contains(BAKERY),
        "the PDF should name the partner:\n{text}"
    );
    let offer = "Customers you refer get 15 % off purchases of €5.00 or more";
    assert!(
        text.contains(offer),
        "the PDF should state the new offer:\n{text}"
    );
    assert!(
        pdf_page_size(pdf).contains("(A4)"),
        "the PDF should be A4: {}",
        pdf_page_size(pdf)
    );
    app.screenshot("agreements");

    // The partner editor shows the terms now in force, and links back here.
    app.search_partners("crumb", &[BAKERY]);
    // The badge, not the row: WebKit refuses WebDriver clicks on a <tr>.
    app.click(ids::partners::ROW_STATUS);
    let terms = app.wait_for_text(ids::partner_terms::SECTION, "Version 3");
    assert!(
        terms.contains("15 % off"),
        "the editor should show version 3's terms: {terms:?}"
    );
    app.screenshot("partner-terms");
    app.click(ids::partner_terms::LINK);
    app.wait_for_exact_text(ids::agreements::PARTNER_NAME, BAKERY);
    app.wait_for(ids::agreements::VERSIONS);
}

/// "Version N: Status" for each version shown, newest first, once `count` are.
fn versions(app: &App, count: usize) -> Vec<String> {
    app.wait_until(&format!("{count} versions with their statuses"), |app| {
        let titles = app.texts(ids::agreements::VERSION_TITLE);
        let statuses = app.texts(ids::agreements::VERSION_STATUS);
        (titles.len() == count && statuses.len() == count).then(|| {
            let pairs = titles.iter().zip(&statuses);
            pairs.map(|(t, s)| format!("{t}: {s}")).collect()
        })
    })
}

/// Today as `YYYY-MM-DD` in this machine's time zone, which the app shares. Only for the
/// default the UI proposes; every later check compares with the day on screen or stored.
fn today() -> String {
    let out = Command::new("date")
        .arg("+%F")
        .output()
        .unwrap_or_else(|e| panic!("could not run date: {e}"));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}
