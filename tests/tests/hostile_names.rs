//! A partner whose name is markup: the owner adds `<img src=x onerror=alert(1)>` through the
//! Partners screen, and the list, the editor and the Agreements screen show exactly that
//! text, with no `img` element made from it and no script run.

use partnerdesk_e2e::{fresh_data_dir, ids, App, Launch};
use serde_json::json;

const HOSTILE: &str = "<img src=x onerror=alert(1)>";

#[test]
fn a_partner_named_like_markup_shows_as_that_text_everywhere() {
    let data = fresh_data_dir();
    let app = App::launch_with(data.path(), Launch::new().arg("--demo"));
    app.sign_in_as_owner();
    // Were the name ever parsed as HTML, its onerror would call alert: note it instead of
    // opening a dialog that would stall the session.
    app.execute(
        "window.__alerted = false; window.alert = () => { window.__alerted = true; };",
        vec![],
    );

    app.click(ids::nav::PARTNERS);
    app.partner_names();
    app.click(ids::partners::NEW_BUTTON);
    app.type_into(ids::partner_form::NAME, HOSTILE);
    app.type_into(ids::partner_form::CATEGORY, "Café");
    app.click(ids::partner_form::SAVE);
    app.wait_gone(ids::partner_form::PANEL);
    app.wait_for_exact_text(ids::partners::SAVED, &format!("✓ Saved “{HOSTILE}”."));

    // In the list, found by searching for part of it, as typed.
    app.search_partners("onerror", &[HOSTILE]);
    assert_eq!(
        app.attr(ids::partners::ROW_NAME, "title").as_deref(),
        Some(HOSTILE),
        "the tooltip holds the name as text too"
    );

    // In the editor: the heading and the name field.
    app.click(ids::partners::ROW_STATUS);
    app.wait_for(ids::partner_form::PANEL);
    assert_eq!(app.text(ids::partner_form::TITLE), HOSTILE);
    assert_eq!(app.value(ids::partner_form::NAME), HOSTILE);
    no_markup_made_from_the_name(&app);
    app.screenshot("hostile-name-editor");
    app.click(ids::partner_form::CANCEL);
    app.wait_gone(ids::partner_form::PANEL);

    // On the Agreements screen, where the partner's name heads the page.
    app.open_agreements_of("onerror", HOSTILE);
    assert_eq!(app.text(ids::agreements::PARTNER_NAME), HOSTILE);
    no_markup_made_from_the_name(&app);
    app.screenshot("hostile-name-agreements");
}

/// No `img` with `src="x"` (the demo's pages have no images of their own that match), no
/// element whose markup carries the `onerror` handler, and no alert called.
fn no_markup_made_from_the_name(app: &App) {
    let found = app.execute(
        "return {
            imgs: document.querySelectorAll('img[src=\"x\"]').length,
            handlers: document.querySelectorAll('[onerror]').length,
            alerted: window.__alerted === true,
            shown: document.body.innerText.includes(arguments[0]),
        };",
        vec![json!(HOSTILE)],
    );
    assert_eq!(
        found,
        json!({ "imgs": 0, "handlers": 0, "alerted": false, "shown": true }),
        "the name became markup somewhere"
    );
}
