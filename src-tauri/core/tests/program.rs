//! Program stories on the demo: costs, revenue share, CAC, ROI and goals, checked against
//! figures worked out by hand.

use partnerdesk_core::error::Field;
use partnerdesk_core::ledger::VoidInput;
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::program::{CostCategory, CostInput, GoalInput, GoalKind};
use partnerdesk_core::testing::{self, day_logged, demo_desk, start_day};
use partnerdesk_core::Actor;

fn cost(amount: &str, partner: Option<PartnerId>) -> CostInput {
    CostInput {
        spent_on: start_day().format("%Y-%m-%d").to_string(),
        category: CostCategory::Printing,
        amount: amount.into(),
        partner_id: partner,
        description: "Card sheets".into(),
        campaign_id: None,
    }
}

fn this_month() -> String {
    start_day().format("%Y-%m").to_string()
}

#[tokio::test]
async fn the_demo_dashboard_adds_up_by_hand() {
    let (t, bakery) = demo_desk().await;
    let owner = Actor::owner();
    t.add_cost(&cost("20", Some(bakery)), &owner)
        .await
        .expect("cost");
    t.add_cost(&cost("10,00", None), &owner)
        .await
        .expect("shared cost");
    t.set_month_revenue(&testing::revenue(&this_month(), "1000"), &owner)
        .await
        .expect("revenue");
    let share = GoalInput {
        kind: GoalKind::RevenueShare,
        target: "20".into(),
        by_month: "2027-06".into(),
    };
    let customers = GoalInput {
        kind: GoalKind::NewCustomersPerMonth,
        target: "40".into(),
        by_month: "2027-06".into(),
    };
    t.add_goal(&share, &owner).await.expect("goal");
    t.add_goal(&customers, &owner).await.expect("goal");

    // The whole month: the share divides by whole months of revenue only.
    let day = day_logged(&t).await;
    let d = t
        .dashboard(testing::month_of(day))
        .await
        .expect("dashboard");
    let total = &d.total;
    // Demo sales €12.50 + €8.00 + €23.00, 10 % off each, 8 % of what was paid.
    assert_eq!((total.redemptions, total.new_customers), (3, 2));
    assert_eq!(
        (total.sales.as_str(), total.discounts.as_str()),
        ("€43.50", "€4.35")
    );
    assert_eq!(
        (total.commissions.as_str(), total.costs.as_str()),
        ("€3.14", "€30.00")
    );
    assert_eq!(total.revenue, "€39.15");
    // New customers bought for €12.50 and €23.00 (€31.95 after 10 % off); the returning
    // customer's €8.00 is €7.20 after it.
    assert_eq!(
        (total.sourced.as_str(), total.influenced.as_str()),
        ("€31.95", "€7.20")
    );
    // €3.14 + €30.00 = €33.14 (the discounts are already off what customers paid), over 2
    // new customers = €16.57.
    assert_eq!(total.program_cost, "€33.14");
    assert_eq!(total.cac.as_deref(), Some("€16.57"));
    // (€39.15 − €33.14) ÷ €33.14 = 18.135… % → 18 %.
    assert_eq!(total.roi.as_deref(), Some("18 %"));
    // The €10.00 booked to no partner is in the headline's cost, in no partner's.
    assert_eq!(d.shared_costs, "€10.00");
    // €39.15 of €1,000.00 = 3.915 % → 3.92 %.
    assert_eq!(
        (d.shop_revenue.as_deref(), d.share.as_deref()),
        (Some("€1,000.00"), Some("3.92 %"))
    );

    assert_eq!(d.partners.len(), 1);
    assert_eq!(d.partners[0].name, "Crumb & Co. Bakery");
    assert_eq!(d.partners[0].figures.costs, "€20.00");
    // The bakery alone: €3.14 + €20.00 over its 2 new customers = €11.57.
    assert_eq!(d.partners[0].figures.cac.as_deref(), Some("€11.57"));
    assert_eq!(d.partners[0].figures.sourced, "€31.95");
    assert_eq!(d.weeks.len(), 1);
    assert_eq!((d.weeks[0].redemptions, d.weeks[0].sales_minor), (3, 4350));

    // This test's goals, after the two the demo set three months ago.
    let titles: Vec<_> = d
        .goals
        .iter()
        .filter(|g| g.title.ends_with("by June 2027"))
        .map(|g| (g.title.as_str(), g.percent_done, g.met))
        .collect();
    assert_eq!(
        titles,
        [
            ("20 % of revenue via partners by June 2027", 19, false),
            ("40 new customers a month by June 2027", 5, false),
        ]
    );
}

#[tokio::test]
async fn voids_leave_every_figure() {
    let (t, _) = demo_desk().await;
    let first = partnerdesk_core::testing::todays_redemptions(&t).await[0].id;
    let void = VoidInput {
        reason: "Test sale".into(),
        restore_use: false,
    };
    t.void_redemption(first, &void, &Actor::owner())
        .await
        .expect("void");
    let day = day_logged(&t).await;
    let (total, _) = t.program_figures((day, day)).await.expect("figures");
    assert_eq!((total.redemptions, total.new_customers), (2, 1));
    assert_eq!(total.sales.minor, 800 + 2300);
    assert_eq!(total.commissions.minor, 58 + 166);
}

#[tokio::test]
async fn bad_costs_and_goals_are_refused_beside_their_field() {
    let (t, _) = demo_desk().await;
    let owner = Actor::owner();
    let err = t.add_cost(&cost("0", None), &owner).await.unwrap_err();
    assert_eq!(err.field(), Some(Field::Amount));
    let err = t
        .add_cost(
            &CostInput {
                spent_on: "yesterday".into(),
                ..cost("5", None)
            },
            &owner,
        )
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some(Field::SpentOn));
    let err = t
        .set_month_revenue(&testing::revenue("2026-13", "5"), &owner)
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some(Field::Month));
    let err = t
        .add_goal(
            &GoalInput {
                kind: GoalKind::RevenueShare,
                target: "120".into(),
                by_month: "2027-06".into(),
            },
            &owner,
        )
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some(Field::Target));
    let day = start_day();
    assert!(
        t.costs((day, day)).await.expect("costs").is_empty(),
        "nothing saved"
    );
}

#[tokio::test]
async fn what_if_recomputes_the_month_under_a_draft_and_changes_nothing() {
    let (t, bakery) = demo_desk().await;
    let owner = Actor::owner();
    let versions = t.agreement_versions(bakery).await.expect("versions");
    let draft = t
        .new_version_from(versions[0].id, &owner)
        .await
        .expect("draft");
    let mut terms = draft.terms.clone();
    terms.reward_percent = "10".into();
    t.update_draft(draft.id, &terms, &owner)
        .await
        .expect("update");
    let before = t.redemptions().await.expect("before");

    let w = t.what_if(bakery, draft.id, 1).await.expect("what if");
    assert_eq!(w.redemptions, 3);
    // 8 %: €0.90 + €0.58 + €1.66; 10 %: €1.125 → €1.12, €0.72, €2.07 (half-even).
    assert_eq!(
        (w.commission_actual.as_str(), w.commission_then.as_str()),
        ("€3.14", "€3.91")
    );
    assert_eq!(w.commission_difference, "+€0.77");
    assert_eq!(w.discount_difference, "€0.00");
    assert_eq!(
        t.redemptions().await.expect("after"),
        before,
        "nothing changed"
    );
}
