//! Entering what a partner owes us from their paper statement, reversing an entry, and
//! listing a partner's entries. Entries from a statement file come in through
//! [`crate::statements`], by the same [`enter`].

use chrono::NaiveDate;

use super::{Receivable, ReceivableInput, ReceivableView};
use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::{Field, FieldError, PartnerError, Problem, ReceivableError};
use crate::ids::{ReceivableId, StatementImportId};
use crate::limits::{at_most, units, ENTRY_MAX_UNITS};
use crate::money::Money;
use crate::partners::{Partner, PartnerId};
use crate::payouts::Reversal;
use crate::store::reversals::{self, Reversed};
use crate::store::{self, receivables};
use crate::text::{date, line, long_date, period_in_order, required};
use crate::transact::Tx;
use crate::{Desk, Error, Result};

const REFERENCE_MAX: usize = 120;
const REASON_MAX: usize = 500;
/// More customers than any statement period of a small shop could hold: a typo.
const CUSTOMERS_MAX: i64 = 1_000_000;
const ENTITY: AuditEntity = AuditEntity::Receivable;

/// One period of what a partner owes, checked, about to be entered.
pub(crate) struct Entry<'a> {
    pub partner: PartnerId,
    pub period: (NaiveDate, NaiveDate),
    pub customers: i64,
    pub amount: Money,
    pub reference: &'a str,
    pub import_id: Option<StatementImportId>,
}

impl Desk {
    /// Enters what `partner` owes us for a period, typed from their paper statement.
    pub async fn record_receivable(
        &self,
        partner: PartnerId,
        input: &ReceivableInput,
        actor: &Actor,
    ) -> Result<ReceivableView> {
        self.transact(actor, async |tx| {
            self.record_receivable_in(tx, partner, input).await
        })
        .await
    }

    /// [`Desk::record_receivable`] inside `tx`, by the transaction's actor.
    pub(crate) async fn record_receivable_in(
        &self,
        tx: &mut Tx<'_>,
        partner: PartnerId,
        input: &ReceivableInput,
    ) -> Result<ReceivableView> {
        let profile = store::business::get(tx)
            .await?
            .ok_or(Error::ProfileRequired)?;
        let cur = crate::money::currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let from = date(Field::PeriodFrom, &input.period_from)?
            .ok_or(FieldError::new(Field::PeriodFrom, Problem::Empty))?;
        let to = date(Field::PeriodTo, &input.period_to)?
            .ok_or(FieldError::new(Field::PeriodTo, Problem::Empty))?;
        period_in_order(from, to)?;
        if from > self.today() {
            let expected = "a period that has begun";
            return Err(FieldError::new(Field::PeriodFrom, Problem::Malformed { expected }).into());
        }
        let customers = customers(&input.customers)?;
        let amount = Money::parse(Field::Amount, &input.amount, cur)?
            .ok_or(FieldError::new(Field::Amount, Problem::Empty))?;
        if amount.minor < 0 {
            let expected = "zero or more, like 12.50";
            return Err(FieldError::new(Field::Amount, Problem::Malformed { expected }).into());
        }
        let amount = at_most(
            Field::Amount,
            amount,
            units(ENTRY_MAX_UNITS, cur),
            &profile.locale,
            " per statement: check the amount.",
        )?;
        let reference = line(Field::Reference, &input.reference, REFERENCE_MAX)?;
        let entry = Entry {
            partner,
            period: (from, to),
            customers,
            amount,
            reference: &reference,
            import_id: None,
        };
        let receivable = enter(tx, &entry, &profile.locale).await?;
        Ok(receivable.view(&profile.locale))
    }

    /// Reverses entry `id` for `reason`: it stays listed, marked, and no longer counts.
    pub async fn reverse_receivable(
        &self,
        id: ReceivableId,
        reason: &str,
        actor: &Actor,
    ) -> Result<ReceivableView> {
        let reason = required(Field::Reason, reason, REASON_MAX)?;
        let locale = self.require_profile().await?.locale;
        self.transact(actor, async |tx| {
            let before = fetch(tx, id).await?;
            if let Some(done) = &before.reversal {
                return Err(ReceivableError::AlreadyReversed {
                    by: done.by.clone(),
                    reason: done.reason.clone(),
                }
                .into());
            }
            let reversal = Reversal {
                at: tx.now(),
                by: actor.name.clone(),
                reason,
            };
            reversals::insert(tx, Reversed::Receivable, id, &reversal, actor.person).await?;
            let after = fetch(tx, id).await?.view(&locale);
            tx.audit(
                ENTITY,
                id.0,
                "reverse",
                Some(&before.view(&locale)),
                Some(&after),
            )
            .await?;
            Ok(after)
        })
        .await
    }

    /// Every entry of what `partner` owes us, by period, reversed ones included.
    pub async fn receivables(&self, partner: PartnerId) -> Result<Vec<ReceivableView>> {
        let locale = self.require_profile().await?.locale;
        let mut conn = self.pools.reader.acquire().await?;
        let all = receivables::receivables_of(&mut conn, partner).await?;
        Ok(all.iter().map(|r| r.view(&locale)).collect())
    }
}

/// Enters `entry` inside `tx`, audited (amounts written for `locale`): refused when the partner is unknown or the same
/// period is already entered and not reversed (a period counts once, however it came).
pub(crate) async fn enter(tx: &mut Tx<'_>, entry: &Entry<'_>, locale: &str) -> Result<Receivable> {
    let partner = partner(tx, entry.partner).await?;
    if let Some(earlier) = receivables::live_for_period(tx, entry.partner, entry.period).await? {
        return Err(ReceivableError::PeriodEntered {
            partner: partner.name,
            period: period_words(entry.period),
            on: long_date(earlier.recorded_at.date_naive()),
        }
        .into());
    }
    let at = tx.now();
    let by = tx.actor().clone();
    let id = receivables::insert_receivable(
        tx,
        &receivables::NewReceivable {
            partner_id: entry.partner,
            period: entry.period,
            customers: entry.customers,
            amount: entry.amount,
            reference: entry.reference,
            import_id: entry.import_id,
            at,
            by: &by,
        },
    )
    .await?;
    let stored = fetch(tx, id).await?;
    tx.audit(
        ENTITY,
        id.0,
        "record",
        None::<&()>,
        Some(&stored.view(locale)),
    )
    .await?;
    Ok(stored)
}

/// "1–30 November 2026" style period words for messages.
pub(crate) fn period_words((from, to): (NaiveDate, NaiveDate)) -> String {
    if from == to {
        long_date(from)
    } else {
        format!("{} – {}", long_date(from), long_date(to))
    }
}

async fn partner(tx: &mut Tx<'_>, id: PartnerId) -> Result<Partner> {
    Ok(store::partners::get(tx, id)
        .await?
        .ok_or(PartnerError::NotFound(id))?)
}

async fn fetch(conn: &mut crate::store::Conn, id: ReceivableId) -> Result<Receivable> {
    receivables::receivable(conn, id)
        .await?
        .ok_or(ReceivableError::NotFound(id).into())
}

/// The number of customers as typed: a whole number, none for a blank.
fn customers(value: &str) -> Result<i64, FieldError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(0);
    }
    value
        .parse::<i64>()
        .ok()
        .filter(|n| (0..=CUSTOMERS_MAX).contains(n))
        .ok_or(FieldError::new(
            Field::Customers,
            Problem::OutOfRange {
                min: 0,
                max: CUSTOMERS_MAX,
            },
        ))
}
