//! Goals: the owner sets a goal of three new customers a month. The demo's sales brought two
//! this month, so the dashboard shows it two thirds done and not met; one more new customer
//! at the counter, and the goal shows met.

use partnerdesk_e2e::{fresh_data_dir, unused_demo_card, App, Launch};

const GOAL: &str = "3 new customers a month by December 2030";

#[test]
fn new_customer_goal_is_met_by_the_third_new_customer() {
    let data = fresh_data_dir();
    let app = App::launch_with(data.path(), Launch::new().arg("--demo"));

    app.click("nav-money");
    app.click("money-tab-costs");
    app.select_by_value("money-goal-kind", "newCustomersPerMonth");
    app.type_into("money-goal-target", "3");
    app.type_into("money-goal-month", "2030-12");
    app.click("money-goal-submit");
    app.wait_until("the goal saved", |app| {
        let saved = app.texts("money-goal-saved");
        saved
            .iter()
            .any(|t| t.ends_with("Goal set. The dashboard shows how far along it is."))
            .then_some(())
    });

    // Two of the demo's three sales today were new customers.
    app.click("money-tab-dashboard");
    let before = goal(&app);
    assert_eq!(
        before,
        Goal {
            title: GOAL.into(),
            percent: "66%".into(),
            current: "2 new customers this month".into(),
            met: false,
            badge: false,
        }
    );
    show_goal(&app);
    app.screenshot("goals-not-met");

    // A third new customer, at the counter.
    let card = unused_demo_card(data.path());
    app.click("nav-counter");
    app.send_keys("counter-code", &format!("{card}\n"));
    app.wait_until("the card to read VALID", |app| {
        (app.texts("counter-result-title") == ["VALID"]).then_some(())
    });
    app.type_into("counter-sale", "10,00");
    app.click("counter-new-customer");
    app.click("counter-log");
    app.wait_for("counter-confirmation");

    app.click("nav-money");
    app.click("money-tab-dashboard");
    let after = app.wait_until("the goal to say met", |app| {
        let g = goal(app);
        g.met.then_some(g)
    });
    assert_eq!(
        after,
        Goal {
            title: GOAL.into(),
            percent: "100%".into(),
            current: "3 new customers this month".into(),
            met: true,
            badge: true,
        }
    );
    show_goal(&app);
    app.screenshot("goals-met");
}

/// Scrolls the goal into the window, for the screenshot.
fn show_goal(app: &App) {
    let script = "document.querySelector('[data-testid=\"money-goal\"]')\
                  ?.scrollIntoView({ block: 'center' });";
    app.execute(script, vec![]);
}

/// The one goal on the dashboard, as shown.
#[derive(Debug, PartialEq)]
struct Goal {
    title: String,
    percent: String,
    current: String,
    /// `data-met`, what the core said.
    met: bool,
    /// The "✓ Met" badge is shown.
    badge: bool,
}

fn goal(app: &App) -> Goal {
    let script = "const g = document.querySelectorAll('[data-testid=\"money-goal\"]');\
                  if (g.length !== 1) return null;\
                  const t = s => g[0].querySelector(s)?.innerText.trim() ?? null;\
                  return [t('.title'), t('.pct'), t('.current'), g[0].dataset.met, t('.badge')];";
    let got = app.wait_until("one goal on the dashboard", |app| {
        app.execute(script, vec![]).as_array().cloned()
    });
    let text = |i: usize| got[i].as_str().unwrap_or_default().to_string();
    Goal {
        title: text(0),
        percent: text(1),
        current: text(2),
        met: text(3) == "true",
        badge: text(4) == "✓ Met",
    }
}
