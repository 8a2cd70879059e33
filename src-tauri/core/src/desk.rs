//! [`Desk`]: the one handle the shell holds, owning the open store.

use std::path::Path;

use crate::backups::{self, BackupReason};
use crate::clock::{self, Clock};
use crate::ids::PersonId;
use crate::people::Person;
use crate::store::{self, Pools};
use crate::{text, Result};

/// Who is making a change: the signed-in person by id, and the name every record shows
/// (kept as text too, so a record still reads right after the person is renamed, and
/// records from before sign-in existed, which have no id, read "owner").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The signed-in person; `None` for the app itself and for records made without one.
    pub person: Option<PersonId>,
    /// The name written beside the id.
    pub name: String,
}

impl Actor {
    /// `person`, signed in.
    pub fn person(person: &Person) -> Self {
        Self::signed_in(person.id, person.name.clone())
    }

    /// The signed-in person `id`, called `name`.
    pub fn signed_in(id: PersonId, name: impl Into<String>) -> Self {
        Actor {
            person: Some(id),
            name: name.into(),
        }
    }

    /// The unnamed owner of the versions before sign-in (tests, and the shell until its
    /// sessions exist): no person id, the name "owner".
    pub fn owner() -> Self {
        Self::named("owner")
    }

    /// Demo data and other changes the app makes by itself.
    pub fn system() -> Self {
        Self::named("system")
    }

    /// A name with no person behind it (a till in a test, a crash-test writer).
    pub fn named(name: impl Into<String>) -> Self {
        Actor {
            person: None,
            name: name.into(),
        }
    }
}

/// The open Partnerdesk database and every operation on it.
#[derive(Debug, Clone)]
pub struct Desk {
    pub(crate) pools: Pools,
    clock: Clock,
}

impl Desk {
    /// Opens the database in `data_dir`, creating it on first use. Refuses a file written by
    /// a newer version, or one that fails its integrity check, without changing it (a file
    /// this app closed cleanly and nothing changed since is not read through again).
    pub async fn open(data_dir: &Path) -> Result<Self> {
        Self::open_with_clock(data_dir, Clock::system()).await
    }

    /// [`Desk::open`] with every "now" and "today" read from `clock` instead of the
    /// computer's (tests, and history logged at past times).
    ///
    /// Only one process opens a data folder at a time, so two windows started together
    /// never migrate twice. A file with data that a migration will change is backed up
    /// first ("before migration"); should that backup fail, nothing is migrated.
    pub async fn open_with_clock(data_dir: &Path, clock: Clock) -> Result<Self> {
        let opening = store::connect(data_dir).await?;
        let backup = if opening.needs_backup_before_migrating() {
            let dir = backups::dir_of(data_dir);
            let backup = backups::write_verified(
                opening.pool(),
                &dir,
                BackupReason::BeforeMigration,
                &clock,
            )
            .await?;
            Some(backup.path)
        } else {
            None
        };
        let pools = opening
            .migrate(backup.as_deref(), (text::NAME_KEY_VERSION, text::name_key))
            .await?;
        Self::on_pools(pools, clock).await
    }

    /// Opens the store on the shop's server (see [`store::connect_server`]); `data_dir` is
    /// this computer's own folder. A database a newer version migrated is refused untouched.
    pub async fn open_server(
        data_dir: &Path,
        server: &store::ServerSettings,
        clock: Clock,
    ) -> Result<Self> {
        let pools =
            store::connect_server(data_dir, server, (text::NAME_KEY_VERSION, text::name_key))
                .await?;
        Self::on_pools(pools, clock).await
    }

    async fn on_pools(pools: Pools, clock: Clock) -> Result<Self> {
        // Days are the shop's from the first read on: its saved zone, on a calendar of this
        // desk's own.
        let zone = {
            let mut conn = pools.reader.acquire().await?;
            store::business::get(&mut conn)
                .await?
                .and_then(|p| clock::parse_zone(&p.time_zone))
        };
        let clock = clock.in_zone(zone);
        Ok(Self { pools, clock })
    }

    /// The same open store, read through `clock` from now on.
    pub fn with_clock(self, clock: Clock) -> Self {
        // The shop's zone stays the profile's whatever clock reads the instant.
        let clock = clock.in_zone(self.clock.zone());
        Self { clock, ..self }
    }

    /// The clock this desk reads "now" and "today" from.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// This desk's database read and written by `clock` as it is, its calendar included
    /// (history at past times, on a clock sharing this desk's zone).
    pub(crate) fn reading(&self, clock: Clock) -> Desk {
        Desk {
            pools: self.pools.clone(),
            clock,
        }
    }

    /// The current instant, by the desk's clock.
    pub(crate) fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// The shop's calendar day now, by the desk's clock.
    pub(crate) fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }

    /// The shop's server this desk works on; `None` for the file.
    pub fn server(&self) -> Option<&store::ServerSettings> {
        self.pools.server.as_ref()
    }

    /// The database file's path.
    pub fn db_path(&self) -> &Path {
        &self.pools.path
    }

    /// How each connection is set up (WAL, synchronous, foreign keys, recursive triggers,
    /// busy timeout): the writer first, then every reader.
    pub async fn connection_settings(&self) -> Result<Vec<store::ConnectionSettings>> {
        Ok(store::connection_settings(&self.pools).await?)
    }

    /// Closes every connection after folding the WAL into the main file, so the file alone
    /// holds everything (copies and backups of it are complete), and lets other processes
    /// have the file. Every clone of this desk is closed with it.
    pub async fn close(&self) {
        if self.is_closed() {
            return;
        }
        self.close_pools().await;
        self.pools.release();
    }

    /// [`Desk::close`] without letting go of the file: a restore holds it through the swap,
    /// so another window waiting to open cannot open the old file in between (and lose its
    /// WAL when the new file replaces it).
    pub(crate) async fn close_pools(&self) {
        self.pools.reader.close().await;
        let folded = store::checkpoint(&self.pools.writer).await;
        if let Err(err) = &folded {
            tracing::warn!(%err, "checkpoint on close failed; the WAL keeps the data");
        }
        self.pools.writer.close().await;
        if folded.is_ok() && self.pools.server.is_none() {
            store::mark_closed_clean(&self.pools.path, self.pools.checked_at);
        }
    }

    /// True once [`Desk::close`] has run (on this desk or a clone).
    pub fn is_closed(&self) -> bool {
        self.pools.writer.is_closed()
    }
}
