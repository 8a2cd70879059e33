//! How long the Money dashboard takes on the demo data and on 100,000 redemptions, beside
//! a raw SQLite sum over the same rows as the baseline.
//!
//! `cargo run --release -p partnerdesk-core --example dashboard_bench [-- ROWS]`

#[path = "support/fill.rs"]
mod fill;

use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use partnerdesk_core::Desk;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};

/// Median of `runs` timings of `f`.
async fn median<F, Fut, T>(runs: usize, mut f: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = T>,
{
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        std::hint::black_box(f().await);
        times.push(start.elapsed());
    }
    times.sort();
    times[runs / 2]
}

async fn measure(
    desk: &Desk,
    conn: &mut SqliteConnection,
    label: &str,
    period: (NaiveDate, NaiveDate),
) {
    let dash = median(9, || desk.dashboard(period)).await;
    // The baseline borrows the connection mutably, so it is timed in a plain loop.
    let mut times = Vec::new();
    for _ in 0..9 {
        let start = Instant::now();
        let sums: (i64, i64) = sqlx::query_as(
            "SELECT count(*), coalesce(sum(sale_minor), 0) FROM redemptions
             WHERE local_day BETWEEN $1 AND $2",
        )
        .bind(period.0.to_string())
        .bind(period.1.to_string())
        .fetch_one(&mut *conn)
        .await
        .expect("baseline");
        std::hint::black_box(sums);
        times.push(start.elapsed());
    }
    times.sort();
    let raw = times[4];
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM redemptions")
        .fetch_one(&mut *conn)
        .await
        .expect("count");
    println!(
        "{label}: {rows} redemptions; dashboard for a year {:.1} ms (median of 9), raw count+sum {:.1} ms",
        dash.as_secs_f64() * 1000.0,
        raw.as_secs_f64() * 1000.0
    );
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rows: i64 = std::env::args().nth(1).map_or(Ok(100_000), |a| a.parse())?;
    let dir = tempfile::tempdir()?;
    let desk = Desk::open(dir.path()).await?;
    desk.load_demo().await?;
    let to = desk.clock().today();
    let year = (to - Days::new(364), to);
    let opts = SqliteConnectOptions::new().filename(desk.db_path());
    let mut conn = SqliteConnection::connect_with(&opts).await?;
    measure(&desk, &mut conn, "demo", year).await;

    fill::fill_redemptions(&mut conn, rows, to).await?;
    measure(&desk, &mut conn, "bench", year).await;
    desk.close().await;
    Ok(())
}
