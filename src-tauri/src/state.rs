//! What the shell keeps between commands: the open desk (or why it could not open) and who
//! is at the keyboard.

use std::path::PathBuf;

use partnerdesk_core::{Actor, Desk};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};

/// The commands the counter-only window may call; every other command goes through
/// [`App::owner`] and refuses staff. A test below holds the commands to this list.
#[cfg(test)]
const STAFF_COMMANDS: &[&str] = &[
    "app_status",
    "lookup_code",
    "log_redemption",
    "recent_redemptions",
];

/// Who the window serves. `Staff` is the counter-only mode: the till and nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    Owner,
    Staff,
}

/// The app's state, managed by Tauri.
pub struct App {
    /// The data folder in use (shown when something is wrong with it).
    pub data_dir: PathBuf,
    /// The open store, or the error that kept it closed (too new, damaged, …).
    pub desk: Result<Desk, ApiError>,
    /// Fixed for the session (PIN sign-in will change it).
    pub role: Role,
}

impl App {
    /// The desk, or the reason it is unavailable; only for the few commands the counter
    /// window may call (listed in this file's tests).
    pub fn staff_desk(&self) -> ApiResult<&Desk> {
        self.desk.as_ref().map_err(Clone::clone)
    }

    /// The desk for an owner-only command; staff are refused here, not only in the UI.
    pub fn owner(&self) -> ApiResult<&Desk> {
        match self.role {
            Role::Owner => self.staff_desk(),
            Role::Staff => Err(ApiError {
                code: ErrorCode::Forbidden,
                message: "Only the owner can do this; this window is the counter.".into(),
                field: None,
            }),
        }
    }

    /// Who the audit log and the ledger name for changes made in this window.
    pub fn actor(&self) -> Actor {
        match self.role {
            Role::Owner => Actor::owner(),
            Role::Staff => Actor("staff".into()),
        }
    }
}

/// `PARTNERDESK_DATA_DIR` if set (tests, portable use), else the OS app-data folder.
pub fn data_dir(os_default: Option<PathBuf>) -> PathBuf {
    match std::env::var_os("PARTNERDESK_DATA_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => os_default.unwrap_or_else(|| PathBuf::from("partnerdesk-data")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app(role: Role) -> App {
        let closed = ApiError {
            code: ErrorCode::StoreUnavailable,
            message: "closed".into(),
            field: None,
        };
        App {
            data_dir: PathBuf::from("unused"),
            desk: Err(closed),
            role,
        }
    }

    /// Every command that reaches the desk without [`App::owner`] must be a staff command.
    #[test]
    fn only_staff_commands_skip_the_owner_check() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands");
        let mut staff = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for command in source.split("#[tauri::command]").skip(1) {
                let name = command
                    .split("pub async fn ")
                    .nth(1)
                    .and_then(|rest| rest.split('(').next())
                    .unwrap()
                    .to_string();
                let body = command.split("\n}\n").next().unwrap();
                if !body.contains(".owner()?") {
                    staff.push(name);
                }
            }
        }
        staff.sort();
        let mut expected: Vec<String> = STAFF_COMMANDS.iter().map(|c| c.to_string()).collect();
        expected.sort();
        assert_eq!(staff, expected, "commands without the owner check");
    }

    #[test]
    fn the_counter_window_is_refused_owner_commands() {
        let refused = app(Role::Staff).owner().unwrap_err();
        assert_eq!(refused.code, ErrorCode::Forbidden);
        assert!(refused.message.contains("Only the owner"));
        // Staff commands reach the desk (here: the reason it is closed).
        assert_eq!(
            app(Role::Staff).staff_desk().unwrap_err().code,
            ErrorCode::StoreUnavailable
        );
        assert_eq!(
            app(Role::Owner).owner().unwrap_err().code,
            ErrorCode::StoreUnavailable
        );
        assert_eq!(app(Role::Staff).actor().0, "staff");
    }
}
