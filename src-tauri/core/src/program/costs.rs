//! Recording program costs and the shop's monthly revenue.

use chrono::NaiveDate;

use super::{CostCategory, CostInput, CostView};
use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::{Field, FieldError, PartnerError, Problem};
use crate::limits::{at_most, units, ENTRY_MAX_UNITS};
use crate::money::{currency, format, Money};
use crate::partners::PartnerId;
use crate::store::{self, program};
use crate::text::{date, in_years, line};
use crate::{Desk, Error, Result};

const DESCRIPTION_MAX: usize = 200;

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

/// `YYYY-MM` as a month input sends it.
pub(super) fn parse_month(text: &str) -> Result<String, FieldError> {
    let first = format!("{}-01", text.trim());
    let day = NaiveDate::parse_from_str(&first, "%Y-%m-%d").map_err(|_| {
        FieldError::new(
            Field::Month,
            Problem::Malformed {
                expected: "a month like 2026-11",
            },
        )
    })?;
    Ok(in_years(Field::Month, day)?.format("%Y-%m").to_string())
}

impl Desk {
    /// Records what the program cost beyond commissions and discounts.
    pub async fn add_cost(&self, input: &CostInput, actor: &Actor) -> Result<CostView> {
        let profile = self.require_profile().await?;
        let cur = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let spent_on = date(Field::SpentOn, &input.spent_on)?
            .ok_or(FieldError::new(Field::SpentOn, Problem::Empty))?;
        let amount = positive(Field::Amount, &input.amount, cur, &profile.locale)?;
        let description = line(Field::Description, &input.description, DESCRIPTION_MAX)?;
        self.transact(actor, async |tx| {
            let partner_name = match input.partner_id {
                Some(id) => Some(
                    store::partners::get(tx, id)
                        .await?
                        .ok_or(PartnerError::NotFound(id))?
                        .name,
                ),
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
        })
        .await
    }

    /// Costs spent on days `from..=to`, newest first.
    pub async fn costs(&self, period: (NaiveDate, NaiveDate)) -> Result<Vec<CostView>> {
        let profile = self.require_profile().await?;
        let cur = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let mut conn = self.pools.reader.acquire().await?;
        let rows = program::costs_between(&mut conn, period, cur).await?;
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                Some(CostView {
                    id: r.id,
                    spent_on: NaiveDate::parse_from_str(&r.spent_on, "%Y-%m-%d").ok()?,
                    category: CostCategory::parse(&r.category)?,
                    amount: format(Money::new(r.amount_minor, cur), &profile.locale),
                    partner_id: r.partner_id.map(PartnerId),
                    partner_name: r.partner_name,
                    description: r.description,
                })
            })
            .collect())
    }

    /// Sets the shop's whole revenue for `month` (`YYYY-MM`), so the dashboard can show the
    /// partners' share of it.
    pub async fn set_month_revenue(
        &self,
        month_text: &str,
        amount: &str,
        actor: &Actor,
    ) -> Result<()> {
        let profile = self.require_profile().await?;
        let cur = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let month = parse_month(month_text)?;
        let amount = Money::parse(Field::Amount, amount, cur)?
            .ok_or(FieldError::new(Field::Amount, Problem::Empty))?;
        // A month's revenue may be zero (closed for the month), never more than the ceiling.
        let amount = at_most(
            Field::Amount,
            amount,
            units(ENTRY_MAX_UNITS, cur),
            &profile.locale,
            " of revenue per month: check the amount.",
        )?;
        self.transact(actor, async |tx| {
            program::set_revenue(tx, &month, cur.code(), amount.minor, self.now()).await?;
            let after = (month.as_str(), format(amount, &profile.locale));
            tx.audit(
                AuditEntity::MonthlyRevenue,
                0,
                "set",
                None::<&()>,
                Some(&after),
            )
            .await
        })
        .await
    }
}
