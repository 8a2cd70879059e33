//! The dashboard an owner reads at a glance: a year of months with the empty ones shown,
//! partner-sourced and partner-influenced sales apart, ROI to a whole percent, and the
//! costs booked to no partner named, so the headline cost per new customer and each
//! partner's can be told apart. Figures worked out by hand.

use partnerdesk_core::ledger::VoidInput;
use partnerdesk_core::program::{CostCategory, CostInput};
use partnerdesk_core::testing::{
    self, day, desk_at, log_sale, save_profile, shop_time, signed_partner, TestDesk,
};
use partnerdesk_core::{Actor, ManualClock};

/// A desk on 10 March 2026 with the profile saved, whose clock the test moves.
async fn desk() -> (TestDesk, ManualClock) {
    let time = ManualClock::fixed(shop_time(2026, 3, 10, 12, 0, 0));
    let t = desk_at(time.clone()).await;
    save_profile(&t).await;
    (t, time)
}

/// A partner with the helpers' terms (10 % off sales of €5 or more, 5 % of what the
/// customer paid to the partner) and one code that takes any number of sales.
async fn partner_with_code(t: &TestDesk, name: &str) -> String {
    let p = signed_partner(t, name, &testing::terms()).await;
    t.issue_code(p, None, &Default::default(), &Actor::owner())
        .await
        .expect("code")
        .printed
}

#[tokio::test]
async fn the_trend_is_twelve_months_with_the_empty_ones_shown_empty() {
    let (t, time) = desk().await;
    let code = partner_with_code(&t, "Crumb & Co. Bakery").await;
    // March: a new customer's €100 (paid €90) and a returning one's €50 (paid €45).
    log_sale(&t, "mar-new", &code, "100", true).await;
    log_sale(&t, "mar-back", &code, "50", false).await;
    // June: a new customer's €20 (paid €18), voided later. August: €30 (paid €27).
    time.set(shop_time(2026, 6, 15, 12, 0, 0));
    let june = log_sale(&t, "jun", &code, "20", true).await;
    time.set(shop_time(2026, 8, 3, 12, 0, 0));
    log_sale(&t, "aug", &code, "30", true).await;
    // January 2027: after the year shown below.
    time.set(shop_time(2027, 1, 5, 12, 0, 0));
    log_sale(&t, "jan", &code, "200", false).await;
    let void = VoidInput {
        reason: "Rang up twice".into(),
        restore_use: false,
    };
    t.void_redemption(june.id, &void, &Actor::owner())
        .await
        .expect("void");

    // December 2026 shown: the trend is January to December 2026, whatever the period's
    // first day.
    let d = t
        .dashboard((day(2026, 12, 1), day(2026, 12, 31)))
        .await
        .expect("dashboard");
    let months: Vec<_> = d.trend.months.iter().map(|m| m.month.as_str()).collect();
    assert_eq!(
        months,
        [
            "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08",
            "2026-09", "2026-10", "2026-11", "2026-12"
        ]
    );
    assert_eq!(d.trend.months[0].label, "Jan 2026");
    let march = &d.trend.months[2];
    assert_eq!(
        (march.redemptions, march.new_customers, march.empty),
        (2, 1, false)
    );
    assert_eq!(
        (
            march.revenue.as_str(),
            march.sourced.as_str(),
            march.influenced.as_str()
        ),
        ("€135.00", "€90.00", "€45.00")
    );
    assert_eq!((march.revenue_minor, march.sourced_minor), (13_500, 9_000));
    // Every other month but August is there, empty: June's only sale was voided.
    let empty: Vec<_> = d
        .trend
        .months
        .iter()
        .filter(|m| m.empty)
        .map(|m| m.month.as_str())
        .collect();
    assert_eq!(empty.len(), 10, "{empty:?}");
    assert!(empty.contains(&"2026-06"));
    let june = &d.trend.months[5];
    assert_eq!(
        (june.redemptions, june.revenue_minor, june.revenue.as_str()),
        (0, 0, "€0.00")
    );
    assert_eq!(d.trend.months[7].revenue, "€27.00");
    // Round steps up past the tallest month (€135.00): €50 each.
    let axis: Vec<_> = d.trend.axis.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(axis, ["€0", "€50", "€100", "€150"]);
    assert_eq!(d.trend.axis[1].minor, 5_000);

    // A period ending in January 2027: February 2026 to January 2027.
    let later = t
        .dashboard((day(2026, 6, 1), day(2027, 1, 31)))
        .await
        .expect("dashboard");
    let first = &later.trend.months[0];
    let last = &later.trend.months[11];
    assert_eq!(
        (first.month.as_str(), last.month.as_str()),
        ("2026-02", "2027-01")
    );
    assert_eq!(
        (
            last.revenue.as_str(),
            last.sourced.as_str(),
            last.influenced.as_str()
        ),
        ("€180.00", "€0.00", "€180.00")
    );
}

#[tokio::test]
async fn sourced_and_influenced_sales_are_apart_per_partner_and_in_total() {
    let (t, _) = desk().await;
    let bakery = partner_with_code(&t, "Crumb & Co. Bakery").await;
    let florist = partner_with_code(&t, "Fleur Florist").await;
    // Bakery: a new customer's €100 (paid €90), a returning one's €40 (paid €36).
    log_sale(&t, "b-new", &bakery, "100", true).await;
    log_sale(&t, "b-back", &bakery, "40", false).await;
    // Florist: a returning customer's €60 (paid €54).
    log_sale(&t, "f-back", &florist, "60", false).await;
    // €151 of printing for the program as a whole, booked to no partner.
    let cost = CostInput {
        spent_on: "2026-03-01".into(),
        category: CostCategory::Printing,
        amount: "151".into(),
        partner_id: None,
        description: "Card sheets".into(),
        campaign_id: None,
    };
    t.add_cost(&cost, &Actor::owner()).await.expect("cost");

    let d = t
        .dashboard(testing::month_of(day(2026, 3, 1)))
        .await
        .expect("dashboard");
    let total = &d.total;
    assert_eq!(total.revenue, "€180.00");
    assert_eq!(
        (total.sourced.as_str(), total.influenced.as_str()),
        ("€90.00", "€90.00")
    );
    let row = |name: &str| {
        d.partners
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name}"))
            .figures
            .clone()
    };
    let (b, f) = (row("Crumb & Co. Bakery"), row("Fleur Florist"));
    assert_eq!(
        (b.sourced.as_str(), b.influenced.as_str()),
        ("€90.00", "€36.00")
    );
    assert_eq!(
        (f.sourced.as_str(), f.influenced.as_str()),
        ("€0.00", "€54.00")
    );

    // Commission 5 % of €180 = €9.00, plus the €151: €160. (€180 − €160) ÷ €160 = 12.5 %,
    // a whole percent half-even: 12 %.
    assert_eq!(total.program_cost, "€160.00");
    assert_eq!(total.roi.as_deref(), Some("12 %"));
    // The headline's cost per new customer carries the shared €151; the bakery's, only its
    // own commission (€4.50 + €1.80); the dashboard names the difference.
    assert_eq!(total.cac.as_deref(), Some("€160.00"));
    assert_eq!(b.cac.as_deref(), Some("€6.30"));
    assert_eq!(f.cac, None);
    assert_eq!(d.shared_costs, "€151.00");
}

#[tokio::test]
async fn the_weekly_chart_shows_seven_partners_and_the_rest_together() {
    let (t, time) = desk().await;
    // Ten partners; the one named 01 sells the most, 10 the least.
    let mut codes = Vec::new();
    for n in 1..=10 {
        codes.push(partner_with_code(&t, &format!("Partner {n:02}")).await);
    }
    for (i, code) in codes.iter().enumerate() {
        let sale = format!("{}", 100 - i * 5);
        log_sale(&t, &format!("week-{i}"), code, &sale, true).await;
    }
    time.set(shop_time(2026, 3, 17, 12, 0, 0));
    log_sale(&t, "next-week", &codes[9], "5", false).await;
    let board = t
        .dashboard((day(2026, 3, 1), day(2026, 3, 31)))
        .await
        .expect("board");
    let names: Vec<_> = board.partners.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(&names[..3], ["Partner 01", "Partner 02", "Partner 03"]);
    let shown: Vec<_> = board.partners[..7]
        .iter()
        .map(|p| Some(p.partner_id))
        .collect();
    let week = |w: chrono::NaiveDate| -> Vec<_> {
        board
            .weeks
            .iter()
            .filter(|p| p.week == w)
            .map(|p| (p.partner_id, p.redemptions))
            .collect()
    };
    // Week of Monday 9 March: the best seven on their own, the other three as one.
    let mut first = shown.iter().map(|id| (*id, 1)).collect::<Vec<_>>();
    first.push((None, 3));
    let mut got = week(day(2026, 3, 9));
    got.sort();
    first.sort();
    assert_eq!(got, first);
    // Week of 16 March: Partner 10's one sale of €5, among the others.
    let others = week(day(2026, 3, 16));
    assert_eq!(others, [(None, 1)]);
    let point = board
        .weeks
        .iter()
        .find(|p| p.week == day(2026, 3, 16))
        .expect("point");
    assert_eq!(point.sales_minor, 500);
}
