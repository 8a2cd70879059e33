//! Codes: the owner sees the demo bakery's codes (three cards used up), issues a batch of 20
//! single-use codes, checks one the way the counter will, switches one off, and prints a
//! batch as cards.

use std::path::Path;

use partnerdesk_e2e::{files_dir, fresh_data_dir, pdf_text, App, Launch, DEMO_BAKERY};

const BAKERY: &str = DEMO_BAKERY;

#[test]
fn bakery_batch_is_issued_checked_and_printed() {
    let data = fresh_data_dir();
    let pdfs = files_dir("cards");
    let app = App::launch_with(data.path(), Launch::new().demo().save_files_to(pdfs.path()));

    app.click("nav-codes");
    app.choose_option("codes-partner", BAKERY);
    app.wait_for("codes-panel");
    // The demo bakery already has its poster code and a sheet of cards.
    let demo: Vec<String> = app.wait_until("the demo codes", |app| {
        let rows = app.texts("code-row-code");
        (!rows.is_empty()).then_some(rows)
    });
    app.screenshot("codes-demo");

    app.click("codes-open-issue-batch");

    app.type_into("issue-batch-count", "20");
    app.click("issue-batch-submit");
    app.wait_for_text("code-note", "Issued 20 codes");
    // Newest first: the batch heads the list.
    let codes: Vec<String> = app.wait_until("20 more code rows", |app| {
        let rows = app.texts("code-row-code");
        (rows.len() == demo.len() + 20).then(|| rows[..20].to_vec())
    });
    assert!(
        codes
            .iter()
            .all(|c| c.starts_with("BAKERY-") && !demo.contains(c)),
        "every new code should be new and carry the bakery's prefix: {codes:?}"
    );
    assert!(
        app.texts("code-row-limit")[..20]
            .iter()
            .all(|l| l == "single use"),
        "a batch defaults to single use"
    );
    assert!(
        app.texts("code-row-uses")[..20]
            .iter()
            .all(|u| u == "not used"),
        "a new batch is unused"
    );
    app.select_by_value("code-use-filter", "usedUp");
    let used_up = app.wait_until("the demo's used cards alone", |app| {
        let rows = app.texts("code-row-uses");
        (rows.len() == 3).then_some(rows)
    });
    assert!(
        used_up.iter().all(|u| u == "used up (1 of 1)"),
        "{used_up:?}"
    );
    app.select_by_value("code-use-filter", "all");
    app.execute(
        "document.querySelector('[data-testid=\"code-note\"]').scrollIntoView();",
        vec![],
    );
    app.screenshot("codes-batch");

    // Typed sloppily, the way a customer's card gets read out at the till.
    let sloppy = codes[0].to_lowercase().replace('-', " ");
    app.type_into("check-code-input", &sloppy);
    app.click("check-code-submit");
    app.wait_for_attr("check-code-result", "data-kind", "valid");

    // Switching one off asks first, in the page.
    app.click("code-row-select");
    app.wait_for_text("code-selected-count", "1 selected");
    app.click("code-disable-selected");
    app.wait_for("code-confirm");
    app.click("code-confirm-yes");
    app.wait_for_text("code-note", "Disabled 1 code");
    app.wait_gone("code-confirm");
    app.select_by_value("code-status-filter", "disabled");
    app.wait_until("the one disabled code alone", |app| {
        (app.texts("code-row-code") == [codes[0].clone()]).then_some(())
    });
    app.click("check-code-submit");
    app.wait_for_attr("check-code-result", "data-kind", "disabled");
    app.select_by_value("code-status-filter", "all");

    // The whole batch, printed as cards.
    app.click("codes-open-issue-batch");
    app.type_into("issue-batch-count", "20");
    app.click("issue-batch-submit");
    app.wait_for_text("code-note", "Issued 20 codes");
    let second: Vec<String> = app.wait_until("40 more code rows", |app| {
        let all = app.texts("code-row-code");
        (all.len() == demo.len() + 40).then(|| all[..20].to_vec())
    });
    assert!(second
        .iter()
        .all(|c| !codes.contains(c) && !demo.contains(c)));
    assert_eq!(second.len(), 20, "the second batch is 20 new codes");
    app.click("issue-batch-print");
    let saved = app.text("code-saved-path");
    let bytes = std::fs::read(&saved).unwrap_or_else(|e| panic!("no PDF at {saved}: {e}"));
    assert!(bytes.starts_with(b"%PDF"), "{saved} is not a PDF");

    // Every code of the printed batch reads back from the PDF exactly once.
    let text = pdf_text(Path::new(&saved));
    for code in &second {
        assert_eq!(
            text.matches(code.as_str()).count(),
            1,
            "{code} in the card sheet"
        );
    }
    app.screenshot("codes");
}
