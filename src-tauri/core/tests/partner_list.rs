//! The Partners screen's list: each partner's last redemption, this month's redemptions, the
//! balance either way as Month-end nets it, and a flag on active partners gone quiet for
//! thirty days; sortable by each, in the core. The clock is moved.

use partnerdesk_core::ledger::VoidInput;
use partnerdesk_core::partners::{PartnerListing, PartnerQuery, PartnerSort, PartnerStatus};
use partnerdesk_core::receivables::ReceivableInput;
use partnerdesk_core::settlements::NetDirection;
use partnerdesk_core::testing::{
    self, day, desk_at, log_sale, save_profile, shop_time, signed_partner, TestDesk,
};
use partnerdesk_core::{Actor, ManualClock};

struct Shop {
    t: TestDesk,
    time: ManualClock,
    bakery: String,
    florist: String,
}

/// Four partners added on 1 October 2026, all active but the café, paused: the bakery sold
/// on 5 October, the florist on 20 and 21 November, the deli sent us a statement of €2.00
/// and sold nothing. The helpers' terms pay 5 % of what the customer paid.
async fn shop() -> Shop {
    let time = ManualClock::fixed(shop_time(2026, 10, 1, 12, 0, 0));
    let t = desk_at(time.clone()).await;
    save_profile(&t).await;
    let owner = Actor::owner();
    let mut codes = Vec::new();
    for name in [
        "Crumb & Co. Bakery",
        "Fleur Florist",
        "Quiet Deli",
        "Paused Café",
    ] {
        let p = signed_partner(&t, name, &testing::terms()).await;
        let code = t
            .issue_code(p, None, &Default::default(), &owner)
            .await
            .expect("code")
            .printed;
        codes.push((p, code));
    }
    let (deli, _) = codes[2];
    let (cafe, _) = codes[3];
    t.change_partner_status(cafe, PartnerStatus::Paused, &owner)
        .await
        .expect("pause");
    let statement = ReceivableInput {
        period_from: "2026-10-01".into(),
        period_to: "2026-10-31".into(),
        customers: "2".into(),
        amount: "2.00".into(),
        reference: "Deli statement 10/2026".into(),
    };
    t.record_receivable(deli, &statement, &owner)
        .await
        .expect("their statement");
    time.set(shop_time(2026, 10, 5, 12, 0, 0));
    // Paid €90: €4.50 to the bakery.
    log_sale(&t, "bakery", &codes[0].1, "100", true).await;
    time.set(shop_time(2026, 11, 20, 12, 0, 0));
    // Paid €36 and €18: €1.80 and €0.90 to the florist.
    log_sale(&t, "florist-1", &codes[1].1, "40", true).await;
    time.set(shop_time(2026, 11, 21, 12, 0, 0));
    log_sale(&t, "florist-2", &codes[1].1, "20", false).await;
    time.set(shop_time(2026, 11, 25, 12, 0, 0));
    Shop {
        t,
        time,
        bakery: codes[0].1.clone(),
        florist: codes[1].1.clone(),
    }
}

async fn listed(t: &TestDesk, sort: PartnerSort) -> Vec<PartnerListing> {
    let query = PartnerQuery {
        sort: Some(sort),
        ..Default::default()
    };
    t.partner_listings(&query).await.expect("listings")
}

async fn names(t: &TestDesk, sort: PartnerSort) -> Vec<String> {
    let by_listing: Vec<_> = listed(t, sort)
        .await
        .into_iter()
        .map(|l| l.partner.name)
        .collect();
    // The plain list sorts the same way.
    let query = PartnerQuery {
        sort: Some(sort),
        ..Default::default()
    };
    let plain: Vec<_> = t
        .partners(&query)
        .await
        .expect("partners")
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(by_listing, plain, "{sort:?}");
    by_listing
}

#[tokio::test]
async fn each_partner_shows_its_last_redemption_this_month_and_balance_either_way() {
    let Shop { t, .. } = shop().await;
    let rows = listed(&t, PartnerSort::Name).await;
    let shown: Vec<_> = rows
        .iter()
        .map(|l| {
            (
                l.partner.name.as_str(),
                l.last_redemption,
                l.redemptions_this_month,
                l.balance.direction,
                l.balance.amount.as_str(),
                l.needs_attention,
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            (
                "Crumb & Co. Bakery",
                Some(day(2026, 10, 5)),
                0,
                NetDirection::WeOwe,
                "€4.50",
                true
            ),
            (
                "Fleur Florist",
                Some(day(2026, 11, 21)),
                2,
                NetDirection::WeOwe,
                "€2.70",
                false
            ),
            ("Paused Café", None, 0, NetDirection::Even, "€0.00", false),
            ("Quiet Deli", None, 0, NetDirection::TheyOwe, "€2.00", true),
        ]
    );
}

#[tokio::test]
async fn the_list_sorts_by_each_column_in_the_core() {
    let Shop { t, .. } = shop().await;
    assert_eq!(
        names(&t, PartnerSort::LastRedemptionFirst).await,
        [
            "Fleur Florist",
            "Crumb & Co. Bakery",
            "Paused Café",
            "Quiet Deli"
        ]
    );
    assert_eq!(
        names(&t, PartnerSort::MostThisMonth).await,
        [
            "Fleur Florist",
            "Crumb & Co. Bakery",
            "Paused Café",
            "Quiet Deli"
        ]
    );
    assert_eq!(
        names(&t, PartnerSort::WeOweMostFirst).await,
        [
            "Crumb & Co. Bakery",
            "Fleur Florist",
            "Paused Café",
            "Quiet Deli"
        ]
    );
    assert_eq!(
        names(&t, PartnerSort::NeedsAttentionFirst).await,
        [
            "Crumb & Co. Bakery",
            "Quiet Deli",
            "Fleur Florist",
            "Paused Café"
        ]
    );
}

#[tokio::test]
async fn voids_and_the_calendar_move_the_columns_and_a_sale_clears_the_flag() {
    let Shop {
        t,
        time,
        bakery,
        florist,
    } = shop().await;
    let row = |rows: Vec<PartnerListing>, name: &str| {
        rows.into_iter()
            .find(|l| l.partner.name == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    // The florist's 21 November sale voided: its last is the 20th, one this month.
    let latest = t
        .redemptions()
        .await
        .expect("redemptions")
        .into_iter()
        .find(|r| r.local_day == day(2026, 11, 21))
        .expect("the 21 November sale");
    let void = VoidInput {
        reason: "Rang up twice".into(),
        restore_use: false,
    };
    t.void_redemption(latest.id, &void, &Actor::owner())
        .await
        .expect("void");
    let f = row(listed(&t, PartnerSort::Name).await, "Fleur Florist");
    assert_eq!(
        (f.last_redemption, f.redemptions_this_month),
        (Some(day(2026, 11, 20)), 1)
    );

    // 1 December: a new month, nothing in it yet.
    time.set(shop_time(2026, 12, 1, 9, 0, 0));
    let f = row(listed(&t, PartnerSort::Name).await, "Fleur Florist");
    assert_eq!((f.redemptions_this_month, f.needs_attention), (0, false));
    // 20 December: thirty days since the florist's last sale.
    time.set(shop_time(2026, 12, 20, 9, 0, 0));
    let f = row(listed(&t, PartnerSort::Name).await, "Fleur Florist");
    assert!(f.needs_attention);
    // A sale at the counter clears the flag.
    log_sale(&t, "florist-dec", &florist, "10", false).await;
    log_sale(&t, "bakery-dec", &bakery, "10", false).await;
    let rows = listed(&t, PartnerSort::NeedsAttentionFirst).await;
    let flagged: Vec<_> = rows
        .iter()
        .filter(|l| l.needs_attention)
        .map(|l| l.partner.name.as_str())
        .collect();
    assert_eq!(flagged, ["Quiet Deli"]);
}
