//! Partners: the owner signs up the demo's prospect (the list says Active), then pauses the
//! bakery over the holidays: the list says Paused, and a bakery card at the counter now says
//! PARTNER NOT ACTIVE, until the bakery is made active again and the same card is VALID.

use partnerdesk_e2e::{fresh_data_dir, ids, unused_demo_card, App, Launch, DEMO_BAKERY as BAKERY};

const YOGA: &str = "Señora Núñez Yoga";

#[test]
fn status_changes_show_in_the_list_and_a_paused_partners_card_is_refused() {
    let data = fresh_data_dir();
    let app = App::launch_with(data.path(), Launch::new().arg("--demo"));
    app.sign_in_as_owner();
    let card = unused_demo_card(data.path());

    assert_eq!(status_in_list(&app, "yoga", YOGA), "Prospect");
    change_status(&app, YOGA, "active");
    assert_eq!(status_in_list(&app, "yoga", YOGA), "Active");

    assert_eq!(status_in_list(&app, "crumb", BAKERY), "Active");
    change_status(&app, BAKERY, "paused");
    assert_eq!(status_in_list(&app, "crumb", BAKERY), "Paused");
    // The filter finds it among the paused, beside the demo's bookshop. The search is
    // emptied with backspaces: WebDriver refuses to type an empty text.
    app.send_keys(ids::partners::SEARCH, &"\u{E003}".repeat("crumb".len()));
    app.wait_until("the search emptied", |app| {
        app.value(ids::partners::SEARCH).is_empty().then_some(())
    });
    app.select_by_value(ids::partners::STATUS_FILTER, "paused");
    let mut paused = app.wait_until("the two paused partners", |app| {
        let names = app.texts(ids::partners::ROW_NAME);
        (names.len() == 2).then_some(names)
    });
    paused.sort();
    assert_eq!(paused, [BAKERY, "Paper Moon Books"]);
    app.screenshot("partners-paused");
    app.select_by_value(ids::partners::STATUS_FILTER, "");

    app.click(ids::nav::COUNTER);
    assert_eq!(counter_says(&app, &card), "PARTNER NOT ACTIVE");
    assert_eq!(
        app.text(ids::counter::DETAIL),
        format!("The partnership with {BAKERY} is paused.")
    );
    assert!(
        !app.is_shown(ids::counter::SALE_FORM),
        "no sale can be logged on a paused partner's card"
    );
    app.screenshot("partners-paused-counter");

    assert_eq!(status_in_list(&app, "crumb", BAKERY), "Paused");
    change_status(&app, BAKERY, "active");
    assert_eq!(status_in_list(&app, "crumb", BAKERY), "Active");
    app.click(ids::nav::COUNTER);
    assert_eq!(counter_says(&app, &card), "VALID");
    assert_eq!(app.text(ids::counter::PARTNER), BAKERY);
}

/// Searches the list for `search`, which must leave `name` alone, and answers the word its
/// status badge shows, checked against the status the badge carries.
fn status_in_list(app: &App, search: &str, name: &str) -> String {
    app.search_partners(search, &[name]);
    let badge = app.texts(ids::partners::ROW_STATUS).concat();
    let status = app.attr(ids::partners::ROW_STATUS, "data-status");
    assert_eq!(status, Some(badge.to_lowercase()), "{name}'s badge");
    badge
}

/// Opens `name` (alone in the list) in the editor, chooses `status` and saves.
fn change_status(app: &App, name: &str, status: &str) {
    // The badge, not the row: WebKit refuses WebDriver clicks on a <tr>.
    app.click(ids::partners::ROW_STATUS);
    app.wait_for(ids::partner_form::PANEL);
    app.select_by_value(ids::partner_form::STATUS, status);
    app.click(ids::partner_form::SAVE);
    app.wait_gone(ids::partner_form::PANEL);
    app.wait_until(&format!("{name} saved"), |app| {
        let note = app.texts(ids::partners::SAVED).concat();
        (note == format!("✓ Saved “{name}”.")).then_some(())
    });
}

/// Types `card` at the counter and answers the title of that lookup's result (`data-seq`
/// tells a new result from one still shown from before).
fn counter_says(app: &App, card: &str) -> String {
    let seq = |app: &App| {
        let script = &format!(
            "return Number(document.querySelector('[data-testid=\"{}\"]')\
                      ?.dataset.seq ?? 0);",
            ids::counter::RESULT
        );
        app.execute(script, vec![]).as_u64().unwrap_or(0)
    };
    app.wait_for(ids::counter::INPUT);
    let before = seq(app);
    app.send_keys(ids::counter::INPUT, &format!("{card}\n"));
    app.wait_until("the counter's answer", |app| {
        let title = app.texts(ids::counter::RESULT_TITLE).concat();
        (seq(app) > before && !title.is_empty()).then_some(title)
    })
}
