//! The owner's goals for the program and how far along they are.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::pace::{pace, GoalPace};
use super::revenue::parse_month;
use super::share::revenue_share;
use crate::audit::AuditEntity;
use crate::clock::Clock;
use crate::desk::Actor;
use crate::error::{Field, FieldError, Problem};
use crate::ids::GoalId;
use crate::ledger::month_of;
use crate::limits;
use crate::money::parse_decimal;
use crate::store::from_millis;
use crate::store::goals::{self, GoalRow};
use crate::store::program;
use crate::terms::{percent, Percent};
use crate::text::long_date;
use crate::transact::Tx;
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

/// A goal and how far the program is towards it, measured over the goal's own window:
/// from the month it was set through its month.
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
    /// Against a straight line from the day it was set to the end of its month.
    pub pace: GoalPace,
    /// The pace in words, e.g. "On track: a straight line from 18 November 2026 to 20 % by
    /// the end of June 2027 is at 0.47 % today".
    pub pace_text: String,
}

/// A goal as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Goal {
    pub id: GoalId,
    pub kind: GoalKind,
    /// Hundredths of a percent, or customers.
    pub target: i64,
    /// The first day of the goal's month.
    pub by: NaiveDate,
    /// The shop's day the goal was set: where its straight line starts.
    pub set_on: NaiveDate,
}

impl Goal {
    /// A stored goal, if its kind and month read back; its day set on `clock`'s calendar.
    pub(super) fn from_row(row: &GoalRow, clock: &Clock) -> Option<Self> {
        Some(Goal {
            id: row.id,
            kind: GoalKind::parse(&row.kind)?,
            target: row.target,
            by: NaiveDate::parse_from_str(&format!("{}-01", row.by_month), "%Y-%m-%d").ok()?,
            set_on: clock.day_of(from_millis(row.created_at)),
        })
    }

    /// The days the goal is measured over: whole months, from the one it was set in
    /// through its own. Whole months, because the share of revenue divides by months of
    /// the shop's revenue, and a per-month goal counts months.
    pub(crate) fn window(&self) -> (NaiveDate, NaiveDate) {
        (month_of(self.set_on).0, month_of(self.by).1)
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

    /// Progress on `today`, the goal having reached `reached` (hundredths of a percent, or
    /// customers) as `current` says in words.
    pub(crate) fn progress(
        &self,
        reached: i64,
        current: String,
        today: NaiveDate,
        locale: &str,
    ) -> GoalProgress {
        let end = self.window().1;
        let p = pace(reached, self.target, self.set_on, end, today);
        let amount = |n: i64| match self.kind {
            GoalKind::RevenueShare => percent(Percent(n), locale),
            GoalKind::NewCustomersPerMonth if n == 1 => "1 new customer a month".to_string(),
            GoalKind::NewCustomersPerMonth => format!("{n} new customers a month"),
        };
        let month = self.by.format("%B %Y");
        let line = |verdict: &str, at: i64| {
            format!(
                "{verdict}: a straight line from {} to {} by the end of {month} is at {} today",
                long_date(self.set_on),
                amount(self.target),
                amount(at)
            )
        };
        let pace_text = match (p.pace, p.line_today) {
            (GoalPace::Met, _) => "Met".to_string(),
            (GoalPace::Missed, _) => format!("Missed: {month} is over"),
            (GoalPace::OnTrack, at) => line("On track", at.unwrap_or(0)),
            (GoalPace::Behind, at) => line("Behind", at.unwrap_or(0)),
        };
        GoalProgress {
            id: self.id,
            kind: self.kind,
            title: self.title(locale),
            current,
            percent_done: (reached * 100 / self.target).clamp(0, 100),
            met: reached >= self.target,
            pace: p.pace,
            pace_text,
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
        self.transact(actor, async |tx| self.add_goal_in(tx, input).await)
            .await
    }

    /// [`Desk::add_goal`] inside `tx`, by the transaction's actor.
    pub(crate) async fn add_goal_in(&self, tx: &mut Tx<'_>, input: &GoalInput) -> Result<GoalId> {
        let actor = tx.actor();
        let (kind, target, by) = parse(input)?;
        let id = goals::insert(tx, (kind.as_str(), target, &by), None, self.now(), actor).await?;
        tx.audit(
            AuditEntity::Goal,
            id,
            "set",
            None::<&()>,
            Some(&(kind, target, &by)),
        )
        .await?;
        Ok(id)
    }

    /// The goals not archived: those the dashboard tracks.
    pub(crate) async fn goals(&self) -> Result<Vec<Goal>> {
        let mut conn = self.pools.reader.acquire().await?;
        let rows = goals::active(&mut conn).await?;
        Ok(rows
            .iter()
            .filter_map(|row| Goal::from_row(row, self.clock()))
            .collect())
    }

    /// How far each goal the dashboard tracks has come, each over its own window, in
    /// `cur`: the share of revenue over the window's months with the shop's revenue
    /// entered; new customers in the current month, or in the goal's month once it is over.
    pub(crate) async fn goal_progress(
        &self,
        cur: iso_currency::Currency,
        locale: &str,
    ) -> Result<Vec<GoalProgress>> {
        let today = self.today();
        let goals = self.goals().await?;
        let mut conn = self.pools.reader.acquire().await?;
        let mut shown = Vec::with_capacity(goals.len());
        for goal in goals {
            let (start, end) = goal.window();
            let (reached, current) = match goal.kind {
                GoalKind::RevenueShare => {
                    let share = revenue_share(&mut conn, (start, end), cur, locale).await?;
                    let current = share.hundredths.map_or_else(
                        || {
                            format!(
                                "Enter the shop's monthly revenue from {} to see the share",
                                start.format("%B %Y")
                            )
                        },
                        |s| format!("{} so far", percent(Percent(s), locale)),
                    );
                    (share.hundredths.unwrap_or(0), current)
                }
                GoalKind::NewCustomersPerMonth => {
                    let month = month_of(today.min(end));
                    let rows = program::paid_by_month(&mut conn, month, cur).await?;
                    let n = limits::total(rows.iter().map(|r| r.new_customers))?;
                    let noun = if n == 1 { "customer" } else { "customers" };
                    let current = if month == month_of(today) {
                        format!("{n} new {noun} this month")
                    } else {
                        format!("{n} new {noun} in {}", month.0.format("%B %Y"))
                    };
                    (n, current)
                }
            };
            shown.push(goal.progress(reached, current, today, locale));
        }
        Ok(shown)
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
            set_on: NaiveDate::from_ymd_opt(2026, 11, 18).expect("day"),
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
