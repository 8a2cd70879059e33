//! The partner's side over a statement's period, for a two-way statement: their statement
//! periods ending in it, what they paid us in it, and what they owed at its start and end.

use chrono::{Days, NaiveDate};

use super::{Receipt, Receivable};
use crate::limits::total;
use crate::money::{currency, Money};
use crate::partners::PartnerId;
use crate::store::{self, receivables};
use crate::{Desk, Error, Result};

/// What a partner owed us over a period, in full.
#[derive(Debug, Clone)]
pub struct TheirPeriod {
    /// Their statement periods ending in the period, reversed ones included.
    pub receivables: Vec<Receivable>,
    /// What they paid us in the period, reversed ones included.
    pub receipts: Vec<Receipt>,
    /// The entries not reversed, summed.
    pub owed: Money,
    /// The receipts not reversed, summed.
    pub paid: Money,
    /// What they owed at the end of the day before the period.
    pub opening: Money,
    /// What they owed at the end of the period's last day.
    pub closing: Money,
}

impl Desk {
    /// `partner`'s side of a two-way account over days `from..=to`; `None` when the
    /// partnership is one-way (terms not reciprocal and no statement of theirs entered).
    pub async fn their_period(
        &self,
        partner: PartnerId,
        (from, to): (NaiveDate, NaiveDate),
    ) -> Result<Option<TheirPeriod>> {
        let profile = self.require_profile().await?;
        let cur = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let mut conn = self.pools.reader.acquire().await?;
        let all = receivables::receivables_of(&mut conn, partner).await?;
        let reciprocal = store::agreements::latest_started(&mut conn, partner, to)
            .await?
            .filter(|v| v.terms.effective_to.is_none_or(|end| end >= to))
            .is_some_and(|v| v.terms.reciprocal);
        if all.is_empty() && !reciprocal {
            return Ok(None);
        }
        let in_period: Vec<Receivable> = all
            .into_iter()
            .filter(|r| (from..=to).contains(&r.period.1))
            .collect();
        let receipts = receivables::receipts_of(&mut conn, partner, (from, to)).await?;
        let opening = match from.checked_sub_days(Days::new(1)) {
            Some(eve) => receivables::they_owe(&mut conn, partner, eve, cur, false).await?,
            None => 0,
        };
        let closing = receivables::they_owe(&mut conn, partner, to, cur, false).await?;
        let owed = total(
            in_period
                .iter()
                .filter(|r| r.reversal.is_none() && r.amount.currency == cur)
                .map(|r| r.amount.minor),
        )?;
        let paid = total(
            receipts
                .iter()
                .filter(|r| r.reversal.is_none() && r.amount.currency == cur)
                .map(|r| r.amount.minor),
        )?;
        Ok(Some(TheirPeriod {
            receivables: in_period,
            receipts,
            owed: Money::new(owed, cur),
            paid: Money::new(paid, cur),
            opening: Money::new(opening, cur),
            closing: Money::new(closing, cur),
        }))
    }
}
