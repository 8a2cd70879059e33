//! What the shell keeps between commands: the open desk (or why it could not open), who is
//! signed in at the window, and the guards through which, alone, a command reaches the desk.
//!
//! A command states who may call it by the guard it takes as its first argument: [`Arrival`]
//! (anyone, before sign-in), [`SetupDesk`] (the owner, or anyone during the first run before
//! an owner exists), [`StaffDesk`] (anyone signed in: the counter) or [`OwnerDesk`] (a
//! signed-in owner, on a window that is not a dedicated till). Tauri builds the guard from the
//! app state before it reads the other arguments, so a refused caller is turned away before
//! anything else happens; the guards are built only here, and [`App`] hands out no `&Desk`
//! of its own.

use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError, RwLock};
use std::time::{Duration, Instant};

use partnerdesk_core::backups::Backup;
use partnerdesk_core::ids::PersonId;
use partnerdesk_core::people::{Person, PersonRole, IDLE_LOCK_DEFAULT};
use partnerdesk_core::{Actor, Desk};
use serde::Serialize;
use tauri::ipc::{CommandArg, CommandItem, InvokeError};
use tauri::{Runtime, State};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};

/// Who may call a command: the guard it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone at the window, even signed out or with the store closed: [`Arrival`].
    BeforeSignIn,
    /// The business profile and the demo: a signed-in owner, or anyone while the database
    /// has no owner yet (first run, or a file from before sign-in existed): [`SetupDesk`].
    Setup,
    /// Anyone signed in, staff included: [`StaffDesk`].
    Staff,
    /// A signed-in owner on a window that is not a dedicated till: [`OwnerDesk`].
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

/// The person signed in at this window, as the UI shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    pub person_id: PersonId,
    pub name: String,
    pub role: PersonRole,
    /// The window shows the counter and nothing else: staff, or anyone on a till launched
    /// with `--counter`.
    pub counter_only: bool,
}

/// A signed-in person and when they last did something here.
#[derive(Debug, Clone)]
struct Session {
    person: Person,
    last_seen: Instant,
}

/// How the window was launched and what the store said at start.
#[derive(Debug, Clone, Copy)]
pub struct Launch {
    /// `--counter`: a dedicated till, which never shows owner screens, even to an owner.
    pub till_only: bool,
    /// The database has no owner yet: the first-run screens may set up without a PIN.
    pub needs_owner: bool,
    /// Minutes without use after which the session locks.
    pub idle_lock_minutes: u32,
}

impl Launch {
    /// A window over a store that did not open: nobody can sign in anyway.
    pub fn closed(till_only: bool) -> Self {
        Self {
            till_only,
            needs_owner: false,
            idle_lock_minutes: IDLE_LOCK_DEFAULT,
        }
    }
}

/// The app's state, managed by Tauri.
pub struct App {
    data_dir: PathBuf,
    /// Replaced whole when a backup is restored; commands take a clone for their call.
    desk: RwLock<Result<Desk, ApiError>>,
    /// When the store is damaged: the newest backup that passes its check, offered at start.
    rescue: Mutex<Option<Backup>>,
    /// Held for a restore, so two never run at once.
    restoring: tokio::sync::Mutex<()>,
    till_only: bool,
    needs_owner: AtomicBool,
    idle_lock: Mutex<Duration>,
    session: Mutex<Option<Session>>,
    /// What the last update check found, shown in Settings → Updates.
    updates: crate::updates::Updates,
}

/// A mutex's value even when a panicking command poisoned it: the session is plain data,
/// never left half-written.
fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn forbidden(message: impl Into<String>) -> ApiError {
    ApiError {
        code: ErrorCode::Forbidden,
        message: message.into(),
        field: None,
    }
}

/// Who a guard let in: the actor its changes are recorded as made by.
struct Admitted {
    desk: Desk,
    actor: Actor,
    person: Option<Person>,
}

impl App {
    /// The state for a window launched as `launch` says, over the store opened in
    /// `data_dir` (or the reason it stayed closed: too new, damaged, …). Nobody is signed in.
    pub fn new(data_dir: PathBuf, desk: Result<Desk, ApiError>, launch: Launch) -> Self {
        Self {
            data_dir,
            desk: RwLock::new(desk),
            rescue: Mutex::new(None),
            restoring: tokio::sync::Mutex::new(()),
            till_only: launch.till_only,
            needs_owner: AtomicBool::new(launch.needs_owner),
            idle_lock: Mutex::new(Duration::from_secs(
                u64::from(launch.idle_lock_minutes) * 60,
            )),
            session: Mutex::new(None),
            updates: crate::updates::Updates::default(),
        }
    }

    /// What the last update check found.
    pub fn updates(&self) -> &crate::updates::Updates {
        &self.updates
    }

    /// The session check every guard goes through: the desk and who is acting, if `access`
    /// lets the window's current session in. Every admitted call counts as activity.
    fn admit(&self, access: Access) -> ApiResult<Admitted> {
        let (actor, person) = match access {
            Access::BeforeSignIn => (Actor::system(), None),
            // Before any owner exists nobody can sign in, and the records made stay
            // attributed to "owner", as they were before sign-in existed.
            Access::Setup if self.needs_owner() => (Actor::owner(), None),
            Access::Setup | Access::Owner => {
                let person = self.signed_in()?;
                if person.role != PersonRole::Owner {
                    return Err(forbidden(
                        "Only the owner can do this. Ask the owner to sign in.",
                    ));
                }
                if self.till_only {
                    return Err(forbidden(
                        "This till opens the counter only. Use Partnerdesk in the back office \
                         for that.",
                    ));
                }
                (Actor::person(&person), Some(person))
            }
            Access::Staff => {
                let person = self.signed_in()?;
                (Actor::person(&person), Some(person))
            }
        };
        let desk = self.desk()?;
        Ok(Admitted {
            desk,
            actor,
            person,
        })
    }

    /// The open desk (a handle sharing its pools), or why the store is closed.
    fn desk(&self) -> ApiResult<Desk> {
        self.desk
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Puts `desk` in place of the current one (a restored backup, or the old file opened
    /// again after a failed restore). Whoever was signed in is signed out: the people who
    /// may sign in are the restored file's.
    pub async fn replace_desk(&self, desk: Result<Desk, ApiError>) {
        if let Ok(desk) = &desk {
            let needs_owner = desk.needs_owner().await.unwrap_or(false);
            self.needs_owner.store(needs_owner, Ordering::SeqCst);
            // The idle lock is a setting of the file, so it comes back with the backup.
            if let Ok(minutes) = desk.idle_lock_minutes().await {
                self.set_idle_lock(Duration::from_secs(u64::from(minutes) * 60));
            }
        }
        *self.desk.write().unwrap_or_else(PoisonError::into_inner) = desk;
        *locked(&self.rescue) = None;
        self.end_session();
    }

    /// Closes the store (folding the WAL into the file) before the process ends.
    pub async fn close(&self) {
        if let Ok(desk) = self.desk() {
            desk.close().await;
        }
    }

    /// Waits for any restore under way, and holds off others until dropped.
    pub async fn restoring(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.restoring.lock().await
    }

    /// The backup offered when the store is damaged.
    pub fn rescue(&self) -> Option<Backup> {
        locked(&self.rescue).clone()
    }

    /// Remembers the backup to offer for a damaged store.
    pub fn set_rescue(&self, backup: Option<Backup>) {
        *locked(&self.rescue) = backup;
    }

    /// The signed-in person, marking them active now; refused when nobody is signed in or
    /// the session has been idle past the lock time (it is then ended).
    fn signed_in(&self) -> ApiResult<Person> {
        let idle_lock = *locked(&self.idle_lock);
        let mut session = locked(&self.session);
        let Some(current) = session.as_mut() else {
            return Err(forbidden("Sign in first."));
        };
        if current.last_seen.elapsed() >= idle_lock {
            *session = None;
            let minutes = idle_lock.as_secs().div_ceil(60);
            return Err(forbidden(format!(
                "Locked after {minutes} min without use. Sign in again."
            )));
        }
        current.last_seen = Instant::now();
        Ok(current.person.clone())
    }

    /// Starts a session for `person`, who has just proved their PIN.
    pub fn start_session(&self, person: Person) -> SessionView {
        let view = self.view_of(&person);
        *locked(&self.session) = Some(Session {
            person,
            last_seen: Instant::now(),
        });
        view
    }

    /// Ends the session, if any: the window shows the lock screen.
    pub fn end_session(&self) {
        *locked(&self.session) = None;
    }

    /// Keeps the session in step with a change to `person` made by the owner: a rename is
    /// shown, and a person deactivated or demoted while signed in is signed out.
    pub fn person_changed(&self, person: &Person) {
        let mut session = locked(&self.session);
        if let Some(current) = session.as_mut().filter(|s| s.person.id == person.id) {
            if !person.active || person.role != current.person.role {
                *session = None;
            } else {
                current.person = person.clone();
            }
        }
    }

    /// The session as the UI shows it, if someone is signed in (and not idle past the lock).
    pub fn session(&self) -> Option<SessionView> {
        let idle_lock = *locked(&self.idle_lock);
        let mut session = locked(&self.session);
        if session
            .as_ref()
            .is_some_and(|s| s.last_seen.elapsed() >= idle_lock)
        {
            *session = None;
        }
        session.as_ref().map(|s| self.view_of(&s.person))
    }

    fn view_of(&self, person: &Person) -> SessionView {
        SessionView {
            person_id: person.id,
            name: person.name.clone(),
            role: person.role,
            counter_only: self.till_only || person.role != PersonRole::Owner,
        }
    }

    /// The first owner now exists: setting up needs a signed-in owner from here on.
    pub fn owner_created(&self) {
        self.needs_owner.store(false, Ordering::SeqCst);
    }

    /// True until the first owner is created.
    pub fn needs_owner(&self) -> bool {
        self.needs_owner.load(Ordering::SeqCst)
    }

    /// A dedicated till, launched with `--counter`.
    pub fn till_only(&self) -> bool {
        self.till_only
    }

    /// Minutes without use after which the session locks.
    pub fn idle_lock_minutes(&self) -> u32 {
        let secs = locked(&self.idle_lock).as_secs();
        u32::try_from(secs / 60).unwrap_or(u32::MAX)
    }

    /// Applies a new idle lock time (already saved by the core).
    pub fn set_idle_lock(&self, idle: Duration) {
        *locked(&self.idle_lock) = idle;
    }

    /// The data folder in use (shown when something is wrong with it).
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }
}

/// What anyone at the window may do before signing in: read whether the store opened, who
/// can sign in, and sign in.
pub struct Arrival<'a> {
    app: &'a App,
    desk: ApiResult<Desk>,
}

impl<'a> Arrival<'a> {
    /// The open desk, or why it is closed; for the start-up status.
    pub fn desk(&self) -> Result<&Desk, &ApiError> {
        self.desk.as_ref()
    }

    /// The open desk, or the reason it is closed as the command's error.
    pub fn open_desk(&self) -> ApiResult<&Desk> {
        self.desk.as_ref().map_err(Clone::clone)
    }

    /// The window's state: its session, launch and data folder.
    pub fn app(&self) -> &'a App {
        self.app
    }
}

/// The desk for the business profile, the demo and restoring a backup: an owner, or the
/// first run.
pub struct SetupDesk<'a> {
    app: &'a App,
    admitted: Admitted,
}

/// The desk for the few commands the counter may call: anyone signed in.
pub struct StaffDesk<'a> {
    app: &'a App,
    admitted: Admitted,
}

/// The desk for an owner-only command; staff and dedicated tills never get one.
pub struct OwnerDesk<'a> {
    app: &'a App,
    admitted: Admitted,
}

macro_rules! guard {
    ($guard:ident, $access:expr) => {
        impl<'a> $guard<'a> {
            /// Built only here, after the session check.
            fn admit(app: &'a App) -> ApiResult<Self> {
                let admitted = app.admit($access)?;
                Ok(Self { app, admitted })
            }

            /// The window's state: its session, launch and data folder.
            #[allow(
                dead_code,
                reason = "every guard has it; not every guard's commands need it"
            )]
            pub fn app(&self) -> &'a App {
                self.app
            }

            /// Who the audit log and the ledger name for this change.
            pub fn actor(&self) -> Actor {
                self.admitted.actor.clone()
            }

            /// The signed-in person (none while setting up before the first owner exists).
            #[allow(
                dead_code,
                reason = "every guard has it; not every guard's commands need it"
            )]
            pub fn person(&self) -> Option<&Person> {
                self.admitted.person.as_ref()
            }
        }

        impl Deref for $guard<'_> {
            type Target = Desk;
            fn deref(&self) -> &Desk {
                &self.admitted.desk
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

guard!(SetupDesk, Access::Setup);
guard!(StaffDesk, Access::Staff);
guard!(OwnerDesk, Access::Owner);

impl StaffDesk<'_> {
    /// Whether the window shows the counter only: staff, or a dedicated till. Such a
    /// window never receives what partners earn.
    pub fn counter_only(&self) -> bool {
        self.app.till_only
            || !matches!(self.person(), Some(person) if person.role == PersonRole::Owner)
    }
}

impl OwnerDesk<'_> {
    /// The signed-in owner. Always there: an owner guard is only built for a session.
    pub fn owner(&self) -> ApiResult<&Person> {
        self.person().ok_or_else(|| forbidden("Sign in first."))
    }
}

impl<'a, 'de: 'a, R: Runtime> CommandArg<'de, R> for Arrival<'a> {
    fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let app = State::<'a, App>::from_command(command)?.inner();
        // Never refused: the status says why the store is closed instead.
        let desk = app.admit(Access::BeforeSignIn).map(|a| a.desk);
        Ok(Self { app, desk })
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
#[path = "state_tests.rs"]
mod tests;
