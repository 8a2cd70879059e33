//! The ledger's walls: no raw statement rewrites history by inserting over it. SQLite's
//! REPLACE (`INSERT OR REPLACE`, `REPLACE INTO`) makes room for its row by deleting the one
//! in the way, and fires no DELETE trigger for that unless the connection set
//! `PRAGMA recursive_triggers`; an upsert (`ON CONFLICT DO UPDATE`) updates the row in the
//! way. Each protected table is tried with all three, on a connection like a tool's
//! (neither foreign keys nor recursive triggers) and one like the app's (both on), and
//! every protected table must read back byte for byte as it was.

mod campaigns;
mod corrections;
mod harness;
mod two_way;

use harness::{
    attempts, breach, columns, connection, connection_kinds, described, holds, ledger, sale,
    update_or_replace, Ledger, Wall, DUPLICATE, TILL,
};
use partnerdesk_core::codes::CodeOptions;
use partnerdesk_core::error::CodeError;
use partnerdesk_core::ledger::LogOutcome;
use partnerdesk_core::program::RevenueInput;
use partnerdesk_core::testing;
use partnerdesk_core::testing::execute;
use partnerdesk_core::{on, Actor, Error};

#[tokio::test]
async fn audit_entries_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "audit_log",
        target: "id = (SELECT min(id) FROM audit_log)",
        keys: &[&["id"]],
        change: &[("actor", "'mallory'")],
        refusal: "audit entries are never replaced",
        update_refusal: "audit entries are immutable",
    })
    .await;
}

#[tokio::test]
async fn signed_terms_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "agreement_versions",
        target: "id = (SELECT min(id) FROM agreement_versions WHERE status = 'signed')",
        keys: &[&["id"], &["partner_id", "version"]],
        change: &[("reward_percent_bp", "9000")],
        refusal: "signed agreement terms are never replaced",
        update_refusal: "signed agreement terms are immutable",
    })
    .await;
}

#[tokio::test]
async fn superseded_terms_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "agreement_versions",
        target: "id = (SELECT min(id) FROM agreement_versions WHERE status = 'superseded')",
        keys: &[&["id"], &["partner_id", "version"]],
        change: &[("reward_percent_bp", "9000"), ("status", "'signed'")],
        refusal: "signed agreement terms are never replaced",
        update_refusal: "signed agreement terms are immutable",
    })
    .await;
}

#[tokio::test]
async fn a_code_cannot_be_replaced_onto_another_partner() {
    holds(Wall {
        table: "referral_codes",
        target: "id = (SELECT min(id) FROM referral_codes)",
        keys: &[&["id"], &["code"]],
        change: &[(
            "partner_id",
            "(SELECT id FROM partners WHERE name = 'Petal Florist')",
        )],
        refusal: "referral codes are never replaced",
        update_refusal: "a referral code keeps its code and partner",
    })
    .await;
}

#[tokio::test]
async fn a_code_cannot_be_replaced_with_other_printed_text() {
    holds(Wall {
        table: "referral_codes",
        target: "id = (SELECT min(id) FROM referral_codes)",
        keys: &[&["id"], &["code"]],
        change: &[("prefix", "'PETAL'")],
        refusal: "referral codes are never replaced",
        update_refusal: "a referral code keeps its printed text and partner",
    })
    .await;
}

#[tokio::test]
async fn redemptions_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "redemptions",
        target: "id = (SELECT max(id) FROM redemptions)",
        keys: &[&["id"], &["idempotency_key"]],
        change: &[("sale_minor", "99999"), ("commission_minor", "99999")],
        refusal: "redemptions are never replaced",
        update_refusal: "redemptions are never changed",
    })
    .await;
}

#[tokio::test]
async fn voids_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "redemption_voids",
        target: "id = (SELECT min(id) FROM redemption_voids)",
        keys: &[&["id"], &["redemption_id"]],
        change: &[("reason", "'rewritten'"), ("restores_use", "1")],
        refusal: "voids are never replaced",
        update_refusal: "voids are never changed",
    })
    .await;
}

#[tokio::test]
async fn payouts_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "payouts",
        target: "id = (SELECT min(id) FROM payouts)",
        keys: &[&["id"]],
        change: &[("amount_minor", "100000")],
        refusal: "payouts are never replaced",
        update_refusal: "payouts are never changed",
    })
    .await;
}

#[tokio::test]
async fn payout_reversals_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "payout_reversals",
        target: "id = (SELECT min(id) FROM payout_reversals)",
        keys: &[&["id"], &["payout_id"]],
        change: &[("reason", "'rewritten'")],
        refusal: "reversals are never replaced",
        update_refusal: "payout reversals are never changed",
    })
    .await;
}

#[tokio::test]
async fn update_or_replace_cannot_move_a_row_onto_a_protected_one() {
    let t = ledger().await.t;
    let signed = "(SELECT min(id) FROM agreement_versions WHERE status = 'signed')";
    let update = update_or_replace();
    // On SQLite the trigger against deleting a signed version to make room answers; a
    // server's UPDATE deletes nothing, and the unique index in its way refuses.
    let moved_onto_signed = if testing::on_server() {
        DUPLICATE
    } else {
        "signed agreement terms are never replaced"
    };
    let attempts = [
        // A draft may change, but not onto the superseded version's number or a signed
        // version's id: REPLACE would delete that version to make room.
        (
            format!("{update} agreement_versions SET version = 1 WHERE status = 'draft'"),
            moved_onto_signed,
        ),
        (
            format!("{update} agreement_versions SET id = {signed} WHERE status = 'draft'"),
            moved_onto_signed,
        ),
        // Superseding is the one change signed terms allow; it does not carry a new id.
        (
            format!(
                "UPDATE agreement_versions SET status = 'superseded', id = 1000 WHERE id = {signed}"
            ),
            "signed agreement terms are immutable",
        ),
        // Redemptions point at a code by its id, and a card shows its prefix.
        (
            format!("{update} referral_codes SET id = 1000"),
            "a referral code keeps its printed text",
        ),
        (
            "UPDATE referral_codes SET prefix = 'PETAL'".into(),
            "a referral code keeps its printed text",
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

#[tokio::test]
async fn retries_switches_settings_and_drafts_still_save() {
    let Ledger { t, code, draft } = ledger().await;
    let owner = Actor::owner();

    // The till's retry of a logged sale replays it rather than logging it twice.
    let retry = t
        .log_redemption(
            &sale(&code.printed, "walls-sale-2"),
            TILL,
            &Actor::named("till"),
        )
        .await
        .expect("retry");
    assert!(
        matches!(retry, LogOutcome::Logged { replayed: true, .. }),
        "{retry:?}"
    );
    assert_eq!(t.redemptions().await.expect("redemptions").len(), 2);

    // A code may still be switched off, and a taken code is still told apart from a new one.
    let off = t
        .set_codes_enabled(&[code.id], false, &owner)
        .await
        .expect("switch off");
    assert!(!off[0].enabled);
    let taken = t
        .issue_code(
            off[0].partner_id,
            Some(&code.code[..code.code.len() - 1]),
            &CodeOptions::default(),
            &owner,
        )
        .await
        .expect_err("taken");
    assert!(
        matches!(taken, Error::Code(CodeError::Taken { .. })),
        "{taken:?}"
    );

    // The app's own upserts, on tables that hold no history.
    t.set_till_name("Back till", &owner).await.expect("till");
    t.set_till_name("Front till", &owner)
        .await
        .expect("till again");
    testing::save_profile(&t).await;
    testing::save_profile(&t).await;
    // A month's revenue corrected again, and a goal archived: the one change a goal allows.
    let again = RevenueInput {
        reason: "The bank's late transfer".into(),
        ..testing::revenue("2026-10", "1250")
    };
    let month = t.set_month_revenue(&again, &owner).await.expect("again");
    assert_eq!(month.history.len(), 3);
    let goal = t.goals_list().await.expect("goals")[0].id;
    t.archive_goal(goal, "", &owner).await.expect("archive");

    // A draft is not history: even raw REPLACE and upsert may rewrite it.
    let draft_wall = Wall {
        table: "agreement_versions",
        target: "status = 'draft'",
        keys: &[&["id"]],
        change: &[("notes", "'rewritten while a draft'")],
        refusal: "",
        update_refusal: "",
    };
    for &like_the_app in connection_kinds() {
        let mut conn = connection(&t, like_the_app).await;
        let cols = columns(&mut conn, "agreement_versions").await;
        let dialect = conn.dialect();
        // On a server a plain insert over any row meets the unique index; only REPLACE
        // and upserts rewrite one.
        let rewrites = attempts(&draft_wall, &cols, &["id"], dialect)
            .into_iter()
            .filter(|(kind, ..)| *kind != "insert");
        for (kind, sql, _) in rewrites {
            on!(&mut conn, db => sqlx::query("UPDATE agreement_versions SET notes = '' WHERE id = $1")
                .bind(draft)
                .execute(db)
                .await
                .map(|done| done.rows_affected()))
            .expect("reset");
            execute(&mut conn, &sql)
                .await
                .unwrap_or_else(|e| panic!("{kind} on the draft: {e}"));
            let notes: String = on!(&mut conn, db => sqlx::query_scalar(
                "SELECT notes FROM agreement_versions WHERE id = $1",
            )
            .bind(draft)
            .fetch_one(db)
            .await)
            .expect("draft kept its id");
            assert_eq!(notes, "rewritten while a draft", "{kind}");
        }
        conn.close().await.expect("close");
    }
    t.delete_draft(draft, &owner).await.expect("delete draft");
}
