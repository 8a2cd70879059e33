//! Codes: the owner sees the demo bakery's codes (three cards used up), issues a batch of 20
//! single-use codes, checks one the way the counter will, switches one off, and prints a
//! batch as cards.

use std::path::Path;

use partnerdesk_e2e::{
    files_dir, fresh_data_dir, ids, pdf_text, query_one, App, Launch, DEMO_BAKERY,
};

const BAKERY: &str = DEMO_BAKERY;

#[test]
fn bakery_batch_is_issued_checked_and_printed() {
    let data = fresh_data_dir();
    let pdfs = files_dir("cards");
    let app = App::launch_with(data.path(), Launch::new().demo().save_files_to(pdfs.path()));
    app.sign_in_as_owner();

    app.click(ids::nav::CODES);
    app.choose_option(ids::codes::PARTNER_SELECT, BAKERY);
    app.wait_for(ids::codes::PANEL);
    // The demo bakery already has its poster code and a sheet of cards.
    let demo: Vec<String> = app.wait_until("the demo codes", |app| {
        let rows = app.texts(ids::codes::ROW_CODE);
        (!rows.is_empty()).then_some(rows)
    });
    app.screenshot("codes-demo");

    app.click(ids::codes::OPEN_ISSUE_BATCH);

    app.type_into(ids::issue_batch::COUNT, "20");
    app.click(ids::issue_batch::SUBMIT);
    app.wait_for_text(ids::codes::NOTE, "Issued 20 codes");
    // Newest first: the batch heads the list.
    let codes: Vec<String> = app.wait_until("20 more code rows", |app| {
        let rows = app.texts(ids::codes::ROW_CODE);
        (rows.len() == demo.len() + 20).then(|| rows[..20].to_vec())
    });
    assert!(
        codes
            .iter()
            .all(|c| c.starts_with("BAKERY-") && !demo.contains(c)),
        "every new code should be new and carry the bakery's prefix: {codes:?}"
    );
    assert!(
        app.texts(ids::codes::ROW_LIMIT)[..20]
            .iter()
            .all(|l| l == "single use"),
        "a batch defaults to single use"
    );
    assert!(
        app.texts(ids::codes::ROW_USES)[..20]
            .iter()
            .all(|u| u == "not used"),
        "a new batch is unused"
    );
    app.select_by_value(ids::codes::USE_FILTER, "usedUp");
    let used: usize = query_one(
        data.path(),
        &format!(
            "SELECT count(*) FROM referral_codes c JOIN partners p ON p.id = c.partner_id
             WHERE p.name = '{DEMO_BAKERY}' AND c.redemption_limit = 1
               AND EXISTS (SELECT 1 FROM redemptions r WHERE r.code_id = c.id)"
        ),
    )
    .parse()
    .expect("a count");
    let used_up = app.wait_until("the demo's used cards alone", |app| {
        let rows = app.texts(ids::codes::ROW_USES);
        (rows.len() == used).then_some(rows)
    });
    assert!(
        used_up.iter().all(|u| u == "used up (1 of 1)"),
        "{used_up:?}"
    );
    app.select_by_value(ids::codes::USE_FILTER, "all");
    app.execute(
        &format!(
            "document.querySelector('[data-testid=\"{}\"]').scrollIntoView();",
            ids::codes::NOTE
        ),
        vec![],
    );
    app.screenshot("codes-batch");

    // Typed sloppily, the way a customer's card gets read out at the till.
    let sloppy = codes[0].to_lowercase().replace('-', " ");
    app.type_into(ids::check_code::INPUT, &sloppy);
    app.click(ids::check_code::SUBMIT);
    app.wait_for_attr(ids::check_code::RESULT, "data-kind", "valid");

    // Switching one off asks first, in the page.
    app.click(ids::codes::ROW_SELECT);
    app.wait_for_text(ids::codes::SELECTED_COUNT, "1 selected");
    app.click(ids::codes::DISABLE_SELECTED);
    app.wait_for(ids::codes::CONFIRM);
    app.click(ids::codes::CONFIRM_YES);
    app.wait_for_text(ids::codes::NOTE, "Disabled 1 code");
    app.wait_gone(ids::codes::CONFIRM);
    app.select_by_value(ids::codes::STATUS_FILTER, "disabled");
    app.wait_until("the one disabled code alone", |app| {
        (app.texts(ids::codes::ROW_CODE) == [codes[0].clone()]).then_some(())
    });
    app.click(ids::check_code::SUBMIT);
    app.wait_for_attr(ids::check_code::RESULT, "data-kind", "disabled");
    app.select_by_value(ids::codes::STATUS_FILTER, "all");

    // The whole batch, printed as cards.
    app.click(ids::codes::OPEN_ISSUE_BATCH);
    app.type_into(ids::issue_batch::COUNT, "20");
    app.click(ids::issue_batch::SUBMIT);
    app.wait_for_text(ids::codes::NOTE, "Issued 20 codes");
    let second: Vec<String> = app.wait_until("40 more code rows", |app| {
        let all = app.texts(ids::codes::ROW_CODE);
        (all.len() == demo.len() + 40).then(|| all[..20].to_vec())
    });
    assert!(second
        .iter()
        .all(|c| !codes.contains(c) && !demo.contains(c)));
    assert_eq!(second.len(), 20, "the second batch is 20 new codes");
    app.click(ids::issue_batch::PRINT);
    let saved = app.text(ids::codes::SAVED_PATH);
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
