//! First run: a new shop describes itself, adds its first partner, and finds it again after
//! a restart. The partner's name is not ASCII on purpose: it travels keyboard → WebKit →
//! invoke → SQLite → back, and case-folding of "ü" is part of the duplicate rule.

use partnerdesk_e2e::{fresh_data_dir, App};

const PARTNER: &str = "Café Müller";

#[test]
fn partner_survives_restart_and_duplicate_is_refused() {
    let data = fresh_data_dir();
    let mut app = App::launch(data.path());

    // An empty data folder opens on the business profile form.
    app.wait_for("setup-form");
    app.type_into("setup-name", "Bean There Coffee");
    app.type_into("setup-address", "12 Harbour Road\nHowth, Co. Dublin");
    app.type_into("setup-email", "hello@beanthere.ie");
    app.type_into("setup-phone", "+353 1 555 0142");
    app.type_into("setup-tax-id", "IE1234567T");
    app.select_by_value("setup-currency", "EUR");
    app.select_by_value("setup-locale", "en-IE");
    app.click("setup-submit");

    // The shell replaces the form, on an empty partner list.
    app.wait_for("nav-partners");
    app.wait_for("partner-list-empty");
    app.wait_gone("setup-form");

    app.click("partner-new");
    app.type_into("partner-name", PARTNER);
    app.type_into("partner-category", "Bakery");
    app.type_into("partner-email", "hallo@cafe-mueller.de");
    app.click("partner-save");
    app.wait_gone("partner-editor");
    assert_eq!(app.partner_names(), [PARTNER]);

    // The same name in another case and with stray spaces is the same partner.
    app.click("partner-new");
    app.type_into("partner-name", "  café müller ");
    app.type_into("partner-category", "Café");
    app.click("partner-save");
    let error = app.wait_for_text("error-name", "already exists");
    assert!(
        error.contains("already exists"),
        "unexpected error text: {error:?}"
    );
    assert!(
        app.is_shown("partner-editor"),
        "the refused form should stay open"
    );
    assert_eq!(
        app.value("partner-name"),
        "  café müller ",
        "the form should keep the input"
    );
    let names = app.texts("partner-row-name");
    let same = names
        .iter()
        .filter(|n| n.to_lowercase() == PARTNER.to_lowercase())
        .count();
    assert_eq!(
        same, 1,
        "exactly one row should carry the name, got {names:?}"
    );
    app.screenshot("partner-list");

    // Restart on the same data folder: the profile and the partner are still there.
    app.quit();
    app.relaunch();
    app.wait_for("partner-list");
    assert!(
        !app.is_shown("setup-form"),
        "the first-run form came back after a restart"
    );
    assert_eq!(app.partner_names(), [PARTNER]);
}
