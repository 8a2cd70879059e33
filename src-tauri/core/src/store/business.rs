//! The one-row `business_profile` table.

use super::Conn;
use crate::on;
use chrono::{DateTime, Utc};
use sqlx::FromRow;

use super::{from_millis, to_millis};
use crate::business::{BusinessProfile, ValidProfile};

#[derive(FromRow)]
struct ProfileRow {
    name: String,
    address: String,
    email: String,
    phone: String,
    tax_id: String,
    currency: String,
    locale: String,
    time_zone: String,
    opening_hours: String,
    directions: String,
    card_link: String,
    updated_at: i64,
}

/// The profile, once the first-run screen has saved it.
pub async fn get(conn: &mut Conn) -> sqlx::Result<Option<BusinessProfile>> {
    let row: Option<ProfileRow> = on!(conn, db => sqlx::query_as(
        "SELECT name, address, email, phone, tax_id, currency, locale, time_zone,
                opening_hours, directions, card_link, updated_at
         FROM business_profile WHERE id = 1",
    )
    .fetch_optional(db)
    .await)?;
    Ok(row.map(|r| BusinessProfile {
        name: r.name,
        address: r.address,
        email: r.email,
        phone: r.phone,
        tax_id: r.tax_id,
        currency: r.currency,
        locale: r.locale,
        time_zone: r.time_zone,
        opening_hours: r.opening_hours,
        directions: r.directions,
        card_link: r.card_link,
        updated_at: from_millis(r.updated_at),
    }))
}

/// Creates or replaces the profile.
pub async fn put(conn: &mut Conn, p: &ValidProfile, at: DateTime<Utc>) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query(
        "INSERT INTO business_profile
             (id, name, address, email, phone, tax_id, currency, locale, time_zone,
              opening_hours, directions, card_link, updated_at)
         VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO UPDATE SET
             name = excluded.name, address = excluded.address, email = excluded.email,
             phone = excluded.phone, tax_id = excluded.tax_id, currency = excluded.currency,
             locale = excluded.locale, time_zone = excluded.time_zone,
             opening_hours = excluded.opening_hours, directions = excluded.directions,
             card_link = excluded.card_link, updated_at = excluded.updated_at",
    )
    .bind(&p.name)
    .bind(&p.address)
    .bind(&p.email)
    .bind(&p.phone)
    .bind(&p.tax_id)
    .bind(&p.currency)
    .bind(&p.locale)
    .bind(&p.time_zone)
    .bind(&p.opening_hours)
    .bind(&p.directions)
    .bind(&p.card_link)
    .bind(to_millis(at))
    .execute(db)
    .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// Whether any amount is saved in the business currency: terms, redemptions, payouts,
/// program costs, a month's revenue, what a partner owes or paid us, or a campaign's
/// budget. After that, the currency can no longer change.
pub async fn amounts_saved(conn: &mut Conn) -> sqlx::Result<bool> {
    on!(conn, db => sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM agreement_versions)
             OR EXISTS (SELECT 1 FROM redemptions)
             OR EXISTS (SELECT 1 FROM payouts)
             OR EXISTS (SELECT 1 FROM program_costs)
             OR EXISTS (SELECT 1 FROM monthly_revenue)
             OR EXISTS (SELECT 1 FROM receivables)
             OR EXISTS (SELECT 1 FROM receipts)
             OR EXISTS (SELECT 1 FROM campaigns WHERE budget_minor IS NOT NULL)",
    )
    .fetch_one(db)
    .await)
}

/// The stored logo (a PNG), if one was chosen.
pub async fn logo(conn: &mut Conn) -> sqlx::Result<Option<Vec<u8>>> {
    let png: Option<Option<Vec<u8>>> = on!(conn, db => sqlx::query_scalar("SELECT logo_png FROM business_profile WHERE id = 1")
            .fetch_optional(db)
            .await)?;
    Ok(png.flatten())
}

/// Stores `png` as the logo, or removes it with `None`.
pub async fn set_logo(conn: &mut Conn, png: Option<&[u8]>) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query("UPDATE business_profile SET logo_png = $1 WHERE id = 1")
        .bind(png)
        .execute(db)
        .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}
