//! Settings: the owner renames the business (not ASCII: "Café Müller" in Łódź), sets its
//! time zone and renames this till, and finds both names where the app uses them: the
//! business in the navigation and on a printed agreement, the till over the counter's recent
//! list and on a logged sale.

use std::path::Path;

use partnerdesk_e2e::{
    files_dir, fresh_data_dir, ids, pdf_text, query, query_one, unused_demo_card, App, Launch,
    DEMO_BAKERY,
};

const BUSINESS: &str = "Café Müller";
const STREET: &str = "ul. Piotrkowska 12";
const CITY: &str = "90-001 Łódź";
const TILL: &str = "Kasa Łódź 2";
const ZONE: &str = "Europe/Warsaw";

#[test]
fn renamed_business_and_till_show_on_screens_prints_and_sales() {
    let data = fresh_data_dir();
    let pdfs = files_dir("settings");
    let app = App::launch_with(data.path(), Launch::new().demo().save_files_to(pdfs.path()));
    app.sign_in_as_owner();

    app.click(ids::nav::SETTINGS);
    // The demo's profile names no zone: the form offers the computer's, never a blank one.
    app.wait_until("a time zone chosen", |app| {
        (!app.value(ids::setup::TIME_ZONE).is_empty()).then_some(())
    });
    app.type_into(ids::setup::NAME, BUSINESS);
    app.type_into(ids::setup::ADDRESS, &format!("{STREET}\n{CITY}"));
    app.select_by_value(ids::setup::TIME_ZONE, ZONE);
    app.click(ids::setup::SUBMIT);
    app.wait_until("the profile saved", |app| {
        app.texts(ids::settings::SAVED)
            .into_iter()
            .find(|t| t.starts_with("✓ Saved"))
    });
    app.wait_for_exact_text(ids::nav::SHOP_NAME, BUSINESS);
    assert_eq!(
        query_one(
            data.path(),
            "SELECT name || ' / ' || replace(address, char(10), ' / ') FROM business_profile"
        ),
        format!("{BUSINESS} / {STREET} / {CITY}"),
    );
    assert_eq!(
        query_one(data.path(), "SELECT time_zone FROM business_profile"),
        ZONE
    );
    assert_eq!(
        app.value(ids::setup::TIME_ZONE),
        ZONE,
        "the saved zone stays chosen"
    );

    app.type_into(ids::settings::TILL_NAME, TILL);
    app.click(ids::settings::TILL_SAVE);
    app.wait_for_exact_text(ids::settings::TILL_SAVED, "✓ Saved.");
    app.screenshot("settings-saved");

    // The counter heads its list with the new name, and a sale logged now carries it.
    app.click(ids::nav::COUNTER);
    app.wait_for_exact_text(ids::counter::TILL, TILL);
    let card = unused_demo_card(data.path());
    app.send_keys(ids::counter::INPUT, &format!("{card}\n"));
    app.wait_for_exact_text(ids::counter::RESULT_TITLE, "VALID");
    app.wait_for_focus(ids::counter::SALE);
    app.press("10.00\n");
    app.wait_for(ids::counter::CONFIRMATION);
    app.wait_for_focus(ids::counter::INPUT);
    assert_eq!(
        query(
            data.path(),
            "SELECT till FROM redemptions ORDER BY id DESC LIMIT 1"
        ),
        [TILL]
    );
    // The sale is listed under the new till: the demo's three were logged at Till 1.
    app.wait_until("the new sale alone under the new till", |app| {
        (app.texts(ids::counter::RECENT_ROW).len() == 1).then_some(())
    });
    // Used again, the card says where it was used: at the renamed till.
    app.send_keys(ids::counter::INPUT, &format!("{card}\n"));
    app.wait_for_exact_text(ids::counter::RESULT_TITLE, "ALREADY USED");
    let detail = app.text(ids::counter::DETAIL);
    assert!(detail.contains(TILL), "{detail:?}");
    app.screenshot("settings-counter");

    // A printed agreement names the business as it is now.
    app.open_agreements_of("crumb", DEMO_BAKERY);
    app.click(ids::agreements::PRINT);
    let saved = app.text(ids::agreements::SAVED_PATH);
    let text = pdf_text(Path::new(&saved));
    for expected in [BUSINESS, STREET, CITY] {
        assert!(
            text.contains(expected),
            "the agreement should show {expected:?}:\n{text}"
        );
    }
}
