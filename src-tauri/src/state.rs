//! What the shell keeps between commands: the open desk (or why it could not open) and who
//! is at the keyboard; and the guards through which, alone, a command reaches the desk.
//!
//! A command states who may call it by the guard it takes as its first argument: [`Arrival`]
//! (anyone, before sign-in), [`StaffDesk`] (the counter) or [`OwnerDesk`]. Tauri builds the
//! guard from the app state before it reads the other arguments, so a refused caller is
//! turned away before anything else happens; the guards are built only here, and [`App`]
//! hands out no `&Desk` of its own.

use std::ops::Deref;
use std::path::{Path, PathBuf};

use partnerdesk_core::{Actor, Desk};
use serde::Serialize;
use tauri::ipc::{CommandArg, CommandItem, InvokeError};
use tauri::{Runtime, State};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};

/// Who the window serves. `Staff` is the counter-only mode: the till and nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    Owner,
    Staff,
}

/// Who may call a command: the guard it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone at the window, even with the store closed: [`Arrival`].
    BeforeSignIn,
    /// The counter window too: [`StaffDesk`].
    Staff,
    /// The owner only: [`OwnerDesk`].
    Owner,
}

#[cfg(test)]
macro_rules! access_table {
    ($($access:ident $module:ident::$command:ident,)*) => {
        &[$((stringify!($command), Access::$access)),*]
    };
}

/// Every registered command and who may call it, from the same list as the handler; the
/// tests hold the guards and the capabilities to it.
#[cfg(test)]
pub const COMMANDS: &[(&str, Access)] = with_command_list!(access_table);

/// The app's state, managed by Tauri.
pub struct App {
    data_dir: PathBuf,
    desk: Result<Desk, ApiError>,
    role: Role,
}

impl App {
    /// The state for a window serving `role`, over the store opened in `data_dir` (or the
    /// reason it stayed closed: too new, damaged, …).
    pub fn new(data_dir: PathBuf, desk: Result<Desk, ApiError>, role: Role) -> Self {
        Self {
            data_dir,
            desk,
            role,
        }
    }

    /// The role check every guard goes through: the desk, if `access` lets this window in.
    fn admit(&self, access: Access) -> ApiResult<&Desk> {
        if access == Access::Owner && self.role != Role::Owner {
            return Err(ApiError {
                code: ErrorCode::Forbidden,
                message: "Only the owner can do this; this window is the counter.".into(),
                field: None,
            });
        }
        self.desk.as_ref().map_err(Clone::clone)
    }

    /// The data folder in use (shown when something is wrong with it).
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Fixed for the session (PIN sign-in will change it).
    pub fn role(&self) -> Role {
        self.role
    }

    /// Who the audit log and the ledger name for changes made in this window.
    pub fn actor(&self) -> Actor {
        match self.role {
            Role::Owner => Actor::owner(),
            Role::Staff => Actor("staff".into()),
        }
    }
}

/// What anyone at the window may see before signing in: whether the store opened.
pub struct Arrival<'a> {
    app: &'a App,
    desk: ApiResult<&'a Desk>,
}

impl<'a> Arrival<'a> {
    /// The open desk, or why it is closed; for the start-up status only.
    pub fn desk(&self) -> Result<&'a Desk, &ApiError> {
        self.desk.as_ref().copied()
    }
}

/// The desk for the few commands the counter window may call.
pub struct StaffDesk<'a> {
    app: &'a App,
    desk: &'a Desk,
}

/// The desk for an owner-only command; the counter window never gets one.
pub struct OwnerDesk<'a> {
    app: &'a App,
    desk: &'a Desk,
}

macro_rules! guard {
    ($guard:ident, $access:expr) => {
        impl<'a> $guard<'a> {
            /// Built only here, after the role check.
            fn admit(app: &'a App) -> ApiResult<Self> {
                let desk = app.admit($access)?;
                Ok(Self { app, desk })
            }

            /// The window's state: its role, actor and data folder.
            pub fn app(&self) -> &'a App {
                self.app
            }

            /// Who the audit log names for this change.
            pub fn actor(&self) -> Actor {
                self.app.actor()
            }
        }

        impl Deref for $guard<'_> {
            type Target = Desk;
            fn deref(&self) -> &Desk {
                self.desk
            }
        }

        impl<'a, 'de: 'a, R: Runtime> CommandArg<'de, R> for $guard<'a> {
            fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
                let app: State<'a, App> = State::from_command(command)?;
                Ok(Self::admit(app.inner())?)
            }
        }
    };
}

guard!(StaffDesk, Access::Staff);
guard!(OwnerDesk, Access::Owner);

impl<'a, 'de: 'a, R: Runtime> CommandArg<'de, R> for Arrival<'a> {
    fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let app = State::<'a, App>::from_command(command)?.inner();
        // Never refused: the status says why the store is closed instead.
        let desk = app.admit(Access::BeforeSignIn);
        Ok(Self { app, desk })
    }
}

impl<'a> Arrival<'a> {
    /// The window's state: its role and data folder.
    pub fn app(&self) -> &'a App {
        self.app
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
    use std::collections::BTreeSet;

    use super::*;

    /// The commands the counter-only window may call (with `app_status`, which anyone may).
    const COUNTER_MAY_CALL: &[&str] = &[
        "app_status",
        "lookup_code",
        "log_redemption",
        "recent_redemptions",
    ];

    fn app(role: Role) -> App {
        let closed = ApiError {
            code: ErrorCode::StoreUnavailable,
            message: "closed".into(),
            field: None,
        };
        App::new(PathBuf::from("unused"), Err(closed), role)
    }

    /// The guard a command of `access` takes, built as Tauri builds it.
    fn admit(app: &App, access: Access) -> Result<(), ApiError> {
        match access {
            Access::BeforeSignIn => Ok(()),
            Access::Staff => StaffDesk::admit(app).map(drop),
            Access::Owner => OwnerDesk::admit(app).map(drop),
        }
    }

    #[test]
    fn only_the_counter_commands_are_open_to_staff() {
        let open: BTreeSet<&str> = COMMANDS
            .iter()
            .filter(|(_, access)| *access != Access::Owner)
            .map(|(name, _)| *name)
            .collect();
        let allowed: BTreeSet<&str> = COUNTER_MAY_CALL.iter().copied().collect();
        assert_eq!(open, allowed, "commands the counter window may call");
    }

    #[test]
    fn the_role_check_refuses_staff_owner_access_only() {
        let counter = app(Role::Staff);
        let owner = app(Role::Owner);
        for (name, access) in COMMANDS {
            let as_staff = admit(&counter, *access);
            let as_owner = admit(&owner, *access);
            match access {
                Access::Owner => {
                    let refused = as_staff.expect_err(name);
                    assert_eq!(refused.code, ErrorCode::Forbidden, "{name}");
                    assert!(refused.message.contains("Only the owner"), "{name}");
                }
                // Let in, to find the store closed.
                Access::Staff => {
                    assert_eq!(as_staff.expect_err(name).code, ErrorCode::StoreUnavailable);
                }
                Access::BeforeSignIn => assert!(as_staff.is_ok(), "{name}"),
            }
            if *access != Access::BeforeSignIn {
                assert_eq!(as_owner.expect_err(name).code, ErrorCode::StoreUnavailable);
            }
        }
        assert_eq!(counter.actor().0, "staff");
    }
}
