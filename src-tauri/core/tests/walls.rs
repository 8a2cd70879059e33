//! The ledger's walls: no raw statement rewrites history by inserting over it. SQLite's
//! REPLACE (`INSERT OR REPLACE`, `REPLACE INTO`) makes room for its row by deleting the one
//! in the way, and fires no DELETE trigger for that unless the connection set
//! `PRAGMA recursive_triggers`; an upsert (`ON CONFLICT DO UPDATE`) updates the row in the
//! way. Each protected table is tried with all three, on a connection like a tool's
//! (neither foreign keys nor recursive triggers) and one like the app's (both on), and
//! every protected table must read back byte for byte as it was.

use partnerdesk_core::codes::{CodeOptions, ReferralCode};
use partnerdesk_core::error::CodeError;
use partnerdesk_core::ledger::{LogOutcome, RedemptionInput, VoidInput};
use partnerdesk_core::payouts::PayoutInput;
use partnerdesk_core::terms::{AgreementVersionId, PayoutMethod};
use partnerdesk_core::testing::{
    self, desk_with_profile, iso, signature, signed_partner, start_day, TestDesk,
};
use partnerdesk_core::{Actor, Error};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};

const TILL: &str = "Front till";

/// The tables that hold history, in the order they are snapshotted.
const PROTECTED: [&str; 7] = [
    "audit_log",
    "agreement_versions",
    "referral_codes",
    "redemptions",
    "redemption_voids",
    "payouts",
    "payout_reversals",
];

/// One protected row and what an attempt to insert over it would rewrite.
struct Wall {
    table: &'static str,
    /// Picks the one row every attempt aims at.
    target: &'static str,
    /// How a new row can collide with it: by its id, or by another unique key (the new row
    /// then asks for a fresh id, so only the key collides).
    keys: &'static [&'static [&'static str]],
    /// The columns an attempt rewrites, and the SQL expression each gets.
    change: &'static [(&'static str, &'static str)],
    /// What the refusal must say.
    refusal: &'static str,
}

/// A desk with a row in every protected table, and what the tests aim at in it.
struct Ledger {
    t: TestDesk,
    code: ReferralCode,
    /// The bakery's third version, still a draft.
    draft: AgreementVersionId,
}

/// A sale of €12.50 with `code`, tried under `key`.
fn sale(code: &str, key: &str) -> RedemptionInput {
    RedemptionInput {
        idempotency_key: key.into(),
        code: code.into(),
        sale: "12,50".into(),
        new_customer: true,
        ..Default::default()
    }
}

/// The bakery's terms signed, superseded by a second signed version and a third in draft,
/// a florist with its own signed terms, a code, two sales (one voided), and a payout that
/// was reversed.
async fn ledger() -> Ledger {
    let t = desk_with_profile().await;
    let owner = Actor::owner();
    let mut terms = testing::terms();
    terms.reward_percent = "8".into();
    let bakery = signed_partner(&t, "Crumb & Co. Bakery", &terms).await;
    let v1 = t.agreement_versions(bakery).await.expect("versions")[0].id;
    let v2 = t.new_version_from(v1, &owner).await.expect("v2");
    let today = iso(start_day());
    t.sign_agreement(v2.id, &signature(&today), &owner)
        .await
        .expect("sign v2");
    let draft = t.new_version_from(v2.id, &owner).await.expect("v3").id;
    signed_partner(&t, "Petal Florist", &testing::terms()).await;

    let code = t
        .issue_code(
            bakery,
            None,
            &CodeOptions {
                with_prefix: true,
                ..Default::default()
            },
            &owner,
        )
        .await
        .expect("code");
    let mut sales = Vec::new();
    for key in ["walls-sale-1", "walls-sale-2"] {
        match t
            .log_redemption(&sale(&code.printed, key), TILL, &Actor::named("till"))
            .await
            .expect("log")
        {
            LogOutcome::Logged { redemption, .. } => sales.push(redemption.id),
            LogOutcome::Refused { outcome } => panic!("refused: {outcome:?}"),
        }
    }
    let void = VoidInput {
        reason: "Rang up twice".into(),
        restore_use: false,
    };
    t.void_redemption(sales[0], &void, &owner)
        .await
        .expect("void");
    let payout = PayoutInput {
        paid_on: today,
        amount: "1,00".into(),
        method: PayoutMethod::Cash,
        reference: "Till float".into(),
        period_from: String::new(),
        period_to: String::new(),
        confirm_over_balance: true,
    };
    let paid = t
        .record_payout(bakery, &payout, &owner)
        .await
        .expect("payout");
    t.reverse_payout(paid.id, "Paid the wrong partner", &owner)
        .await
        .expect("reverse");
    Ledger { t, code, draft }
}

/// A connection of its own on the desk's file. `like_the_app` turns on foreign keys and
/// recursive triggers as the app's connections do; without, it is what the `sqlite3` shell
/// or a script gets by default.
async fn connection(t: &TestDesk, like_the_app: bool) -> SqliteConnection {
    let on = if like_the_app { "ON" } else { "OFF" };
    let opts = SqliteConnectOptions::new()
        .filename(t.db_path())
        .foreign_keys(like_the_app)
        .pragma("recursive_triggers", on);
    let mut conn = SqliteConnection::connect_with(&opts)
        .await
        .expect("connect");
    let recursive: i64 = sqlx::query_scalar("PRAGMA recursive_triggers")
        .fetch_one(&mut conn)
        .await
        .expect("pragma");
    assert_eq!(recursive == 1, like_the_app);
    conn
}

/// The columns of `table`, in order.
async fn columns(conn: &mut SqliteConnection, table: &str) -> Vec<String> {
    sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
        .bind(table)
        .fetch_all(conn)
        .await
        .expect("columns")
}

/// Every protected row, each column as SQLite quotes it (so 1, '1' and NULL differ).
async fn snapshot(conn: &mut SqliteConnection) -> Vec<String> {
    let mut all = Vec::new();
    for table in PROTECTED {
        let quoted: Vec<String> = columns(conn, table)
            .await
            .iter()
            .map(|c| format!("quote({c})"))
            .collect();
        let sql = format!(
            "SELECT '{table}: ' || {} FROM {table} ORDER BY rowid",
            quoted.join(" || ', ' || ")
        );
        let rows: Vec<String> = sqlx::query_scalar(&sql)
            .fetch_all(&mut *conn)
            .await
            .expect("snapshot");
        assert!(!rows.is_empty(), "the fixture left {table} empty");
        all.extend(rows);
    }
    all
}

/// The statements that would rewrite the wall's row through `key`: INSERT OR REPLACE,
/// REPLACE INTO and an upsert, each copying the row with the wall's change made.
fn attempts(wall: &Wall, cols: &[String], key: &[&str]) -> Vec<(&'static str, String)> {
    let values: Vec<String> = cols
        .iter()
        .map(|c| match wall.change.iter().find(|(name, _)| name == c) {
            Some((_, value)) => (*value).to_string(),
            None if c == "id" && key != ["id"] => "NULL".into(),
            None => c.clone(),
        })
        .collect();
    let (table, list) = (wall.table, cols.join(", "));
    let source = format!(
        "({list}) SELECT {} FROM {table} WHERE {}",
        values.join(", "),
        wall.target
    );
    let set: Vec<String> = wall
        .change
        .iter()
        .map(|(c, _)| format!("{c} = excluded.{c}"))
        .collect();
    vec![
        (
            "INSERT OR REPLACE",
            format!("INSERT OR REPLACE INTO {table} {source}"),
        ),
        ("REPLACE INTO", format!("REPLACE INTO {table} {source}")),
        (
            "upsert",
            format!(
                "INSERT INTO {table} {source} ON CONFLICT ({}) DO UPDATE SET {}",
                key.join(", "),
                set.join(", ")
            ),
        ),
    ]
}

/// Runs `sql` in a transaction rolled back after (so one that got through leaves the next
/// attempt its row to aim at). Answers a breach, if any: `sql` ran, or was refused for
/// another reason than `refusal`, or a protected row changed.
async fn breach(
    conn: &mut SqliteConnection,
    how: &str,
    sql: &str,
    refusal: &str,
) -> Option<String> {
    sqlx::query("BEGIN")
        .execute(&mut *conn)
        .await
        .expect("begin");
    let before = snapshot(conn).await;
    let result = sqlx::query(sql).execute(&mut *conn).await;
    let after = snapshot(conn).await;
    sqlx::query("ROLLBACK")
        .execute(&mut *conn)
        .await
        .expect("rollback");
    let outcome = match &result {
        Ok(done) => format!("ran ({} rows affected)", done.rows_affected()),
        Err(err) => format!("refused: {err}"),
    };
    let changed = if before == after {
        "rows unchanged"
    } else {
        "ROWS REWRITTEN"
    };
    // Printed with --nocapture: the before/after table of the issue.
    eprintln!("{how}: {outcome}; {changed}");
    let refused = matches!(&result, Err(e) if e.to_string().contains(refusal));
    (!refused || before != after).then(|| format!("{how}: {outcome}; {changed}\n  {sql}"))
}

/// "on" or "off", as the pragma reads.
fn on_off(like_the_app: bool) -> &'static str {
    if like_the_app {
        "on"
    } else {
        "off"
    }
}

/// Tries every attempt on the wall on both kinds of connection; each must be refused with
/// the wall's message and leave every protected table as it was.
async fn holds(wall: Wall) {
    let t = ledger().await.t;
    let mut breaches = Vec::new();
    for like_the_app in [false, true] {
        let mut conn = connection(&t, like_the_app).await;
        let aimed_at: i64 = sqlx::query_scalar(&format!(
            "SELECT count(*) FROM {} WHERE {}",
            wall.table, wall.target
        ))
        .fetch_one(&mut conn)
        .await
        .expect("target");
        assert_eq!(aimed_at, 1, "{} WHERE {}", wall.table, wall.target);
        let cols = columns(&mut conn, wall.table).await;
        for key in wall.keys {
            for (kind, sql) in attempts(&wall, &cols, key) {
                let how = format!(
                    "{} {kind} on ({}), recursive_triggers {}",
                    wall.table,
                    key.join(", "),
                    on_off(like_the_app)
                );
                breaches.extend(breach(&mut conn, &how, &sql, wall.refusal).await);
            }
        }
        conn.close().await.expect("close");
    }
    assert!(breaches.is_empty(), "{}", breaches.join("\n"));
}

#[tokio::test]
async fn audit_entries_cannot_be_replaced_or_upserted() {
    holds(Wall {
        table: "audit_log",
        target: "id = (SELECT min(id) FROM audit_log)",
        keys: &[&["id"]],
        change: &[("actor", "'mallory'")],
        refusal: "audit entries are never replaced",
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
    })
    .await;
}

#[tokio::test]
async fn update_or_replace_cannot_move_a_row_onto_a_protected_one() {
    let t = ledger().await.t;
    let signed = "(SELECT min(id) FROM agreement_versions WHERE status = 'signed')";
    let attempts = [
        // A draft may change, but not onto the superseded version's number or a signed
        // version's id: REPLACE would delete that version to make room.
        (
            "UPDATE OR REPLACE agreement_versions SET version = 1 WHERE status = 'draft'".into(),
            "signed agreement terms are never replaced",
        ),
        (
            format!(
                "UPDATE OR REPLACE agreement_versions SET id = {signed} WHERE status = 'draft'"
            ),
            "signed agreement terms are never replaced",
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
            "UPDATE OR REPLACE referral_codes SET id = 1000".into(),
            "a referral code keeps its printed text",
        ),
        (
            "UPDATE referral_codes SET prefix = 'PETAL'".into(),
            "a referral code keeps its printed text",
        ),
    ];
    let mut breaches = Vec::new();
    for like_the_app in [false, true] {
        let mut conn = connection(&t, like_the_app).await;
        for (sql, refusal) in &attempts {
            let how = format!("{sql}, recursive_triggers {}", on_off(like_the_app));
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
    t.set_month_revenue("2026-10", "1000", &owner)
        .await
        .expect("revenue");
    t.set_month_revenue("2026-10", "1200", &owner)
        .await
        .expect("revenue again");

    // A draft is not history: even raw REPLACE and upsert may rewrite it.
    let draft_wall = Wall {
        table: "agreement_versions",
        target: "status = 'draft'",
        keys: &[&["id"]],
        change: &[("notes", "'rewritten while a draft'")],
        refusal: "",
    };
    for like_the_app in [false, true] {
        let mut conn = connection(&t, like_the_app).await;
        let cols = columns(&mut conn, "agreement_versions").await;
        for (kind, sql) in attempts(&draft_wall, &cols, &["id"]) {
            sqlx::query("UPDATE agreement_versions SET notes = '' WHERE id = $1")
                .bind(draft)
                .execute(&mut conn)
                .await
                .expect("reset");
            sqlx::query(&sql)
                .execute(&mut conn)
                .await
                .unwrap_or_else(|e| panic!("{kind} on the draft: {e}"));
            let notes: String =
                sqlx::query_scalar("SELECT notes FROM agreement_versions WHERE id = $1")
                    .bind(draft)
                    .fetch_one(&mut conn)
                    .await
                    .expect("draft kept its id");
            assert_eq!(notes, "rewritten while a draft", "{kind}");
        }
        conn.close().await.expect("close");
    }
    t.delete_draft(draft, &owner).await.expect("delete draft");
}
