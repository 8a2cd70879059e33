//! The walls around corrections: program costs and their reversals, every revenue figure
//! entered, and goals are history too. Nothing rewrites them by inserting over them, by
//! UPDATE or by DELETE; a goal changes only by being archived, once.

use super::harness::{
    breach, connection, connection_kinds, described, holds, ledger, update_or_replace, Wall,
};
use partnerdesk_core::testing;

#[tokio::test]
async fn program_costs_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "program_costs",
        target: "id = (SELECT min(id) FROM program_costs)",
        keys: &[&["id"]],
        change: &[("amount_minor", "1")],
        refusal: "program costs are never replaced",
        update_refusal: "program costs are never changed",
    })
    .await;
}

#[tokio::test]
async fn cost_reversals_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "cost_reversals",
        target: "id = (SELECT min(id) FROM cost_reversals)",
        keys: &[&["id"], &["cost_id"]],
        change: &[("reason", "'rewritten'")],
        refusal: "a cost is reversed once",
        update_refusal: "cost reversals are never changed",
    })
    .await;
}

#[tokio::test]
async fn revenue_figures_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "revenue_entries",
        // The correction: the figure in force.
        target: "id = (SELECT max(id) FROM revenue_entries)",
        keys: &[&["id"]],
        change: &[("amount_minor", "1")],
        refusal: "revenue entries are never replaced",
        update_refusal: "revenue entries are never changed",
    })
    .await;
}

#[tokio::test]
async fn goals_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "goals",
        // The edited goal's replacement, which points back at it.
        target: "id = (SELECT max(id) FROM goals)",
        keys: &[&["id"], &["replaces"]],
        change: &[("target", "99")],
        refusal: "goals are never replaced",
        update_refusal: "a goal is only ever archived, once",
    })
    .await;
}

#[tokio::test]
async fn corrections_cannot_be_updated_or_deleted() {
    let t = ledger().await.t;
    let archived = "id = (SELECT min(id) FROM goals)";
    let active = "id = (SELECT max(id) FROM goals)";
    // SQLite writes to no view. A server writes through a view as plain as this one to the
    // entries beneath, where their own walls refuse: an entry is never changed, and one
    // needs a reason the view does not show.
    let (update_view, insert_view) = if testing::on_server() {
        (
            "revenue entries are never changed",
            "null value in column \"reason\" of relation \"revenue_entries\"",
        )
    } else {
        (
            "cannot modify monthly_revenue because it is a view",
            "cannot modify monthly_revenue because it is a view",
        )
    };
    let attempts = [
        (
            "UPDATE program_costs SET amount_minor = 1".to_string(),
            "program costs are never changed",
        ),
        (
            "DELETE FROM program_costs".into(),
            "program costs are never deleted",
        ),
        (
            "UPDATE cost_reversals SET reason = 'rewritten'".into(),
            "cost reversals are never changed",
        ),
        (
            "DELETE FROM cost_reversals".into(),
            "cost reversals are never deleted",
        ),
        (
            "UPDATE revenue_entries SET amount_minor = 1".into(),
            "revenue entries are never changed",
        ),
        (
            "DELETE FROM revenue_entries".into(),
            "revenue entries are never deleted",
        ),
        // The figure in force is a view of the entries: nothing changes through it.
        (
            "UPDATE monthly_revenue SET amount_minor = 1".into(),
            update_view,
        ),
        (
            "INSERT INTO monthly_revenue VALUES ('2026-10', 'EUR', 1, 0)".into(),
            insert_view,
        ),
        (
            format!("UPDATE goals SET target = 99 WHERE {active}"),
            "a goal is only ever archived, once",
        ),
        (
            format!(
                "UPDATE goals SET archived_at = 1, archived_by = 'mallory', \
                 archived_reason = 'again' WHERE {archived}"
            ),
            "a goal is only ever archived, once",
        ),
        (
            format!(
                "{} goals SET replaces = NULL WHERE {active}",
                update_or_replace()
            ),
            "a goal is only ever archived, once",
        ),
        ("DELETE FROM goals".into(), "goals are never deleted"),
    ];
    let mut breaches = Vec::new();
    for &like_the_app in connection_kinds() {
        let mut conn = connection(&t, like_the_app).await;
        for (sql, refusal) in &attempts {
            let how = format!("{sql}, {}", described(like_the_app));
            breaches.extend(breach(&mut conn, &how, sql, refusal).await);
        }
        conn.close().await.expect("close");
    }
    assert!(breaches.is_empty(), "{}", breaches.join("\n"));
}
