//! CSV exports read back with a CSV reader, as a spreadsheet would: a UTF-8 byte order mark
//! first, the header, amounts as plain decimals, reversals marked, only the period asked for,
//! and nothing a person typed run as a formula.

use chrono::TimeDelta;
use partnerdesk_core::error::{Field, FieldError, Problem};
use partnerdesk_core::exports::UTF8_BOM;
use partnerdesk_core::imports::ImportOptions;
use partnerdesk_core::ledger::{LogOutcome, RedemptionInput};
use partnerdesk_core::partners::PartnerStatus;
use partnerdesk_core::payouts::PayoutInput;
use partnerdesk_core::terms::PayoutMethod;
use partnerdesk_core::testing::{day, demo_desk, desk_with_profile, iso, partner, start_day};
use partnerdesk_core::{Actor, Error};

/// The file's header and rows, after checking it starts with the byte order mark Excel
/// needs to read it as UTF-8.
fn rows(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let body = bytes
        .strip_prefix(UTF8_BOM)
        .unwrap_or_else(|| panic!("no UTF-8 BOM: {:?}", &bytes[..bytes.len().min(8)]));
    assert!(!body.starts_with(UTF8_BOM), "one BOM only");
    let mut reader = csv::Reader::from_reader(body);
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("row").iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[tokio::test]
async fn payouts_csv_has_decimal_amounts_marks_reversals_and_neutralises_formulas() {
    let (t, bakery) = demo_desk().await;
    let owner = Actor::owner();
    let pay = |amount: &str, reference: &str| PayoutInput {
        paid_on: iso(start_day()),
        amount: amount.into(),
        method: PayoutMethod::BankTransfer,
        reference: reference.into(),
        period_from: "2026-11-01".into(),
        period_to: String::new(),
        confirm_over_balance: false,
    };
    let kept = t
        .record_payout(
            bakery,
            &pay("1,5", "=HYPERLINK(\"http://x.example\")"),
            &owner,
        )
        .await
        .expect("pay");
    let undone = t
        .record_payout(bakery, &pay("0,25", "TRF 2026-11 Crumb"), &owner)
        .await
        .expect("pay");
    t.reverse_payout(undone.id, "-1 typed by mistake", &owner)
        .await
        .expect("reverse");

    // The period on screen: the payouts paid in it, none from before or after.
    let month = (day(2026, 11, 1), day(2026, 11, 30));
    let before = (day(2026, 10, 1), day(2026, 10, 31));
    let earlier = rows(&t.payouts_csv(before).await.expect("csv").bytes).1;
    assert!(
        earlier.iter().all(|row| row
            .iter()
            .all(|cell| !cell.contains("HYPERLINK") && !cell.contains("TRF 2026-11"))),
        "{earlier:?}"
    );
    let file = t.payouts_csv(month).await.expect("csv");
    assert_eq!(file.file_name, "Payouts 2026-11-01 to 2026-11-30.csv");
    let (header, rows) = rows(&file.bytes);
    assert_eq!(
        header,
        [
            "number",
            "partner",
            "paid_on",
            "currency",
            "amount",
            "method",
            "reference",
            "period_from",
            "period_to",
            "recorded_by",
            "reversed",
            "reversal_reason"
        ]
    );
    let row = |id: i64| {
        rows.iter()
            .find(|r| r[0] == id.to_string())
            .unwrap_or_else(|| panic!("payout {id} missing: {rows:?}"))
    };
    let day = iso(start_day());
    assert_eq!(
        row(kept.id.0),
        &[
            &kept.id.0.to_string(),
            "Crumb & Co. Bakery",
            &day,
            "EUR",
            "1.50",
            PayoutMethod::BankTransfer.as_str(),
            "'=HYPERLINK(\"http://x.example\")",
            "2026-11-01",
            "",
            "owner",
            "no",
            ""
        ]
    );
    let reversed = row(undone.id.0);
    assert_eq!(reversed[4], "0.25");
    assert_eq!(
        (reversed[10].as_str(), reversed[11].as_str()),
        ("yes", "'-1 typed by mistake")
    );
    assert_eq!(rows.len(), 2);
}

#[tokio::test]
async fn partner_names_that_look_like_formulas_are_text_in_a_spreadsheet_and_import_back() {
    let t = desk_with_profile().await;
    let names = [
        "=HYPERLINK(\"http://x\",\"y\")",
        "+48 Books",
        "-Anna- Studio",
        "@home Café",
        "Café Müller",
    ];
    for name in names {
        t.create_partner(&partner(name), PartnerStatus::Active, &Actor::owner())
            .await
            .expect("partner");
    }
    let file = t.partners_csv().await.expect("csv");
    let (_, rows) = rows(&file.bytes);
    let mut written: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    written.sort_unstable();
    assert_eq!(
        written,
        [
            "'+48 Books",
            "'-Anna- Studio",
            "'=HYPERLINK(\"http://x\",\"y\")",
            "'@home Café",
            "Café Müller"
        ]
    );

    // Our own export read back: the apostrophes we added are gone again.
    let again = desk_with_profile().await;
    again
        .import_partners(&file.bytes, &ImportOptions::default(), &Actor::owner())
        .await
        .expect("import");
    let mut back: Vec<String> = again
        .partners(&Default::default())
        .await
        .expect("partners")
        .into_iter()
        .map(|p| p.name)
        .collect();
    back.sort();
    let mut typed = names.map(String::from).to_vec();
    typed.sort();
    assert_eq!(back, typed);
}

#[tokio::test]
async fn the_redemptions_export_holds_only_the_period_on_screen() {
    let (t, bakery) = demo_desk().await;
    let poster = t.codes_for(bakery).await.expect("codes");
    let poster = poster
        .iter()
        .find(|c| c.redemption_limit.is_none())
        .expect("the poster code")
        .printed
        .clone();
    // The demo logs three sales on its first day; one more two days later.
    t.time.advance(TimeDelta::days(2));
    let later = start_day() + TimeDelta::days(2);
    let input = RedemptionInput {
        idempotency_key: "export-period-later".into(),
        code: poster,
        sale: "9.00".into(),
        ..Default::default()
    };
    let outcome = t
        .log_redemption(&input, "Front till", &Actor::named("till"))
        .await
        .expect("log");
    assert!(matches!(outcome, LogOutcome::Logged { .. }), "{outcome:?}");

    let days = |from, to| {
        let t = &t;
        async move {
            let file = t.redemptions_csv((from, to)).await.expect("csv");
            let (header, rows) = rows(&file.bytes);
            let day = header.iter().position(|h| h == "day").expect("day column");
            (
                file.file_name,
                rows.iter().map(|r| r[day].clone()).collect::<Vec<_>>(),
            )
        }
    };
    let first = iso(start_day());
    let (name, only_first) = days(start_day(), start_day()).await;
    assert_eq!(name, format!("Redemptions {first} to {first}.csv"));
    assert_eq!(only_first, [first.clone(), first.clone(), first.clone()]);
    let (_, only_later) = days(later, later).await;
    assert_eq!(only_later, [iso(later)]);
    let (_, both) = days(start_day(), later).await;
    assert_eq!(both.len(), 4);
    let (_, none) = days(later + TimeDelta::days(1), later + TimeDelta::days(30)).await;
    assert!(none.is_empty());

    let err = t.redemptions_csv((later, start_day())).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Invalid(FieldError {
                field: Field::PeriodTo,
                problem: Problem::Malformed { .. }
            })
        ),
        "{err:?}"
    );
}
