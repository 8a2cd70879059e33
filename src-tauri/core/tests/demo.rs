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
    use partnerdesk_core::terms::{today, VersionStatus};
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
        .terms_in_force(id_of("Crumb & Co. Bakery"), today())
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
