//! How long the Money dashboard takes on the demo data and on 100,000 redemptions, beside
//! a raw SQLite sum over the same rows as the baseline.
//!
//! `cargo run --release -p partnerdesk-core --example dashboard_bench [-- ROWS]`

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

    // Copies of the demo's first redemption spread over the year, as the till would log
    // them: one transaction, so the insert is quick; the limit trigger does not apply to
    // the unlimited poster code these use.
    let poster: i64 =
        sqlx::query_scalar("SELECT id FROM referral_codes WHERE redemption_limit IS NULL LIMIT 1")
            .fetch_one(&mut conn)
            .await?;
    let mut tx = conn.begin().await?;
    for i in 0..rows {
        let day = to - Days::new(u64::try_from(i % 365)?);
        sqlx::query(
            "INSERT INTO redemptions (idempotency_key, code_id, partner_id, agreement_version_id,
                 redeemed_at, local_day, currency, sale_minor, discount_minor, commission_minor,
                 offer_applied, new_customer, note, till, logged_by)
             SELECT $1, $2, partner_id, agreement_version_id, redeemed_at, $3, currency,
                 sale_minor + $4, discount_minor, commission_minor, 1, $5, '', till, logged_by
             FROM redemptions ORDER BY id LIMIT 1",
        )
        .bind(format!("bench-{i:08}"))
        .bind(poster)
        .bind(day.to_string())
        .bind(i % 1000)
        .bind(i % 3 == 0)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    measure(&desk, &mut conn, "bench", year).await;
    desk.close().await;
    Ok(())
}
