//! Payout stories on the demo: paying the bakery, refusing to overpay without a yes,
//! reversing a mistake, and period figures that add up by hand.

use partnerdesk_core::codes::CodeOptions;
use partnerdesk_core::error::{Field, PayoutError};
use partnerdesk_core::ledger::RedemptionInput;
use partnerdesk_core::ledger::VoidInput;
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::payouts::PayoutInput;
use partnerdesk_core::terms::PayoutMethod;
use partnerdesk_core::testing::{
    self, day, day_logged, demo_desk, desk_with_profile, shop_time, signed_partner, start_day,
    TestDesk,
};
use partnerdesk_core::{Actor, Error};

fn payout(amount: &str) -> PayoutInput {
    PayoutInput {
        paid_on: start_day().format("%Y-%m-%d").to_string(),
        amount: amount.into(),
        method: PayoutMethod::BankTransfer,
        reference: "TRF 2026-11 Crumb".into(),
        period_from: String::new(),
        period_to: String::new(),
        confirm_over_balance: false,
    }
}

async fn owed(t: &TestDesk, partner: PartnerId) -> i64 {
    let day = day_logged(t).await;
    let period = t.partner_period(partner, (day, day)).await.expect("period");
    period.totals.closing_balance.minor
}

#[tokio::test]
async fn the_demo_bakery_period_adds_up_by_hand() {
    let (t, bakery) = demo_desk().await;
    let day = day_logged(&t).await;
    let p = t.partner_period(bakery, (day, day)).await.expect("period");
    let totals = p.totals;
    // Demo sales today: €12.50, €8.00 and €23.00, 10 % off each.
    assert_eq!(
        (totals.redemptions, totals.voided, totals.new_customers),
        (3, 0, 2)
    );
    assert_eq!(totals.sales.minor, 1250 + 800 + 2300);
    assert_eq!(totals.discounts.minor, 125 + 80 + 230);
    // 8 % of what was paid: €11.25 → €0.90; €7.20 → €0.576 → €0.58; €20.70 → €1.656 → €1.66.
    assert_eq!(totals.commissions.minor, 90 + 58 + 166);
    assert_eq!(
        (totals.opening_balance.minor, totals.closing_balance.minor),
        (0, 314)
    );
}

#[tokio::test]
async fn a_payout_lowers_the_balance_and_a_reversal_restores_it() {
    let (t, bakery) = demo_desk().await;
    let paid = t
        .record_payout(bakery, &payout("1,00"), &Actor::owner())
        .await
        .expect("pay");
    assert_eq!(paid.amount, "€1.00");
    assert_eq!(owed(&t, bakery).await, 214);

    let reversed = t
        .reverse_payout(paid.id, "Paid the wrong partner", &Actor::owner())
        .await
        .expect("reverse");
    assert_eq!(
        reversed.reversal.expect("reversal").reason,
        "Paid the wrong partner"
    );
    assert_eq!(owed(&t, bakery).await, 314);
    let again = t
        .reverse_payout(paid.id, "Twice", &Actor::owner())
        .await
        .unwrap_err();
    assert!(
        matches!(
            &again,
            Error::Payout(PayoutError::AlreadyReversed { by, reason })
                if by == "owner" && reason == "Paid the wrong partner"
        ),
        "{again:?}"
    );
    let trail = t
        .audit_trail(partnerdesk_core::audit::AuditEntity::Payout, paid.id.0)
        .await
        .expect("audit");
    assert_eq!(
        trail.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["record", "reverse"]
    );
}

#[tokio::test]
async fn paying_more_than_is_owed_needs_a_yes() {
    let (t, bakery) = demo_desk().await;
    let err = t
        .record_payout(bakery, &payout("5.00"), &Actor::owner())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some(Field::Amount));
    assert_eq!(
        err.to_string(),
        "€5.00 is more than the €3.14 this partner is owed. Confirm to pay it anyway."
    );
    assert_eq!(owed(&t, bakery).await, 314, "nothing saved");
    let mut sure = payout("5.00");
    sure.confirm_over_balance = true;
    t.record_payout(bakery, &sure, &Actor::owner())
        .await
        .expect("advance");
    assert_eq!(owed(&t, bakery).await, 314 - 500);
}

#[tokio::test]
async fn bad_payouts_are_refused_beside_their_field() {
    let (t, bakery) = demo_desk().await;
    let cases = [
        (
            PayoutInput {
                amount: "0".into(),
                ..payout("")
            },
            Field::Amount,
        ),
        (
            PayoutInput {
                amount: "abc".into(),
                ..payout("")
            },
            Field::Amount,
        ),
        (
            PayoutInput {
                paid_on: "".into(),
                ..payout("1")
            },
            Field::PaidOn,
        ),
        (
            PayoutInput {
                paid_on: "2999-01-01".into(),
                ..payout("1")
            },
            Field::PaidOn,
        ),
        (
            PayoutInput {
                period_from: "2026-11-30".into(),
                period_to: "2026-11-01".into(),
                ..payout("1")
            },
            Field::PeriodTo,
        ),
    ];
    for (input, field) in cases {
        let err = t
            .record_payout(bakery, &input, &Actor::owner())
            .await
            .unwrap_err();
        assert_eq!(err.field(), Some(field), "{err}");
    }
    assert_eq!(owed(&t, bakery).await, 314);
}

#[tokio::test]
async fn voided_redemptions_leave_the_balance() {
    let (t, bakery) = demo_desk().await;
    let first = testing::todays_redemptions(&t).await[0].id;
    let void = VoidInput {
        reason: "Test sale".into(),
        restore_use: false,
    };
    t.void_redemption(first, &void, &Actor::owner())
        .await
        .expect("void");
    let day = day_logged(&t).await;
    let totals = t
        .partner_period(bakery, (day, day))
        .await
        .expect("period")
        .totals;
    assert_eq!((totals.redemptions, totals.voided), (2, 1));
    assert_eq!(totals.commissions.minor, 58 + 166);
    assert_eq!(totals.closing_balance.minor, 58 + 166);
}

#[tokio::test]
async fn not_even_raw_sql_edits_a_payout() {
    let (t, bakery) = demo_desk().await;
    let paid = t
        .record_payout(bakery, &payout("1"), &Actor::owner())
        .await
        .expect("pay");
    t.reverse_payout(paid.id, "Oops", &Actor::owner())
        .await
        .expect("reverse");
    let mut conn = testing::store_connection(&t).await;
    for sql in [
        "UPDATE payouts SET amount_minor = 1",
        "DELETE FROM payouts",
        "UPDATE payout_reversals SET reason = 'x'",
        "DELETE FROM payout_reversals",
    ] {
        let err = testing::execute(&mut conn, sql).await.expect_err(sql);
        assert!(err.to_string().contains("payout"), "{err}");
    }
}

#[tokio::test]
async fn a_back_dated_payout_after_a_later_payout_of_the_whole_balance_asks_first() {
    let t = desk_with_profile().await;
    let mut terms = testing::terms();
    terms.reward_percent = "10".into();
    let bakery = signed_partner(&t, "Crumb & Co. Bakery", &terms).await;
    let code = t
        .issue_code(bakery, None, &CodeOptions::default(), &Actor::owner())
        .await
        .expect("code");
    // A €100 sale on 2 November earns 10 % of the €90 paid: €9.00.
    t.time.set(shop_time(2026, 11, 2, 10, 0, 0));
    let sale = RedemptionInput {
        idempotency_key: "back-dated-sale".into(),
        code: code.printed,
        sale: "100".into(),
        ..Default::default()
    };
    t.log_redemption(&sale, "Till 1", &Actor::owner())
        .await
        .expect("sale");
    t.time.set(shop_time(2026, 11, 18, 10, 0, 0));
    let dated = |on: &str, amount: &str| PayoutInput {
        paid_on: on.into(),
        ..payout(amount)
    };
    // On the 18th the whole €9.00 is paid.
    t.record_payout(bakery, &dated("2026-11-18", "9"), &Actor::owner())
        .await
        .expect("settle");
    // Then a payout dated the 10th: on that day €9.00 had been earned and nothing paid yet,
    // but the payout of the 18th already settled it, so this one is an advance.
    let err = t
        .record_payout(bakery, &dated("2026-11-10", "9"), &Actor::owner())
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "€9.00 is more than the €0.00 this partner is owed. Confirm to pay it anyway."
    );
    let paid = t
        .partner_period(bakery, (day(2026, 11, 1), day(2026, 11, 30)))
        .await
        .expect("period")
        .totals
        .payouts;
    assert_eq!(paid.minor, 900, "nothing saved");
}
