//! The owner's goals for the program and how far along they are.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::revenue::parse_month;
use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::{Field, FieldError, Problem};
use crate::ids::GoalId;
use crate::money::parse_decimal;
use crate::store::goals::{self, GoalRow};
use crate::terms::{percent, Percent};
use crate::{Desk, Result};

/// What a goal measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum GoalKind {
    /// The share of the shop's revenue that partner-referred customers bring.
    RevenueShare,
    /// New customers via partners in one month.
    NewCustomersPerMonth,
}

impl GoalKind {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            GoalKind::RevenueShare => "revenue_share",
            GoalKind::NewCustomersPerMonth => "new_customers_per_month",
        }
    }

    pub(super) fn parse(text: &str) -> Option<Self> {
        [GoalKind::RevenueShare, GoalKind::NewCustomersPerMonth]
            .into_iter()
            .find(|k| k.as_str() == text)
    }
}

/// What the owner types to set a goal.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoalInput {
    pub kind: GoalKind,
    /// A percentage (`20`) or a number of customers (`40`).
    pub target: String,
    /// `YYYY-MM`.
    pub by_month: String,
}

/// A goal and how far the program is towards it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoalProgress {
    pub id: GoalId,
    pub kind: GoalKind,
    /// E.g. "20 % of revenue via partners by June 2027".
    pub title: String,
    /// E.g. "12.5 % so far" or "23 new customers this month".
    pub current: String,
    /// 0–100, for the progress bar.
    pub percent_done: i64,
    pub met: bool,
}

/// A goal as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Goal {
    pub id: GoalId,
    pub kind: GoalKind,
    /// Hundredths of a percent, or customers.
    pub target: i64,
    pub by: NaiveDate,
}

impl Goal {
    /// A stored goal, if its kind and month read back.
    pub(super) fn from_row(row: &GoalRow) -> Option<Self> {
        Some(Goal {
            id: row.id,
            kind: GoalKind::parse(&row.kind)?,
            target: row.target,
            by: NaiveDate::parse_from_str(&format!("{}-01", row.by_month), "%Y-%m-%d").ok()?,
        })
    }

    /// E.g. "20 % of revenue via partners by June 2027".
    pub(super) fn title(&self, locale: &str) -> String {
        let by = self.by.format("%B %Y");
        match self.kind {
            GoalKind::RevenueShare => format!(
                "{} of revenue via partners by {by}",
                percent(Percent(self.target), locale)
            ),
            GoalKind::NewCustomersPerMonth => {
                format!("{} new customers a month by {by}", self.target)
            }
        }
    }

    /// The target as the goal form takes it back: "20" or "12.5" (a percentage), "40".
    pub(super) fn target_input(&self) -> String {
        match self.kind {
            GoalKind::RevenueShare => rust_decimal::Decimal::new(self.target, 2)
                .normalize()
                .to_string(),
            GoalKind::NewCustomersPerMonth => self.target.to_string(),
        }
    }

    /// Progress given the share of revenue (hundredths of a percent, when revenue was
    /// entered) and this month's new customers.
    pub(crate) fn progress(
        &self,
        share: Option<i64>,
        new_this_month: i64,
        locale: &str,
    ) -> GoalProgress {
        let (reached, current) = match self.kind {
            GoalKind::RevenueShare => (
                share.unwrap_or(0),
                share.map_or(
                    "Enter your monthly revenue to see the share".to_string(),
                    |s| format!("{} so far", percent(Percent(s), locale)),
                ),
            ),
            GoalKind::NewCustomersPerMonth => (
                new_this_month,
                format!("{new_this_month} new customers this month"),
            ),
        };
        GoalProgress {
            id: self.id,
            kind: self.kind,
            title: self.title(locale),
            current,
            percent_done: (reached * 100 / self.target).clamp(0, 100),
            met: reached >= self.target,
        }
    }
}

/// A goal as typed, checked: its kind, its target (hundredths of a percent, or customers)
/// and its month, `YYYY-MM`.
pub(super) fn parse(input: &GoalInput) -> Result<(GoalKind, i64, String), FieldError> {
    let by = parse_month(&input.by_month)?;
    let target = match input.kind {
        GoalKind::RevenueShare => {
            let value = parse_decimal(Field::Target, &input.target, 2)?
                .ok_or(FieldError::new(Field::Target, Problem::Empty))?;
            let hundredths =
                i64::try_from((value * rust_decimal::Decimal::from(100)).trunc()).unwrap_or(0);
            if !(1..=10_000).contains(&hundredths) {
                return Err(FieldError::new(
                    Field::Target,
                    Problem::Between { min: 0, max: 100 },
                ));
            }
            hundredths
        }
        GoalKind::NewCustomersPerMonth => input
            .target
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=100_000).contains(n))
            .ok_or(FieldError::new(
                Field::Target,
                Problem::OutOfRange {
                    min: 1,
                    max: 100_000,
                },
            ))?,
    };
    Ok((input.kind, target, by))
}

impl Desk {
    /// Sets a goal for the program.
    // Still a bare number out: the shell's `add_goal` command returns `i64` (follow-up).
    pub async fn add_goal(&self, input: &GoalInput, actor: &Actor) -> Result<GoalId> {
        let (kind, target, by) = parse(input)?;
        self.transact(actor, async |tx| {
            let id =
                goals::insert(tx, (kind.as_str(), target, &by), None, self.now(), actor).await?;
            tx.audit(
                AuditEntity::Goal,
                id,
                "set",
                None::<&()>,
                Some(&(kind, target, &by)),
            )
            .await?;
            Ok(id)
        })
        .await
    }

    /// The goals not archived: those the dashboard tracks.
    pub(crate) async fn goals(&self) -> Result<Vec<Goal>> {
        let mut conn = self.pools.reader.acquire().await?;
        let rows = goals::active(&mut conn).await?;
        Ok(rows.iter().filter_map(Goal::from_row).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goal(kind: GoalKind, target: i64) -> Goal {
        Goal {
            id: GoalId(1),
            kind,
            target,
            by: NaiveDate::from_ymd_opt(2027, 6, 1).expect("day"),
        }
    }

    /// The form is filled with what the owner would type: an edit that changes nothing
    /// else must parse back to the same stored target.
    #[test]
    fn a_target_reads_back_as_the_form_takes_it() {
        for (kind, stored, typed) in [
            (GoalKind::RevenueShare, 2000, "20"),
            (GoalKind::RevenueShare, 1250, "12.5"),
            (GoalKind::RevenueShare, 1, "0.01"),
            (GoalKind::NewCustomersPerMonth, 40, "40"),
        ] {
            let back = goal(kind, stored).target_input();
            assert_eq!(back, typed);
            let input = GoalInput {
                kind,
                target: back,
                by_month: "2027-06".into(),
            };
            assert_eq!(parse(&input).expect("parses").1, stored);
        }
    }
}
