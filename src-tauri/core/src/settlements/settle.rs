//! Settling with a partner: one payment in the net direction that clears both sides
//! through the period's end, and its reversal. Neither edits a row.
//!
//! The payment is prefilled with the net, but the owner may change it (a rounded sum, a
//! part payment). Whatever they pay, the smaller side is set off in full against the
//! larger, and the payment goes against what is left of the larger: so we pay €10 on
//! "we owe €30, they owe €20" as a payout of €30 (€10 paid, €20 set off) and a receipt of
//! €20 (set off). Pay less and the rest stays owed; pay more and it shows as paid ahead.

use super::{NetDirection, Settlement, SettlementInput, SettlementView};
use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::{Field, FieldError, MoneyError, PartnerError, Problem, SettlementError};
use crate::ids::SettlementId;
use crate::limits::{at_most, units, ENTRY_MAX_UNITS};
use crate::money::Money;
use crate::partners::PartnerId;
use crate::payouts::Reversal;
use crate::store::reversals::{self, Reversed};
use crate::store::{self, payouts, receivables, settlements};
use crate::text::{date, line, long_date, period_in_order, required};
use crate::transact::Tx;
use crate::{Desk, Error, Result};

const REFERENCE_MAX: usize = 100;
const REASON_MAX: usize = 500;
const ENTITY: AuditEntity = AuditEntity::Settlement;

impl Desk {
    /// Settles with `partner` through the end of the input's period: records the settlement,
    /// our payout and their receipt, linked, so both sides read zero when the owner paid the
    /// net as proposed.
    pub async fn settle(
        &self,
        partner: PartnerId,
        input: &SettlementInput,
        actor: &Actor,
    ) -> Result<SettlementView> {
        self.transact(actor, async |tx| self.settle_in(tx, partner, input).await)
            .await
    }

    /// [`Desk::settle`] inside `tx`, by the transaction's actor.
    pub(crate) async fn settle_in(
        &self,
        tx: &mut Tx<'_>,
        partner: PartnerId,
        input: &SettlementInput,
    ) -> Result<SettlementView> {
        let actor = tx.actor();
        let profile = store::business::get(tx)
            .await?
            .ok_or(Error::ProfileRequired)?;
        let cur = crate::money::currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let locale = profile.locale.as_str();
        let from = required_date(Field::PeriodFrom, &input.period_from)?;
        let to = required_date(Field::PeriodTo, &input.period_to)?;
        period_in_order(from, to)?;
        let settled_on = required_date(Field::SettledOn, &input.settled_on)?;
        if settled_on > self.today() {
            let expected = "today or a day before";
            return Err(FieldError::new(Field::SettledOn, Problem::Malformed { expected }).into());
        }
        let paid = Money::parse(Field::Amount, &input.amount, cur)?
            .ok_or(FieldError::new(Field::Amount, Problem::Empty))?;
        if paid.minor < 0 {
            let expected = "zero or more, like 12.50";
            return Err(FieldError::new(Field::Amount, Problem::Malformed { expected }).into());
        }
        let paid = at_most(
            Field::Amount,
            paid,
            units(ENTRY_MAX_UNITS, cur),
            locale,
            " per settlement: check the amount.",
        )?;
        let reference = line(Field::Reference, &input.reference, REFERENCE_MAX)?;
        let found = store::partners::get(tx, partner)
            .await?
            .ok_or(PartnerError::NotFound(partner))?;
        // A side paid ahead (below zero) has nothing to clear: it stays as it is.
        let we_owed = payouts::owed_on(tx, partner, to, cur).await?.max(0);
        let they_owed = receivables::they_owe(tx, partner, to, cur, true)
            .await?
            .max(0);
        if we_owed == 0 && they_owed == 0 {
            return Err(SettlementError::NothingToSettle {
                partner: found.name,
                through: long_date(to),
            }
            .into());
        }
        let direction = NetDirection::of(we_owed - they_owed);
        match (direction, paid.minor) {
            (NetDirection::Even, 0) => {}
            (NetDirection::Even, _) => return Err(SettlementError::EvenPaysNothing.into()),
            (_, 0) => {
                let expected = "an amount above zero, like 12.50";
                let problem = Problem::Malformed { expected };
                return Err(FieldError::new(Field::Amount, problem).into());
            }
            _ => {}
        }
        let (payout, receipt) = match direction {
            NetDirection::WeOwe => (add(paid.minor, they_owed)?, they_owed),
            NetDirection::TheyOwe => (we_owed, add(paid.minor, we_owed)?),
            NetDirection::Even => (we_owed, they_owed),
        };
        let at = tx.now();
        let id = settlements::insert(
            tx,
            &settlements::NewSettlement {
                partner_id: partner,
                period: (from, to),
                settled_on,
                we_owed: Money::new(we_owed, cur),
                they_owed: Money::new(they_owed, cur),
                direction,
                paid,
                method: input.method,
                reference: &reference,
                at,
                by: actor,
            },
        )
        .await?;
        let linked = linked_reference(id, &reference);
        if payout > 0 {
            payouts::insert(
                tx,
                &payouts::NewPayout {
                    partner_id: partner,
                    paid_on: settled_on,
                    amount: Money::new(payout, cur),
                    method: input.method,
                    reference: &linked,
                    period: (Some(from), Some(to)),
                    at,
                    by: actor,
                    settlement: Some(id),
                },
            )
            .await?;
        }
        if receipt > 0 {
            receivables::insert_receipt(
                tx,
                &receivables::NewReceipt {
                    partner_id: partner,
                    received_on: settled_on,
                    amount: Money::new(receipt, cur),
                    method: input.method,
                    reference: &linked,
                    settlement_id: Some(id),
                    at,
                    by: actor,
                },
            )
            .await?;
        }
        let after = fetch(tx, id).await?.view(locale, None);
        tx.audit(ENTITY, id.0, "settle", None::<&()>, Some(&after))
            .await?;
        Ok(after)
    }

    /// Reverses settlement `id` for `reason`: its payout and receipt are each reversed
    /// (they stay listed, marked), so both sides read as they did before it.
    pub async fn reverse_settlement(
        &self,
        id: SettlementId,
        reason: &str,
        actor: &Actor,
    ) -> Result<SettlementView> {
        let reason = required(Field::Reason, reason, REASON_MAX)?;
        let locale = self.require_profile().await?.locale;
        self.transact(actor, async |tx| {
            let settlement = fetch(tx, id).await?;
            if let Some(done) = reversal_of(tx, id).await? {
                return Err(SettlementError::AlreadyReversed {
                    by: done.by,
                    reason: done.reason,
                }
                .into());
            }
            let reversal = Reversal {
                at: tx.now(),
                by: actor.name.clone(),
                reason,
            };
            for payout in payouts::of_settlement(tx, id).await? {
                if payout.reversal.is_none() {
                    reversals::insert(tx, Reversed::Payout, payout.id, &reversal, actor.person)
                        .await?;
                }
            }
            for receipt in receivables::receipts_of_settlement(tx, id).await? {
                if receipt.reversal.is_none() {
                    reversals::insert(tx, Reversed::Receipt, receipt.id, &reversal, actor.person)
                        .await?;
                }
            }
            let before = settlement.view(&locale, None);
            let after = settlement.view(&locale, Some(reversal));
            tx.audit(ENTITY, id.0, "reverse", Some(&before), Some(&after))
                .await?;
            Ok(after)
        })
        .await
    }

    /// `partner`'s settlements, newest first, reversed ones marked.
    pub async fn settlements(&self, partner: PartnerId) -> Result<Vec<SettlementView>> {
        let locale = self.require_profile().await?.locale;
        let mut conn = self.pools.reader.acquire().await?;
        let mut views = Vec::new();
        for s in settlements::of_partner(&mut conn, partner).await? {
            let reversal = reversal_of(&mut conn, s.id).await?;
            views.push(s.view(&locale, reversal));
        }
        Ok(views)
    }
}

/// A required `YYYY-MM-DD` date.
fn required_date(field: Field, value: &str) -> Result<chrono::NaiveDate, FieldError> {
    date(field, value)?.ok_or(FieldError::new(field, Problem::Empty))
}

fn add(a: i64, b: i64) -> Result<i64> {
    a.checked_add(b).ok_or(Error::Money(MoneyError::TooLarge))
}

/// "Settlement No. 3", then the owner's reference if any: on the payout and the receipt, so
/// either read alone says what it belongs to.
fn linked_reference(id: SettlementId, reference: &str) -> String {
    if reference.is_empty() {
        format!("Settlement No. {}", id.0)
    } else {
        format!("Settlement No. {} · {reference}", id.0)
    }
}

/// The settlement's reversal, read off its payout or receipt (they are reversed together);
/// `None` while it stands.
async fn reversal_of(conn: &mut crate::store::Conn, id: SettlementId) -> Result<Option<Reversal>> {
    let payout = payouts::of_settlement(conn, id)
        .await?
        .into_iter()
        .find_map(|p| p.reversal);
    let receipt = receivables::receipts_of_settlement(conn, id)
        .await?
        .into_iter()
        .find_map(|r| r.reversal);
    Ok(payout.or(receipt))
}

async fn fetch(conn: &mut crate::store::Conn, id: SettlementId) -> Result<Settlement> {
    settlements::by_id(conn, id)
        .await?
        .ok_or(SettlementError::NotFound(id).into())
}
