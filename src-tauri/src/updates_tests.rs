//! The updater against a server on 127.0.0.1, offline: a key pair made for the test (the
//! same `minisign` crate `tauri signer` uses), a `latest.json` naming a newer version signed
//! with it, and what the owner is told when the server is stopped, answers with an error,
//! has nothing newer, or serves a download that does not match its signature.

use std::net::TcpListener;

use partnerdesk_core::backups::BackupReason;
use partnerdesk_core::Desk;
use serde_json::json;
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime};
use tauri::Context;

use crate::error::ErrorCode;
use crate::update_server::{Keys, Server};
use crate::updates::{self, Install, Overrides, UpdateState, COULD_NOT_CHECK};

/// A mock context whose config has the updater section the plugin needs (a key is required;
/// the tests pass their own through [`Overrides`]).
pub(crate) fn context_with_updater(endpoint: &str) -> Context<MockRuntime> {
    let mut context = mock_context(noop_assets());
    context.config_mut().plugins.0.insert(
        "updater".into(),
        json!({ "pubkey": "", "endpoints": [endpoint] }),
    );
    context
}

fn overrides(server: &Server, keys: &Keys) -> Overrides {
    Overrides {
        url: Some(server.latest()),
        pubkey: Some(keys.public.clone()),
    }
}

/// The app at version 0.1.0 (the mock's), with the updater plugin.
fn app() -> tauri::App<MockRuntime> {
    mock_builder()
        .plugin(tauri_plugin_updater::Builder::new().build())
        .build(context_with_updater("http://127.0.0.1:9/latest.json"))
        .expect("mock app")
}

fn check(
    app: &tauri::App<MockRuntime>,
    overrides: &Overrides,
) -> (UpdateState, Option<tauri_plugin_updater::Update>) {
    let updater = updates::updater(app.handle(), overrides);
    tauri::async_runtime::block_on(updates::check(updater.as_ref()))
}

const PACKAGE: &[u8] = b"!<arch>\npretend this is partnerdesk_0.1.1_amd64.deb";

#[test]
fn a_newer_version_signed_with_our_key_is_found_and_its_download_verifies() {
    let (server, keys, app) = (Server::start(), Keys::generate(), app());
    server.serve("/partnerdesk.deb", 200, PACKAGE.to_vec());
    server.announce("0.1.1", &keys.sign(PACKAGE));
    let (state, found) = check(&app, &overrides(&server, &keys));
    assert_eq!(
        state,
        UpdateState::Available {
            version: "0.1.1".into(),
            notes: "Month-end in one pass.\nFixes the counter's beep.".into(),
            published_on: Some("2026-12-01".into()),
        }
    );
    assert_eq!(state.sentence(), "Partnerdesk 0.1.1 is available.");
    let update = found.expect("the update to install");
    let bytes = tauri::async_runtime::block_on(updates::download(&update)).expect("verifies");
    assert_eq!(bytes, PACKAGE);
}

#[test]
fn a_tampered_download_is_refused_after_the_backup_and_nothing_is_installed() {
    let (server, keys, app) = (Server::start(), Keys::generate(), app());
    server.announce("0.1.1", &keys.sign(PACKAGE));
    let mut tampered = PACKAGE.to_vec();
    tampered.extend_from_slice(b"; rm -rf /");
    server.serve("/partnerdesk.deb", 200, tampered);
    let (_, found) = check(&app, &overrides(&server, &keys));
    let update = found.expect("announced");

    let dir = tempfile::tempdir().expect("dir");
    let refused = tauri::async_runtime::block_on(async {
        let desk = Desk::open(dir.path()).await.expect("desk");
        let refused = updates::install(&desk, &update, Install::CheckOnly).await;
        let backups = desk.backups().await;
        desk.close().await;
        assert_eq!(
            backups.iter().map(|b| b.reason).collect::<Vec<_>>(),
            [BackupReason::BeforeUpdate],
            "the data is backed up before anything is downloaded"
        );
        refused
    });
    let err = refused.expect_err("a tampered package");
    assert_eq!(err.code, ErrorCode::UpdateRefused);
    assert!(
        err.message.contains("signature does not verify"),
        "{}",
        err.message
    );
}

#[test]
fn a_download_signed_with_another_key_is_refused() {
    let (server, ours, theirs, app) = (Server::start(), Keys::generate(), Keys::generate(), app());
    server.serve("/partnerdesk.deb", 200, PACKAGE.to_vec());
    server.announce("0.1.1", &theirs.sign(PACKAGE));
    let (_, found) = check(&app, &overrides(&server, &ours));
    let err = tauri::async_runtime::block_on(updates::download(&found.expect("announced")))
        .expect_err("another signer");
    assert_eq!(err.code, ErrorCode::UpdateRefused);
}

#[test]
fn nothing_newer_answers_up_to_date() {
    let (server, keys, app) = (Server::start(), Keys::generate(), app());
    server.announce("0.1.0", &keys.sign(PACKAGE));
    let (state, found) = check(&app, &overrides(&server, &keys));
    assert_eq!(
        (state.clone(), found.is_none()),
        (UpdateState::UpToDate, true)
    );
    assert_eq!(state.sentence(), "Partnerdesk is up to date.");
}

#[test]
fn a_stopped_server_or_a_server_error_gives_the_one_calm_line() {
    let keys = Keys::generate();
    let app = app();
    // A port nothing listens on: bound, noted, and let go.
    let closed = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port");
    let stopped = Overrides {
        url: Some(format!("http://{closed}/latest.json")),
        pubkey: Some(keys.public.clone()),
    };
    let server = Server::start();
    server.serve("/latest.json", 500, b"upstream timed out".to_vec());
    let garbled = Server::start();
    garbled.serve("/latest.json", 200, b"<html>captive portal</html>".to_vec());
    for overrides in [
        stopped,
        overrides(&server, &keys),
        overrides(&garbled, &keys),
    ] {
        let (state, found) = check(&app, &overrides);
        assert_eq!(
            (state.clone(), found.is_none()),
            (UpdateState::CouldNotCheck, true)
        );
        assert_eq!(state.sentence(), COULD_NOT_CHECK);
    }
}
