//! Pulls the plug on a busy till, over and over, and checks the ledger after every kill:
//! `cargo run -p partnerdesk-core --example crash_test --release -- --kills 20 [--dir D] [--seed N]`.
//!
//! The parent loads the demo and issues codes, then K times starts a child copy of itself
//! that logs redemptions as fast as it can, SIGKILLs it after a random 5–150 ms and reopens
//! the file. Every redemption the child confirmed must be there with its id, no key may be
//! stored twice, `PRAGMA integrity_check` must say "ok", and retrying the one attempt the
//! child started but never confirmed must replay it if it committed and log it once if not.

use std::collections::HashMap;
use std::error::Error;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use partnerdesk_core::codes::CodeOptions;
use partnerdesk_core::ledger::{LogOutcome, RedemptionInput};
use partnerdesk_core::{Actor, Desk};
use rand::{rngs::StdRng, Rng, SeedableRng};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};

type Res<T> = Result<T, Box<dyn Error>>;

const TILL: &str = "Till 1";
const CODES_FILE: &str = "crash-codes.txt";
/// Every fifth attempt uses the next single-use card, so kills also land inside the limit
/// check; once the cards are used up those attempts are refused, and must stay refused.
const SINGLE_EVERY: u64 = 5;
const SINGLE_CODES: usize = 40;

#[derive(Default)]
struct Args {
    child: bool,
    kills: u32,
    dir: Option<PathBuf>,
    seed: Option<u64>,
    start: u64,
}

fn parse_args() -> Res<Args> {
    let mut args = Args {
        kills: 20,
        ..Default::default()
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--child" => args.child = true,
            "--kills" => args.kills = value()?.parse()?,
            "--dir" => args.dir = Some(value()?.into()),
            "--seed" => args.seed = Some(value()?.parse()?),
            "--start" => args.start = value()?.parse()?,
            other => return Err(format!("unknown argument {other:?}").into()),
        }
    }
    Ok(args)
}

fn key(n: u64) -> String {
    format!("crash-{n:08}")
}

fn number(key: &str) -> Res<u64> {
    let digits = key.strip_prefix("crash-").ok_or("key without prefix")?;
    Ok(digits.parse()?)
}

/// Attempt `n`, with the same content every time it is sent, as a till's retry would be.
/// `codes[0]` is the unlimited code, the rest single-use cards.
fn attempt(n: u64, codes: &[String]) -> RedemptionInput {
    let code = if n.is_multiple_of(SINGLE_EVERY) {
        &codes[1 + (n / SINGLE_EVERY) as usize % (codes.len() - 1)]
    } else {
        &codes[0]
    };
    RedemptionInput {
        idempotency_key: key(n),
        code: code.clone(),
        sale: "12.50".into(),
        new_customer: true,
        note: String::new(),
        confirmed_large: false,
    }
}

/// Logs attempt `n`: `Some((id, replayed))`, or `None` when the code was refused.
async fn log(desk: &Desk, n: u64, codes: &[String]) -> Res<Option<(i64, bool)>> {
    let actor = Actor::named("crash-test");
    let outcome = desk
        .log_redemption(&attempt(n, codes), TILL, &actor)
        .await?;
    Ok(match outcome {
        LogOutcome::Logged {
            redemption: r,
            replayed,
        } => Some((r.id.0, replayed)),
        LogOutcome::Refused { .. } => None,
    })
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let result = match parse_args() {
        Ok(args) if args.child => child(args).await,
        Ok(args) => parent(args).await,
        Err(err) => Err(err),
    };
    if let Err(err) = result {
        eprintln!("crash test FAILED: {err}");
        std::process::exit(1);
    }
}

/// The till: logs attempt after attempt until it is killed.
async fn child(args: Args) -> Res<()> {
    let dir = args.dir.ok_or("--child needs --dir")?;
    let codes: Vec<String> = std::fs::read_to_string(dir.join(CODES_FILE))?
        .lines()
        .map(str::to_owned)
        .collect();
    let desk = Desk::open(&dir).await?;
    let mut out = std::io::stdout().lock();
    for n in args.start.. {
        // Announced before the call: a kill after this line may or may not have committed.
        writeln!(out, "TRY {}", key(n))?;
        out.flush()?;
        match log(&desk, n, &codes).await? {
            Some((id, false)) => writeln!(out, "OK {} {id}", key(n))?,
            Some((id, true)) => return Err(format!("fresh key {} replayed #{id}", key(n)).into()),
            None => writeln!(out, "NO {}", key(n))?,
        }
        out.flush()?;
    }
    Ok(())
}

/// What one child printed before it died.
#[derive(Default)]
struct Seen {
    confirmed: Vec<(String, i64)>,
    /// The attempt announced but never answered: it may or may not be in the file.
    pending: Option<u64>,
    highest: Option<u64>,
    refused: usize,
}

fn parse(lines: &[String]) -> Res<Seen> {
    let mut seen = Seen::default();
    for line in lines {
        let parts: Vec<&str> = line.split(' ').collect();
        let n = number(parts.get(1).ok_or_else(|| format!("bad line {line:?}"))?)?;
        match (parts.as_slice(), seen.pending) {
            (["TRY", _], None) => {
                seen.pending = Some(n);
                seen.highest = Some(n);
            }
            (["OK", k, id], Some(p)) if p == n => seen.confirmed.push((k.to_string(), id.parse()?)),
            (["NO", _], Some(p)) if p == n && n.is_multiple_of(SINGLE_EVERY) => seen.refused += 1,
            (_, pending) => return Err(format!("line {line:?} with {pending:?} open").into()),
        }
        if !line.starts_with("TRY") {
            seen.pending = None;
        }
    }
    Ok(seen)
}

/// Starts a child at attempt `start`, kills it after `delay`; its output and lifetime.
fn run_child(dir: &Path, start: u64, delay: Duration) -> Res<(Vec<String>, Duration)> {
    let began = Instant::now();
    let mut child = Command::new(std::env::current_exe()?)
        .args(["--child", "--start", &start.to_string(), "--dir"])
        .arg(dir)
        .stdout(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().ok_or("child has no stdout")?;
    // Read in a thread so a full pipe never stalls the child before the kill.
    let reader = std::thread::spawn(move || {
        let lines = BufReader::new(stdout).lines();
        lines.map_while(Result::ok).collect::<Vec<_>>()
    });
    std::thread::sleep(delay);
    child.kill()?; // SIGKILL: no destructors, no rollback, no checkpoint, like a power cut.
    let status = child.wait()?;
    let lifetime = began.elapsed();
    let lines = reader.join().map_err(|_| "stdout reader panicked")?;
    if let Some(code) = status.code() {
        return Err(format!("child exited by itself (code {code}) before the kill").into());
    }
    Ok((lines, lifetime))
}

/// Integrity and duplicate keys, checked with plain SQL on the file as the kill left it.
async fn raw_checks(db: &Path) -> Res<()> {
    let mut conn =
        SqliteConnection::connect_with(&SqliteConnectOptions::new().filename(db)).await?;
    let integrity: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut conn)
        .await?;
    let doubled: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT 1 FROM redemptions GROUP BY idempotency_key HAVING COUNT(*) > 1)",
    )
    .fetch_one(&mut conn)
    .await?;
    conn.close().await?;
    if integrity != ["ok"] {
        return Err(format!("integrity_check: {integrity:?}").into());
    }
    if doubled != 0 {
        return Err(format!("{doubled} idempotency keys stored more than once").into());
    }
    Ok(())
}

/// Everything the parent learned so far, across kills.
#[derive(Default)]
struct State {
    /// Key to id of every redemption a child or a retry confirmed.
    confirmed: HashMap<String, i64>,
    /// The first attempt number the next child uses.
    next: u64,
    child_confirmed: usize,
    refused: usize,
    committed: usize,
    not_committed: usize,
    integrity_ok: usize,
    lifetimes: Duration,
}

/// The test's directory, its database file and the codes (`codes[0]` unlimited).
struct Fixture {
    dir: PathBuf,
    db: PathBuf,
    codes: Vec<String>,
    /// The demo's own redemptions, there before any child ran.
    demo_rows: HashMap<String, i64>,
}

/// One kill: run a child for `delay`, then check the file and retry what it left open.
async fn round(fx: &Fixture, delay: Duration, st: &mut State) -> Res<()> {
    let (lines, lifetime) = run_child(&fx.dir, st.next, delay)?;
    st.lifetimes += lifetime;
    let seen = parse(&lines)?;
    st.child_confirmed += seen.confirmed.len();
    st.refused += seen.refused;
    st.next = seen.highest.map_or(st.next, |n| n + 1);
    raw_checks(&fx.db).await?;
    st.integrity_ok += 1;
    let desk = Desk::open(&fx.dir).await?;
    let checked = check(&desk, &seen, &fx.codes, st).await;
    desk.close().await; // so the next child is the only one holding the file
    checked
}

/// Checks the reopened desk against everything confirmed so far, then retries the
/// unconfirmed attempt twice: replayed if it had committed, logged once if not.
async fn check(desk: &Desk, seen: &Seen, codes: &[String], st: &mut State) -> Res<()> {
    let rows = desk.redemptions().await?;
    let by_key: HashMap<&str, i64> = rows
        .iter()
        .map(|r| (r.idempotency_key.as_str(), r.id.0))
        .collect();
    if by_key.len() != rows.len() {
        return Err("an idempotency key appears twice in the ledger".into());
    }
    st.confirmed.extend(seen.confirmed.iter().cloned());
    for (k, id) in &st.confirmed {
        if by_key.get(k.as_str()) != Some(id) {
            return Err(format!("confirmed {k} #{id} is {:?} now", by_key.get(k.as_str())).into());
        }
    }
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for r in &rows {
        *uses.entry(r.code.as_str()).or_default() += 1;
    }
    if let Some(card) = codes[1..].iter().find(|c| uses.get(c.as_str()) > Some(&1)) {
        return Err(format!("single-use card {card} redeemed more than once").into());
    }
    if let Some(n) = seen.pending {
        let k = key(n);
        let before = by_key.get(k.as_str()).copied();
        let first = log(desk, n, codes).await?;
        match (before, first) {
            (Some(id), Some((got, true))) if got == id => st.committed += 1,
            (None, Some((_, false))) => st.not_committed += 1,
            // Not committed, and its single-use card was already used up by an earlier attempt.
            (None, None) if n.is_multiple_of(SINGLE_EVERY) => st.not_committed += 1,
            _ => return Err(format!("retry of {k}: stored {before:?}, gave {first:?}").into()),
        }
        if let Some((id, _)) = first {
            st.confirmed.insert(k.clone(), id);
        }
        let again = log(desk, n, codes).await?;
        if again != first.map(|(id, _)| (id, true)) {
            return Err(format!("second retry of {k} gave {again:?} after {first:?}").into());
        }
    }
    // Every row is one a child or the retry confirmed: nothing extra, nothing doubled.
    let count = desk.redemptions().await?.len();
    if count != st.confirmed.len() {
        return Err(format!("{count} rows but {} confirmed", st.confirmed.len()).into());
    }
    Ok(())
}

/// Loads the demo and issues the codes once, in-process, and leaves the codes for children.
async fn setup(dir: PathBuf) -> Res<Fixture> {
    let desk = Desk::open(&dir).await?;
    desk.load_demo().await?;
    let partners = desk.partners(&Default::default()).await?;
    let bakery = partners.iter().find(|p| p.name == "Crumb & Co. Bakery");
    let bakery = bakery.ok_or("the demo has no bakery")?.id;
    let owner = Actor::owner();
    let mut options = CodeOptions {
        with_prefix: true,
        ..Default::default()
    };
    let unlimited = desk.issue_code(bakery, None, &options, &owner).await?;
    let mut codes = vec![unlimited.printed];
    options.redemption_limit = "1".into();
    let mut quiet = |_, _| {};
    let cards = desk.issue_batch(bakery, SINGLE_CODES, &options, &owner, &mut quiet);
    codes.extend(cards.await?.into_iter().map(|c| c.printed));
    std::fs::write(dir.join(CODES_FILE), codes.join("\n"))?;
    let rows = desk.redemptions().await?;
    let demo_rows = rows.into_iter().map(|r| (r.idempotency_key, r.id.0));
    let demo_rows = demo_rows.collect();
    let db = desk.db_path().to_path_buf();
    desk.close().await;
    Ok(Fixture {
        dir,
        db,
        codes,
        demo_rows,
    })
}

async fn parent(args: Args) -> Res<()> {
    let seed = args.seed.unwrap_or_else(rand::random);
    let temp = args.dir.is_none();
    let dir = args.dir.unwrap_or_else(|| {
        std::env::temp_dir().join(format!("partnerdesk-crash-{}-{seed}", std::process::id()))
    });
    if dir.exists() && std::fs::read_dir(&dir)?.next().is_some() {
        return Err(format!("{} is not empty; the test needs a fresh one", dir.display()).into());
    }
    let kills = args.kills;
    println!(
        "crash test: {kills} kills, seed {seed}, dir {}",
        dir.display()
    );
    let fx = setup(dir).await?;
    let mut rng = StdRng::seed_from_u64(seed);
    let mut st = State {
        confirmed: fx.demo_rows.clone(),
        ..Default::default()
    };
    let started = Instant::now();
    for r in 1..=kills {
        let delay = Duration::from_millis(rng.random_range(5..=150));
        if let Err(err) = round(&fx, delay, &mut st).await {
            let dir = fx.dir.display();
            return Err(format!("kill {r} of {kills}: {err} (files kept in {dir})").into());
        }
    }
    let (wall, mean) = (started.elapsed(), st.lifetimes / kills.max(1));
    println!(
        "crash test passed (seed {seed})
  kills:                              {kills}
  redemptions confirmed by children:  {}
  attempts refused (cards used up):   {}
  rows in DB:                         {} ({} of them the demo's)
  unconfirmed, committed before kill: {}
  unconfirmed, not committed:         {}
  integrity_check ok:                 {}/{kills}
  total wall time:                    {wall:.1?}
  mean child lifetime:                {mean:.1?}",
        st.child_confirmed,
        st.refused,
        st.confirmed.len(),
        fx.demo_rows.len(),
        st.committed,
        st.not_committed,
        st.integrity_ok,
    );
    if temp {
        std::fs::remove_dir_all(&fx.dir)?;
    }
    Ok(())
}
