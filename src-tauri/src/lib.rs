//! The Partnerdesk shell: window, state and commands. Rules live in `partnerdesk-core`.

// The one list of commands, shared with build.rs; defines `with_command_list!`, used below
// and by `state::COMMANDS`, so it comes before the modules.
include!("../commands.list.rs");

mod commands;
mod error;
mod files;
mod licences;
mod state;
mod updates;
mod upload;

pub use error::{ApiError, ApiResult, ErrorCode};

use partnerdesk_core::{backups, Desk};
use tauri::Manager;

use crate::state::{App, Launch};

/// Tauri's invoke handler over the command list.
macro_rules! handler {
    ($($access:ident $module:ident::$command:ident,)*) => {
        tauri::generate_handler![$(crate::commands::$module::$command),*]
    };
}

/// Starts the app on the lock screen. `--demo` loads the demo data into an empty database;
/// `--counter` makes this a dedicated till: whoever signs in gets the counter only.
pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "partnerdesk=info,partnerdesk_core=info".into()),
        )
        .init();
    let want_demo = std::env::args().any(|a| a == "--demo");
    let till_only = std::env::args().any(|a| a == "--counter");

    let built = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        // Reached from Rust only (`updates.rs`): the capabilities grant the webview none of
        // its commands.
        .plugin(tauri_plugin_updater::Builder::new().build())
        .setup(move |app| {
            let data_dir = state::data_dir(app.path().app_data_dir().ok());
            // Opened before the window shows anything, outside any async context.
            let opened = tauri::async_runtime::block_on(open_desk(&data_dir, want_demo));
            tracing::info!(data_dir = %data_dir.display(), ok = opened.is_ok(), "store opened");
            let (desk, launch, rescue) = match opened {
                Ok((desk, launch)) => (
                    Ok(desk),
                    Launch {
                        till_only,
                        ..launch
                    },
                    None,
                ),
                Err(problem) => {
                    let rescue = if problem.code == ErrorCode::StoreDamaged {
                        tauri::async_runtime::block_on(backups::newest_good(&data_dir))
                    } else {
                        None
                    };
                    (Err(problem), Launch::closed(till_only), rescue)
                }
            };
            let daily = desk.clone().ok();
            let state = App::new(data_dir, desk, launch);
            state.set_rescue(rescue);
            app.manage(state);
            if let Some(desk) = daily {
                // After the window is up: a large file takes a few seconds to copy, and a
                // slow network must not hold the window either.
                let handle = app.handle().clone();
                tauri::async_runtime::spawn(async move {
                    if let Err(err) = desk.back_up_if_due().await {
                        tracing::warn!(%err, "the daily backup failed");
                    }
                    if !till_only && desk.update_check_at_start().await.unwrap_or(false) {
                        let overrides = updates::Overrides::from_env();
                        let updater = updates::updater(&handle, &overrides);
                        let (state, found) = updates::check(updater.as_ref()).await;
                        handle.state::<App>().updates().set(state, found);
                    }
                });
            }
            exit_on_signals(app.handle().clone());
            Ok(())
        })
        .invoke_handler(with_command_list!(handler))
        .build(tauri::generate_context!());
    let app = match built {
        Ok(app) => app,
        Err(err) => {
            tracing::error!(%err, "Partnerdesk could not start");
            std::process::exit(1);
        }
    };
    app.run(|handle, event| {
        // Window closed, Quit, or a signal: fold the WAL into the file and close the pools,
        // so the .sqlite3 file alone holds every sale.
        if let tauri::RunEvent::Exit = event {
            tauri::async_runtime::block_on(handle.state::<App>().close());
            tracing::info!("store closed");
        }
    });
}

/// Ends the app the orderly way (through [`tauri::RunEvent::Exit`]) on SIGTERM, SIGINT and
/// SIGHUP: a logout, `kill`, or Ctrl+C in a terminal.
fn exit_on_signals<R: tauri::Runtime>(handle: tauri::AppHandle<R>) {
    #[cfg(unix)]
    tauri::async_runtime::spawn(async move {
        use tokio::signal::unix::{signal, SignalKind};
        let (Ok(mut term), Ok(mut int), Ok(mut hup)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
            signal(SignalKind::hangup()),
        ) else {
            tracing::warn!("could not listen for signals; a kill skips the WAL checkpoint");
            return;
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
            _ = hup.recv() => {}
        }
        tracing::info!("signal received; closing");
        handle.exit(0);
    });
    #[cfg(not(unix))]
    let _ = handle;
}

/// Opens the store (loading the demo if asked) and reads what the window starts from.
async fn open_desk(
    data_dir: &std::path::Path,
    want_demo: bool,
) -> Result<(Desk, Launch), ApiError> {
    let desk = Desk::open(data_dir).await?;
    if want_demo {
        desk.load_demo().await?;
    }
    let launch = Launch {
        till_only: false,
        needs_owner: desk.needs_owner().await?,
        idle_lock_minutes: desk.idle_lock_minutes().await?,
    };
    Ok((desk, launch))
}

#[cfg(test)]
mod bindings_tests {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};

    use ts_rs::TS;

    fn committed_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/api/bindings")
    }

    fn export_into(dir: &Path) {
        let cfg = partnerdesk_core::bindings::config(dir);
        partnerdesk_core::bindings::export_all(&cfg).unwrap();
        crate::ApiError::export_all(&cfg).unwrap();
        crate::commands::app::AppStatus::export_all(&cfg).unwrap();
        crate::commands::agreements::Paper::export_all(&cfg).unwrap();
        crate::commands::codes::BatchProgress::export_all(&cfg).unwrap();
        crate::state::SessionView::export_all(&cfg).unwrap();
        crate::commands::session::OwnerSignedIn::export_all(&cfg).unwrap();
        crate::commands::exports::CsvKind::export_all(&cfg).unwrap();
        crate::commands::backups::BackupsView::export_all(&cfg).unwrap();
        crate::commands::backups::BackupSource::export_all(&cfg).unwrap();
        crate::commands::backups::BackedUp::export_all(&cfg).unwrap();
        crate::commands::updates::UpdatesView::export_all(&cfg).unwrap();
        crate::commands::about::AboutView::export_all(&cfg).unwrap();
        partnerdesk_core::backups::BackupPeek::export_all(&cfg).unwrap();
        partnerdesk_core::backups::RestorePreview::export_all(&cfg).unwrap();
        use partnerdesk_core::{payouts, program};
        program::Dashboard::export_all(&cfg).unwrap();
        program::CostInput::export_all(&cfg).unwrap();
        program::CostView::export_all(&cfg).unwrap();
        program::GoalInput::export_all(&cfg).unwrap();
        program::GoalView::export_all(&cfg).unwrap();
        program::RevenueInput::export_all(&cfg).unwrap();
        program::MonthRevenue::export_all(&cfg).unwrap();
        payouts::PayoutInput::export_all(&cfg).unwrap();
        payouts::PartnerMoney::export_all(&cfg).unwrap();
        partnerdesk_core::terms::WhatIf::export_all(&cfg).unwrap();
        use partnerdesk_core::{receivables, settlements};
        receivables::ReceivableInput::export_all(&cfg).unwrap();
        receivables::ReceivableView::export_all(&cfg).unwrap();
        settlements::MonthEnd::export_all(&cfg).unwrap();
        settlements::SettlementInput::export_all(&cfg).unwrap();
        settlements::SettlementView::export_all(&cfg).unwrap();
        partnerdesk_core::business::LogoView::export_all(&cfg).unwrap();
        use partnerdesk_core::statements;
        statements::StatementPreview::export_all(&cfg).unwrap();
        statements::PrintProgress::export_all(&cfg).unwrap();
        statements::PrintedAll::export_all(&cfg).unwrap();
        use partnerdesk_core::campaigns;
        campaigns::CampaignInput::export_all(&cfg).unwrap();
        campaigns::CampaignView::export_all(&cfg).unwrap();
        campaigns::CampaignResults::export_all(&cfg).unwrap();
    }

    fn read_all(dir: &Path) -> BTreeMap<String, String> {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        (name, std::fs::read_to_string(e.path()).unwrap_or_default())
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Regenerate with `UPDATE_BINDINGS=1 cargo test -p partnerdesk bindings`.
    #[test]
    fn bindings_are_fresh() {
        let dir = committed_dir();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            let _ = std::fs::remove_dir_all(&dir);
            export_into(&dir);
        }
        let fresh = tempfile::tempdir().unwrap();
        export_into(fresh.path());
        assert_eq!(
            read_all(&dir),
            read_all(fresh.path()),
            "ui/src/lib/api/bindings is stale: run UPDATE_BINDINGS=1 cargo test -p partnerdesk bindings"
        );
    }
}

#[cfg(test)]
mod guard_tests;
#[cfg(test)]
mod update_server;
#[cfg(test)]
mod updates_tests;
