//! Opening the database file: one process at a time, refusing newer schemas and damaged
//! files untouched, the file private to this user, then migrating.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Connection, SqliteConnection, SqlitePool};

use super::Pool;
use crate::error::StoreError;
use crate::APP_VERSION;

/// The file inside the data folder.
pub const DB_FILE_NAME: &str = "partnerdesk.sqlite3";

static MIGRATOR: Migrator = sqlx::migrate!("../../migrations/sqlite");

/// A waiting writer gives up after this long; another till may hold the write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The open store: one writer connection, so write transactions never race each other
/// in this process, and a few readers that WAL lets run beside it.
#[derive(Debug, Clone)]
pub struct Pools {
    /// Serialises every write transaction.
    pub writer: Pool,
    /// For queries; never writes.
    pub reader: Pool,
    /// Where the file lives; on a server, where it would (the data folder is its parent).
    pub path: PathBuf,
    /// Held shared while the file is open; replacing the file takes it exclusively. `None`
    /// on a server, which has no file here to replace.
    pub(crate) in_use: Option<Arc<File>>,
    /// When the whole file was last read through by `PRAGMA quick_check` (seconds since the
    /// Unix epoch): at this open, or, skipped, at an earlier one the close mark carries.
    pub(crate) checked_at: u64,
    /// The shop's server the store is on; `None` for the file.
    pub server: Option<super::ServerSettings>,
}

impl Pools {
    /// True when this is the only handle on the file (no other window or till has it
    /// open), so the file may be replaced. Until the desk is closed, others wait to open.
    pub fn claim_sole_use(&self) -> bool {
        self.in_use.as_ref().is_some_and(|f| f.try_lock().is_ok())
    }

    /// Lets go of the file once the pools are closed.
    pub(crate) fn release(&self) {
        if let Some(file) = &self.in_use {
            let _ = file.unlock();
        }
    }

    /// Gives the claim of [`Pools::claim_sole_use`] back (the replace did not happen).
    pub fn release_sole_use(&self) {
        if let Some(Err(err)) = self.in_use.as_ref().map(|f| f.lock_shared()) {
            tracing::warn!(%err, "could not share the in-use lock again");
        }
    }
}

fn options(path: &Path) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        // Without it, REPLACE conflict resolution deletes the row in its way without firing
        // its DELETE triggers, so INSERT OR REPLACE would slip past the append-only rules
        // (the walls migration holds them for connections without it too).
        .pragma("recursive_triggers", "ON")
        .busy_timeout(BUSY_TIMEOUT)
}

/// The newest migration this build knows.
pub fn app_schema() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// The versions and names of every file migration, in order (a test holds the server's to
/// them).
pub fn file_migrations() -> Vec<(i64, String)> {
    MIGRATOR
        .iter()
        .map(|m| (m.version, m.description.to_string()))
        .collect()
}

/// A store connected and checked but not yet migrated, holding the lock that keeps a
/// second process from opening (and migrating) the same file at the same moment.
#[derive(Debug)]
pub struct Opening {
    writer: SqlitePool,
    path: PathBuf,
    /// The newest migration the file has; 0 for a new file.
    applied: i64,
    in_use: File,
    /// Exclusive until [`Opening::migrate`] is done.
    _opening: File,
    /// See [`Pools::checked_at`].
    checked_at: u64,
}

/// Connects to the database in `data_dir` (creating the folder and file if missing),
/// refusing a newer or damaged file untouched. Waits while another process is opening the
/// same file, so two windows started together never migrate twice or half.
pub async fn connect(data_dir: &Path) -> Result<Opening, StoreError> {
    create_private_dir(data_dir).map_err(|source| folder_error(data_dir, source))?;
    let path = data_dir.join(DB_FILE_NAME);
    let opening = lock_file(data_dir, OPENING_LOCK, Lock::Exclusive).await?;
    let in_use = lock_file(data_dir, IN_USE_LOCK, Lock::Shared).await?;
    // Read before anything opens the file, which could touch it.
    let checked_before = if path.exists() {
        closed_clean_and_unchanged(&path)
    } else {
        None
    };
    let applied = if path.exists() {
        refuse_newer_schema(&path)
            .await
            .map_err(|e| explain(&path, e))?
    } else {
        create_private_file(&path)?;
        0
    };
    make_private(&path);

    let writer = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options(&path).create_if_missing(true))
        .await
        .map_err(|e| explain(&path, e.into()))?;
    let checked_at = match checked_before {
        Some(at) => at,
        None => {
            quick_check(&writer, &path)
                .await
                .map_err(|e| explain(&path, e))?;
            unix_now()
        }
    };
    Ok(Opening {
        writer,
        path,
        applied,
        in_use,
        _opening: opening,
        checked_at,
    })
}

impl Opening {
    /// True when the file holds data of an older schema that migrating will change (a new
    /// file has nothing to lose and needs no backup first).
    pub fn needs_backup_before_migrating(&self) -> bool {
        self.applied > 0 && self.applied < app_schema()
    }

    /// The connection to copy the file from before migrating.
    pub fn pool(&self) -> &SqlitePool {
        &self.writer
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Brings the schema up to date, each migration in its own transaction, re-keys names
    /// made by an older rule (`name_keys`: the rule's version and the rule), and opens the
    /// readers, all before the opening lock is let go, so a second process never does
    /// either twice or half. `backup` is where a copy from before the update is, for the
    /// message should a migration fail part-way.
    pub async fn migrate(
        self,
        backup: Option<&Path>,
        name_keys: (i64, fn(&str) -> String),
    ) -> Result<Pools, StoreError> {
        if let Err(err) = MIGRATOR.run(&self.writer).await {
            let reached: Option<i64> =
                sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
                    .fetch_one(&self.writer)
                    .await
                    .unwrap_or(None);
            let err = explain(&self.path, StoreError::Migrate(err));
            return Err(match err {
                StoreError::Migrate(err) => StoreError::MigrationFailed {
                    path: self.path.clone(),
                    from_schema: self.applied,
                    reached_schema: reached.unwrap_or(0),
                    app_schema: app_schema(),
                    backup: backup.map(Path::to_path_buf),
                    detail: err.to_string(),
                },
                other => other,
            });
        }
        sqlx::query(
            "INSERT INTO store_meta (key, value) VALUES ('written_by', $1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(APP_VERSION)
        .execute(&self.writer)
        .await
        .map_err(|e| explain(&self.path, e.into()))?;
        // After migrating, since keys are made by Rust (Unicode folding SQL cannot do).
        super::name_keys::rekey(&Pool::Sqlite(self.writer.clone()), name_keys.0, name_keys.1)
            .await
            .map_err(|e| explain(&self.path, e.into()))?;
        for suffix in ["-wal", "-shm"] {
            make_private(&sibling(&self.path, suffix));
        }

        let reader = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options(&self.path))
            .await?;
        Ok(Pools {
            writer: Pool::Sqlite(self.writer),
            reader: Pool::Sqlite(reader),
            path: self.path,
            in_use: Some(Arc::new(self.in_use)),
            checked_at: self.checked_at,
            server: None,
        })
    }
}

/// Lets only one process at a time open the data folder's database.
const OPENING_LOCK: &str = "partnerdesk.opening.lock";
/// Shared by every process that has the database open.
const IN_USE_LOCK: &str = "partnerdesk.in-use.lock";
/// How long a process waits for another to finish opening (a long migration) or restoring.
const LOCK_WAIT: Duration = Duration::from_secs(120);

#[derive(Debug, Clone, Copy)]
enum Lock {
    Shared,
    Exclusive,
}

/// Opens (creating) the lock file `name` in `dir` and takes it, waiting up to [`LOCK_WAIT`].
async fn lock_file(dir: &Path, name: &str, lock: Lock) -> Result<File, StoreError> {
    let path = dir.join(name);
    let file = File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|source| folder_error(dir, source))?;
    let started = Instant::now();
    loop {
        let taken = match lock {
            Lock::Shared => file.try_lock_shared(),
            Lock::Exclusive => file.try_lock(),
        };
        match taken {
            Ok(()) => return Ok(file),
            Err(TryLockError::WouldBlock) if started.elapsed() < LOCK_WAIT => {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            Err(TryLockError::WouldBlock) => return Err(StoreError::Locked { path: path.clone() }),
            Err(TryLockError::Error(source)) => return Err(folder_error(dir, source)),
        }
    }
}

/// A folder of ours (the data folder, its backups), created readable by this user only:
/// it holds PIN hashes and money.
pub(crate) fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Takes the data folder's database for this process alone, without opening it: for
/// replacing a file that could not be opened. `None` while another process has it open.
pub(crate) async fn claim_folder(data_dir: &Path) -> Result<Option<File>, StoreError> {
    let _opening = lock_file(data_dir, OPENING_LOCK, Lock::Exclusive).await?;
    let in_use = File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(data_dir.join(IN_USE_LOCK))
        .map_err(|source| folder_error(data_dir, source))?;
    Ok(in_use.try_lock().is_ok().then_some(in_use))
}

/// A new, empty database file readable by this user only; SQLite gives its `-wal` and
/// `-shm` the same permissions.
fn create_private_file(path: &Path) -> Result<(), StoreError> {
    let mut options = File::options();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(source) => Err(folder_error(path.parent().unwrap_or(path), source)),
    }
}

/// Narrows an existing file to this user (older versions left it world-readable) by taking
/// the group's and others' bits away, never adding one: a file made read-only on purpose
/// stays read-only, and opening it says so. A file we cannot change is left as it is.
pub(crate) fn make_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path) {
            let mode = meta.permissions().mode();
            if mode & 0o077 != 0 {
                let narrowed = std::fs::Permissions::from_mode(mode & !0o077);
                let _ = std::fs::set_permissions(path, narrowed);
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// `path` with `suffix` appended to its file name (`…sqlite3-wal`).
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// An I/O failure on the data folder, named by what the owner can fix.
fn folder_error(dir: &Path, source: std::io::Error) -> StoreError {
    use std::io::ErrorKind;
    match source.kind() {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => StoreError::ReadOnly {
            path: dir.to_path_buf(),
        },
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => StoreError::DiskFull {
            path: dir.to_path_buf(),
        },
        _ => StoreError::Folder {
            path: dir.to_path_buf(),
            source,
        },
    }
}

/// Looks at an existing file through a read-only connection, so a database from a newer
/// version is refused before anything (even switching to WAL) could change it. Answers the
/// newest migration the file has (0 for an empty or foreign file).
async fn refuse_newer_schema(path: &Path) -> Result<i64, StoreError> {
    let ro = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .busy_timeout(BUSY_TIMEOUT);
    let mut conn = SqliteConnection::connect_with(&ro).await?;
    let has_migrations: Option<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_optional(&mut conn)
    .await?;
    if has_migrations.is_none() {
        conn.close().await?;
        return Ok(0);
    }
    let db_schema: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await?;
    let app_schema = app_schema();
    let db_schema = db_schema.unwrap_or(0);
    if db_schema > app_schema {
        let written_by: Option<String> =
            sqlx::query_scalar("SELECT value FROM store_meta WHERE key = 'written_by'")
                .fetch_optional(&mut conn)
                .await
                .ok()
                .flatten();
        conn.close().await?;
        return Err(StoreError::TooNew {
            db_schema,
            app_schema,
            written_by: written_by.unwrap_or_else(|| "a newer version".into()),
            app_version: APP_VERSION.into(),
        });
    }
    conn.close().await?;
    Ok(db_schema)
}

/// Beside the database after a clean close: when the whole file was last checked, and the
/// database's (and any write-ahead log's) size and modification time at the close.
const CLOSED_CLEAN: &str = "-closed-clean";

/// However often the app is closed cleanly, the whole file is read through again after this
/// long: damage that changes neither size nor time (a failing disk) is found at an open,
/// where the rescue screen can offer a backup, rather than in the middle of a sale.
const RECHECK_AFTER_SECS: u64 = 7 * 24 * 3600;

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The size and modification time of the database and its write-ahead log, if any.
fn file_stamp(path: &Path) -> Option<String> {
    let stat = |p: &Path| -> Option<String> {
        let meta = std::fs::metadata(p).ok()?;
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        Some(format!(
            "{} bytes, modified {} ns",
            meta.len(),
            modified.as_nanos()
        ))
    };
    let wal = stat(&sibling(path, "-wal")).unwrap_or_else(|| "none".into());
    Some(format!("file {}; log {wal}", stat(path)?))
}

/// Records that the file at `path` was closed cleanly, as it is now, and when it was last
/// checked whole: the next open within [`RECHECK_AFTER_SECS`] of that finds it unchanged
/// and skips the check. Called once every connection is closed.
pub(crate) fn mark_closed_clean(path: &Path, checked_at: u64) {
    if let Some(stamp) = file_stamp(path) {
        let mark = format!("checked {checked_at}\n{stamp}");
        if let Err(err) = std::fs::write(sibling(path, CLOSED_CLEAN), mark) {
            tracing::warn!(%err, "could not mark the file closed cleanly; it is checked at next open");
        }
    }
}

/// When the file was last checked whole, if it was closed cleanly since, nothing has changed
/// it, and that check is recent enough to stand. The mark is removed either way, so a crash
/// from here on leaves none and the next open checks.
///
/// `PRAGMA quick_check` reads every page: 2 s of a cold start on a file of a million
/// redemptions (docs/PERFORMANCE.md). A file this app closed cleanly was whole then. Being
/// opened by anything else with write access, a crash, or a restore by hand changes its size
/// or time or leaves no mark, and the file is checked; a copy that keeps the time is a copy
/// of a whole file. Damage that changes neither, such as a failing disk, is found by the
/// weekly check, by SQLite on the first read of a bad page, and by every backup's full check.
fn closed_clean_and_unchanged(path: &Path) -> Option<u64> {
    let mark = sibling(path, CLOSED_CLEAN);
    let recorded = std::fs::read_to_string(&mark).ok();
    let _ = std::fs::remove_file(&mark);
    let (checked, stamp) = recorded?
        .split_once('\n')
        .map(|(c, s)| (c.to_owned(), s.to_owned()))?;
    let checked_at: u64 = checked.strip_prefix("checked ")?.parse().ok()?;
    let recent = unix_now().saturating_sub(checked_at) < RECHECK_AFTER_SECS;
    (recent && Some(stamp) == file_stamp(path)).then_some(checked_at)
}

async fn quick_check(pool: &SqlitePool, path: &Path) -> Result<(), StoreError> {
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_all(pool)
        .await?;
    if rows.len() == 1 && rows[0] == "ok" {
        return Ok(());
    }
    Err(StoreError::Damaged {
        path: path.to_path_buf(),
        detail: rows.join("; "),
    })
}

/// What SQLite reports while opening, in the owner's terms: corruption becomes `Damaged`,
/// a read-only file or folder `ReadOnly`, a full disk `DiskFull`, each naming the path.
fn explain(path: &Path, err: StoreError) -> StoreError {
    let code = match &err {
        StoreError::Sql(e) => StoreError::sqlite_code(e),
        StoreError::Migrate(sqlx::migrate::MigrateError::Execute(e)) => StoreError::sqlite_code(e),
        _ => None,
    };
    match code.map(|c| c & 0xff) {
        // SQLITE_CORRUPT, SQLITE_NOTADB
        Some(11 | 26) => StoreError::Damaged {
            path: path.to_path_buf(),
            detail: err.to_string(),
        },
        // SQLITE_READONLY, SQLITE_PERM
        Some(8 | 3) => StoreError::ReadOnly {
            path: path.to_path_buf(),
        },
        // SQLITE_FULL
        Some(13) => StoreError::DiskFull {
            path: path.to_path_buf(),
        },
        // SQLITE_CANTOPEN: usually a folder we may not write the -wal file into.
        Some(14) if !writable(path) => StoreError::ReadOnly {
            path: path.to_path_buf(),
        },
        _ => err,
    }
}

/// True when the file at `path` is writable and its folder takes new files (where SQLite
/// puts the `-wal`); tried for real, since permission bits say nothing on a read-only mount.
fn writable(path: &Path) -> bool {
    let file_ok = std::fs::metadata(path).map_or(true, |m| !m.permissions().readonly());
    let probe = sibling(path, &format!(".probe-{}", std::process::id()));
    let dir_ok = File::create(&probe).is_ok() && std::fs::remove_file(&probe).is_ok();
    file_ok && dir_ok
}

/// How a connection of the store is set up, as SQLite reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionSettings {
    pub journal_mode: String,
    /// 2 = FULL.
    pub synchronous: i64,
    pub foreign_keys: bool,
    /// DELETE triggers fire for rows REPLACE removes.
    pub recursive_triggers: bool,
    pub busy_timeout_ms: i64,
}

/// Reads the settings of every connection the store has open or may open: the writer and
/// each reader the pool allows, all held at once so no connection is read twice.
pub async fn connection_settings(pools: &Pools) -> Result<Vec<ConnectionSettings>, StoreError> {
    // A server's connections are its own to set up: there are no file settings to read
    // (and its one pool could not lend a writer and every reader at once).
    if pools.server.is_some() {
        return Ok(Vec::new());
    }
    let mut held = vec![pools.writer.acquire().await?];
    for _ in 0..pools.reader.max_connections() {
        held.push(pools.reader.acquire().await?);
    }
    let mut all = Vec::with_capacity(held.len());
    for conn in &mut held {
        if let Some(conn) = conn.as_sqlite() {
            all.push(settings_of(conn).await?);
        }
    }
    Ok(all)
}

/// Reads the settings of one connection.
async fn settings_of(conn: &mut SqliteConnection) -> Result<ConnectionSettings, StoreError> {
    let flag = |value: i64| value == 1;
    Ok(ConnectionSettings {
        journal_mode: sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut *conn)
            .await?,
        synchronous: sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&mut *conn)
            .await?,
        foreign_keys: flag(
            sqlx::query_scalar("PRAGMA foreign_keys")
                .fetch_one(&mut *conn)
                .await?,
        ),
        recursive_triggers: flag(
            sqlx::query_scalar("PRAGMA recursive_triggers")
                .fetch_one(&mut *conn)
                .await?,
        ),
        busy_timeout_ms: sqlx::query_scalar("PRAGMA busy_timeout")
            .fetch_one(&mut *conn)
            .await?,
    })
}

/// Copies every committed page from the WAL into the main file and empties the WAL (a
/// server keeps its own log).
pub async fn checkpoint(pool: &Pool) -> Result<(), StoreError> {
    if let Some(pool) = pool.as_sqlite() {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(pool)
            .await?;
    }
    Ok(())
}
