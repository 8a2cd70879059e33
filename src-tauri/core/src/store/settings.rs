//! The `settings` table: this installation's own values, such as the till's name.

use super::Conn;
use crate::on;

/// A setting's value, if set.
pub async fn setting(conn: &mut Conn, key: &str) -> sqlx::Result<Option<String>> {
    on!(conn, db => sqlx::query_scalar("SELECT value FROM settings WHERE key = $1")
        .bind(key)
        .fetch_optional(db)
        .await)
}

/// Sets a setting.
pub async fn set_setting(conn: &mut Conn, key: &str, value: &str) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query(
        "INSERT INTO settings (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(db)
    .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}
