//! Text that cannot fool anyone: look-alike names are the same partner, invisible and
//! reordering characters never reach the store, over-long input is refused before any work,
//! and names that look like markup or formulas come back, on screen and on paper, as typed.

use chrono::Datelike;
use partnerdesk_core::error::{Field, PartnerError, PersonError, Problem};
use partnerdesk_core::partners::{PartnerInput, PartnerStatus};
use partnerdesk_core::people::PersonRole;
use partnerdesk_core::testing::{
    add_person, desk_with_profile, first_owner, partner, pdf_words, profile, start_day, TestDesk,
};
use partnerdesk_core::{Actor, Error};

async fn add(t: &TestDesk, input: &PartnerInput) -> partnerdesk_core::Result<String> {
    t.create_partner(input, PartnerStatus::Active, &Actor::owner())
        .await
        .map(|p| p.name)
}

async fn count(t: &TestDesk) -> usize {
    t.partners(&Default::default()).await.expect("list").len()
}

#[tokio::test]
async fn look_alike_names_are_refused_as_the_same_partner() {
    for (first, second) in [
        ("Caf\u{e9} Bean", "Cafe\u{301} Bean"),
        ("Crumb & Co.", "Crumb\u{200B} & Co."),
        ("CAFÉ MÜLLER", "café müller"),
        ("Straße Deli", "STRASSE DELI"),
        ("Crumb & Co.", "\u{202E}Crumb & Co.\u{202C}"),
        ("Crumb & Co.", "Ｃｒｕｍｂ & Co."),
    ] {
        let t = desk_with_profile().await;
        add(&t, &partner(first)).await.unwrap();
        let err = add(&t, &partner(second)).await.unwrap_err();
        assert_eq!(err.field(), Some(Field::Name), "{second:?}");
        match &err {
            Error::Partner(PartnerError::DuplicateName { existing }) => {
                assert_eq!(existing, first);
                assert_eq!(
                    err.to_string(),
                    format!("A partner named \"{first}\" already exists.")
                );
            }
            other => panic!("{second:?} was not refused as a duplicate: {other:?}"),
        }
        assert_eq!(count(&t).await, 1, "{second:?} saved something");
    }
}

#[tokio::test]
async fn look_alike_people_are_refused_too() {
    let t = desk_with_profile().await;
    let owner = first_owner(&t).await.person;
    add_person(&t, "Anna Nowak", PersonRole::Staff, &owner).await;
    let input = partnerdesk_core::people::NewPerson {
        name: "ANNA\u{200B} NOWAK".into(),
        role: PersonRole::Staff,
        pin: "7351".into(),
        pin_again: "7351".into(),
    };
    let err = t
        .add_person(&input, &Actor::person(&owner))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Person(PersonError::DuplicateName { .. })),
        "{err:?}"
    );
    assert_eq!(err.field(), Some(Field::Name));
}

#[tokio::test]
async fn a_name_of_only_invisible_characters_is_refused_as_blank() {
    let t = desk_with_profile().await;
    for only in [
        "\u{200B}\u{200B}",
        "\u{202E}\u{2066}\u{2069}",
        "\u{FEFF} \u{2060}\t",
    ] {
        let err = add(&t, &partner(only)).await.unwrap_err();
        assert_eq!(err.field(), Some(Field::Name));
        assert_eq!(err.to_string(), "Name is required.");
    }
    let mut shop = profile();
    shop.name = "\u{200B}\u{200D}".into();
    let err = t.save_profile(&shop, &Actor::owner()).await.unwrap_err();
    assert_eq!(err.to_string(), "Name is required.");
    assert_eq!(count(&t).await, 0);
    assert_eq!(t.profile().await.unwrap().unwrap().name, profile().name);
}

#[tokio::test]
async fn invisible_and_reordering_characters_never_reach_the_store() {
    let t = desk_with_profile().await;
    let input = PartnerInput {
        name: "\u{FEFF}Bakery \u{202E}gpj.exe\u{202C}\u{200B}".into(),
        category: "Coffee\tand\ncake".into(),
        contact_person: "Anna\r\nNowak".into(),
        address: "1 Mill Lane\r\nŁódź\u{7}".into(),
        ..partner("")
    };
    let stored = t
        .create_partner(&input, PartnerStatus::Active, &Actor::owner())
        .await
        .unwrap();
    assert_eq!(stored.name, "Bakery gpj.exe");
    assert_eq!(stored.category, "Coffee and cake");
    assert_eq!(stored.contact_person, "Anna Nowak");
    assert_eq!(stored.address, "1 Mill Lane\nŁódź");
}

#[tokio::test]
async fn stored_text_is_nfc_whatever_was_typed() {
    let t = desk_with_profile().await;
    let stored = add(&t, &partner("Cafe\u{301} Mu\u{308}ller"))
        .await
        .unwrap();
    assert_eq!(stored, "Caf\u{e9} M\u{fc}ller");
    let found = t.partners(&Default::default()).await.unwrap();
    assert_eq!(found[0].name, "Caf\u{e9} M\u{fc}ller");
}

#[tokio::test]
async fn over_long_input_is_refused_before_any_work_and_saves_nothing() {
    let t = desk_with_profile().await;
    // Ten megabytes pasted into a name, and into notes: refused on their byte length.
    let huge = "\u{200B}".repeat(3_500_000);
    let err = add(&t, &partner(&huge)).await.unwrap_err();
    assert_eq!(err.to_string(), "Name must be at most 100 characters.");
    let notes = PartnerInput {
        notes: "n".repeat(10_000_000),
        ..partner("Crumb & Co.")
    };
    let err = add(&t, &notes).await.unwrap_err();
    assert_eq!(err.field(), Some(Field::Notes));
    assert!(matches!(
        err,
        Error::Invalid(ref e) if e.problem == Problem::TooLong { max: 4000 }
    ));
    assert_eq!(count(&t).await, 0);
}

const HOSTILE: [&str; 3] = [
    "<img src=x onerror=alert(1)>",
    "=HYPERLINK(\"http://x\",\"y\")",
    "<script>alert('x')</script> & Co.",
];

#[tokio::test]
async fn names_that_look_like_markup_or_formulas_come_back_exactly() {
    let t = desk_with_profile().await;
    for name in HOSTILE {
        let stored = add(&t, &partner(name)).await.unwrap();
        assert_eq!(stored, name);
        let id = t
            .partners(&Default::default())
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.name == name)
            .expect("listed under its own name")
            .id;
        assert_eq!(t.partner(id).await.unwrap().name, name);
    }
}

#[tokio::test]
async fn names_that_look_like_markup_or_formulas_print_exactly() {
    let t = desk_with_profile().await;
    let today = start_day();
    let month = (today.with_day(1).unwrap(), today);
    for name in HOSTILE {
        let p = t
            .create_partner(&partner(name), PartnerStatus::Active, &Actor::owner())
            .await
            .unwrap();
        let draft = t.create_draft(p.id, None, &Actor::owner()).await.unwrap();
        let agreement = pdf_words(&t.agreement_pdf(draft.id, None).await.unwrap().bytes);
        assert!(
            agreement.contains(name),
            "agreement lost {name}: {agreement}"
        );
        let statement = pdf_words(&t.statement_pdf(p.id, month, None).await.unwrap().bytes);
        assert!(
            statement.contains(name),
            "statement lost {name}: {statement}"
        );
    }
}
