//! A custom code: the owner issues the demo bakery one readable code, "mocha7", for a
//! chalkboard. The app folds the look-alike O to 0, adds the check symbol and the bakery's
//! prefix; the code heads the list, the same text again is refused as taken, and both the
//! "Check a code" box and the counter say it is valid.

use partnerdesk_e2e::{fresh_data_dir, App, Launch, DEMO_BAKERY as BAKERY};

/// "mocha7" folded (O reads as 0) and grouped by four, after the bakery's prefix; the check
/// symbol follows.
const PRINTED_START: &str = "BAKERY-M0CH-A7";

#[test]
fn custom_code_is_issued_once_listed_and_valid_at_the_counter() {
    let data = fresh_data_dir();
    let app = App::launch_with(data.path(), Launch::new().arg("--demo"));

    app.click("nav-codes");
    app.choose_option("codes-partner", BAKERY);
    let demo = app.wait_until("the demo codes", |app| {
        let rows = app.texts("code-row-code");
        (!rows.is_empty()).then_some(rows)
    });

    app.click("codes-open-issue-one");
    app.type_into("issue-code-custom", "mocha7");
    app.type_into("issue-code-note", "Chalkboard by the till");
    app.click("issue-code-submit");
    // Newest first: the new code heads the list.
    let printed = app.wait_until("one more code row", |app| {
        let rows = app.texts("code-row-code");
        (rows.len() == demo.len() + 1).then(|| rows[0].clone())
    });
    assert!(
        printed.starts_with(PRINTED_START) && printed.len() == PRINTED_START.len() + 1,
        "the typed text, folded, with one check symbol: {printed:?}"
    );
    assert!(!demo.contains(&printed));
    // The tick is a separate, flex-laid-out icon: innerText puts a line break after it.
    let note = app.text("code-note");
    assert_eq!(
        note.trim_start_matches('✓').trim_start(),
        format!("Issued {printed}.")
    );
    assert_eq!(app.texts("code-row-limit")[0], "single use");
    assert_eq!(app.texts("code-row-uses")[0], "not used");
    assert_eq!(app.texts("code-row-note")[0], "Chalkboard by the till");
    assert_eq!(app.texts("code-row-status")[0], "Enabled");
    assert_eq!(
        app.value("issue-code-custom"),
        "",
        "the readable code is used up"
    );
    app.screenshot("custom-code-issued");

    // The same text again (case and look-alikes do not matter) is taken.
    app.type_into("issue-code-custom", "MOCHA7");
    app.click("issue-code-submit");
    let body = printed.trim_start_matches("BAKERY-");
    let refusal = app.wait_until("the code refused beside its field", |app| {
        app.texts("error-code").into_iter().next()
    });
    assert_eq!(
        refusal,
        format!("⚠ The code {body} is already in use. Choose another.")
    );
    assert_eq!(
        app.value("issue-code-custom"),
        "MOCHA7",
        "what was typed stays"
    );
    assert_eq!(app.texts("code-row-code").len(), demo.len() + 1);

    // Read out at the till: lower case, spaces for dashes.
    let spoken = printed.to_lowercase().replace('-', " ");
    app.type_into("check-code-input", &spoken);
    app.click("check-code-submit");
    let kind = app.wait_until("the check's outcome", |app| {
        app.attr("check-code-result", "data-kind")
    });
    assert_eq!(kind, "valid");
    let said = app.text("check-code-result");
    assert!(
        said.starts_with(&format!("✓ Valid: {printed} from {BAKERY}. ")),
        "{said:?}"
    );
    app.screenshot("custom-code-checked");

    app.click("nav-counter");
    app.wait_for("counter-code");
    app.send_keys("counter-code", &format!("{printed}\n"));
    let title = app.wait_until("the counter's answer", |app| {
        app.texts("counter-result-title").into_iter().next()
    });
    assert_eq!(title, "VALID");
    assert_eq!(app.text("counter-partner"), BAKERY);
}
