//! Updates and About, in the real window. Settings › Updates against a server on 127.0.0.1:
//! a stopped server gives the one calm line; a newer version signed with a throwaway key is
//! shown with its notes, and installing it backs the data up first (the package itself is
//! not handed to dpkg here: `PARTNERDESK_UPDATE_NO_INSTALL`), then offers the restart. About
//! shows the version, the data folder, the schema and the licences.
//!
//! `an_installed_deb_updates_itself` is the round trip `make update-round-trip` runs by hand
//! against the installed 0.1.0 (PARTNERDESK_BIN=/usr/bin/partnerdesk).

#[path = "../../src-tauri/src/update_server.rs"]
mod update_server;

use std::net::TcpListener;
use std::path::Path;

use partnerdesk_e2e::{fresh_data_dir, ids, query, App, Launch};
use update_server::{Keys, Server};

const PACKAGE: &[u8] = b"!<arch>\npretend this is partnerdesk_0.1.1_amd64.deb";

/// The demo, signed in as the owner, on Settings after "Check for updates" against `server`,
/// trusting `keys` (debug builds only) and stopping an install after the checked download.
fn checked_against(server: &Server, keys: &Keys, data: &Path) -> App {
    let launch = Launch::new()
        .demo()
        .env("PARTNERDESK_UPDATE_URL", server.latest())
        .env("PARTNERDESK_UPDATE_PUBKEY", keys.public.clone())
        .env("PARTNERDESK_UPDATE_NO_INSTALL", "1");
    let app = App::launch_with(data, launch);
    app.sign_in_as_owner();
    app.click(ids::nav::SETTINGS);
    app.click(ids::updates::CHECK);
    app
}

#[test]
fn a_stopped_update_server_gives_one_calm_line() {
    let closed = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port");
    let data = fresh_data_dir();
    let launch = Launch::new().demo().env(
        "PARTNERDESK_UPDATE_URL",
        format!("http://{closed}/latest.json"),
    );
    let app = App::launch_with(data.path(), launch);
    app.sign_in_as_owner();
    app.click(ids::nav::SETTINGS);
    app.wait_for_exact_text(ids::updates::SENTENCE, "Not checked yet.");
    app.click(ids::updates::CHECK);
    app.wait_for_exact_text(
        ids::updates::SENTENCE,
        "Could not check for updates (offline?)",
    );
    assert!(!app.is_shown(ids::updates::ERROR), "no error box, one line");
    assert!(!app.is_shown(ids::updates::INSTALL));
    app.screenshot("updates-offline");
}

#[test]
fn a_signed_update_is_shown_backed_up_before_and_installed_then_restart_is_offered() {
    let (server, keys) = (Server::start(), Keys::generate());
    server.serve("/partnerdesk.deb", 200, PACKAGE.to_vec());
    server.announce("0.1.1", &keys.sign(PACKAGE));
    let data = fresh_data_dir();
    let app = checked_against(&server, &keys, data.path());
    app.wait_for_exact_text(ids::updates::SENTENCE, "Partnerdesk 0.1.1 is available.");
    let notes = app.text(ids::updates::NOTES);
    assert!(notes.contains("Month-end in one pass."), "{notes:?}");
    app.wait_for_exact_text(ids::updates::INSTALL, "Install 0.1.1");
    app.screenshot("updates-available");

    app.click(ids::updates::INSTALL);
    app.wait_for_exact_text(
        ids::updates::SENTENCE,
        "Partnerdesk 0.1.1 is installed. Restart to use it.",
    );
    app.wait_for(ids::updates::RESTART);
    let backups: Vec<String> = std::fs::read_dir(data.path().join("backups"))
        .expect("backups folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with("-before-update.sqlite3"))
        .collect();
    assert_eq!(
        backups.len(),
        1,
        "one backup before the update: {backups:?}"
    );
    app.screenshot("updates-installed");
}

#[test]
fn a_tampered_update_is_refused_and_says_so() {
    let (server, keys) = (Server::start(), Keys::generate());
    let mut tampered = PACKAGE.to_vec();
    tampered.extend_from_slice(b" and something else");
    server.serve("/partnerdesk.deb", 200, tampered);
    server.announce("0.1.1", &keys.sign(PACKAGE));
    let data = fresh_data_dir();
    let app = checked_against(&server, &keys, data.path());
    app.click(ids::updates::INSTALL);
    let refusal = app.wait_for_text(ids::updates::ERROR, "signature does not verify");
    assert!(refusal.starts_with("Not installed."), "{refusal:?}");
    // Still offered, still not installed.
    app.wait_for_exact_text(ids::updates::SENTENCE, "Partnerdesk 0.1.1 is available.");
    app.screenshot("updates-refused");
}

#[test]
fn about_shows_the_version_data_folder_schema_and_licences() {
    let data = fresh_data_dir();
    let app = App::launch_with(data.path(), Launch::new().demo());
    app.sign_in_as_owner();
    app.click(ids::nav::ABOUT);
    app.wait_for_exact_text(ids::about::VERSION, env!("CARGO_PKG_VERSION"));
    app.wait_for_exact_text(ids::about::DATA_DIR, &data.path().display().to_string());
    let schema = query(data.path(), "SELECT max(version) FROM _sqlx_migrations");
    app.wait_for_exact_text(ids::about::SCHEMA, &schema[0]);
    app.wait_for_exact_text(ids::about::LICENCE, "MIT");
    let rows = app.texts(ids::about::THIRD_PARTY_ROW);
    assert!(rows.len() > 100, "every component listed: {}", rows.len());
    app.type_into(ids::about::FILTER, "tauri-plugin-updater");
    app.wait_until("the updater's licence", |app| {
        let rows = app.texts(ids::about::THIRD_PARTY_ROW);
        (rows.len() == 1 && rows[0].contains("MIT")).then_some(())
    });
    app.screenshot("about");
}

/// By hand, through `make update-round-trip`: the installed release build finds the 0.1.1
/// the script serves, and installs it with the system's package tools.
#[test]
#[ignore = "run by tests/bundle/update-round-trip.sh against an installed .deb"]
fn an_installed_deb_updates_itself() {
    let data = fresh_data_dir();
    let app = App::launch_with(data.path(), Launch::new().demo());
    app.sign_in_as_owner();
    app.click(ids::nav::SETTINGS);
    app.click(ids::updates::CHECK);
    app.wait_for_text(ids::updates::SENTENCE, "is available.");
    app.click(ids::updates::INSTALL);
    app.wait_for_text(ids::updates::SENTENCE, "is installed. Restart to use it.");
    app.screenshot("round-trip-installed");
}
