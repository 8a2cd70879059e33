//! Opening the store on the disks owners really have: two windows started at once, an
//! update that fails part-way, a file or folder made read-only. Each says plainly what
//! happened and where, and none leaves the file changed behind the owner's back.

use std::path::Path;

use partnerdesk_core::backups::BackupReason;
use partnerdesk_core::error::StoreError;
use partnerdesk_core::store::{app_schema, DB_FILE_NAME};
use partnerdesk_core::testing::{self, desk_with_profile};
use partnerdesk_core::{Desk, Error};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};

async fn raw(data: &Path) -> SqliteConnection {
    SqliteConnection::connect_with(&SqliteConnectOptions::new().filename(data.join(DB_FILE_NAME)))
        .await
        .expect("connect")
}

async fn schema_of(data: &Path) -> i64 {
    let mut conn = raw(data).await;
    let version = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
        .fetch_one(&mut conn)
        .await
        .expect("schema");
    conn.close().await.expect("close");
    version
}

/// `err` is the read-only refusal, and its words name the data folder `data`.
fn refused_as_read_only(err: &Error, data: &Path) {
    assert!(
        matches!(err, Error::Store(StoreError::ReadOnly { .. })),
        "{err:?}"
    );
    assert!(
        err.to_string().contains(&data.display().to_string()),
        "{err}"
    );
}

#[tokio::test]
async fn two_windows_opening_an_older_file_at_once_back_it_up_and_migrate_it_once() {
    let root = tempfile::tempdir().expect("dir");
    let data = root.path().join("shop");
    let older = testing::older_file(&data).await;
    // Each open has its own lock file handles, as two processes would.
    let (a, b) = tokio::join!(Desk::open(&data), Desk::open(&data));
    let (a, b) = (a.expect("first"), b.expect("second"));
    let backups = a.backups().await;
    let before: Vec<_> = backups
        .iter()
        .filter(|b| b.reason == BackupReason::BeforeMigration)
        .collect();
    assert_eq!(before.len(), 1, "one copy before one update: {backups:?}");
    assert_eq!(before[0].contents.as_ref().map(|c| c.schema), Some(older));
    for desk in [&a, &b] {
        let profile = desk.profile().await.expect("profile").expect("kept");
        assert_eq!(profile.name, "Café Müller");
    }
    a.close().await;
    b.close().await;
    assert_eq!(schema_of(&data).await, app_schema());
}

#[tokio::test]
async fn an_update_that_fails_says_the_file_was_not_changed_and_where_the_copy_is() {
    let root = tempfile::tempdir().expect("dir");
    let data = root.path().join("shop");
    let older = testing::older_file(&data).await;
    // A failure inside the update's transaction (as a full disk would make one): recording
    // the newest migration as applied is refused.
    let mut conn = raw(&data).await;
    sqlx::query(
        "CREATE TRIGGER fail_the_update BEFORE INSERT ON _sqlx_migrations
         BEGIN SELECT RAISE(ABORT, 'disk trouble'); END",
    )
    .execute(&mut conn)
    .await
    .expect("trigger");
    conn.close().await.expect("close");

    let err = Desk::open(&data).await.expect_err("update fails");
    let Error::Store(StoreError::MigrationFailed {
        path,
        from_schema,
        reached_schema,
        backup,
        ..
    }) = &err
    else {
        panic!("{err:?}");
    };
    assert_eq!((*from_schema, *reached_schema), (older, older));
    assert_eq!(path, &data.join(DB_FILE_NAME));
    let copy = backup.as_ref().expect("a copy from before the update");
    assert!(copy.exists(), "{}", copy.display());
    let words = err.to_string();
    assert!(words.contains("The database was not changed."), "{words}");
    assert!(words.contains(&copy.display().to_string()), "{words}");
    assert!(words.contains(&data.display().to_string()), "{words}");
    // The file is at its old schema with its data, and opens once the cause is gone.
    assert_eq!(schema_of(&data).await, older);
    let mut conn = raw(&data).await;
    sqlx::query("DROP TRIGGER fail_the_update")
        .execute(&mut conn)
        .await
        .expect("drop");
    conn.close().await.expect("close");
    let desk = Desk::open(&data).await.expect("opens after");
    let profile = desk.profile().await.expect("profile").expect("kept");
    assert_eq!(profile.name, "Café Müller");
    desk.close().await;
}

#[tokio::test]
async fn a_read_only_database_file_is_never_made_writable() {
    if testing::on_server() {
        return; // About the SQLite file's permissions; a server's database has no file here.
    }
    use std::os::unix::fs::PermissionsExt;
    let t = desk_with_profile().await;
    let data = t.dir.path().to_path_buf();
    t.close().await;
    let file = data.join(DB_FILE_NAME);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let opened = Desk::open(&data).await;
    let mode = std::fs::metadata(&file).expect("meta").permissions().mode() & 0o777;
    // Others lose their read bit (the file is private), but no write bit is added.
    assert_eq!(mode, 0o400, "{mode:o}");
    let root_anyway = std::fs::OpenOptions::new().write(true).open(&file).is_ok();
    match opened {
        // Root writes a read-only file all the same: nothing more to see.
        Ok(desk) if root_anyway => desk.close().await,
        Ok(_) => panic!("a read-only file opened for writing"),
        Err(err) => {
            refused_as_read_only(&err, &data);
        }
    }
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).expect("chmod back");
}

#[tokio::test]
async fn a_read_only_data_folder_is_named_in_a_plain_message() {
    use std::os::unix::fs::PermissionsExt;
    let t = desk_with_profile().await;
    let data = t.dir.path().to_path_buf();
    t.close().await;
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o500)).expect("chmod");
    let writable_anyway = std::fs::write(data.join("probe"), b"x").is_ok();
    if writable_anyway {
        // Root ignores permission bits; there is nothing to see here.
        let _ = std::fs::remove_file(data.join("probe"));
    } else {
        let err = Desk::open(&data).await.expect_err("read-only folder");
        refused_as_read_only(&err, &data);
    }
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).expect("chmod back");
}
