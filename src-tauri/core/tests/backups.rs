//! Backups and restore, as the owner relies on them: a restore brings back exactly what was
//! backed up, rotation keeps exactly the promised set over a year, a damaged file offers
//! the newest good backup, and a backup taken while the counter is busy is consistent.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, TimeDelta};
use partnerdesk_core::backups::{self, Backup, BackupReason};
use partnerdesk_core::codes::CodeOptions;
use partnerdesk_core::error::{BackupError, StoreError};
use partnerdesk_core::ledger::{LogOutcome, RedemptionInput};
use partnerdesk_core::partners::PartnerStatus;
use partnerdesk_core::store::{app_schema, DB_FILE_NAME};
use partnerdesk_core::testing::{
    self, demo_desk, desk_at, desk_with_profile, empty_desk, partner, shop_time, signed_partner,
};
use partnerdesk_core::{Actor, Clock, Desk, Error, ManualClock};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};

/// Every row of every table in the file at `path`, each row as its columns quoted by SQLite.
async fn every_table(path: &Path) -> BTreeMap<String, Vec<String>> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .immutable(true);
    let mut conn = SqliteConnection::connect_with(&options)
        .await
        .expect("open");
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         ORDER BY name",
    )
    .fetch_all(&mut conn)
    .await
    .expect("tables");
    let mut all = BTreeMap::new();
    for table in tables {
        let columns: Vec<String> =
            sqlx::query_scalar("SELECT 'quote(\"' || name || '\")' FROM pragma_table_info($1)")
                .bind(&table)
                .fetch_all(&mut conn)
                .await
                .expect("columns");
        let sql = format!(
            "SELECT {} FROM \"{table}\" ORDER BY 1",
            columns.join(" || ',' || ")
        );
        let rows: Vec<String> = sqlx::query_scalar(&sql)
            .fetch_all(&mut conn)
            .await
            .expect("rows");
        all.insert(table, rows);
    }
    conn.close().await.expect("close");
    all
}

/// The live file's tables, read after folding the WAL in (through a throwaway backup).
async fn live_tables(desk: &Desk) -> BTreeMap<String, Vec<String>> {
    let dir = tempfile::tempdir().expect("dir");
    let copy = desk.back_up_to(dir.path()).await.expect("copy");
    every_table(&copy.path).await
}

/// A multi-use code of a signed partner, to log sales with.
async fn a_code(t: &Desk, name: &str) -> String {
    let p = signed_partner(t, name, &testing::terms()).await;
    t.issue_code(p, None, &CodeOptions::default(), &Actor::owner())
        .await
        .expect("code")
        .printed
}

async fn sell(t: &Desk, key: &str, code: &str) {
    let input = RedemptionInput {
        idempotency_key: format!("attempt-{key}"),
        code: code.into(),
        sale: "20".into(),
        new_customer: false,
        note: String::new(),
        confirmed_large: false,
    };
    match t
        .log_redemption(&input, "Front till", &Actor::owner())
        .await
        .expect("log")
    {
        LogOutcome::Logged { .. } => {}
        LogOutcome::Refused { outcome } => panic!("refused: {outcome:?}"),
    }
}

#[tokio::test]
async fn the_drill_restore_brings_back_exactly_the_backed_up_data() {
    if testing::on_server() {
        return; // A server's database has no file here to back up.
    }
    let (t, _) = demo_desk().await;
    let backup = t.back_up(BackupReason::Manual).await.expect("backup");
    let backed_up = every_table(&backup.path).await;

    // More data after the backup: a partner, a sale, a payout's worth of audit entries.
    let code = a_code(&t, "Łódź Lunch Bar").await;
    sell(&t, "after-backup", &code).await;
    t.create_partner(
        &partner("Café Müller"),
        PartnerStatus::Prospect,
        &Actor::owner(),
    )
    .await
    .expect("partner");
    assert_ne!(live_tables(&t).await, backed_up, "the new data is there");

    let preview = t.restore_preview(&backup.path).await.expect("preview");
    assert_eq!(
        preview.current.partners,
        preview.backup.contents.as_ref().expect("contents").partners + 2
    );
    let restored = t.restore(&backup.path).await.expect("restore");
    assert!(t.is_closed(), "the old desk is closed");

    let mut now = live_tables(&restored).await;
    let mut then = backed_up.clone();
    // `store_meta` names the version that last wrote the file; the reopened desk writes it.
    now.remove("store_meta");
    then.remove("store_meta");
    assert_eq!(now, then, "every table as it was backed up");
    assert!(restored
        .partners(&Default::default())
        .await
        .expect("partners")
        .iter()
        .all(|p| p.name != "Café Müller" && p.name != "Łódź Lunch Bar"));

    // The restored desk works: it takes a new partner.
    restored
        .create_partner(
            &partner("After restore"),
            PartnerStatus::Prospect,
            &Actor::owner(),
        )
        .await
        .expect("the restored desk writes");

    // What was replaced is one click away: the before-restore backup holds it.
    let safety = restored
        .backups()
        .await
        .into_iter()
        .find(|b| b.reason == BackupReason::BeforeRestore)
        .expect("a before-restore backup");
    let kept = every_table(&safety.path).await;
    assert!(kept["partners"]
        .iter()
        .any(|row| row.contains("Café Müller")));
}

#[tokio::test]
async fn a_backup_taken_while_the_counter_logs_sales_is_one_consistent_snapshot() {
    if testing::on_server() {
        return; // A server's database has no file here to back up.
    }
    let t = desk_with_profile().await;
    let code = a_code(&t, "Crumb & Co.").await;
    let till = t.second_till().await;
    let writer = tokio::spawn(async move {
        for i in 0..150 {
            sell(&till, &format!("busy-{i:04}"), &code).await;
        }
        till
    });
    // Backups start once the counter is well under way, so they land mid-run.
    while t.contents().await.expect("contents").redemptions < 5 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let mut backups = Vec::new();
    for _ in 0..5 {
        backups.push(t.back_up(BackupReason::Manual).await.expect("backup"));
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let till = writer.await.expect("writer");
    till.close().await;

    let mut caught_mid_run = false;
    for backup in backups {
        let tables = every_table(&backup.path).await;
        let sales = tables["redemptions"].len();
        // Each sale and its audit entry are written in one transaction: a consistent copy
        // holds both or neither.
        let audited = tables["audit_log"]
            .iter()
            .filter(|row| row.contains("'redemption'"))
            .count();
        assert_eq!(sales, audited, "{}", backup.file_name);
        let contents = backup.contents.expect("readable");
        assert_eq!(contents.redemptions, i64::try_from(sales).expect("count"));
        caught_mid_run |= (1..150).contains(&sales);
    }
    assert!(
        caught_mid_run,
        "no backup was taken while sales were being logged"
    );
}

/// The shop's calendar for the rotation test: one start a day at 08:30 for a year.
fn year_of_starts() -> (NaiveDate, NaiveDate) {
    (testing::day(2025, 11, 30), testing::day(2026, 11, 29))
}

#[tokio::test]
async fn a_year_of_daily_starts_keeps_7_days_4_weeks_12_months_and_90_days_of_the_rest() {
    if testing::on_server() {
        return; // A server's database has no file here to back up.
    }
    let (first, last) = year_of_starts();
    let time = ManualClock::fixed(shop_time(2025, 11, 30, 8, 30, 0));
    let t = desk_at(time.clone()).await;
    let mut by_hand = Vec::new();
    let mut day = first;
    while day <= last {
        time.set(shop_time(day.year(), day.month(), day.day(), 8, 30, 0));
        assert!(t.back_up_if_due().await.expect("daily").is_some(), "{day}");
        // A second start the same day takes none.
        time.advance(TimeDelta::hours(3));
        assert!(t.back_up_if_due().await.expect("again").is_none(), "{day}");
        // The owner's "Back up now" on the 1st, and an update on the 15th of some months:
        // each kept 90 days whatever the thinning of the dailies does.
        if day.day() == 1 {
            t.back_up(BackupReason::Manual).await.expect("by hand");
            by_hand.push((day, BackupReason::Manual));
        }
        if day.day() == 15 && day.month() % 3 == 0 {
            t.back_up(BackupReason::BeforeMigration)
                .await
                .expect("before migration");
            by_hand.push((day, BackupReason::BeforeMigration));
        }
        day = day.succ_opt().expect("next day");
    }

    let mut kept: Vec<(NaiveDate, BackupReason)> = t
        .backups()
        .await
        .iter()
        .map(|b| (t.clock().day_of(b.taken_at), b.reason))
        .collect();

    // The promise, by the calendar: the last 7 days; then the newest start (a Sunday) of
    // each of the 4 ISO weeks before the oldest of those; then the newest start (the last
    // day) of each of the 12 months before the month of the oldest weekly one.
    let mut dailies: Vec<NaiveDate> = (0..7).map(|i| last - TimeDelta::days(i)).collect();
    let oldest_daily = *dailies.last().expect("days");
    let mut sunday =
        oldest_daily - TimeDelta::days(oldest_daily.weekday().number_from_monday() as i64);
    for _ in 0..4 {
        dailies.push(sunday);
        sunday -= TimeDelta::days(7);
    }
    let oldest_weekly = *dailies.last().expect("weeks");
    let mut month_end = oldest_weekly.with_day(1).expect("first") - TimeDelta::days(1);
    for _ in 0..12 {
        if month_end >= first {
            dailies.push(month_end);
        }
        month_end = month_end.with_day(1).expect("first") - TimeDelta::days(1);
    }
    assert_eq!(
        dailies.len(),
        7 + 4 + 12,
        "the year reaches back to the first start"
    );
    // The last backup was taken at 11:30 on the last day: the others from the 90 days
    // before it stay, the older ones are gone.
    let cutoff = last - TimeDelta::days(90);
    let mut promised: Vec<(NaiveDate, BackupReason)> = dailies
        .into_iter()
        .map(|d| (d, BackupReason::Daily))
        .chain(by_hand.into_iter().filter(|(d, _)| *d > cutoff))
        .collect();
    promised.sort();
    kept.sort();
    assert_eq!(kept, promised);
    assert!(
        promised
            .iter()
            .any(|(_, r)| *r == BackupReason::BeforeMigration)
            && promised
                .iter()
                .filter(|(_, r)| *r == BackupReason::Manual)
                .count()
                == 3,
        "the test keeps some of each: {promised:?}"
    );
}

#[tokio::test]
async fn a_damaged_file_offers_the_newest_good_backup_and_restores_it() {
    if testing::on_server() {
        return; // A server's database has no file here to damage or restore.
    }
    let (t, _) = demo_desk().await;
    let good = t.back_up(BackupReason::Daily).await.expect("backup");
    t.time.advance(TimeDelta::hours(1));
    let newer = t.back_up(BackupReason::Manual).await.expect("newer backup");
    let data_dir = t.dir.path().to_path_buf();
    let db = t.db_path().to_path_buf();
    t.close().await;
    scribble(&newer.path);
    scribble(&db);
    let damaged_bytes = std::fs::read(&db).expect("read");

    let err = Desk::open(&data_dir).await.expect_err("damaged");
    assert!(
        matches!(err, Error::Store(StoreError::Damaged { .. })),
        "{err:?}"
    );

    let offered = backups::newest_good(&data_dir).await.expect("an offer");
    assert_eq!(
        offered.file_name, good.file_name,
        "the damaged newer one is skipped"
    );

    let restored = backups::restore_over_damaged(&data_dir, &offered.file_name, Clock::system())
        .await
        .expect("restore");
    assert_eq!(
        every_table(&good.path).await["partners"],
        live_tables(&restored).await["partners"]
    );
    let kept_aside: Vec<PathBuf> = std::fs::read_dir(&data_dir)
        .expect("dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.to_string_lossy();
            name.contains(".damaged-") && !name.ends_with("-wal") && !name.ends_with("-shm")
        })
        .collect();
    assert_eq!(kept_aside.len(), 1, "{kept_aside:?}");
    assert_eq!(std::fs::read(&kept_aside[0]).expect("read"), damaged_bytes);
}

/// Overwrites everything after the first page: the header survives, the b-trees do not.
fn scribble(path: &Path) {
    let mut bytes = std::fs::read(path).expect("read");
    for (i, b) in bytes.iter_mut().enumerate().skip(4096) {
        *b = (i % 251) as u8;
    }
    std::fs::write(path, &bytes).expect("write");
}

#[tokio::test]
async fn no_backup_at_all_offers_nothing() {
    let t = empty_desk().await;
    assert!(backups::newest_good(t.dir.path()).await.is_none());
}

#[tokio::test]
async fn what_cannot_be_restored_is_refused_and_nothing_changes() {
    if testing::on_server() {
        return; // A server's database has no file here to restore over.
    }
    let (t, _) = demo_desk().await;
    let before = live_tables(&t).await;
    let dir = tempfile::tempdir().expect("dir");

    let text = dir.path().join("notes.sqlite3");
    std::fs::write(&text, "not a database at all").expect("write");
    let err = t.restore(&text).await.expect_err("text file");
    assert!(
        matches!(err, Error::Backup(BackupError::NotPartnerdesk { .. })),
        "{err:?}"
    );

    let other = dir.path().join("other.sqlite3");
    let mut conn = SqliteConnection::connect_with(
        &SqliteConnectOptions::new()
            .filename(&other)
            .create_if_missing(true),
    )
    .await
    .expect("other db");
    sqlx::query("CREATE TABLE t (x)")
        .execute(&mut conn)
        .await
        .expect("table");
    conn.close().await.expect("close");
    let err = t.restore(&other).await.expect_err("foreign database");
    assert!(
        matches!(err, Error::Backup(BackupError::NotPartnerdesk { .. })),
        "{err:?}"
    );

    let damaged = t.back_up(BackupReason::Manual).await.expect("backup");
    scribble(&damaged.path);
    let err = t.restore(&damaged.path).await.expect_err("damaged backup");
    assert!(
        matches!(
            err,
            Error::Backup(BackupError::Damaged { .. } | BackupError::NotPartnerdesk { .. })
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("Nothing was restored"), "{err}");

    let newer = t.back_up(BackupReason::Manual).await.expect("backup");
    let mut conn =
        SqliteConnection::connect_with(&SqliteConnectOptions::new().filename(&newer.path))
            .await
            .expect("open backup");
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES ($1, 'from the future', 1, x'00', 0)",
    )
    .bind(app_schema() + 1)
    .execute(&mut conn)
    .await
    .expect("future migration");
    conn.close().await.expect("close");
    let err = t.restore(&newer.path).await.expect_err("newer backup");
    assert!(
        matches!(err, Error::Backup(BackupError::TooNew { .. })),
        "{err:?}"
    );

    assert!(!t.is_closed());
    assert_eq!(live_tables(&t).await, before, "nothing changed");
}

#[tokio::test]
async fn a_restore_waits_for_other_windows_on_the_same_file_to_close() {
    if testing::on_server() {
        return; // A server's database has no file here to restore over.
    }
    let (t, _) = demo_desk().await;
    let backup = t.back_up(BackupReason::Manual).await.expect("backup");
    let other_window = t.second_till().await;
    let err = t.restore(&backup.path).await.expect_err("in use");
    assert!(matches!(err, Error::Backup(BackupError::InUse)), "{err:?}");
    assert!(!t.is_closed(), "this window keeps working");
    t.partners(&Default::default()).await.expect("still open");
    other_window.close().await;
    t.restore(&backup.path).await.expect("restore once alone");
}

#[tokio::test]
async fn a_half_written_backup_is_never_listed() {
    if testing::on_server() {
        return; // A server's database has no file here to back up.
    }
    let t = desk_with_profile().await;
    let written = t.back_up(BackupReason::Daily).await.expect("backup");
    let partial = t.backup_dir().join(format!(
        "{}.partial",
        written.file_name.replace("daily", "manual")
    ));
    std::fs::copy(&written.path, &partial).expect("copy");
    let listed: Vec<String> = t.backups().await.into_iter().map(|b| b.file_name).collect();
    assert_eq!(listed, [written.file_name]);
}

#[tokio::test]
async fn a_backup_is_an_ordinary_database_the_owner_can_look_inside() {
    if testing::on_server() {
        return; // A server's database has no file here to back up.
    }
    let (t, bakery) = demo_desk().await;
    let backup = t.back_up(BackupReason::Manual).await.expect("backup");
    let bytes = std::fs::read(&backup.path).expect("read");
    t.create_partner(
        &partner("Added later"),
        PartnerStatus::Prospect,
        &Actor::owner(),
    )
    .await
    .expect("partner");

    let peek = t.look_inside(&backup.path).await.expect("look inside");
    assert_eq!(peek.business.as_deref(), Some("Bean There Coffee"));
    assert!(peek.partners.iter().any(|p| p.id == bakery));
    assert!(peek.partners.iter().all(|p| p.name != "Added later"));
    let contents = backup.contents.expect("contents");
    assert_eq!(peek.contents, contents);
    assert_eq!(
        peek.latest.len(),
        20.min(usize::try_from(contents.redemptions).expect("n"))
    );
    assert_eq!(
        std::fs::read(&backup.path).expect("read"),
        bytes,
        "looked, not touched"
    );
}

#[tokio::test]
async fn backups_and_the_data_folder_are_private_to_this_user() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().expect("dir");
    let data = root.path().join("Partnerdesk data");
    let desk = Desk::open(&data).await.expect("open");
    let backup = desk.back_up(BackupReason::Manual).await.expect("backup");
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join(DB_FILE_NAME)), 0o600);
    assert_eq!(mode(&desk.backup_dir()), 0o700);
    assert_eq!(mode(&backup.path), 0o600);
    let wal = data.join(format!("{DB_FILE_NAME}-wal"));
    if wal.exists() {
        assert_eq!(mode(&wal), 0o600);
    }
    desk.close().await;
}

#[tokio::test]
async fn a_folder_named_like_a_url_works_for_opening_backing_up_and_restoring() {
    let root = tempfile::tempdir().expect("dir");
    let data = root.path().join("50%off?mode=ro#shop");
    let desk = Desk::open(&data).await.expect("open");
    testing::save_profile(&desk).await;
    desk.close().await;
    // Reopening goes through the read-only probe of the schema.
    let desk = Desk::open(&data).await.expect("reopen");
    let backup = desk.back_up(BackupReason::Manual).await.expect("backup");
    assert!(backup.contents.is_some());
    let restored = desk.restore(&backup.path).await.expect("restore");
    assert!(restored.profile().await.expect("profile").is_some());
    restored.close().await;
}

#[tokio::test]
async fn an_older_file_is_backed_up_before_it_is_migrated() {
    let root = tempfile::tempdir().expect("dir");
    let data = root.path().join("shop");
    let older_schema = testing::older_file(&data).await;
    let desk = Desk::open(&data).await.expect("open and migrate");
    let backups: Vec<Backup> = desk.backups().await;
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(backups[0].reason, BackupReason::BeforeMigration);
    let contents = backups[0].contents.clone().expect("contents");
    assert_eq!(contents.schema, older_schema);
    assert_eq!(contents.written_by.as_deref(), Some("0.0.9"));
    desk.close().await;

    // Opening again migrates nothing and backs up nothing more.
    let desk = Desk::open(&data).await.expect("reopen");
    assert_eq!(desk.backups().await.len(), 1);
    desk.close().await;
}
