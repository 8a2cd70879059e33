//! Changing the owner's goals without losing what they were. Editing a goal archives it and
//! sets a new goal in its place; archiving takes a goal off the dashboard. Either way the
//! goal stays listed, with who changed it, when and why.

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::goals::{parse, Goal};
use super::{GoalInput, GoalKind};
use crate::audit::AuditEntity;
use crate::clock::Clock;
use crate::desk::Actor;
use crate::error::{Field, ProgramError};
use crate::ids::GoalId;
use crate::store::from_millis;
use crate::store::goals::{self, GoalRow};
use crate::text::line;
use crate::{Desk, Error, Result};

const REASON_MAX: usize = 500;

/// Why, when and by whom a goal was archived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoalArchive {
    pub at: DateTime<Utc>,
    pub by: String,
    /// As the owner gave it; may be empty.
    pub reason: String,
    /// The goal set in its place, when it was archived by editing it.
    pub replaced_by: Option<GoalId>,
}

/// A goal as the goals list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoalView {
    pub id: GoalId,
    pub kind: GoalKind,
    /// E.g. "20 % of revenue via partners by June 2027".
    pub title: String,
    /// As the goal form takes it back to edit: "20", "12.5", "40".
    pub target: String,
    /// `YYYY-MM`.
    pub by_month: String,
    pub set_at: DateTime<Utc>,
    pub set_by: String,
    /// The goal this one replaced, when it was set by editing that one.
    pub replaces: Option<GoalId>,
    /// Set once the goal is archived; the dashboard no longer tracks it.
    pub archived: Option<GoalArchive>,
}

impl Desk {
    /// Every goal: the active ones first, oldest first, then the archived ones, the latest
    /// archived first.
    pub async fn goals_list(&self) -> Result<Vec<GoalView>> {
        let locale = self.require_profile().await?.locale;
        let mut conn = self.pools.reader.acquire().await?;
        goals::all(&mut conn)
            .await?
            .into_iter()
            .map(|row| view(row, self.clock(), &locale))
            .collect()
    }

    /// Edits goal `id`: archives it and sets `input` as a new goal replacing it, so the goal
    /// as first set stays listed. The same values again change nothing.
    pub async fn update_goal(
        &self,
        id: GoalId,
        input: &GoalInput,
        actor: &Actor,
    ) -> Result<GoalView> {
        let (kind, target, by) = parse(input)?;
        let locale = self.require_profile().await?.locale;
        self.transact(actor, async |tx| {
            let row = active(tx, id).await?;
            let unchanged = (row.kind.as_str(), row.target, row.by_month.as_str())
                == (kind.as_str(), target, by.as_str());
            let before = view(row, self.clock(), &locale)?;
            if unchanged {
                return Ok(before);
            }
            goals::archive(tx, id, "", self.now(), actor).await?;
            let new_id = goals::insert(
                tx,
                (kind.as_str(), target, &by),
                Some(id),
                self.now(),
                actor,
            )
            .await?;
            let archived = view(fetch(tx, id).await?, self.clock(), &locale)?;
            let after = view(fetch(tx, new_id).await?, self.clock(), &locale)?;
            tx.audit(
                AuditEntity::Goal,
                id,
                "replace",
                Some(&before),
                Some(&archived),
            )
            .await?;
            tx.audit(
                AuditEntity::Goal,
                new_id,
                "edit",
                Some(&before),
                Some(&after),
            )
            .await?;
            Ok(after)
        })
        .await
    }

    /// Archives goal `id`, with the owner's reason if they gave one: the dashboard stops
    /// tracking it, and the goals list keeps it, marked.
    pub async fn archive_goal(&self, id: GoalId, reason: &str, actor: &Actor) -> Result<GoalView> {
        let reason = line(Field::Reason, reason, REASON_MAX)?;
        let locale = self.require_profile().await?.locale;
        self.transact(actor, async |tx| {
            let before = view(active(tx, id).await?, self.clock(), &locale)?;
            goals::archive(tx, id, &reason, self.now(), actor).await?;
            let after = view(fetch(tx, id).await?, self.clock(), &locale)?;
            tx.audit(
                AuditEntity::Goal,
                id,
                "archive",
                Some(&before),
                Some(&after),
            )
            .await?;
            Ok(after)
        })
        .await
    }
}

async fn fetch(conn: &mut crate::store::Conn, id: GoalId) -> Result<GoalRow> {
    Ok(goals::by_id(conn, id)
        .await?
        .ok_or(ProgramError::GoalNotFound(id))?)
}

/// Goal `id`, refused when it is archived: archived goals are history.
async fn active(conn: &mut crate::store::Conn, id: GoalId) -> Result<GoalRow> {
    let row = fetch(conn, id).await?;
    if row.archived_at.is_some() {
        let by = row.archived_by.unwrap_or_default();
        return Err(ProgramError::GoalArchived { by }.into());
    }
    Ok(row)
}

/// A stored goal for the list. The schema's CHECKs keep kind and month readable, so a row
/// that is not is a damaged file, reported rather than left out.
fn view(row: GoalRow, clock: &Clock, locale: &str) -> Result<GoalView> {
    let goal = Goal::from_row(&row, clock).ok_or_else(|| {
        Error::from(sqlx::Error::Decode(
            format!("goal {} ({:?} by {:?})", row.id, row.kind, row.by_month).into(),
        ))
    })?;
    let archived = match (row.archived_at, row.archived_by) {
        (Some(at), Some(by)) => Some(GoalArchive {
            at: from_millis(at),
            by,
            reason: row.archived_reason,
            replaced_by: row.replaced_by,
        }),
        _ => None,
    };
    Ok(GoalView {
        id: row.id,
        kind: goal.kind,
        title: goal.title(locale),
        target: goal.target_input(),
        by_month: row.by_month,
        set_at: from_millis(row.created_at),
        set_by: row.created_by,
        replaces: row.replaces,
        archived,
    })
}
