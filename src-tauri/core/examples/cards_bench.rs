//! Times issuing 10,000 codes and rendering a 200-card sheet on the demo data:
//! `cargo run --release -p partnerdesk-core --example cards_bench [-- sheet.pdf]`.
//! A plain `SELECT COUNT(*)` over the same codes is printed as the baseline, so the figures
//! mean something on a noisy machine. With a path it also writes a 10-card demo sheet there.

use std::time::{Duration, Instant};

use partnerdesk_core::codes::{CodeId, CodeOptions};
use partnerdesk_core::{Actor, Desk};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("partnerdesk-cards-bench-{}", std::process::id()));
    let desk = Desk::open(&dir).await?;
    desk.load_demo().await?;
    let partners = desk.partners(&Default::default()).await?;
    let bakery = partners
        .iter()
        .find(|p| p.name == "Crumb & Co. Bakery")
        .ok_or("no bakery")?
        .id;
    let options = CodeOptions {
        redemption_limit: "1".into(),
        with_prefix: true,
        ..Default::default()
    };

    let start = Instant::now();
    let codes = desk
        .issue_batch(bakery, 10_000, &options, &Actor::owner(), &mut |_, _| {})
        .await?;
    println!(
        "issue 10,000 codes in one transaction: {:?}",
        start.elapsed()
    );
    let start = Instant::now();
    let listed = desk.codes_for(bakery).await?.len();
    println!(
        "baseline, list those {listed} codes back: {:?}",
        start.elapsed()
    );

    let ids: Vec<CodeId> = codes.iter().take(200).map(|c| c.id).collect();
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..7 {
        let start = Instant::now();
        size = desk.card_sheet_pdf(&ids, None).await?.bytes.len();
        times.push(start.elapsed());
    }
    println!(
        "render 200-card sheet (20 pages, {} KiB): median {:?}",
        size / 1024,
        median(times)
    );

    if let Some(path) = std::env::args().nth(1) {
        let ten: Vec<CodeId> = ids.iter().take(10).copied().collect();
        std::fs::write(path, desk.card_sheet_pdf(&ten, None).await?.bytes)?;
    }
    desk.close().await;
    std::fs::remove_dir_all(dir)?;
    Ok(())
}
