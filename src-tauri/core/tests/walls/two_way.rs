//! The walls around two-way partnerships: what partners owe and paid us, settlements, the
//! keys statement files are signed with, and the files imported are history too. Nothing
//! rewrites them by inserting over them, by UPDATE or by DELETE.

use super::harness::{breach, connection, connection_kinds, described, holds, ledger, Wall};

#[tokio::test]
async fn receivables_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "receivables",
        target: "id = (SELECT min(id) FROM receivables)",
        keys: &[&["id"]],
        change: &[("amount_minor", "99999")],
        refusal: "receivables are never replaced",
        update_refusal: "receivables are never changed",
    })
    .await;
}

#[tokio::test]
async fn receivable_reversals_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "receivable_reversals",
        target: "id = (SELECT min(id) FROM receivable_reversals)",
        keys: &[&["id"], &["receivable_id"]],
        change: &[("reason", "'rewritten'")],
        refusal: "receivable reversals are never replaced",
        update_refusal: "receivable reversals are never changed",
    })
    .await;
}

#[tokio::test]
async fn receipts_and_their_reversals_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "receipts",
        target: "id = (SELECT min(id) FROM receipts)",
        keys: &[&["id"]],
        change: &[("amount_minor", "99999")],
        refusal: "receipts are never replaced",
        update_refusal: "receipts are never changed",
    })
    .await;
    holds(Wall {
        table: "receipt_reversals",
        target: "id = (SELECT min(id) FROM receipt_reversals)",
        keys: &[&["id"], &["receipt_id"]],
        change: &[("reason", "'rewritten'")],
        refusal: "receipt reversals are never replaced",
        update_refusal: "receipt reversals are never changed",
    })
    .await;
}

#[tokio::test]
async fn settlements_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "settlements",
        target: "id = (SELECT max(id) FROM settlements)",
        keys: &[&["id"]],
        change: &[("paid_minor", "99999")],
        refusal: "settlements are never replaced",
        update_refusal: "settlements are never changed",
    })
    .await;
}

#[tokio::test]
async fn keys_and_imported_files_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "partner_keys",
        target: "id = (SELECT min(id) FROM partner_keys)",
        keys: &[&["id"]],
        change: &[(
            "public_key",
            "'0000000000000000000000000000000000000000000000000000000000000000'",
        )],
        refusal: "pinned partner keys are never replaced",
        update_refusal: "pinned partner keys are never changed",
    })
    .await;
    holds(Wall {
        table: "statement_imports",
        target: "id = (SELECT min(id) FROM statement_imports)",
        keys: &[&["id"], &["file_sha256"]],
        change: &[("file_text", "'{}'")],
        refusal: "imported statements are never replaced",
        update_refusal: "imported statements are never changed",
    })
    .await;
    holds(Wall {
        table: "installation_key",
        target: "id = 1",
        keys: &[&["id"]],
        change: &[(
            "public_key",
            "'0000000000000000000000000000000000000000000000000000000000000000'",
        )],
        refusal: "installation keys are never replaced",
        update_refusal: "installation keys are never changed",
    })
    .await;
}

#[tokio::test]
async fn two_way_history_cannot_be_updated_or_deleted() {
    let t = ledger().await.t;
    let attempts = [
        (
            "UPDATE receivables SET amount_minor = 1",
            "receivables are never changed",
        ),
        ("DELETE FROM receivables", "receivables are never deleted"),
        (
            "UPDATE receivable_reversals SET reason = 'rewritten'",
            "receivable reversals are never changed",
        ),
        (
            "DELETE FROM receivable_reversals",
            "receivable reversals are never deleted",
        ),
        (
            "UPDATE receipts SET amount_minor = 1",
            "receipts are never changed",
        ),
        ("DELETE FROM receipts", "receipts are never deleted"),
        (
            "UPDATE receipt_reversals SET reason = 'rewritten'",
            "receipt reversals are never changed",
        ),
        (
            "DELETE FROM receipt_reversals",
            "receipt reversals are never deleted",
        ),
        (
            "UPDATE settlements SET paid_minor = 1",
            "settlements are never changed",
        ),
        ("DELETE FROM settlements", "settlements are never deleted"),
        (
            "UPDATE payouts SET settlement_id = NULL",
            "payouts are never changed",
        ),
        (
            "UPDATE partner_keys SET reason = 'x'",
            "pinned partner keys are never changed",
        ),
        (
            "DELETE FROM partner_keys",
            "pinned partner keys are never deleted",
        ),
        (
            "UPDATE statement_imports SET file_text = ''",
            "imported statements are never changed",
        ),
        (
            "DELETE FROM statement_imports",
            "imported statements are never deleted",
        ),
        (
            "UPDATE installation_key SET created_at = 0",
            "installation keys are never changed",
        ),
        (
            "DELETE FROM installation_key",
            "installation keys are never deleted",
        ),
        (
            "UPDATE statements_sent SET written_by = 'x'",
            "statements sent are never changed",
        ),
        (
            "DELETE FROM statements_sent",
            "statements sent are never deleted",
        ),
        (
            "UPDATE agreement_versions SET reciprocal = 1 - reciprocal WHERE status <> 'draft'",
            "signed agreement terms are immutable",
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
