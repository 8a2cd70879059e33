//! Every record names the person who made it, by id and by name: redemptions, voids,
//! payouts and their reversals, costs, goals and the audit entries about them; records made
//! before sign-in existed keep their text "owner" and no id. Staff list only their own sales.

use partnerdesk_core::audit::AuditEntity;
use partnerdesk_core::codes::CodeOptions;
use partnerdesk_core::ledger::{LogOutcome, RedemptionInput, RedemptionView, VoidInput};
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::payouts::PayoutInput;
use partnerdesk_core::people::PersonRole;
use partnerdesk_core::program::{CostCategory, CostInput, GoalInput, GoalKind};
use partnerdesk_core::terms::PayoutMethod;
use partnerdesk_core::testing::{
    self, add_person, audit_rows, desk_with_profile, execute, first_owner, iso, signed_partner,
    start_day, store_connection, TestDesk,
};
use partnerdesk_core::{on, Actor, Desk};

const TILL: &str = "Front till";

/// A bakery earning 8 % on a signed agreement, and one of its codes.
async fn bakery_code(t: &TestDesk) -> (PartnerId, String) {
    let mut terms = testing::terms();
    terms.reward_percent = "8".into();
    let p = signed_partner(t, "Crumb & Co. Bakery", &terms).await;
    let code = t
        .issue_code(p, None, &CodeOptions::default(), &Actor::owner())
        .await
        .expect("code");
    (p, code.printed)
}

async fn sell(t: &Desk, key: &str, code: &str, by: &Actor) -> RedemptionView {
    let input = RedemptionInput {
        idempotency_key: format!("attempt-{key}"),
        code: code.into(),
        sale: "20".into(),
        new_customer: true,
        note: String::new(),
        confirmed_large: false,
    };
    match t.log_redemption(&input, TILL, by).await.expect("log") {
        LogOutcome::Logged { redemption, .. } => *redemption,
        LogOutcome::Refused { outcome } => panic!("refused: {outcome:?}"),
    }
}

#[tokio::test]
async fn every_record_names_the_signed_in_person_by_id_and_name() {
    let t = desk_with_profile().await;
    let (bakery, code) = bakery_code(&t).await;
    let maya = first_owner(&t).await.person;
    let anna = add_person(&t, "Anna", PersonRole::Staff, &maya).await;
    let (as_maya, as_anna) = (Actor::person(&maya), Actor::person(&anna));

    let sale = sell(&t, "anna-0001", &code, &as_anna).await;
    assert_eq!(sale.logged_by, "Anna");
    let old = sell(&t, "legacy-001", &code, &Actor::owner()).await;
    let voided = t
        .void_redemption(
            sale.id,
            &VoidInput {
                reason: "Rang up twice".into(),
                restore_use: false,
            },
            &as_maya,
        )
        .await
        .expect("void");
    assert_eq!(voided.void.map(|v| v.by).as_deref(), Some("Maya Bean"));
    let payout = PayoutInput {
        paid_on: iso(start_day()),
        amount: "1".into(),
        method: PayoutMethod::Cash,
        reference: String::new(),
        period_from: String::new(),
        period_to: String::new(),
        confirm_over_balance: true,
    };
    let paid = t
        .record_payout(bakery, &payout, &as_maya)
        .await
        .expect("payout");
    t.reverse_payout(paid.id, "Wrong partner", &as_maya)
        .await
        .expect("reverse");
    let cost = CostInput {
        spent_on: iso(start_day()),
        category: CostCategory::Printing,
        amount: "35".into(),
        partner_id: Some(bakery),
        description: "Cards".into(),
        campaign_id: None,
    };
    t.add_cost(&cost, &as_maya).await.expect("cost");
    let goal = GoalInput {
        kind: GoalKind::NewCustomersPerMonth,
        target: "40".into(),
        by_month: "2026-12".into(),
    };
    t.add_goal(&goal, &as_maya).await.expect("goal");

    let mut conn = store_connection(&t).await;
    let ids: Vec<(String, Option<i64>)> = on!(&mut conn, db => sqlx::query_as(
        "SELECT what, who FROM (
             SELECT 1 AS part, id, 'redemption ' || id AS what, logged_by_id AS who
             FROM redemptions
             UNION ALL SELECT 2, id, 'void', voided_by_id FROM redemption_voids
             UNION ALL SELECT 3, id, 'payout', recorded_by_id FROM payouts
             UNION ALL SELECT 4, id, 'reversal', reversed_by_id FROM payout_reversals
             UNION ALL SELECT 5, id, 'cost', recorded_by_id FROM program_costs
             UNION ALL SELECT 6, id, 'goal', created_by_id FROM goals) AS records
         ORDER BY part, id",
    )
    .fetch_all(db)
    .await)
    .expect("ids");
    let (m, a) = (Some(maya.id.0), Some(anna.id.0));
    assert_eq!(
        ids,
        vec![
            (format!("redemption {}", sale.id.0), a),
            // Logged without a person, as before sign-in existed: the text says "owner".
            (format!("redemption {}", old.id.0), None),
            ("void".into(), m),
            ("payout".into(), m),
            ("reversal".into(), m),
            ("cost".into(), m),
            ("goal".into(), m),
        ]
    );
    let audited: Vec<_> = audit_rows(&t)
        .await
        .into_iter()
        .map(|(name, id, what, _)| (what, name, id))
        .filter(|(what, _, _)| !what.starts_with("person:") && !what.starts_with("partner:"))
        .filter(|(what, _, _)| !what.starts_with("agreement") && !what.starts_with("referral"))
        .filter(|(what, _, _)| !what.starts_with("business"))
        .collect();
    let row = |what: &str, name: &str, id: Option<i64>| (what.to_string(), name.to_string(), id);
    assert_eq!(
        audited,
        vec![
            row("redemption:log", "Anna", a),
            row("redemption:log", "owner", None),
            row("redemption:void", "Maya Bean", m),
            row("payout:record", "Maya Bean", m),
            row("payout:reverse", "Maya Bean", m),
            row("program_cost:record", "Maya Bean", m),
            row("goal:set", "Maya Bean", m),
        ]
    );
    let trail = t
        .audit_trail(AuditEntity::Redemption, sale.id.0)
        .await
        .expect("trail");
    assert_eq!(
        trail
            .iter()
            .map(|e| (e.actor.as_str(), e.actor_id))
            .collect::<Vec<_>>(),
        vec![("Anna", Some(anna.id)), ("Maya Bean", Some(maya.id))]
    );
}

#[tokio::test]
async fn staff_see_only_their_own_recent_sales() {
    let t = desk_with_profile().await;
    let (_, code) = bakery_code(&t).await;
    let maya = first_owner(&t).await.person;
    let anna = add_person(&t, "Anna", PersonRole::Staff, &maya).await;
    let ola = add_person(&t, "Ola", PersonRole::Staff, &maya).await;
    let a1 = sell(&t, "anna-0001", &code, &Actor::person(&anna)).await;
    let o1 = sell(&t, "ola-00001", &code, &Actor::person(&ola)).await;
    let a2 = sell(&t, "anna-0002", &code, &Actor::person(&anna)).await;

    let ids = |list: Vec<RedemptionView>| list.into_iter().map(|r| r.id).collect::<Vec<_>>();
    let recent = |who| t.recent_redemptions(TILL, who);
    assert_eq!(
        ids(recent(Some(anna.id)).await.expect("anna")),
        vec![a2.id, a1.id]
    );
    assert_eq!(ids(recent(Some(ola.id)).await.expect("ola")), vec![o1.id]);
    assert_eq!(
        ids(recent(None).await.expect("all")),
        vec![a2.id, o1.id, a1.id]
    );
    assert!(recent(Some(maya.id)).await.expect("maya").is_empty());
}

#[tokio::test]
async fn who_made_a_record_cannot_be_rewritten_afterwards() {
    let t = desk_with_profile().await;
    let (_, code) = bakery_code(&t).await;
    let maya = first_owner(&t).await.person;
    let sale = sell(&t, "maya-0001", &code, &Actor::person(&maya)).await;
    let void = VoidInput {
        reason: "Test sale".into(),
        restore_use: false,
    };
    t.void_redemption(sale.id, &void, &Actor::person(&maya))
        .await
        .expect("void");
    let mut conn = store_connection(&t).await;
    for sql in [
        "UPDATE redemptions SET logged_by_id = NULL",
        "UPDATE redemption_voids SET voided_by_id = NULL",
        "UPDATE audit_log SET actor_id = NULL",
        "DELETE FROM people",
    ] {
        let err = execute(&mut conn, sql).await.expect_err(sql);
        assert!(
            ["never", "immutable"]
                .iter()
                .any(|rule| err.to_string().contains(rule)),
            "{sql}: {err}"
        );
    }
}
