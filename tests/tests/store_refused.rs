//! A data file this build must not touch: one written by a newer Partnerdesk, or a damaged
//! one. The window says which, in words, and the file is left byte for byte as it was; for a
//! damaged one it offers the newest good backup, and restoring it brings the shop back.

use std::path::Path;

use partnerdesk_e2e::{db_file, fresh_data_dir, ids, sqlite_write, App, Launch};

/// A real demo database, closed cleanly, with its WAL folded into the file, and no backups
/// (the daily one the launch may have written is removed, so each story sets its own).
fn prepared_desk(data: &Path) {
    let mut app = App::launch_with(data, Launch::new().demo());
    app.sign_in_as_owner();
    app.wait_for(ids::nav::PARTNERS);
    app.partner_names();
    app.quit();
    sqlite_write(&db_file(data), "PRAGMA wal_checkpoint(TRUNCATE);");
    let _ = std::fs::remove_dir_all(data.join("backups"));
}

/// Overwrites everything after the first page: the header survives, the b-trees do not.
fn scribble(db: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(db).unwrap_or_else(|e| panic!("{e}"));
    let page = 4096;
    assert!(bytes.len() > 3 * page, "only {} bytes", bytes.len());
    for (i, b) in bytes.iter_mut().enumerate().skip(page) {
        *b = (i % 251) as u8;
    }
    std::fs::write(db, &bytes).unwrap_or_else(|e| panic!("{e}"));
    bytes
}

/// Opens the app on `data` and answers the store-problem screen's heading and text.
fn problem_screen(data: &Path) -> (String, String) {
    let app = App::launch(data);
    app.wait_for(ids::STORE_PROBLEM);
    assert!(
        !app.is_shown(ids::nav::PARTNERS),
        "no screen behind the problem"
    );
    assert!(
        !app.is_shown(ids::setup::FORM),
        "no first-run form for a refused file"
    );
    let heading = app.execute(
        &format!(
            "return document.querySelector('[data-testid=\"{}\"] h1').innerText.trim();",
            ids::STORE_PROBLEM
        ),
        vec![],
    );
    let text = app.text(ids::STORE_PROBLEM);
    app.screenshot("store-problem");
    (heading.as_str().unwrap_or_default().to_string(), text)
}

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let data = fresh_data_dir();
    prepared_desk(data.path());
    let db = db_file(data.path());
    sqlite_write(
        &db,
        "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, \
         execution_time) VALUES (99991231000001, 'from the future', CURRENT_TIMESTAMP, 1, \
         x'00', 0); UPDATE store_meta SET value = '9.9.0' WHERE key = 'written_by';",
    );
    let before = std::fs::read(&db).unwrap_or_else(|e| panic!("{e}"));

    let (heading, text) = problem_screen(data.path());
    assert_eq!(heading, "This data was saved by a newer Partnerdesk");
    assert!(
        text.contains("last written by Partnerdesk 9.9.0")
            && text.contains("Install the newer version"),
        "{text}"
    );
    assert!(
        text.contains(&data.path().display().to_string()),
        "the screen names the data folder: {text}"
    );
    assert!(
        std::fs::read(&db).unwrap_or_default() == before,
        "the newer database was changed"
    );
}

#[test]
fn a_damaged_database_is_refused_untouched() {
    let data = fresh_data_dir();
    prepared_desk(data.path());
    let db = db_file(data.path());
    let bytes = scribble(&db);

    let (heading, text) = problem_screen(data.path());
    assert_eq!(heading, "Partnerdesk cannot read its data file");
    assert!(
        text.contains("is damaged") && text.contains("will not write to it"),
        "{text}"
    );
    assert!(
        text.contains("There is no backup to restore"),
        "no backup, no offer: {text}"
    );
    assert!(
        std::fs::read(&db).unwrap_or_default() == bytes,
        "the damaged database was changed"
    );
}

#[test]
fn a_damaged_database_offers_the_newest_good_backup_and_restores_it() {
    let data = fresh_data_dir();
    prepared_desk(data.path());
    let db = db_file(data.path());
    // Yesterday's backup: the clean demo file under a backup's name.
    let backups = data.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap_or_else(|e| panic!("{e}"));
    let name = "partnerdesk-20261128-083000.000-daily.sqlite3";
    std::fs::copy(&db, backups.join(name)).unwrap_or_else(|e| panic!("{e}"));
    let bytes = scribble(&db);

    let app = App::launch(data.path());
    app.wait_for(ids::store_rescue::OFFER);
    let offer = app.text(ids::store_rescue::OFFER);
    assert!(offer.contains("The newest good backup is from"), "{offer}");
    assert!(offer.contains("6 partners"), "{offer}");
    app.screenshot("store-problem-rescue");
    assert!(
        std::fs::read(&db).unwrap_or_default() == bytes,
        "offering changed nothing"
    );

    app.click(ids::store_rescue::RESTORE);
    // The window reopens on the backup and asks who is there.
    app.wait_for(ids::signin::SCREEN);
    let lock_screen = app.text(ids::signin::SCREEN);
    assert!(
        lock_screen.contains("Restored the backup from"),
        "{lock_screen}"
    );
    app.screenshot("store-rescued-lock-screen");
    app.sign_in_as_owner();
    app.wait_for(ids::nav::PARTNERS);
    assert!(
        app.partner_names()
            .iter()
            .any(|n| n == "Crumb & Co. Bakery"),
        "the demo shop is back"
    );
    let kept: Vec<String> = std::fs::read_dir(data.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.starts_with("partnerdesk.sqlite3.damaged-") && !n.ends_with("-wal"))
        .filter(|n| !n.ends_with("-shm"))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept beside: {kept:?}");
    assert!(
        std::fs::read(data.path().join(&kept[0])).unwrap_or_default() == bytes,
        "kept as it was"
    );
}
