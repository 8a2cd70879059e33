//! Times rendering the demo's signed agreement (2 pages): `cargo run --release -p
//! partnerdesk-core --example render_agreement`. Prints the median and worst of 200 renders,
//! beside the time to load the same version from SQLite, as a baseline on a noisy machine.

use std::time::{Duration, Instant};

use partnerdesk_core::Desk;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("partnerdesk-bench-{}", std::process::id()));
    let desk = Desk::open(&dir).await?;
    desk.load_demo().await?;
    let partners = desk.partners(&Default::default()).await?;
    let bakery = partners
        .iter()
        .find(|p| p.name == "Crumb & Co. Bakery")
        .ok_or("no bakery")?;
    let version = desk.agreement_versions(bakery.id).await?.remove(0);

    let (mut load, mut render) = (Vec::new(), Vec::new());
    let mut bytes = 0;
    for _ in 0..200 {
        let t = Instant::now();
        desk.agreement_version(version.id).await?;
        load.push(t.elapsed());
        let t = Instant::now();
        bytes = desk.agreement_pdf(version.id, None).await?.bytes.len();
        render.push(t.elapsed());
    }
    println!("load version from SQLite: median {:?}", median(load));
    println!(
        "render 2-page agreement: median {:?}, worst {:?}, {bytes} bytes",
        median(render.clone()),
        render.iter().max().copied().unwrap_or_default()
    );
    desk.close().await;
    std::fs::remove_dir_all(dir)?;
    Ok(())
}
