//! Helpers for tests: a fresh [`Desk`] on a temporary folder with a clock the test moves,
//! input builders, a partner with signed terms, the demo, people who sign in, and PDF text
//! read back.

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};

use crate::business::BusinessProfileInput;
use crate::clock::{Clock, ManualClock};
use crate::partners::{PartnerId, PartnerInput, PartnerStatus};
use crate::people::{NewPerson, OwnerWithCode, Person, PersonRole, PinChange};
use crate::program::RevenueInput;
use crate::store::ServerSettings;
use crate::terms::{SignInput, TermsInput};
use crate::{Actor, Desk};

mod server;
pub use server::{
    new_server_database, on_server, server_admin_connection, server_from_env, BACKEND_VARIABLE,
};

/// The shop's offset in tests: five hours behind UTC, so a shop's late evening is already
/// the next day in UTC and a rule reading the UTC day instead of the shop's day shows.
pub const SHOP_OFFSET_SECS: i32 = -5 * 3600;

/// When a test desk's clock starts unless told otherwise: mid-month, mid-morning, long
/// after the 2026-01-01 terms the helpers sign and before any midnight a test could reach.
pub fn start() -> DateTime<FixedOffset> {
    shop_time(2026, 11, 18, 10, 0, 0)
}

/// The shop's day when a test desk's clock starts, and for the whole test unless the
/// test moves the clock: one second a reading never reaches midnight from [`start`].
pub fn start_day() -> NaiveDate {
    start().date_naive()
}

/// The redemptions logged on the demo's day (its three cards, after the year before it),
/// in the order they were logged.
pub async fn todays_redemptions(t: &Desk) -> Vec<crate::ledger::Redemption> {
    let day = day_logged(t).await;
    let mut today: Vec<_> = t
        .redemptions()
        .await
        .expect("redemptions")
        .into_iter()
        .filter(|r| r.local_day == day)
        .collect();
    today.sort_by_key(|r| r.id);
    today
}

/// The shop's day the newest redemption on `t` was logged on, as stored.
pub async fn day_logged(t: &Desk) -> NaiveDate {
    t.redemptions()
        .await
        .expect("redemptions")
        .iter()
        .map(|r| r.local_day)
        .max()
        .expect("a redemption")
}

/// The instant the shop's wall clock reads `y-m-d h:mi:s` (in [`SHOP_OFFSET_SECS`]).
pub fn shop_time(y: i32, m: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(SHOP_OFFSET_SECS).expect("offset");
    day(y, m, d)
        .and_hms_opt(h, mi, s)
        .expect("time")
        .and_local_timezone(offset)
        .single()
        .expect("a fixed offset has one reading")
}

/// A calendar day.
pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// `day` as the forms take it, `2026-01-31`.
pub fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// A desk on its own temporary folder, deleted when dropped, read through `time`.
pub struct TestDesk {
    pub desk: Desk,
    pub dir: tempfile::TempDir,
    /// The desk's clock: set or advance it to move the desk through days.
    pub time: ManualClock,
    /// The server database the desk is on, when the suite runs on PostgreSQL.
    pub server: Option<ServerSettings>,
}

/// Opens `dir`'s desk on this run's backend: the file in `dir`, or `server`.
async fn open_on(dir: &Path, server: Option<&ServerSettings>, clock: Clock) -> crate::Result<Desk> {
    match server {
        Some(server) => Desk::open_server(dir, server, clock).await,
        None => Desk::open_with_clock(dir, clock).await,
    }
}

impl std::ops::Deref for TestDesk {
    type Target = Desk;
    fn deref(&self) -> &Desk {
        &self.desk
    }
}

impl TestDesk {
    /// Another handle on the same file sharing this desk's clock (a second till).
    pub async fn second_till(&self) -> Desk {
        open_on(
            self.dir.path(),
            self.server.as_ref(),
            Clock::from(self.time.clone()),
        )
        .await
        .expect("second till")
    }

    /// The desk opened again after [`Desk::close`], on the same file or server database.
    pub async fn reopen(&self) -> Desk {
        open_on(
            self.dir.path(),
            self.server.as_ref(),
            Clock::from(self.time.clone()),
        )
        .await
        .expect("reopen")
    }
}

/// A new, empty desk whose clock starts at [`start`] and steps a second per reading, so
/// every change gets its own instant and no test reads the wall clock.
pub async fn empty_desk() -> TestDesk {
    desk_at(ManualClock::stepping(start(), TimeDelta::seconds(1))).await
}

/// A new, empty desk read through `time`.
pub async fn desk_at(time: ManualClock) -> TestDesk {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = if on_server() {
        Some(new_server_database().await)
    } else {
        None
    };
    let desk = open_on(dir.path(), server.as_ref(), Clock::from(time.clone()))
        .await
        .expect("open desk");
    TestDesk {
        desk,
        dir,
        time,
        server,
    }
}

/// A new desk with a business profile saved.
pub async fn desk_with_profile() -> TestDesk {
    let t = empty_desk().await;
    save_profile(&t).await;
    t
}

/// Saves [`profile`] on `t`.
pub async fn save_profile(t: &Desk) {
    t.save_profile(&profile(), &Actor::owner())
        .await
        .expect("save profile");
}

/// The demo loaded on a new desk, and the demo bakery's id.
pub async fn demo_desk() -> (TestDesk, PartnerId) {
    let t = empty_desk().await;
    t.load_demo().await.expect("demo");
    let bakery = partner_named(&t, "Crumb & Co. Bakery").await;
    (t, bakery)
}

/// The id of the partner called `name`.
pub async fn partner_named(t: &Desk, name: &str) -> PartnerId {
    t.partners(&Default::default())
        .await
        .expect("partners")
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no partner {name}"))
        .id
}

/// A valid business profile.
pub fn profile() -> BusinessProfileInput {
    BusinessProfileInput {
        name: "Bean There Coffee".into(),
        address: "12 Mill Lane".into(),
        email: "hello@beanthere.example".into(),
        phone: "+44 20 7946 0018".into(),
        tax_id: "GB123456789".into(),
        currency: "EUR".into(),
        locale: "en-IE".into(),
        // The test clock's own offset decides the day unless a test saves a zone.
        time_zone: String::new(),
        opening_hours: String::new(),
        directions: String::new(),
        card_link: String::new(),
    }
}

/// The shop's revenue for `month` (`YYYY-MM`), a first figure (no reason).
pub fn revenue(month: &str, amount: &str) -> RevenueInput {
    RevenueInput {
        month: month.into(),
        amount: amount.into(),
        reason: String::new(),
    }
}

/// A valid partner input named `name`.
pub fn partner(name: &str) -> PartnerInput {
    PartnerInput {
        name: name.into(),
        category: "Bakery".into(),
        email: "hello@partner.example".into(),
        website: "partner.example".into(),
        ..Default::default()
    }
}

/// Terms from 1 January 2026: 10 % off sales of €5 or more, nothing earned unless changed.
pub fn terms() -> TermsInput {
    let mut terms = TermsInput::blank(day(2026, 1, 1));
    terms.min_sale = "5".into();
    terms
}

/// The signature the helpers sign with, dated `on`.
pub fn signature(on: &str) -> SignInput {
    SignInput {
        signed_on: on.into(),
        our_signatory: "Maya Bean".into(),
        partner_signatory: "Anna Kowalska".into(),
    }
}

/// An active partner called `name` with `terms` drafted and signed on 1 January 2026.
pub async fn signed_partner(t: &Desk, name: &str, terms: &TermsInput) -> PartnerId {
    let p = t
        .create_partner(&partner(name), PartnerStatus::Active, &Actor::owner())
        .await
        .expect("partner")
        .id;
    sign_terms(t, p, terms).await;
    p
}

/// Drafts `terms` for `p` and signs them on 1 January 2026.
pub async fn sign_terms(t: &Desk, p: PartnerId, terms: &TermsInput) {
    let draft = t
        .create_draft(p, Some(terms), &Actor::owner())
        .await
        .expect("draft");
    t.sign_agreement(draft.id, &signature("2026-01-01"), &Actor::owner())
        .await
        .expect("sign");
}

/// The PIN [`first_owner`] signs in with.
pub const OWNER_PIN: &str = "482915";
/// The PIN [`add_person`] gives everyone it adds.
pub const STAFF_PIN: &str = "7351";

/// `pin` typed twice.
pub fn pins(pin: &str) -> PinChange {
    PinChange {
        pin: pin.into(),
        pin_again: pin.into(),
    }
}

/// Creates the owner "Maya Bean" with [`OWNER_PIN`] on a desk with nobody on it yet.
pub async fn first_owner(t: &Desk) -> OwnerWithCode {
    t.create_first_owner("Maya Bean", &pins(OWNER_PIN))
        .await
        .expect("first owner")
}

/// Adds `name` in `role` with [`STAFF_PIN`], on behalf of owner `by`.
pub async fn add_person(t: &Desk, name: &str, role: PersonRole, by: &Person) -> Person {
    let input = NewPerson {
        name: name.into(),
        role,
        pin: STAFF_PIN.into(),
        pin_again: STAFF_PIN.into(),
    };
    t.add_person(&input, &Actor::person(by))
        .await
        .expect("add person")
}

/// A connection of its own on `t`'s store, on whichever database it is, to read or try
/// what the app never would.
pub async fn store_connection(t: &Desk) -> crate::store::Conn {
    crate::store::Conn::alone_beside(&t.pools.writer)
        .await
        .expect("connect")
}

/// A connection of its own on `t`'s file, to read or try what the app never would.
pub async fn raw_connection(t: &Desk) -> sqlx::SqliteConnection {
    use sqlx::Connection;
    let opts = sqlx::sqlite::SqliteConnectOptions::new().filename(t.db_path());
    sqlx::SqliteConnection::connect_with(&opts)
        .await
        .expect("connect")
}

/// The database as files, byte for byte: the main file and its write-ahead log, to show a
/// refused call changed nothing.
pub fn file_bytes(t: &Desk) -> (Vec<u8>, Vec<u8>) {
    let mut wal = t.db_path().as_os_str().to_owned();
    wal.push("-wal");
    (
        std::fs::read(t.db_path()).unwrap_or_default(),
        std::fs::read(wal).unwrap_or_default(),
    )
}

/// Runs `sql` as it stands on `conn`, as a tool or script could, answering how many rows it
/// changed. The two drivers answer different result types; both carry the count.
pub async fn execute(conn: &mut crate::store::Conn, sql: &str) -> sqlx::Result<u64> {
    crate::on!(conn, db => sqlx::query(sql).execute(db).await.map(|done| done.rows_affected()))
}

/// What the store holds, to show that a refused call changed nothing: on SQLite the files
/// byte for byte (see [`file_bytes`]), on a server every table's rows as text.
#[derive(Debug, PartialEq, Eq)]
pub enum StoreState {
    File { main: Vec<u8>, wal: Vec<u8> },
    Rows(Vec<String>),
}

/// What `t`'s store holds now, on whichever database it is; see [`StoreState`].
pub async fn store_state(t: &Desk) -> StoreState {
    if t.pools.writer.as_sqlite().is_some() {
        let (main, wal) = file_bytes(t);
        return StoreState::File { main, wal };
    }
    let mut conn = store_connection(t).await;
    let tables: Vec<String> = crate::on!(&mut conn, db => sqlx::query_scalar(
        "SELECT CAST(table_name AS TEXT) FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
           AND table_name <> '_sqlx_migrations'
         ORDER BY table_name",
    )
    .fetch_all(db)
    .await)
    .expect("tables");
    let mut rows = Vec::new();
    for table in tables {
        // A row cast to text is every column in order, NULLs as empty places, so any
        // change to any column shows.
        let sql = format!("SELECT '{table}: ' || CAST(x AS TEXT) FROM {table} AS x ORDER BY 1");
        let table_rows: Vec<String> =
            crate::on!(&mut conn, db => sqlx::query_scalar(&sql).fetch_all(db).await)
                .expect("rows");
        rows.extend(table_rows);
    }
    conn.close().await.expect("close");
    StoreState::Rows(rows)
}

/// Every audit entry as (actor name, actor id, `entity:action`, before and after JSON).
pub async fn audit_rows(t: &Desk) -> Vec<(String, Option<i64>, String, String)> {
    let mut conn = store_connection(t).await;
    crate::on!(&mut conn, db => sqlx::query_as(
        "SELECT actor, actor_id, entity || ':' || action,
                coalesce(before_json, '') || coalesce(after_json, '')
         FROM audit_log ORDER BY id",
    )
    .fetch_all(db)
    .await)
    .expect("audit")
}

/// What `tool` prints for `args`: the independent readers the tests check documents with
/// (poppler's pdftotext and pdfinfo, zbarimg). Fails loudly when the tool is missing rather
/// than skipping, so a machine without them cannot pass by reading nothing.
pub fn tool_output(tool: &str, args: &[&std::ffi::OsStr]) -> String {
    let out = std::process::Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} not runnable (poppler-utils, zbar-tools): {e}"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{tool} printed no UTF-8: {e}"))
}

/// What `pdftotext` (poppler, an independent reader) reads in `pdf` with `args`.
pub fn pdftotext(pdf: &Path, args: &[&str]) -> String {
    let mut all: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    all.extend([pdf.as_os_str(), std::ffi::OsStr::new("-")]);
    tool_output("pdftotext", &all)
}

/// A PDF written into its own temporary folder (deleted on drop), read back with poppler.
pub struct PdfFile {
    pub dir: tempfile::TempDir,
    pub path: std::path::PathBuf,
}

impl PdfFile {
    /// Writes `bytes` as `name` in a new temporary folder.
    pub fn write(name: &str, bytes: &[u8]) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("pdf written");
        PdfFile { dir, path }
    }

    /// What `pdftotext` reads in it with `args` (e.g. `-layout`, `-raw`, `-bbox`).
    pub fn text(&self, args: &[&str]) -> String {
        pdftotext(&self.path, args)
    }

    /// What `pdfinfo` says of it: page size, page count.
    pub fn info(&self) -> String {
        tool_output("pdfinfo", &[self.path.as_os_str()])
    }

    /// Its number of pages, as `pdfinfo` counts them.
    pub fn pages(&self) -> usize {
        let info = self.info();
        info.lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("no page count in {info}"))
    }
}

/// The text of PDF `bytes` with whitespace collapsed: pdftotext wraps where the page does,
/// so a sentence over two lines still reads as one string.
pub fn pdf_words(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, bytes).expect("pdf written");
    pdftotext(&path, &["-enc", "UTF-8"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A new database file at `path` with every migration older than `version` applied: what
/// the app wrote before that migration came. Answers a connection to fill it with.
pub async fn file_before(path: &Path, version: i64) -> sqlx::SqliteConnection {
    use sqlx::Connection;
    let all = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations/sqlite");
    let mut older = sqlx::migrate::Migrator::new(all.as_path())
        .await
        .expect("migrations");
    older.migrations = older
        .migrations
        .iter()
        .filter(|m| m.version < version)
        .cloned()
        .collect::<Vec<_>>()
        .into();
    let opts = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true);
    let mut conn = sqlx::SqliteConnection::connect_with(&opts)
        .await
        .expect("create");
    older.run(&mut conn).await.expect("older schema");
    conn
}

/// Writes `data_dir`'s database at the schema before the newest migration, as the previous
/// version left it (written by "0.0.9"), with a business profile for Café Müller. Answers
/// that schema's version.
pub async fn older_file(data_dir: &Path) -> i64 {
    use sqlx::Connection;
    std::fs::create_dir_all(data_dir).expect("data dir");
    let path = data_dir.join(crate::store::DB_FILE_NAME);
    let mut conn = file_before(&path, crate::store::app_schema()).await;
    sqlx::query(
        "INSERT INTO store_meta (key, value) VALUES ('written_by', '0.0.9');
         INSERT INTO business_profile
             (id, name, address, email, phone, tax_id, currency, locale, updated_at)
         VALUES (1, 'Café Müller', '', '', '', '', 'EUR', 'de-DE', 0);",
    )
    .execute(&mut conn)
    .await
    .expect("older data");
    let schema = sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await
        .expect("schema");
    conn.close().await.expect("close");
    schema
}

/// The calendar month `day` falls in, first to last day: the period over which the share of
/// revenue counts a month's revenue.
pub fn month_of(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    crate::ledger::month_of(day)
}

/// A sale of `sale` (as typed) with `code` at the "Front till", which must be logged: the
/// stored redemption as `redemptions()` lists it. `key` makes its idempotency key.
pub async fn log_sale(
    t: &Desk,
    key: &str,
    code: &str,
    sale: &str,
    new_customer: bool,
) -> crate::ledger::Redemption {
    use crate::ledger::{LogOutcome, RedemptionInput};
    let input = RedemptionInput {
        idempotency_key: format!("test-sale-{key}"),
        code: code.into(),
        sale: sale.into(),
        new_customer,
        note: String::new(),
        confirmed_large: false,
    };
    let logged = t
        .log_redemption(&input, "Front till", &Actor::named("till"))
        .await
        .expect("log");
    let LogOutcome::Logged { redemption, .. } = logged else {
        panic!("{key} refused: {logged:?}");
    };
    t.redemptions()
        .await
        .expect("redemptions")
        .into_iter()
        .find(|r| r.id == redemption.id)
        .expect("stored")
}
