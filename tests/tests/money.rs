//! Money: the owner opens the dashboard, pays the demo bakery, sees its balance drop,
//! prints its statement and finds the new balance in it, and exports the redemptions CSV.

use partnerdesk_e2e::{fresh_data_dir, workspace_root, App, Launch};
use serde_json::json;

const BAKERY: &str = "Crumb & Co. Bakery";

fn pdf_text(path: &str) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", path, "-"])
        .output()
        .unwrap_or_else(|e| panic!("pdftotext (poppler-utils) is needed: {e}"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn bakery_is_paid_its_statement_shows_the_new_balance_and_csv_reads_back() {
    let data = fresh_data_dir();
    let files = tempfile::Builder::new()
        .prefix("partnerdesk-e2e-money-")
        .tempdir()
        .unwrap_or_else(|e| panic!("could not create a folder for files: {e}"));
    let launch = Launch::new()
        .arg("--demo")
        .env("PARTNERDESK_SAVE_DIR", files.path().display().to_string())
        .env("PARTNERDESK_NO_OPEN", "1");
    let app = App::launch_with(data.path(), launch);

    app.click("nav-money");
    app.wait_for("money-headline");

    // What the program cost besides commissions, the shop's month, and a goal.
    app.click("money-tab-costs");
    app.type_into("money-cost-amount", "18,00");
    app.click("money-cost-submit");
    app.wait_for("money-cost-row");
    app.type_into("money-revenue-amount", "2400");
    app.click("money-revenue-submit");
    app.wait_until("the month's revenue saved", |app| {
        app.texts("money-revenue-saved")
            .into_iter()
            .find(|t| !t.is_empty())
    });
    app.type_into("money-goal-target", "20");
    app.type_into("money-goal-month", "2027-06");
    app.click("money-goal-submit");
    app.wait_until("the goal saved", |app| {
        app.texts("money-goal-saved")
            .into_iter()
            .find(|t| !t.is_empty())
    });
    app.screenshot("money-costs");
    app.click("money-tab-dashboard");
    app.wait_for("money-goal");
    app.wait_for("money-top-partner");
    let sales = app.wait_until("the sales card", |app| {
        let script = "return document.querySelector('[data-testid=\"money-headline\"][data-figure=\"sales\"]')?.innerText ?? null;";
        app.execute(script, vec![]).as_str().map(str::to_string)
    });
    // The demo's three sales today: €12.50 + €8.00 + €23.00.
    assert!(sales.contains("€43.50"), "{sales}");
    app.screenshot("money-dashboard");
    if std::env::var_os("PARTNERDESK_UPDATE_DOCS").is_some() {
        // Tall enough for the chart, the top partners and the goals in one picture.
        app.block("resize", app.client().set_window_size(1200, 1450))
            .unwrap_or_else(|e| panic!("could not resize the window: {e}"));
        std::thread::sleep(std::time::Duration::from_millis(500));
        let shot = app.screenshot("money-dashboard-doc");
        let docs = workspace_root().join("docs/dashboard.png");
        std::fs::copy(&shot, &docs).unwrap_or_else(|e| panic!("could not copy to {docs:?}: {e}"));
        app.block("resize", app.client().set_window_size(1200, 780))
            .unwrap_or_else(|e| panic!("could not resize the window: {e}"));
    }

    app.click("money-tab-partner");
    let script = "return Array.from(document.querySelector('[data-testid=\"money-partner\"]')?.options ?? [])\
                  .find(o => o.text === arguments[0])?.value ?? null;";
    let bakery = app.wait_until("the bakery in the partner box", |app| {
        app.execute(script, vec![json!(BAKERY)])
            .as_str()
            .map(str::to_string)
    });
    app.select_by_value("money-partner", &bakery);
    app.wait_for_text("money-closing-balance", "€3.14");
    assert_eq!(app.text("money-owed"), format!("You owe {BAKERY} €3.14"));

    app.type_into("money-payout-amount", "1,00");
    app.type_into("money-payout-reference", "TRF 0042");
    app.click("money-payout-submit");
    app.wait_for_text("money-closing-balance", "€2.14");
    app.wait_for("money-payout-row");
    app.screenshot("money-partner");

    // What-if under the terms in force changes nothing; the figures come back side by side.
    app.click("money-what-if-run");
    let compared = app.wait_for_text("money-what-if-result", "3 redemptions");
    assert!(compared.contains("€3.14"), "{compared}");

    app.click("money-print-statement");
    let saved = app.wait_until("the statement's saved path", |app| {
        app.texts("money-statement-saved")
            .into_iter()
            .find(|t| t.ends_with(".pdf"))
    });
    let text = pdf_text(&saved);
    assert!(text.contains(BAKERY), "{text}");
    assert!(
        text.contains("€2.14"),
        "the new balance in the statement:\n{text}"
    );
    assert!(
        text.contains("TRF 0042"),
        "the payout in the statement:\n{text}"
    );

    app.click("money-export-redemptions");
    let csv_path = app.wait_until("the CSV's saved path", |app| {
        app.texts("money-export-saved")
            .into_iter()
            .find(|t| t.ends_with(".csv"))
    });
    let csv =
        std::fs::read_to_string(&csv_path).unwrap_or_else(|e| panic!("no CSV at {csv_path}: {e}"));
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].starts_with("number,redeemed_at_utc,day,till,code,partner"),
        "{csv}"
    );
    assert_eq!(
        lines.len(),
        4,
        "a header and the demo's three redemptions:\n{csv}"
    );
    assert!(
        lines[1..]
            .iter()
            .all(|l| l.contains(BAKERY) && l.contains("BAKERY-")),
        "{csv}"
    );
    assert!(
        lines[1].contains(",12.50,1.25,0.90,"),
        "amounts as decimals:\n{csv}"
    );
}
