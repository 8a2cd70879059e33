//! The walls around campaigns: a campaign is edited, never deleted nor replaced by inserting
//! over it; a partner with codes or costs in one stays in it; a code keeps the campaign it
//! was issued for, and a cost the campaign it was booked to.

use super::harness::{breach, connection, connection_kinds, described, holds, ledger, Wall};

#[tokio::test]
async fn campaigns_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "campaigns",
        target: "id = (SELECT min(id) FROM campaigns)",
        keys: &[&["id"], &["name_key"]],
        change: &[("budget_minor", "999999"), ("created_by", "'mallory'")],
        refusal: "campaigns are never replaced",
        update_refusal: "a campaign keeps its number and who created it",
    })
    .await;
}

#[tokio::test]
async fn campaigns_and_what_points_at_them_keep_their_history() {
    let t = ledger().await.t;
    let attempts = [
        ("DELETE FROM campaigns", "campaigns are never deleted"),
        (
            "UPDATE campaigns SET created_by = 'mallory'",
            "a campaign keeps its number and who created it",
        ),
        (
            "UPDATE campaigns SET id = id + 100",
            "a campaign keeps its number and who created it",
        ),
        (
            "DELETE FROM campaign_partners",
            "a partner with codes or costs in a campaign stays in it",
        ),
        (
            "UPDATE campaign_partners SET partner_id = partner_id + 1",
            "rows never move",
        ),
        (
            "UPDATE referral_codes SET campaign_id = NULL WHERE campaign_id IS NOT NULL",
            "a referral code keeps the campaign it was issued for",
        ),
        (
            "UPDATE referral_codes SET campaign_id = (SELECT min(id) FROM campaigns)
             WHERE campaign_id IS NULL",
            "a referral code keeps the campaign it was issued for",
        ),
        (
            "UPDATE program_costs SET campaign_id = NULL",
            "program costs are never changed",
        ),
        (
            "INSERT INTO referral_codes (partner_id, code, prefix, note, enabled, created_at,
                 updated_at, campaign_id)
             SELECT p.id, 'WALL000', '', '', 1, 0, 0, (SELECT min(id) FROM campaigns)
             FROM partners p WHERE p.name = 'Petal Florist'",
            "a campaign's codes belong to partners taking part in it",
        ),
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
