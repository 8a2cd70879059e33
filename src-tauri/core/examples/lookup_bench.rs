//! How long the counter's lookup takes on 100,000 issued codes, for a card typed right and
//! for each kind of slip (the typo search), beside a raw indexed lookup of one code as the
//! baseline; and how soon a text longer than any code is refused.
//!
//! `cargo run --release -p partnerdesk-core --example lookup_bench [-- CODES]`

use std::time::{Duration, Instant};

use partnerdesk_core::codes::{CodeOptions, LookupOutcome};
use partnerdesk_core::{Actor, Desk};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};

const RUNS: usize = 51;

/// Median time of `RUNS` lookups of `typed`, and the last answer's kind.
async fn time_lookup(desk: &Desk, typed: &str) -> (Duration, String) {
    let mut times = Vec::with_capacity(RUNS);
    let mut said = String::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let answer = desk.lookup_code(typed).await;
        times.push(start.elapsed());
        said = match answer {
            Ok(LookupOutcome::Mistyped {
                suggestion: Some(s),
                ..
            }) => format!("mistyped → {}", s.code),
            Ok(other) => format!("{other:?}").chars().take(40).collect(),
            Err(err) => format!("refused: {err}"),
        };
    }
    times.sort();
    (times[RUNS / 2], said)
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count: usize = std::env::args().nth(1).map_or(Ok(100_000), |a| a.parse())?;
    let dir = tempfile::tempdir()?;
    let desk = Desk::open(dir.path()).await?;
    desk.load_demo().await?;
    let opts = SqliteConnectOptions::new().filename(desk.db_path());
    let mut conn = SqliteConnection::connect_with(&opts).await?;
    let partner: i64 = sqlx::query_scalar(
        "SELECT partner_id FROM referral_codes WHERE redemption_limit IS NULL LIMIT 1",
    )
    .fetch_one(&mut conn)
    .await?;
    let partner = partnerdesk_core::partners::PartnerId(partner);
    let options = CodeOptions {
        with_prefix: true,
        ..Default::default()
    };
    let started = Instant::now();
    let mut card = None;
    let mut left = count;
    while left > 0 {
        let n = left.min(partnerdesk_core::codes::BATCH_MAX);
        let batch = desk
            .issue_batch(partner, n, &options, &Actor::owner(), &mut |_, _| {})
            .await?;
        card = batch.last().cloned();
        left -= n;
    }
    let card = card.ok_or("no codes issued")?;
    let total: i64 = sqlx::query_scalar("SELECT count(*) FROM referral_codes")
        .fetch_one(&mut conn)
        .await?;
    println!(
        "{total} codes issued in {:.1} s; timing lookups around {}",
        started.elapsed().as_secs_f64(),
        card.printed
    );

    // The baseline: one indexed read of the code's row, nothing else.
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM referral_codes WHERE code = $1")
            .bind(&card.code)
            .fetch_optional(&mut conn)
            .await?;
        std::hint::black_box(id);
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "{:<44} {:>10}",
        "raw indexed read of one code",
        ms(times[RUNS / 2])
    );

    let printed = &card.printed;
    let body_at = printed.len() - 3; // a body symbol in the last group
    let mut changed = printed.clone().into_bytes();
    changed[body_at] = if changed[body_at] == b'7' { b'8' } else { b'7' };
    let changed = String::from_utf8(changed)?;
    let dropped = format!("{}{}", &printed[..body_at], &printed[body_at + 1..]);
    let doubled = format!("{}{}", &printed[..=body_at], &printed[body_at..]);
    let worst = "7".repeat(64);
    let over = "7".repeat(65);
    let megabyte = "7".repeat(1 << 20);
    let cases: [(&str, &str); 8] = [
        ("card as printed", printed),
        ("a symbol changed, prefix typed", &changed),
        ("a symbol changed, lower case", &changed.to_lowercase()),
        ("a symbol dropped", &dropped),
        ("a symbol doubled, no dashes", &doubled.replace('-', "")),
        ("64 characters (longest searched)", &worst),
        ("65 characters (refused)", &over),
        ("1 MiB pasted (refused)", &megabyte),
    ];
    for (label, typed) in cases {
        let (median, said) = time_lookup(&desk, typed).await;
        println!("{label:<44} {:>10}  {said}", ms(median));
    }
    desk.close().await;
    Ok(())
}
