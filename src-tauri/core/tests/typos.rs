//! Typo stories at the counter: every slip of a hurried hand is answered MISTYPED with the
//! one card it came from, says what that card would answer, never picks between two cards,
//! and a text longer than any code is refused before any work.

use std::time::{Duration, Instant};

use partnerdesk_core::codes::{
    check_symbol, grouped, is_valid, normalise, CodeOptions, LookupOutcome, ReferralCode,
    Suggestion, ALPHABET,
};
use partnerdesk_core::error::Field;
use partnerdesk_core::ledger::{LogOutcome, RedemptionInput};
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::testing::{self, desk_with_profile, signed_partner, TestDesk};
use partnerdesk_core::{Actor, Desk, Error};

const REFUSED_TOO_LONG: &str = "That is longer than any code (64 characters at most).";

async fn bakery(t: &TestDesk) -> PartnerId {
    signed_partner(t, "Crumb & Co. Bakery", &testing::terms()).await
}

fn with_prefix(limit: &str) -> CodeOptions {
    CodeOptions {
        with_prefix: true,
        redemption_limit: limit.into(),
        ..Default::default()
    }
}

async fn issue(
    t: &Desk,
    p: PartnerId,
    custom: Option<&str>,
    options: &CodeOptions,
) -> ReferralCode {
    t.issue_code(p, custom, options, &Actor::owner())
        .await
        .expect("issue")
}

fn attempt(key: &str, code: &str) -> RedemptionInput {
    RedemptionInput {
        idempotency_key: format!("attempt-{key}"),
        code: code.into(),
        sale: "12.50".into(),
        new_customer: false,
        note: String::new(),
        confirmed_large: false,
    }
}

/// The card a MISTYPED answer offers, or a panic saying what was answered instead.
fn offered(typed: &str, outcome: LookupOutcome) -> Suggestion {
    match outcome {
        LookupOutcome::Mistyped {
            suggestion: Some(s),
            ambiguous: false,
        } => s,
        other => panic!("{typed}: {other:?}"),
    }
}

async fn lookup(t: &Desk, typed: &str) -> LookupOutcome {
    t.lookup_code(typed).await.expect("lookup")
}

#[tokio::test]
async fn a_slip_typed_with_its_prefix_is_mistyped_even_when_the_whole_text_passes_its_check() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let card = issue(&t, p, None, &with_prefix("")).await;
    // The slips whose whole text, prefix and all, reads as a valid code: once in 37 times.
    let mut tried = 0;
    for at in 0..card.code.len() - 1 {
        for &s in ALPHABET.iter().filter(|&&s| s != card.code.as_bytes()[at]) {
            let mut slipped = card.code.clone().into_bytes();
            slipped[at] = s;
            let typed = grouped(Some("BAKERY"), &String::from_utf8(slipped).expect("ascii"));
            if !is_valid(&normalise(&typed)) {
                continue;
            }
            tried += 1;
            let suggestion = offered(&typed, lookup(&t, &typed).await);
            assert_eq!(suggestion.code, card.printed, "{typed}");
        }
    }
    assert!(
        tried > 0,
        "{}: some slip reads whole as a valid code",
        card.printed
    );
}

#[tokio::test]
async fn a_dropped_or_doubled_character_is_mistyped_with_the_card_it_came_from() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let card = issue(&t, p, None, &with_prefix("")).await;
    let body = &card.code;
    for at in 0..body.len() {
        let dropped = format!("{}{}", &body[..at], &body[at + 1..]);
        let doubled = format!("{}{}", &body[..=at], &body[at..]);
        for typed in [
            grouped(Some("BAKERY"), &dropped),
            grouped(None, &dropped).to_lowercase(),
            grouped(Some("BAKERY"), &doubled).to_lowercase(),
            grouped(None, &doubled),
        ] {
            let suggestion = offered(&typed, lookup(&t, &typed).await);
            assert_eq!(suggestion.code, card.printed, "{typed}");
            assert!(
                matches!(*suggestion.answer, LookupOutcome::Valid { .. }),
                "{typed}: {:?}",
                suggestion.answer
            );
        }
    }
}

#[tokio::test]
async fn a_suggestion_says_what_the_card_would_answer_in_the_same_words() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let used = issue(&t, p, None, &with_prefix("1")).await;
    t.log_redemption(
        &attempt("first-use", &used.printed),
        "Till 1",
        &Actor::owner(),
    )
    .await
    .expect("first use");
    let expired = issue(
        &t,
        p,
        None,
        &CodeOptions {
            valid_until: "2020-01-31".into(),
            ..with_prefix("")
        },
    )
    .await;
    let early = issue(
        &t,
        p,
        None,
        &CodeOptions {
            valid_from: "2099-01-01".into(),
            ..with_prefix("")
        },
    )
    .await;
    let disabled = issue(&t, p, None, &with_prefix("")).await;
    t.set_codes_enabled(&[disabled.id], false, &Actor::owner())
        .await
        .expect("disable");
    for card in [used, expired, early, disabled] {
        // Its last symbol dropped: the slip a direct lookup of the card would never see.
        let typed = &card.printed[..card.printed.len() - 1];
        let suggestion = offered(typed, lookup(&t, typed).await);
        assert_eq!(suggestion.code, card.printed);
        assert_eq!(
            *suggestion.answer,
            lookup(&t, &card.printed).await,
            "{typed}"
        );
    }
}

#[tokio::test]
async fn taking_a_suggestion_that_would_be_refused_logs_nothing() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let used = issue(&t, p, None, &with_prefix("1")).await;
    t.log_redemption(
        &attempt("first-use", &used.printed),
        "Till 1",
        &Actor::owner(),
    )
    .await
    .expect("first use");
    let typed = format!("{}{}", &used.printed[..9], &used.printed[10..]);
    let outcome = t
        .log_redemption(&attempt("the-slip", &typed), "Till 1", &Actor::owner())
        .await
        .expect("answered");
    let LogOutcome::Refused { outcome } = outcome else {
        panic!("{typed} was logged");
    };
    let suggestion = offered(&typed, outcome);
    assert!(matches!(*suggestion.answer, LookupOutcome::UsedUp { .. }));
    // Taking it is a lookup of the card: refused, as the suggestion said.
    let taken = t
        .log_redemption(
            &attempt("the-suggestion", &suggestion.code),
            "Till 1",
            &Actor::owner(),
        )
        .await
        .expect("answered");
    assert!(matches!(
        taken,
        LogOutcome::Refused {
            outcome: LookupOutcome::UsedUp { .. }
        }
    ));
    assert_eq!(t.redemptions().await.expect("redemptions").len(), 1);
}

/// Two valid codes that one typed text is a single changed symbol away from.
fn two_cards_one_slip_apart() -> (String, String, String) {
    let a = format!("7K2QX9{}", check_symbol("7K2QX9").expect("check"));
    let mut typed = a.clone().into_bytes();
    typed[0] = b'8';
    for &s in ALPHABET.iter().filter(|&&s| s != b'Q') {
        let mut b = typed.clone();
        b[3] = s;
        let b = String::from_utf8(b).expect("ascii");
        if is_valid(&b) && !b[..b.len() - 1].contains('U') {
            return (a, b, String::from_utf8(typed).expect("ascii"));
        }
    }
    panic!("no second card near 7K2QX9");
}

#[tokio::test]
async fn two_cards_a_slip_away_offer_neither_and_say_so() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let (a, b, typed) = two_cards_one_slip_apart();
    for card in [&a, &b] {
        issue(&t, p, Some(&card[..card.len() - 1]), &with_prefix("")).await;
    }
    for typed in [
        typed.clone(),
        grouped(Some("BAKERY"), &typed).to_lowercase(),
    ] {
        assert_eq!(
            lookup(&t, &typed).await,
            LookupOutcome::Mistyped {
                suggestion: None,
                ambiguous: true
            },
            "{typed} is a slip of {a} and of {b}"
        );
    }
}

#[tokio::test]
async fn a_code_longer_than_any_card_is_refused_beside_the_code_and_nothing_is_logged() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let card = issue(&t, p, None, &with_prefix("")).await;
    // 64 characters are read (spaces around a card are fine); 65 are not.
    let padded = format!("{:<64}", card.printed);
    assert!(matches!(
        lookup(&t, &padded).await,
        LookupOutcome::Valid { .. }
    ));
    let megabyte = "7K2Q".repeat(256 * 1024);
    for typed in [format!("{padded}7"), megabyte] {
        let started = Instant::now();
        let err = t.lookup_code(&typed).await.expect_err("too long");
        // Before the bound, a thousand characters took seconds: this is answered at once.
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "{:?}",
            started.elapsed()
        );
        assert!(matches!(err, Error::Invalid(_)), "{err:?}");
        assert_eq!(err.field(), Some(Field::Code));
        assert_eq!(err.to_string(), REFUSED_TOO_LONG);

        let err = t
            .log_redemption(&attempt("too-long", &typed), "Till 1", &Actor::owner())
            .await
            .expect_err("too long");
        assert_eq!(err.field(), Some(Field::Code));
        assert_eq!(err.to_string(), REFUSED_TOO_LONG);
    }
    assert!(t.redemptions().await.expect("redemptions").is_empty());
}
