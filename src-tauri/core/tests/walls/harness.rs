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
use partnerdesk_core::store::{Conn, Dialect};
use partnerdesk_core::terms::{AgreementVersionId, PayoutMethod};
use partnerdesk_core::testing::execute;
use partnerdesk_core::testing::{
    self, desk_with_profile, iso, signature, signed_partner, start_day, TestDesk,
};
use partnerdesk_core::{on, Actor};
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
    /// What refusing an UPDATE of the row says. A server has no REPLACE, nor the triggers
    /// against inserting over a row; there an upsert meets the UPDATE triggers instead.
    pub(crate) update_refusal: &'static str,
}

/// How a plain insert onto a taken id or key is refused on a server: its unique index.
pub(crate) const DUPLICATE: &str = "duplicate key value violates unique constraint";

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

/// The kinds of connection the walls are tried on, as [`connection`] takes them: on SQLite
/// one like a tool's and one like the app's; a server's sessions have no such settings, so
/// there one.
pub(crate) fn connection_kinds() -> &'static [bool] {
    if testing::on_server() {
        &[true]
    } else {
        &[false, true]
    }
}

/// A connection of its own on the desk's store. On SQLite, `like_the_app` turns on foreign
/// keys and recursive triggers as the app's connections do; without, it is what the
/// `sqlite3` shell or a script gets by default.
pub(crate) async fn connection(t: &TestDesk, like_the_app: bool) -> Conn {
    if testing::on_server() {
        return testing::store_connection(t).await;
    }
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
    Conn::sqlite_alone(conn)
}

/// The columns of `table`, in order.
pub(crate) async fn columns(conn: &mut Conn, table: &str) -> Vec<String> {
    let sql = match conn.dialect() {
        Dialect::Sqlite => "SELECT name FROM pragma_table_info($1) ORDER BY cid",
        Dialect::Postgres => {
            "SELECT CAST(column_name AS TEXT) FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position"
        }
    };
    on!(conn, db => sqlx::query_scalar(sql).bind(table).fetch_all(db).await).expect("columns")
}

/// Every protected row: each column as SQLite quotes it (so 1, '1' and NULL differ), or
/// on a server the row cast to text (its columns are typed, so 1 and '1' cannot differ).
pub(crate) async fn snapshot(conn: &mut Conn) -> Vec<String> {
    let mut all = Vec::new();
    for table in PROTECTED {
        let sql = match conn.dialect() {
            Dialect::Sqlite => {
                let quoted: Vec<String> = columns(conn, table)
                    .await
                    .iter()
                    .map(|c| format!("quote({c})"))
                    .collect();
                format!(
                    "SELECT '{table}: ' || {} FROM {table} ORDER BY rowid",
                    quoted.join(" || ', ' || ")
                )
            }
            Dialect::Postgres => {
                format!("SELECT '{table}: ' || CAST(x AS TEXT) FROM {table} AS x ORDER BY 1")
            }
        };
        let rows: Vec<String> =
            on!(&mut *conn, db => sqlx::query_scalar(&sql).fetch_all(db).await).expect("snapshot");
        assert!(!rows.is_empty(), "the fixture left {table} empty");
        all.extend(rows);
    }
    all
}

/// The statements that would rewrite the wall's row through `key`, each copying the row
/// with the wall's change made, and what each must be refused with. On SQLite: INSERT OR
/// REPLACE, REPLACE INTO and an upsert. A server has no REPLACE: there the upsert, which
/// meets the UPDATE triggers, and the plain insert, which meets the unique index.
pub(crate) fn attempts(
    wall: &Wall,
    cols: &[String],
    key: &[&str],
    dialect: Dialect,
) -> Vec<(&'static str, String, &'static str)> {
    // Colliding by another key, the new row leaves out its id and so asks for a fresh one.
    let by_id = key == ["id"];
    let cols: Vec<&String> = cols.iter().filter(|c| by_id || *c != "id").collect();
    let values: Vec<String> = cols
        .iter()
        .map(|c| match wall.change.iter().find(|(name, _)| name == c) {
            Some((_, value)) => (*value).to_string(),
            None => (*c).clone(),
        })
        .collect();
    let list: Vec<&str> = cols.iter().map(|c| c.as_str()).collect();
    let (table, list) = (wall.table, list.join(", "));
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
    let upsert = format!(
        "INSERT INTO {table} {source} ON CONFLICT ({}) DO UPDATE SET {}",
        key.join(", "),
        set.join(", ")
    );
    match dialect {
        Dialect::Sqlite => vec![
            (
                "INSERT OR REPLACE",
                format!("INSERT OR REPLACE INTO {table} {source}"),
                wall.refusal,
            ),
            (
                "REPLACE INTO",
                format!("REPLACE INTO {table} {source}"),
                wall.refusal,
            ),
            ("upsert", upsert, wall.refusal),
        ],
        Dialect::Postgres => vec![
            ("upsert", upsert, wall.update_refusal),
            ("insert", format!("INSERT INTO {table} {source}"), DUPLICATE),
        ],
    }
}

/// Runs `sql` in a transaction rolled back after (so one that got through leaves the next
/// attempt its row to aim at). Answers a breach, if any: `sql` ran, or was refused for
/// another reason than `refusal`, or a protected row changed.
pub(crate) async fn breach(conn: &mut Conn, how: &str, sql: &str, refusal: &str) -> Option<String> {
    // PostgreSQL undoes a refused statement whole, but then refuses every statement until
    // the transaction is rolled back to before it; SQLite's transaction goes on as it is.
    let on_server = conn.dialect() == Dialect::Postgres;
    execute(conn, "BEGIN").await.expect("begin");
    let before = snapshot(conn).await;
    if on_server {
        execute(conn, "SAVEPOINT attempt").await.expect("savepoint");
    }
    let result = execute(conn, sql).await;
    if on_server && result.is_err() {
        execute(conn, "ROLLBACK TO SAVEPOINT attempt")
            .await
            .expect("back to before the attempt");
    }
    let after = snapshot(conn).await;
    execute(conn, "ROLLBACK").await.expect("rollback");
    let outcome = match &result {
        Ok(rows) => format!("ran ({rows} rows affected)"),
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

/// Which connection an attempt ran on, for its report: on SQLite whether recursive
/// triggers were on, as the pragma reads.
pub(crate) fn described(like_the_app: bool) -> &'static str {
    match (testing::on_server(), like_the_app) {
        (true, _) => "on the server",
        (false, true) => "recursive_triggers on",
        (false, false) => "recursive_triggers off",
    }
}

/// SQLite's UPDATE that deletes a row in its way; a server has only the plain UPDATE,
/// which its unique indexes refuse instead ([`DUPLICATE`]).
pub(crate) fn update_or_replace() -> &'static str {
    if testing::on_server() {
        "UPDATE"
    } else {
        "UPDATE OR REPLACE"
    }
}

/// Tries every attempt on the wall on each kind of connection; each must be refused with
/// what it must say and leave every protected table as it was.
pub(crate) async fn holds(wall: Wall) {
    let t = ledger().await.t;
    let mut breaches = Vec::new();
    for &like_the_app in connection_kinds() {
        let mut conn = connection(&t, like_the_app).await;
        let count = format!("SELECT count(*) FROM {} WHERE {}", wall.table, wall.target);
        let aimed_at: i64 =
            on!(&mut conn, db => sqlx::query_scalar(&count).fetch_one(db).await).expect("target");
        assert_eq!(aimed_at, 1, "{} WHERE {}", wall.table, wall.target);
        let cols = columns(&mut conn, wall.table).await;
        for key in wall.keys {
            for (kind, sql, refusal) in attempts(&wall, &cols, key, conn.dialect()) {
                let how = format!(
                    "{} {kind} on ({}), {}",
                    wall.table,
                    key.join(", "),
                    described(like_the_app)
                );
                breaches.extend(breach(&mut conn, &how, &sql, refusal).await);
            }
        }
        conn.close().await.expect("close");
    }
    assert!(breaches.is_empty(), "{}", breaches.join("\n"));
}
