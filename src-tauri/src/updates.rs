//! Updates through tauri-plugin-updater, called from Rust only: the webview holds no updater
//! permission, and what the owner sees is one calm line, or a version with its notes.
//!
//! The endpoint and the public key come from `tauri.conf.json`. `PARTNERDESK_UPDATE_URL`
//! replaces the endpoint at run time (tests, a release rehearsal on a local server); in debug
//! builds only, `PARTNERDESK_UPDATE_PUBKEY` replaces the key, so a shipped app can never be
//! told by its environment to trust another signer ([`Overrides`]).

use std::sync::Mutex;
use std::time::Duration;

use partnerdesk_core::backups::BackupReason;
use partnerdesk_core::Desk;
use serde::Serialize;
use tauri::{AppHandle, Runtime};
use tauri_plugin_updater::{Update, Updater, UpdaterExt};
use ts_rs::TS;

use crate::error::{ApiError, ErrorCode};

/// The line for every failed check: no network, a timeout, a server error, a bad answer.
pub const COULD_NOT_CHECK: &str = "Could not check for updates (offline?)";
/// How long a check or a download waits for the server: a shop's slow line, not forever.
const TIMEOUT: Duration = Duration::from_secs(20);

/// Where the last check left things.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "state", rename_all = "camelCase")]
pub enum UpdateState {
    /// Not looked for in this run.
    NotChecked,
    /// The newest version is this one.
    UpToDate,
    /// A newer version, with the notes it was published with.
    #[serde(rename_all = "camelCase")]
    Available {
        version: String,
        notes: String,
        /// `YYYY-MM-DD`, when the release says.
        published_on: Option<String>,
    },
    /// No network, a timeout or a server error.
    CouldNotCheck,
    /// Installed; it runs from the next start.
    Installed { version: String },
}

impl UpdateState {
    /// The sentence Settings → Updates shows for it.
    pub fn sentence(&self) -> String {
        match self {
            UpdateState::NotChecked => "Not checked yet.".into(),
            UpdateState::UpToDate => "Partnerdesk is up to date.".into(),
            UpdateState::Available { version, .. } => {
                format!("Partnerdesk {version} is available.")
            }
            UpdateState::CouldNotCheck => COULD_NOT_CHECK.into(),
            UpdateState::Installed { version } => {
                format!("Partnerdesk {version} is installed. Restart to use it.")
            }
        }
    }
}

/// What the window keeps between a check and an install: the state shown, and the update
/// found (its download address and signature), so "Install" installs what was shown.
#[derive(Default)]
pub struct Updates {
    inner: Mutex<Option<(UpdateState, Option<Update>)>>,
}

impl Updates {
    /// The state shown now.
    pub fn state(&self) -> UpdateState {
        self.lock()
            .as_ref()
            .map_or(UpdateState::NotChecked, |(state, _)| state.clone())
    }

    /// The update the last check found, if any.
    pub fn found(&self) -> Option<Update> {
        self.lock().as_ref().and_then(|(_, update)| update.clone())
    }

    /// Records the outcome of a check or an install.
    pub fn set(&self, state: UpdateState, update: Option<Update>) {
        *self.lock() = Some((state, update));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(UpdateState, Option<Update>)>> {
        // Plain data, never left half-written: a poisoned lock is still fine.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Where to look for updates and whose signature to trust, when not the config's.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub url: Option<String>,
    pub pubkey: Option<String>,
}

impl Overrides {
    /// `PARTNERDESK_UPDATE_URL`, and in debug builds only `PARTNERDESK_UPDATE_PUBKEY`.
    pub fn from_env() -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        Self {
            url: var("PARTNERDESK_UPDATE_URL"),
            pubkey: if cfg!(debug_assertions) {
                var("PARTNERDESK_UPDATE_PUBKEY")
            } else {
                None
            },
        }
    }
}

/// The updater as configured, with `overrides` applied. `None` when it cannot be built (no
/// endpoint, a bad address): that is "could not check" too.
pub fn updater<R: Runtime>(app: &AppHandle<R>, overrides: &Overrides) -> Option<Updater> {
    let mut builder = app.updater_builder().timeout(TIMEOUT);
    if let Some(url) = &overrides.url {
        builder = builder.endpoints(vec![url.parse().ok()?]).ok()?;
    }
    if let Some(key) = &overrides.pubkey {
        builder = builder.pubkey(key);
    }
    match builder.build() {
        Ok(updater) => Some(updater),
        Err(err) => {
            tracing::warn!(%err, "the updater could not be set up");
            None
        }
    }
}

/// Looks for a newer version. Every failure is the one calm state, the cause in the log.
pub async fn check(updater: Option<&Updater>) -> (UpdateState, Option<Update>) {
    let Some(updater) = updater else {
        return (UpdateState::CouldNotCheck, None);
    };
    match updater.check().await {
        Ok(Some(update)) => {
            let state = UpdateState::Available {
                version: update.version.clone(),
                notes: update.body.clone().unwrap_or_default(),
                published_on: update.date.map(|d| {
                    let d = d.date();
                    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
                }),
            };
            (state, Some(update))
        }
        Ok(None) => (UpdateState::UpToDate, None),
        Err(err) => {
            tracing::info!(%err, "update check failed");
            (UpdateState::CouldNotCheck, None)
        }
    }
}

/// Downloads `update` and checks its signature; the bytes only when it verifies.
pub async fn download(update: &Update) -> Result<Vec<u8>, ApiError> {
    use tauri_plugin_updater::Error;
    update.download(|_, _| {}, || {}).await.map_err(|err| {
        tracing::warn!(%err, version = %update.version, "update download refused");
        match err {
            Error::Minisign(_) | Error::Base64(_) | Error::SignatureUtf8(_) => ApiError {
                code: ErrorCode::UpdateRefused,
                message: format!(
                    "Partnerdesk {} was not installed: its signature does not verify, so it \
                     may not come from us. Nothing was changed.",
                    update.version
                ),
                field: None,
            },
            _ => ApiError {
                code: ErrorCode::UpdateFailed,
                message: "Could not download the update (offline?). Nothing was installed.".into(),
                field: None,
            },
        }
    })
}

/// How far an install goes: all the way, or (tests, which cannot run the system's package
/// installer) up to the checked download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Install {
    Package,
    CheckOnly,
}

impl Install {
    /// `PARTNERDESK_UPDATE_NO_INSTALL` set: check only.
    pub fn from_env() -> Self {
        if std::env::var_os("PARTNERDESK_UPDATE_NO_INSTALL").is_some() {
            Install::CheckOnly
        } else {
            Install::Package
        }
    }
}

/// Installs `update`: a backup of the data first ("before an update"), then the download,
/// checked against the public key, then the package. The new version runs after a restart.
pub async fn install(desk: &Desk, update: &Update, how: Install) -> Result<UpdateState, ApiError> {
    desk.back_up(BackupReason::BeforeUpdate).await?;
    let bytes = download(update).await?;
    if how == Install::Package {
        update.install(bytes).map_err(|err| {
            tracing::warn!(%err, version = %update.version, "update install failed");
            ApiError {
                code: ErrorCode::UpdateFailed,
                message: format!(
                    "Partnerdesk {} could not be installed ({err}). The app and its data are \
                     as they were.",
                    update.version
                ),
                field: None,
            }
        })?;
    }
    Ok(UpdateState::Installed {
        version: update.version.clone(),
    })
}
