//! Agreement stories: drafts, signing, superseding, frozen history, terms in force.

use partnerdesk_core::error::{Field, TermsError};
use partnerdesk_core::money::Money;
use partnerdesk_core::partners::{PartnerId, PartnerStatus};
use partnerdesk_core::terms::{SignInput, TermsInput, VersionStatus};
use partnerdesk_core::testing::{
    day, desk_with_profile, execute, partner, pdf_words, shop_time, signature, store_connection,
    TestDesk,
};
use partnerdesk_core::{Actor, Error};

fn terms_from(from: &str) -> TermsInput {
    let mut t = TermsInput::blank(day(2026, 1, 1));
    t.effective_from = from.into();
    t.offer_percent = "10".into();
    t.min_sale = "5".into();
    t.reward_percent = "8".into();
    t.monthly_cap = "150".into();
    t.clauses = vec!["Our cards are displayed at your till.".into()];
    t
}

async fn bakery(t: &TestDesk) -> PartnerId {
    t.create_partner(
        &partner("Crumb & Co. Bakery"),
        PartnerStatus::Active,
        &Actor::owner(),
    )
    .await
    .expect("partner")
    .id
}

#[tokio::test]
async fn signing_a_new_version_supersedes_the_old_one_and_keeps_its_history() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let v1 = t
        .create_draft(p, Some(&terms_from("2026-01-01")), &Actor::owner())
        .await
        .unwrap();
    assert_eq!((v1.version, v1.status), (1, VersionStatus::Draft));
    t.sign_agreement(v1.id, &signature("2025-12-20"), &Actor::owner())
        .await
        .unwrap();

    let v2 = t.new_version_from(v1.id, &Actor::owner()).await.unwrap();
    assert_eq!(v2.version, 2);
    let mut changed = v2.terms.clone();
    changed.effective_from = "2026-06-01".into();
    changed.reward_percent = "12".into();
    t.update_draft(v2.id, &changed, &Actor::owner())
        .await
        .unwrap();
    let signed = t
        .sign_agreement(v2.id, &signature("2026-05-28"), &Actor::owner())
        .await
        .unwrap();
    assert_eq!(signed.status, VersionStatus::Signed);
    assert!(
        signed.summary.contains("You earn 12 % of each such sale"),
        "{}",
        signed.summary
    );

    let versions = t.agreement_versions(p).await.unwrap();
    let statuses: Vec<_> = versions.iter().map(|v| (v.version, v.status)).collect();
    assert_eq!(
        statuses,
        [(2, VersionStatus::Signed), (1, VersionStatus::Superseded)]
    );
    assert_eq!(
        versions[1].terms.reward_percent, "8",
        "the old version's terms changed"
    );

    let in_force = |d| t.terms_in_force(p, d);
    assert!(in_force(day(2025, 12, 31)).await.unwrap().is_none());
    assert_eq!(
        in_force(day(2026, 5, 31)).await.unwrap().unwrap().version,
        1
    );
    assert_eq!(in_force(day(2026, 6, 1)).await.unwrap().unwrap().version, 2);
}

#[tokio::test]
async fn terms_in_force_give_the_counter_its_discount_and_commission() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let v = t
        .create_draft(p, Some(&terms_from("2026-01-01")), &Actor::owner())
        .await
        .unwrap();
    t.sign_agreement(v.id, &signature("2026-01-01"), &Actor::owner())
        .await
        .unwrap();
    let terms = t
        .terms_in_force(p, day(2026, 3, 1))
        .await
        .unwrap()
        .unwrap()
        .terms;
    let eur = |minor| Money::new(minor, iso_currency::Currency::EUR);
    let split = terms.split_sale(eur(1250), eur(14_950), true);
    // 10 % of €12.50 = €1.25 off; 8 % of €11.25 = €0.90, capped at €0.50 left this month.
    assert_eq!(
        (split.discount, split.commission, split.capped),
        (eur(125), eur(50), true)
    );
}

#[tokio::test]
async fn signed_versions_cannot_change_or_be_deleted() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let v = t
        .create_draft(p, Some(&terms_from("2026-01-01")), &Actor::owner())
        .await
        .unwrap();
    t.sign_agreement(v.id, &signature("2026-01-01"), &Actor::owner())
        .await
        .unwrap();

    let err = t
        .update_draft(v.id, &terms_from("2026-02-01"), &Actor::owner())
        .await
        .unwrap_err();
    let not_draft =
        |err: &Error| matches!(err, Error::Terms(TermsError::NotDraft { version: 1, .. }));
    assert!(not_draft(&err), "{err:?}");
    let err = t.delete_draft(v.id, &Actor::owner()).await.unwrap_err();
    assert!(not_draft(&err), "{err:?}");
    let err = t
        .sign_agreement(v.id, &signature("2026-01-02"), &Actor::owner())
        .await
        .unwrap_err();
    assert!(not_draft(&err), "{err:?}");

    // Not even raw SQL gets past the triggers.
    let mut conn = store_connection(&t).await;
    for sql in [
        "UPDATE agreement_versions SET reward_percent_bp = 9999",
        "UPDATE agreement_versions SET status = 'draft'",
        "UPDATE agreement_versions SET clauses_json = '[]'",
        "DELETE FROM agreement_versions",
    ] {
        let err = execute(&mut conn, sql).await.unwrap_err();
        assert!(err.to_string().contains("immutable"), "{sql}: {err}");
    }
    let still = t.agreement_versions(p).await.unwrap();
    assert_eq!(still[0].terms.reward_percent, "8");
}

#[tokio::test]
async fn a_new_version_starting_before_the_signed_one_is_refused_as_overlap() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let v1 = t
        .create_draft(p, Some(&terms_from("2026-06-01")), &Actor::owner())
        .await
        .unwrap();
    t.sign_agreement(v1.id, &signature("2026-05-01"), &Actor::owner())
        .await
        .unwrap();
    let v2 = t.new_version_from(v1.id, &Actor::owner()).await.unwrap();
    t.update_draft(v2.id, &terms_from("2026-06-01"), &Actor::owner())
        .await
        .unwrap();

    let err = t
        .sign_agreement(v2.id, &signature("2026-05-02"), &Actor::owner())
        .await
        .unwrap_err();

    assert_eq!(err.field(), Some(Field::EffectiveFrom));
    assert_eq!(
        err.to_string(),
        "Version 2 would start on 1 June 2026, but version 1 already starts on 1 June 2026. \
         A new version must start after the one it replaces."
    );
    let versions = t.agreement_versions(p).await.unwrap();
    assert_eq!(versions[0].status, VersionStatus::Draft);
    assert_eq!(versions[1].status, VersionStatus::Signed);
}

#[tokio::test]
async fn only_one_draft_at_a_time_and_drafts_can_be_deleted() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let draft = t.create_draft(p, None, &Actor::owner()).await.unwrap();
    let err = t.create_draft(p, None, &Actor::owner()).await.unwrap_err();
    assert!(matches!(
        err,
        Error::Terms(TermsError::DraftExists { version: 1 })
    ));
    t.delete_draft(draft.id, &Actor::owner()).await.unwrap();
    assert!(t.agreement_versions(p).await.unwrap().is_empty());
    let trail = t
        .audit_trail(
            partnerdesk_core::audit::AuditEntity::AgreementVersion,
            draft.id.0,
        )
        .await
        .unwrap();
    let actions: Vec<_> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["create", "delete"]);
}

#[tokio::test]
async fn bad_terms_name_their_field_and_save_nothing() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let draft = t
        .create_draft(p, Some(&terms_from("2026-01-01")), &Actor::owner())
        .await
        .unwrap();
    let mut bad = draft.terms.clone();
    bad.offer_percent = "150".into();
    let err = t
        .update_draft(draft.id, &bad, &Actor::owner())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some(Field::OfferPercent));
    assert_eq!(err.to_string(), "Percent off must be between 0 and 100.");
    assert_eq!(
        t.agreement_versions(p).await.unwrap()[0]
            .terms
            .offer_percent,
        "10"
    );

    let err = t
        .sign_agreement(
            draft.id,
            &SignInput {
                partner_signatory: " ".into(),
                ..signature("2026-01-01")
            },
            &Actor::owner(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some(Field::PartnerSignatory));
}

#[tokio::test]
async fn the_demo_agreement_prints_both_parties_the_offer_in_words_and_every_clause() {
    let t = partnerdesk_core::testing::empty_desk().await;
    t.load_demo().await.unwrap();
    let partners = t.partners(&Default::default()).await.unwrap();
    let bakery = partners
        .iter()
        .find(|p| p.name == "Crumb & Co. Bakery")
        .unwrap();
    let signed = t.agreement_versions(bakery.id).await.unwrap().remove(0);

    let started = std::time::Instant::now();
    let pdf = t.agreement_pdf(signed.id, None).await.unwrap();
    let elapsed = started.elapsed();

    assert_eq!(pdf.file_name, "Agreement Crumb & Co. Bakery v2.pdf");
    if let Some(dir) = std::env::var_os("PARTNERDESK_SAMPLE_DIR") {
        std::fs::write(
            std::path::Path::new(&dir).join("demo-agreement.pdf"),
            &pdf.bytes,
        )
        .unwrap();
        eprintln!("demo agreement rendered in {elapsed:?}");
    }
    let text = pdf_words(&pdf.bytes);
    for expected in [
        "Bean There Coffee",
        "Crumb & Co. Bakery",
        "Version 2 · signed",
        "Customers you refer get 10 % off purchases of €5.00 or more. You earn 8 % of each such sale, up to €150.00 a month, paid monthly by bank transfer.",
        "Maya Bean",
        "Anna Kowalska",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    for clause in &signed.terms.clauses {
        let clause: String = clause.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&clause), "missing clause {clause:?}");
    }
}

#[tokio::test]
async fn accented_partner_names_print_exactly() {
    let t = desk_with_profile().await;
    for name in [
        "Café Müller",
        "Łódź Deli",
        "Señora Núñez Yoga",
        "Ørsted Cycle Works",
    ] {
        let p = t
            .create_partner(&partner(name), PartnerStatus::Active, &Actor::owner())
            .await
            .unwrap();
        let draft = t.create_draft(p.id, None, &Actor::owner()).await.unwrap();
        let text = pdf_words(&t.agreement_pdf(draft.id, None).await.unwrap().bytes);
        assert!(text.contains(name), "{name} not printed exactly");
        assert!(text.contains("DRAFT"), "draft not marked");
    }
}

#[tokio::test]
async fn terms_are_in_force_on_their_end_date_and_not_the_day_after() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let mut terms = terms_from("2026-01-01");
    terms.effective_to = "2026-06-30".into();
    let v = t
        .create_draft(p, Some(&terms), &Actor::owner())
        .await
        .unwrap();
    t.sign_agreement(v.id, &signature("2026-01-01"), &Actor::owner())
        .await
        .unwrap();

    let in_force = |d| t.terms_in_force(p, d);
    assert_eq!(in_force(day(2026, 6, 30)).await.unwrap().unwrap().id, v.id);
    assert!(in_force(day(2026, 7, 1)).await.unwrap().is_none());

    // The same by the desk's clock: the last second of the end date, then midnight.
    t.time.set(shop_time(2026, 6, 30, 23, 59, 59));
    let today = t.agreement_in_force_today(p).await.unwrap();
    assert_eq!(today.map(|v| v.id), Some(v.id));
    t.time.set(shop_time(2026, 7, 1, 0, 0, 0));
    assert!(t.agreement_in_force_today(p).await.unwrap().is_none());
}
