//! Opening the database: schema, settings, and refusing files we must not touch.

use partnerdesk_core::error::StoreError;
use partnerdesk_core::partners::PartnerStatus;
use partnerdesk_core::store::{app_schema, DB_FILE_NAME};
use partnerdesk_core::testing::{self, desk_with_profile, empty_desk, partner};
use partnerdesk_core::{Actor, Desk, Error};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};

async fn raw(path: &std::path::Path) -> SqliteConnection {
    SqliteConnection::connect_with(&SqliteConnectOptions::new().filename(path))
        .await
        .expect("raw connection")
}

#[tokio::test]
async fn migrations_apply_on_an_empty_file_with_strict_tables() {
    if testing::on_server() {
        return; // STRICT tables are the SQLite file's; the server's schema has its own types.
    }
    let t = empty_desk().await;
    let path = t.db_path().to_path_buf();
    t.close().await;
    let mut conn = raw(&path).await;
    let tables: Vec<(String, i64)> = sqlx::query_as(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    let names: Vec<&str> = tables.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "agreement_versions",
            "audit_log",
            "business_profile",
            "campaign_partners",
            "campaigns",
            "cost_reversals",
            "goals",
            "installation_key",
            "partner_day_totals",
            "partner_keys",
            "partner_month_totals",
            "partners",
            "payout_reversals",
            "payouts",
            "people",
            "program_costs",
            "receipt_reversals",
            "receipts",
            "receivable_reversals",
            "receivables",
            "redemption_voids",
            "redemptions",
            "referral_codes",
            "revenue_entries",
            "settings",
            "settlements",
            "statement_imports",
            "statements_sent",
            "store_meta",
        ]
    );
    assert!(
        tables.iter().all(|(_, strict)| *strict == 1),
        "non-STRICT table: {tables:?}"
    );
    let applied: i64 = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(applied, app_schema());
}

#[tokio::test]
async fn every_connection_runs_in_wal_with_full_sync_foreign_keys_recursive_triggers_and_a_busy_timeout(
) {
    if testing::on_server() {
        return; // WAL and these pragmas are the SQLite file's settings.
    }
    let t = empty_desk().await;
    let all = t.connection_settings().await.unwrap();
    // The writer and the four readers.
    assert_eq!(all.len(), 5);
    for s in all {
        assert_eq!(s.journal_mode, "wal");
        assert_eq!(s.synchronous, 2);
        assert!(s.foreign_keys);
        assert!(s.recursive_triggers, "{s:?}");
        assert!(s.busy_timeout_ms >= 1000);
    }
}

#[tokio::test]
async fn reopening_keeps_data_and_migrates_nothing_twice() {
    let t = desk_with_profile().await;
    t.create_partner(
        &partner("Crumb & Co."),
        PartnerStatus::Prospect,
        &Actor::owner(),
    )
    .await
    .unwrap();
    t.close().await;
    let again = t.reopen().await;
    let list = again.partners(&Default::default()).await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].name, "Crumb & Co.");
}

#[tokio::test]
async fn database_from_a_newer_version_is_refused_and_left_untouched() {
    if testing::on_server() {
        return; // Writes a newer schema into the SQLite file and compares its bytes.
    }
    let t = desk_with_profile().await;
    let path = t.db_path().to_path_buf();
    t.close().await;
    {
        let mut conn = raw(&path).await;
        let newer = app_schema() + 1;
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
             VALUES ($1, 'from the future', 1, x'00', 0)",
        )
        .bind(newer)
        .execute(&mut conn)
        .await
        .unwrap();
        sqlx::query("UPDATE store_meta SET value = '9.9.0' WHERE key = 'written_by'")
            .execute(&mut conn)
            .await
            .unwrap();
        conn.close().await.unwrap();
    }
    let before = std::fs::read(&path).unwrap();

    let err = Desk::open(t.dir.path()).await.unwrap_err();

    match &err {
        Error::Store(StoreError::TooNew {
            db_schema,
            app_schema: ours,
            written_by,
            ..
        }) => {
            assert_eq!(*db_schema, app_schema() + 1);
            assert_eq!(*ours, app_schema());
            assert_eq!(written_by, "9.9.0");
        }
        other => panic!("expected TooNew, got {other:?}"),
    }
    let message = err.to_string();
    assert!(message.contains("Partnerdesk 9.9.0"), "{message}");
    assert!(
        message.contains(&format!("Partnerdesk {}", partnerdesk_core::APP_VERSION)),
        "{message}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the newer file was modified"
    );
    // A read-only reader may leave an empty WAL beside the file, never anything in it.
    let wal = t.dir.path().join(format!("{DB_FILE_NAME}-wal"));
    assert!(
        std::fs::metadata(&wal).map_or(0, |m| m.len()) == 0,
        "WAL written"
    );
}

#[tokio::test]
async fn damaged_file_is_refused_with_a_plain_message() {
    if testing::on_server() {
        return; // A server's database has no file here to damage.
    }
    let t = desk_with_profile().await;
    for i in 0..40 {
        let name = format!("Partner number {i} with a longer name to fill pages");
        t.create_partner(&partner(&name), PartnerStatus::Prospect, &Actor::owner())
            .await
            .unwrap();
    }
    let path = t.db_path().to_path_buf();
    t.close().await;
    // Scribble over everything after the first page: the header survives, the b-trees do not.
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096;
    assert!(bytes.len() > 3 * page, "only {} bytes", bytes.len());
    for (i, b) in bytes.iter_mut().enumerate().skip(page) {
        *b = (i % 251) as u8;
    }
    std::fs::write(&path, &bytes).unwrap();

    let err = Desk::open(t.dir.path()).await.unwrap_err();

    assert!(
        matches!(err, Error::Store(StoreError::Damaged { .. })),
        "{err:?}"
    );
    assert!(err.to_string().contains("will not write to it"), "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the damaged file was modified"
    );
}

#[tokio::test]
async fn audit_entries_cannot_be_rewritten_even_with_raw_sql() {
    let t = desk_with_profile().await;
    let mut conn = testing::store_connection(&t).await;
    let update = testing::execute(&mut conn, "UPDATE audit_log SET actor = 'mallory'").await;
    let delete = testing::execute(&mut conn, "DELETE FROM audit_log").await;
    assert!(update.unwrap_err().to_string().contains("immutable"));
    assert!(delete.unwrap_err().to_string().contains("immutable"));
}

/// The first migration of the people version: a file stopped before it is what the
/// previous version of the app wrote.
const PEOPLE_SCHEMA: i64 = 20261129000007;

#[tokio::test]
async fn a_database_from_before_sign_in_asks_for_an_owner_and_keeps_its_records() {
    if testing::on_server() {
        return; // Starts from an older SQLite file; a server's database has no file here.
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(DB_FILE_NAME);
    let mut conn = testing::file_before(&path, PEOPLE_SCHEMA).await;
    sqlx::query(
        "INSERT INTO audit_log (at, actor, entity, entity_id, action) VALUES (1, 'owner', 'partner', 1, 'create')",
    )
    .execute(&mut conn)
    .await
    .expect("old entry");
    conn.close().await.expect("close");

    let t = Desk::open(dir.path()).await.expect("open and migrate");
    assert!(t.needs_owner().await.expect("needs owner"));
    let old = t
        .audit_trail(partnerdesk_core::audit::AuditEntity::Partner, 1)
        .await
        .expect("trail");
    assert_eq!(
        old.iter()
            .map(|e| (e.actor.as_str(), e.actor_id))
            .collect::<Vec<_>>(),
        vec![("owner", None)]
    );
}

#[tokio::test]
async fn only_a_file_closed_cleanly_and_unchanged_since_skips_the_check_at_open() {
    if testing::on_server() {
        return; // The clean-close mark sits beside the SQLite file; a server has none.
    }
    let t = desk_with_profile().await;
    let dir = t.dir.path().to_path_buf();
    let mark = dir.join(format!("{DB_FILE_NAME}-closed-clean"));
    let checked = |mark: &str| -> u64 {
        let first = mark.lines().next().expect("a first line");
        first
            .strip_prefix("checked ")
            .and_then(|n| n.parse().ok())
            .expect("when the file was last checked")
    };
    assert!(!mark.exists(), "no mark while the file is open");
    t.close().await;
    let first = std::fs::read_to_string(&mark).expect("a clean close leaves a mark");
    assert!(first.contains("bytes, modified"), "{first}");

    // Opened and closed again unchanged: the check is skipped, so its time carries over.
    let again = Desk::open(&dir).await.expect("reopen");
    assert!(!mark.exists(), "the mark is used up by the open");
    again.close().await;
    let second = std::fs::read_to_string(&mark).expect("mark");
    assert_eq!(checked(&second), checked(&first));

    // A check older than a week does not stand: the open reads the file through again.
    let stale = second.replacen(&format!("checked {}", checked(&second)), "checked 0", 1);
    std::fs::write(&mark, stale).expect("age the mark");
    let third = Desk::open(&dir).await.expect("reopen");
    third.close().await;
    let rechecked = checked(&std::fs::read_to_string(&mark).expect("mark"));
    assert!(rechecked >= checked(&first), "checked again at this open");

    // A crash while open leaves no mark: the next open checks.
    let crashed = Desk::open(&dir).await.expect("reopen");
    drop(crashed);
    assert!(
        !mark.exists(),
        "a desk dropped without closing leaves no mark"
    );
    // (damaged_file_is_refused_with_a_plain_message: a file changed after a clean close is
    // checked and refused.)
}
