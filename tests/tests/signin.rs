//! Sign-in: the first run creates the owner, the owner adds a staff member, the staff member
//! signs in from the keyboard and reaches the counter alone (the shell refuses an owner
//! command sent straight from the page), five wrong PINs start a wait that a restart does
//! not lift, and the owner sees the staff member's name on the sale they logged.

use serde_json::json;

use partnerdesk_e2e::{
    fresh_data_dir, ids, query, query_one, unused_demo_card, App, Launch, OWNER_NAME, OWNER_PIN,
};

const STAFF: &str = "Łucja Wiśniewska-Müller";
const STAFF_PIN: &str = "13579";

#[test]
fn owner_then_staff_sign_in_staff_reach_only_the_counter_and_wrong_pins_wait_across_restarts() {
    let data = fresh_data_dir();
    let mut app = App::launch_with(data.path(), Launch::new().demo());

    // First run (the demo brought the business profile): the window asks for the owner.
    app.wait_for(ids::signin::OWNER_FORM);
    assert!(
        !app.is_shown(ids::nav::PARTNERS),
        "nothing opens before the owner exists"
    );
    app.type_into(ids::signin::OWNER_NAME, OWNER_NAME);
    app.type_into(ids::signin::OWNER_PIN, OWNER_PIN);
    app.type_into(ids::signin::OWNER_PIN_AGAIN, OWNER_PIN);
    app.click(ids::signin::OWNER_SUBMIT);
    let code = app.wait_for_text(ids::signin::RECOVERY_CODE, "-");
    let groups: Vec<&str> = code.trim().split('-').collect();
    assert!(
        groups.len() == 4 && groups.iter().all(|g| g.len() == 4),
        "a recovery code in four groups of four: {code:?}"
    );
    app.screenshot("signin-recovery-code");
    app.click(ids::signin::RECOVERY_STORED);
    app.wait_for(ids::nav::SHOP_NAME);
    app.wait_for_text(ids::signin::WHO, OWNER_NAME);
    let hash = query_one(
        data.path(),
        "SELECT pin_hash FROM people WHERE role = 'owner'",
    );
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(
        !hash.contains(OWNER_PIN),
        "the PIN is stored only as a hash"
    );

    // The owner adds a staff member in Settings.
    app.click(ids::nav::SETTINGS);
    app.type_into(ids::people::ADD_NAME, STAFF);
    app.type_into(ids::people::ADD_PIN, STAFF_PIN);
    app.type_into(ids::people::ADD_PIN_AGAIN, STAFF_PIN);
    app.click(ids::people::ADD_SUBMIT);
    app.wait_for(ids::people::ADDED);
    app.wait_until("the staff member in the people list", |app| {
        app.texts(ids::people::ROW_NAME)
            .iter()
            .any(|n| n == STAFF)
            .then_some(())
    });

    // Lock; the staff member is second on the lock screen (owners first): "2", PIN, Enter.
    app.click(ids::signin::LOCK);
    app.wait_for(ids::signin::SCREEN);
    app.screenshot("signin-lock-screen");
    app.press("2");
    app.wait_for_focus(ids::signin::PIN);
    app.press(&format!("{STAFF_PIN}\n"));
    app.wait_for(ids::counter::COUNTER_ONLY);
    app.wait_for_text(ids::signin::WHO, STAFF);
    assert!(!app.is_shown(ids::nav::PARTNERS), "staff get no navigation");

    // An owner command sent straight from the page is refused, and nothing is recorded.
    let payouts = query_one(data.path(), "SELECT count(*) FROM payouts");
    let answer = app.invoke(
        "record_payout",
        json!({ "partnerId": 1, "input": { "amount": "5.00", "paidOn": "2026-11-01",
                "method": "cash", "reference": "", "note": "", "confirmOverBalance": true } }),
    );
    assert_eq!(answer["err"]["code"], json!("forbidden"), "{answer}");
    assert_eq!(
        query_one(data.path(), "SELECT count(*) FROM payouts"),
        payouts
    );

    // The staff member logs a sale; their recent list holds their own sales only.
    let card = unused_demo_card(data.path());
    app.send_keys(ids::counter::INPUT, &format!("{card}\n"));
    app.wait_for_exact_text(ids::counter::RESULT_TITLE, "VALID");
    app.wait_for_focus(ids::counter::SALE);
    app.press("20.00\n");
    app.wait_for(ids::counter::CONFIRMATION);
    app.wait_until(
        "the staff member's own sale, alone in the recent list",
        |app| (app.texts(ids::counter::RECENT_BY) == [STAFF]).then_some(()),
    );
    app.screenshot("signin-staff-counter");
    let (staff_id, logged_by) = (
        query_one(
            data.path(),
            &format!("SELECT id FROM people WHERE name = '{STAFF}'"),
        ),
        query(
            data.path(),
            "SELECT logged_by_id || '|' || logged_by FROM redemptions ORDER BY id DESC LIMIT 1",
        ),
    );
    assert_eq!(
        logged_by,
        [format!("{staff_id}|{STAFF}")],
        "the sale names its person"
    );

    // Five wrong PINs: the wait shows, and a restart does not lift it.
    app.click(ids::signin::LOCK);
    app.wait_for(ids::signin::SCREEN);
    app.press("2");
    app.wait_for_focus(ids::signin::PIN);
    let dir = data.path();
    for failures in 1..=5 {
        app.type_into(ids::signin::PIN, "0000");
        app.press("\n");
        app.wait_until(&format!("{failures} wrong PINs counted"), |_| {
            let counted = query_one(
                dir,
                &format!("SELECT failed_pins FROM people WHERE id = {staff_id}"),
            );
            (counted == failures.to_string()).then_some(())
        });
    }
    let wait = app.wait_for_text(ids::signin::WAIT, "Try again in");
    app.screenshot("signin-wait");
    app.relaunch();
    app.wait_for(ids::signin::SCREEN);
    app.press("2");
    let after_restart = app.wait_for_text(ids::signin::WAIT, "Try again in");
    assert!(
        !after_restart.is_empty() && !wait.is_empty(),
        "the wait survives the restart: {wait:?} / {after_restart:?}"
    );

    // The owner signs in ("1" after Esc back to the names) and sees every screen, and the
    // staff member's name on the sale they logged.
    app.press("\u{1b}");
    app.press("1");
    app.wait_for_focus(ids::signin::PIN);
    app.press(&format!("{OWNER_PIN}\n"));
    app.wait_for(ids::nav::PARTNERS);
    for screen in [
        ids::nav::AGREEMENTS,
        ids::nav::CODES,
        ids::nav::MONEY,
        ids::nav::SETTINGS,
    ] {
        assert!(app.is_shown(screen), "{screen} for the owner");
    }
    app.click(ids::nav::COUNTER);
    app.wait_until("the staff member's sale in the owner's list", |app| {
        app.texts(ids::counter::RECENT_BY)
            .iter()
            .any(|by| by == STAFF)
            .then_some(())
    });
}

#[test]
fn a_forgotten_owner_pin_is_reset_with_the_recovery_code_which_then_works_no_more() {
    let data = fresh_data_dir();
    let app = App::launch_with(data.path(), Launch::new().demo());
    app.wait_for(ids::signin::OWNER_FORM);
    app.type_into(ids::signin::OWNER_NAME, OWNER_NAME);
    app.type_into(ids::signin::OWNER_PIN, OWNER_PIN);
    app.type_into(ids::signin::OWNER_PIN_AGAIN, OWNER_PIN);
    app.click(ids::signin::OWNER_SUBMIT);
    let first = app
        .wait_for_text(ids::signin::RECOVERY_CODE, "-")
        .trim()
        .to_string();
    app.click(ids::signin::RECOVERY_STORED);
    app.wait_for(ids::nav::SHOP_NAME);
    app.click(ids::signin::LOCK);

    // "Forgot PIN?" on the owner's card: the code as a person might type it back (lower
    // case, spaces for dashes), and a new PIN twice.
    app.click(ids::signin::FORGOT);
    let typed = first.to_lowercase().replace('-', " ");
    app.type_into(ids::signin::RECOVERY_INPUT, &typed);
    app.type_into(ids::signin::RECOVERY_PIN, "8642");
    app.type_into(ids::signin::RECOVERY_PIN_AGAIN, "8642");
    app.click(ids::signin::RECOVERY_SUBMIT);
    let second = app
        .wait_for_text(ids::signin::RECOVERY_CODE, "-")
        .trim()
        .to_string();
    assert_ne!(first, second, "using the code issues a new one");
    app.click(ids::signin::RECOVERY_STORED);
    app.wait_for(ids::nav::SHOP_NAME);

    // The new PIN signs in; the old code is refused and changes nothing.
    app.click(ids::signin::LOCK);
    app.wait_for(ids::signin::SCREEN);
    app.press("1");
    app.wait_for_focus(ids::signin::PIN);
    app.press("8642\n");
    app.wait_for(ids::nav::SHOP_NAME);
    app.click(ids::signin::LOCK);
    app.click(ids::signin::FORGOT);
    app.type_into(ids::signin::RECOVERY_INPUT, &first);
    app.type_into(ids::signin::RECOVERY_PIN, "1111");
    app.type_into(ids::signin::RECOVERY_PIN_AGAIN, "1111");
    app.click(ids::signin::RECOVERY_SUBMIT);
    let refused = app.wait_for_text(&ids::field_error("recoveryCode"), "");
    assert!(
        !refused.is_empty(),
        "the used code is refused beside its field"
    );
    app.screenshot("signin-recovery-refused");
    assert!(app.is_shown(ids::signin::RECOVERY_FORM), "the form stays");
    assert_eq!(
        app.sign_in_by_name(OWNER_NAME, "8642")["name"],
        json!(OWNER_NAME)
    );
}
