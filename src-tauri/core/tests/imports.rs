//! Partner import from CSV: our own export read back, spreadsheets as owners keep them,
//! per-row problems with the right line numbers, and all or nothing.

use partnerdesk_core::error::ImportError;
use partnerdesk_core::imports::{ImportOptions, ImportPreview, MAX_ROWS};
use partnerdesk_core::partners::{Partner, PartnerFit, PartnerInput, PartnerStatus};
use partnerdesk_core::testing::{desk_with_profile, empty_desk, partner, TestDesk};
use partnerdesk_core::{Actor, Error};

/// Encoding detected, columns matched by name: what the page sends before the owner changes
/// anything.
fn auto() -> ImportOptions {
    ImportOptions::default()
}

async fn all(t: &TestDesk) -> Vec<Partner> {
    t.partners(&Default::default())
        .await
        .expect("list partners")
}

async fn preview(t: &TestDesk, csv: &str) -> ImportPreview {
    t.preview_partner_import(csv.as_bytes(), &auto())
        .await
        .expect("preview")
}

fn import_error(err: Error) -> ImportError {
    match err {
        Error::Import(e) => e,
        other => panic!("expected an import error, got {other:?}"),
    }
}

/// What a partner is, without its id and timestamps.
fn details(p: &Partner) -> (String, PartnerStatus, [String; 7], PartnerFit) {
    let text = [
        &p.category,
        &p.contact_person,
        &p.email,
        &p.phone,
        &p.address,
        &p.website,
        &p.notes,
    ]
    .map(ToString::to_string);
    (p.name.clone(), p.status, text, p.fit)
}

fn problems(p: &ImportPreview) -> Vec<Vec<&str>> {
    p.rows
        .iter()
        .map(|r| r.problems.iter().map(String::as_str).collect())
        .collect()
}

#[tokio::test]
async fn exported_partners_import_back_unchanged() {
    let source = empty_desk().await;
    source.load_demo().await.unwrap();
    let tricky = PartnerInput {
        name: "Café Müller".into(),
        phone: "+48 42 123 45 67".into(),
        address: "ul. Piotrkowska 1\nŁódź".into(),
        notes: "=1+1 is not a formula here; \"quoted\", and commas".into(),
        contact_person: "-Anna-".into(),
        ..partner("")
    };
    let tricky = source
        .create_partner(&tricky, PartnerStatus::Active, &Actor::owner())
        .await
        .unwrap();
    source
        .change_partner_status(tricky.id, PartnerStatus::Paused, &Actor::owner())
        .await
        .unwrap();
    let file = source.partners_csv().await.unwrap();

    let target = desk_with_profile().await;
    let check = target
        .preview_partner_import(&file.bytes, &auto())
        .await
        .unwrap();
    assert_eq!((check.ready, check.refused), (7, 0), "{:?}", check.rows);
    assert!(check.columns_ignored.is_empty());
    let outcome = target
        .import_partners(&file.bytes, &auto(), &Actor::named("anna"))
        .await
        .unwrap();
    assert_eq!(outcome.imported, 7);

    let before: Vec<_> = all(&source).await.iter().map(details).collect();
    let after: Vec<_> = all(&target).await.iter().map(details).collect();
    assert_eq!(after, before);

    let trail = target
        .audit_trail(
            partnerdesk_core::audit::AuditEntity::Partner,
            outcome.ids[0].0,
        )
        .await
        .unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(
        (trail[0].action.as_str(), trail[0].actor.as_str()),
        ("import", "anna")
    );
    assert!(trail[0].before.is_none());
}

#[tokio::test]
async fn preview_writes_nothing() {
    let t = desk_with_profile().await;
    t.create_partner(
        &partner("Crumb & Co."),
        PartnerStatus::Active,
        &Actor::owner(),
    )
    .await
    .unwrap();
    let before = all(&t).await;
    let p = preview(&t, "name,status\nŁódź Books,active\nFlower Power,\n").await;
    assert_eq!((p.ready, p.refused), (2, 0));
    assert_eq!(p.rows[0].status, PartnerStatus::Active);
    assert_eq!(p.rows[1].status, PartnerStatus::Prospect);
    assert_eq!(all(&t).await, before);
    assert!(t
        .audit_trail(partnerdesk_core::audit::AuditEntity::Partner, 2)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn problems_name_the_line_a_spreadsheet_shows_even_after_a_multi_line_address() {
    let t = desk_with_profile().await;
    let csv = "name,address,email,fit_audience,status\n\
               Crumb & Co.,\"12 Mill Lane\nRiverside\",anna@crumb.example,4,active\n\
               Bad Mail,,anna@crumb,,\n\
               \n\
               \"Łódź Books\",\"ul. Piotrkowska 1\n2nd floor\nŁódź\",,9,actve\n\
               ,,x@y.example,,\n\
               Shifted, Inc.,,,,active\n";
    let p = preview(&t, csv).await;
    let lines: Vec<u64> = p.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 4, 6, 9, 10]);
    assert_eq!(
        problems(&p),
        [
            vec![],
            vec!["Email should be like name@example.com."],
            vec![
                "Status \"actve\" is not one we know. Use prospect, active, paused or ended.",
                "Audience alignment must be a whole number from 1 to 5.",
            ],
            vec!["Name is required."],
            vec![
                "This line has more cells than the first line has columns. Put any value \
                 that contains the separator in quotes."
            ],
        ]
    );
    assert_eq!((p.ready, p.refused), (1, 4));
    assert_eq!(p.rows[0].address, "12 Mill Lane\nRiverside");
    assert_eq!(p.rows[0].fit.audience, Some(4));
    assert_eq!(p.rows[2].fit.audience, None, "a refused score is not shown");
}

#[tokio::test]
async fn every_problem_of_a_row_is_listed_at_once() {
    let t = desk_with_profile().await;
    let p = preview(
        &t,
        "name,email,website,phone,fit_synergy,fit_motivation\n\
         Crumb,anna@crumb,not a site,call me,high,0\n",
    )
    .await;
    assert_eq!(
        p.rows[0].problems,
        [
            "Email should be like name@example.com.",
            "Phone should be a phone number like +44 20 7946 0018.",
            "Website should be a web address like bakery.example.",
            "Product synergy must be a whole number from 1 to 5.",
            "Motivation must be a whole number from 1 to 5.",
        ]
    );
}

#[tokio::test]
async fn duplicate_names_are_caught_in_the_file_and_against_saved_partners() {
    let t = desk_with_profile().await;
    t.create_partner(
        &partner("Café Müller"),
        PartnerStatus::Active,
        &Actor::owner(),
    )
    .await
    .unwrap();
    let p = preview(
        &t,
        "name\n  CAFÉ   MÜLLER \nŁódź Books\nSeñora Flores\nłódź  books\n",
    )
    .await;
    assert_eq!(
        problems(&p),
        [
            vec!["A partner named \"Café Müller\" already exists."],
            vec![],
            vec![],
            vec!["This name is already on line 3."],
        ]
    );
    assert_eq!((p.ready, p.refused), (2, 2));
}

#[tokio::test]
async fn one_bad_row_means_nothing_is_imported() {
    let t = desk_with_profile().await;
    let csv = "name,email\nCrumb & Co.,anna@crumb.example\nŁódź Books,\nBad,anna@\nFlowers,\n";
    let err = t
        .import_partners(csv.as_bytes(), &auto(), &Actor::owner())
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "1 row has problems; nothing was imported. Fix it and try again."
    );
    assert!(err.field().is_none());
    assert_eq!(import_error(err), ImportError::RowsRefused { refused: 1 });
    assert!(all(&t).await.is_empty());
    for id in 1..=4 {
        assert!(t
            .audit_trail(partnerdesk_core::audit::AuditEntity::Partner, id)
            .await
            .unwrap()
            .is_empty());
    }
}

#[tokio::test]
async fn a_name_saved_after_the_preview_is_refused_at_import() {
    let t = desk_with_profile().await;
    let csv = b"name\nCrumb & Co.\nFlowers\n";
    assert_eq!(
        t.preview_partner_import(csv, &auto())
            .await
            .unwrap()
            .refused,
        0
    );
    t.create_partner(
        &partner("crumb & co."),
        PartnerStatus::Prospect,
        &Actor::owner(),
    )
    .await
    .unwrap();
    let err = t
        .import_partners(csv, &auto(), &Actor::owner())
        .await
        .unwrap_err();
    assert_eq!(import_error(err), ImportError::RowsRefused { refused: 1 });
    assert_eq!(all(&t).await.len(), 1);
}

#[tokio::test]
async fn semicolon_spreadsheet_with_other_column_names_is_read() {
    let t = desk_with_profile().await;
    let csv = "Status;E-Mail;Contact;Birthday;Name;Telephone;Audience alignment;;Web site\n\
               Active;anna@cafe.example;Anna Nowak;1980-01-01;Café Müller;+48 42 123 45 67;4;;\
               cafe.example\n\
               ;;;;Łódź Books;;;kept aside;\n";
    let p = preview(&t, csv).await;
    assert_eq!(p.columns_ignored, ["Birthday", "column 8 (no name)"]);
    assert_eq!((p.ready, p.refused), (2, 0), "{:?}", p.rows);
    t.import_partners(csv.as_bytes(), &auto(), &Actor::owner())
        .await
        .unwrap();
    let saved = all(&t).await;
    let cafe = &saved[0];
    assert_eq!(cafe.name, "Café Müller");
    assert_eq!(cafe.status, PartnerStatus::Active);
    assert_eq!(cafe.email, "anna@cafe.example");
    assert_eq!(cafe.contact_person, "Anna Nowak");
    assert_eq!(cafe.phone, "+48 42 123 45 67");
    assert_eq!(cafe.website, "cafe.example");
    assert_eq!(cafe.fit.audience, Some(4));
    assert_eq!(saved[1].name, "Łódź Books");
    assert_eq!(saved[1].status, PartnerStatus::Prospect);
}

#[tokio::test]
async fn byte_order_mark_is_not_part_of_the_first_column() {
    let t = desk_with_profile().await;
    let csv = "\u{feff}\"Since\",\"name\",\"email\"\r\n\
               \"2023\",\"Señora Flores\",\"hola@flores.example\"\r\n";
    let p = preview(&t, csv).await;
    assert_eq!(p.columns_ignored, ["Since"]);
    assert_eq!(p.rows[0].name, "Señora Flores");
    assert_eq!(p.rows[0].email, "hola@flores.example");
    assert_eq!(p.refused, 0);
}

#[tokio::test]
async fn formula_apostrophe_is_removed_once_and_other_apostrophes_kept() {
    let t = desk_with_profile().await;
    let csv = "name,phone,notes,contact_person\n\
               'Allo 'Allo Café,'+44 20 7946 0018,'=HYPERLINK(\"x\"),''=kept\n";
    t.import_partners(csv.as_bytes(), &auto(), &Actor::owner())
        .await
        .unwrap();
    let p = &all(&t).await[0];
    assert_eq!(p.name, "'Allo 'Allo Café");
    assert_eq!(p.phone, "+44 20 7946 0018");
    assert_eq!(p.notes, "=HYPERLINK(\"x\")");
    assert_eq!(p.contact_person, "''=kept");
}

#[tokio::test]
async fn files_that_cannot_be_read_are_refused_whole() {
    let t = desk_with_profile().await;
    let refused = |csv: Vec<u8>| {
        let t = &t;
        async move { import_error(t.preview_partner_import(&csv, &auto()).await.unwrap_err()) }
    };
    assert_eq!(refused(b"".to_vec()).await, ImportError::Empty);
    assert_eq!(
        refused(b"name,email\n\n,,\n".to_vec()).await,
        ImportError::Empty
    );
    assert_eq!(
        refused(b"Crumb & Co.,anna@crumb.example\n".to_vec()).await,
        ImportError::NoHeader
    );

    let mut many = String::from("name\n");
    for i in 0..=MAX_ROWS {
        many.push_str(&format!("Partner {i}\n"));
    }
    let err = refused(many.into_bytes()).await;
    assert_eq!(err, ImportError::TooManyRows { max_rows: 5000 });
    assert!(err.to_string().contains("more than 5,000 partners"));

    let mut huge = String::from("name,notes\n");
    while huge.len() <= 2 * 1024 * 1024 {
        huge.push_str(&format!("Partner {},{}\n", huge.len(), "x".repeat(1000)));
    }
    let err = refused(huge.into_bytes()).await;
    assert!(matches!(err, ImportError::TooLarge { .. }));
    assert!(err
        .to_string()
        .starts_with("This file is larger than 2 MB."));
    assert!(all(&t).await.is_empty());
}

#[tokio::test]
async fn exactly_the_row_limit_is_accepted() {
    let t = desk_with_profile().await;
    let mut csv = String::from("name\n");
    for i in 0..MAX_ROWS {
        csv.push_str(&format!("Partner {i}\n"));
    }
    let outcome = t
        .import_partners(csv.as_bytes(), &auto(), &Actor::owner())
        .await
        .unwrap();
    assert_eq!(outcome.imported, MAX_ROWS);
    assert_eq!(all(&t).await.len(), MAX_ROWS);
}

#[tokio::test]
async fn import_needs_a_business_profile_first() {
    let t = empty_desk().await;
    let err = t
        .import_partners(b"name\nCrumb\n", &auto(), &Actor::owner())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::ProfileRequired));
}
