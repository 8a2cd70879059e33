//! Shared by the benches: copies of the demo's first redemption spread over the year before
//! `to`, as the till would log them, in one transaction so the insert is quick. The limit
//! trigger does not apply to the unlimited poster code they use.

use chrono::{Days, NaiveDate};
use sqlx::{Connection, SqliteConnection};

/// Adds `rows` redemptions to the demo database behind `conn`.
pub async fn fill_redemptions(
    conn: &mut SqliteConnection,
    rows: i64,
    to: NaiveDate,
) -> Result<(), Box<dyn std::error::Error>> {
    let poster: i64 =
        sqlx::query_scalar("SELECT id FROM referral_codes WHERE redemption_limit IS NULL LIMIT 1")
            .fetch_one(&mut *conn)
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
    Ok(())
}
