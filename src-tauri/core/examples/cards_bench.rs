//! Times rendering a 200-card referral sheet: `cargo run --release --example cards_bench`.
//! With a path argument it also writes the sheet there, for looking at it.

use std::time::Instant;

use partnerdesk_core::business::PaperSize;
use partnerdesk_core::documents::{render_card_sheet, Card, CardSheet};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paper = match std::env::args().nth(2).as_deref() {
        Some("letter") => PaperSize::Letter,
        _ => PaperSize::A4,
    };
    let cards = (0..200)
        .map(|i| Card {
            shop: "Bean There Coffee".into(),
            partner: "Café Müller · Łódź".into(),
            offer: if i % 3 == 1 { "A free almond croissant with any large coffee, min €5.00 — one per visit, while stocks last".into() } else { "10 % off, min €5.00".into() },
            code: format!("BAKERY-7K{:02}-X9A", i % 100),
            qr_payload: format!("7K{:02}X9A", i % 100),
            validity: "Valid 1 December 2026 – 31 January 2027".into(),
        })
        .collect();
    let sheet = CardSheet {
        paper,
        title: "Referral cards · Café Müller".into(),
        cards,
    };
    let mut times = Vec::new();
    let mut bytes = Vec::new();
    for _ in 0..7 {
        let start = Instant::now();
        bytes = render_card_sheet(&sheet)?;
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "200 cards ({} pages, {} KiB): median {:?}, fastest {:?}",
        200usize.div_ceil(10),
        bytes.len() / 1024,
        times[times.len() / 2],
        times[0]
    );
    if let Some(path) = std::env::args().nth(1) {
        std::fs::write(path, &bytes)?;
    }
    Ok(())
}
