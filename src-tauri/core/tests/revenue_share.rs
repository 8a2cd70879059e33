//! The partners' share of the shop's revenue divides what partner-referred customers paid by
//! the shop's revenue over the same months: only whole months of the period with the shop's
//! revenue entered, named beside the figure.

use partnerdesk_core::testing::{
    self, day, desk_at, log_sale, save_profile, shop_time, signed_partner,
};
use partnerdesk_core::{Actor, ManualClock};

#[tokio::test]
async fn the_share_uses_only_whole_months_with_revenue_entered_and_names_them() {
    let time = ManualClock::fixed(shop_time(2026, 10, 10, 12, 0, 0));
    let t = desk_at(time.clone()).await;
    save_profile(&t).await;
    let bakery = signed_partner(&t, "Crumb & Co. Bakery", &testing::terms()).await;
    let code = t
        .issue_code(bakery, None, &Default::default(), &Actor::owner())
        .await
        .expect("code")
        .printed;
    // October: €100 sale (customers paid €90). November: €200 (paid €180). December 3rd:
    // €500 (paid €450), in a month the period below only half covers.
    log_sale(&t, "oct", &code, "100", false).await;
    time.set(shop_time(2026, 11, 10, 12, 0, 0));
    log_sale(&t, "nov", &code, "200", false).await;
    time.set(shop_time(2026, 12, 3, 12, 0, 0));
    log_sale(&t, "dec", &code, "500", false).await;

    let owner = Actor::owner();
    for (month, revenue) in [
        ("2026-10", "1000"),
        ("2026-11", "2000"),
        ("2026-12", "3000"),
    ] {
        t.set_month_revenue(&testing::revenue(month, revenue), &owner)
            .await
            .expect("revenue");
    }

    // 1 October to 15 December: October and November are whole, December is not.
    let board = t
        .dashboard((day(2026, 10, 1), day(2026, 12, 15)))
        .await
        .expect("dashboard");
    // (€90 + €180) ÷ (€1,000 + €2,000) = 9 %; December's €450 and €3,000 are left out.
    assert_eq!(board.share.as_deref(), Some("9 %"));
    assert_eq!(board.shop_revenue.as_deref(), Some("€3,000.00"));
    assert_eq!(
        board.share_hint.as_deref(),
        Some("Of the shop's €3,000.00 in October and November 2026")
    );
    // The period's own figures still count every day of it, December's sale included.
    assert_eq!(board.total.revenue, "€720.00");

    // A month half covered only: no share, and the hint says why.
    let half = t
        .dashboard((day(2026, 12, 1), day(2026, 12, 15)))
        .await
        .expect("dashboard");
    assert_eq!((half.share, half.shop_revenue), (None, None));
    assert!(
        half.share_hint
            .as_deref()
            .is_some_and(|h| h.starts_with("Needs whole months")),
        "{:?}",
        half.share_hint
    );

    // A whole month without revenue entered is left out of both sides, not counted as zero.
    let year = t
        .dashboard((day(2026, 9, 1), day(2026, 11, 30)))
        .await
        .expect("dashboard");
    assert_eq!(year.share.as_deref(), Some("9 %"));

    // No revenue entered at all: nothing to say beyond the usual prompt.
    let before = t
        .dashboard((day(2026, 1, 1), day(2026, 8, 31)))
        .await
        .expect("dashboard");
    assert_eq!((before.share, before.share_hint), (None, None));
}
