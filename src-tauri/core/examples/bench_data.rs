//! Writes a benchmark database through the core's own paths (`partnerdesk_core::generator`)
//! into an empty data folder, once: a folder that already holds a generated file is kept.
//! The file gets one owner, Ada Owner with PIN 2468, as the end-to-end suite signs in.
//!
//! `cargo run --release -p partnerdesk-core --example bench_data -- DIR [small|million]`
//! (`make bench-data` writes the million into `target/bench-data/million`.)

use std::path::PathBuf;
use std::time::Instant;

use partnerdesk_core::generator::{generate, Spec};
use partnerdesk_core::people::PinChange;
use partnerdesk_core::Desk;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: bench_data DIR [small|million]")?);
    let spec = match args.next().as_deref() {
        None | Some("small") => Spec::SMALL,
        Some("million") => Spec::MILLION,
        Some(other) => return Err(format!("{other}: small or million").into()),
    };
    let done = dir.join("generated.txt");
    if done.exists() {
        with_owner(&Desk::open(&dir).await?).await?;
        println!(
            "{} is already generated: {}",
            dir.display(),
            std::fs::read_to_string(&done)?.trim()
        );
        return Ok(());
    }
    std::fs::create_dir_all(&dir)?;
    let desk = Desk::open(&dir).await?;
    if !desk.is_empty().await? {
        return Err(format!(
            "{} holds data that was not generated; use an empty folder",
            dir.display()
        )
        .into());
    }
    let start = Instant::now();
    let made = generate(&desk, &spec, &mut |line| eprintln!("{line}")).await?;
    let took = start.elapsed();
    let summary = format!(
        "{spec:?}: {} partners, {} codes, {} redemptions ({} voided), {} payouts, {} to {}, written in {:.1} s",
        made.partners,
        made.codes,
        made.redemptions,
        made.voided,
        made.payouts,
        made.first_day.map(|d| d.to_string()).unwrap_or_default(),
        made.last_day.map(|d| d.to_string()).unwrap_or_default(),
        took.as_secs_f64()
    );
    println!("{summary}");
    with_owner(&desk).await?;
    std::fs::write(done, summary)?;
    Ok(())
}

/// The owner the end-to-end suite signs in as, so the app starts at the lock screen (the
/// cold-start script times it to there).
async fn with_owner(desk: &Desk) -> Result<(), Box<dyn std::error::Error>> {
    if desk.needs_owner().await? {
        let pin = PinChange {
            pin: "2468".into(),
            pin_again: "2468".into(),
        };
        desk.create_first_owner("Ada Owner", &pin).await?;
    }
    Ok(())
}
