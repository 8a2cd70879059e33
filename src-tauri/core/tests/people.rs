//! People stories: PINs kept only as argon2id hashes, the lockout that survives a restart,
//! the owner who can never be the last one removed, the recovery code that works once, and
//! names unique as partner names are. (Records naming people: tests/attribution.rs.)

use chrono::TimeDelta;
use partnerdesk_core::error::{Field, PersonError};
use partnerdesk_core::people::{NewPerson, PersonId, PersonRole, PinChange, RecoveryInput};
use partnerdesk_core::testing::{
    add_person, audit_rows, desk_at, empty_desk, first_owner, pins, start, store_connection,
    PdfFile, OWNER_PIN, STAFF_PIN,
};
use partnerdesk_core::{on, Actor, Desk, Error, ManualClock};

fn new_person(name: &str, role: PersonRole, pin: &str) -> NewPerson {
    NewPerson {
        name: name.into(),
        role,
        pin: pin.into(),
        pin_again: pin.into(),
    }
}

async fn pin_hash(t: &Desk, id: PersonId) -> String {
    let mut conn = store_connection(t).await;
    on!(&mut conn, db => sqlx::query_scalar("SELECT pin_hash FROM people WHERE id = $1")
        .bind(id.0)
        .fetch_one(db)
        .await)
    .expect("hash")
}

fn person_error(result: Result<impl std::fmt::Debug, Error>) -> PersonError {
    match result {
        Err(Error::Person(e)) => e,
        other => panic!("expected a person error, got {other:?}"),
    }
}

#[tokio::test]
async fn pins_are_kept_only_as_argon2id_hashes_and_never_audited() {
    let t = empty_desk().await;
    let owner = first_owner(&t).await;
    let anna = add_person(&t, "Anna Kowalska", PersonRole::Staff, &owner.person).await;

    for (id, pin) in [(owner.person.id, OWNER_PIN), (anna.id, STAFF_PIN)] {
        let hash = pin_hash(&t, id).await;
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(!hash.contains(pin), "{hash}");
    }
    assert_eq!(
        t.sign_in(anna.id, STAFF_PIN).await.expect("right PIN"),
        anna
    );
    assert!(matches!(
        person_error(t.sign_in(anna.id, "7352").await),
        PersonError::WrongPin { wait_seconds: None }
    ));
    t.reset_pin(anna.id, &pins("9999"), &Actor::person(&owner.person))
        .await
        .expect("reset");
    assert!(t.sign_in(anna.id, "9999").await.is_ok());

    let rows = audit_rows(&t).await;
    assert!(rows.len() >= 3, "{rows:?}");
    let folded_code = owner.recovery_code.replace('-', "");
    for (_, _, what, json) in &rows {
        for secret in [
            OWNER_PIN,
            STAFF_PIN,
            "9999",
            "$argon2",
            &owner.recovery_code,
            &folded_code,
        ] {
            assert!(!json.contains(secret), "{what} holds {secret}: {json}");
        }
    }
}

#[tokio::test]
async fn a_malformed_pin_is_refused_without_counting() {
    let t = empty_desk().await;
    let owner = first_owner(&t).await;
    for bad in ["12", "12ab", "123456789"] {
        match t.sign_in(owner.person.id, bad).await {
            Err(Error::Invalid(e)) => {
                assert_eq!(e.field, Field::Pin);
                assert_eq!(e.to_string(), "A PIN is 4 to 8 digits.");
            }
            other => panic!("{bad}: {other:?}"),
        }
    }
    let mut conn = store_connection(&t).await;
    let failed: i64 = on!(&mut conn, db => sqlx::query_scalar("SELECT failed_pins FROM people")
        .fetch_one(db)
        .await)
    .expect("count");
    assert_eq!(failed, 0);
    let mismatch = t
        .create_first_owner(
            "Someone",
            &PinChange {
                pin: "1234".into(),
                pin_again: "1243".into(),
            },
        )
        .await;
    assert!(matches!(mismatch, Err(Error::Invalid(e)) if e.field == Field::PinAgain));
}

#[tokio::test]
async fn five_wrong_pins_start_a_wait_that_survives_a_reopen() {
    // A clock that stands still, so the waits read exactly.
    let t = desk_at(ManualClock::fixed(start())).await;
    let owner = first_owner(&t).await;
    let anna = add_person(&t, "Anna", PersonRole::Staff, &owner.person).await;

    for _ in 0..4 {
        assert!(matches!(
            person_error(t.sign_in(anna.id, "0000").await),
            PersonError::WrongPin { wait_seconds: None }
        ));
    }
    let fifth = person_error(t.sign_in(anna.id, "0000").await);
    assert!(matches!(
        fifth,
        PersonError::WrongPin {
            wait_seconds: Some(30)
        }
    ));
    assert_eq!(
        fifth.to_string(),
        "Wrong PIN. Too many wrong PINs: try again in 30 s."
    );
    // While waiting even the right PIN is not checked, and nothing is counted.
    let waiting = person_error(t.sign_in(anna.id, STAFF_PIN).await);
    assert!(matches!(waiting, PersonError::Waiting { seconds: 30 }));
    assert_eq!(
        waiting.to_string(),
        "Too many wrong PINs. Try again in 30 s."
    );
    let choice = t.sign_in_choices().await.expect("choices");
    assert_eq!(
        choice.iter().map(|c| c.wait_seconds).collect::<Vec<_>>(),
        vec![None, Some(30)]
    );

    // Close the app and open the same store again: the wait is still there.
    t.desk.close().await;
    let reopened = t.reopen().await;
    t.time.advance(TimeDelta::seconds(15));
    assert!(matches!(
        person_error(reopened.sign_in(anna.id, STAFF_PIN).await),
        PersonError::Waiting { seconds: 15 }
    ));

    // Past the wait, a sixth wrong PIN doubles it.
    t.time.advance(TimeDelta::seconds(16));
    let sixth = person_error(reopened.sign_in(anna.id, "0000").await);
    assert!(matches!(
        sixth,
        PersonError::WrongPin {
            wait_seconds: Some(60)
        }
    ));
    t.time.advance(TimeDelta::seconds(60));
    assert_eq!(
        reopened
            .sign_in(anna.id, STAFF_PIN)
            .await
            .expect("right PIN"),
        anna
    );
    // The right PIN ended the count: four more slips cost nothing again.
    for _ in 0..4 {
        assert!(matches!(
            person_error(reopened.sign_in(anna.id, "0000").await),
            PersonError::WrongPin { wait_seconds: None }
        ));
    }
    let lockouts: Vec<_> = audit_rows(&reopened)
        .await
        .into_iter()
        .filter(|(_, _, what, _)| what == "person:lockout")
        .collect();
    assert_eq!(lockouts.len(), 2, "{lockouts:?}");
}

#[tokio::test]
async fn the_last_active_owner_can_be_neither_deactivated_nor_demoted() {
    let t = empty_desk().await;
    let maya = first_owner(&t).await.person;
    let by = Actor::person(&maya);
    for refused in [
        t.set_person_active(maya.id, false, &by).await,
        t.set_person_role(maya.id, PersonRole::Staff, &by).await,
    ] {
        let err = person_error(refused);
        assert!(matches!(err, PersonError::LastOwner));
        assert_eq!(
            err.to_string(),
            "There must always be an active owner: add or promote another owner first."
        );
    }
    // The schema holds the rule too, whatever the caller does.
    let mut conn = store_connection(&t).await;
    let direct = on!(&mut conn, db => sqlx::query("UPDATE people SET active = 0 WHERE id = $1")
        .bind(maya.id.0)
        .execute(db)
        .await
        .map(|done| done.rows_affected()));
    assert!(direct.is_err());

    // A staff member promoted to owner makes room.
    let anna = add_person(&t, "Anna", PersonRole::Staff, &maya).await;
    let anna = t
        .set_person_role(anna.id, PersonRole::Owner, &by)
        .await
        .expect("promote");
    let maya = t
        .set_person_role(maya.id, PersonRole::Staff, &by)
        .await
        .expect("demote");
    assert_eq!(maya.role, PersonRole::Staff);
    // Now Anna is the only active owner.
    assert!(matches!(
        person_error(t.set_person_active(anna.id, false, &by).await),
        PersonError::LastOwner
    ));
    let maya = t
        .set_person_role(maya.id, PersonRole::Owner, &by)
        .await
        .expect("promote back");
    let anna = t
        .set_person_active(anna.id, false, &by)
        .await
        .expect("deactivate a second owner");
    assert!(!anna.active);
    assert!(!t.needs_owner().await.expect("needs owner"));
    assert_eq!(
        t.people()
            .await
            .expect("people")
            .iter()
            .map(|p| (p.name.as_str(), p.role, p.active))
            .collect::<Vec<_>>(),
        vec![
            ("Anna", PersonRole::Owner, false),
            ("Maya Bean", PersonRole::Owner, true)
        ]
    );
    // An inactive person is off the lock screen and cannot sign in.
    assert!(matches!(
        person_error(t.sign_in(anna.id, STAFF_PIN).await),
        PersonError::Inactive { .. }
    ));
    let names: Vec<_> = t
        .sign_in_choices()
        .await
        .expect("choices")
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, vec![maya.name]);
}

#[tokio::test]
async fn the_recovery_code_resets_the_owner_pin_once() {
    let t = empty_desk().await;
    let owner = first_owner(&t).await;
    let maya = owner.person.id;
    assert_eq!(owner.recovery_code.len(), 19);
    // Locked out by wrong PINs first: recovery is what ends it.
    for _ in 0..5 {
        let _ = t.sign_in(maya, "0000").await;
    }
    let hash_before = pin_hash(&t, maya).await;

    let wrong = RecoveryInput {
        code: "7K2Q-X9AB-M4PD-3HTR".into(),
        pin: "2468".into(),
        pin_again: "2468".into(),
    };
    let err = person_error(t.recover_owner(maya, &wrong).await);
    assert!(matches!(err, PersonError::WrongRecoveryCode));
    assert_eq!(
        pin_hash(&t, maya).await,
        hash_before,
        "a wrong code changes nothing"
    );

    // Typed sloppily: lower case, spaces instead of dashes.
    let typed = owner.recovery_code.to_lowercase().replace('-', " ");
    let right = RecoveryInput {
        code: typed.clone(),
        ..wrong.clone()
    };
    let renewed = t.recover_owner(maya, &right).await.expect("recover");
    assert_eq!(renewed.person, owner.person);
    assert_ne!(renewed.recovery_code, owner.recovery_code);
    assert!(t.sign_in(maya, "2468").await.is_ok(), "the lockout ended");
    assert!(t.sign_in(maya, OWNER_PIN).await.is_err());

    // The old code is spent; the new one works.
    assert!(matches!(
        person_error(t.recover_owner(maya, &right).await),
        PersonError::WrongRecoveryCode
    ));
    let again = RecoveryInput {
        code: renewed.recovery_code.clone(),
        pin: "1357".into(),
        pin_again: "1357".into(),
    };
    t.recover_owner(maya, &again).await.expect("new code");
    assert!(t.sign_in(maya, "1357").await.is_ok());

    // Staff have no recovery code to use.
    let anna = add_person(&t, "Anna", PersonRole::Staff, &owner.person).await;
    assert!(matches!(
        person_error(t.recover_owner(anna.id, &again).await),
        PersonError::WrongRecoveryCode
    ));

    let pdf = t
        .recovery_sheet_pdf(&renewed.person, &renewed.recovery_code)
        .await
        .expect("sheet");
    assert_eq!(pdf.file_name, "Recovery code Maya Bean.pdf");
    let file = PdfFile::write(&pdf.file_name, &pdf.bytes);
    assert_eq!(file.pages(), 1);
    assert!(file.text(&[]).contains(&renewed.recovery_code));
}

#[tokio::test]
async fn the_first_owner_is_created_once() {
    let t = empty_desk().await;
    assert!(t.needs_owner().await.expect("needs owner"));
    assert!(t.sign_in_choices().await.expect("choices").is_empty());
    let owner = first_owner(&t).await;
    assert_eq!(
        (owner.person.role, owner.person.active),
        (PersonRole::Owner, true)
    );
    assert!(!t.needs_owner().await.expect("needs owner"));
    let again = t.create_first_owner("Someone Else", &pins("1111")).await;
    assert!(matches!(person_error(again), PersonError::OwnerExists));
    assert_eq!(t.people().await.expect("people").len(), 1);
    // Its creation is on record, by the app.
    let rows = audit_rows(&t).await;
    assert_eq!(rows[0].0, "system");
    assert_eq!(rows[0].2, "person:create");
}

#[tokio::test]
async fn names_are_unique_ignoring_case_and_spacing() {
    let t = empty_desk().await;
    let owner = first_owner(&t).await.person;
    let by = Actor::person(&owner);
    add_person(&t, "Café Müller", PersonRole::Staff, &owner).await;
    let dup = t
        .add_person(
            &new_person("  CAFÉ   MÜLLER ", PersonRole::Staff, "1234"),
            &by,
        )
        .await;
    let Err(err) = dup else {
        panic!("a duplicate was added")
    };
    assert_eq!(err.field(), Some(Field::Name));
    assert_eq!(
        err.to_string(),
        "Someone named \"Café Müller\" is already on the team."
    );
    let ola = add_person(&t, "Ola", PersonRole::Staff, &owner).await;
    assert!(matches!(
        person_error(t.rename_person(ola.id, "café müller", &by).await),
        PersonError::DuplicateName { .. }
    ));
    let renamed = t
        .rename_person(ola.id, "  Ola Nowak ", &by)
        .await
        .expect("rename");
    assert_eq!(renamed.name, "Ola Nowak");
    let long = t.rename_person(ola.id, &"x".repeat(61), &by).await;
    assert!(matches!(long, Err(Error::Invalid(e)) if e.field == Field::Name));
}

#[tokio::test]
async fn the_idle_lock_defaults_to_ten_minutes_within_bounds() {
    let t = empty_desk().await;
    let maya = first_owner(&t).await.person;
    let by = Actor::person(&maya);
    assert_eq!(t.idle_lock_minutes().await.expect("read"), 10);
    for bad in [0, 241] {
        let refused = t.set_idle_lock_minutes(bad, &by).await;
        assert!(
            matches!(&refused, Err(Error::Invalid(e)) if e.field == Field::IdleLock),
            "{bad}: {refused:?}"
        );
    }
    assert_eq!(t.set_idle_lock_minutes(3, &by).await.expect("set"), 3);
    assert_eq!(t.idle_lock_minutes().await.expect("read"), 3);
    let last = audit_rows(&t).await.pop().expect("entry");
    assert_eq!(
        (last.0.as_str(), last.1, last.2.as_str()),
        ("Maya Bean", Some(maya.id.0), "setting:idle_lock_minutes")
    );
}
