//! A custom code: the owner issues the demo bakery one readable code, "mocha7", for a
//! chalkboard. The app folds the look-alike O to 0, adds the check symbol and the bakery's
//! prefix; the code heads the list, the same text again is refused as taken, and both the
//! "Check a code" box and the counter say it is valid.

use partnerdesk_e2e::{fresh_data_dir, ids, App, Launch, DEMO_BAKERY as BAKERY};

/// "mocha7" folded (O reads as 0) and grouped by four, after the bakery's prefix; the check
/// symbol follows.
const PRINTED_START: &str = "BAKERY-M0CH-A7";

#[test]
fn custom_code_is_issued_once_listed_and_valid_at_the_counter() {
    let data = fresh_data_dir();
    let app = App::launch_with(data.path(), Launch::new().arg("--demo"));
    app.sign_in_as_owner();

    app.click(ids::nav::CODES);
    app.choose_option(ids::codes::PARTNER_SELECT, BAKERY);
    let demo = app.wait_until("the demo codes", |app| {
        let rows = app.texts(ids::codes::ROW_CODE);
        (!rows.is_empty()).then_some(rows)
    });

    app.click(ids::codes::OPEN_ISSUE_ONE);
    app.type_into(ids::issue_code::CODE, "mocha7");
    app.type_into(ids::issue_code::NOTE, "Chalkboard by the till");
    app.click(ids::issue_code::SUBMIT);
    // Newest first: the new code heads the list.
    let printed = app.wait_until("one more code row", |app| {
        let rows = app.texts(ids::codes::ROW_CODE);
        (rows.len() == demo.len() + 1).then(|| rows[0].clone())
    });
    assert!(
        printed.starts_with(PRINTED_START) && printed.len() == PRINTED_START.len() + 1,
        "the typed text, folded, with one check symbol: {printed:?}"
    );
    assert!(!demo.contains(&printed));
    // The tick is a separate, flex-laid-out icon: innerText puts a line break after it.
    let note = app.text(ids::codes::NOTE);
    assert_eq!(
        note.trim_start_matches('✓').trim_start(),
        format!("Issued {printed}.")
    );
    assert_eq!(app.texts(ids::codes::ROW_LIMIT)[0], "single use");
    assert_eq!(app.texts(ids::codes::ROW_USES)[0], "not used");
    assert_eq!(app.texts(ids::codes::ROW_NOTE)[0], "Chalkboard by the till");
    assert_eq!(app.texts(ids::codes::ROW_STATUS)[0], "Enabled");
    assert_eq!(
        app.value(ids::issue_code::CODE),
        "",
        "the readable code is used up"
    );
    app.screenshot("custom-code-issued");

    // The same text again (case and look-alikes do not matter) is taken.
    app.type_into(ids::issue_code::CODE, "MOCHA7");
    app.click(ids::issue_code::SUBMIT);
    let body = printed.trim_start_matches("BAKERY-");
    let refusal = app.wait_until("the code refused beside its field", |app| {
        app.texts(&ids::field_error("code")).into_iter().next()
    });
    assert_eq!(
        refusal,
        format!("⚠ The code {body} is already in use. Choose another.")
    );
    assert_eq!(
        app.value(ids::issue_code::CODE),
        "MOCHA7",
        "what was typed stays"
    );
    assert_eq!(app.texts(ids::codes::ROW_CODE).len(), demo.len() + 1);

    // Read out at the till: lower case, spaces for dashes.
    let spoken = printed.to_lowercase().replace('-', " ");
    app.type_into(ids::check_code::INPUT, &spoken);
    app.click(ids::check_code::SUBMIT);
    let kind = app.wait_until("the check's outcome", |app| {
        app.attr(ids::check_code::RESULT, "data-kind")
    });
    assert_eq!(kind, "valid");
    let said = app.text(ids::check_code::RESULT);
    assert!(
        said.starts_with(&format!("✓ Valid: {printed} from {BAKERY}. ")),
        "{said:?}"
    );
    app.screenshot("custom-code-checked");

    app.click(ids::nav::COUNTER);
    app.wait_for(ids::counter::INPUT);
    app.send_keys(ids::counter::INPUT, &format!("{printed}\n"));
    let title = app.wait_until("the counter's answer", |app| {
        app.texts(ids::counter::RESULT_TITLE).into_iter().next()
    });
    assert_eq!(title, "VALID");
    assert_eq!(app.text(ids::counter::PARTNER), BAKERY);
}
