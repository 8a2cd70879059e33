//! Four tills, each its own process, logging at once on one store (issue 21): a code's
//! limit, a partner's monthly cap and an attempt's idempotency key hold however the sales
//! interleave. On the server (`make test-server`) this is PostgreSQL under READ COMMITTED,
//! where only the partner lock keeps two tills from counting the same last place; on the
//! file, four processes share SQLite's write lock.

use std::process::Command;

use chrono::TimeDelta;
use partnerdesk_core::codes::CodeOptions;
use partnerdesk_core::ledger::{LogOutcome, RedemptionInput};
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::testing::{self, desk_with_profile, server_from_env, signed_partner, start};
use partnerdesk_core::{Actor, Desk, ManualClock};

const TILLS: usize = 4;
const ATTEMPTS: usize = 20;
/// Fewer places on the limited code than the tills try for.
const LIMIT: usize = 25;

/// What a till process is told, through its environment.
const TILL: &str = "PARTNERDESK_TEST_TILL";
const DIR: &str = "PARTNERDESK_TEST_TILL_DIR";
const DATABASE: &str = "PARTNERDESK_TEST_TILL_DATABASE";
const LIMITED: &str = "PARTNERDESK_TEST_TILL_LIMITED";
const CAPPED: &str = "PARTNERDESK_TEST_TILL_CAPPED";

fn attempt(key: String, code: &str) -> RedemptionInput {
    RedemptionInput {
        idempotency_key: key,
        code: code.into(),
        sale: "10".into(),
        new_customer: true,
        note: String::new(),
        confirmed_large: false,
    }
}

/// One till: not a test of its own. The test below runs this test binary four times with
/// [`TILL`] set, and each run logs its sales flat out; run without it, it does nothing.
#[tokio::test]
async fn till_process() {
    let Ok(till) = std::env::var(TILL) else {
        return;
    };
    let var = |name: &str| std::env::var(name).expect(name);
    let dir = std::path::PathBuf::from(var(DIR));
    let clock = ManualClock::stepping(start(), TimeDelta::milliseconds(1));
    let desk = match std::env::var(DATABASE) {
        Ok(db) => Desk::open_server(&dir, &server_from_env(&db), clock.into()).await,
        Err(_) => Desk::open_with_clock(&dir, clock.into()).await,
    }
    .expect("the till opens the shop's store");
    let (limited, capped) = (var(LIMITED), var(CAPPED));
    let name = format!("Till {till}");
    let actor = Actor::named(name.clone());
    for i in 0..ATTEMPTS {
        // Every till sends the same shared attempt (as a till retrying, or two tills
        // replaying one queue): one sale, whoever gets there first.
        for input in [
            attempt(format!("limited-{till}-{i}"), &limited),
            attempt(format!("capped-{till}-{i}"), &capped),
            attempt(format!("shared-{i}"), &capped),
        ] {
            match desk.log_redemption(&input, &name, &actor).await {
                Ok(LogOutcome::Logged { .. } | LogOutcome::Refused { .. }) => {}
                Err(err) => panic!("{name}: {} failed: {err:?}", input.idempotency_key),
            }
        }
    }
    desk.close().await;
}

#[tokio::test]
async fn four_tills_at_once_keep_the_limit_the_cap_and_one_sale_per_key() {
    if std::env::var(TILL).is_ok() {
        return;
    }
    let t = desk_with_profile().await;
    let mut unlimited_terms = testing::terms();
    unlimited_terms.reward_percent = "8".into();
    let limited_partner = signed_partner(&t, "Crumb & Co. Bakery", &unlimited_terms).await;
    let mut capped_terms = unlimited_terms.clone();
    // 10 % off €10 leaves €9; 8 % of it is €0.72 a sale, so the €5 cap falls on the 7th.
    capped_terms.monthly_cap = "5".into();
    let capped_partner = signed_partner(&t, "Café Müller", &capped_terms).await;
    let limited = issue(&t, limited_partner, &LIMIT.to_string()).await;
    let capped = issue(&t, capped_partner, "").await;
    let database = t.server.as_ref().map(|s| s.database.clone());
    // Each till is a process of its own; the parent's desk stays open beside them.
    let tills: Vec<_> = (1..=TILLS)
        .map(|till| {
            let mut run = Command::new(std::env::current_exe().expect("this test binary"));
            run.args(["--exact", "till_process", "--nocapture", "--test-threads=1"])
                .env(TILL, till.to_string())
                .env(DIR, t.dir.path())
                .env(LIMITED, &limited)
                .env(CAPPED, &capped);
            match &database {
                Some(db) => run.env(DATABASE, db),
                None => run.env_remove(DATABASE),
            };
            run.spawn().expect("start a till")
        })
        .collect();
    for mut till in tills {
        let status = till.wait().expect("till ends");
        assert!(status.success(), "a till failed: {status}");
    }

    let all = t.redemptions().await.expect("redemptions");
    let on = |p: PartnerId| all.iter().filter(move |r| r.partner_id == p);
    assert_eq!(on(limited_partner).count(), LIMIT, "the code's limit held");
    let earned: i64 = on(capped_partner).map(|r| r.commission.minor).sum();
    assert_eq!(
        earned, 500,
        "the partner's month stops at its €5 cap, exactly"
    );
    for i in 0..ATTEMPTS {
        let key = format!("shared-{i}");
        let with_key = all.iter().filter(|r| r.idempotency_key == key).count();
        assert_eq!(with_key, 1, "{key} is one sale, however many tills sent it");
    }
    let per_till: Vec<usize> = (1..=TILLS)
        .map(|n| all.iter().filter(|r| r.till == format!("Till {n}")).count())
        .collect();
    assert!(
        per_till.iter().all(|&n| n > 0),
        "every till logged some of them: {per_till:?}"
    );
}

async fn issue(t: &Desk, partner: PartnerId, limit: &str) -> String {
    let options = CodeOptions {
        redemption_limit: limit.into(),
        with_prefix: true,
        ..Default::default()
    };
    t.issue_code(partner, None, &options, &Actor::owner())
        .await
        .expect("issue")
        .printed
}
