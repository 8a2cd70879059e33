//! Hostile input, thrown at the core's public write operations at random: long, empty,
//! control, bidi and zero-width text, negative, huge and over-precise amounts, far dates,
//! unknown ids. After every refused call the store is what it was (a SQLite file byte for
//! byte) and the file passes `integrity_check`; after every accepted one the stored text is
//! clean NFC.

use std::cell::Cell;

use icu_normalizer::ComposingNormalizerBorrowed;
use partnerdesk_core::codes::CodeOptions;
use partnerdesk_core::error::Field;
use partnerdesk_core::ids::CostId;
use partnerdesk_core::ledger::{LogOutcome, RedemptionInput};
use partnerdesk_core::partners::{PartnerId, PartnerInput, PartnerStatus};
use partnerdesk_core::payouts::PayoutInput;
use partnerdesk_core::people::{NewPerson, PersonRole};
use partnerdesk_core::program::{CostCategory, CostInput, RevenueInput};
use partnerdesk_core::terms::PayoutMethod;
use partnerdesk_core::testing::{demo_desk, first_owner, partner_named, store_state, TestDesk};
use partnerdesk_core::{text, Actor, Desk, Error};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};

/// Text a person, a paste or an attacker might send.
fn hostile_text() -> impl Strategy<Value = String> {
    let nasty = prop::sample::select(vec![
        "\u{200B}",
        "\u{200D}",
        "\u{202E}",
        "\u{2066}",
        "\u{FEFF}",
        "\u{00AD}",
        "\t",
        "\n",
        "\r",
        "\u{0}",
        "\u{7}",
        "\u{1B}[31m",
        "e\u{301}",
        "ß",
        "İ",
        "<img src=x onerror=alert(1)>",
        "=HYPERLINK(\"http://x\",\"y\")",
        "'; DROP TABLE partners; --",
        "Café Müller",
        "Łódź",
        "🍰",
        " ",
    ]);
    prop_oneof![
        3 => prop::collection::vec(nasty, 0..12).prop_map(|parts| parts.concat()),
        2 => "\\PC{0,40}",
        1 => Just(String::new()),
        1 => (1usize..4).prop_map(|n| "x".repeat(n * 5_000)),
        1 => Just("\u{200B}\u{202E}\u{2066}\u{FEFF}".to_string()),
    ]
}

/// Amounts as typed, and as they should never be saved.
fn hostile_amount() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "-1",
            "0",
            "0.001",
            "1e9",
            "NaN",
            "9999999999999999999999",
            "12,50",
            "12.50",
            "1.234.567,89",
            "4006381333931",
            "",
            " ",
            "١٢",
            "10,000.00",
            "+5",
            "0x10",
        ])
        .prop_map(str::to_string),
        "[0-9]{1,25}([.,][0-9]{0,5})?",
        hostile_text(),
    ]
}

/// Dates as typed: real ones, impossible ones, far ones.
fn hostile_date() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "2026-11-20",
            "2026-02-30",
            "0001-01-01",
            "9999-12-31",
            "1899-12-31",
            "2101-01-01",
            "",
            "yesterday",
            "2026-13-01",
            "+002026-01-01",
        ])
        .prop_map(str::to_string),
        hostile_text(),
    ]
}

#[derive(Debug, Clone)]
enum Call {
    CreatePartner(String, String, String),
    UpdatePartner(bool, String, String),
    AddPerson(String, String),
    LogSale(String, String),
    IssueCustomCode(String),
    AddCost(String, String, String),
    RecordPayout(bool, String, String, String),
    /// A cost by a low id (there once that many costs were accepted, else unknown), a reason.
    ReverseCost(i64, String),
    /// A month's revenue, first or corrected: month, amount, reason.
    SetRevenue(String, String, String),
}

fn call() -> impl Strategy<Value = Call> {
    prop_oneof![
        (hostile_text(), hostile_text(), hostile_text())
            .prop_map(|(n, c, notes)| Call::CreatePartner(n, c, notes)),
        (any::<bool>(), hostile_text(), hostile_text())
            .prop_map(|(known, n, notes)| Call::UpdatePartner(known, n, notes)),
        (hostile_text(), "[0-9]{0,10}|\\PC{0,6}").prop_map(|(n, pin)| Call::AddPerson(n, pin)),
        (hostile_text(), hostile_amount()).prop_map(|(code, sale)| Call::LogSale(code, sale)),
        hostile_text().prop_map(Call::IssueCustomCode),
        (hostile_date(), hostile_amount(), hostile_text())
            .prop_map(|(d, a, t)| Call::AddCost(d, a, t)),
        (
            any::<bool>(),
            hostile_date(),
            hostile_amount(),
            hostile_text()
        )
            .prop_map(|(known, d, a, r)| Call::RecordPayout(known, d, a, r)),
        (1i64..7, hostile_text()).prop_map(|(id, reason)| Call::ReverseCost(id, reason)),
        (
            prop_oneof![Just("2026-11".to_string()), hostile_date()],
            hostile_amount(),
            hostile_text()
        )
            .prop_map(|(m, a, r)| Call::SetRevenue(m, a, r)),
    ]
}

/// True when the store's file passes SQLite's `integrity_check`.
async fn integrity_ok(t: &Desk) -> bool {
    if partnerdesk_core::testing::on_server() {
        // A server keeps its own pages; there is no file here to check.
        return true;
    }
    let options = SqliteConnectOptions::new()
        .filename(t.db_path())
        .read_only(true);
    let mut conn = SqliteConnection::connect_with(&options)
        .await
        .expect("read-only connection");
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut conn)
        .await
        .expect("check");
    conn.close().await.expect("close");
    rows == ["ok"]
}

/// True when `stored` is what cleaning makes of it: NFC, no invisible or control characters
/// left (cleaning it again changes nothing).
fn clean(stored: &str, multiline: bool) -> bool {
    let nfc = ComposingNormalizerBorrowed::new_nfc().is_normalized(stored);
    let again = if multiline {
        text::lines(Field::Notes, stored, usize::MAX)
    } else {
        text::line(Field::Name, stored, usize::MAX)
    };
    nfc && again.as_deref() == Ok(stored)
}

/// Runs one call; answers whether it was accepted, and checks the text it stored if so.
async fn run(t: &Desk, bakery: PartnerId, actor: &Actor, call: Call) -> bool {
    let unknown = PartnerId(987_654);
    match call {
        Call::CreatePartner(name, category, notes) => {
            let input = PartnerInput {
                name,
                category,
                notes,
                ..Default::default()
            };
            match t
                .create_partner(&input, PartnerStatus::Prospect, actor)
                .await
            {
                Ok(p) => {
                    assert!(clean(&p.name, false), "{:?}", p.name);
                    assert!(clean(&p.category, false), "{:?}", p.category);
                    assert!(clean(&p.notes, true), "{:?}", p.notes);
                    true
                }
                Err(err) => refused(err),
            }
        }
        Call::UpdatePartner(known, name, notes) => {
            let id = if known { bakery } else { unknown };
            let input = PartnerInput {
                name,
                notes,
                category: "Bakery".into(),
                ..Default::default()
            };
            match t.update_partner(id, &input, actor).await {
                Ok(p) => {
                    assert!(clean(&p.name, false) && clean(&p.notes, true), "{p:?}");
                    true
                }
                Err(err) => refused(err),
            }
        }
        Call::AddPerson(name, pin) => {
            let new = NewPerson {
                name,
                role: PersonRole::Staff,
                pin: pin.clone(),
                pin_again: pin,
            };
            match t.add_person(&new, actor).await {
                Ok(person) => {
                    assert!(clean(&person.name, false), "{:?}", person.name);
                    true
                }
                Err(err) => refused(err),
            }
        }
        Call::LogSale(code, sale) => {
            let input = RedemptionInput {
                idempotency_key: format!("hostile-{}", rand_key()),
                code,
                sale,
                ..Default::default()
            };
            match t.log_redemption(&input, "Front till", actor).await {
                Ok(LogOutcome::Logged { .. }) => true,
                Ok(LogOutcome::Refused { .. }) => false,
                Err(err) => refused(err),
            }
        }
        Call::IssueCustomCode(custom) => {
            match t
                .issue_code(bakery, Some(&custom), &CodeOptions::default(), actor)
                .await
            {
                Ok(_) => true,
                Err(err) => refused(err),
            }
        }
        Call::AddCost(spent_on, amount, description) => {
            let input = CostInput {
                spent_on,
                category: CostCategory::Printing,
                amount,
                partner_id: None,
                description,
                campaign_id: None,
            };
            match t.add_cost(&input, actor).await {
                Ok(cost) => {
                    assert!(clean(&cost.description, false), "{:?}", cost.description);
                    true
                }
                Err(err) => refused(err),
            }
        }
        Call::RecordPayout(known, paid_on, amount, reference) => {
            let id = if known { bakery } else { unknown };
            let input = PayoutInput {
                paid_on,
                amount,
                method: PayoutMethod::BankTransfer,
                reference,
                period_from: String::new(),
                period_to: String::new(),
                confirm_over_balance: true,
            };
            match t.record_payout(id, &input, actor).await {
                Ok(payout) => {
                    assert!(clean(&payout.reference, false), "{:?}", payout.reference);
                    true
                }
                Err(err) => refused(err),
            }
        }
        Call::ReverseCost(id, reason) => match t.reverse_cost(CostId(id), &reason, actor).await {
            Ok(cost) => {
                let stored = cost.reversal.expect("reversed").reason;
                assert!(clean(&stored, false), "{stored:?}");
                true
            }
            Err(err) => refused(err),
        },
        Call::SetRevenue(month, amount, reason) => {
            let input = RevenueInput {
                month,
                amount,
                reason,
            };
            match t.set_month_revenue(&input, actor).await {
                Ok(m) => {
                    assert!(m.history.iter().all(|e| clean(&e.reason, false)), "{m:?}");
                    true
                }
                Err(err) => refused(err),
            }
        }
    }
}

/// A refusal must be the app's own answer in words, never the database's (a CHECK or a
/// trigger reached by input the core should have refused first).
fn refused(err: Error) -> bool {
    assert!(
        !matches!(err, Error::Store(_)),
        "refused by the database, not the core: {err:?}"
    );
    false
}

/// A fresh key per attempt, so a refused sale is not answered by an earlier one.
fn rand_key() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    format!("{:012}", NEXT.fetch_add(1, Ordering::Relaxed))
}

#[test]
fn hostile_input_never_changes_a_byte_when_refused_and_is_stored_clean_when_accepted() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let (t, bakery, owner): (TestDesk, PartnerId, Actor) = rt.block_on(async {
        let (t, _) = demo_desk().await;
        let owner = Actor::person(&first_owner(&t).await.person);
        let bakery = partner_named(&t, "Crumb & Co. Bakery").await;
        (t, bakery, owner)
    });
    let cases = std::env::var("HOSTILE_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let (accepted, refused) = (Cell::new(0u32), Cell::new(0u32));
    let result = runner.run(&prop::collection::vec(call(), 1..4), |calls| {
        for call in calls {
            let before = rt.block_on(store_state(&t));
            let ok = rt.block_on(run(&t, bakery, &owner, call.clone()));
            if ok {
                accepted.set(accepted.get() + 1);
            } else {
                refused.set(refused.get() + 1);
                prop_assert!(
                    rt.block_on(store_state(&t)) == before,
                    "a refused call changed the store: {call:?}"
                );
            }
            prop_assert!(rt.block_on(integrity_ok(&t)), "after {call:?}");
        }
        Ok(())
    });
    result.expect("hostile input");
    let (accepted, refused) = (accepted.get(), refused.get());
    eprintln!("hostile input: {accepted} accepted, {refused} refused");
    assert!(accepted > 0 && refused > 0, "both kinds were tried");
    rt.block_on(t.close());
}
