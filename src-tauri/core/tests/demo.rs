//! The demo: a coffee shop, its bakery, five more partners, loaded once.

use partnerdesk_core::demo::DemoOutcome;
use partnerdesk_core::partners::PartnerStatus;
use partnerdesk_core::testing::{desk_with_profile, empty_desk};

#[tokio::test]
async fn demo_loads_a_coffee_shop_and_six_partners_in_every_status() {
    let t = empty_desk().await;
    assert!(t.is_empty().await.unwrap());
    assert_eq!(t.load_demo().await.unwrap(), DemoOutcome::Loaded);

    assert_eq!(
        t.profile().await.unwrap().unwrap().name,
        "Bean There Coffee"
    );
    let partners = t.partners(&Default::default()).await.unwrap();
    assert_eq!(partners.len(), 6);
    assert!(partners
        .iter()
        .any(|p| p.name == "Crumb & Co. Bakery" && p.status == PartnerStatus::Active));
    for status in PartnerStatus::ALL {
        assert!(
            partners.iter().any(|p| p.status == status),
            "no {status:?} partner"
        );
    }
}

#[tokio::test]
async fn demo_never_touches_a_database_in_use() {
    let t = desk_with_profile().await;
    assert_eq!(t.load_demo().await.unwrap(), DemoOutcome::SkippedNotEmpty);
    assert!(t.partners(&Default::default()).await.unwrap().is_empty());
    assert_eq!(t.profile().await.unwrap().unwrap().locale, "en-IE");
}

#[tokio::test]
async fn demo_bakery_has_a_signed_second_version_and_the_florist_a_draft() {
    use partnerdesk_core::terms::VersionStatus;
    use partnerdesk_core::testing::start_day;
    let t = empty_desk().await;
    t.load_demo().await.unwrap();
    let partners = t.partners(&Default::default()).await.unwrap();
    let id_of = |name: &str| partners.iter().find(|p| p.name == name).unwrap().id;

    let bakery = t
        .agreement_versions(id_of("Crumb & Co. Bakery"))
        .await
        .unwrap();
    let statuses: Vec<_> = bakery.iter().map(|v| (v.version, v.status)).collect();
    assert_eq!(
        statuses,
        [(2, VersionStatus::Signed), (1, VersionStatus::Superseded)]
    );
    let in_force = t
        .terms_in_force(id_of("Crumb & Co. Bakery"), start_day())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(in_force.version, 2);
    assert!(bakery[0]
        .summary
        .starts_with("Customers you refer get 10 % off purchases of €5.00 or more."));

    let florist = t
        .agreement_versions(id_of("Green Leaf Florist"))
        .await
        .unwrap();
    assert_eq!(florist.len(), 1);
    assert_eq!(florist[0].status, VersionStatus::Draft);
}

#[tokio::test]
async fn demo_has_codes_for_the_counter_and_three_redemptions() {
    use partnerdesk_core::codes::LookupOutcome;
    use partnerdesk_core::demo::DEMO_CARDS;
    let t = empty_desk().await;
    t.load_demo().await.unwrap();
    let partners = t.partners(&Default::default()).await.unwrap();
    let id_of = |name: &str| partners.iter().find(|p| p.name == name).unwrap().id;
    let bakery = t.codes_for(id_of("Crumb & Co. Bakery")).await.unwrap();
    // Today's sheet, unused but for three, beside the year's poster and cards.
    let today = bakery
        .iter()
        .filter(|c| c.note.is_empty() && c.redemption_limit == Some(1))
        .collect::<Vec<_>>();
    assert_eq!(today.len(), DEMO_CARDS);
    assert_eq!(today.iter().filter(|c| c.uses == 1).count(), 3);
    let poster = bakery
        .iter()
        .find(|c| c.redemption_limit.is_none())
        .unwrap();
    assert!(
        poster.printed.starts_with("BAKERY-BREA"),
        "{}",
        poster.printed
    );
    let redemptions = partnerdesk_core::testing::todays_redemptions(&t).await;
    let minors: Vec<_> = redemptions
        .iter()
        .map(|r| (r.sale.minor, r.discount.minor, r.commission.minor))
        .collect();
    // Terms in force: 10 % off from €5, 8 % of what the customer pays.
    // 8 % of €7.20 = €0.576 → €0.58 and of €20.70 = €1.656 → €1.66 (half-even).
    assert_eq!(minors, [(1250, 125, 90), (800, 80, 58), (2300, 230, 166)]);

    let used = bakery.iter().find(|c| c.uses == 1).unwrap();
    assert!(matches!(
        t.lookup_code(&used.printed).await.unwrap(),
        LookupOutcome::UsedUp { .. }
    ));
    let paused = t.codes_for(id_of("Paper Moon Books")).await.unwrap();
    assert!(matches!(
        t.lookup_code(&paused[0].printed).await.unwrap(),
        LookupOutcome::PartnerNotActive { .. }
    ));
    let no_terms = t.codes_for(id_of("Ørsted Cycle Works")).await.unwrap();
    assert!(matches!(
        t.lookup_code(&no_terms[0].printed).await.unwrap(),
        LookupOutcome::NoTerms { .. }
    ));
}

/// The demo's year, as a shop owner would check it on first run: a year of trade with its
/// seasons, paid and settled up to last month, a campaign with results, revenue every month.
#[tokio::test]
async fn demo_has_a_year_of_history_with_seasons_voids_payouts_and_a_campaign() {
    use chrono::{Datelike, Months, Timelike, Weekday};
    use partnerdesk_core::testing::{month_of, start_day};
    let t = empty_desk().await;
    t.load_demo().await.unwrap();
    let today = start_day();
    let this_month = month_of(today).0;
    let year_ago = this_month.checked_sub_months(Months::new(12)).unwrap();
    let all = t.redemptions().await.unwrap();
    let history: Vec<_> = all.iter().filter(|r| r.local_day < this_month).collect();
    assert!(
        (300..=600).contains(&history.len()),
        "a few hundred redemptions: {}",
        history.len()
    );
    assert!(history.iter().all(|r| r.local_day >= year_ago));
    // Open Monday to Saturday, 7:30 to 17:30 in the shop's zone.
    let zone = t.clock();
    for r in &history {
        let local = zone.local(r.redeemed_at);
        assert_ne!(local.weekday(), Weekday::Sun, "{local}");
        assert!((7..18).contains(&local.hour()), "{local}");
        assert_eq!(local.date(), r.local_day);
    }
    let new = history.iter().filter(|r| r.new_customer).count();
    assert!(
        new * 5 > history.len() && new * 5 < history.len() * 4,
        "{new} new"
    );
    let voided = history.iter().filter(|r| r.void.is_some()).count();
    assert!((2..=12).contains(&voided), "about 1 % voided: {voided}");

    // The trend's twelve months all have trade; the busiest is at least half again the
    // quietest.
    let board = t.dashboard(month_of(today)).await.unwrap();
    let months = &board.trend.months;
    assert_eq!(months.len(), 12, "{months:?}");
    let past: Vec<_> = months[..11].iter().collect();
    assert!(
        past.iter().all(|m| !m.empty && m.redemptions > 0),
        "{past:?}"
    );
    let busiest = past.iter().map(|m| m.redemptions).max().unwrap();
    let quietest = past.iter().map(|m| m.redemptions).min().unwrap();
    assert!(busiest * 2 >= quietest * 3, "{busiest} vs {quietest}");
    assert!(!board.goals.is_empty(), "a goal to track");

    // Paid up to last month: what is owed now is this month's alone.
    let partners = t.partners(&Default::default()).await.unwrap();
    let id_of = |name: &str| partners.iter().find(|p| p.name == name).unwrap().id;
    let bakery = id_of("Crumb & Co. Bakery");
    let last_month = (
        this_month.checked_sub_months(Months::new(1)).unwrap(),
        this_month.pred_opt().unwrap(),
    );
    let money = t.partner_money(bakery, last_month).await.unwrap();
    assert!(!money.payouts.is_empty(), "last month was settled");
    assert_eq!(money.closing.amount, "€0.00", "{:?}", money.closing);
    let settled = t.settlements(bakery).await.unwrap();
    assert_eq!(settled.len(), 4, "net since the terms ran both ways");
    let books = t.partner(id_of("Paper Moon Books")).await.unwrap();
    assert_eq!(books.status, PartnerStatus::Paused);

    // Revenue for every month of the year, and a campaign that brought customers.
    assert!(t.month_revenues().await.unwrap().len() >= 12);
    let campaigns = t.campaigns().await.unwrap();
    assert_eq!(campaigns.len(), 1);
    let results = t.campaign_results(campaigns[0].id).await.unwrap();
    assert!(results.total.redemptions >= 10, "{:?}", results.total);
    assert_eq!(results.partners.len(), 2);
    assert_eq!(results.budget.budget.as_deref(), Some("€300.00"));
    assert!(results.total.costs != "€0.00");
}
