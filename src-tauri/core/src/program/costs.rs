//! Recording program costs, and reversing one entered wrong: the cost stays listed, marked
//! with why, and no sum counts it any more.

use chrono::NaiveDate;

use super::{CostCategory, CostInput, CostView};
use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::{CampaignError, Field, FieldError, PartnerError, Problem, ProgramError};
use crate::ids::{CampaignId, CostId};
use crate::limits::{at_most, units, ENTRY_MAX_UNITS};
use crate::money::{currency, format, Money};
use crate::partners::PartnerId;
use crate::payouts::Reversal;
use crate::store::{self, from_millis, program};
use crate::text::{date, line, required};
use crate::transact::Tx;
use crate::{Desk, Error, Result};

const DESCRIPTION_MAX: usize = 200;
const REASON_MAX: usize = 500;

/// A positive amount as the locale writes it, at most [`ENTRY_MAX_UNITS`].
fn positive(
    field: Field,
    text: &str,
    cur: iso_currency::Currency,
    locale: &str,
) -> Result<Money, FieldError> {
    let amount = Money::parse(field, text, cur)?
        .filter(|m| m.minor > 0)
        .ok_or(FieldError::new(
            field,
            Problem::Malformed {
                expected: "an amount above zero, like 12.50",
            },
        ))?;
    at_most(
        field,
        amount,
        units(ENTRY_MAX_UNITS, cur),
        locale,
        " per cost: check the amount.",
    )
}

impl Desk {
    /// Records what the program cost beyond commissions and discounts.
    pub async fn add_cost(&self, input: &CostInput, actor: &Actor) -> Result<CostView> {
        self.transact(actor, async |tx| self.add_cost_in(tx, input).await)
            .await
    }

    /// [`Desk::add_cost`] inside `tx`, by the transaction's actor.
    pub(crate) async fn add_cost_in(&self, tx: &mut Tx<'_>, input: &CostInput) -> Result<CostView> {
        let actor = tx.actor();
        let profile = store::business::get(tx)
            .await?
            .ok_or(Error::ProfileRequired)?;
        let cur = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let spent_on = date(Field::SpentOn, &input.spent_on)?
            .ok_or(FieldError::new(Field::SpentOn, Problem::Empty))?;
        let amount = positive(Field::Amount, &input.amount, cur, &profile.locale)?;
        let description = line(Field::Description, &input.description, DESCRIPTION_MAX)?;
        let partner_name = match input.partner_id {
            Some(id) => Some(
                store::partners::get(tx, id)
                    .await?
                    .ok_or(PartnerError::NotFound(id))?
                    .name,
            ),
            None => None,
        };
        let campaign_name = match input.campaign_id {
            Some(id) => Some(booked_to(tx, id, input.partner_id, partner_name.as_deref()).await?),
            None => None,
        };
        let id = program::insert_cost(
            tx,
            &program::NewCost {
                spent_on,
                category: input.category.as_str(),
                currency: cur.code(),
                amount_minor: amount.minor,
                partner_id: input.partner_id,
                description: &description,
                campaign_id: input.campaign_id,
                at: self.now(),
                by: actor,
            },
        )
        .await?;
        let view = CostView {
            id,
            spent_on,
            category: input.category,
            amount: format(amount, &profile.locale),
            partner_id: input.partner_id,
            partner_name,
            description,
            campaign_id: input.campaign_id,
            campaign_name,
            reversal: None,
        };
        tx.audit(
            AuditEntity::ProgramCost,
            id,
            "record",
            None::<&()>,
            Some(&view),
        )
        .await?;
        Ok(view)
    }

    /// Costs spent on days `from..=to`, newest first; reversed ones stay listed, marked.
    pub async fn costs(&self, period: (NaiveDate, NaiveDate)) -> Result<Vec<CostView>> {
        let profile = self.require_profile().await?;
        let cur = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let mut conn = self.pools.reader.acquire().await?;
        let rows = program::costs_between(&mut conn, period, cur).await?;
        rows.into_iter().map(|r| view(r, &profile.locale)).collect()
    }

    /// Reverses cost `id` for `reason`: it stays on record, marked, and no sum counts it.
    pub async fn reverse_cost(&self, id: CostId, reason: &str, actor: &Actor) -> Result<CostView> {
        let reason = required(Field::Reason, reason, REASON_MAX)?;
        let locale = self.require_profile().await?.locale;
        self.transact(actor, async |tx| {
            let before = fetch(tx, id, &locale).await?;
            if let Some(done) = &before.reversal {
                return Err(ProgramError::CostAlreadyReversed {
                    by: done.by.clone(),
                    reason: done.reason.clone(),
                }
                .into());
            }
            program::insert_cost_reversal(tx, id, &reason, self.now(), actor).await?;
            let after = fetch(tx, id, &locale).await?;
            tx.audit(
                AuditEntity::ProgramCost,
                id,
                "reverse",
                Some(&before),
                Some(&after),
            )
            .await?;
            Ok(after)
        })
        .await
    }
}

/// The name of campaign `id` a cost is booked to, once the partner it is for (if one) is
/// found taking part in it.
async fn booked_to(
    conn: &mut crate::store::Conn,
    id: CampaignId,
    partner: Option<PartnerId>,
    partner_name: Option<&str>,
) -> Result<String> {
    let campaign = store::campaigns::get(conn, id)
        .await?
        .ok_or(CampaignError::NotFound(id))?;
    if let (Some(p), Some(name)) = (partner, partner_name) {
        if !campaign.has_partner(p) {
            return Err(CampaignError::NotTakingPart {
                partner: name.to_string(),
                campaign: campaign.name,
            }
            .into());
        }
    }
    Ok(campaign.name)
}

async fn fetch(conn: &mut crate::store::Conn, id: CostId, locale: &str) -> Result<CostView> {
    let row = program::cost_by_id(conn, id)
        .await?
        .ok_or(ProgramError::CostNotFound(id))?;
    view(row, locale)
}

/// A stored cost for the screen. The schema's CHECKs keep every column readable, so a row
/// that is not is a damaged file, reported rather than left out of the list.
fn view(r: program::CostRow, locale: &str) -> Result<CostView> {
    let unreadable = |what: String| Error::from(sqlx::Error::Decode(what.into()));
    let cur = currency(&r.currency)
        .ok_or_else(|| unreadable(format!("cost {} in {:?}", r.id, r.currency)))?;
    let spent_on = NaiveDate::parse_from_str(&r.spent_on, "%Y-%m-%d")
        .map_err(|_| unreadable(format!("cost {} spent on {:?}", r.id, r.spent_on)))?;
    let category = CostCategory::parse(&r.category)
        .ok_or_else(|| unreadable(format!("cost {} for {:?}", r.id, r.category)))?;
    let reversal = match (r.reversed_at, r.reversed_by, r.reason) {
        (Some(at), Some(by), Some(reason)) => Some(Reversal {
            at: from_millis(at),
            by,
            reason,
        }),
        _ => None,
    };
    Ok(CostView {
        id: r.id,
        spent_on,
        category,
        amount: format(Money::new(r.amount_minor, cur), locale),
        partner_id: r.partner_id.map(PartnerId),
        partner_name: r.partner_name,
        description: r.description,
        campaign_id: r.campaign_id.map(CampaignId),
        campaign_name: r.campaign_name,
        reversal,
    })
}
