//! The Partnerdesk shell: window, state and commands. Rules live in `partnerdesk-core`.

mod commands;
mod error;
mod files;
mod state;

pub use error::{ApiError, ApiResult, ErrorCode};

use partnerdesk_core::Desk;
use tauri::Manager;

use crate::state::{App, Role};

/// Starts the app. `--demo` loads the demo data into an empty database; `--counter` opens
/// the counter-only window, where owner commands are refused.
pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "partnerdesk=info,partnerdesk_core=info".into()),
        )
        .init();
    let want_demo = std::env::args().any(|a| a == "--demo");
    let role = if std::env::args().any(|a| a == "--counter") {
        Role::Staff
    } else {
        Role::Owner
    };

    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            let data_dir = state::data_dir(app.path().app_data_dir().ok());
            // Opened before the window shows anything, outside any async context.
            let desk = tauri::async_runtime::block_on(open_desk(&data_dir, want_demo));
            tracing::info!(data_dir = %data_dir.display(), ok = desk.is_ok(), "store opened");
            app.manage(App {
                data_dir,
                desk,
                role,
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_status,
            commands::app::load_demo,
            commands::business::save_business_profile,
            commands::partners::list_partners,
            commands::partners::get_partner,
            commands::partners::create_partner,
            commands::partners::update_partner,
            commands::partners::change_partner_status,
            commands::agreements::list_agreement_versions,
            commands::agreements::agreement_in_force,
            commands::agreements::preview_terms,
            commands::agreements::create_agreement_draft,
            commands::agreements::new_agreement_version,
            commands::agreements::update_agreement_draft,
            commands::agreements::delete_agreement_draft,
            commands::agreements::sign_agreement,
            commands::agreements::print_agreement,
            commands::codes::list_codes,
            commands::codes::issue_code,
            commands::codes::issue_code_batch,
            commands::codes::set_codes_enabled,
            commands::codes::lookup_code,
            commands::codes::print_card_sheet,
            commands::counter::log_redemption,
            commands::counter::recent_redemptions,
            commands::counter::void_redemption,
            commands::counter::set_till_name,
            commands::money::dashboard,
            commands::money::partner_money,
            commands::money::record_payout,
            commands::money::reverse_payout,
            commands::money::print_statement,
            commands::money::export_csv,
            commands::money::add_cost,
            commands::money::list_costs,
            commands::money::set_month_revenue,
            commands::money::add_goal,
            commands::money::what_if,
            commands::partners::preview_partner_import,
            commands::partners::import_partners,
        ])
        .run(tauri::generate_context!());
    if let Err(err) = result {
        tracing::error!(%err, "Partnerdesk could not start");
        std::process::exit(1);
    }
}

async fn open_desk(data_dir: &std::path::Path, want_demo: bool) -> Result<Desk, ApiError> {
    let desk = Desk::open(data_dir).await?;
    if want_demo {
        desk.load_demo().await?;
    }
    Ok(desk)
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
        crate::state::Role::export_all(&cfg).unwrap();
        crate::commands::money::PartnerMoney::export_all(&cfg).unwrap();
        crate::commands::money::CsvKind::export_all(&cfg).unwrap();
        use partnerdesk_core::{payouts, program};
        program::Dashboard::export_all(&cfg).unwrap();
        program::CostInput::export_all(&cfg).unwrap();
        program::CostView::export_all(&cfg).unwrap();
        program::GoalInput::export_all(&cfg).unwrap();
        payouts::PayoutInput::export_all(&cfg).unwrap();
        partnerdesk_core::terms::WhatIf::export_all(&cfg).unwrap();
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
