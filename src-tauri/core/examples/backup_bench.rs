//! How long a verified backup takes and how large it is, on the demo data and on 100,000
//! redemptions, beside two raw baselines measured on the same file in the same run: a bare
//! `VACUUM INTO` with plain sqlx (no check, no rename) and a plain file copy.
//!
//! `cargo run --release -p partnerdesk-core --example backup_bench [-- ROWS]`

#[path = "support/fill.rs"]
mod fill;

use std::path::Path;
use std::time::{Duration, Instant};

use partnerdesk_core::backups::BackupReason;
use partnerdesk_core::Desk;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};

const RUNS: usize = 5;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn measure(desk: &Desk, label: &str) -> Result<(), Box<dyn std::error::Error>> {
    let scratch = tempfile::tempdir()?;
    let (mut ours, mut vacuum, mut copy, mut check) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut size = 0;
    let opts = SqliteConnectOptions::new().filename(desk.db_path());
    let mut conn = SqliteConnection::connect_with(&opts).await?;
    for run in 0..RUNS {
        let start = Instant::now();
        let backup = desk.back_up(BackupReason::Manual).await?;
        ours.push(start.elapsed());
        size = backup.size_bytes;

        let raw = scratch.path().join(format!("raw-{run}.sqlite3"));
        let start = Instant::now();
        sqlx::query("VACUUM INTO $1")
            .bind(raw.to_string_lossy().into_owned())
            .execute(&mut conn)
            .await?;
        vacuum.push(start.elapsed());

        // What the verified backup adds: the full integrity check of the copy.
        let ro = SqliteConnectOptions::new().filename(&raw).read_only(true);
        let mut copy_conn = SqliteConnection::connect_with(&ro).await?;
        let start = Instant::now();
        let ok: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&mut copy_conn)
            .await?;
        check.push(start.elapsed());
        assert_eq!(ok, "ok");
        copy_conn.close().await?;

        let copied = scratch.path().join(format!("copy-{run}.sqlite3"));
        let start = Instant::now();
        std::fs::copy(desk.db_path(), &copied)?;
        copy.push(start.elapsed());
    }
    conn.close().await?;
    let redemptions = desk.contents().await?.redemptions;
    let ours = median(ours);
    let vacuum = median(vacuum);
    println!(
        "{label}: {redemptions} redemptions, backup {:.1} MB; verified backup {:.1} ms, \
         raw VACUUM INTO {:.1} ms ({:.1}x) + raw integrity_check {:.1} ms, plain file copy \
         {:.1} ms (median of {RUNS})",
        size as f64 / 1e6,
        ms(ours),
        ms(vacuum),
        ms(ours) / ms(vacuum).max(0.001),
        ms(median(check)),
        ms(median(copy)),
    );
    let restore_from = desk.backups().await.remove(0).path;
    let start = Instant::now();
    let restored = desk.restore(&restore_from).await?;
    println!(
        "{label}: restore (checks, before-restore backup, swap, reopen) {:.1} ms",
        ms(start.elapsed())
    );
    restored.close().await;
    Ok(())
}

async fn open(dir: &Path) -> Result<Desk, Box<dyn std::error::Error>> {
    Ok(Desk::open(dir).await?)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rows: i64 = std::env::args().nth(1).map_or(Ok(100_000), |a| a.parse())?;
    let dir = tempfile::tempdir()?;
    let desk = open(dir.path()).await?;
    desk.load_demo().await?;
    measure(&desk, "demo").await?;

    let desk = open(dir.path()).await?;
    let opts = SqliteConnectOptions::new().filename(desk.db_path());
    let mut conn = SqliteConnection::connect_with(&opts).await?;
    fill::fill_redemptions(&mut conn, rows, desk.clock().today()).await?;
    conn.close().await?;
    measure(&desk, "bench").await?;
    Ok(())
}
