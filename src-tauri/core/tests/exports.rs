//! CSV exports read back with a CSV reader, as a spreadsheet would: the header, amounts as
//! plain decimals, reversals marked, and nothing a person typed run as a formula.

use partnerdesk_core::payouts::PayoutInput;
use partnerdesk_core::terms::PayoutMethod;
use partnerdesk_core::testing::{demo_desk, iso, start_day};
use partnerdesk_core::Actor;

fn rows(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(bytes);
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

    let file = t.payouts_csv().await.expect("csv");
    assert_eq!(file.file_name, format!("Payouts {}.csv", iso(start_day())));
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
