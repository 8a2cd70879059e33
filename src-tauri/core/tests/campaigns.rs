//! Campaign stories: a weekend market with two partners, codes issued for it and logged at
//! the counter, costs booked to it, and its results checked against figures worked out by
//! hand; the rules that refuse what does not belong to it; its edits audited.

use iso_currency::Currency;
use partnerdesk_core::audit::AuditEntity;
use partnerdesk_core::campaigns::{BudgetState, CampaignId, CampaignInput, CampaignStatus};
use partnerdesk_core::codes::{CodeOptions, ReferralCode};
use partnerdesk_core::error::{CampaignError, Field};
use partnerdesk_core::ledger::VoidInput;
use partnerdesk_core::money::Money;
use partnerdesk_core::partners::{PartnerId, PartnerStatus};
use partnerdesk_core::program::{CostCategory, CostInput};
use partnerdesk_core::testing::{
    self, desk_with_profile, execute, log_sale, shop_time, signed_partner, store_connection,
    TestDesk,
};
use partnerdesk_core::{on, Actor, Error};

fn eur(minor: i64) -> Money {
    Money::new(minor, Currency::EUR)
}

/// The market runs 17–20 November 2026; the test desk's today is the 18th.
fn market(partners: &[PartnerId], budget: &str) -> CampaignInput {
    CampaignInput {
        name: "Winter market".into(),
        starts_on: "2026-11-17".into(),
        ends_on: "2026-11-20".into(),
        budget: budget.into(),
        notes: "Stall 14, by the fountain".into(),
        partner_ids: partners.to_vec(),
    }
}

struct Market {
    t: TestDesk,
    bakery: PartnerId,
    florist: PartnerId,
    outsider: PartnerId,
    campaign: CampaignId,
}

/// The bakery (8 % of what was paid) and the florist (5 %) take part in the market, both
/// giving 10 % off; a third partner, the outsider, does not.
async fn market_desk(budget: &str) -> Market {
    let t = desk_with_profile().await;
    let mut terms = testing::terms();
    terms.reward_percent = "8".into();
    let bakery = signed_partner(&t, "Crumb & Co. Bakery", &terms).await;
    terms.reward_percent = "5".into();
    let florist = signed_partner(&t, "Łódź Flowers", &terms).await;
    let outsider = signed_partner(&t, "Café Müller", &testing::terms()).await;
    let campaign = t
        .create_campaign(&market(&[bakery, florist], budget), &Actor::owner())
        .await
        .expect("campaign")
        .id;
    Market {
        t,
        bakery,
        florist,
        outsider,
        campaign,
    }
}

fn for_campaign(campaign: CampaignId) -> CodeOptions {
    CodeOptions {
        redemption_limit: "1".into(),
        with_prefix: true,
        campaign_id: Some(campaign),
        ..Default::default()
    }
}

async fn batch(
    t: &TestDesk,
    p: PartnerId,
    count: usize,
    options: &CodeOptions,
) -> Vec<ReferralCode> {
    t.issue_batch(p, count, options, &Actor::owner(), &mut |_, _| {})
        .await
        .expect("batch")
}

fn cost(amount: &str, partner: Option<PartnerId>, campaign: Option<CampaignId>) -> CostInput {
    CostInput {
        spent_on: "2026-11-10".into(),
        category: CostCategory::Events,
        amount: amount.into(),
        partner_id: partner,
        description: "Stall rent".into(),
        campaign_id: campaign,
    }
}

#[tokio::test]
async fn a_market_with_two_partners_adds_up_by_hand() {
    let m = market_desk("20").await;
    let (t, owner) = (&m.t, Actor::owner());
    let bakery_codes = batch(t, m.bakery, 2, &for_campaign(m.campaign)).await;
    let florist_code = t
        .issue_code(m.florist, None, &for_campaign(m.campaign), &owner)
        .await
        .expect("florist code");
    assert!(bakery_codes
        .iter()
        .all(|c| c.campaign_id == Some(m.campaign)));
    let everyday = batch(t, m.bakery, 1, &CodeOptions::default()).await;
    assert_eq!(everyday[0].campaign_id, None);

    // €50 (new customer) and €20 at the bakery, €30 (new) at the florist: 10 % off each.
    log_sale(t, "b1", &bakery_codes[0].printed, "50", true).await;
    log_sale(t, "b2", &bakery_codes[1].printed, "20", false).await;
    log_sale(t, "f1", &florist_code.printed, "30", true).await;
    // The bakery's everyday code is not the market's.
    log_sale(t, "e1", &everyday[0].printed, "40", true).await;

    // Printing before the market counts: it is booked to it. A reversed cost and one not
    // booked to the market do not.
    t.add_cost(&cost("6", Some(m.bakery), Some(m.campaign)), &owner)
        .await
        .expect("bakery's stall");
    let shared = t
        .add_cost(&cost("4", None, Some(m.campaign)), &owner)
        .await
        .expect("shared flyers");
    assert_eq!(shared.campaign_name.as_deref(), Some("Winter market"));
    let wrong = t
        .add_cost(&cost("100", None, Some(m.campaign)), &owner)
        .await
        .expect("typo");
    t.reverse_cost(wrong.id, "Typed 100 for 10", &owner)
        .await
        .expect("reverse");
    t.add_cost(&cost("9", Some(m.bakery), None), &owner)
        .await
        .expect("not the market's");

    let f = t.campaign_figures(m.campaign).await.expect("figures");
    let total = f.total;
    assert_eq!((f.codes, total.redemptions, total.new_customers), (3, 3, 2));
    assert_eq!((total.sales, total.discounts), (eur(10_000), eur(1_000)));
    // 8 % of €45.00 + 8 % of €18.00 + 5 % of €27.00 = €3.60 + €1.44 + €1.35.
    assert_eq!(total.commissions, eur(639));
    assert_eq!(total.costs, eur(1_000));
    // Commissions and costs, €6.39 + €10.00 = €16.39, over 2 new customers = €8.195 → €8.20
    // (half-even); the budget counts the €10.00 of discounts given too.
    assert_eq!(total.program_cost(), eur(1_639));
    assert_eq!(total.cac(), Some(eur(820)));
    assert_eq!(f.used(), eur(2_639));
    assert_eq!(f.budget_state(), BudgetState::Over);

    let lines: Vec<_> = f
        .partners
        .iter()
        .map(|p| {
            let g = p.figures;
            (
                p.name.as_str(),
                p.codes,
                g.redemptions,
                g.new_customers,
                g.sales.minor,
                g.commissions.minor,
                g.costs.minor,
                g.cac().map(|c| c.minor),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            // Commission €5.04 + costs €6.00 over 1 new customer (discounts are not a cost).
            ("Crumb & Co. Bakery", 2, 2, 1, 7_000, 504, 600, Some(1_104)),
            // €1.35 over 1.
            ("Łódź Flowers", 1, 1, 1, 3_000, 135, 0, Some(135)),
        ]
    );

    let r = t.campaign_results(m.campaign).await.expect("results");
    assert_eq!(r.campaign.status, CampaignStatus::Running);
    assert_eq!(r.campaign.days_left, Some(3));
    assert_eq!(r.campaign.status_words, "Running: 3 days left");
    assert_eq!(
        (r.total.sales.as_str(), r.total.cac.as_deref()),
        ("€100.00", Some("€8.20"))
    );
    assert_eq!(r.budget.state, BudgetState::Over);
    assert_eq!(r.budget.words, "€6.39 over the €20.00 budget.");
    assert_eq!(r.budget.used_percent, Some(132));
    assert_eq!(r.partners[1].figures.commissions, "€1.35");
}

#[tokio::test]
async fn results_count_the_days_of_the_campaign_and_leave_voids_out() {
    let m = market_desk("30").await;
    let t = &m.t;
    let codes = batch(
        t,
        m.bakery,
        3,
        &CodeOptions {
            redemption_limit: String::new(),
            ..for_campaign(m.campaign)
        },
    )
    .await;
    let voided = log_sale(t, "v1", &codes[0].printed, "50", true).await;
    log_sale(t, "k1", &codes[1].printed, "20", true).await;
    let void = VoidInput {
        reason: "Rang up twice".into(),
        restore_use: false,
    };
    t.void_redemption(voided.id, &void, &Actor::owner())
        .await
        .expect("void");
    // The day after the market ends: the code still works, the market no longer counts it.
    t.time.set(shop_time(2026, 11, 21, 10, 0, 0));
    log_sale(t, "late", &codes[2].printed, "80", true).await;

    let f = t.campaign_figures(m.campaign).await.expect("figures");
    assert_eq!((f.total.redemptions, f.total.sales), (1, eur(2_000)));
    // €1.44 + €2.00 of €30.00.
    assert_eq!(f.budget_state(), BudgetState::Within);
    let r = t.campaign_results(m.campaign).await.expect("results");
    assert_eq!(r.budget.words, "€3.44 of €30.00 used; €26.56 left.");
    assert_eq!(r.campaign.status, CampaignStatus::Ended);
    assert_eq!(r.campaign.status_words, "Ended 20 November 2026");
    // The florist takes part with nothing yet: a line of zeros, not a missing line.
    assert_eq!(r.partners.len(), 2);
    assert_eq!(
        (
            r.partners[1].name.as_str(),
            r.partners[1].figures.redemptions
        ),
        ("Łódź Flowers", 0)
    );
}

#[tokio::test]
async fn a_campaign_without_a_budget_says_so() {
    let m = market_desk("").await;
    let r = m.t.campaign_results(m.campaign).await.expect("results");
    assert_eq!(r.budget.state, BudgetState::NoBudget);
    assert_eq!(r.budget.words, "No budget set; €0.00 spent.");
    assert_eq!(r.campaign.budget, None);
    assert_eq!(r.total.cac, None);
}

#[tokio::test]
async fn codes_and_costs_for_a_partner_not_taking_part_are_refused() {
    let m = market_desk("20").await;
    let (t, owner) = (&m.t, Actor::owner());
    let err = t
        .issue_code(m.outsider, None, &for_campaign(m.campaign), &owner)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Campaign(CampaignError::NotTakingPart { .. })),
        "{err:?}"
    );
    assert_eq!(err.field(), Some(Field::Partner));
    assert_eq!(
        err.to_string(),
        "Café Müller does not take part in Winter market: add them to the campaign first."
    );
    let err = t
        .issue_batch(
            m.outsider,
            5,
            &for_campaign(m.campaign),
            &owner,
            &mut |_, _| {},
        )
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some(Field::Partner));
    assert!(t.codes_for(m.outsider).await.expect("codes").is_empty());

    let err = t
        .add_cost(&cost("5", Some(m.outsider), Some(m.campaign)), &owner)
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some(Field::Partner));
    let missing = t
        .issue_code(m.bakery, None, &for_campaign(CampaignId(99)), &owner)
        .await
        .unwrap_err();
    assert!(
        matches!(
            missing,
            Error::Campaign(CampaignError::NotFound(CampaignId(99)))
        ),
        "{missing:?}"
    );

    // The schema refuses it too, whoever inserts the row.
    let mut conn = store_connection(t).await;
    let raw = on!(&mut conn, db => sqlx::query(
        "INSERT INTO referral_codes (partner_id, code, prefix, note, enabled, created_at,
             updated_at, campaign_id)
         VALUES ($1, 'ZZZZZZZ', '', '', 1, 0, 0, $2)",
    )
    .bind(m.outsider)
    .bind(m.campaign)
    .execute(db)
    .await
    .map(|done| done.rows_affected()))
    .unwrap_err();
    assert!(raw.to_string().contains("partners taking part"), "{raw}");
}

#[tokio::test]
async fn names_dates_and_partners_are_checked() {
    let m = market_desk("20").await;
    let (t, owner) = (&m.t, Actor::owner());
    let refused = |input: CampaignInput| async move {
        t.create_campaign(&input, &Actor::owner())
            .await
            .unwrap_err()
    };
    let backwards = CampaignInput {
        name: "Spring fair".into(),
        starts_on: "2027-03-10".into(),
        ends_on: "2027-03-09".into(),
        ..market(&[m.bakery], "")
    };
    assert_eq!(refused(backwards).await.field(), Some(Field::EndsOn));
    let same = CampaignInput {
        name: "  WINTER   Market ".into(),
        ..market(&[m.bakery], "")
    };
    let err = refused(same).await;
    assert!(
        matches!(&err, Error::Campaign(CampaignError::DuplicateName { existing }) if existing == "Winter market"),
        "{err:?}"
    );
    let alone = CampaignInput {
        name: "Spring fair".into(),
        ..market(&[], "")
    };
    assert_eq!(refused(alone).await.field(), Some(Field::Partners));
    let ghost = CampaignInput {
        name: "Spring fair".into(),
        ..market(&[PartnerId(404)], "")
    };
    assert!(matches!(refused(ghost).await, Error::Partner(_)));
    assert_eq!(t.campaigns().await.expect("list").len(), 1);

    // A long name with letters from everywhere is kept as typed.
    let long = format!("Café Müller & Łódź {}", "x".repeat(80));
    let spring = CampaignInput {
        name: long.clone(),
        starts_on: "2026-12-01".into(),
        ends_on: "2026-12-01".into(),
        ..market(&[m.outsider], "")
    };
    let made = t.create_campaign(&spring, &owner).await.expect("long name");
    assert_eq!(made.name, long);
    assert_eq!(
        (made.status, made.status_words.as_str()),
        (CampaignStatus::Upcoming, "Starts in 13 days")
    );
    // The latest to start first.
    let names: Vec<_> = t
        .campaigns()
        .await
        .expect("list")
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(names, [made.id, m.campaign]);
}

#[tokio::test]
async fn edits_are_audited_and_partners_with_codes_stay() {
    let m = market_desk("20").await;
    let (t, owner) = (&m.t, Actor::owner());
    t.issue_code(m.bakery, None, &for_campaign(m.campaign), &owner)
        .await
        .expect("code");

    // The bakery has a code in the market: leaving it out is refused beside the partners.
    let without_bakery = market(&[m.florist], "20");
    let err = t
        .update_campaign(m.campaign, &without_bakery, &owner)
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some(Field::Partners));
    assert_eq!(
        err.to_string(),
        "Crumb & Co. Bakery has codes or costs in this campaign, so they stay in it."
    );

    // The florist has nothing in it yet, so can leave; the outsider joins.
    let edit = CampaignInput {
        name: "Winter market & fair".into(),
        ends_on: "2026-11-22".into(),
        budget: "35,50".into(),
        ..market(&[m.bakery, m.outsider], "")
    };
    let after = t
        .update_campaign(m.campaign, &edit, &owner)
        .await
        .expect("edit");
    let names: Vec<_> = after.partners.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Café Müller", "Crumb & Co. Bakery"]);
    assert_eq!(
        (after.budget.as_deref(), after.budget_input.as_str()),
        (Some("€35.50"), "35.50")
    );
    assert_eq!(after.days_left, Some(5));

    let trail = t
        .audit_trail(AuditEntity::Campaign, m.campaign.0)
        .await
        .expect("trail");
    let actions: Vec<_> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["create", "update"]);
    let update = &trail[1];
    let before = update.before.as_ref().expect("before");
    let now = update.after.as_ref().expect("after");
    assert_eq!(before["name"], "Winter market");
    assert_eq!(before["budget"], "€20.00");
    assert_eq!(
        before["partners"],
        serde_json::json!(["Crumb & Co. Bakery", "Łódź Flowers"])
    );
    assert_eq!(now["name"], "Winter market & fair");
    assert_eq!(now["ends_on"], "2026-11-22");
    assert_eq!(now["budget"], "€35.50");

    // The schema holds what the app does: no campaign is deleted, no partner with codes in
    // it leaves, and a code keeps the campaign it was issued for.
    let mut conn = store_connection(t).await;
    for (sql, refusal) in [
        ("DELETE FROM campaigns", "campaigns are never deleted"),
        (
            "DELETE FROM campaign_partners",
            "a partner with codes or costs in a campaign stays in it",
        ),
        (
            "UPDATE referral_codes SET campaign_id = NULL",
            "a referral code keeps the campaign it was issued for",
        ),
    ] {
        let err = execute(&mut conn, sql).await.unwrap_err();
        assert!(err.to_string().contains(refusal), "{sql}: {err}");
    }
    assert_eq!(
        t.campaign(m.campaign)
            .await
            .expect("still there")
            .partners
            .len(),
        2
    );
}

#[tokio::test]
async fn a_budget_fixes_the_shop_currency() {
    let t = desk_with_profile().await;
    let owner = Actor::owner();
    // A partner without terms holds no amount; a campaign's budget does.
    let p = t
        .create_partner(
            &testing::partner("Crumb & Co."),
            PartnerStatus::Active,
            &owner,
        )
        .await
        .expect("partner")
        .id;
    let mut profile = testing::profile();
    profile.currency = "USD".into();
    t.save_profile(&profile, &owner).await.expect("still free");
    profile.currency = "EUR".into();
    t.save_profile(&profile, &owner).await.expect("back");
    t.create_campaign(&market(&[p], "100"), &owner)
        .await
        .expect("campaign");
    profile.currency = "USD".into();
    let err = t.save_profile(&profile, &owner).await.unwrap_err();
    assert_eq!(err.field(), Some(Field::Currency));
}
