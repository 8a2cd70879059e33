//! The append-only `audit_log` table.

use super::Conn;
use crate::on;
use sqlx::FromRow;

use super::{from_millis, to_millis};
use crate::audit::{AuditEntry, NewAuditEntry};
use crate::ids::PersonId;

#[derive(FromRow)]
struct AuditRow {
    id: i64,
    at: i64,
    actor: String,
    actor_id: Option<PersonId>,
    entity: String,
    entity_id: i64,
    action: String,
    before_json: Option<String>,
    after_json: Option<String>,
}

/// Appends one entry.
pub async fn append(conn: &mut Conn, e: &NewAuditEntry<'_>) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query(
        "INSERT INTO audit_log (at, actor, actor_id, entity, entity_id, action, before_json,
             after_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(to_millis(e.at))
    .bind(e.actor)
    .bind(e.actor_id)
    .bind(e.entity.as_str())
    .bind(e.entity_id)
    .bind(e.action)
    .bind(e.before.as_ref().map(ToString::to_string))
    .bind(e.after.as_ref().map(ToString::to_string))
    .execute(db)
    .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// Every entry about one record, oldest first.
pub async fn for_entity(
    conn: &mut Conn,
    entity: &str,
    entity_id: i64,
) -> sqlx::Result<Vec<AuditEntry>> {
    let rows: Vec<AuditRow> = on!(conn, db => sqlx::query_as(
        "SELECT id, at, actor, actor_id, entity, entity_id, action, before_json, after_json
         FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id",
    )
    .bind(entity)
    .bind(entity_id)
    .fetch_all(db)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|r| AuditEntry {
            id: r.id,
            at: from_millis(r.at),
            actor: r.actor,
            actor_id: r.actor_id,
            entity: r.entity,
            entity_id: r.entity_id,
            action: r.action,
            before: r.before_json.and_then(|j| serde_json::from_str(&j).ok()),
            after: r.after_json.and_then(|j| serde_json::from_str(&j).ok()),
        })
        .collect())
}
