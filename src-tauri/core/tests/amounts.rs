//! Money that cannot be wrong: a sale between one cent and the owner's ceiling, a second
//! Enter above the "ask again" threshold, barcodes refused from the amount field, ceilings
//! on every other amount, a currency that stays put once amounts are saved in it, and sums
//! that count one currency and never wrap.

use partnerdesk_core::codes::{CodeOptions, ReferralCode};
use partnerdesk_core::error::{Field, LedgerError, MoneyError};
use partnerdesk_core::ledger::{LogOutcome, RedemptionInput, SaleLimitsInput};
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::payouts::PayoutInput;
use partnerdesk_core::program::{CostCategory, CostInput};
use partnerdesk_core::store::Conn;
use partnerdesk_core::terms::{OfferKind, RewardKind};
use partnerdesk_core::testing::{
    self, day_logged, demo_desk, desk_with_profile, execute, signed_partner, start_day,
    store_connection, TestDesk,
};
use partnerdesk_core::{on, Actor, Desk, Error};

async fn shop() -> (TestDesk, ReferralCode) {
    let t = desk_with_profile().await;
    // No minimum sale, so a cent is a sale the terms take.
    let mut terms = testing::terms();
    terms.min_sale = String::new();
    let p = signed_partner(&t, "Crumb & Co. Bakery", &terms).await;
    let code = t
        .issue_code(p, None, &CodeOptions::default(), &Actor::owner())
        .await
        .expect("issue");
    (t, code)
}

fn sale(key: &str, code: &ReferralCode, amount: &str) -> RedemptionInput {
    RedemptionInput {
        idempotency_key: format!("amounts-{key}"),
        code: code.printed.clone(),
        sale: amount.into(),
        ..Default::default()
    }
}

async fn log(t: &Desk, input: &RedemptionInput) -> partnerdesk_core::Result<LogOutcome> {
    t.log_redemption(input, "Front till", &Actor::named("till"))
        .await
}

async fn count(t: &Desk) -> usize {
    t.redemptions().await.expect("redemptions").len()
}

#[tokio::test]
async fn a_barcode_in_the_amount_field_is_refused_and_nothing_is_logged() {
    let (t, code) = shop().await;
    let err = log(&t, &sale("scan", &code, "4006381333931"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Ledger(LedgerError::LooksLikeBarcode)),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "This looks like a barcode, not an amount.");
    assert_eq!(err.field(), Some(Field::Sale));
    assert_eq!(count(&t).await, 0);
}

#[tokio::test]
async fn a_sale_over_the_ceiling_is_refused_with_the_limit_named() {
    let (t, code) = shop().await;
    let err = log(&t, &sale("big", &code, "10000.01")).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "At most €10,000.00 per sale: check the amount, or raise the limit in Settings."
    );
    assert_eq!(err.field(), Some(Field::Sale));
    // Confirming does not lift the ceiling: only the owner can, in Settings.
    let mut sure = sale("big", &code, "10000.01");
    sure.confirmed_large = true;
    assert!(log(&t, &sure).await.is_err());
    assert_eq!(count(&t).await, 0);
}

#[tokio::test]
async fn a_large_sale_is_logged_only_on_the_second_enter() {
    let (t, code) = shop().await;
    let first = sale("large", &code, "1234");
    let err = log(&t, &first).await.unwrap_err();
    assert!(
        matches!(err, Error::Ledger(LedgerError::ConfirmLarge { .. })),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "€1,234.00 — that is a large sale. Enter again to log it."
    );
    assert_eq!(count(&t).await, 0, "asking saved nothing");
    // The second Enter sends the same attempt, key and all, now confirmed.
    let again = RedemptionInput {
        confirmed_large: true,
        ..first
    };
    assert!(matches!(
        log(&t, &again).await.expect("confirmed"),
        LogOutcome::Logged {
            replayed: false,
            ..
        }
    ));
    assert_eq!(count(&t).await, 1);
    // At the threshold itself nothing is asked.
    log(&t, &sale("at", &code, "1000")).await.expect("at it");
}

#[tokio::test]
async fn a_sale_of_nothing_is_refused() {
    let (t, code) = shop().await;
    for nothing in ["0", "0.00"] {
        let err = log(&t, &sale("zero", &code, nothing)).await.unwrap_err();
        assert_eq!(err.field(), Some(Field::Sale), "{nothing}: {err}");
    }
    log(&t, &sale("cent", &code, "0.01")).await.expect("a cent");
}

#[tokio::test]
async fn the_owners_limits_are_what_the_counter_obeys() {
    let (t, code) = shop().await;
    let limits = t
        .save_sale_limits(
            &SaleLimitsInput {
                ceiling: "500".into(),
                confirm_above: "100,50".into(),
            },
            &Actor::owner(),
        )
        .await
        .expect("save");
    assert_eq!(
        (limits.ceiling.as_str(), limits.confirm_above.as_str()),
        ("€500.00", "€100.50")
    );
    assert_eq!(t.sale_limits().await.expect("read"), limits);
    let over = log(&t, &sale("over", &code, "600")).await.unwrap_err();
    assert!(
        over.to_string().starts_with("At most €500.00 per sale"),
        "{over}"
    );
    let asks = log(&t, &sale("ask", &code, "100.51")).await.unwrap_err();
    assert!(matches!(
        asks,
        Error::Ledger(LedgerError::ConfirmLarge { .. })
    ));
    log(&t, &sale("fine", &code, "100.50"))
        .await
        .expect("at the threshold");
}

#[tokio::test]
async fn limits_that_contradict_each_other_are_refused_and_nothing_changes() {
    let t = desk_with_profile().await;
    let before = t.sale_limits().await.expect("defaults");
    assert_eq!(
        (before.ceiling.as_str(), before.confirm_above.as_str()),
        ("€10,000.00", "€1,000.00")
    );
    for (ceiling, confirm, field) in [
        ("500", "600", Field::ConfirmAbove),
        ("0", "0", Field::SaleCeiling),
        ("2000000", "10", Field::SaleCeiling),
        ("500", "", Field::ConfirmAbove),
        ("lots", "10", Field::SaleCeiling),
    ] {
        let input = SaleLimitsInput {
            ceiling: ceiling.into(),
            confirm_above: confirm.into(),
        };
        let err = t
            .save_sale_limits(&input, &Actor::owner())
            .await
            .unwrap_err();
        assert_eq!(err.field(), Some(field), "{ceiling}/{confirm}: {err}");
    }
    assert_eq!(t.sale_limits().await.expect("read"), before);
}

#[tokio::test]
async fn costs_payouts_revenue_and_fixed_terms_have_ceilings() {
    let (t, bakery) = demo_desk().await;
    let owner = Actor::owner();
    let today = start_day().format("%Y-%m-%d").to_string();
    let cost = CostInput {
        spent_on: today.clone(),
        category: CostCategory::Printing,
        amount: "1000000.01".into(),
        partner_id: None,
        description: String::new(),
        campaign_id: None,
    };
    let err = t.add_cost(&cost, &owner).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "At most €1,000,000.00 per cost: check the amount."
    );
    let payout = PayoutInput {
        paid_on: today,
        amount: "1000000.01".into(),
        method: partnerdesk_core::terms::PayoutMethod::Cash,
        reference: String::new(),
        period_from: String::new(),
        period_to: String::new(),
        confirm_over_balance: true,
    };
    let err = t.record_payout(bakery, &payout, &owner).await.unwrap_err();
    assert_eq!(err.field(), Some(Field::Amount), "{err}");
    let err = t
        .set_month_revenue(&testing::revenue("2026-11", "99999999"), &owner)
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some(Field::Amount), "{err}");

    let mut terms = testing::terms();
    terms.offer_kind = OfferKind::AmountOff;
    terms.offer_amount = "10000.01".into();
    let err = t
        .create_draft(bakery, Some(&terms), &owner)
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some(Field::OfferAmount), "{err}");
    assert_eq!(err.to_string(), "At most €10,000.00: check the amount.");
    let mut terms = testing::terms();
    terms.reward_kind = RewardKind::FixedPerRedemption;
    terms.reward_amount = "20000".into();
    let err = t.preview_terms(&terms).await.unwrap_err();
    assert_eq!(err.field(), Some(Field::RewardAmount), "{err}");
    // At the ceiling itself each is taken.
    terms.reward_amount = "10000".into();
    t.preview_terms(&terms).await.expect("at the ceiling");
}

#[tokio::test]
async fn the_currency_stays_put_once_an_amount_is_saved() {
    let t = desk_with_profile().await;
    let owner = Actor::owner();
    assert_eq!(t.currency_lock().await.expect("lock"), None);
    let mut yen = testing::profile();
    yen.currency = "JPY".into();
    t.save_profile(&yen, &owner)
        .await
        .expect("nothing saved yet");
    t.save_profile(&testing::profile(), &owner)
        .await
        .expect("and back");

    t.set_month_revenue(&testing::revenue("2026-11", "1000"), &owner)
        .await
        .expect("revenue");
    let err = t.save_profile(&yen, &owner).await.unwrap_err();
    let sentence = "The currency cannot change once amounts are saved in EUR (redemptions, \
                    payouts…).";
    assert_eq!(err.to_string(), sentence);
    assert_eq!(err.field(), Some(Field::Currency));
    assert_eq!(t.profile().await.unwrap().unwrap().currency, "EUR");
    assert_eq!(
        t.currency_lock().await.expect("lock").as_deref(),
        Some(sentence)
    );
    // Everything else in the profile can still change.
    let mut renamed = testing::profile();
    renamed.name = "Bean There Café".into();
    t.save_profile(&renamed, &owner).await.expect("rename");
}

/// Copies of the demo's rows in US dollars, written past the app as a file from elsewhere
/// (or an old bug) could hold them.
async fn stray_dollars(t: &TestDesk, bakery: PartnerId) {
    let owner = Actor::owner();
    let day = start_day().format("%Y-%m-%d").to_string();
    let payout = PayoutInput {
        paid_on: day.clone(),
        amount: "1".into(),
        method: partnerdesk_core::terms::PayoutMethod::Cash,
        reference: String::new(),
        period_from: String::new(),
        period_to: String::new(),
        confirm_over_balance: false,
    };
    t.record_payout(bakery, &payout, &owner).await.expect("pay");
    let cost = CostInput {
        spent_on: day,
        category: CostCategory::Printing,
        amount: "2".into(),
        partner_id: Some(bakery),
        description: String::new(),
        campaign_id: None,
    };
    t.add_cost(&cost, &owner).await.expect("cost");
    let mut conn = store_connection(t).await;
    for sql in [
        "INSERT INTO redemptions (idempotency_key, code_id, partner_id, agreement_version_id,
             redeemed_at, local_day, currency, sale_minor, discount_minor, commission_minor,
             offer_applied, new_customer, note, till, logged_by)
         SELECT 'stray-dollars', (SELECT c.id FROM referral_codes c
                 WHERE c.partner_id = r.partner_id AND c.redemption_limit IS NULL LIMIT 1),
             partner_id, agreement_version_id, redeemed_at, local_day, 'USD', 999900, 100,
             50000, offer_applied, 1, note, till, logged_by
         FROM redemptions r LIMIT 1",
        "INSERT INTO payouts (partner_id, paid_on, currency, amount_minor, method, reference,
             recorded_at, recorded_by)
         SELECT partner_id, paid_on, 'USD', 70000, method, reference, recorded_at, recorded_by
         FROM payouts LIMIT 1",
        "INSERT INTO program_costs (spent_on, category, currency, amount_minor, partner_id,
             description, recorded_at, recorded_by)
         SELECT spent_on, category, 'USD', 30000, partner_id, description, recorded_at,
             recorded_by FROM program_costs",
        "INSERT INTO program_costs (spent_on, category, currency, amount_minor, partner_id,
             description, recorded_at, recorded_by)
         SELECT spent_on, category, 'USD', 40000, NULL, description, recorded_at, recorded_by
         FROM program_costs LIMIT 1",
    ] {
        execute(&mut conn, sql).await.expect(sql);
    }
}

#[tokio::test]
async fn every_sum_counts_the_shop_currency_only() {
    let (t, bakery) = demo_desk().await;
    let day = day_logged(&t).await;
    let before_period = t.partner_period(bakery, (day, day)).await.expect("period");
    let before_board = t.dashboard((day, day)).await.expect("dashboard");
    stray_dollars(&t, bakery).await;
    let mut conn = store_connection(&t).await;
    let month = day.format("%Y-%m").to_string();
    on!(&mut conn, db => sqlx::query(
        "INSERT INTO revenue_entries (month, currency, amount_minor, reason, entered_at,
             entered_by)
         VALUES ($1, 'USD', 500000, '', 0, 'owner')",
    )
    .bind(&month)
    .execute(db)
    .await
    .map(|done| done.rows_affected()))
    .expect("stray revenue");

    let period = t.partner_period(bakery, (day, day)).await.expect("period");
    let totals = period.totals;
    assert_eq!(totals.redemptions, before_period.totals.redemptions);
    assert_eq!(totals.sales, before_period.totals.sales);
    assert_eq!(totals.commissions, before_period.totals.commissions);
    // Only the €1.00 payout: the $700.00 one is not subtracted from euros.
    assert_eq!(totals.payouts.minor, 100);
    assert_eq!(
        totals.closing_balance.minor,
        before_period.totals.closing_balance.minor - 100
    );
    let board = t.dashboard((day, day)).await.expect("dashboard");
    assert_eq!(board.total.sales, before_board.total.sales);
    assert_eq!(board.total.commissions, before_board.total.commissions);
    assert_eq!(
        board.total.costs, "€2.00",
        "the €2.00 cost, not the dollars"
    );
    assert_eq!(
        board.shop_revenue, None,
        "the dollar revenue is not the shop's"
    );
    assert_eq!(
        board.weeks.iter().map(|w| w.sales_minor).sum::<i64>(),
        4350,
        "€43.50 of demo sales"
    );
    let costs = t.costs((day, day)).await.expect("costs");
    assert_eq!(costs.len(), 1, "{costs:?}");
    // The payout check counts euros too: the dollar payout does not make €2.14 look paid.
    let pay = PayoutInput {
        paid_on: day.format("%Y-%m-%d").to_string(),
        amount: "2.14".into(),
        method: partnerdesk_core::terms::PayoutMethod::Cash,
        reference: String::new(),
        period_from: String::new(),
        period_to: String::new(),
        confirm_over_balance: false,
    };
    t.record_payout(bakery, &pay, &Actor::owner())
        .await
        .expect("exactly what is owed in euros");
}

#[tokio::test]
async fn sums_too_large_to_count_answer_a_clear_error_not_a_wrapped_total() {
    let (t, bakery) = demo_desk().await;
    let day = day_logged(&t).await;
    let mut conn = store_connection(&t).await;
    // Two commissions of 2^62 cents on one day: each fits an amount, their sum does not.
    async fn huge_sale(conn: &mut Conn, key: &str) -> sqlx::Result<u64> {
        on!(conn, db => sqlx::query(
            "INSERT INTO redemptions (idempotency_key, code_id, partner_id,
                 agreement_version_id, redeemed_at, local_day, currency, sale_minor,
                 discount_minor, commission_minor, offer_applied, new_customer, note, till,
                 logged_by)
             SELECT $1, (SELECT c.id FROM referral_codes c
                     WHERE c.partner_id = r.partner_id AND c.redemption_limit IS NULL LIMIT 1),
                 partner_id, agreement_version_id, redeemed_at, local_day, currency,
                 4611686018427387904, 0, 4611686018427387904, offer_applied, 0, note, till,
                 logged_by
             FROM redemptions r ORDER BY r.id DESC LIMIT 1",
        )
        .bind(key)
        .execute(db)
        .await
        .map(|done| done.rows_affected()))
    }
    huge_sale(&mut conn, "huge-one").await.expect("one fits");
    let too_large = |err: Error| {
        assert!(matches!(err, Error::Money(MoneyError::TooLarge)), "{err:?}");
        assert!(err.to_string().contains("more than Partnerdesk can count"));
    };
    // The day's total would no longer be an integer: the write is refused, not wrapped.
    let refused = huge_sale(&mut conn, "huge-two").await.unwrap_err();
    too_large(Error::from(refused));
    // Months that each fit but do not add up: the balance refuses to count them.
    on!(&mut conn, db => sqlx::query(
        "INSERT INTO partner_month_totals (partner_id, currency, month, redemptions,
             new_customers, sales_minor, discounts_minor, commission_minor, sourced_sales_minor,
             sourced_discounts_minor)
         VALUES ($1, 'EUR', '2001-01', 1, 0, 4611686018427387904, 0, 4611686018427387904, 0, 0)",
    )
    .bind(bakery)
    .execute(db)
    .await
    .map(|done| done.rows_affected()))
    .expect("an old month's total");
    too_large(t.partner_period(bakery, (day, day)).await.unwrap_err());
    // A dashboard over the day itself sums the one huge sale beside the demo's: it fits.
    let board = t.dashboard((day, day)).await.expect("the day fits");
    assert!(board
        .weeks
        .iter()
        .any(|w| w.sales_minor >= 4611686018427387904));
    // Over the years from that old month to the day, the sales no longer add up.
    let since = chrono::NaiveDate::from_ymd_opt(2001, 1, 1).expect("date");
    too_large(t.dashboard((since, day)).await.unwrap_err());
}
