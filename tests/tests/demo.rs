//! Demo data: on an empty data folder the first-run form offers "Load demo data", which
//! fills the desk with the sample shop and its partners, shown at once.

use partnerdesk_e2e::{fresh_data_dir, ids, query, query_one, App, DEMO_BAKERY};

#[test]
fn load_demo_data_on_an_empty_desk_lists_the_demo_partners() {
    let data = fresh_data_dir();
    let app = App::launch(data.path());

    app.wait_for(ids::setup::FORM);
    assert_eq!(
        query(data.path(), "SELECT count(*) FROM partners"),
        ["0"],
        "a fresh desk starts empty"
    );
    app.click(ids::setup::LOAD_DEMO);
    app.wait_gone(ids::setup::FORM);
    app.sign_in_as_owner();

    let mut shown = app.partner_names();
    shown.sort();
    let stored = query(data.path(), "SELECT name FROM partners ORDER BY name");
    assert!(stored.len() >= 3, "the demo's partners: {stored:?}");
    assert!(stored.iter().any(|n| n == DEMO_BAKERY), "{stored:?}");
    let mut stored_sorted = stored.clone();
    stored_sorted.sort();
    assert_eq!(shown, stored_sorted, "every demo partner is listed");
    app.wait_for_exact_text(
        ids::nav::SHOP_NAME,
        &query_one(data.path(), "SELECT name FROM business_profile"),
    );
    app.screenshot("demo-loaded");
}
