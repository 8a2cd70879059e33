//! First run: a new shop describes itself, creates its owner, adds its first partner, and
//! finds it again after a restart and a sign-in. The partner's name is not ASCII on purpose: it travels keyboard → WebKit →
//! invoke → SQLite → back, and case-folding of "ü" is part of the duplicate rule.

use partnerdesk_e2e::{fresh_data_dir, ids, App, OWNER_NAME, OWNER_PIN};

const PARTNER: &str = "Café Müller";

#[test]
fn partner_survives_restart_and_duplicate_is_refused() {
    let data = fresh_data_dir();
    let mut app = App::launch(data.path());

    // An empty data folder opens on the business profile form.
    app.wait_for(ids::setup::FORM);
    app.type_into(ids::setup::NAME, "Bean There Coffee");
    app.type_into(ids::setup::ADDRESS, "12 Harbour Road\nHowth, Co. Dublin");
    app.type_into(ids::setup::EMAIL, "hello@beanthere.ie");
    app.type_into(ids::setup::PHONE, "+353 1 555 0142");
    app.type_into(ids::setup::TAX_ID, "IE1234567T");
    app.select_by_value(ids::setup::CURRENCY, "EUR");
    app.select_by_value(ids::setup::LOCALE, "en-IE");
    app.click(ids::setup::SUBMIT);

    // Then the owner: name and PIN, and the one-time recovery code to keep.
    app.wait_for(ids::signin::OWNER_FORM);
    app.type_into(ids::signin::OWNER_NAME, OWNER_NAME);
    app.type_into(ids::signin::OWNER_PIN, OWNER_PIN);
    app.type_into(ids::signin::OWNER_PIN_AGAIN, OWNER_PIN);
    app.click(ids::signin::OWNER_SUBMIT);
    app.click(ids::signin::RECOVERY_STORED);

    // The shell replaces the forms, on an empty partner list.
    app.wait_for(ids::nav::PARTNERS);
    app.wait_for(ids::partners::EMPTY);
    app.wait_gone(ids::setup::FORM);

    app.click(ids::partners::NEW_BUTTON);
    app.type_into(ids::partner_form::NAME, PARTNER);
    app.type_into(ids::partner_form::CATEGORY, "Bakery");
    app.type_into(ids::partner_form::EMAIL, "hallo@cafe-mueller.de");
    app.click(ids::partner_form::SAVE);
    app.wait_gone(ids::partner_form::PANEL);
    assert_eq!(app.partner_names(), [PARTNER]);

    // The same name in another case and with stray spaces is the same partner.
    app.click(ids::partners::NEW_BUTTON);
    app.type_into(ids::partner_form::NAME, "  café müller ");
    app.type_into(ids::partner_form::CATEGORY, "Café");
    app.click(ids::partner_form::SAVE);
    let error = app.wait_for_text(&ids::field_error("name"), "already exists");
    assert!(
        error.contains("already exists"),
        "unexpected error text: {error:?}"
    );
    assert!(
        app.is_shown(ids::partner_form::PANEL),
        "the refused form should stay open"
    );
    assert_eq!(
        app.value(ids::partner_form::NAME),
        "  café müller ",
        "the form should keep the input"
    );
    let names = app.texts(ids::partners::ROW_NAME);
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
    app.sign_in_as_owner();
    app.wait_for(ids::partners::LIST);
    assert!(
        !app.is_shown(ids::setup::FORM),
        "the first-run form came back after a restart"
    );
    assert_eq!(app.partner_names(), [PARTNER]);
}
