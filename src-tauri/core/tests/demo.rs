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
