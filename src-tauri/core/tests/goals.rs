//! Goals are measured over their own months, from the one they were set in through their
//! own, whatever period the dashboard shows; and each says whether it is on track against
//! a straight line from the day it was set to the end of its month. The clock is moved.

use partnerdesk_core::program::{GoalInput, GoalKind, GoalPace};
use partnerdesk_core::testing::{
    self, day, desk_at, log_sale, save_profile, shop_time, signed_partner, TestDesk,
};
use partnerdesk_core::{Actor, ManualClock};

async fn desk_on_10_october() -> (TestDesk, ManualClock, String) {
    let time = ManualClock::fixed(shop_time(2026, 10, 10, 12, 0, 0));
    let t = desk_at(time.clone()).await;
    save_profile(&t).await;
    let p = signed_partner(&t, "Crumb & Co. Bakery", &testing::terms()).await;
    let code = t
        .issue_code(p, None, &Default::default(), &Actor::owner())
        .await
        .expect("code")
        .printed;
    (t, time, code)
}

fn goal(kind: GoalKind, target: &str, by: &str) -> GoalInput {
    GoalInput {
        kind,
        target: target.into(),
        by_month: by.into(),
    }
}

/// The one goal on the dashboard for October 2026: (current, pace, pace text).
async fn progress(t: &TestDesk) -> (String, GoalPace, String) {
    let d = t
        .dashboard(testing::month_of(day(2026, 10, 1)))
        .await
        .expect("dashboard");
    let [g] = d.goals.as_slice() else {
        panic!("one goal: {:?}", d.goals)
    };
    (g.current.clone(), g.pace, g.pace_text.clone())
}

#[tokio::test]
async fn a_share_goal_counts_its_own_months_and_falls_behind_its_line() {
    let (t, time, code) = desk_on_10_october().await;
    let owner = Actor::owner();
    // October: paid €450 of the shop's €1,000 (45 %), before the goal was set.
    log_sale(&t, "oct", &code, "500", false).await;
    time.set(shop_time(2026, 11, 18, 10, 0, 0));
    // November: paid €180 of €2,000 (9 %).
    log_sale(&t, "nov", &code, "200", false).await;
    for (month, amount) in [("2026-10", "1000"), ("2026-11", "2000")] {
        t.set_month_revenue(&testing::revenue(month, amount), &owner)
            .await
            .expect("revenue");
    }
    t.add_goal(&goal(GoalKind::RevenueShare, "20", "2027-01"), &owner)
        .await
        .expect("goal");

    // October shown: the period's share is October's, the goal's is November's alone.
    let d = t
        .dashboard(testing::month_of(day(2026, 10, 1)))
        .await
        .expect("dashboard");
    assert_eq!(d.share.as_deref(), Some("45 %"));
    assert_eq!(
        progress(&t).await,
        (
            "9 % so far".to_string(),
            GoalPace::OnTrack,
            "On track: a straight line from 18 November 2026 to 20 % by the end of January \
             2027 is at 0 % today"
                .to_string()
        )
    );

    // 18 December: 30 of the line's 75 days gone, so it asks 8 % by now; 9 % is ahead.
    time.set(shop_time(2026, 12, 18, 10, 0, 0));
    let (current, pace, _) = progress(&t).await;
    assert_eq!((current.as_str(), pace), ("9 % so far", GoalPace::OnTrack));
    // December's revenue entered with no partner sales in it: €180 of €12,000 = 1.5 %.
    t.set_month_revenue(&testing::revenue("2026-12", "10000"), &owner)
        .await
        .expect("revenue");
    assert_eq!(
        progress(&t).await,
        (
            "1.5 % so far".to_string(),
            GoalPace::Behind,
            "Behind: a straight line from 18 November 2026 to 20 % by the end of January \
             2027 is at 8 % today"
                .to_string()
        )
    );

    // February: January is over and the goal was not met.
    time.set(shop_time(2027, 2, 2, 10, 0, 0));
    let (_, pace, text) = progress(&t).await;
    assert_eq!(
        (pace, text.as_str()),
        (GoalPace::Missed, "Missed: January 2027 is over")
    );
}

#[tokio::test]
async fn a_customers_goal_counts_the_current_month_against_its_line() {
    let (t, time, code) = desk_on_10_october().await;
    let owner = Actor::owner();
    time.set(shop_time(2026, 11, 18, 10, 0, 0));
    t.add_goal(
        &goal(GoalKind::NewCustomersPerMonth, "4", "2026-12"),
        &owner,
    )
    .await
    .expect("goal");
    // A new customer in November: not December's.
    log_sale(&t, "nov", &code, "20", true).await;
    let (current, pace, text) = progress(&t).await;
    assert_eq!(
        (current.as_str(), pace),
        ("1 new customer this month", GoalPace::OnTrack)
    );
    assert_eq!(
        text,
        "On track: a straight line from 18 November 2026 to 4 new customers a month by the \
         end of December 2026 is at 0 new customers a month today"
    );

    // 10 December: 22 of 44 days gone, the line asks 2 a month; none yet this month.
    time.set(shop_time(2026, 12, 10, 10, 0, 0));
    let (current, pace, text) = progress(&t).await;
    assert_eq!(
        (current.as_str(), pace),
        ("0 new customers this month", GoalPace::Behind)
    );
    assert!(
        text.ends_with("is at 2 new customers a month today"),
        "{text}"
    );
    log_sale(&t, "dec-1", &code, "20", true).await;
    log_sale(&t, "dec-2", &code, "20", true).await;
    // A returning customer is no new one.
    log_sale(&t, "dec-3", &code, "20", false).await;
    let (current, pace, _) = progress(&t).await;
    assert_eq!(
        (current.as_str(), pace),
        ("2 new customers this month", GoalPace::OnTrack)
    );

    // January: December is over, and it is December that counted.
    time.set(shop_time(2027, 1, 5, 10, 0, 0));
    let (current, pace, text) = progress(&t).await;
    assert_eq!(
        (current.as_str(), pace, text.as_str()),
        (
            "2 new customers in December 2026",
            GoalPace::Missed,
            "Missed: December 2026 is over"
        )
    );
    // Two more that December would have needed, logged now, change nothing.
    log_sale(&t, "jan-1", &code, "20", true).await;
    log_sale(&t, "jan-2", &code, "20", true).await;
    assert_eq!(progress(&t).await.1, GoalPace::Missed);
}

#[tokio::test]
async fn a_met_goal_says_so() {
    let (t, time, code) = desk_on_10_october().await;
    time.set(shop_time(2026, 11, 18, 10, 0, 0));
    t.add_goal(
        &goal(GoalKind::NewCustomersPerMonth, "1", "2027-06"),
        &Actor::owner(),
    )
    .await
    .expect("goal");
    log_sale(&t, "nov", &code, "20", true).await;
    let d = t
        .dashboard(testing::month_of(day(2026, 11, 1)))
        .await
        .expect("dashboard");
    let g = &d.goals[0];
    assert_eq!(
        (g.met, g.pace, g.pace_text.as_str(), g.percent_done),
        (true, GoalPace::Met, "Met", 100)
    );
}
