//! Corrections on the demo: a program cost reversed, a month's revenue corrected, a goal
//! edited and archived. Each leaves what it corrects on record, says who and why, and is
//! refused, changing nothing, when it cannot be made.

use chrono::{Datelike, NaiveDate};
use partnerdesk_core::audit::AuditEntity;
use partnerdesk_core::error::{Field, ProgramError};
use partnerdesk_core::ids::{CostId, GoalId};
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::program::{CostCategory, CostInput, GoalInput, GoalKind, RevenueInput};
use partnerdesk_core::store::DB_FILE_NAME;
use partnerdesk_core::testing::{self, day_logged, demo_desk, store_state, TestDesk};
use partnerdesk_core::{Actor, Desk, Error};
use serde_json::json;
use sqlx::Connection;

fn cost(day: NaiveDate, amount: &str, partner: Option<PartnerId>) -> CostInput {
    CostInput {
        spent_on: testing::iso(day),
        category: CostCategory::Printing,
        amount: amount.into(),
        partner_id: partner,
        description: "Card sheets".into(),
        campaign_id: None,
    }
}

fn correction(month: &str, amount: &str, reason: &str) -> RevenueInput {
    RevenueInput {
        reason: reason.into(),
        ..testing::revenue(month, amount)
    }
}

fn customers(target: &str) -> GoalInput {
    GoalInput {
        kind: GoalKind::NewCustomersPerMonth,
        target: target.into(),
        by_month: "2027-06".into(),
    }
}

/// The demo with a €20.00 printing cost booked to the bakery and €10.00 shared, on the day
/// of its sales.
async fn demo_with_costs() -> (TestDesk, NaiveDate, CostId, CostId) {
    let (t, bakery) = demo_desk().await;
    let owner = Actor::owner();
    let day = day_logged(&t).await;
    let booked = t.add_cost(&cost(day, "20", Some(bakery)), &owner).await;
    let shared = t.add_cost(&cost(day, "10,00", None), &owner).await;
    (t, day, booked.expect("cost").id, shared.expect("cost").id)
}

#[tokio::test]
async fn a_reversed_cost_leaves_every_sum_and_stays_listed_with_why() {
    let (t, day, booked, shared) = demo_with_costs().await;
    let owner = Actor::owner();
    let before = t.dashboard((day, day)).await.expect("dashboard");
    // Demo: commissions €3.14 over 2 new customers, plus the costs.
    assert_eq!(before.total.costs, "€30.00");
    assert_eq!(before.total.cac.as_deref(), Some("€16.57"));

    let reversed = t
        .reverse_cost(booked, "Booked to the wrong partner", &owner)
        .await
        .expect("reverse");
    let done = reversed.reversal.as_ref().expect("marked reversed");
    assert_eq!(
        (done.by.as_str(), done.reason.as_str()),
        ("owner", "Booked to the wrong partner")
    );

    let after = t.dashboard((day, day)).await.expect("dashboard");
    assert_eq!(after.total.costs, "€10.00");
    // €3.14 + €10.00 = €13.14 over 2 = €6.57.
    assert_eq!(after.total.program_cost, "€13.14");
    assert_eq!(after.total.cac.as_deref(), Some("€6.57"));
    assert_eq!(after.partners[0].figures.costs, "€0.00");
    let (total, _) = t.program_figures((day, day)).await.expect("figures");
    assert_eq!(total.costs.minor, 1000);

    // Both still listed, the reversed one marked with its reason.
    let listed = t.costs((day, day)).await.expect("costs");
    let marks: Vec<_> = listed
        .iter()
        .map(|c| {
            (
                c.id,
                c.amount.as_str(),
                c.reversal.as_ref().map(|r| &*r.reason),
            )
        })
        .collect();
    assert_eq!(
        marks,
        [
            (shared, "€10.00", None),
            (booked, "€20.00", Some("Booked to the wrong partner")),
        ]
    );

    let trail = t
        .audit_trail(AuditEntity::ProgramCost, booked.0)
        .await
        .expect("trail");
    let actions: Vec<_> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["record", "reverse"]);
    let entry = &trail[1];
    assert_eq!(
        entry.before.as_ref().expect("before")["reversal"],
        json!(null)
    );
    assert_eq!(
        entry.after.as_ref().expect("after")["reversal"]["reason"],
        "Booked to the wrong partner"
    );

    t.reverse_cost(shared, "Paid by the bakery after all", &owner)
        .await
        .expect("reverse shared");
    let none = t.dashboard((day, day)).await.expect("dashboard");
    assert_eq!(none.total.costs, "€0.00");
}

#[tokio::test]
async fn a_cost_is_reversed_once_and_a_bad_reversal_changes_nothing() {
    let (t, _, booked, _) = demo_with_costs().await;
    let owner = Actor::owner();
    t.reverse_cost(booked, "Typed twice", &owner)
        .await
        .expect("reverse");
    let before = store_state(&t).await;

    let twice = t
        .reverse_cost(booked, "Again", &owner)
        .await
        .expect_err("twice");
    assert!(
        matches!(&twice, Error::Program(ProgramError::CostAlreadyReversed { reason, .. })
            if reason == "Typed twice"),
        "{twice:?}"
    );
    assert_eq!(
        twice.to_string(),
        "This cost was already reversed by owner: Typed twice"
    );
    for blank in ["", "   ", "\u{200B}\u{202E}"] {
        let err = t
            .reverse_cost(booked, blank, &owner)
            .await
            .expect_err("blank reason");
        assert_eq!(err.field(), Some(Field::Reason), "{blank:?}");
        assert_eq!(err.to_string(), "Reason is required.");
    }
    let unknown = t
        .reverse_cost(CostId(987_654), "No such cost", &owner)
        .await
        .expect_err("unknown");
    assert!(
        matches!(
            unknown,
            Error::Program(ProgramError::CostNotFound(CostId(987_654)))
        ),
        "{unknown:?}"
    );
    assert!(
        store_state(&t).await == before,
        "a refused reversal changed the store"
    );
}

#[tokio::test]
async fn a_corrected_month_keeps_both_figures_and_the_share_uses_the_new_one() {
    let (t, _) = demo_desk().await;
    let owner = Actor::owner();
    let day = day_logged(&t).await;
    let month = day.format("%Y-%m").to_string();
    t.add_goal(
        &GoalInput {
            kind: GoalKind::RevenueShare,
            target: "20".into(),
            by_month: "2027-06".into(),
        },
        &owner,
    )
    .await
    .expect("goal");
    t.set_month_revenue(&testing::revenue(&month, "1000"), &owner)
        .await
        .expect("revenue");
    let first = t
        .dashboard(testing::month_of(day))
        .await
        .expect("dashboard");
    // €39.15 paid by referred customers, of €1,000.00.
    assert_eq!(first.share.as_deref(), Some("3.92 %"));

    // A different figure without a reason is refused beside the reason, and saves nothing.
    let before = store_state(&t).await;
    let err = t
        .set_month_revenue(&testing::revenue(&month, "500"), &owner)
        .await
        .expect_err("no reason");
    assert_eq!(err.field(), Some(Field::Reason));
    assert_eq!(
        err.to_string(),
        "This month already has a figure: say why it changes (the old figure stays in the \
         history)."
    );
    assert!(
        store_state(&t).await == before,
        "a refused correction changed the store"
    );

    let corrected = t
        .set_month_revenue(&correction(&month, "500", "Typed a zero too many"), &owner)
        .await
        .expect("corrected");
    assert_eq!(corrected.amount, "€500.00");
    let history: Vec<_> = corrected
        .history
        .iter()
        .map(|e| (e.amount.as_str(), e.reason.as_str(), e.by.as_str()))
        .collect();
    assert_eq!(
        history,
        [
            ("€500.00", "Typed a zero too many", "owner"),
            ("€1,000.00", "", "owner"),
        ]
    );
    // The same figure again (a second Enter) adds nothing.
    let again = t
        .set_month_revenue(&testing::revenue(&month, "500,00"), &owner)
        .await
        .expect("same again");
    assert_eq!(again, corrected);
    // The latest month first, before the demo's year of figures.
    assert_eq!(t.month_revenues().await.expect("months")[0], corrected);

    // €39.15 of €500.00 = 7.83 %, which is 39 % of the way to 20 %.
    let now = t
        .dashboard(testing::month_of(day))
        .await
        .expect("dashboard");
    assert_eq!(
        (now.shop_revenue.as_deref(), now.share.as_deref()),
        (Some("€500.00"), Some("7.83 %"))
    );
    // This test's goal, after the demo's two.
    assert_eq!(now.goals.last().expect("goal").percent_done, 39);

    let key = i64::from(day.year()) * 100 + i64::from(day.month());
    let trail = t
        .audit_trail(AuditEntity::MonthlyRevenue, key)
        .await
        .expect("trail");
    let entries: Vec<_> = trail
        .iter()
        .map(|e| (e.action.as_str(), e.before.clone(), e.after.clone()))
        .collect();
    assert_eq!(
        entries,
        [
            (
                "set",
                None,
                Some(json!({"month": month, "amount": "€1,000.00", "reason": ""}))
            ),
            (
                "correct",
                Some(json!({"month": month, "amount": "€1,000.00", "reason": ""})),
                Some(
                    json!({"month": month, "amount": "€500.00", "reason": "Typed a zero too many"})
                )
            ),
        ]
    );
}

#[tokio::test]
async fn an_edited_goal_is_replaced_and_an_archived_one_leaves_the_dashboard() {
    let (t, _) = demo_desk().await;
    let owner = Actor::owner();
    let day = day_logged(&t).await;
    // The demo's own goals step aside, so the dashboard shows only this test's.
    for demo in t.goals_list().await.expect("goals") {
        t.archive_goal(demo.id, "Not this test's", &owner)
            .await
            .expect("archive");
    }
    let first = t.add_goal(&customers("40"), &owner).await.expect("goal");

    // A bad edit is refused beside its field; the same values again change nothing.
    let before = store_state(&t).await;
    let err = t
        .update_goal(first, &customers("none"), &owner)
        .await
        .expect_err("bad target");
    assert_eq!(err.field(), Some(Field::Target));
    let same = t
        .update_goal(first, &customers("40"), &owner)
        .await
        .expect("same");
    assert_eq!(same.id, first);
    assert!(
        store_state(&t).await == before,
        "nothing to change changed the store"
    );

    let edited = t
        .update_goal(first, &customers("30"), &owner)
        .await
        .expect("edit");
    assert_ne!(edited.id, first);
    assert_eq!(
        (
            edited.title.as_str(),
            edited.target.as_str(),
            edited.replaces
        ),
        ("30 new customers a month by June 2027", "30", Some(first))
    );
    let board = t.dashboard((day, day)).await.expect("dashboard");
    let titles: Vec<_> = board.goals.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(titles, ["30 new customers a month by June 2027"]);

    t.archive_goal(edited.id, "Opening a second shop instead", &owner)
        .await
        .expect("archive");
    let board = t.dashboard((day, day)).await.expect("dashboard");
    assert!(board.goals.is_empty(), "{:?}", board.goals);

    // Both still listed, archived: the latest archived first, each saying why.
    let listed = t.goals_list().await.expect("goals");
    let shown: Vec<_> = listed
        .iter()
        .map(|g| {
            let a = g.archived.as_ref().expect("archived");
            (g.id, g.target.as_str(), a.reason.as_str(), a.replaced_by)
        })
        .collect();
    assert_eq!(
        shown[..2],
        [
            (edited.id, "30", "Opening a second shop instead", None),
            (first, "40", "", Some(edited.id)),
        ]
    );

    // Archived goals are history: neither edited nor archived again.
    let before = store_state(&t).await;
    for id in [first, edited.id] {
        let err = t
            .update_goal(id, &customers("20"), &owner)
            .await
            .expect_err("edit archived");
        assert!(
            matches!(err, Error::Program(ProgramError::GoalArchived { .. })),
            "{err:?}"
        );
        let err = t
            .archive_goal(id, "", &owner)
            .await
            .expect_err("archive twice");
        assert!(
            matches!(err, Error::Program(ProgramError::GoalArchived { .. })),
            "{err:?}"
        );
    }
    let err = t
        .archive_goal(GoalId(987_654), "", &owner)
        .await
        .expect_err("unknown");
    assert!(
        matches!(
            err,
            Error::Program(ProgramError::GoalNotFound(GoalId(987_654)))
        ),
        "{err:?}"
    );
    assert!(
        store_state(&t).await == before,
        "a refused goal change changed the store"
    );

    let trail = t
        .audit_trail(AuditEntity::Goal, first.0)
        .await
        .expect("trail");
    let actions: Vec<_> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["set", "replace"]);
    let trail = t
        .audit_trail(AuditEntity::Goal, edited.id.0)
        .await
        .expect("trail");
    let actions: Vec<_> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["edit", "archive"]);
    assert_eq!(trail[0].before.as_ref().expect("before")["target"], "40");
}

/// The version before corrections: a file stopped before it is what that version wrote.
const CORRECTIONS_SCHEMA: i64 = 20261207000009;

#[tokio::test]
async fn revenue_entered_before_corrections_becomes_each_month_s_first_figure() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(DB_FILE_NAME);
    let mut conn = testing::file_before(&path, CORRECTIONS_SCHEMA).await;
    for sql in [
        "INSERT INTO monthly_revenue (month, currency, amount_minor, updated_at)
         VALUES ('2026-09', 'EUR', 800000, 1), ('2026-10', 'EUR', 1200000, 2)",
        // October was set twice, the last time by Maya; September's entry is lost.
        "INSERT INTO audit_log (at, actor, entity, entity_id, action, after_json) VALUES
         (1, 'owner', 'monthly_revenue', 0, 'set', '[\"2026-10\", \"€10,000.00\"]'),
         (2, 'Maya', 'monthly_revenue', 0, 'set', '[\"2026-10\", \"€12,000.00\"]')",
    ] {
        sqlx::query(sql).execute(&mut conn).await.expect(sql);
    }
    conn.close().await.expect("close");

    let t = Desk::open(dir.path()).await.expect("open and migrate");
    testing::save_profile(&t).await;
    let months: Vec<_> = t
        .month_revenues()
        .await
        .expect("months")
        .into_iter()
        .map(|m| {
            let first = &m.history[0];
            (m.month, m.amount, m.history.len(), first.by.clone())
        })
        .collect();
    assert_eq!(
        months,
        [
            ("2026-10".into(), "€12,000.00".into(), 1, "Maya".into()),
            ("2026-09".into(), "€8,000.00".into(), 1, "owner".into()),
        ]
    );
    let err = t
        .set_month_revenue(&testing::revenue("2026-10", "1"), &Actor::owner())
        .await
        .expect_err("a correction needs a reason");
    assert_eq!(err.field(), Some(Field::Reason));
}
