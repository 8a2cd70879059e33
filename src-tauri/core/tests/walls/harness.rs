//! The walls' harness: a desk with a row in every table that holds history (two-way
//! partnerships' and campaigns' included), connections
//! like a tool's and like the app's, and the attempts that would rewrite a protected row,
//! each checked to be refused with every protected table unchanged.

use partnerdesk_core::campaigns::CampaignInput;
use partnerdesk_core::codes::{CodeOptions, ReferralCode};
use partnerdesk_core::ledger::{LogOutcome, RedemptionInput, VoidInput};
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::payouts::PayoutInput;
use partnerdesk_core::program::{CostCategory, CostInput, GoalInput, GoalKind, RevenueInput};
use partnerdesk_core::receivables::ReceivableInput;
use partnerdesk_core::settlements::SettlementInput;
use partnerdesk_core::terms::{AgreementVersionId, PayoutMethod};
use partnerdesk_core::testing::{
    self, desk_with_profile, iso, signature, signed_partner, start_day, TestDesk,
};
use partnerdesk_core::Actor;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};

pub(crate) const TILL: &str = "Front till";

/// The tables that hold history, in the order they are snapshotted.
pub(crate) const PROTECTED: [&str; 22] = [
    "audit_log",
    "agreement_versions",
    "referral_codes",
    "redemptions",
    "redemption_voids",
    "payouts",
    "payout_reversals",
    "program_costs",
    "cost_reversals",
    "revenue_entries",
    "goals",
    "installation_key",
    "partner_keys",
    "statement_imports",
    "receivables",
    "receivable_reversals",
    "settlements",
    "receipts",
    "receipt_reversals",
    "statements_sent",
    "campaigns",
    "campaign_partners",
];

/// One protected row and what an attempt to insert over it would rewrite.
pub(crate) struct Wall {
    pub(crate) table: &'static str,
    /// Picks the one row every attempt aims at.
    pub(crate) target: &'static str,
    /// How a new row can collide with it: by its id, or by another unique key (the new row
    /// then asks for a fresh id, so only the key collides).
    pub(crate) keys: &'static [&'static [&'static str]],
    /// The columns an attempt rewrites, and the SQL expression each gets.
    pub(crate) change: &'static [(&'static str, &'static str)],
    /// What the refusal must say.
    pub(crate) refusal: &'static str,
}

/// A desk with a row in every protected table, and what the tests aim at in it.
pub(crate) struct Ledger {
    pub(crate) t: TestDesk,
    pub(crate) code: ReferralCode,
    /// The bakery's third version, still a draft.
    pub(crate) draft: AgreementVersionId,
}

/// A sale of €12.50 with `code`, tried under `key`.
pub(crate) fn sale(code: &str, key: &str) -> RedemptionInput {
    RedemptionInput {
        idempotency_key: key.into(),
        code: code.into(),
        sale: "12,50".into(),
        new_customer: true,
        ..Default::default()
    }
}

/// The bakery's terms signed, superseded by a second signed version and a third in draft,
/// a florist with its own signed terms, a code, two sales (one voided), a payout that was
/// reversed, and the program's corrections (see [`corrections`]).
pub(crate) async fn ledger() -> Ledger {
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
        paid_on: today.clone(),
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
    corrections(&t, bakery, &today).await;
    campaign(&t, bakery, &today).await;
    two_way(&t, bakery).await;
    Ledger { t, code, draft }
}

/// The bakery's side: October typed from paper and reversed, then typed again; this
/// month's statement file from the bakery's own desk imported (its key pinned); a
/// settlement that was reversed (its payout and receipt with it), and one that stands; and
/// our statement written (our key made, the statement noted as sent).
async fn two_way(t: &TestDesk, bakery: PartnerId) {
    let owner = Actor::owner();
    let october = ReceivableInput {
        period_from: "2026-10-01".into(),
        period_to: "2026-10-31".into(),
        customers: "2".into(),
        amount: "0,50".into(),
        reference: "Paper, October".into(),
    };
    let typed = t
        .record_receivable(bakery, &october, &owner)
        .await
        .expect("typed");
    t.reverse_receivable(typed.id, "Typed the wrong amount", &owner)
        .await
        .expect("reverse typed");
    t.record_receivable(bakery, &october, &owner)
        .await
        .expect("typed again");

    let theirs = testing::empty_desk().await;
    let mut profile = testing::profile();
    profile.name = "Crumb & Co. Bakery".into();
    theirs
        .save_profile(&profile, &owner)
        .await
        .expect("profile");
    let us = signed_partner(&theirs, "Bean There Coffee", &testing::terms()).await;
    let month = testing::month_of(start_day());
    let files = theirs
        .statement_files(us, month, None, &owner)
        .await
        .expect("their statement");
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join(&files.file.file_name);
    std::fs::write(&file, &files.file.bytes).expect("write");
    t.import_statement(&file, bakery, false, &owner)
        .await
        .expect("import");

    let settle = SettlementInput {
        period_from: iso(month.0),
        period_to: iso(month.1),
        settled_on: iso(start_day()),
        amount: "0,10".into(),
        method: PayoutMethod::Cash,
        reference: "Walls".into(),
    };
    let first = t.settle(bakery, &settle, &owner).await.expect("settle");
    t.reverse_settlement(first.id, "Counted the wrong till", &owner)
        .await
        .expect("reverse settlement");
    t.settle(bakery, &settle, &owner)
        .await
        .expect("settle again");
    t.statement_files(bakery, month, None, &owner)
        .await
        .expect("our statement");
}

/// Two costs on `day`, the bakery's reversed; October's revenue entered, then corrected; a
/// goal set, then edited (archived, with its replacement pointing back at it).
async fn corrections(t: &TestDesk, bakery: PartnerId, day: &str) {
    let owner = Actor::owner();
    let mut cost = CostInput {
        spent_on: day.into(),
        category: CostCategory::Printing,
        amount: "40".into(),
        partner_id: Some(bakery),
        description: "Card sheets".into(),
        campaign_id: None,
    };
    let wrong = t.add_cost(&cost, &owner).await.expect("cost");
    cost.partner_id = None;
    t.add_cost(&cost, &owner).await.expect("shared cost");
    t.reverse_cost(wrong.id, "Booked to the wrong partner", &owner)
        .await
        .expect("reverse cost");
    t.set_month_revenue(&testing::revenue("2026-10", "1000"), &owner)
        .await
        .expect("revenue");
    let corrected = RevenueInput {
        reason: "Forgot the card payments".into(),
        ..testing::revenue("2026-10", "1200")
    };
    t.set_month_revenue(&corrected, &owner)
        .await
        .expect("corrected");
    let mut goal = GoalInput {
        kind: GoalKind::NewCustomersPerMonth,
        target: "40".into(),
        by_month: "2027-06".into(),
    };
    let set = t.add_goal(&goal, &owner).await.expect("goal");
    goal.target = "30".into();
    t.update_goal(set, &goal, &owner).await.expect("edit goal");
}

/// A campaign the bakery takes part in, with a code issued for it and a cost booked to it.
async fn campaign(t: &TestDesk, bakery: PartnerId, day: &str) {
    let owner = Actor::owner();
    let input = CampaignInput {
        name: "Winter market".into(),
        starts_on: day.into(),
        ends_on: day.into(),
        budget: "50".into(),
        notes: String::new(),
        partner_ids: vec![bakery],
    };
    let campaign = t
        .create_campaign(&input, &owner)
        .await
        .expect("campaign")
        .id;
    let options = CodeOptions {
        campaign_id: Some(campaign),
        ..Default::default()
    };
    t.issue_code(bakery, None, &options, &owner)
        .await
        .expect("campaign code");
    let cost = CostInput {
        spent_on: day.into(),
        category: CostCategory::Events,
        amount: "15".into(),
        partner_id: Some(bakery),
        description: "Stall".into(),
        campaign_id: Some(campaign),
    };
    t.add_cost(&cost, &owner).await.expect("campaign cost");
}

/// A connection of its own on the desk's file. `like_the_app` turns on foreign keys and
/// recursive triggers as the app's connections do; without, it is what the `sqlite3` shell
/// or a script gets by default.
pub(crate) async fn connection(t: &TestDesk, like_the_app: bool) -> SqliteConnection {
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
pub(crate) async fn columns(conn: &mut SqliteConnection, table: &str) -> Vec<String> {
    sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
        .bind(table)
        .fetch_all(conn)
        .await
        .expect("columns")
}

/// Every protected row, each column as SQLite quotes it (so 1, '1' and NULL differ).
pub(crate) async fn snapshot(conn: &mut SqliteConnection) -> Vec<String> {
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
pub(crate) fn attempts(wall: &Wall, cols: &[String], key: &[&str]) -> Vec<(&'static str, String)> {
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
pub(crate) async fn breach(
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
pub(crate) fn on_off(like_the_app: bool) -> &'static str {
    if like_the_app {
        "on"
    } else {
        "off"
    }
}

/// Tries every attempt on the wall on both kinds of connection; each must be refused with
/// the wall's message and leave every protected table as it was.
pub(crate) async fn holds(wall: Wall) {
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
