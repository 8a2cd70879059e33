//! Money: the owner opens the dashboard, pays the demo bakery, sees its balance drop,
//! prints its statement and finds the new balance in it, and exports the redemptions CSV.

use std::path::Path;

use partnerdesk_e2e::{
    files_dir, fresh_data_dir, ids, pdf_text, query, query_one, workspace_root, App, Launch,
    DEMO_BAKERY,
};

const BAKERY: &str = DEMO_BAKERY;

#[test]
fn bakery_is_paid_its_statement_shows_the_new_balance_and_csv_reads_back() {
    let data = fresh_data_dir();
    let files = files_dir("money");
    let app = App::launch_with(
        data.path(),
        Launch::new().demo().save_files_to(files.path()),
    );
    app.sign_in_as_owner();

    // The demo's sales were logged today; the period comes from the day they were stored.
    let demo_month = app.show_money_from_the_demo_month(data.path());
    let demo_month = demo_month.as_str();

    // What the program cost besides commissions, the shop's month, and a goal.
    app.click(ids::money::TAB_COSTS);
    app.select_by_value(ids::money::COST_CATEGORY, "events");
    app.type_into(ids::money::COST_AMOUNT, "18,00");
    app.click(ids::money::COST_SUBMIT);
    app.wait_for_exact_text(ids::money::COST_SAVED, "✓ Added €18.00 for events.");
    let cost = app.wait_until("the cost in the list", |app| {
        app.texts(ids::money::COST_ROW).into_iter().next()
    });
    assert_eq!(
        cells(&cost)[1..],
        // Partner, campaign, reversal: none.
        ["Events", "€18.00", "—", "—", "—", "Reverse…"],
        "{cost:?}"
    );
    assert_eq!(
        query(
            data.path(),
            "SELECT category, amount_minor FROM program_costs ORDER BY id DESC LIMIT 1"
        ),
        ["events|1800"]
    );
    app.enter_month_revenue(demo_month, "2400");
    app.type_into(ids::money::GOAL_TARGET, "20");
    app.type_into(ids::money::GOAL_MONTH, "2027-06");
    app.click(ids::money::GOAL_SUBMIT);
    app.wait_until("the goal saved", |app| {
        app.texts(ids::money::GOAL_SAVED)
            .into_iter()
            .find(|t| !t.is_empty())
    });
    app.screenshot("money-costs");
    app.click(ids::money::TAB_DASHBOARD);
    // Customers sent by partners paid €39.15 (€43.50 less €4.35 off) of the month's
    // €2,400.00: 1.63 %, 8 % of the way to 20 %.
    // The story's goal, after the two the demo set months ago.
    let goal = app.wait_until("the story's goal", |app| {
        app.texts(ids::money::GOAL)
            .into_iter()
            .find(|g| g.contains("by June 2027"))
    });
    let lines: Vec<&str> = goal
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        lines[..3],
        [
            "20 % of revenue via partners by June 2027",
            "8%",
            "1.63 % so far"
        ],
        "{goal:?}"
    );
    // Set today, the straight line to June 2027 starts at nothing: on track so far.
    assert!(
        lines
            .get(3)
            .is_some_and(|pace| pace.starts_with("On track")),
        "{goal:?}"
    );
    app.wait_for(ids::money::TOP_PARTNER_ROW);
    let sales = app.wait_until("the sales card", |app| {
        let script = &format!("return document.querySelector('[data-testid=\"{}\"][data-figure=\"sales\"]')?.innerText ?? null;", ids::money::HEADLINE);
        app.execute(script, vec![]).as_str().map(str::to_string)
    });
    // The demo's three sales today: €12.50 + €8.00 + €23.00.
    assert!(sales.contains("€43.50"), "{sales}");
    app.screenshot("money-dashboard");
    if std::env::var_os("PARTNERDESK_UPDATE_DOCS").is_some() {
        // The README's picture: the demo's year at a glance.
        app.select_by_value(ids::money::PERIOD, "last12Months");
        app.wait_until("the year's figures", |app| {
            let script = &format!("return document.querySelector('[data-testid=\"{}\"][data-figure=\"sales\"]')?.innerText ?? null;", ids::money::HEADLINE);
            let sales = app.execute(script, vec![]);
            sales.as_str().is_some_and(|s| !s.contains("€43.50")).then_some(())
        });
        // Tall enough for the chart, the top partners and the goals in one picture.
        app.block("resize", app.client().set_window_size(1200, 1800))
            .unwrap_or_else(|e| panic!("could not resize the window: {e}"));
        // The page has been laid out at the new size once it reports it.
        app.wait_until("the page laid out at the taller size", |app| {
            let height = app.execute("return window.innerHeight;", vec![]).as_u64()?;
            (height > 1400).then_some(())
        });
        let shot = app.screenshot("money-dashboard-doc");
        let docs = workspace_root().join("docs/dashboard.png");
        std::fs::copy(&shot, &docs).unwrap_or_else(|e| panic!("could not copy to {docs:?}: {e}"));
        app.block("resize", app.client().set_window_size(1200, 780))
            .unwrap_or_else(|e| panic!("could not resize the window: {e}"));
        app.show_money_from_the_demo_month(data.path());
        app.click(ids::money::TAB_DASHBOARD);
    }

    app.click(ids::money::TAB_PARTNER);
    app.choose_option(ids::money::PARTNER_SELECT, BAKERY);
    app.wait_for_exact_text(ids::money::CLOSING_BALANCE, "€3.14");
    assert_eq!(
        app.text(ids::money::OWED_SENTENCE),
        format!("You owe {BAKERY} €3.14")
    );

    app.type_into(ids::money::PAYOUT_AMOUNT, "1,00");
    app.type_into(ids::money::PAYOUT_REFERENCE, "TRF 0042");
    app.click(ids::money::PAYOUT_SUBMIT);
    app.wait_for_exact_text(ids::money::CLOSING_BALANCE, "€2.14");
    app.wait_for(ids::money::PAYOUT_ROW);
    app.screenshot("money-partner");

    // The owner's window shows what the partner earned on each sale.
    let rows = app.wait_until("the demo's three redemptions", |app| {
        let rows = app.texts(ids::money::REDEMPTION_ROW);
        (rows.len() == 3).then_some(rows)
    });
    assert!(
        rows.iter()
            .any(|r| cells(r)[3..6] == ["€12.50", "€1.25", "€0.90"]),
        "sale, discount and commission of the €12.50 sale: {rows:?}"
    );

    // What-if reads only: the ledger, the terms and the audit trail stay as they were.
    let before = ledger(data.path());
    let version_id = |n: u32| {
        query_one(
            data.path(),
            &format!(
                "SELECT v.id FROM agreement_versions v JOIN partners p ON p.id = v.partner_id \
                 WHERE p.name = '{BAKERY}' AND v.version = {n}"
            ),
        )
    };
    // This month's three sales (the demo's year is behind them); under the terms in force
    // (version 2), every difference is zero.
    app.select_by_value(ids::money::WHAT_IF_MONTHS, "1");
    app.select_by_value(ids::money::WHAT_IF_VERSION, &version_id(2));
    app.click(ids::money::WHAT_IF_RUN);
    assert_eq!(
        what_if(&app, |_| true),
        [
            ["Commission", "€3.14", "€3.14", "€0.00"],
            ["Discounts given", "€4.35", "€4.35", "€0.00"],
        ]
    );
    // Version 1 paid 5 % instead of 8 % on the same €39.15 (per sale: €0.56 + €0.36 +
    // €1.04), with the same 10 % off: only the commission differs.
    app.select_by_value(ids::money::WHAT_IF_VERSION, &version_id(1));
    app.click(ids::money::WHAT_IF_RUN);
    let compared = what_if(&app, |rows| rows.iter().any(|r| r[3] != "€0.00"));
    assert_eq!(
        compared,
        [
            ["Commission", "€3.14", "€1.96", "\u{2212}€1.18"],
            ["Discounts given", "€4.35", "€4.35", "€0.00"],
        ]
    );
    assert_eq!(
        ledger(data.path()),
        before,
        "what-if changed the stored data"
    );
    app.wait_for_exact_text(ids::money::CLOSING_BALANCE, "€2.14");

    app.click(ids::money::PRINT_STATEMENT);
    let saved = app.wait_until("the statement's saved path", |app| {
        app.texts(ids::money::STATEMENT_SAVED)
            .into_iter()
            .find(|t| t.ends_with(".pdf"))
    });
    let text = pdf_text(Path::new(&saved));
    assert!(text.contains(BAKERY), "{text}");
    assert!(
        text.contains("€2.14"),
        "the new balance in the statement:\n{text}"
    );
    assert!(
        text.contains("TRF 0042"),
        "the payout in the statement:\n{text}"
    );

    app.click(ids::money::EXPORT_REDEMPTIONS);
    let csv_path = app.wait_until("the CSV's saved path", |app| {
        app.texts(ids::money::EXPORT_SAVED)
            .into_iter()
            .find(|t| t.ends_with(".csv"))
    });
    let csv =
        std::fs::read_to_string(&csv_path).unwrap_or_else(|e| panic!("no CSV at {csv_path}: {e}"));
    // The byte order mark Excel on Windows needs to read the file as UTF-8.
    let csv = csv
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("the CSV should start with a UTF-8 BOM: {csv:?}"));
    // The redemptions of the period on screen (this month, the demo's three).
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

/// A table row's cells, as innerText writes them (a tab between cells).
fn cells(row: &str) -> Vec<&str> {
    row.split('\t').map(str::trim).collect()
}

/// The what-if table, cell by cell, once its caption reads "3 redemptions, …" and `ready`
/// accepts its rows.
fn what_if(app: &App, ready: impl Fn(&[[String; 4]]) -> bool) -> Vec<[String; 4]> {
    let script = &format!(
        "const t = document.querySelector('[data-testid=\"{}\"]');\
                  if (!t || !t.caption.innerText.startsWith('3 redemptions')) return null;\
                  return Array.from(t.tBodies[0].rows)\
                    .map(r => Array.from(r.cells).map(c => c.innerText.trim()));",
        ids::money::WHAT_IF_RESULT
    );
    app.wait_until("the what-if comparison", |app| {
        let rows = app.execute(script, vec![]);
        let rows: Vec<[String; 4]> = rows
            .as_array()?
            .iter()
            .map(|r| {
                let cells: Vec<String> = r
                    .as_array()?
                    .iter()
                    .map(|c| c.as_str().unwrap_or_default().to_string())
                    .collect();
                cells.try_into().ok()
            })
            .collect::<Option<_>>()?;
        ready(&rows).then_some(rows)
    })
}

/// What must not change when nothing is saved: redemptions with their amounts and terms,
/// every agreement version, payouts, and the number of audit entries.
fn ledger(data: &Path) -> Vec<String> {
    [
        "SELECT id, agreement_version_id, sale_minor, discount_minor, commission_minor \
         FROM redemptions ORDER BY id",
        "SELECT id, version, status FROM agreement_versions ORDER BY id",
        "SELECT id, amount_minor FROM payouts ORDER BY id",
        "SELECT count(*) FROM audit_log",
    ]
    .iter()
    .flat_map(|sql| query(data, sql))
    .collect()
}
