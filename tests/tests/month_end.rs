//! Month-end with the demo bakery, a two-way partner: the owner imports the statement file
//! the bakery's Partnerdesk sent, sees the net, prints every partner's statement into a
//! folder (a PDF and a signed file each), and settles the bakery once, after which both
//! sides read zero.

use std::path::{Path, PathBuf};

use partnerdesk_e2e::{
    euros, files_dir, fresh_data_dir, ids, pdf_text, query, query_one, App, Launch, DEMO_BAKERY,
};

/// Where the demo writes the bakery's statement file (core: `statements::demo`).
fn demo_statement(data: &Path) -> PathBuf {
    data.join("Demo partner files")
        .join("Crumb & Co. Bakery statement to Bean There Coffee.partnerdesk-statement.json")
}

/// The text of the cell `cell` in the Month-end row of `partner`, or `None` before it shows.
fn cell(app: &App, partner: &str, cell: &str) -> Option<String> {
    let script = format!(
        "const row = [...document.querySelectorAll('[data-testid=\"{}\"]')]
            .find(r => r.dataset.partner === arguments[0]);
         const el = row?.querySelector('[data-testid=\"{cell}\"]');
         return el ? el.innerText.trim() : null;",
        ids::month_end::ROW
    );
    app.execute(&script, vec![partner.into()])
        .as_str()
        .map(str::to_string)
}

/// Clicks `button` in `partner`'s row.
fn click_in_row(app: &App, partner: &str, button: &str) {
    let script = format!(
        "const row = [...document.querySelectorAll('[data-testid=\"{}\"]')]
            .find(r => r.dataset.partner === arguments[0]);
         row.querySelector('[data-testid=\"{button}\"]').click();",
        ids::month_end::ROW
    );
    app.execute(&script, vec![partner.into()]);
}

fn wait_for_cell(app: &App, partner: &str, id: &str, text: &str) {
    app.wait_until(&format!("{partner}'s {id} to read {text:?}"), |app| {
        cell(app, partner, id).filter(|t| t == text)
    });
}

#[test]
fn the_bakerys_statement_is_imported_printed_and_settled_to_zero() {
    let data = fresh_data_dir();
    let files = files_dir("month-end");
    let statement = demo_statement(data.path());
    let app = App::launch_with(
        data.path(),
        Launch::new()
            .demo()
            .save_files_to(files.path())
            .open_file(&statement),
    );
    app.sign_in_as_owner();
    assert!(
        statement.exists(),
        "the demo wrote the bakery's statement file"
    );
    let owed_to_us: i64 = {
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&statement).expect("file")).expect("json");
        json["statement"]["totals"]["commissionsMinor"]
            .as_i64()
            .expect("total")
    };
    let we_owe = query_one(
        data.path(),
        // This month's: the demo's year before it is settled.
        "SELECT sum(commission_minor) FROM redemptions WHERE partner_id =
           (SELECT id FROM partners WHERE name = 'Crumb & Co. Bakery')
           AND local_day >= (SELECT date(max(local_day), 'start of month') FROM redemptions)",
    )
    .parse::<i64>()
    .expect("owed");

    app.click(ids::nav::MONTH_END);
    app.wait_for(ids::month_end::TABLE);
    wait_for_cell(&app, DEMO_BAKERY, ids::month_end::WE_OWE, &euros(we_owe));
    wait_for_cell(&app, DEMO_BAKERY, ids::month_end::THEY_OWE, "€0.00");
    app.screenshot("month-end-before");

    // The bakery's file: previewed with its signature checked and its key new to us.
    app.click(ids::month_end::IMPORT);
    app.wait_for(ids::month_end::import_dialog::DIALOG);
    app.wait_for_text(ids::month_end::import_dialog::ISSUER, DEMO_BAKERY);
    app.wait_for_text(ids::month_end::import_dialog::TOTAL, &euros(owed_to_us));
    let fingerprint = app.text(ids::month_end::import_dialog::FINGERPRINT);
    assert_eq!(fingerprint.split_whitespace().count(), 8, "{fingerprint:?}");
    app.wait_for_text(ids::month_end::import_dialog::KEY_STATUS, "First statement");
    app.screenshot("month-end-import");
    app.click(ids::month_end::import_dialog::SUBMIT);
    app.wait_gone(ids::month_end::import_dialog::DIALOG);
    wait_for_cell(
        &app,
        DEMO_BAKERY,
        ids::month_end::THEY_OWE,
        &euros(owed_to_us),
    );
    let net = format!("We pay {}", euros(we_owe - owed_to_us));
    wait_for_cell(&app, DEMO_BAKERY, ids::month_end::NET, &net);
    assert_eq!(
        query(data.path(), "SELECT count(*) FROM partner_keys"),
        ["1"],
        "the bakery's key is pinned"
    );

    // The same file again is recognised, and nothing is counted twice.
    app.click(ids::month_end::IMPORT);
    app.wait_for_text(ids::month_end::import_dialog::ERROR, "already imported");
    app.press("\u{E00C}"); // Escape
    assert_eq!(
        query(
            data.path(),
            "SELECT count(*) FROM receivables WHERE import_id IS NOT NULL"
        ),
        ["1"]
    );

    // Every partner's statement into one folder: a PDF and a signed file each.
    let rows = app.texts(ids::month_end::ROW).len();
    app.click(ids::month_end::PRINT_ALL);
    app.wait_for_text(ids::month_end::PRINT_SAVED, "Saved");
    let names: Vec<String> = std::fs::read_dir(files.path())
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let pdfs = names.iter().filter(|n| n.ends_with(".pdf")).count();
    let signed = names
        .iter()
        .filter(|n| n.ends_with(".partnerdesk-statement.json"))
        .count();
    assert_eq!((pdfs, signed), (rows, rows), "{names:?}");
    let bakery_pdf = names
        .iter()
        .find(|n| n.starts_with("Statement Crumb & Co. Bakery") && n.ends_with(".pdf"))
        .expect("the bakery's statement");
    let text = pdf_text(&files.path().join(bakery_pdf));
    for words in [
        "What Crumb & Co. Bakery owes Bean There Coffee",
        &net.replace("We pay", "Net: Bean There Coffee pays Crumb & Co. Bakery"),
    ] {
        assert!(
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(&words.split_whitespace().collect::<Vec<_>>().join(" ")),
            "{words:?} missing from the two-way statement"
        );
    }

    // One settlement in the net direction clears both sides.
    click_in_row(&app, DEMO_BAKERY, ids::month_end::SETTLE);
    app.wait_for(ids::month_end::settle_dialog::DIALOG);
    app.wait_for_text(ids::month_end::settle_dialog::DIRECTION, "We pay");
    assert_eq!(
        app.value(ids::month_end::settle_dialog::AMOUNT),
        euros(we_owe - owed_to_us).trim_start_matches('€')
    );
    app.screenshot("month-end-settle");
    app.click(ids::month_end::settle_dialog::SUBMIT);
    app.wait_gone(ids::month_end::settle_dialog::DIALOG);
    wait_for_cell(&app, DEMO_BAKERY, ids::month_end::WE_OWE, "€0.00");
    wait_for_cell(&app, DEMO_BAKERY, ids::month_end::THEY_OWE, "€0.00");
    wait_for_cell(&app, DEMO_BAKERY, ids::month_end::NET, "Even");
    assert!(cell(&app, DEMO_BAKERY, ids::month_end::SETTLED).is_some());
    app.screenshot("month-end-settled");
    assert_eq!(
        query(
            data.path(),
            "SELECT direction, paid_minor FROM settlements ORDER BY id DESC LIMIT 1"
        ),
        [format!("we_pay|{}", we_owe - owed_to_us)]
    );
    assert_eq!(
        query(
            data.path(),
            "SELECT (SELECT amount_minor FROM payouts WHERE settlement_id = s.id),
                    (SELECT amount_minor FROM receipts WHERE settlement_id = s.id)
             FROM settlements s ORDER BY s.id DESC LIMIT 1"
        ),
        [format!("{we_owe}|{owed_to_us}")]
    );
}
