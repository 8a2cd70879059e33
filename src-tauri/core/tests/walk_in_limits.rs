//! Walk-in limits in the terms: so many customers a day per partner, and offers for new
//! customers only. The counter refuses the day's last place twice over (at lookup and inside
//! the logging transaction), a void gives a place back, a new day starts afresh, the answer
//! to "first visit?" decides the discount in the core, and the agreement prints both limits.

use partnerdesk_core::codes::{CodeOptions, LookupOutcome, ReferralCode};
use partnerdesk_core::error::Field;
use partnerdesk_core::ledger::{LogOutcome, NoOffer, RedemptionInput, RedemptionView, VoidInput};
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::terms::TermsInput;
use partnerdesk_core::testing::{self, desk_with_profile, signed_partner, TestDesk};
use partnerdesk_core::{on, Actor, Desk};

const TILL: &str = "Front till";
const BAKERY: &str = "Crumb & Co. Bakery";

/// 10 % off sales of €5 or more, 8 % of the sale after discount, at most `per_day` a day
/// (blank for no limit), for new customers only when `new_only`.
fn limited(per_day: &str, new_only: bool) -> TermsInput {
    let mut terms = testing::terms();
    terms.reward_percent = "8".into();
    terms.daily_limit = per_day.into();
    terms.new_customers_only = new_only;
    terms
}

async fn bakery(t: &TestDesk, terms: &TermsInput) -> (PartnerId, ReferralCode) {
    let p = signed_partner(t, BAKERY, terms).await;
    let options = CodeOptions {
        with_prefix: true,
        ..Default::default()
    };
    let code = t
        .issue_code(p, None, &options, &Actor::owner())
        .await
        .expect("issue");
    (p, code)
}

fn attempt(key: &str, code: &str, sale: &str, new_customer: bool) -> RedemptionInput {
    RedemptionInput {
        idempotency_key: format!("walk-in-{key}"),
        code: code.into(),
        sale: sale.into(),
        new_customer,
        note: String::new(),
        confirmed_large: false,
    }
}

async fn log(t: &Desk, key: &str, code: &str, new_customer: bool) -> LogOutcome {
    t.log_redemption(
        &attempt(key, code, "20", new_customer),
        TILL,
        &Actor::named("till"),
    )
    .await
    .expect("log")
}

fn logged(outcome: LogOutcome) -> RedemptionView {
    match outcome {
        LogOutcome::Logged { redemption, .. } => *redemption,
        LogOutcome::Refused { outcome } => panic!("refused: {outcome:?}"),
    }
}

/// Logs `n` sales to new customers, keys `{key}-0` onwards.
async fn log_many(t: &Desk, key: &str, code: &str, n: usize) {
    for i in 0..n {
        logged(log(t, &format!("{key}-{i}"), code, true).await);
    }
}

fn is_day_used_up(outcome: &LookupOutcome, code: &str, limit: i64) -> bool {
    matches!(
        outcome,
        LookupOutcome::DailyLimitReached { code: c, partner_name, limit: l }
            if c == code && partner_name == BAKERY && *l == limit
    )
}

async fn count(t: &Desk) -> usize {
    t.redemptions().await.expect("redemptions").len()
}

#[tokio::test]
async fn the_twenty_first_of_twenty_today_is_refused_at_lookup_and_at_log() {
    let t = desk_with_profile().await;
    let (_, c) = bakery(&t, &limited("20", false)).await;
    log_many(&t, "day", &c.printed, 19).await;
    assert!(matches!(
        t.lookup_code(&c.printed).await.expect("lookup"),
        LookupOutcome::Valid { .. }
    ));
    logged(log(&t, "twentieth", &c.printed, true).await);

    let looked = t.lookup_code(&c.printed).await.expect("lookup");
    assert!(is_day_used_up(&looked, &c.printed, 20), "{looked:?}");
    let refused = log(&t, "twenty-first", &c.printed, true).await;
    let LogOutcome::Refused { outcome } = &refused else {
        panic!("logged past the day's limit: {refused:?}");
    };
    assert!(is_day_used_up(outcome, &c.printed, 20), "{outcome:?}");
    assert_eq!(count(&t).await, 20);
}

#[tokio::test]
async fn a_voided_redemption_gives_its_place_back() {
    let t = desk_with_profile().await;
    let (_, c) = bakery(&t, &limited("2", false)).await;
    let first = logged(log(&t, "void-1", &c.printed, true).await);
    logged(log(&t, "void-2", &c.printed, true).await);
    assert!(matches!(
        log(&t, "void-3", &c.printed, true).await,
        LogOutcome::Refused { .. }
    ));
    // A void that keeps the code's use still frees the day's place: the sale is gone.
    let void = VoidInput {
        reason: "Rang up twice".into(),
        restore_use: false,
    };
    t.void_redemption(first.id, &void, &Actor::owner())
        .await
        .expect("void");
    assert!(matches!(
        t.lookup_code(&c.printed).await.expect("lookup"),
        LookupOutcome::Valid { .. }
    ));
    logged(log(&t, "void-4", &c.printed, true).await);
    assert!(matches!(
        log(&t, "void-5", &c.printed, true).await,
        LogOutcome::Refused { .. }
    ));
}

#[tokio::test]
async fn the_next_shop_day_starts_afresh() {
    let t = desk_with_profile().await;
    let (_, c) = bakery(&t, &limited("1", false)).await;
    // Late in the shop's evening (already tomorrow in UTC): still today's one place.
    t.time.set(testing::shop_time(2026, 11, 18, 22, 30, 0));
    logged(log(&t, "evening", &c.printed, true).await);
    t.time.set(testing::shop_time(2026, 11, 18, 23, 59, 0));
    let looked = t.lookup_code(&c.printed).await.expect("lookup");
    assert!(is_day_used_up(&looked, &c.printed, 1), "{looked:?}");

    t.time.set(testing::shop_time(2026, 11, 19, 8, 0, 0));
    assert!(matches!(
        t.lookup_code(&c.printed).await.expect("lookup"),
        LookupOutcome::Valid { .. }
    ));
    let morning = logged(log(&t, "morning", &c.printed, true).await);
    assert_eq!(testing::day_logged(&t).await, testing::day(2026, 11, 19));
    assert_eq!(morning.partner_name, BAKERY);
}

#[tokio::test]
async fn two_tills_racing_for_the_last_place_log_exactly_one() {
    let t = desk_with_profile().await;
    let (_, c) = bakery(&t, &limited("3", false)).await;
    log_many(&t, "before", &c.printed, 2).await;
    // A second desk on the same file is a second till: its own connections and lock.
    let other = t.second_till().await;
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..12 {
        let desk = if i % 2 == 0 {
            t.desk.clone()
        } else {
            other.clone()
        };
        let input = attempt(&format!("race-{i}"), &c.printed, "20", true);
        tasks.spawn(async move {
            desk.log_redemption(&input, &format!("Till {}", i % 2 + 1), &Actor::owner())
                .await
                .expect("log")
        });
    }
    let (mut saved, mut refused) = (0, 0);
    while let Some(done) = tasks.join_next().await {
        match done.expect("task") {
            LogOutcome::Logged { .. } => saved += 1,
            LogOutcome::Refused {
                outcome: LookupOutcome::DailyLimitReached { limit: 3, .. },
            } => refused += 1,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!((saved, refused), (1, 11));
    assert_eq!(count(&t).await, 3);
}

#[tokio::test]
async fn the_days_places_count_redemptions_under_earlier_terms_too() {
    let t = desk_with_profile().await;
    let (p, c) = bakery(&t, &limited("", false)).await;
    log_many(&t, "morning", &c.printed, 2).await;
    // New terms from today allow two a day: the morning's two, under the old terms, used them.
    let mut from_today = limited("2", false);
    from_today.effective_from = testing::iso(testing::start_day());
    testing::sign_terms(&t, p, &from_today).await;
    let looked = t.lookup_code(&c.printed).await.expect("lookup");
    assert!(is_day_used_up(&looked, &c.printed, 2), "{looked:?}");
}

#[tokio::test]
async fn a_first_visit_earns_the_offer_and_a_returning_customer_logs_without_it() {
    let t = desk_with_profile().await;
    let (_, c) = bakery(&t, &limited("", true)).await;
    let looked = t.lookup_code(&c.printed).await.expect("lookup");
    let LookupOutcome::Valid {
        new_customers_only,
        offer,
        ..
    } = &looked
    else {
        panic!("{looked:?}");
    };
    assert!(new_customers_only, "the counter must ask");
    assert_eq!(offer, "10 % off, min €5.00, new customers only");

    // Yes: 10 % of €20 off, 8 % of the €18 paid.
    let yes = logged(log(&t, "first-visit", &c.printed, true).await);
    assert_eq!(
        (yes.discount.as_str(), yes.commission.as_str()),
        ("€2.00", "€1.44")
    );
    assert!(yes.offer_applied && yes.new_customer);

    // No: logged, as a returning customer, with nothing given and nothing earned; at an
    // amount under the offer's minimum too, since the minimum is not what refused it.
    let no = logged(log(&t, "returning", &c.printed, false).await);
    assert_eq!(
        (no.sale.as_str(), no.discount.as_str(), no.pays.as_str()),
        ("€20.00", "€0.00", "€20.00")
    );
    assert_eq!(no.commission, "€0.00");
    assert!(!no.offer_applied && !no.new_customer);
    // The counter says why from this, not by working it out.
    assert_eq!(
        (yes.no_offer, no.no_offer),
        (None, Some(NoOffer::NotNewCustomer))
    );
    let small = t
        .log_redemption(
            &attempt("returning-small", &c.printed, "2", false),
            TILL,
            &Actor::named("till"),
        )
        .await
        .expect("log");
    assert!(!logged(small).offer_applied);

    let stored = t.redemptions().await.expect("redemptions");
    let earned: i64 = stored.iter().map(|r| r.commission.minor).sum();
    assert_eq!(earned, 144, "only the first visit earns");
}

#[tokio::test]
async fn a_returning_customer_takes_none_of_the_days_places() {
    let t = desk_with_profile().await;
    let (_, c) = bakery(&t, &limited("1", true)).await;
    logged(log(&t, "returning", &c.printed, false).await);
    logged(log(&t, "first-visit", &c.printed, true).await);
    let looked = t.lookup_code(&c.printed).await.expect("lookup");
    assert!(is_day_used_up(&looked, &c.printed, 1), "{looked:?}");
}

#[tokio::test]
async fn the_agreement_states_both_limits() {
    let t = desk_with_profile().await;
    let (p, _) = bakery(&t, &limited("20", true)).await;
    let version = t
        .agreement_in_force_today(p)
        .await
        .expect("terms")
        .expect("signed");
    let pdf = t.agreement_pdf(version.id, None).await.expect("pdf");
    let words = testing::pdf_words(&pdf.bytes);
    for expected in [
        "Redemptions per day",
        "At most 20 a day",
        "Who can use it",
        "New customers only",
        "At most 20 customers a day. New customers only.",
    ] {
        assert!(
            words.contains(expected),
            "{expected:?} missing from: {words}"
        );
    }

    // Terms without limits print neither row.
    let plain = signed_partner(&t, "Café Müller", &limited("", false)).await;
    let version = t
        .agreement_in_force_today(plain)
        .await
        .expect("terms")
        .expect("signed");
    let words = testing::pdf_words(&t.agreement_pdf(version.id, None).await.expect("pdf").bytes);
    assert!(!words.contains("Redemptions per day"), "{words}");
    assert!(!words.contains("Who can use it"), "{words}");
}

#[tokio::test]
async fn a_daily_limit_outside_one_to_ten_thousand_is_refused_beside_its_field() {
    let t = desk_with_profile().await;
    let p = signed_partner(&t, BAKERY, &limited("", false)).await;
    for bad in ["0", "10001", "20.5", "twenty"] {
        let err = t
            .create_draft(p, Some(&limited(bad, false)), &Actor::owner())
            .await
            .expect_err(bad);
        assert_eq!(err.field(), Some(Field::DailyLimit), "{bad}");
    }
    let draft = t
        .create_draft(p, Some(&limited("10000", true)), &Actor::owner())
        .await
        .expect("draft");
    assert_eq!(
        (
            draft.terms.daily_limit.as_str(),
            draft.terms.new_customers_only
        ),
        ("10000", true)
    );
}

#[tokio::test]
async fn signed_limits_cannot_be_changed_even_by_raw_sql() {
    let t = desk_with_profile().await;
    let (p, _) = bakery(&t, &limited("20", true)).await;
    let signed = t
        .agreement_in_force_today(p)
        .await
        .expect("terms")
        .expect("signed");
    let mut conn = testing::store_connection(&t).await;
    for sql in [
        "UPDATE agreement_versions SET daily_limit = 500 WHERE id = $1",
        "UPDATE agreement_versions SET daily_limit = NULL WHERE id = $1",
        "UPDATE agreement_versions SET new_customers_only = 0 WHERE id = $1",
    ] {
        let err = on!(&mut conn, db => sqlx::query(sql)
            .bind(signed.id)
            .execute(db)
            .await
            .map(|done| done.rows_affected()))
        .expect_err(sql);
        assert!(
            err.to_string()
                .contains("signed agreement terms are immutable"),
            "{sql}: {err}"
        );
    }
    let again = t.agreement_version(signed.id).await.expect("version");
    assert_eq!(
        (again.terms.daily_limit, again.terms.new_customers_only),
        (Some(20), true)
    );
}

#[tokio::test]
async fn the_schema_refuses_a_redemption_past_the_days_limit() {
    let t = desk_with_profile().await;
    let (_, c) = bakery(&t, &limited("1", false)).await;
    logged(log(&t, "only", &c.printed, true).await);
    let mut conn = testing::store_connection(&t).await;
    // The same sale again under another key, bypassing the app.
    let err = testing::execute(
        &mut conn,
        "INSERT INTO redemptions (idempotency_key, code_id, partner_id, agreement_version_id,
             redeemed_at, local_day, currency, sale_minor, discount_minor, commission_minor,
             offer_applied, new_customer, note, till, logged_by, logged_by_id)
         SELECT 'raw-second-place', code_id, partner_id, agreement_version_id, redeemed_at,
             local_day, currency, sale_minor, discount_minor, commission_minor, offer_applied,
             new_customer, note, till, logged_by, logged_by_id
         FROM redemptions",
    )
    .await
    .expect_err("a second place");
    assert!(
        err.to_string().contains("used its redemptions for the day"),
        "{err}"
    );
    assert_eq!(count(&t).await, 1);
}
