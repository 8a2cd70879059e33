//! The shell's rules about sessions held by tests: each guard, a dedicated till, the first
//! run, the idle lock, and a person changed while signed in.

use std::collections::BTreeSet;

use super::*;

/// The commands open to a signed-in staff member, besides those open to everyone.
const STAFF_MAY_CALL: &[&str] = &[
    "lookup_code",
    "log_redemption",
    "recent_redemptions",
    "discard_unsaved_sale",
    "still_here",
];

/// The commands anyone at the window may call: the status and signing in or out.
const ANYONE_MAY_CALL: &[&str] = &[
    "app_status",
    "restore_after_damage",
    "sign_in_choices",
    "create_first_owner",
    "sign_in",
    "recover_owner",
    "lock",
];

fn closed() -> ApiError {
    ApiError {
        code: ErrorCode::StoreUnavailable,
        message: "closed".into(),
        field: None,
    }
}

fn app(till_only: bool, needs_owner: bool) -> App {
    let launch = Launch {
        till_only,
        needs_owner,
        idle_lock_minutes: 10,
    };
    App::new(PathBuf::from("unused"), Err(closed()), launch)
}

fn person(role: PersonRole) -> Person {
    Person {
        id: PersonId(7),
        name: "Łucja Müller".into(),
        role,
        active: true,
    }
}

/// What a command of `access` answers: `Ok` when the guard let it through to the store
/// (closed here), else the refusal.
fn answer(app: &App, access: Access) -> Result<(), ApiError> {
    let admitted = match access {
        Access::BeforeSignIn => return Ok(()),
        Access::Setup => SetupDesk::admit(app).map(drop),
        Access::Staff => StaffDesk::admit(app).map(drop),
        Access::Owner => OwnerDesk::admit(app).map(drop),
    };
    match admitted {
        Err(e) if e.code == ErrorCode::StoreUnavailable => Ok(()),
        other => other,
    }
}

fn names(filter: impl Fn(Access) -> bool) -> BTreeSet<&'static str> {
    COMMANDS
        .iter()
        .filter(|(_, access)| filter(*access))
        .map(|(name, _)| *name)
        .collect()
}

#[test]
fn only_the_counter_and_sign_in_commands_are_open_to_staff() {
    let anyone: BTreeSet<&str> = ANYONE_MAY_CALL.iter().copied().collect();
    let staff: BTreeSet<&str> = STAFF_MAY_CALL.iter().copied().collect();
    assert_eq!(names(|a| a == Access::BeforeSignIn), anyone);
    assert_eq!(names(|a| a == Access::Staff), staff);
}

#[test]
fn signed_out_every_command_but_signing_in_is_refused() {
    let app = app(false, false);
    for (name, access) in COMMANDS {
        let refused = answer(&app, *access);
        if *access == Access::BeforeSignIn {
            assert!(refused.is_ok(), "{name}");
        } else {
            let refused = refused.expect_err(name);
            assert_eq!(refused.code, ErrorCode::Forbidden, "{name}");
            assert_eq!(refused.message, "Sign in first.", "{name}");
        }
    }
}

#[test]
fn staff_reach_the_counter_and_nothing_of_the_owners() {
    let app = app(false, false);
    app.start_session(person(PersonRole::Staff));
    for (name, access) in COMMANDS {
        let answer = answer(&app, *access);
        match access {
            Access::Setup | Access::Owner => {
                let refused = answer.expect_err(name);
                assert_eq!(refused.code, ErrorCode::Forbidden, "{name}");
                assert!(refused.message.contains("Only the owner"), "{name}");
            }
            Access::Staff | Access::BeforeSignIn => assert!(answer.is_ok(), "{name}"),
        }
    }
}

#[test]
fn an_owner_reaches_everything_except_on_a_dedicated_till() {
    let back_office = app(false, false);
    let view = back_office.start_session(person(PersonRole::Owner));
    assert!(!view.counter_only);
    for (name, access) in COMMANDS {
        assert!(answer(&back_office, *access).is_ok(), "{name}");
    }
    let till = app(true, false);
    let view = till.start_session(person(PersonRole::Owner));
    assert!(view.counter_only, "a --counter till shows the counter only");
    let refused = answer(&till, Access::Owner).expect_err("owner command at a till");
    assert!(
        refused.message.contains("counter only"),
        "{}",
        refused.message
    );
    assert!(answer(&till, Access::Staff).is_ok());
}

#[test]
fn before_the_first_owner_only_the_setup_commands_open_without_a_pin() {
    let first_run = app(false, true);
    assert!(answer(&first_run, Access::Setup).is_ok());
    assert!(answer(&first_run, Access::Owner).is_err());
    assert!(answer(&first_run, Access::Staff).is_err());
    first_run.owner_created();
    let refused = answer(&first_run, Access::Setup).expect_err("setup after the owner");
    assert_eq!(refused.message, "Sign in first.");
}

#[test]
fn an_idle_session_locks_and_says_why() {
    let app = app(false, false);
    app.start_session(person(PersonRole::Owner));
    app.set_idle_lock(Duration::ZERO);
    let refused = answer(&app, Access::Staff).expect_err("idle session");
    assert_eq!(refused.code, ErrorCode::Forbidden);
    assert!(
        refused.message.starts_with("Locked after"),
        "{}",
        refused.message
    );
    assert_eq!(app.session(), None, "the session ended");
    app.set_idle_lock(Duration::from_secs(600));
    assert_eq!(
        answer(&app, Access::Staff)
            .expect_err("still locked")
            .message,
        "Sign in first."
    );
}

#[test]
fn a_signed_in_person_changed_by_the_owner_is_kept_in_step() {
    let app = app(false, false);
    app.start_session(person(PersonRole::Staff));
    let renamed = Person {
        name: "Łucja".into(),
        ..person(PersonRole::Staff)
    };
    app.person_changed(&renamed);
    assert_eq!(app.session().map(|s| s.name), Some("Łucja".into()));
    app.person_changed(&Person {
        active: false,
        ..renamed
    });
    assert_eq!(app.session(), None, "deactivated: signed out");
}
