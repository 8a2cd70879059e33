//! Corrections: the owner reverses a cost entered twice (the dialog insists on a reason),
//! corrects a month's revenue (the form asks why, beside the amount, and keeps the old
//! figure in the history), and edits then archives a goal. Each stays on screen as history,
//! and the dashboard tracks only what is in force.

use partnerdesk_e2e::{fresh_data_dir, ids, query, App, Launch};

#[test]
fn a_cost_reversed_a_month_corrected_and_a_goal_edited_then_archived() {
    let data = fresh_data_dir();
    let app = App::launch_with(data.path(), Launch::new().demo());
    app.sign_in_as_owner();
    let demo_month = app.show_money_from_the_demo_month(data.path());
    let demo_month = demo_month.as_str();
    app.click(ids::money::TAB_COSTS);

    // A cost entered by mistake, reversed: refused without a reason, then marked with it.
    app.select_by_value(ids::money::COST_CATEGORY, "printing");
    app.type_into(ids::money::COST_AMOUNT, "25,00");
    app.click(ids::money::COST_SUBMIT);
    app.wait_for_exact_text(ids::money::COST_SAVED, "✓ Added €25.00 for printing.");
    app.click(ids::money::COST_REVERSE);
    app.wait_for(ids::money::reverse_cost::DIALOG);
    app.click(ids::money::reverse_cost::CONFIRM);
    app.wait_for_text(ids::money::reverse_cost::ERROR, "Reason is required.");
    app.type_into(ids::money::reverse_cost::REASON, "Entered twice");
    app.screenshot("corrections-reverse-cost");
    app.click(ids::money::reverse_cost::CONFIRM);
    app.wait_gone(ids::money::reverse_cost::DIALOG);
    app.wait_for_attr(ids::money::COST_ROW, "data-reversed", "true");
    let row = app.text(ids::money::COST_ROW);
    assert!(
        row.contains("€25.00") && row.contains("Reversed") && row.contains("Entered twice"),
        "the cost stays listed, marked with why: {row:?}"
    );
    assert!(
        !app.is_shown(ids::money::COST_REVERSE),
        "a cost is reversed once"
    );
    assert_eq!(
        query(data.path(), "SELECT reason FROM cost_reversals"),
        ["Entered twice"]
    );

    // The month's revenue, then a correction: the form says what it replaces and asks why.
    app.enter_month_revenue(demo_month, "2400");
    app.wait_for_text(ids::money::REVENUE_REPLACES, "already has €2,400.00");
    app.type_into(ids::money::REVENUE_AMOUNT, "2000");
    app.click(ids::money::REVENUE_SUBMIT);
    app.wait_for_text(&ids::field_error("reason"), "already has a figure");
    app.type_into(ids::money::REVENUE_REASON, "Counted a refund as a sale");
    app.click(ids::money::REVENUE_SUBMIT);
    app.wait_for_exact_text(
        ids::money::REVENUE_SAVED,
        &format!(
            "✓ Corrected the revenue for {demo_month}: €2,000.00 is in force, €2,400.00 stays \
             in the history."
        ),
    );
    app.wait_for_text(ids::money::REVENUE_MONTH_ROW, "€2,000.00");
    assert_eq!(
        query(
            data.path(),
            &format!(
                "SELECT amount_minor || '|' || reason FROM revenue_entries
                 WHERE month = '{demo_month}' ORDER BY id"
            )
        ),
        ["240000|", "200000|Counted a refund as a sale"]
    );
    app.screenshot("corrections-revenue");

    // A goal, edited (the form opens filled), then archived after a confirmation.
    app.type_into(ids::money::GOAL_TARGET, "20");
    app.type_into(ids::money::GOAL_MONTH, "2027-06");
    app.click(ids::money::GOAL_SUBMIT);
    app.wait_for_text(
        ids::money::GOAL_ROW,
        "20 % of revenue via partners by June 2027",
    );
    click_in_goal(
        &app,
        "20 % of revenue via partners by June 2027",
        ids::money::GOAL_EDIT,
    );
    app.wait_until("the goal form filled", |app| {
        (app.value(ids::money::GOAL_TARGET) == "20").then_some(())
    });
    app.type_into(ids::money::GOAL_TARGET, "10");
    app.click(ids::money::GOAL_SUBMIT);
    app.wait_for_text(
        ids::money::GOAL_CHANGED,
        "Goal changed to: 10 % of revenue via partners by June 2027.",
    );
    click_in_goal(
        &app,
        "10 % of revenue via partners by June 2027",
        ids::money::GOAL_ARCHIVE,
    );
    app.wait_for(ids::money::archive_goal::DIALOG);
    app.click(ids::money::archive_goal::CONFIRM);
    app.wait_gone(ids::money::archive_goal::DIALOG);
    app.wait_for_text(ids::money::GOAL_CHANGED, "Archived:");
    assert_eq!(
        query(
            data.path(),
            "SELECT target || '|' || (archived_at IS NOT NULL) FROM goals ORDER BY id"
        ),
        // The demo's two, then this story's.
        ["20|0", "500|0", "2000|1", "1000|1"]
    );
    app.screenshot("corrections-goals");

    // The dashboard tracks no archived goal: the demo's two alone.
    app.click(ids::money::TAB_DASHBOARD);
    app.wait_for(ids::money::HEADLINE);
    let goals = app.wait_until("the demo's goals", |app| {
        let goals = app.texts(ids::money::GOAL);
        (goals.len() == 2).then_some(goals)
    });
    assert!(
        goals.iter().all(|g| !g.contains("June 2027")),
        "an archived goal is off the dashboard: {goals:?}"
    );
}

/// Clicks `button` in the goal listed as `title`.
fn click_in_goal(app: &App, title: &str, button: &str) {
    let script = format!(
        "const row = [...document.querySelectorAll('[data-testid=\"{}\"]')]\
                  .find(r => r.innerText.includes('{title}'));\
         const b = row?.querySelector('[data-testid=\"{button}\"]');\
         if (!b) return false; b.click(); return true;",
        ids::money::GOAL_ROW
    );
    app.wait_until(&format!("{title} listed"), |app| {
        (app.execute(&script, vec![]) == serde_json::json!(true)).then_some(())
    });
}
