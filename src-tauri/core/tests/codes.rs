//! Referral code stories: issuing, batches, and every lookup outcome at the counter.

use partnerdesk_core::codes::{CodeOptions, LookupOutcome, ReferralCode, Suggestion};
use partnerdesk_core::error::{CodeError, Field};
use partnerdesk_core::partners::{PartnerId, PartnerStatus};
use partnerdesk_core::testing::{
    self, day, desk_with_profile, partner, shop_time, signed_partner, TestDesk,
};
use partnerdesk_core::{Actor, Error};

async fn bakery_with_terms(t: &TestDesk) -> PartnerId {
    signed_partner(t, "Crumb & Co. Bakery", &testing::terms()).await
}

async fn one(t: &TestDesk, p: PartnerId, options: CodeOptions) -> ReferralCode {
    t.issue_code(p, None, &options, &Actor::owner())
        .await
        .expect("issue")
}

#[tokio::test]
async fn an_issued_code_is_valid_however_staff_type_it() {
    let t = desk_with_profile().await;
    let p = bakery_with_terms(&t).await;
    let code = one(
        &t,
        p,
        CodeOptions {
            with_prefix: true,
            ..Default::default()
        },
    )
    .await;
    assert!(code.printed.starts_with("BAKERY-"), "{}", code.printed);

    let sloppy = code
        .printed
        .to_lowercase()
        .replace('-', " ")
        .replace('0', "o")
        .replace('1', "l");
    for typed in [
        code.printed.clone(),
        code.code.clone(),
        sloppy,
        code.printed["BAKERY-".len()..].to_string(),
        // A scanner or a hurried hand that drops every dash, prefix included.
        code.printed.replace('-', ""),
        code.printed.replace('-', "").to_lowercase(),
    ] {
        match t.lookup_code(&typed).await.unwrap() {
            LookupOutcome::Valid {
                partner_name,
                offer,
                code: printed,
                ..
            } => {
                assert_eq!(partner_name, "Crumb & Co. Bakery");
                assert_eq!(offer, "10 % off, min €5.00");
                assert_eq!(printed, code.printed);
            }
            other => panic!("{typed}: {other:?}"),
        }
    }
}

/// MISTYPED offering `code`, which a lookup would find valid.
fn mistyped_towards(code: &ReferralCode) -> LookupOutcome {
    LookupOutcome::Mistyped {
        suggestion: Some(Suggestion {
            code: code.printed.clone(),
            answer: Box::new(LookupOutcome::Valid {
                code_id: code.id,
                code: code.printed.clone(),
                partner_id: code.partner_id,
                partner_name: "Crumb & Co. Bakery".into(),
                offer: "10 % off, min €5.00".into(),
                new_customers_only: false,
            }),
        }),
        ambiguous: false,
    }
}

#[tokio::test]
async fn a_one_character_slip_is_mistyped_with_the_right_suggestion_never_a_match() {
    let t = desk_with_profile().await;
    let p = bakery_with_terms(&t).await;
    let code = one(&t, p, CodeOptions::default()).await;
    let mut slipped = code.code.clone().into_bytes();
    slipped[2] = if slipped[2] == b'7' { b'8' } else { b'7' };
    let slipped = String::from_utf8(slipped).unwrap();
    assert_eq!(
        t.lookup_code(&slipped).await.unwrap(),
        mistyped_towards(&code)
    );
    let mut swapped = code.code.clone().into_bytes();
    swapped.swap(0, 1);
    if swapped != code.code.as_bytes() {
        let swapped = String::from_utf8(swapped).unwrap();
        assert_eq!(
            t.lookup_code(&swapped).await.unwrap(),
            mistyped_towards(&code)
        );
    }
    // A wrong prefix on a right code is also a slip.
    assert_eq!(
        t.lookup_code(&format!("BAKERX-{}", code.code))
            .await
            .unwrap(),
        mistyped_towards(&code)
    );
}

#[tokio::test]
async fn a_well_formed_code_nobody_issued_is_unknown() {
    let t = desk_with_profile().await;
    bakery_with_terms(&t).await;
    let body = "ZZZZZZ";
    let typed = format!(
        "{body}{}",
        partnerdesk_core::codes::check_symbol(body).unwrap()
    );
    assert_eq!(t.lookup_code(&typed).await.unwrap(), LookupOutcome::Unknown);
}

#[tokio::test]
async fn disabled_expired_early_inactive_and_termless_codes_each_say_why() {
    let t = desk_with_profile().await;
    let p = bakery_with_terms(&t).await;
    let disabled = one(&t, p, CodeOptions::default()).await;
    t.set_codes_enabled(&[disabled.id], false, &Actor::owner())
        .await
        .unwrap();
    let expired = one(
        &t,
        p,
        CodeOptions {
            valid_until: "2020-01-31".into(),
            ..Default::default()
        },
    )
    .await;
    let early = one(
        &t,
        p,
        CodeOptions {
            valid_from: "2099-01-01".into(),
            ..Default::default()
        },
    )
    .await;
    assert!(matches!(
        t.lookup_code(&disabled.code).await.unwrap(),
        LookupOutcome::Disabled { .. }
    ));
    assert!(matches!(
        t.lookup_code(&expired.code).await.unwrap(),
        LookupOutcome::Expired { .. }
    ));
    assert!(matches!(
        t.lookup_code(&early.code).await.unwrap(),
        LookupOutcome::NotYetValid { .. }
    ));

    let live = one(&t, p, CodeOptions::default()).await;
    t.change_partner_status(p, PartnerStatus::Paused, &Actor::owner())
        .await
        .unwrap();
    assert!(matches!(
        t.lookup_code(&live.code).await.unwrap(),
        LookupOutcome::PartnerNotActive {
            status: PartnerStatus::Paused,
            ..
        }
    ));

    let florist = t
        .create_partner(
            &partner("Green Leaf Florist"),
            PartnerStatus::Active,
            &Actor::owner(),
        )
        .await
        .unwrap();
    let termless = one(&t, florist.id, CodeOptions::default()).await;
    assert!(matches!(
        t.lookup_code(&termless.code).await.unwrap(),
        LookupOutcome::NoTerms { .. }
    ));
}

#[tokio::test]
async fn custom_codes_get_a_check_symbol_and_clash_ignoring_case() {
    let t = desk_with_profile().await;
    let p = bakery_with_terms(&t).await;
    let mine = t
        .issue_code(
            p,
            Some("coffee10"),
            &CodeOptions::default(),
            &Actor::owner(),
        )
        .await
        .unwrap();
    assert!(mine.code.starts_with("C0FFEE10"));
    let err = t
        .issue_code(
            p,
            Some("COFFEE-10"),
            &CodeOptions::default(),
            &Actor::owner(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Code(CodeError::Taken { .. })),
        "{err:?}"
    );
    assert_eq!(err.field(), Some(Field::Code));
    assert_eq!(t.codes_for(p).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_batch_of_two_hundred_single_use_codes_is_unique_and_reports_progress() {
    let t = desk_with_profile().await;
    let p = bakery_with_terms(&t).await;
    let options = CodeOptions {
        redemption_limit: "1".into(),
        ..Default::default()
    };
    let mut seen = Vec::new();
    let codes = t
        .issue_batch(p, 200, &options, &Actor::owner(), &mut |done, total| {
            seen.push((done, total))
        })
        .await
        .unwrap();
    assert_eq!(codes.len(), 200);
    let mut unique: Vec<_> = codes.iter().map(|c| c.code.clone()).collect();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 200);
    assert!(codes
        .iter()
        .all(|c| c.redemption_limit == Some(1) && c.batch.is_some()));
    assert_eq!(seen, [(100, 200), (200, 200)]);

    for bad in [0, 10_001] {
        let err = t
            .issue_batch(p, bad, &options, &Actor::owner(), &mut |_, _| {})
            .await
            .unwrap_err();
        assert_eq!(err.field(), Some(Field::Count));
    }
    let err = t
        .issue_code(
            p,
            None,
            &CodeOptions {
                redemption_limit: "0".into(),
                ..Default::default()
            },
            &Actor::owner(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some(Field::RedemptionLimit));
    assert_eq!(t.codes_for(p).await.unwrap().len(), 200);
}

#[tokio::test]
async fn codes_are_never_deleted_even_with_raw_sql() {
    let t = desk_with_profile().await;
    let p = bakery_with_terms(&t).await;
    one(&t, p, CodeOptions::default()).await;
    let mut conn = testing::store_connection(&t).await;
    let err = testing::execute(&mut conn, "DELETE FROM referral_codes")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("never deleted"));
    let err = testing::execute(&mut conn, "UPDATE referral_codes SET code = 'ABC0'")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("keeps its code"));
}

#[tokio::test]
async fn a_code_is_valid_on_the_first_and_last_day_of_its_window_only() {
    let t = desk_with_profile().await;
    let p = bakery_with_terms(&t).await;
    let windowed = CodeOptions {
        valid_from: "2026-03-01".into(),
        valid_until: "2026-03-31".into(),
        ..Default::default()
    };
    let code = one(&t, p, windowed).await.printed;
    let on = |d: u32, m: u32, h: u32, mi: u32, s: u32| shop_time(2026, m, d, h, mi, s);

    // The last second of the day before: not yet.
    t.time.set(on(28, 2, 23, 59, 59));
    match t.lookup_code(&code).await.expect("lookup") {
        LookupOutcome::NotYetValid { from, .. } => assert_eq!(from, day(2026, 3, 1)),
        other => panic!("day before: {other:?}"),
    }
    // From the first second of the first day to the last second of the last.
    for at in [on(1, 3, 0, 0, 0), on(31, 3, 23, 59, 59)] {
        t.time.set(at);
        let outcome = t.lookup_code(&code).await.expect("lookup");
        assert!(
            matches!(outcome, LookupOutcome::Valid { .. }),
            "{at}: {outcome:?}"
        );
    }
    // The first second of the day after: expired.
    t.time.set(on(1, 4, 0, 0, 0));
    match t.lookup_code(&code).await.expect("lookup") {
        LookupOutcome::Expired { until, .. } => assert_eq!(until, day(2026, 3, 31)),
        other => panic!("day after: {other:?}"),
    }
}
