//! What the shell keeps between commands: the open desk, or why it could not open.

use std::path::PathBuf;

use partnerdesk_core::Desk;

use crate::error::{ApiError, ApiResult};

/// The app's state, managed by Tauri.
pub struct App {
    /// The data folder in use (shown when something is wrong with it).
    pub data_dir: PathBuf,
    /// The open store, or the error that kept it closed (too new, damaged, …).
    pub desk: Result<Desk, ApiError>,
}

impl App {
    /// The desk, or the reason it is unavailable.
    pub fn desk(&self) -> ApiResult<&Desk> {
        self.desk.as_ref().map_err(Clone::clone)
    }
}

/// `PARTNERDESK_DATA_DIR` if set (tests, portable use), else the OS app-data folder.
pub fn data_dir(os_default: Option<PathBuf>) -> PathBuf {
    match std::env::var_os("PARTNERDESK_DATA_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => os_default.unwrap_or_else(|| PathBuf::from("partnerdesk-data")),
    }
}
