//! Dates a person types are from the years 2000 to 2100: a slip like 0202 or 2106 is
//! refused beside its field with a sentence, never saved and never a database error.

use partnerdesk_core::codes::CodeOptions;
use partnerdesk_core::error::{Field, FieldError};
use partnerdesk_core::payouts::PayoutInput;
use partnerdesk_core::program::{CostCategory, CostInput};
use partnerdesk_core::terms::PayoutMethod;
use partnerdesk_core::testing::{self, demo_desk};
use partnerdesk_core::{Actor, Error};

fn refused_on(err: Error, field: Field) -> String {
    match err {
        Error::Invalid(FieldError { field: f, .. }) if f == field => err.to_string(),
        other => panic!("expected a refusal of {field:?}, got {other:?}"),
    }
}

#[tokio::test]
async fn dates_outside_2000_to_2100_are_refused_beside_their_field_and_nothing_is_saved() {
    let (t, bakery) = demo_desk().await;
    let before = testing::audit_rows(&t).await.len();
    let owner = Actor::owner();

    let cost = CostInput {
        spent_on: "1999-12-31".into(),
        category: CostCategory::Printing,
        amount: "20".into(),
        partner_id: None,
        description: "Flyers".into(),
        campaign_id: None,
    };
    let err = t.add_cost(&cost, &owner).await.expect_err("1999");
    assert_eq!(
        refused_on(err, Field::SpentOn),
        "Date must fall in the years 2000 to 2100."
    );

    let payout = PayoutInput {
        paid_on: "2101-01-01".into(),
        amount: "5".into(),
        method: PayoutMethod::BankTransfer,
        reference: String::new(),
        period_from: String::new(),
        period_to: String::new(),
        confirm_over_balance: true,
    };
    let err = t
        .record_payout(bakery, &payout, &owner)
        .await
        .expect_err("2101");
    assert!(refused_on(err, Field::PaidOn).contains("must fall in the years 2000 to 2100"));

    let mut terms = testing::terms();
    terms.effective_from = "0202-01-01".into();
    let err = t
        .create_draft(bakery, Some(&terms), &owner)
        .await
        .expect_err("0202");
    assert!(refused_on(err, Field::EffectiveFrom).contains("must fall in the years 2000 to 2100"));

    let err = t
        .set_month_revenue(&testing::revenue("1999-12", "1000"), &owner)
        .await
        .expect_err("1999-12");
    assert!(refused_on(err, Field::Month).contains("must fall in the years 2000 to 2100"));

    let options = CodeOptions {
        valid_until: "2999-12-31".into(),
        ..Default::default()
    };
    let err = t
        .issue_code(bakery, None, &options, &owner)
        .await
        .expect_err("2999");
    assert!(refused_on(err, Field::ValidUntil).contains("must fall in the years 2000 to 2100"));

    assert_eq!(testing::audit_rows(&t).await.len(), before, "nothing saved");
    // The edges themselves are fine.
    let edge = CostInput {
        spent_on: "2000-01-01".into(),
        ..cost
    };
    t.add_cost(&edge, &owner).await.expect("1 January 2000");
}
