//! The shop's whole revenue per month, entered by the owner so the dashboard can show the
//! partners' share of it. A figure is never overwritten: a second one for a month is a
//! correction, with a reason, and every figure before it stays in the month's history.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::{Field, FieldError, Problem};
use crate::limits::{at_most, units, ENTRY_MAX_UNITS};
use crate::money::{currency, format, Money};
use crate::store::revenue::{self, EntryRow, NewEntry};
use crate::store::{self, from_millis};
use crate::text::{in_years, line};
use crate::transact::Tx;
use crate::{Desk, Error, Result};

const REASON_MAX: usize = 500;

/// What the owner types to enter, or correct, a month's revenue.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RevenueInput {
    /// `YYYY-MM`.
    pub month: String,
    /// As the locale writes it: `12000` or `12.000,00`.
    pub amount: String,
    /// Why the figure changes; required once the month has one.
    #[serde(default)]
    pub reason: String,
}

/// One figure entered for a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RevenueEntry {
    pub amount: String,
    /// Why it replaced the figure before it; empty for a month's first figure.
    pub reason: String,
    pub at: DateTime<Utc>,
    pub by: String,
}

/// A month's revenue: the figure in force, and every figure entered for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MonthRevenue {
    /// `YYYY-MM`.
    pub month: String,
    /// E.g. "November 2026".
    pub label: String,
    /// The figure in force: the latest entered.
    pub amount: String,
    /// Every figure entered, the one in force first.
    pub history: Vec<RevenueEntry>,
}

/// A figure as the audit log keeps it.
#[derive(Serialize)]
struct Logged<'a> {
    month: &'a str,
    amount: &'a str,
    reason: &'a str,
}

impl<'a> Logged<'a> {
    fn of(month: &'a str, e: &'a RevenueEntry) -> Self {
        Logged {
            month,
            amount: &e.amount,
            reason: &e.reason,
        }
    }
}

/// `YYYY-MM` as a month input sends it.
pub(super) fn parse_month(text: &str) -> Result<String, FieldError> {
    Ok(first_day(text)?.format("%Y-%m").to_string())
}

fn first_day(text: &str) -> Result<NaiveDate, FieldError> {
    let first = format!("{}-01", text.trim());
    let day = NaiveDate::parse_from_str(&first, "%Y-%m-%d").map_err(|_| {
        FieldError::new(
            Field::Month,
            Problem::Malformed {
                expected: "a month like 2026-11",
            },
        )
    })?;
    in_years(Field::Month, day)
}

impl Desk {
    /// Enters the shop's whole revenue for a month. Once the month has a figure, a different
    /// one is a correction: it needs a reason, comes into force, and the old figure stays in
    /// the month's history. The same figure again changes nothing (a second Enter, a retry).
    pub async fn set_month_revenue(
        &self,
        input: &RevenueInput,
        actor: &Actor,
    ) -> Result<MonthRevenue> {
        self.transact(actor, async |tx| self.set_month_revenue_in(tx, input).await)
            .await
    }

    /// [`Desk::set_month_revenue`] inside `tx`, by the transaction's actor.
    pub(crate) async fn set_month_revenue_in(
        &self,
        tx: &mut Tx<'_>,
        input: &RevenueInput,
    ) -> Result<MonthRevenue> {
        let actor = tx.actor();
        let profile = store::business::get(tx)
            .await?
            .ok_or(Error::ProfileRequired)?;
        let locale = profile.locale.as_str();
        let cur = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let day = first_day(&input.month)?;
        let month = day.format("%Y-%m").to_string();
        let amount = Money::parse(Field::Amount, &input.amount, cur)?
            .ok_or(FieldError::new(Field::Amount, Problem::Empty))?;
        // A month's revenue may be zero (closed for the month), never more than the ceiling.
        let amount = at_most(
            Field::Amount,
            amount,
            units(ENTRY_MAX_UNITS, cur),
            locale,
            " of revenue per month: check the amount.",
        )?;
        let reason = line(Field::Reason, &input.reason, REASON_MAX)?;
        // The audit log keys a month's entries by the month as a number, 202611: its
        // entity id column holds integers, and entries before this version used 0.
        let key = i64::from(day.year()) * 100 + i64::from(day.month());
        let before = revenue::for_month(tx, &month).await?;
        if let Some(now) = before.first() {
            if (now.amount_minor, now.currency.as_str()) == (amount.minor, cur.code()) {
                return month_view(&month, before, locale);
            }
            if reason.is_empty() {
                return Err(FieldError::new(
                    Field::Reason,
                    Problem::Rule {
                        says: "This month already has a figure: say why it changes (the \
                               old figure stays in the history).",
                    },
                )
                .into());
            }
        }
        let entry = NewEntry {
            month: &month,
            currency: cur.code(),
            amount_minor: amount.minor,
            reason: &reason,
            at: self.now(),
            by: actor,
        };
        revenue::insert(tx, &entry).await?;
        let was = before.first().map(|e| entry_view(e, locale)).transpose()?;
        let after = month_view(&month, revenue::for_month(tx, &month).await?, locale)?;
        let action = if was.is_some() { "correct" } else { "set" };
        tx.audit(
            AuditEntity::MonthlyRevenue,
            key,
            action,
            was.as_ref().map(|e| Logged::of(&month, e)).as_ref(),
            after
                .history
                .first()
                .map(|e| Logged::of(&month, e))
                .as_ref(),
        )
        .await?;
        Ok(after)
    }

    /// Every month with revenue entered, the latest month first, each with its figure in
    /// force and its history.
    pub async fn month_revenues(&self) -> Result<Vec<MonthRevenue>> {
        let locale = self.require_profile().await?.locale;
        let mut conn = self.pools.reader.acquire().await?;
        let rows = revenue::all(&mut conn).await?;
        let mut months: Vec<(String, Vec<EntryRow>)> = Vec::new();
        for row in rows {
            match months.last_mut() {
                Some((month, entries)) if *month == row.month => entries.push(row),
                _ => months.push((row.month.clone(), vec![row])),
            }
        }
        months
            .into_iter()
            .map(|(month, entries)| month_view(&month, entries, &locale))
            .collect()
    }
}

/// A month from its entries, the one in force first.
fn month_view(month: &str, entries: Vec<EntryRow>, locale: &str) -> Result<MonthRevenue> {
    let history = entries
        .iter()
        .map(|e| entry_view(e, locale))
        .collect::<Result<Vec<_>>>()?;
    let label =
        first_day(month).map_or_else(|_| month.to_string(), |d| d.format("%B %Y").to_string());
    Ok(MonthRevenue {
        month: month.to_string(),
        label,
        amount: history
            .first()
            .map(|e| e.amount.clone())
            .unwrap_or_default(),
        history,
    })
}

/// A stored figure, written in its own currency (a file from elsewhere may hold another).
fn entry_view(e: &EntryRow, locale: &str) -> Result<RevenueEntry> {
    let cur = currency(&e.currency).ok_or_else(|| {
        Error::from(sqlx::Error::Decode(
            format!("revenue for {} in {:?}", e.month, e.currency).into(),
        ))
    })?;
    Ok(RevenueEntry {
        amount: format(Money::new(e.amount_minor, cur), locale),
        reason: e.reason.clone(),
        at: from_millis(e.entered_at),
        by: e.entered_by.clone(),
    })
}
