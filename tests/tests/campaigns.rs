//! Campaigns: the owner sets up a joint weekend market with two demo partners, issues the
//! bakery two of its codes, logs both at the counter with the keyboard alone, and reads the
//! campaign's results: two redemptions, and the bakery's line beside the florist's empty
//! one.

use partnerdesk_e2e::{fresh_data_dir, ids, query, query_one, App, Launch, DEMO_BAKERY};

const MARKET: &str = "Łódź Café Müller weekend market";
const FLORIST: &str = "Green Leaf Florist";

/// The figure `name` on the campaign's headline, as the core wrote it (`data-value`).
fn figure(app: &App, name: &str) -> Option<String> {
    let script = format!(
        "const el = document.querySelector('[data-testid=\"{}\"][data-figure=\"{name}\"]');
         return el ? (el.dataset.value ?? el.innerText) : null;",
        ids::campaigns::FIGURE
    );
    app.execute(&script, vec![]).as_str().map(str::to_string)
}

#[test]
fn a_market_with_two_partners_issues_codes_logs_two_and_shows_its_results() {
    let data = fresh_data_dir();
    let app = App::launch_with(data.path(), Launch::new().demo());
    app.sign_in_as_owner();

    app.click(ids::nav::CAMPAIGNS);
    // The demo's market weekend is listed already.
    app.wait_for(ids::campaigns::ROW);
    app.click(ids::campaigns::NEW);
    app.wait_for(ids::campaigns::form::FORM);
    app.type_into(ids::campaigns::form::NAME, MARKET);
    let today = query_one(data.path(), "SELECT max(local_day) FROM redemptions");
    let later = query_one(data.path(), &format!("SELECT date('{today}', '+2 days')"));
    app.set_value(ids::campaigns::form::FROM, &today);
    app.set_value(ids::campaigns::form::TO, &later);
    app.type_into(ids::campaigns::form::BUDGET, "150");
    for partner in [DEMO_BAKERY, FLORIST] {
        let script = format!(
            "document.querySelector('[data-testid=\"{}\"][data-partner=\"{partner}\"]').click();",
            ids::campaigns::form::PARTNER
        );
        app.execute(&script, vec![]);
    }
    app.click(ids::campaigns::form::SUBMIT);
    app.wait_for(ids::campaigns::RESULTS);
    assert_eq!(
        query(
            data.path(),
            "SELECT count(*) FROM campaign_partners
             WHERE campaign_id = (SELECT max(id) FROM campaigns)"
        ),
        ["2"]
    );

    // Two of the bakery's codes for the market.
    app.choose_option(ids::campaigns::issue::PARTNER, DEMO_BAKERY);
    app.type_into(ids::campaigns::issue::COUNT, "2");
    app.click(ids::campaigns::issue::SUBMIT);
    let codes: Vec<String> = app.wait_until("the two codes issued", |app| {
        let script = format!(
            "return [...document.querySelectorAll('[data-testid=\"{}\"] [data-code]')]
                 .map(e => e.dataset.code);",
            ids::campaigns::issue::DONE
        );
        let codes: Vec<String> = serde_json::from_value(app.execute(&script, vec![])).ok()?;
        (codes.len() == 2).then_some(codes)
    });
    app.screenshot("campaign-issued");

    // Both logged at the counter: code, Enter, amount, Enter.
    app.click(ids::nav::COUNTER);
    app.wait_for_focus(ids::counter::INPUT);
    for (code, sale) in codes.iter().zip(["20.00", "12.50"]) {
        app.send_keys(ids::counter::INPUT, &format!("{code}\n"));
        app.wait_for_exact_text(ids::counter::RESULT_TITLE, "VALID");
        app.wait_for_focus(ids::counter::SALE);
        app.press(&format!("{sale}\n"));
        app.wait_for(ids::counter::CONFIRMATION);
        app.wait_for_focus(ids::counter::INPUT);
    }

    // The results: both redemptions, €32.50 of sales, the bakery's line and the florist's.
    app.click(ids::nav::CAMPAIGNS);
    let row = format!(
        "document.querySelector('[data-testid=\"{}\"][data-campaign=\"{MARKET}\"]')",
        ids::campaigns::ROW
    );
    app.wait_until("the market in the list", |app| {
        app.execute(&format!("return !!{row};"), vec![])
            .as_bool()
            .filter(|shown| *shown)
    });
    app.execute(&format!("{row}.querySelector('button').click();"), vec![]);
    app.wait_for(ids::campaigns::RESULTS);
    app.wait_until("two redemptions in the results", |app| {
        figure(app, "redemptions").filter(|r| r == "2")
    });
    assert_eq!(figure(&app, "sales").as_deref(), Some("€32.50"));
    let partners = app.texts(ids::campaigns::PARTNER_ROW);
    assert_eq!(partners.len(), 2, "{partners:?}");
    assert!(partners[0].starts_with(DEMO_BAKERY), "{partners:?}");
    assert!(partners[1].starts_with(FLORIST), "{partners:?}");
    app.screenshot("campaign-results");
    assert_eq!(
        query(
            data.path(),
            "SELECT count(*) FROM redemptions r JOIN referral_codes c ON c.id = r.code_id
             WHERE c.campaign_id = (SELECT max(id) FROM campaigns)"
        ),
        ["2"]
    );
}
