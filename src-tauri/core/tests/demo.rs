//! The demo: a coffee shop, its bakery, five more partners, loaded once.

use partnerdesk_core::demo::DemoOutcome;
use partnerdesk_core::partners::PartnerStatus;
use partnerdesk_core::testing::{desk_with_profile, empty_desk};

#[tokio::test]
async fn demo_loads_a_coffee_shop_and_six_partners_in_every_status() {
    let t = empty_desk().await;
    assert!(t.is_empty().await.unwrap());
    assert_eq!(t.load_demo().await.unwrap(), DemoOutcome::Loaded);

    assert_eq!(
        t.profile().await.unwrap().unwrap().name,
        "Bean There Coffee"
    );
    let partners = t.partners(&Default::default()).await.unwrap();
    assert_eq!(partners.len(), 6);
    assert!(partners
        .iter()
        .any(|p| p.name == "Crumb & Co. Bakery" && p.status == PartnerStatus::Active));
    for status in PartnerStatus::ALL {
        assert!(
            partners.iter().any(|p| p.status == status),
            "no {status:?} partner"
        );
    }
}

#[tokio::test]
async fn demo_never_touches_a_database_in_use() {
    let t = desk_with_profile().await;
    assert_eq!(t.load_demo().await.unwrap(), DemoOutcome::SkippedNotEmpty);
    assert!(t.partners(&Default::default()).await.unwrap().is_empty());
    assert_eq!(t.profile().await.unwrap().unwrap().locale, "en-IE");
}

#[tokio::test]
async fn demo_bakery_has_a_signed_second_version_and_the_florist_a_draft() {
    use partnerdesk_core::terms::VersionStatus;
    use partnerdesk_core::testing::start_day;
    let t = empty_desk().await;
    t.load_demo().await.unwrap();
    let partners = t.partners(&Default::default()).await.unwrap();
    let id_of = |name: &str| partners.iter().find(|p| p.name == name).unwrap().id;

    let bakery = t
        .agreement_versions(id_of("Crumb & Co. Bakery"))
        .await
        .unwrap();
    let statuses: Vec<_> = bakery.iter().map(|v| (v.version, v.status)).collect();
    assert_eq!(
        statuses,
        [(2, VersionStatus::Signed), (1, VersionStatus::Superseded)]
    );
    let in_force = t
        .terms_in_force(id_of("Crumb & Co. Bakery"), start_day())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(in_force.version, 2);
    assert!(bakery[0]
        .summary
        .starts_with("Customers you refer get 10 % off purchases of €5.00 or more."));

    let florist = t
        .agreement_versions(id_of("Green Leaf Florist"))
        .await
        .unwrap();
    assert_eq!(florist.len(), 1);
    assert_eq!(florist[0].status, VersionStatus::Draft);
}

#[tokio::test]
async fn demo_has_codes_for_the_counter_and_three_redemptions() {
    use partnerdesk_core::codes::LookupOutcome;
    use partnerdesk_core::demo::DEMO_CARDS;
    let t = empty_desk().await;
    t.load_demo().await.unwrap();
    let partners = t.partners(&Default::default()).await.unwrap();
    let id_of = |name: &str| partners.iter().find(|p| p.name == name).unwrap().id;
    let bakery = t.codes_for(id_of("Crumb & Co. Bakery")).await.unwrap();
    assert_eq!(bakery.len(), DEMO_CARDS + 1);
    let poster = bakery
        .iter()
        .find(|c| c.redemption_limit.is_none())
        .unwrap();
    assert!(
        poster.printed.starts_with("BAKERY-BREA"),
        "{}",
        poster.printed
    );
    assert_eq!(bakery.iter().filter(|c| c.uses == 1).count(), 3);

    let redemptions = t.redemptions().await.unwrap();
    let minors: Vec<_> = redemptions
        .iter()
        .map(|r| (r.sale.minor, r.discount.minor, r.commission.minor))
        .collect();
    // Terms in force: 10 % off from €5, 8 % of what the customer pays.
    // 8 % of €7.20 = €0.576 → €0.58 and of €20.70 = €1.656 → €1.66 (half-even).
    assert_eq!(minors, [(1250, 125, 90), (800, 80, 58), (2300, 230, 166)]);

    let used = bakery.iter().find(|c| c.uses == 1).unwrap();
    assert!(matches!(
        t.lookup_code(&used.printed).await.unwrap(),
        LookupOutcome::UsedUp { .. }
    ));
    let paused = t.codes_for(id_of("Paper Moon Books")).await.unwrap();
    assert!(matches!(
        t.lookup_code(&paused[0].printed).await.unwrap(),
        LookupOutcome::PartnerNotActive { .. }
    ));
    let no_terms = t.codes_for(id_of("Ørsted Cycle Works")).await.unwrap();
    assert!(matches!(
        t.lookup_code(&no_terms[0].printed).await.unwrap(),
        LookupOutcome::NoTerms { .. }
    ));
}
