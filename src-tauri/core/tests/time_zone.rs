//! The shop's time zone, saved in its profile, decides its days and months: a laptop set to
//! another zone (or a test clock's own offset) cannot move a sale into another day, a
//! monthly cap into another month, or "today" anywhere else.

use chrono::TimeDelta;
use partnerdesk_core::business::BusinessProfileInput;
use partnerdesk_core::codes::CodeOptions;
use partnerdesk_core::error::Field;
use partnerdesk_core::ledger::Redemption;
use partnerdesk_core::testing::{
    self, audit_rows, day, desk_at, log_sale, profile, save_profile, shop_time, signed_partner,
    TestDesk,
};
use partnerdesk_core::{Actor, Desk, ManualClock};

fn in_zone(zone: &str) -> BusinessProfileInput {
    BusinessProfileInput {
        time_zone: zone.into(),
        ..profile()
    }
}

/// A desk whose test clock reads 23:30 on 31 January five hours behind UTC (04:30 UTC on
/// 1 February, 17:30 on 1 February in Auckland), with a partner earning 8 % capped at €1.00
/// a month and a code good any day.
async fn late_on_the_31st() -> (TestDesk, String) {
    let clock = ManualClock::stepping(shop_time(2026, 1, 31, 23, 30, 0), TimeDelta::seconds(1));
    let t = desk_at(clock).await;
    save_profile(&t).await;
    let mut terms = testing::terms();
    terms.reward_percent = "8".into();
    terms.monthly_cap = "1".into();
    let bakery = signed_partner(&t, "Crumb & Co. Bakery", &terms).await;
    let code = t
        .issue_code(bakery, None, &CodeOptions::default(), &Actor::owner())
        .await
        .expect("code");
    (t, code.printed)
}

async fn sell(t: &Desk, key: &str, code: &str) -> Redemption {
    log_sale(t, key, code, "20", true).await
}

#[tokio::test]
async fn a_sale_belongs_to_the_shops_day_in_its_saved_zone() {
    let (t, code) = late_on_the_31st().await;
    // No zone saved: the clock's own day, 31 January.
    let january = sell(&t, "no-zone", &code).await;
    assert_eq!(january.local_day, day(2026, 1, 31));
    assert_eq!(t.clock().today(), day(2026, 1, 31));

    t.save_profile(&in_zone("Pacific/Auckland"), &Actor::owner())
        .await
        .expect("zone saved");
    // The same instant is 1 February in Auckland: the sale and the cap are February's.
    let february = sell(&t, "auckland", &code).await;
    assert_eq!(february.local_day, day(2026, 2, 1));
    assert_eq!(t.clock().today(), day(2026, 2, 1));
    assert_eq!(
        (january.commission.minor, february.commission.minor),
        (100, 100),
        "each month has its own €1.00 cap"
    );
    assert_eq!(t.clock().zone_name(), "Pacific/Auckland");
}

#[tokio::test]
async fn the_zone_is_kept_in_the_file_and_audited() {
    let (t, code) = late_on_the_31st().await;
    let saved = t
        .save_profile(&in_zone("Pacific/Auckland"), &Actor::owner())
        .await
        .expect("zone saved");
    assert_eq!(saved.time_zone, "Pacific/Auckland");
    let audit = audit_rows(&t).await;
    let last = audit.last().expect("an entry");
    assert_eq!(last.2, "business_profile:update");
    assert!(last.3.contains("Pacific/Auckland"), "{}", last.3);

    // Another handle on the file, with its own clock (a second till): the zone comes from
    // the file, not from whoever saved it.
    let till = t.second_till().await;
    assert_eq!(till.clock().zone_name(), "Pacific/Auckland");
    assert_eq!(
        sell(&till, "second-till", &code).await.local_day,
        day(2026, 2, 1)
    );
}

#[tokio::test]
async fn an_unknown_zone_is_refused_beside_its_field_and_changes_nothing() {
    let (t, code) = late_on_the_31st().await;
    for bad in ["Europe/Narnia", "GMT+25", "Berlin", &"x".repeat(70)] {
        let err = t
            .save_profile(&in_zone(bad), &Actor::owner())
            .await
            .expect_err(bad);
        assert_eq!(err.field(), Some(Field::TimeZone), "{bad}");
    }
    let profile = t.profile().await.expect("profile").expect("saved");
    assert_eq!(profile.time_zone, "");
    assert_eq!(
        sell(&t, "after-refusals", &code).await.local_day,
        day(2026, 1, 31)
    );
}

#[tokio::test]
async fn summer_time_is_the_zones_own() {
    // 22:30 UTC on 30 June: 00:30 on 1 July in Berlin (summer time, UTC+2).
    let clock = ManualClock::fixed(shop_time(2026, 6, 30, 17, 30, 0));
    let t = desk_at(clock).await;
    t.save_profile(&in_zone("Europe/Berlin"), &Actor::owner())
        .await
        .expect("zone saved");
    assert_eq!(t.clock().today(), day(2026, 7, 1));
}
