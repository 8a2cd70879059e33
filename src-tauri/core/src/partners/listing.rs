//! The partner list as the Partners screen shows it: each partner with how it has been doing
//! lately (its last redemption, this month's, the balance either way as Month-end nets it)
//! and a flag on active partners gone quiet, sortable by each.

use std::cmp::Reverse;

use chrono::{NaiveDate, TimeDelta};
use serde::Serialize;
use ts_rs::TS;

use super::{Partner, PartnerQuery, PartnerSort, PartnerStatus};
use crate::ledger::month_of;
use crate::money::{currency, Money};
use crate::settlements::NetView;
use crate::store::{self, payouts, receivables};
use crate::{Desk, Error, Result};

/// How long an active partner may go without a redemption before the list flags it.
pub const ATTENTION_DAYS: i64 = 30;

/// A partner on the Partners screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PartnerListing {
    #[serde(flatten)]
    pub partner: Partner,
    /// The shop's day of its latest redemption not voided; `None` if it has had none.
    pub last_redemption: Option<NaiveDate>,
    /// Redemptions not voided this calendar month.
    pub redemptions_this_month: i64,
    /// What we owe them against what they owe us, netted as Month-end nets it, to today.
    pub balance: NetView,
    /// Active, a partner for at least [`ATTENTION_DAYS`] days, and no redemption in them.
    pub needs_attention: bool,
    /// The balance's signed minor units (we owe them: positive), to sort by only.
    #[serde(skip)]
    net_minor: i64,
}

impl AsRef<Partner> for PartnerListing {
    fn as_ref(&self) -> &Partner {
        &self.partner
    }
}

/// Whether a partner with this status, added on `added`, last redeemed on `last`, needs
/// attention on `today`. One added in the last [`ATTENTION_DAYS`] days has had no time to
/// go quiet yet.
pub(crate) fn needs_attention(
    status: PartnerStatus,
    added: NaiveDate,
    last: Option<NaiveDate>,
    today: NaiveDate,
) -> bool {
    let quiet_since = today - TimeDelta::days(ATTENTION_DAYS);
    status == PartnerStatus::Active && added <= quiet_since && last.is_none_or(|d| d <= quiet_since)
}

/// Orders `listed` in place as `sort` asks; ties (and orders by the partner's own details)
/// fall back on [`super::sort`]'s, by name.
pub fn sort(listed: &mut [PartnerListing], sort: PartnerSort) {
    // By name first: the sorts below are stable, so equal keys stay in name order.
    super::sort(listed, PartnerSort::Name);
    match sort {
        PartnerSort::LastRedemptionFirst => {
            listed.sort_by_key(|l| (l.last_redemption.is_none(), Reverse(l.last_redemption)));
        }
        PartnerSort::MostThisMonth => listed.sort_by_key(|l| Reverse(l.redemptions_this_month)),
        PartnerSort::WeOweMostFirst => listed.sort_by_key(|l| Reverse(l.net_minor)),
        PartnerSort::NeedsAttentionFirst => listed.sort_by_key(|l| !l.needs_attention),
        PartnerSort::Name
        | PartnerSort::FitHighFirst
        | PartnerSort::FitLowFirst
        | PartnerSort::RecentlyChanged => super::sort(listed, sort),
    }
}

impl Desk {
    /// Partners matching `query` with their recent activity, sorted as it asks.
    pub async fn partner_listings(&self, query: &PartnerQuery) -> Result<Vec<PartnerListing>> {
        let profile = self.require_profile().await?;
        let cur = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let locale = profile.locale.as_str();
        let today = self.today();
        let partners = self.matching(query).await?;
        let mut conn = self.pools.reader.acquire().await?;
        let recent = store::totals::recent(&mut conn, month_of(today)).await?;
        let owed = payouts::owed_on_by_partner(&mut conn, today, cur).await?;
        let owing = receivables::they_owe_by_partner(&mut conn, today, cur).await?;
        let mut listed = Vec::with_capacity(partners.len());
        for partner in partners {
            let id = partner.id;
            let row = recent.iter().find(|r| r.partner_id == id);
            let last = row.and_then(|r| NaiveDate::parse_from_str(&r.last_day, "%Y-%m-%d").ok());
            // As Month-end: each side through today, never below zero (a partner paid
            // ahead is owed nothing), then netted.
            let we_owe = owed.get(&id).copied().unwrap_or(0).max(0);
            let they_owe = owing.get(&id).copied().unwrap_or(0).max(0);
            let (we, they) = (Money::new(we_owe, cur), Money::new(they_owe, cur));
            let added = self.clock().day_of(partner.created_at);
            listed.push(PartnerListing {
                last_redemption: last,
                redemptions_this_month: row.map_or(0, |r| r.in_days),
                balance: NetView::of(we, they, locale),
                needs_attention: needs_attention(partner.status, added, last, today),
                net_minor: we_owe.saturating_sub(they_owe),
                partner,
            });
        }
        sort(&mut listed, query.sort.unwrap_or_default());
        Ok(listed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PartnerStatus::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("date")
    }

    #[test]
    fn an_active_partner_quiet_for_thirty_days_needs_attention() {
        let today = d(11, 30);
        let long_ago = d(1, 1);
        // The last redemption 29 days ago is within the window; 30 days ago is not.
        assert!(!needs_attention(Active, long_ago, Some(d(11, 1)), today));
        assert!(needs_attention(Active, long_ago, Some(d(10, 31)), today));
        assert!(needs_attention(Active, long_ago, None, today));
        // Only active partners: a paused or ended one is quiet on purpose.
        for status in [Prospect, Paused, Ended] {
            assert!(!needs_attention(status, long_ago, None, today));
        }
        // Added 29 days ago: too new to have gone quiet; 30 days ago: not any more.
        assert!(!needs_attention(Active, d(11, 1), None, today));
        assert!(needs_attention(Active, d(10, 31), None, today));
    }
}
