//! Ledger stories: logging at the counter exactly once, limits that hold across tills,
//! voids as their own rows, and history that cannot be rewritten.

use partnerdesk_core::codes::{CodeOptions, LookupOutcome, ReferralCode};
use partnerdesk_core::error::{Field, LedgerError};
use partnerdesk_core::ledger::{LogOutcome, RedemptionInput, RedemptionView, VoidInput};
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::store::Dialect;
use partnerdesk_core::testing::{self, desk_with_profile, signed_partner, TestDesk};
use partnerdesk_core::{Actor, Desk, Error};

const TILL: &str = "Front till";

/// An active bakery whose signed terms give 10 % off sales of €5 or more and earn 8 % of
/// the amount after discount, capped at €150 a month unless `cap` says otherwise.
async fn bakery(t: &TestDesk, cap: &str) -> PartnerId {
    let mut terms = testing::terms();
    terms.reward_percent = "8".into();
    terms.monthly_cap = cap.into();
    signed_partner(t, "Crumb & Co. Bakery", &terms).await
}

async fn code(t: &Desk, p: PartnerId, limit: &str) -> ReferralCode {
    let options = CodeOptions {
        redemption_limit: limit.into(),
        with_prefix: true,
        ..Default::default()
    };
    t.issue_code(p, None, &options, &Actor::owner())
        .await
        .expect("issue")
}

fn attempt(key: &str, code: &str, sale: &str) -> RedemptionInput {
    RedemptionInput {
        idempotency_key: format!("attempt-{key}"),
        code: code.into(),
        sale: sale.into(),
        new_customer: true,
        note: String::new(),
        confirmed_large: false,
    }
}

async fn log(t: &Desk, input: &RedemptionInput) -> LogOutcome {
    t.log_redemption(input, TILL, &Actor::named("till"))
        .await
        .expect("log")
}

fn logged(outcome: LogOutcome) -> (RedemptionView, bool) {
    match outcome {
        LogOutcome::Logged {
            redemption,
            replayed,
        } => (*redemption, replayed),
        LogOutcome::Refused { outcome } => panic!("refused: {outcome:?}"),
    }
}

async fn count(t: &Desk) -> usize {
    t.redemptions().await.expect("redemptions").len()
}

#[tokio::test]
async fn a_valid_code_logs_the_amounts_the_terms_give() {
    let t = desk_with_profile().await;
    let p = bakery(&t, "150").await;
    let c = code(&t, p, "1").await;

    let (r, replayed) = logged(log(&t, &attempt("one", &c.printed.to_lowercase(), "12,50")).await);
    assert!(!replayed);
    assert_eq!(r.partner_name, "Crumb & Co. Bakery");
    assert_eq!(r.code, c.printed);
    // 10 % of €12.50 off; 8 % of the €11.25 paid is €0.90.
    assert_eq!((r.sale.as_str(), r.discount.as_str()), ("€12.50", "€1.25"));
    assert_eq!(
        (r.pays.as_str(), r.commission.as_str()),
        ("€11.25", "€0.90")
    );
    assert_eq!(r.till, TILL);
    assert!(r.new_customer && r.offer_applied && r.void.is_none());

    let stored = &partnerdesk_core::testing::todays_redemptions(&t).await[0];
    assert_eq!(
        (
            stored.sale.minor,
            stored.discount.minor,
            stored.commission.minor
        ),
        (1250, 125, 90)
    );
    assert_eq!(stored.agreement_version, 1);
    let audit = t
        .audit_trail(partnerdesk_core::audit::AuditEntity::Redemption, r.id.0)
        .await
        .expect("audit");
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].action, "log");
}

#[tokio::test]
async fn a_single_use_code_is_used_up_after_one_redemption() {
    let t = desk_with_profile().await;
    let p = bakery(&t, "").await;
    let c = code(&t, p, "1").await;
    logged(log(&t, &attempt("first", &c.printed, "8")).await);

    let again = log(&t, &attempt("second", &c.printed, "8")).await;
    let LogOutcome::Refused {
        outcome:
            LookupOutcome::UsedUp {
                uses,
                limit,
                last_till,
                ..
            },
    } = again
    else {
        panic!("expected used up, got {again:?}");
    };
    assert_eq!((uses, limit, last_till.as_str()), (1, 1, TILL));
    assert!(matches!(
        t.lookup_code(&c.printed).await.expect("lookup"),
        LookupOutcome::UsedUp { .. }
    ));
    assert_eq!(count(&t).await, 1);
}

#[tokio::test]
async fn the_same_attempt_twice_is_logged_once() {
    let t = desk_with_profile().await;
    let p = bakery(&t, "").await;
    let c = code(&t, p, "").await;
    let first = attempt("double-enter", &c.printed, "20.00");
    let (a, _) = logged(log(&t, &first).await);
    // Double Enter, or a retry after the reply was lost: the same key and content.
    let (b, replayed) = logged(log(&t, &first).await);
    assert!(replayed);
    assert_eq!(a, b);
    assert_eq!(count(&t).await, 1);

    // The same key with other content is a bug in the till, refused, and changes nothing.
    let mut changed = first.clone();
    changed.sale = "21.00".into();
    let err = t
        .log_redemption(&changed, TILL, &Actor::owner())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Ledger(LedgerError::KeyReused { existing }) if existing == a.id));
    assert_eq!(count(&t).await, 1);
}

#[tokio::test]
async fn a_retried_single_use_attempt_replays_instead_of_saying_used_up() {
    let t = desk_with_profile().await;
    let p = bakery(&t, "").await;
    let c = code(&t, p, "1").await;
    let first = attempt("lost-reply", &c.printed, "9");
    logged(log(&t, &first).await);
    let (_, replayed) = logged(log(&t, &first).await);
    assert!(replayed);
}

#[tokio::test]
async fn bad_amounts_are_refused_beside_the_field_and_save_nothing() {
    let t = desk_with_profile().await;
    let p = bakery(&t, "").await;
    let c = code(&t, p, "1").await;
    for (sale, message) in [
        ("", "Sale amount is required."),
        ("12.345", "Sale amount should be an amount like 12.50."),
        ("-3", "Sale amount should be an amount like 12.50."),
        ("1.234,50", "Sale amount should be an amount like 12.50."),
    ] {
        let err = t
            .log_redemption(&attempt("bad", &c.printed, sale), TILL, &Actor::owner())
            .await
            .unwrap_err();
        assert_eq!(err.field(), Some(Field::Sale), "{sale}");
        assert_eq!(err.to_string(), message, "{sale}");
    }
    assert_eq!(count(&t).await, 0);
    assert!(matches!(
        t.lookup_code(&c.printed).await.expect("lookup"),
        LookupOutcome::Valid { .. }
    ));
}

#[tokio::test]
async fn below_the_minimum_nothing_is_logged_and_the_card_stays_valid() {
    let t = desk_with_profile().await;
    let p = bakery(&t, "").await;
    let c = code(&t, p, "1").await;
    let err = t
        .log_redemption(&attempt("small", &c.printed, "4.99"), TILL, &Actor::owner())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some(Field::Sale));
    assert_eq!(
        err.to_string(),
        "The offer needs a sale of €5.00 or more. Nothing was logged; the card stays valid."
    );
    assert_eq!(count(&t).await, 0);
    logged(log(&t, &attempt("small", &c.printed, "5.00")).await);
}

#[tokio::test]
async fn a_retry_is_answered_by_its_key_whatever_changed_since() {
    let t = desk_with_profile().await;
    let p = bakery(&t, "").await;
    let c = code(&t, p, "1").await;
    let first = attempt("changed-since", &c.printed, "10");
    let (a, _) = logged(log(&t, &first).await);
    t.set_codes_enabled(&[c.id], false, &Actor::owner())
        .await
        .expect("disable");
    let (b, replayed) = logged(log(&t, &first).await);
    assert!(replayed && a == b, "the saved attempt stands");

    // The same key with another code, note or customer flag is not a retry.
    let other = code(&t, p, "").await;
    for changed in [
        RedemptionInput {
            code: other.printed.clone(),
            ..first.clone()
        },
        RedemptionInput {
            note: "x".into(),
            ..first.clone()
        },
        RedemptionInput {
            new_customer: false,
            ..first.clone()
        },
        RedemptionInput {
            sale: "abc".into(),
            ..first.clone()
        },
    ] {
        let err = t
            .log_redemption(&changed, TILL, &Actor::owner())
            .await
            .unwrap_err();
        assert!(
            matches!(err, Error::Ledger(LedgerError::KeyReused { existing }) if existing == a.id),
            "{err}"
        );
    }
    assert_eq!(count(&t).await, 1);
}

#[tokio::test]
async fn the_monthly_cap_holds_across_redemptions() {
    let t = desk_with_profile().await;
    let p = bakery(&t, "2").await;
    let c = code(&t, p, "").await;
    // €20 sale: €2 off, 8 % of €18 = €1.44 each; the cap of €2 leaves €0.56 for the second.
    let (a, _) = logged(log(&t, &attempt("cap-1", &c.printed, "20")).await);
    let (b, _) = logged(log(&t, &attempt("cap-2", &c.printed, "20")).await);
    let (z, _) = logged(log(&t, &attempt("cap-3", &c.printed, "20")).await);
    assert_eq!(
        (a.commission.as_str(), b.commission.as_str()),
        ("€1.44", "€0.56")
    );
    assert_eq!(z.commission, "€0.00");
}

#[tokio::test]
async fn two_tills_at_once_never_pass_a_codes_limit() {
    let t = desk_with_profile().await;
    let p = bakery(&t, "").await;
    let c = code(&t, p, "3").await;
    // A second desk on the same file is a second till: its own connections and lock.
    let other = t.second_till().await;
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..24 {
        let desk = if i % 2 == 0 {
            t.desk.clone()
        } else {
            other.clone()
        };
        let input = attempt(&format!("race-{i}"), &c.printed, "10");
        tasks.spawn(async move {
            desk.log_redemption(&input, &format!("Till {}", i % 2 + 1), &Actor::owner())
                .await
                .expect("log")
        });
    }
    let mut saved = 0;
    let mut used_up = 0;
    while let Some(done) = tasks.join_next().await {
        match done.expect("task") {
            LogOutcome::Logged { .. } => saved += 1,
            LogOutcome::Refused {
                outcome: LookupOutcome::UsedUp { .. },
            } => used_up += 1,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!((saved, used_up), (3, 21));
    assert_eq!(count(&t).await, 3);
}

#[tokio::test]
async fn a_void_is_its_own_row_and_gives_the_use_back_only_when_asked() {
    let t = desk_with_profile().await;
    let p = bakery(&t, "").await;
    let c = code(&t, p, "1").await;
    let (r, _) = logged(log(&t, &attempt("to-void", &c.printed, "10")).await);

    let blank = VoidInput {
        reason: "  ".into(),
        restore_use: false,
    };
    let err = t
        .void_redemption(r.id, &blank, &Actor::owner())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some(Field::Reason));

    let keep_used = VoidInput {
        reason: "Rang up twice".into(),
        restore_use: false,
    };
    let voided = t
        .void_redemption(r.id, &keep_used, &Actor::owner())
        .await
        .expect("void");
    let void = voided.void.expect("void shown");
    assert_eq!(
        (void.by.as_str(), void.reason.as_str()),
        ("owner", "Rang up twice")
    );
    // Still used up: the owner did not give the use back.
    assert!(matches!(
        t.lookup_code(&c.printed).await.expect("lookup"),
        LookupOutcome::UsedUp { .. }
    ));
    let again = t
        .void_redemption(r.id, &keep_used, &Actor::owner())
        .await
        .unwrap_err();
    assert!(
        matches!(
            &again,
            Error::Ledger(LedgerError::AlreadyVoided { id, by, reason })
                if *id == r.id && by == "owner" && reason == "Rang up twice"
        ),
        "{again:?}"
    );

    // A second card's use given back makes it valid again.
    let c2 = code(&t, p, "1").await;
    let (r2, _) = logged(log(&t, &attempt("to-restore", &c2.printed, "10")).await);
    let restore = VoidInput {
        reason: "Wrong card scanned".into(),
        restore_use: true,
    };
    t.void_redemption(r2.id, &restore, &Actor::owner())
        .await
        .expect("void");
    assert!(matches!(
        t.lookup_code(&c2.printed).await.expect("lookup"),
        LookupOutcome::Valid { .. }
    ));
    logged(log(&t, &attempt("reused", &c2.printed, "10")).await);

    // The redemptions stay, marked; the log holds the void.
    let all = t.redemptions().await.expect("all");
    assert_eq!(all.len(), 3);
    assert_eq!(all.iter().filter(|r| r.void.is_some()).count(), 2);
    let audit = t
        .audit_trail(partnerdesk_core::audit::AuditEntity::Redemption, r.id.0)
        .await
        .expect("audit");
    assert_eq!(
        audit.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["log", "void"]
    );
}

#[tokio::test]
async fn voided_commission_no_longer_counts_against_the_cap() {
    let t = desk_with_profile().await;
    let p = bakery(&t, "2").await;
    let c = code(&t, p, "").await;
    let (a, _) = logged(log(&t, &attempt("v-1", &c.printed, "20")).await);
    let void = VoidInput {
        reason: "Test sale".into(),
        restore_use: false,
    };
    t.void_redemption(a.id, &void, &Actor::owner())
        .await
        .expect("void");
    let (b, _) = logged(log(&t, &attempt("v-2", &c.printed, "20")).await);
    assert_eq!(b.commission, "€1.44");
}

#[tokio::test]
async fn not_even_raw_sql_rewrites_or_overuses_the_ledger() {
    let t = desk_with_profile().await;
    let p = bakery(&t, "").await;
    let c = code(&t, p, "1").await;
    let (r, _) = logged(log(&t, &attempt("raw", &c.printed, "10")).await);
    t.void_redemption(
        r.id,
        &VoidInput {
            reason: "Oops".into(),
            restore_use: false,
        },
        &Actor::owner(),
    )
    .await
    .expect("void");

    let before = testing::store_state(&t).await;
    let mut conn = testing::store_connection(&t).await;
    // Rewriting a redemption or void by inserting over it: SQLite's REPLACE deletes without
    // the DELETE trigger, and its own trigger stops it; a server has no REPLACE, and its
    // upsert meets the UPDATE triggers.
    let inserted_over = match conn.dialect() {
        Dialect::Sqlite => [
            "REPLACE INTO redemptions SELECT id, idempotency_key, code_id, partner_id,
                 agreement_version_id, redeemed_at, local_day, currency, 99999, 0, 99999,
                 offer_applied, new_customer, note, till, logged_by, logged_by_id
             FROM redemptions",
            "REPLACE INTO redemption_voids SELECT id, redemption_id, voided_at, voided_by,
                 reason, 1, voided_by_id
             FROM redemption_voids",
        ],
        Dialect::Postgres => [
            "INSERT INTO redemptions (id, idempotency_key, code_id, partner_id,
                 agreement_version_id, redeemed_at, local_day, currency, sale_minor,
                 discount_minor, commission_minor, offer_applied, new_customer, note, till,
                 logged_by, logged_by_id)
             SELECT id, idempotency_key, code_id, partner_id, agreement_version_id,
                 redeemed_at, local_day, currency, 99999, 0, 99999, offer_applied,
                 new_customer, note, till, logged_by, logged_by_id
             FROM redemptions
             ON CONFLICT (id) DO UPDATE SET sale_minor = excluded.sale_minor,
                 commission_minor = excluded.commission_minor",
            "INSERT INTO redemption_voids (id, redemption_id, voided_at, voided_by, reason,
                 restores_use, voided_by_id)
             SELECT id, redemption_id, voided_at, voided_by, reason, 1, voided_by_id
             FROM redemption_voids
             ON CONFLICT (id) DO UPDATE SET restores_use = excluded.restores_use",
        ],
    };
    let overwrites = [
        "UPDATE redemptions SET sale_minor = 1",
        "DELETE FROM redemptions",
        "UPDATE redemption_voids SET restores_use = 1",
        "DELETE FROM redemption_voids",
        // A second use of the single-use code, bypassing the app.
        "INSERT INTO redemptions (idempotency_key, code_id, partner_id, agreement_version_id,
             redeemed_at, local_day, currency, sale_minor, discount_minor, commission_minor,
             offer_applied, new_customer, note, till, logged_by, logged_by_id)
         SELECT 'raw-second-use', code_id, partner_id, agreement_version_id, redeemed_at,
             local_day, currency, sale_minor, discount_minor, commission_minor, offer_applied,
             new_customer, note, till, logged_by, logged_by_id
         FROM redemptions",
    ];
    for sql in overwrites.into_iter().chain(inserted_over) {
        let err = testing::execute(&mut conn, sql).await.expect_err(sql);
        let said = err.to_string();
        assert!(
            [
                "never changed",
                "never deleted",
                "never replaced",
                "redemption limit",
                "voided once"
            ]
            .iter()
            .any(|rule| said.contains(rule)),
            "{said}"
        );
    }
    conn.close().await.expect("close");
    assert_eq!(count(&t).await, 1);
    assert!(
        testing::store_state(&t).await == before,
        "the ledger changed"
    );
}

#[tokio::test]
async fn each_till_lists_its_own_last_twenty() {
    let t = desk_with_profile().await;
    let p = bakery(&t, "").await;
    let c = code(&t, p, "").await;
    assert_eq!(t.till_name().await.expect("till"), "Till 1");
    let err = t.set_till_name("   ", &Actor::owner()).await.unwrap_err();
    assert_eq!(err.field(), Some(Field::TillName));
    assert_eq!(
        t.set_till_name(" Window ", &Actor::owner())
            .await
            .expect("rename"),
        "Window"
    );
    assert_eq!(t.till_name().await.expect("till"), "Window");

    for i in 0..22 {
        let input = attempt(&format!("recent-{i:02}"), &c.printed, "10");
        t.log_redemption(&input, "Window", &Actor::owner())
            .await
            .expect("log");
    }
    logged(log(&t, &attempt("elsewhere", &c.printed, "10")).await);
    let recent = t.recent_redemptions("Window", None).await.expect("recent");
    assert_eq!(recent.len(), 20);
    assert!(
        recent.windows(2).all(|w| w[0].id.0 > w[1].id.0),
        "newest first"
    );
    assert!(recent.iter().all(|r| r.till == "Window"));
}
