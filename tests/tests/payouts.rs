//! Payouts: the owner pays the demo bakery, finds the transfer went wrong and reverses it
//! with a reason (the bakery is owed exactly that amount again, and the payout stays listed,
//! marked reversed); then pays more than is owed, which is refused beside the amount until
//! the owner confirms it, leaving the bakery paid in advance.

use partnerdesk_e2e::{fresh_data_dir, ids, App, Launch, DEMO_BAKERY as BAKERY};
use serde_json::Value;

/// What the demo's three sales earn the bakery: 8 % of what each customer paid after the
/// 10 % discount (€0.90 + €0.58 + €1.66).
const DEMO_OWED: &str = "€3.14";

#[test]
fn reversed_payout_is_owed_again_and_an_over_balance_one_needs_a_yes() {
    let data = fresh_data_dir();
    let app = App::launch_with(data.path(), Launch::new().arg("--demo"));
    app.sign_in_as_owner();
    app.click(ids::nav::MONEY);
    app.click(ids::money::TAB_PARTNER);
    app.choose_option(ids::money::PARTNER_SELECT, BAKERY);
    app.wait_for_exact_text(ids::money::CLOSING_BALANCE, DEMO_OWED);
    assert_eq!(
        app.text(ids::money::OWED_SENTENCE),
        format!("You owe {BAKERY} {DEMO_OWED}")
    );
    assert!(payouts(&app).is_empty(), "the demo has paid nobody yet");

    // A transfer of €2.00 lowers the balance by exactly that.
    app.type_into(ids::money::PAYOUT_AMOUNT, "2,00");
    app.type_into(ids::money::PAYOUT_REFERENCE, "TRF 0107");
    app.click(ids::money::PAYOUT_SUBMIT);
    app.wait_for_exact_text(ids::money::CLOSING_BALANCE, "€1.14");
    assert_eq!(
        app.text(ids::money::OWED_SENTENCE),
        format!("You owe {BAKERY} €1.14")
    );
    let paid = wait_payouts(&app, 1);
    assert_eq!(paid[0].amount, "€2.00");
    assert_eq!(paid[0].reference, "TRF 0107");
    assert!(!paid[0].reversed, "{:?}", paid[0]);
    assert_eq!(paid[0].status, "Reverse…");
    assert_eq!(
        app.text(ids::money::PAYOUT_NOTE),
        format!("✓ Recorded a payout of €2.00 on {}.", paid[0].paid_on)
    );

    // It went to the wrong account: reversed, with a reason the dialog insists on.
    app.click(ids::money::PAYOUT_REVERSE);
    app.wait_for(ids::money::reverse::DIALOG);
    let about = app.text(ids::money::reverse::DIALOG);
    assert!(
        about.contains(&format!("€2.00 paid on {} (TRF 0107)", paid[0].paid_on)),
        "the dialog should name the payout: {about:?}"
    );
    app.click(ids::money::reverse::CONFIRM);
    app.wait_for(ids::money::reverse::ERROR);
    assert!(
        app.is_shown(ids::money::reverse::DIALOG),
        "no reason, no reversal"
    );
    app.type_into(ids::money::reverse::REASON, "Sent to the wrong account");
    app.screenshot("payouts-reverse-dialog");
    app.click(ids::money::reverse::CONFIRM);
    app.wait_gone(ids::money::reverse::DIALOG);
    app.wait_for_exact_text(ids::money::CLOSING_BALANCE, DEMO_OWED);
    assert_eq!(
        app.text(ids::money::OWED_SENTENCE),
        format!("You owe {BAKERY} {DEMO_OWED}")
    );
    let after = app.wait_until("the payout marked reversed", |app| {
        let rows = payouts(app);
        (rows.len() == 1 && rows[0].reversed).then_some(rows)
    });
    assert_eq!(after[0].amount, "€2.00", "a reversed payout stays listed");
    assert!(
        after[0]
            .status
            .starts_with("Reversed\nSent to the wrong account ("),
        "the status should say reversed and why: {:?}",
        after[0].status
    );
    assert!(
        !app.is_shown(ids::money::PAYOUT_REVERSE),
        "a payout is reversed once"
    );
    app.screenshot("payouts-reversed");

    // €5.00 is more than the €3.14 owed: refused beside the amount, nothing recorded.
    app.type_into(ids::money::PAYOUT_AMOUNT, "5,00");
    app.click(ids::money::PAYOUT_SUBMIT);
    let refusal = app.wait_until("the over-balance refusal", |app| {
        app.texts(ids::money::PAYOUT_ERROR).into_iter().next()
    });
    assert_eq!(
        refusal,
        format!(
            "⚠ €5.00 is more than the {DEMO_OWED} this partner is owed. Confirm to pay it anyway."
        )
    );
    assert_eq!(
        app.value(ids::money::PAYOUT_AMOUNT),
        "5,00",
        "the amount stays typed"
    );
    assert_eq!(app.text(ids::money::CLOSING_BALANCE), DEMO_OWED);
    assert_eq!(payouts(&app).len(), 1, "nothing recorded before the yes");
    app.screenshot("payouts-over-balance");

    // The owner says yes: recorded, and the bakery is now paid €1.86 ahead.
    app.click(ids::money::PAYOUT_CONFIRM_OVER);
    app.wait_for_exact_text(ids::money::CLOSING_BALANCE, "-€1.86");
    assert_eq!(
        app.text(ids::money::OWED_SENTENCE),
        format!("{BAKERY} has been paid €1.86 in advance")
    );
    app.wait_gone(ids::money::PAYOUT_ERROR);
    let both = wait_payouts(&app, 2);
    let amounts: Vec<(&str, bool)> = both
        .iter()
        .map(|p| (p.amount.as_str(), p.reversed))
        .collect();
    assert!(
        amounts.contains(&("€5.00", false)) && amounts.contains(&("€2.00", true)),
        "{both:?}"
    );
    app.screenshot("payouts");
}

/// One row of the payouts table, as shown.
#[derive(Debug)]
struct Payout {
    paid_on: String,
    amount: String,
    reference: String,
    /// The Status cell: "Reverse…" (its button), or "Reversed" and why.
    status: String,
    reversed: bool,
}

/// The payouts listed now, in page order (none yet is an empty list).
fn payouts(app: &App) -> Vec<Payout> {
    let script = &format!("return Array.from(document.querySelectorAll('[data-testid=\"{}\"]'))\
                  .map(r => [r.dataset.reversed === 'true', ...Array.from(r.cells, c => c.innerText.trim())]);", ids::money::PAYOUT_ROW);
    let rows = app.execute(script, vec![]);
    let rows = rows.as_array().cloned().unwrap_or_default();
    rows.iter()
        .map(|row| {
            let cell = |i: usize| row[i].as_str().unwrap_or_default().to_string();
            Payout {
                reversed: row[0] == Value::Bool(true),
                paid_on: cell(1),
                amount: cell(2),
                reference: cell(4),
                status: cell(6),
            }
        })
        .collect()
}

fn wait_payouts(app: &App, count: usize) -> Vec<Payout> {
    app.wait_until(&format!("{count} payouts listed"), |app| {
        let rows = payouts(app);
        (rows.len() == count).then_some(rows)
    })
}
