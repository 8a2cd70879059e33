//! What-if: the last months' redemptions recomputed under other terms (a draft, say), to
//! see what they would have given and earned. Reads only; changes nothing.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::AgreementVersionId;
use crate::error::TermsError;
use crate::money::{format, Money};
use crate::partners::PartnerId;
use crate::store::redemptions;
use crate::{Desk, Result};

/// The last months under the terms in force at the time, and under the other terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WhatIf {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Redemptions recomputed (voided ones left out).
    pub redemptions: i64,
    pub commission_actual: String,
    pub commission_then: String,
    /// What the other terms would change the commission by, signed, e.g. "+€12.40".
    pub commission_difference: String,
    pub discount_actual: String,
    pub discount_then: String,
    pub discount_difference: String,
}

fn signed(minor: i64, cur: iso_currency::Currency, locale: &str) -> String {
    let text = format(Money::new(minor.abs(), cur), locale);
    match minor.signum() {
        1 => format!("+{text}"),
        -1 => format!("−{text}"),
        _ => text,
    }
}

impl Desk {
    /// Recomputes `partner`'s redemptions of the last `months` calendar months (this one
    /// included) under version `terms`, with its monthly cap counted month by month.
    pub async fn what_if(
        &self,
        partner: PartnerId,
        terms: AgreementVersionId,
        months: u32,
    ) -> Result<WhatIf> {
        let locale = self.require_profile().await?.locale;
        let other = self.agreement_version(terms).await?;
        if other.partner_id != partner {
            return Err(TermsError::NotFound(terms).into());
        }
        let to = self.today();
        let this_month = to.with_day(1).unwrap_or(to);
        let from = this_month
            .checked_sub_months(Months::new(months.clamp(1, 36) - 1))
            .unwrap_or(this_month);
        let mut conn = self.pools.reader.acquire().await?;
        let rows = redemptions::for_partner_between(&mut conn, partner, (from, to)).await?;
        let cur = other.terms.currency;
        let (mut month, mut earned) = (None, 0i64);
        let (mut actual, mut then, mut d_actual, mut d_then, mut count) = (0, 0, 0, 0, 0);
        for r in rows
            .iter()
            .filter(|r| r.void.is_none() && r.sale.currency == cur)
        {
            let key = (r.local_day.year(), r.local_day.month());
            if month != Some(key) {
                (month, earned) = (Some(key), 0);
            }
            let split = other
                .terms
                .split_sale(r.sale, Money::new(earned, cur), r.new_customer);
            earned += split.commission.minor;
            actual += r.commission.minor;
            then += split.commission.minor;
            d_actual += r.discount.minor;
            d_then += split.discount.minor;
            count += 1;
        }
        let money = |minor| format(Money::new(minor, cur), &locale);
        Ok(WhatIf {
            from,
            to,
            redemptions: count,
            commission_actual: money(actual),
            commission_then: money(then),
            commission_difference: signed(then - actual, cur, &locale),
            discount_actual: money(d_actual),
            discount_then: money(d_then),
            discount_difference: signed(d_then - d_actual, cur, &locale),
        })
    }
}
