//! Agreement drafts: the owner starts a new version of the demo bakery's terms, thinks better
//! of it, and deletes the draft (after first keeping it once): the signed version and the one
//! it superseded stay exactly as they were. The florist's only agreement is a draft; deleting
//! it leaves the florist with none.

use partnerdesk_e2e::{fresh_data_dir, ids, App, Launch, DEMO_BAKERY as BAKERY};

const FLORIST: &str = "Green Leaf Florist";

#[test]
fn deleting_a_draft_leaves_the_signed_versions_as_they_were() {
    let data = fresh_data_dir();
    let app = App::launch_with(data.path(), Launch::new().arg("--demo"));
    app.sign_in_as_owner();

    app.open_agreements_of("crumb", BAKERY);
    let signed = versions(&app, 2);
    assert_eq!(
        titles(&signed),
        ["Version 2: Signed", "Version 1: Superseded"]
    );
    let signature = app.text(ids::agreements::VERSION_SIGNED);

    app.click(ids::agreements::NEW_VERSION);
    app.type_into(ids::terms_form::OFFER_PERCENT, "15");
    app.wait_for_text(ids::terms_form::PREVIEW_SUMMARY, "15 % off");
    app.click(ids::terms_form::SAVE);
    app.wait_gone(ids::terms_form::FORM);
    wait_note(&app, "Saved draft version 3.");
    let with_draft = versions(&app, 3);
    assert_eq!(
        titles(&with_draft),
        [
            "Version 3: Draft",
            "Version 2: Signed",
            "Version 1: Superseded"
        ]
    );
    assert_eq!(
        with_draft[1..],
        signed[..],
        "a draft changes no signed version"
    );

    // Asked first, in the card; "Keep it" keeps it.
    app.click(ids::agreements::DELETE_DRAFT);
    app.wait_for(ids::agreements::CONFIRM_DELETE);
    let question = app.wait_until("the question in version 3's card", |app| {
        let script = &format!("return document.querySelector('[data-testid=\"{}\"][data-version=\"3\"] .confirm')?.innerText.trim() ?? null;", ids::agreements::VERSION);
        app.execute(script, vec![]).as_str().map(str::to_string)
    });
    assert!(
        question.starts_with(
            "Delete draft version 3? Its terms are lost; signed versions stay as they are."
        ),
        "{question:?}"
    );
    app.screenshot("agreement-drafts-confirm");
    app.click(ids::agreements::KEEP_DRAFT);
    app.wait_gone(ids::agreements::CONFIRM_DELETE);
    assert_eq!(versions(&app, 3), with_draft, "kept: nothing changed");

    app.click(ids::agreements::DELETE_DRAFT);
    app.click(ids::agreements::CONFIRM_DELETE);
    wait_note(&app, "Deleted draft version 3.");
    let left = versions(&app, 2);
    assert_eq!(
        left, signed,
        "the signed versions stay exactly as they were"
    );
    assert_eq!(app.text(ids::agreements::VERSION_SIGNED), signature);
    assert!(
        !app.is_shown(ids::agreements::DELETE_DRAFT),
        "no draft is left to delete"
    );
    app.wait_for(ids::agreements::NEW_VERSION);
    app.screenshot("agreement-drafts-deleted");

    // The florist has only the demo's draft; deleting it leaves no agreement at all.
    app.open_agreements_of("green", FLORIST);
    assert_eq!(titles(&versions(&app, 1)), ["Version 1: Draft"]);
    app.click(ids::agreements::DELETE_DRAFT);
    app.click(ids::agreements::CONFIRM_DELETE);
    wait_note(&app, "Deleted draft version 1.");
    let none = app.wait_for(ids::agreements::NO_VERSIONS);
    let arg = serde_json::to_value(&none).unwrap_or_default();
    let said = app.execute("return arguments[0].innerText.trim();", vec![arg]);
    assert!(
        said.as_str()
            .is_some_and(|s| s.starts_with(&format!("No agreement with {FLORIST} yet."))),
        "{said:?}"
    );
    assert!(app.texts(ids::agreements::VERSION).is_empty());
}

/// One version card as shown: title, status badge, effective dates, terms summary.
#[derive(Debug, Clone, PartialEq)]
struct Version {
    title: String,
    status: String,
    effective: String,
    summary: String,
}

fn titles(versions: &[Version]) -> Vec<String> {
    versions
        .iter()
        .map(|v| format!("{}: {}", v.title, v.status))
        .collect()
}

/// The version cards, newest first, once `count` are shown.
fn versions(app: &App, count: usize) -> Vec<Version> {
    app.wait_until(&format!("{count} versions shown"), |app| {
        let titles = app.texts(ids::agreements::VERSION_TITLE);
        let statuses = app.texts(ids::agreements::VERSION_STATUS);
        let effective = app.texts(ids::agreements::VERSION_EFFECTIVE);
        let summaries = app.texts(ids::agreements::VERSION_SUMMARY);
        let all = [&titles, &statuses, &effective, &summaries];
        all.iter().all(|t| t.len() == count).then(|| {
            (0..count)
                .map(|i| Version {
                    title: titles[i].clone(),
                    status: statuses[i].clone(),
                    effective: effective[i].clone(),
                    summary: summaries[i].clone(),
                })
                .collect()
        })
    })
}

/// Waits for the confirmation line to say exactly `note` (after its tick).
fn wait_note(app: &App, note: &str) {
    app.wait_until(&format!("the note {note:?}"), |app| {
        (app.texts(ids::agreements::NOTE) == [format!("✓ {note}")]).then_some(())
    });
}
