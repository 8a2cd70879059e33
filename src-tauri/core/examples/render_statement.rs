//! Writes the demo bakery's statement for this month, to look at:
//! `cargo run -p partnerdesk-core --example render_statement -- statement.pdf [extra]`.
//! On top of the demo's three redemptions it voids one, records a payout and a reversed
//! one, so every marking shows; `extra` more redemptions on the window-poster code (e.g. 120)
//! make the tables flow over several pages.

use chrono::{Datelike, Days, Months};
use partnerdesk_core::ledger::{RedemptionInput, VoidInput, DEFAULT_TILL};
use partnerdesk_core::payouts::PayoutInput;
use partnerdesk_core::terms::PayoutMethod;
use partnerdesk_core::{Actor, Desk};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "statement.pdf".to_string());
    let extra: usize = args.next().map(|n| n.parse()).transpose()?.unwrap_or(0);

    let dir = std::env::temp_dir().join(format!("partnerdesk-statement-{}", std::process::id()));
    let desk = Desk::open(&dir).await?;
    desk.load_demo().await?;
    let partners = desk.partners(&Default::default()).await?;
    let bakery = partners
        .iter()
        .find(|p| p.name == "Crumb & Co. Bakery")
        .ok_or("no bakery")?
        .id;
    let owner = Actor::owner();

    let poster = desk
        .codes_for(bakery)
        .await?
        .into_iter()
        .find(|c| c.redemption_limit.is_none())
        .ok_or("no poster code")?;
    for i in 0..extra {
        let input = RedemptionInput {
            idempotency_key: format!("example-{i}"),
            code: poster.printed.clone(),
            sale: format!("{}.{:02}", 5 + i % 20, (i * 37) % 100),
            new_customer: i % 3 == 0,
            note: String::new(),
            confirmed_large: false,
        };
        desk.log_redemption(&input, DEFAULT_TILL, &owner).await?;
    }

    let third = desk.redemptions().await?.get(2).ok_or("no redemption")?.id;
    let void = VoidInput {
        reason: "Rung up twice".into(),
        restore_use: false,
    };
    desk.void_redemption(third, &void, &owner).await?;
    let payout = |amount: &str, reference: &str| PayoutInput {
        paid_on: desk.clock().today().format("%Y-%m-%d").to_string(),
        amount: amount.into(),
        method: PayoutMethod::BankTransfer,
        reference: reference.into(),
        period_from: String::new(),
        period_to: String::new(),
        confirm_over_balance: true,
    };
    desk.record_payout(bakery, &payout("1.00", "TRF 2026-11 Crumb"), &owner)
        .await?;
    let wrong = desk
        .record_payout(bakery, &payout("0.40", "TRF 2026-11 Crumb (2)"), &owner)
        .await?;
    desk.reverse_payout(wrong.id, "Paid the wrong partner", &owner)
        .await?;

    let first = desk.clock().today().with_day(1).ok_or("no first day")?;
    let last = first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.checked_sub_days(Days::new(1)))
        .ok_or("no last day")?;
    let pdf = desk.statement_pdf(bakery, (first, last), None).await?;
    std::fs::write(&out, &pdf.bytes)?;
    println!("{} → {out} ({} bytes)", pdf.file_name, pdf.bytes.len());
    desk.close().await;
    std::fs::remove_dir_all(dir)?;
    Ok(())
}
