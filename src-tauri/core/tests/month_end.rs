//! A till open across midnight on the last day of a month: every day comes from what was
//! stored, by the shop's clock, never from UTC or the process's time zone. The test clock
//! keeps the shop five hours behind UTC, so 23:59:59 on 31 January at the shop is already
//! 1 February in UTC: a rule reading the UTC day would count it in the wrong month.

use chrono::{Datelike, NaiveDate, TimeDelta};
use partnerdesk_core::codes::{CodeOptions, LookupOutcome};
use partnerdesk_core::error::{Field, Problem};
use partnerdesk_core::ledger::Redemption;
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::payouts::PayoutInput;
use partnerdesk_core::program::{GoalInput, GoalKind};
use partnerdesk_core::terms::PayoutMethod;
use partnerdesk_core::testing::{
    self, day, desk_at, save_profile, shop_time, signed_partner, TestDesk,
};
use partnerdesk_core::{Actor, Error, ManualClock};

fn january() -> (NaiveDate, NaiveDate) {
    (day(2026, 1, 1), day(2026, 1, 31))
}

fn february() -> (NaiveDate, NaiveDate) {
    (day(2026, 2, 1), day(2026, 2, 28))
}

/// The desk, its bakery, a code valid until 31 January and a code valid any day.
struct January {
    t: TestDesk,
    bakery: PartnerId,
    january_only: String,
    any_day: String,
}

/// A desk set up on 10 January whose bakery earns 8 % capped at €1.00 a month, and a code
/// valid until 31 January. The clock steps a second per reading.
async fn january_desk() -> January {
    let clock = ManualClock::stepping(shop_time(2026, 1, 10, 12, 0, 0), TimeDelta::seconds(1));
    let t = desk_at(clock).await;
    save_profile(&t).await;
    let mut terms = testing::terms();
    terms.reward_percent = "8".into();
    terms.monthly_cap = "1".into();
    let bakery = signed_partner(&t, "Crumb & Co. Bakery", &terms).await;
    let options = CodeOptions {
        valid_until: "2026-01-31".into(),
        ..Default::default()
    };
    let january_only = t
        .issue_code(bakery, None, &options, &Actor::owner())
        .await
        .expect("code");
    let any_day = t
        .issue_code(bakery, None, &CodeOptions::default(), &Actor::owner())
        .await
        .expect("code");
    let goal = GoalInput {
        kind: GoalKind::NewCustomersPerMonth,
        target: "10".into(),
        by_month: "2026-12".into(),
    };
    t.add_goal(&goal, &Actor::owner()).await.expect("goal");
    January {
        t,
        bakery,
        january_only: january_only.printed,
        any_day: any_day.printed,
    }
}

/// Logs a €20 sale with `code` (10 % off, 8 % of €18 = €1.44 before the cap).
async fn sell(t: &TestDesk, key: &str, code: &str) -> Redemption {
    testing::log_sale(t, key, code, "20", true).await
}

#[tokio::test]
async fn a_sale_at_23_59_59_on_the_last_day_counts_in_that_month_and_the_cap_resets_after() {
    let January {
        t,
        january_only,
        any_day,
        ..
    } = january_desk().await;

    t.time.set(shop_time(2026, 1, 31, 23, 59, 50));
    let early = sell(&t, "early", &any_day).await;
    t.time.set(shop_time(2026, 1, 31, 23, 59, 59));
    let last_second = sell(&t, "last-second", &january_only).await;
    // The clock steps on by itself: the next sale is after midnight, in February.
    let after = sell(&t, "after-midnight", &any_day).await;

    // 23:59:59 at the shop is 04:59:59 UTC on 1 February; it is stored as 31 January.
    assert_eq!(last_second.redeemed_at, shop_time(2026, 1, 31, 23, 59, 59));
    assert_eq!(
        last_second.redeemed_at.day(),
        1,
        "the UTC day is already February"
    );
    assert_eq!(
        (early.local_day, last_second.local_day, after.local_day),
        (day(2026, 1, 31), day(2026, 1, 31), day(2026, 2, 1))
    );
    // The €1.00 cap: reached by the first January sale, fresh again in February.
    assert_eq!(
        (
            early.commission.minor,
            last_second.commission.minor,
            after.commission.minor
        ),
        (100, 0, 100)
    );

    // The January-only code was good at 23:59:59 and is expired now.
    match t.lookup_code(&january_only).await.expect("lookup") {
        LookupOutcome::Expired { until, .. } => assert_eq!(until, day(2026, 1, 31)),
        other => panic!("{other:?}"),
    }

    // Figures by month follow the stored days.
    let (jan, _) = t.program_figures(january()).await.expect("january");
    let (feb, _) = t.program_figures(february()).await.expect("february");
    assert_eq!((jan.redemptions, jan.commissions.minor), (2, 100));
    assert_eq!((feb.redemptions, feb.commissions.minor), (1, 100));

    // "This month" on the dashboard is February now, whatever range is shown.
    let board = t.dashboard(january()).await.expect("dashboard");
    assert_eq!(board.total.redemptions, 2);
    assert_eq!(board.goals[0].current, "1 new customer this month");
}

#[tokio::test]
async fn payouts_after_midnight_are_dated_by_the_shops_new_day() {
    let January {
        t, bakery, any_day, ..
    } = january_desk().await;
    t.time.set(shop_time(2026, 1, 31, 23, 59, 58));
    sell(&t, "before", &any_day).await;
    // Past midnight at the shop (05:00 UTC): 1 February may be paid on, 2 February not yet.
    t.time.set(shop_time(2026, 2, 1, 0, 0, 5));
    let pay = |on: &str| PayoutInput {
        paid_on: on.into(),
        amount: "0,40".into(),
        method: PayoutMethod::BankTransfer,
        reference: "TRF Feb".into(),
        period_from: String::new(),
        period_to: String::new(),
        confirm_over_balance: false,
    };
    let err = t
        .record_payout(bakery, &pay("2026-02-02"), &Actor::owner())
        .await
        .expect_err("tomorrow");
    match err {
        Error::Invalid(e) => {
            assert_eq!(e.field, Field::PaidOn);
            assert!(matches!(e.problem, Problem::Malformed { .. }), "{e:?}");
        }
        other => panic!("{other:?}"),
    }
    t.record_payout(bakery, &pay("2026-02-01"), &Actor::owner())
        .await
        .expect("paid today");

    let jan = t.partner_period(bakery, january()).await.expect("january");
    let feb = t
        .partner_period(bakery, february())
        .await
        .expect("february");
    assert_eq!(
        (
            jan.totals.commissions.minor,
            jan.totals.closing_balance.minor
        ),
        (100, 100)
    );
    assert_eq!(
        (feb.totals.payouts.minor, feb.totals.closing_balance.minor),
        (40, 60)
    );
}
