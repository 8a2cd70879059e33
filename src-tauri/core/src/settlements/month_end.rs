//! The Month-end screen's figures: every partner with a balance either way, or with
//! anything in the period, both sides through the period's end, the net and its
//! direction, and when statements last went each way.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::{NetView, SettlementView};
use crate::limits::total;
use crate::money::{currency, format, Money};
use crate::partners::PartnerId;
use crate::store::{self, payouts, receivables, settlements};
use crate::{Desk, Error, Result};

/// One partner on the Month-end screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MonthEndRow {
    pub partner_id: PartnerId,
    pub name: String,
    /// Their terms say the reward runs both ways, or they have sent us a statement.
    pub two_way: bool,
    /// What we owe them for what they earned through the period's end, every payout
    /// subtracted. Never negative here: a partner paid ahead is owed nothing.
    pub we_owe: String,
    /// What they owe us for statement periods ending by then, every receipt subtracted.
    pub they_owe: String,
    pub net: NetView,
    /// The settlement form's amount to start from: the net as a form takes it (`10.00`).
    pub proposed_amount: String,
    /// When we last wrote them a statement.
    pub last_sent: Option<DateTime<Utc>>,
    /// The last day of the latest statement period we hold from them.
    pub last_received: Option<NaiveDate>,
    /// This period's settlement, while it stands.
    pub settlement: Option<SettlementView>,
    /// Whether "Settle" has anything to clear: a side owed and no settlement standing.
    pub settleable: bool,
}

/// Month-end for one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MonthEnd {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// By name.
    pub rows: Vec<MonthEndRow>,
    pub we_owe: String,
    pub they_owe: String,
    pub net: NetView,
}

impl Desk {
    /// Month-end for days `from..=to`.
    pub async fn month_end(&self, (from, to): (NaiveDate, NaiveDate)) -> Result<MonthEnd> {
        crate::text::period_in_order(from, to)?;
        let profile = self.require_profile().await?;
        let cur = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let locale = profile.locale.as_str();
        let settled = self.settlements_for((from, to)).await?;
        let mut conn = self.pools.reader.acquire().await?;
        let partners = store::partners::list(&mut conn, "", None).await?;
        let with_statements = receivables::partners_with_receivables(&mut conn).await?;
        let mut rows = Vec::new();
        let (mut we_total, mut they_total) = (0i64, 0i64);
        for partner in partners {
            let id = partner.id;
            let we_owe = payouts::owed_on(&mut conn, id, to, cur).await?.max(0);
            let they_owe = receivables::they_owe(&mut conn, id, to, cur, true)
                .await?
                .max(0);
            let settlement = settled.iter().find(|s| s.partner_id == id).cloned();
            let active = we_owe != 0
                || they_owe != 0
                || settlement.is_some()
                || settlements::active_in(&mut conn, id, (from, to)).await?;
            if !active {
                continue;
            }
            we_total = total([we_total, we_owe])?;
            they_total = total([they_total, they_owe])?;
            let reciprocal = store::agreements::latest_started(&mut conn, id, to)
                .await?
                .filter(|v| v.terms.effective_to.is_none_or(|end| end >= to))
                .is_some_and(|v| v.terms.reciprocal);
            let (we, they) = (Money::new(we_owe, cur), Money::new(they_owe, cur));
            let net = we_owe.saturating_sub(they_owe).saturating_abs();
            rows.push(MonthEndRow {
                partner_id: id,
                name: partner.name,
                two_way: reciprocal || with_statements.contains(&id),
                we_owe: format(we, locale),
                they_owe: format(they, locale),
                net: NetView::of(we, they, locale),
                proposed_amount: Money::new(net, cur).to_input(),
                last_sent: settlements::last_sent(&mut conn, id).await?,
                last_received: receivables::last_received(&mut conn, id).await?,
                settleable: settlement.is_none() && (we_owe > 0 || they_owe > 0),
                settlement,
            });
        }
        let (we, they) = (Money::new(we_total, cur), Money::new(they_total, cur));
        Ok(MonthEnd {
            from,
            to,
            rows,
            we_owe: format(we, locale),
            they_owe: format(they, locale),
            net: NetView::of(we, they, locale),
        })
    }

    /// The settlements standing for exactly `period`, one per partner at most in practice.
    async fn settlements_for(&self, period: (NaiveDate, NaiveDate)) -> Result<Vec<SettlementView>> {
        let mut conn = self.pools.reader.acquire().await?;
        let ids = settlements::partners_settled(&mut conn, period).await?;
        drop(conn);
        let mut standing = Vec::new();
        for partner in ids {
            standing.extend(
                self.settlements(partner)
                    .await?
                    .into_iter()
                    .filter(|s| (s.period_from, s.period_to) == period && s.reversal.is_none())
                    .take(1),
            );
        }
        Ok(standing)
    }
}
