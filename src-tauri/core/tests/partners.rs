//! Partner stories: validation, duplicates, lifecycle, search, and the audit trail.

use partnerdesk_core::error::{Field, PartnerError};
use partnerdesk_core::partners::{PartnerFit, PartnerQuery, PartnerSort, PartnerStatus};
use partnerdesk_core::testing::{desk_with_profile, empty_desk, partner, TestDesk};
use partnerdesk_core::{Actor, Error};

use PartnerStatus::*;

async fn add(t: &TestDesk, name: &str) -> partnerdesk_core::partners::Partner {
    t.create_partner(&partner(name), Prospect, &Actor::owner())
        .await
        .expect("create partner")
}

async fn names(t: &TestDesk, query: PartnerQuery) -> Vec<String> {
    t.partners(&query)
        .await
        .expect("list partners")
        .into_iter()
        .map(|p| p.name)
        .collect()
}

fn field_of(err: &Error) -> Option<Field> {
    err.field()
}

#[tokio::test]
async fn partners_need_a_business_profile_first() {
    let t = empty_desk().await;
    let err = t
        .create_partner(&partner("Crumb & Co."), Prospect, &Actor::owner())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::ProfileRequired));
    assert_eq!(err.to_string(), "Set up your business profile first.");
}

#[tokio::test]
async fn bad_input_names_the_field_and_saves_nothing() {
    let t = desk_with_profile().await;
    let long = "x".repeat(101);
    let cases = [
        (
            partnerdesk_core::partners::PartnerInput {
                name: "   ".into(),
                ..partner("")
            },
            Field::Name,
            "Name is required.",
        ),
        (
            partner(&long),
            Field::Name,
            "Name must be at most 100 characters.",
        ),
        (
            partnerdesk_core::partners::PartnerInput {
                email: "anna@crumb".into(),
                ..partner("A")
            },
            Field::Email,
            "Email should be like name@example.com.",
        ),
        (
            partnerdesk_core::partners::PartnerInput {
                website: "not a site".into(),
                ..partner("A")
            },
            Field::Website,
            "Website should be a web address like bakery.example.",
        ),
        (
            partnerdesk_core::partners::PartnerInput {
                fit: PartnerFit {
                    synergy: Some(9),
                    ..Default::default()
                },
                ..partner("A")
            },
            Field::FitSynergy,
            "Product synergy must be a whole number from 1 to 5.",
        ),
    ];
    for (input, field, message) in cases {
        let err = t
            .create_partner(&input, Prospect, &Actor::owner())
            .await
            .unwrap_err();
        assert_eq!(field_of(&err), Some(field), "{err}");
        assert_eq!(err.to_string(), message);
    }
    assert!(names(&t, PartnerQuery::default()).await.is_empty());
    assert!(t
        .audit_trail(partnerdesk_core::audit::AuditEntity::Partner, 1)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn duplicate_names_are_refused_ignoring_case_and_spaces() {
    let t = desk_with_profile().await;
    add(&t, "Café Müller").await;
    let err = t
        .create_partner(&partner("  CAFÉ   müller "), Prospect, &Actor::owner())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Partner(PartnerError::DuplicateName { ref existing }) if existing == "Café Müller")
    );
    assert_eq!(field_of(&err), Some(Field::Name));
    assert_eq!(names(&t, PartnerQuery::default()).await, ["Café Müller"]);
}

#[tokio::test]
async fn renaming_onto_another_partner_is_refused_and_keeps_the_old_record() {
    let t = desk_with_profile().await;
    add(&t, "Crumb & Co.").await;
    let florist = add(&t, "Green Leaf").await;
    let mut edit = partner("crumb & co.");
    edit.notes = "should not be saved".into();
    let err = t
        .update_partner(florist.id, &edit, &Actor::owner())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Partner(PartnerError::DuplicateName { existing }) if existing == "Crumb & Co."),
        "{err:?}"
    );
    let still = t.partner(florist.id).await.unwrap();
    assert_eq!(still, florist);
    // Renaming a partner to a new spelling of its own name is fine.
    let renamed = t
        .update_partner(florist.id, &partner("GREEN LEAF"), &Actor::owner())
        .await
        .unwrap();
    assert_eq!(renamed.name, "GREEN LEAF");
}

#[tokio::test]
async fn lifecycle_moves_are_checked_and_ended_partners_can_return() {
    let t = desk_with_profile().await;
    let p = add(&t, "Paper Moon Books").await;
    assert_eq!(p.next_statuses, [Active, Ended]);

    let err = t
        .change_partner_status(p.id, Paused, &Actor::owner())
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "A partner cannot go from Prospect to Paused."
    );
    assert_eq!(t.partner(p.id).await.unwrap().status, Prospect);

    for step in [Active, Paused, Ended, Active] {
        let moved = t
            .change_partner_status(p.id, step, &Actor::owner())
            .await
            .unwrap();
        assert_eq!(moved.status, step);
    }
    assert_eq!(
        names(
            &t,
            PartnerQuery {
                status: Some(Active),
                ..Default::default()
            }
        )
        .await
        .len(),
        1
    );
}

#[tokio::test]
async fn every_change_writes_an_audit_row_with_before_and_after() {
    let t = desk_with_profile().await;
    let p = add(&t, "Crumb & Co.").await;
    let mut edit = partner("Crumb & Co.");
    edit.phone = "+48 42 123 45 67".into();
    t.update_partner(p.id, &edit, &Actor::named("anna"))
        .await
        .unwrap();
    t.change_partner_status(p.id, Active, &Actor::owner())
        .await
        .unwrap();

    let trail = t
        .audit_trail(partnerdesk_core::audit::AuditEntity::Partner, p.id.0)
        .await
        .unwrap();
    let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["create", "update", "status"]);
    assert!(trail[0].before.is_none());
    assert_eq!(trail[0].after.as_ref().unwrap()["name"], "Crumb & Co.");
    assert_eq!(trail[1].actor, "anna");
    assert_eq!(trail[1].before.as_ref().unwrap()["phone"], "");
    assert_eq!(
        trail[1].after.as_ref().unwrap()["phone"],
        "+48 42 123 45 67"
    );
    assert_eq!(trail[2].before.as_ref().unwrap()["status"], "prospect");
    assert_eq!(trail[2].after.as_ref().unwrap()["status"], "active");

    let profile_trail = t
        .audit_trail(partnerdesk_core::audit::AuditEntity::BusinessProfile, 1)
        .await
        .unwrap();
    assert_eq!(profile_trail.len(), 1);
    assert_eq!(profile_trail[0].action, "create");
}

#[tokio::test]
async fn search_filters_by_name_any_case_and_sorts_by_fit() {
    let t = desk_with_profile().await;
    let scored = |name: &str, a, s, r, m| {
        let mut input = partner(name);
        input.fit = PartnerFit {
            audience: Some(a),
            synergy: Some(s),
            reputation: Some(r),
            motivation: Some(m),
        };
        input
    };
    for input in [
        scored("Łódź Deli", 2, 2, 3, 2),
        scored("Crumb & Co. Bakery", 5, 5, 4, 5),
        scored("Green Leaf Florist", 4, 3, 5, 4),
        partner("Unscored Bakery"),
    ] {
        t.create_partner(&input, Prospect, &Actor::owner())
            .await
            .unwrap();
    }

    let search = |s: &str| PartnerQuery {
        search: Some(s.into()),
        ..Default::default()
    };
    assert_eq!(
        names(&t, search("BAKERY")).await,
        ["Crumb & Co. Bakery", "Unscored Bakery"]
    );
    assert_eq!(names(&t, search("łÓdŹ")).await, ["Łódź Deli"]);
    assert!(names(&t, search("nothing like it")).await.is_empty());

    let by = |sort| PartnerQuery {
        sort: Some(sort),
        ..Default::default()
    };
    assert_eq!(
        names(&t, by(PartnerSort::FitHighFirst)).await,
        [
            "Crumb & Co. Bakery",
            "Green Leaf Florist",
            "Łódź Deli",
            "Unscored Bakery"
        ]
    );
    assert_eq!(
        names(&t, by(PartnerSort::FitLowFirst)).await,
        [
            "Łódź Deli",
            "Green Leaf Florist",
            "Crumb & Co. Bakery",
            "Unscored Bakery"
        ]
    );
    let list = t.partners(&by(PartnerSort::FitHighFirst)).await.unwrap();
    assert_eq!(list[0].fit_average.as_deref(), Some("4.8"));
    assert_eq!(list[3].fit_average, None);
}

#[tokio::test]
async fn sixty_character_and_accented_names_are_kept_exactly() {
    let t = desk_with_profile().await;
    let name = "Bäckerei & Konditorei Müller-Łódź, Spezialitäten aus Polen";
    assert_eq!(name.chars().count(), 58);
    let long = format!("{name} GmbH");
    let p = add(&t, &long).await;
    assert_eq!(t.partner(p.id).await.unwrap().name, long);
}

#[tokio::test]
async fn new_partners_start_only_as_prospects_or_active() {
    let t = desk_with_profile().await;
    assert_eq!(PartnerStatus::STARTING, [Prospect, Active]);
    for status in [Paused, Ended] {
        let err = t
            .create_partner(&partner("Crumb & Co."), status, &Actor::owner())
            .await
            .unwrap_err();
        assert_eq!(field_of(&err), Some(Field::Status), "{status:?}");
        assert_eq!(
            err.to_string(),
            "Status should be prospect or active for a new partner."
        );
    }
    assert!(t
        .partners(&PartnerQuery::default())
        .await
        .unwrap()
        .is_empty());
    for status in PartnerStatus::STARTING {
        let name = format!("Started {}", status.label());
        let p = t
            .create_partner(&partner(&name), status, &Actor::owner())
            .await
            .unwrap();
        assert_eq!(p.status, status);
    }
}
