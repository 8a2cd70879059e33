//! Logging a redemption on the file and on a shop server, in one run (issue 21):
//! `pg_virtualenv -t -o fsync=on cargo run --release -p partnerdesk-core --example
//! server_bench` (pg_virtualenv turns fsync off unless told).
//!
//! Each store logs the same sales one after another (p50 and p99 of the whole
//! `log_redemption`), beside a raw baseline on the same database: one row inserted and
//! committed, the least a durable write can cost there. SQLite runs with synchronous=FULL;
//! PostgreSQL with its defaults (fsync on, synchronous_commit on), reached over loopback TCP
//! and over its Unix socket. Then four tills at once on the server, each its own desk.
//! The PG* variables name the server (pg_virtualenv sets them).

use std::error::Error;
use std::time::{Duration, Instant};

use partnerdesk_core::codes::CodeOptions;
use partnerdesk_core::ledger::{LogOutcome, RedemptionInput};
use partnerdesk_core::store::ServerSettings;
use partnerdesk_core::testing::{self, new_server_database, signed_partner};
use partnerdesk_core::{Actor, Clock, Desk};

type Result<T> = std::result::Result<T, Box<dyn Error + Send + Sync>>;

const SALES: usize = 400;
const TILLS: usize = 4;

fn attempt(key: String, code: &str) -> RedemptionInput {
    RedemptionInput {
        idempotency_key: key,
        code: code.into(),
        sale: "12.50".into(),
        new_customer: true,
        note: String::new(),
        confirmed_large: false,
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// p50 and p99 of `times`.
fn spread(times: &mut [Duration]) -> (Duration, Duration) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.50), at(0.99))
}

/// A profile, a partner with signed terms and one unlimited code: what a sale needs.
async fn ready(desk: &Desk) -> Result<String> {
    desk.save_profile(&testing::profile(), &Actor::owner())
        .await?;
    let partner = signed_partner(desk, "Café Müller", &testing::terms()).await;
    let code = desk
        .issue_code(partner, None, &CodeOptions::default(), &Actor::owner())
        .await?;
    Ok(code.printed)
}

/// Logs `count` sales on `desk` one after another; each one's time.
async fn log_sales(desk: &Desk, code: &str, tag: &str, count: usize) -> Result<Vec<Duration>> {
    let till = Actor::named(tag);
    // Attempt keys take letters, digits and dashes.
    let key: String = tag
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let mut times = Vec::with_capacity(count);
    for i in 0..count {
        let input = attempt(format!("bench-{key}-{i:06}"), code);
        let started = Instant::now();
        let outcome = desk.log_redemption(&input, tag, &till).await?;
        times.push(started.elapsed());
        if !matches!(outcome, LogOutcome::Logged { .. }) {
            return Err(format!("{tag}: sale {i} refused: {outcome:?}").into());
        }
    }
    Ok(times)
}

fn row(what: &str, times: &mut [Duration], baseline: &mut [Duration]) {
    let (p50, p99) = spread(times);
    let (b50, b99) = spread(baseline);
    println!(
        "| {what} | {} | {} | {} | {} | {:.1}× |",
        ms(p50),
        ms(p99),
        ms(b50),
        ms(b99),
        p50.as_secs_f64() / b50.as_secs_f64()
    );
}

/// The raw baseline on SQLite: one row inserted and committed, synchronous=FULL, WAL.
async fn sqlite_baseline(dir: &std::path::Path) -> Result<Vec<Duration>> {
    use sqlx::Connection;
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(dir.join("baseline.sqlite3"))
        .create_if_missing(true)
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
        .synchronous(sqlx::sqlite::SqliteSynchronous::Full);
    let mut conn = sqlx::SqliteConnection::connect_with(&options).await?;
    sqlx::query("CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT UNIQUE, v INTEGER)")
        .execute(&mut conn)
        .await?;
    let mut times = Vec::with_capacity(SALES);
    for i in 0..SALES {
        let started = Instant::now();
        sqlx::query("INSERT INTO t (k, v) VALUES ($1, $2)")
            .bind(format!("k{i}"))
            .bind(1250_i64)
            .execute(&mut conn)
            .await?;
        times.push(started.elapsed());
    }
    Ok(times)
}

/// The raw baseline on the server: one row inserted and committed.
async fn server_baseline(server: &ServerSettings) -> Result<Vec<Duration>> {
    use sqlx::Connection;
    let mut options = sqlx::postgres::PgConnectOptions::new()
        .port(server.port)
        .username(&server.user)
        .password(&server.password)
        .database(&server.database);
    options = if server.host.starts_with('/') {
        options.socket(&server.host)
    } else {
        options.host(&server.host)
    };
    let mut conn = sqlx::PgConnection::connect_with(&options).await?;
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS baseline (id BIGSERIAL PRIMARY KEY, k TEXT UNIQUE, v BIGINT)",
    )
    .execute(&mut conn)
    .await?;
    let mut times = Vec::with_capacity(SALES);
    for i in 0..SALES {
        let started = Instant::now();
        sqlx::query("INSERT INTO baseline (k, v) VALUES ($1, $2)")
            .bind(format!("k{}-{i}", server.host.len()))
            .bind(1250_i64)
            .execute(&mut conn)
            .await?;
        times.push(started.elapsed());
    }
    Ok(times)
}

/// The folder holding the server's Unix socket, if it is on this machine.
fn socket_dir(port: u16) -> Option<String> {
    ["/var/run/postgresql", "/tmp"]
        .into_iter()
        .find(|dir| std::path::Path::new(&format!("{dir}/.s.PGSQL.{port}")).exists())
        .map(str::to_string)
}

#[tokio::main]
async fn main() -> Result<()> {
    let dir = tempfile::tempdir()?;
    println!("| store | log p50 | log p99 | raw insert p50 | raw insert p99 | p50 / raw |");
    println!("|---|---|---|---|---|---|");

    let file = Desk::open_with_clock(&dir.path().join("file"), Clock::system()).await?;
    let code = ready(&file).await?;
    log_sales(&file, &code, "warm-up", 20).await?;
    let mut times = log_sales(&file, &code, "file", SALES).await?;
    let mut baseline = sqlite_baseline(dir.path()).await?;
    row(
        "SQLite file (WAL, synchronous FULL)",
        &mut times,
        &mut baseline,
    );
    file.close().await;

    let tcp = new_server_database().await;
    {
        let mut admin = testing::server_admin_connection(&tcp.database).await;
        let fsync: String = sqlx::query_scalar("SHOW fsync")
            .fetch_one(&mut admin)
            .await?;
        let commit: String = sqlx::query_scalar("SHOW synchronous_commit")
            .fetch_one(&mut admin)
            .await?;
        println!("(server: fsync {fsync}, synchronous_commit {commit})");
    }
    let mut places = vec![("PostgreSQL, loopback TCP", tcp.clone())];
    if let Some(socket) = socket_dir(tcp.port) {
        places.push((
            "PostgreSQL, Unix socket",
            ServerSettings {
                host: socket,
                ..tcp.clone()
            },
        ));
    }
    for (what, server) in &places {
        // The socket may take only the operating system's own user (peer authentication).
        let desk = match Desk::open_server(&dir.path().join("till"), server, Clock::system()).await
        {
            Ok(desk) => desk,
            Err(err) => {
                println!("| {what} | not measured: {err} | | | | |");
                continue;
            }
        };
        // The socket run reuses the database (and the partner) the TCP run set up.
        let code = if what.contains("TCP") {
            ready(&desk).await?
        } else {
            ready_again(&desk).await?
        };
        log_sales(&desk, &code, &format!("warm-up {what}"), 20).await?;
        let mut times = log_sales(&desk, &code, what, SALES).await?;
        let mut baseline = server_baseline(server).await?;
        row(what, &mut times, &mut baseline);
        desk.close().await;
    }

    // Four tills at once, each a desk (its own pool) on the same server and partner.
    let code = {
        let desk = Desk::open_server(&dir.path().join("till"), &tcp, Clock::system()).await?;
        let code = ready_again(&desk).await?;
        desk.close().await;
        code
    };
    let started = Instant::now();
    let mut tills = tokio::task::JoinSet::new();
    for n in 0..TILLS {
        let (server, code, folder) = (tcp.clone(), code.clone(), dir.path().join("till"));
        tills.spawn(async move {
            let desk = Desk::open_server(&folder, &server, Clock::system()).await?;
            let times = log_sales(&desk, &code, &format!("till {n}"), SALES / TILLS).await;
            desk.close().await;
            times
        });
    }
    let mut all = Vec::new();
    while let Some(done) = tills.join_next().await {
        all.extend(done??);
    }
    let elapsed = started.elapsed();
    let (p50, p99) = spread(&mut all);
    println!(
        "\nFour tills at once on one partner over TCP: {} sales in {:.2} s ({:.0} a second), \
         each p50 {} p99 {}.",
        all.len(),
        elapsed.as_secs_f64(),
        all.len() as f64 / elapsed.as_secs_f64(),
        ms(p50),
        ms(p99)
    );
    Ok(())
}

/// The code the first server run issued, found again on the same database.
async fn ready_again(desk: &Desk) -> Result<String> {
    let partners = desk.partners(&Default::default()).await?;
    let partner = partners.first().ok_or("no partner")?;
    let codes = desk.codes_for(partner.id).await?;
    Ok(codes.first().ok_or("no code")?.printed.clone())
}
