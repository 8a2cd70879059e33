//! The owner's goals. A goal is inserted once and may be archived once; a trigger refuses
//! every other change, so editing one is archiving it and inserting its replacement.

use super::Conn;
use crate::on;
use chrono::{DateTime, Utc};
use sqlx::FromRow;

use super::to_millis;
use crate::desk::Actor;
use crate::ids::GoalId;

/// A goal as stored, with the goal that replaced it when it was edited.
#[derive(Debug, Clone, FromRow)]
pub struct GoalRow {
    pub id: GoalId,
    pub kind: String,
    pub target: i64,
    pub by_month: String,
    pub created_at: i64,
    pub created_by: String,
    pub replaces: Option<GoalId>,
    pub archived_at: Option<i64>,
    pub archived_by: Option<String>,
    pub archived_reason: String,
    pub replaced_by: Option<GoalId>,
}

const SELECT: &str = "SELECT g.id, g.kind, g.target, g.by_month, g.created_at, g.created_by,
        g.replaces, g.archived_at, g.archived_by, g.archived_reason,
        (SELECT n.id FROM goals n WHERE n.replaces = g.id) AS replaced_by
    FROM goals g";

/// Stores a goal set by `by`, replacing the (already archived) goal `replaces` if given.
pub async fn insert(
    conn: &mut Conn,
    (kind, target, by_month): (&str, i64, &str),
    replaces: Option<GoalId>,
    at: DateTime<Utc>,
    by: &Actor,
) -> sqlx::Result<GoalId> {
    on!(conn, db => sqlx::query_scalar(
        "INSERT INTO goals (kind, target, by_month, created_at, created_by, created_by_id,
             replaces)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(kind)
    .bind(target)
    .bind(by_month)
    .bind(to_millis(at))
    .bind(&by.name)
    .bind(by.person)
    .bind(replaces)
    .fetch_one(db)
    .await)
}

/// Archives goal `id`, unless it already is (then nothing changes: the caller checked).
pub async fn archive(
    conn: &mut Conn,
    id: GoalId,
    reason: &str,
    at: DateTime<Utc>,
    by: &Actor,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query(
        "UPDATE goals SET archived_at = $2, archived_by = $3, archived_by_id = $4,
             archived_reason = $5
         WHERE id = $1 AND archived_at IS NULL",
    )
    .bind(id)
    .bind(to_millis(at))
    .bind(&by.name)
    .bind(by.person)
    .bind(reason)
    .execute(db)
    .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// One goal.
pub async fn by_id(conn: &mut Conn, id: GoalId) -> sqlx::Result<Option<GoalRow>> {
    let sql = format!("{SELECT} WHERE g.id = $1");
    on!(conn, db => sqlx::query_as(&sql).bind(id).fetch_optional(db).await)
}

/// Every goal: the active ones first, oldest first, then the archived ones, the latest
/// archived first.
pub async fn all(conn: &mut Conn) -> sqlx::Result<Vec<GoalRow>> {
    let sql = format!("{SELECT} ORDER BY g.archived_at IS NOT NULL, g.archived_at DESC, g.id");
    on!(conn, db => sqlx::query_as(&sql).fetch_all(db).await)
}

/// The goals not archived, oldest first: those the dashboard tracks.
pub async fn active(conn: &mut Conn) -> sqlx::Result<Vec<GoalRow>> {
    let sql = format!("{SELECT} WHERE g.archived_at IS NULL ORDER BY g.id");
    on!(conn, db => sqlx::query_as(&sql).fetch_all(db).await)
}
