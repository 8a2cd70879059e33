//! Two-way accounts on the demo bakery: what we owe them (their commissions, less payouts)
//! and what they owe us (their statements, less what they paid), the net and which way it
//! points, and month-end settlements in both directions that clear both sides.

use partnerdesk_core::error::{Field, ReceivableError, SettlementError};
use partnerdesk_core::ledger::VoidInput;
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::receivables::{ReceivableInput, ReceivableSource};
use partnerdesk_core::settlements::{MonthEndRow, NetDirection, SettlementInput};
use partnerdesk_core::terms::PayoutMethod;
use partnerdesk_core::testing::{self, demo_desk, iso, month_of, start_day, TestDesk};
use partnerdesk_core::{on, Actor, Error};

fn month() -> (chrono::NaiveDate, chrono::NaiveDate) {
    month_of(start_day())
}

fn their_statement(amount: &str, customers: &str) -> ReceivableInput {
    let (from, _) = month();
    ReceivableInput {
        period_from: iso(from),
        period_to: iso(start_day()),
        customers: customers.into(),
        amount: amount.into(),
        reference: "Crumb statement 11/2026".into(),
    }
}

fn settlement(amount: &str) -> SettlementInput {
    let (from, to) = month();
    SettlementInput {
        period_from: iso(from),
        period_to: iso(to),
        settled_on: iso(start_day()),
        amount: amount.into(),
        method: PayoutMethod::BankTransfer,
        reference: "TRF 2026-11".into(),
    }
}

async fn row(t: &TestDesk, partner: PartnerId) -> MonthEndRow {
    t.month_end(month())
        .await
        .expect("month-end")
        .rows
        .into_iter()
        .find(|r| r.partner_id == partner)
        .expect("the partner's row")
}

#[tokio::test]
async fn both_sides_count_voids_and_reversals_out() {
    let (t, bakery) = demo_desk().await;
    let before = row(&t, bakery).await;
    assert_eq!(before.we_owe, "€3.14");
    assert_eq!(before.they_owe, "€0.00");
    assert_eq!(before.net.direction, NetDirection::WeOwe);

    let entered = t
        .record_receivable(bakery, &their_statement("2.00", "3"), &Actor::owner())
        .await
        .expect("typed statement");
    assert_eq!(entered.source, ReceivableSource::Typed);
    let r = row(&t, bakery).await;
    assert_eq!((r.we_owe.as_str(), r.they_owe.as_str()), ("€3.14", "€2.00"));
    assert_eq!(
        (r.net.direction, r.net.amount.as_str()),
        (NetDirection::WeOwe, "€1.14")
    );
    assert!(r.two_way, "a partner who sent a statement is two-way");

    // A void on our side: the €0.90 commission of the first sale no longer counts.
    let first = partnerdesk_core::testing::todays_redemptions(&t).await[0].id;
    let void = VoidInput {
        reason: "Rung up twice".into(),
        restore_use: false,
    };
    t.void_redemption(first, &void, &Actor::owner())
        .await
        .expect("void");
    let r = row(&t, bakery).await;
    assert_eq!(r.we_owe, "€2.24", "€3.14 less the voided €0.90");

    // A reversal on theirs: the statement entered wrong no longer counts.
    t.reverse_receivable(entered.id, "Wrong month", &Actor::owner())
        .await
        .expect("reverse");
    let r = row(&t, bakery).await;
    assert_eq!(r.they_owe, "€0.00");
    let listed = t.receivables(bakery).await.expect("list");
    let listed = listed
        .iter()
        .find(|x| x.id == entered.id)
        .expect("a reversed entry stays listed");
    assert_eq!(
        listed.reversal.as_ref().map(|x| x.reason.as_str()),
        Some("Wrong month")
    );
    let again = t
        .reverse_receivable(entered.id, "Twice", &Actor::owner())
        .await;
    assert!(matches!(
        again,
        Err(Error::Receivable(ReceivableError::AlreadyReversed { .. }))
    ));
}

#[tokio::test]
async fn a_period_is_entered_once_until_reversed() {
    let (t, bakery) = demo_desk().await;
    let first = t
        .record_receivable(bakery, &their_statement("2.00", "3"), &Actor::owner())
        .await
        .expect("first");
    let twice = t
        .record_receivable(bakery, &their_statement("2.00", "3"), &Actor::owner())
        .await
        .expect_err("the same period twice");
    assert!(matches!(
        twice,
        Error::Receivable(ReceivableError::PeriodEntered { .. })
    ));
    assert_eq!(twice.field(), Some(Field::PeriodFrom));
    t.reverse_receivable(first.id, "Typed the wrong amount", &Actor::owner())
        .await
        .expect("reverse");
    t.record_receivable(bakery, &their_statement("2.50", "3"), &Actor::owner())
        .await
        .expect("entered again after the reversal");
    assert_eq!(row(&t, bakery).await.they_owe, "€2.50");
}

#[tokio::test]
async fn bad_statement_input_is_refused_beside_its_field() {
    let (t, bakery) = demo_desk().await;
    let cases = [
        (
            ReceivableInput {
                customers: "many".into(),
                ..their_statement("2.00", "")
            },
            Field::Customers,
        ),
        (their_statement("-2", "1"), Field::Amount),
        (their_statement("", "1"), Field::Amount),
        (
            ReceivableInput {
                period_to: "2026-10-01".into(),
                ..their_statement("2.00", "1")
            },
            Field::PeriodTo,
        ),
    ];
    let entered = t.receivables(bakery).await.expect("list").len();
    for (input, field) in cases {
        let err = t
            .record_receivable(bakery, &input, &Actor::owner())
            .await
            .expect_err("refused");
        assert_eq!(err.field(), Some(field), "{err}");
    }
    assert_eq!(
        t.receivables(bakery).await.expect("list").len(),
        entered,
        "nothing entered"
    );
}

#[tokio::test]
async fn settling_when_we_owe_pays_the_net_and_clears_both_sides() {
    let (t, bakery) = demo_desk().await;
    t.record_receivable(bakery, &their_statement("2.00", "3"), &Actor::owner())
        .await
        .expect("statement");
    let r = row(&t, bakery).await;
    assert_eq!(r.proposed_amount, "1.14");
    let done = t
        .settle(bakery, &settlement(&r.proposed_amount), &Actor::owner())
        .await
        .expect("settle");
    assert_eq!(done.direction, NetDirection::WeOwe);
    assert_eq!(
        (done.we_owed.as_str(), done.they_owed.as_str()),
        ("€3.14", "€2.00")
    );
    assert_eq!(done.paid, "€1.14");
    let r = row(&t, bakery).await;
    assert_eq!((r.we_owe.as_str(), r.they_owe.as_str()), ("€0.00", "€0.00"));
    assert_eq!(r.net.direction, NetDirection::Even);
    assert_eq!(r.settlement.as_ref().map(|s| s.id), Some(done.id));

    // Our side: one payout of what we owed, linked and labelled; their side: one receipt.
    let (from, to) = month();
    let money = t.partner_money(bakery, (from, to)).await.expect("money");
    assert_eq!(money.payouts.len(), 1);
    assert_eq!(money.payouts[0].amount, "€3.14");
    assert!(money.payouts[0]
        .reference
        .starts_with(&format!("Settlement No. {}", done.id.0)));
    assert_eq!(money.closing.amount, "€0.00");

    // Reversed, both sides read as before it.
    t.reverse_settlement(done.id, "Transfer bounced", &Actor::owner())
        .await
        .expect("reverse");
    let r = row(&t, bakery).await;
    assert_eq!((r.we_owe.as_str(), r.they_owe.as_str()), ("€3.14", "€2.00"));
    assert!(r.settlement.is_none());
    let again = t
        .reverse_settlement(done.id, "Twice", &Actor::owner())
        .await;
    assert!(matches!(
        again,
        Err(Error::Settlement(SettlementError::AlreadyReversed { .. }))
    ));
}

#[tokio::test]
async fn settling_when_they_owe_takes_their_payment_and_clears_both_sides() {
    let (t, bakery) = demo_desk().await;
    t.record_receivable(bakery, &their_statement("5.00", "7"), &Actor::owner())
        .await
        .expect("statement");
    let r = row(&t, bakery).await;
    assert_eq!(
        (r.net.direction, r.net.amount.as_str()),
        (NetDirection::TheyOwe, "€1.86")
    );
    let done = t
        .settle(bakery, &settlement(&r.proposed_amount), &Actor::owner())
        .await
        .expect("settle");
    assert_eq!(done.direction, NetDirection::TheyOwe);
    let r = row(&t, bakery).await;
    assert_eq!((r.we_owe.as_str(), r.they_owe.as_str()), ("€0.00", "€0.00"));
}

#[tokio::test]
async fn paying_less_than_the_net_leaves_the_rest_owed() {
    let (t, bakery) = demo_desk().await;
    t.record_receivable(bakery, &their_statement("2.00", "3"), &Actor::owner())
        .await
        .expect("statement");
    t.settle(bakery, &settlement("1.00"), &Actor::owner())
        .await
        .expect("settle");
    let r = row(&t, bakery).await;
    assert_eq!((r.we_owe.as_str(), r.they_owe.as_str()), ("€0.14", "€0.00"));
}

#[tokio::test]
async fn even_sides_settle_with_no_payment_and_nothing_owed_is_refused() {
    let (t, bakery) = demo_desk().await;
    t.record_receivable(bakery, &their_statement("3.14", "4"), &Actor::owner())
        .await
        .expect("statement");
    let err = t
        .settle(bakery, &settlement("1.00"), &Actor::owner())
        .await
        .expect_err("money on an even account");
    assert!(matches!(
        err,
        Error::Settlement(SettlementError::EvenPaysNothing)
    ));
    assert_eq!(err.field(), Some(Field::Amount));
    t.settle(bakery, &settlement("0"), &Actor::owner())
        .await
        .expect("set off");
    let r = row(&t, bakery).await;
    assert_eq!((r.we_owe.as_str(), r.they_owe.as_str()), ("€0.00", "€0.00"));
    let nothing = t
        .settle(bakery, &settlement("0"), &Actor::owner())
        .await
        .expect_err("nothing left");
    assert!(matches!(
        nothing,
        Error::Settlement(SettlementError::NothingToSettle { .. })
    ));
}

#[tokio::test]
async fn the_dashboard_counts_what_partners_owe_us_as_income() {
    let (t, bakery) = demo_desk().await;
    let before = t.dashboard(month()).await.expect("dashboard");
    t.record_receivable(bakery, &their_statement("2.00", "3"), &Actor::owner())
        .await
        .expect("statement");
    let after = t.dashboard(month()).await.expect("dashboard");
    assert_eq!(before.total.income, "€0.00");
    assert_eq!(after.total.income, "€2.00");
    let bakery_row = after
        .partners
        .iter()
        .find(|p| p.partner_id == bakery)
        .expect("bakery");
    assert_eq!(bakery_row.figures.income, "€2.00");
    assert_ne!(
        before.total.roi, after.total.roi,
        "income raises the return"
    );
}

#[tokio::test]
async fn reciprocal_terms_print_both_directions_and_make_the_partner_two_way() {
    let (t, _) = demo_desk().await;
    let mut terms = testing::terms();
    terms.reward_percent = "8".into();
    terms.reciprocal = true;
    let deli = testing::signed_partner(&t, "Café Müller Łódź", &terms).await;
    let version = t
        .agreement_in_force_today(deli)
        .await
        .expect("terms")
        .expect("signed");
    assert!(version.terms.reciprocal);
    let pdf = t.agreement_pdf(version.id, None).await.expect("pdf");
    let words = testing::pdf_words(&pdf.bytes);
    for expected in [
        "Two-way",
        "Offer to customers Café Müller Łódź sends us",
        "Offer to customers Bean There Coffee sends Café Müller Łódź",
        "Reward Bean There Coffee pays Café Müller Łódź",
        "Reward Café Müller Łódź pays Bean There Coffee",
    ] {
        assert!(
            words.contains(expected),
            "{expected:?} missing from: {words}"
        );
    }
    // Signed terms keep their answer: the schema refuses a change on a signed row.
    let mut conn = testing::store_connection(&t).await;
    let refused = on!(&mut conn, db => sqlx::query(
        "UPDATE agreement_versions SET reciprocal = 0 WHERE id = $1",
    )
    .bind(version.id)
    .execute(db)
    .await
    .map(|done| done.rows_affected()));
    assert!(refused.is_err(), "a signed version's direction changed");
}
