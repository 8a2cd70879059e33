//! Agreements: the demo bakery's terms change. The owner copies the signed version into a
//! draft, raises the customer's discount while the preview follows, signs it, and prints it
//! on A4. The PDF is read back with pdftotext, an independent reader.

use std::path::Path;
use std::process::Command;

use partnerdesk_e2e::{
    files_dir, fresh_data_dir, pdf_page_size, pdf_text, query_one, App, Launch, DEMO_BAKERY,
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

    app.open_agreements_of("crumb", BAKERY);
    assert_eq!(
        versions(&app, 2),
        ["Version 2: Signed", "Version 1: Superseded"]
    );
    app.screenshot("agreements-list");

    // A new version starts as a copy of the signed one, opened for editing.
    app.click("agreement-new-version");
    assert_eq!(app.value("terms-offer-percent"), "10");
    app.type_into("terms-offer-percent", "150");
    app.wait_for("error-offerPercent");
    assert!(
        app.is_shown("terms-preview-stale"),
        "a refused field should grey the preview"
    );
    app.type_into("terms-offer-percent", "15");
    app.wait_for_text("terms-preview-summary", "15 % off");
    app.wait_gone("error-offerPercent");
    app.screenshot("agreements-draft-form");
    app.click("terms-save");
    app.wait_gone("terms-form");
    app.wait_for_text("agreement-note", "Saved draft version 3");
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
    app.click("agreement-sign");
    app.wait_for("sign-dialog");
    let signed_on = app.value("sign-signed-on");
    assert!(
        [day_before, today()].contains(&signed_on),
        "signing should default to today, not {signed_on:?}"
    );
    app.type_into("sign-our-signatory", "Maya Bean");
    app.type_into("sign-partner-signatory", "Anna Kowalska");
    app.screenshot("agreements-sign-dialog");
    app.click("sign-submit");
    app.wait_gone("sign-dialog");
    app.wait_for_text("agreement-note", "Version 2 is now superseded");
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
    let signed = app.text("agreement-version-signed");
    assert!(
        signed.contains("Maya Bean") && signed.contains("Anna Kowalska"),
        "the signature line should name both signatories: {signed:?}"
    );

    // Newest first: the first Print button is version 3's.
    app.select_by_value("agreement-paper", "a4");
    app.click("agreement-print");
    let saved = app.text("agreement-saved-path");
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
    app.click("partner-row-status");
    let terms = app.wait_for_text("partner-terms", "Version 3");
    assert!(
        terms.contains("15 % off"),
        "the editor should show version 3's terms: {terms:?}"
    );
    app.screenshot("partner-terms");
    app.click("partner-agreements-link");
    app.wait_for_exact_text("agreements-partner-name", BAKERY);
    app.wait_for("agreement-versions");
}

/// "Version N: Status" for each version shown, newest first, once `count` are.
fn versions(app: &App, count: usize) -> Vec<String> {
    app.wait_until(&format!("{count} versions with their statuses"), |app| {
        let titles = app.texts("agreement-version-title");
        let statuses = app.texts("agreement-version-status");
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
