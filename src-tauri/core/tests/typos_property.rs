//! The typo law, over many random cards on a real store: every single slip (a symbol
//! changed, neighbours swapped, a symbol dropped, a symbol doubled), typed with the printed
//! prefix, without it, in lower case and with the dashes left out, is answered MISTYPED with
//! the card it came from whenever that card is the only issued code one slip away; never
//! UNKNOWN, never VALID for another card; and when two cards fit, MISTYPED with neither
//! offered and `ambiguous` set.
//!
//! Each case of the first law looks up some 240 slips four ways, so cases default to a
//! number a debug `cargo test` runs in seconds; `PROPTEST_CASES=500` runs more.

use std::cell::RefCell;

use partnerdesk_core::codes::{
    check_symbol, grouped, is_valid, CodeOptions, LookupOutcome, ReferralCode, ALPHABET,
};
use partnerdesk_core::error::CodeError;
use partnerdesk_core::partners::{PartnerId, PartnerStatus};
use partnerdesk_core::testing::{self, desk_with_profile, signed_partner, TestDesk};
use partnerdesk_core::{Actor, Error};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use tokio::runtime::Runtime;
use tokio::task::JoinSet;

/// Check symbols: the body alphabet and Crockford's five extras.
const CHECK_SYMBOLS: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

/// Six random body symbols, as issued codes have.
fn body() -> impl Strategy<Value = String> {
    proptest::collection::vec(0usize..32, 6)
        .prop_map(|v| v.into_iter().map(|i| char::from(ALPHABET[i])).collect())
}

/// Every single slip of `code`, named: each symbol changed to every other it could be (the
/// check symbol to any check symbol), each pair of different neighbours swapped, each
/// symbol dropped, each symbol doubled.
fn slips(code: &str) -> Vec<(String, String)> {
    let b = code.as_bytes();
    let text = |v: Vec<u8>| String::from_utf8(v).expect("ascii");
    let mut out = Vec::new();
    for i in 0..b.len() {
        let symbols = if i + 1 == b.len() {
            CHECK_SYMBOLS
        } else {
            ALPHABET
        };
        for &s in symbols.iter().filter(|&&s| s != b[i]) {
            let mut v = b.to_vec();
            v[i] = s;
            out.push((format!("changed {i}"), text(v)));
        }
        if i + 1 < b.len() && b[i] != b[i + 1] {
            let mut v = b.to_vec();
            v.swap(i, i + 1);
            out.push((format!("swapped {i}"), text(v)));
        }
        let mut v = b.to_vec();
        v.remove(i);
        out.push((format!("dropped {i}"), text(v)));
        let mut v = b.to_vec();
        v.insert(i, b[i]);
        out.push((format!("doubled {i}"), text(v)));
    }
    out
}

/// True when `a` and `b` are one slip apart: one symbol differs, two neighbours are
/// swapped, or taking one symbol out of the longer gives the shorter. Written apart from
/// the app's own search, as the oracle the answers are held to.
fn one_slip_apart(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() == b.len() {
        let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        return match diff.as_slice() {
            [_] => true,
            [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
            _ => false,
        };
    }
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    long.len() == short.len() + 1
        && (0..long.len()).any(|i| {
            let mut v = long.to_vec();
            v.remove(i);
            v == short
        })
}

/// How staff might type a (slipped) code: as printed, in lower case, without the prefix,
/// and with the prefix but no dashes; with the prefix it came with, if any.
fn typings(code: &str) -> [(String, Option<&'static str>); 4] {
    let printed = grouped(Some("BAKERY"), code);
    [
        (printed.clone(), Some("BAKERY")),
        (printed.to_lowercase(), Some("BAKERY")),
        (grouped(None, code), None),
        (printed.replace('-', ""), Some("BAKERY")),
    ]
}

/// A store with the bakery's cards (printed with its prefix) beside a florist's (printed
/// without), and every code issued so far, for the oracle.
struct World {
    t: TestDesk,
    bakery: PartnerId,
    issued: RefCell<Vec<ReferralCode>>,
}

impl World {
    async fn new(background: usize) -> Self {
        let t = desk_with_profile().await;
        let bakery = signed_partner(&t, "Crumb & Co. Bakery", &testing::terms()).await;
        let florist = t
            .create_partner(
                &testing::partner("Green Leaf Florist"),
                PartnerStatus::Active,
                &Actor::owner(),
            )
            .await
            .expect("florist")
            .id;
        let prefixed = CodeOptions {
            with_prefix: true,
            ..Default::default()
        };
        let mut issued = Vec::new();
        for (partner, options) in [(bakery, &prefixed), (florist, &CodeOptions::default())] {
            issued.extend(
                t.issue_batch(
                    partner,
                    background,
                    options,
                    &Actor::owner(),
                    &mut |_, _| {},
                )
                .await
                .expect("batch"),
            );
        }
        World {
            t,
            bakery,
            issued: RefCell::new(issued),
        }
    }

    /// Issues the bakery's card with `body`; `None` when that code exists already.
    async fn card(&self, body: &str) -> Option<ReferralCode> {
        let options = CodeOptions {
            with_prefix: true,
            ..Default::default()
        };
        match self
            .t
            .issue_code(self.bakery, Some(body), &options, &Actor::owner())
            .await
        {
            Ok(card) => {
                self.issued.borrow_mut().push(card.clone());
                Some(card)
            }
            Err(Error::Code(CodeError::Taken { .. })) => None,
            Err(err) => panic!("{body}: {err:?}"),
        }
    }

    /// The issued codes one slip from `slipped`, typed with `prefix` (or none).
    fn fitting(&self, slipped: &str, prefix: Option<&str>) -> Vec<String> {
        self.issued
            .borrow()
            .iter()
            .filter(|c| prefix.is_none_or(|p| p == c.prefix) && one_slip_apart(&c.code, slipped))
            .map(|c| c.printed.clone())
            .collect()
    }

    fn is_issued(&self, code: &str) -> bool {
        self.issued.borrow().iter().any(|c| c.code == code)
    }

    /// The answers to `typed`, in order, looked up by two tills at once so a case runs in
    /// about half the time.
    async fn answers(&self, typed: Vec<String>) -> Vec<LookupOutcome> {
        let half = typed.len().div_ceil(2).max(1);
        let mut tills = JoinSet::new();
        for (n, part) in typed.chunks(half).enumerate() {
            let (desk, part) = (self.t.desk.clone(), part.to_vec());
            tills.spawn(async move {
                let mut answers = Vec::with_capacity(part.len());
                for typed in part {
                    answers.push(desk.lookup_code(&typed).await.expect("lookup"));
                }
                (n, answers)
            });
        }
        let mut parts = tills.join_all().await;
        parts.sort_by_key(|(n, _)| *n);
        parts.into_iter().flat_map(|(_, answers)| answers).collect()
    }

    /// Holds every typing of every slip of a new card with `body` to the law.
    async fn every_slip_of(&self, body: &str) -> Result<(), TestCaseError> {
        let Some(card) = self.card(body).await else {
            return Ok(());
        };
        let mut cases = Vec::new();
        for (slip, slipped) in slips(&card.code) {
            // The slip made another issued code exactly: that card is what was typed.
            if self.is_issued(&slipped) {
                continue;
            }
            for (typed, prefix) in typings(&slipped) {
                let fitting = self.fitting(&slipped, prefix);
                prop_assert!(fitting.contains(&card.printed), "oracle: {typed} ({slip})");
                cases.push((slip.clone(), typed, fitting));
            }
        }
        let typed: Vec<String> = cases.iter().map(|(_, typed, _)| typed.clone()).collect();
        for ((slip, typed, fitting), answer) in cases.into_iter().zip(self.answers(typed).await) {
            let said = format!("{} {slip} → {typed}: {answer:?}", card.printed);
            match (fitting.as_slice(), answer) {
                (
                    [_],
                    LookupOutcome::Mistyped {
                        suggestion: Some(s),
                        ambiguous: false,
                    },
                ) => prop_assert_eq!(&s.code, &card.printed, "{}", said),
                (
                    [_, _, ..],
                    LookupOutcome::Mistyped {
                        suggestion: None,
                        ambiguous: true,
                    },
                ) => {}
                _ => prop_assert!(false, "{} (fitting: {:?})", said, fitting),
            }
        }
        Ok(())
    }

    /// Issues a card and a rival one slip from the same slip of it, and holds that slip to
    /// "both fit, neither offered".
    async fn two_cards_one_slip(
        &self,
        body: &str,
        pick: (usize, usize),
    ) -> Result<(), TestCaseError> {
        let Some(card) = self.card(body).await else {
            return Ok(());
        };
        let all = slips(&card.code);
        let (_, slipped) = &all[pick.0 % all.len()];
        // A rival: any valid code one slip from the slipped text that the owner could issue
        // (3 to 16 body symbols, no U in the body).
        let rivals: Vec<String> = slips(slipped)
            .into_iter()
            .map(|(_, r)| r)
            .filter(|r| {
                let body = &r[..r.len() - 1];
                is_valid(r)
                    && (3..=16).contains(&body.len())
                    && !body.contains('U')
                    && check_symbol(body).is_some()
                    && *r != card.code
                    && !self.is_issued(r)
            })
            .collect();
        prop_assume!(!rivals.is_empty() && !self.is_issued(slipped));
        let rival = &rivals[pick.1 % rivals.len()];
        prop_assume!(self.card(&rival[..rival.len() - 1]).await.is_some());
        for (typed, prefix) in typings(slipped) {
            prop_assert!(self.fitting(slipped, prefix).len() >= 2);
            let answer = self.t.lookup_code(&typed).await.expect("lookup");
            prop_assert_eq!(
                &answer,
                &LookupOutcome::Mistyped {
                    suggestion: None,
                    ambiguous: true
                },
                "{} and {} both fit {}",
                card.printed,
                rival,
                typed
            );
        }
        Ok(())
    }
}

#[test]
fn every_single_slip_of_a_random_card_is_mistyped_with_that_card() {
    let rt = runtime();
    let world = rt.block_on(World::new(200));
    let mut runner = TestRunner::new(Config::with_cases(cases(10)));
    runner
        .run(&body(), |body| rt.block_on(world.every_slip_of(&body)))
        .unwrap_or_else(|err| panic!("{err}"));
}

#[test]
fn a_slip_two_cards_could_come_from_offers_neither() {
    let rt = runtime();
    let world = rt.block_on(World::new(50));
    let mut runner = TestRunner::new(Config::with_cases(cases(64)));
    runner
        .run(&(body(), any::<(usize, usize)>()), |(body, pick)| {
            rt.block_on(world.two_cards_one_slip(&body, pick))
        })
        .unwrap_or_else(|err| panic!("{err}"));
}

#[test]
fn the_oracle_knows_a_slip_from_two() {
    assert!(one_slip_apart("7K2QX9A", "7K2QX9B"));
    assert!(one_slip_apart("7K2QX9A", "K72QX9A"));
    assert!(one_slip_apart("7K2QX9A", "7K2QX9"));
    assert!(one_slip_apart("7K2QX9A", "7K22QX9A"));
    assert!(!one_slip_apart("7K2QX9A", "7K2QX9A"));
    assert!(!one_slip_apart("7K2QX9A", "K7Q2X9A"));
    assert!(!one_slip_apart("7K2QX9A", "2K7QX9A"));
    assert!(!one_slip_apart("7K2QX9A", "7K2QX"));
}
