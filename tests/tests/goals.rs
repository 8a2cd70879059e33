//! Goals: the owner sets a goal of three new customers a month (beside the two the demo set
//! months ago). The demo's sales brought two this month, so the dashboard shows it two thirds done and not met; one more new customer
//! at the counter, and the goal shows met.

use partnerdesk_e2e::{fresh_data_dir, ids, unused_demo_card, App, Launch};

const GOAL: &str = "3 new customers a month by December 2030";

#[test]
fn new_customer_goal_is_met_by_the_third_new_customer() {
    let data = fresh_data_dir();
    let app = App::launch_with(data.path(), Launch::new().arg("--demo"));
    app.sign_in_as_owner();

    app.click(ids::nav::MONEY);
    app.click(ids::money::TAB_COSTS);
    app.select_by_value(ids::money::GOAL_KIND, "newCustomersPerMonth");
    app.type_into(ids::money::GOAL_TARGET, "3");
    app.type_into(ids::money::GOAL_MONTH, "2030-12");
    app.click(ids::money::GOAL_SUBMIT);
    app.wait_until("the goal saved", |app| {
        let saved = app.texts(ids::money::GOAL_SAVED);
        saved
            .iter()
            .any(|t| t.ends_with("Goal set. The dashboard shows how far along it is."))
            .then_some(())
    });

    // Two of the demo's three sales today were new customers.
    app.click(ids::money::TAB_DASHBOARD);
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
    app.click(ids::nav::COUNTER);
    app.send_keys(ids::counter::INPUT, &format!("{card}\n"));
    app.wait_until("the card to read VALID", |app| {
        (app.texts(ids::counter::RESULT_TITLE) == ["VALID"]).then_some(())
    });
    app.type_into(ids::counter::SALE, "10,00");
    app.click(ids::counter::NEW_CUSTOMER);
    app.click(ids::counter::LOG_BUTTON);
    app.wait_for(ids::counter::CONFIRMATION);

    app.click(ids::nav::MONEY);
    app.click(ids::money::TAB_DASHBOARD);
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
    let script = &format!(
        "[...document.querySelectorAll('[data-testid=\"{}\"]')]\
                  .find(x => x.querySelector('.title')?.innerText.trim() === '{GOAL}')\
                  ?.scrollIntoView({{ block: 'center' }});",
        ids::money::GOAL
    );
    app.execute(script, vec![]);
}

/// This story's goal on the dashboard (beside the demo's own), as shown.
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
    let script = &format!(
        "const g = [...document.querySelectorAll('[data-testid=\"{}\"]')]\
                  .filter(x => x.querySelector('.title')?.innerText.trim() === '{GOAL}');\
                  if (g.length !== 1) return null;\
                  const t = s => g[0].querySelector(s)?.innerText.trim() ?? null;\
                  return [t('.title'), t('.pct'), t('.current'), g[0].dataset.met, t('.badge')];",
        ids::money::GOAL
    );
    let got = app.wait_until("the story's goal on the dashboard", |app| {
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
