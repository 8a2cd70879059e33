//! Quitting: however the app is ended in order (its window closed, or SIGTERM from a logout
//! or `kill`), it folds SQLite's write-ahead log into its file on the way out, so
//! `partnerdesk.sqlite3` alone (copied to a stick, sent to support) holds every sale. Before
//! issue 15 the app ended without closing its store: the day's last sales sat only in
//! `partnerdesk.sqlite3-wal`, and the main file on its own lacked them.
//!
//! Not [`App::quit`]: ending the WebDriver session kills the app, as a crash would, and
//! leaves the WAL behind whatever the app does on exit.

use std::path::Path;

use partnerdesk_e2e::{
    db_file, files_dir, fresh_data_dir, ids, query, query_one, unused_demo_card, App, Launch,
};

const PARTNER: &str = "Zakład Fryzjerski Łódź";

#[test]
fn quitting_leaves_every_sale_in_the_main_file() {
    let data = fresh_data_dir();
    let (mut app, sale) = sale_and_partner_only_in_the_wal(data.path());
    app.close_window();
    assert_main_file_alone_holds(data.path(), &sale);
}

#[test]
fn a_sigterm_leaves_every_sale_in_the_main_file() {
    let data = fresh_data_dir();
    let (mut app, sale) = sale_and_partner_only_in_the_wal(data.path());
    app.terminate();
    assert_main_file_alone_holds(data.path(), &sale);
}

/// The demo desk with a €12.34 sale logged at the counter and a partner added, both (as
/// checked) still only in the WAL: a copy of the main file alone lacks them. Answers the
/// app and the sale's idempotency key.
fn sale_and_partner_only_in_the_wal(data: &Path) -> (App, String) {
    let app = App::launch_with(data, Launch::new().demo());
    app.sign_in_as_owner();

    app.click(ids::nav::COUNTER);
    let card = unused_demo_card(data);
    app.send_keys(ids::counter::INPUT, &format!("{card}\n"));
    app.wait_for_exact_text(ids::counter::RESULT_TITLE, "VALID");
    app.wait_for_focus(ids::counter::SALE);
    app.press("12.34\n");
    app.wait_for(ids::counter::CONFIRMATION);
    let newest = query_one(
        data,
        "SELECT idempotency_key || '|' || sale_minor FROM redemptions ORDER BY id DESC LIMIT 1",
    );
    let (sale, minor) = newest.split_once('|').unwrap_or_default();
    assert_eq!(minor, "1234", "the sale just logged is the newest");

    app.click(ids::nav::PARTNERS);
    app.partner_names();
    app.click(ids::partners::NEW_BUTTON);
    app.type_into(ids::partner_form::NAME, PARTNER);
    app.type_into(ids::partner_form::CATEGORY, "Hairdresser");
    app.click(ids::partner_form::SAVE);
    app.wait_gone(ids::partner_form::PANEL);
    app.search_partners("fryzjer", &[PARTNER]);

    // Without this the story could pass on an app that never checkpoints: the data must
    // be in the WAL now, and not yet in the main file.
    // (Here the main file alone often holds no tables at all yet: the whole demo is in
    // the WAL until the first checkpoint.)
    let alone = main_file_alone(data);
    assert_eq!(
        partners_named(alone.path()),
        "0",
        "the new partner is already in the main file before quitting; the story proves nothing"
    );
    assert!(wal_len(data) > 0, "the running app keeps a WAL");
    (app, sale.to_string())
}

/// Checks, after the app has exited, that it left no WAL behind and that its main file,
/// read alone, holds `sale` and the new partner and is sound.
fn assert_main_file_alone_holds(data: &Path, sale: &str) {
    // Read before anything opens the file again: a reader would make a new WAL.
    assert_eq!(
        wal_len(data),
        0,
        "the app exited leaving data in partnerdesk.sqlite3-wal"
    );
    let alone = main_file_alone(data);
    let logged = format!("SELECT count(*) FROM redemptions WHERE idempotency_key = '{sale}'");
    assert_eq!(
        query(alone.path(), &logged),
        ["1"],
        "the sale is in the file"
    );
    assert_eq!(
        partners_named(alone.path()),
        "1",
        "{PARTNER} is in the file"
    );
    assert_eq!(query(alone.path(), "PRAGMA integrity_check"), ["ok"]);
}

/// A new folder holding a copy of `data`'s main database file and nothing else (no -wal,
/// no -shm): what a copy of the file alone would show.
fn main_file_alone(data: &Path) -> tempfile::TempDir {
    let alone = files_dir("main-file-alone");
    std::fs::copy(db_file(data), db_file(alone.path()))
        .unwrap_or_else(|e| panic!("could not copy the database file: {e}"));
    alone
}

/// How many partners called [`PARTNER`] the database in `dir` holds; "0" also when it
/// has no partners table.
fn partners_named(dir: &Path) -> String {
    let tables = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'partners'";
    if query_one(dir, tables) == "0" {
        return "0".into();
    }
    query_one(
        dir,
        &format!("SELECT count(*) FROM partners WHERE name = '{PARTNER}'"),
    )
}

/// The size of the database's WAL file; 0 when there is none.
fn wal_len(data: &Path) -> u64 {
    let wal = data.join("partnerdesk.sqlite3-wal");
    std::fs::metadata(wal).map_or(0, |m| m.len())
}
