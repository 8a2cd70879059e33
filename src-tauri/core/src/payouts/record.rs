//! Recording and reversing payouts; neither ever edits a row.

use super::{Payout, PayoutId, PayoutInput, PayoutView, Reversal};
use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::{Field, FieldError, PartnerError, PayoutError, Problem};
use crate::limits::{at_most, units, ENTRY_MAX_UNITS};
use crate::money::{format, Money};
use crate::partners::PartnerId;
use crate::store::reversals::{self, Reversed};
use crate::store::{self, payouts};
use crate::text::{date, line, period_in_order, required};
use crate::transact::Tx;
use crate::{Desk, Error, Result};

const REFERENCE_MAX: usize = 120;
const REASON_MAX: usize = 500;
const ENTITY: AuditEntity = AuditEntity::Payout;

impl Desk {
    /// Records a payment to `partner`. Paying more than is still open for what the partner
    /// earned up to the payment day (every other payout subtracted, whatever its date) is
    /// refused unless the owner confirmed it (an advance, a rounding-up).
    pub async fn record_payout(
        &self,
        partner: PartnerId,
        input: &PayoutInput,
        actor: &Actor,
    ) -> Result<PayoutView> {
        self.transact(actor, async |tx| {
            self.record_payout_in(tx, partner, input).await
        })
        .await
    }

    /// [`Desk::record_payout`] inside `tx`, by the transaction's actor.
    pub(crate) async fn record_payout_in(
        &self,
        tx: &mut Tx<'_>,
        partner: PartnerId,
        input: &PayoutInput,
    ) -> Result<PayoutView> {
        let actor = tx.actor();
        let profile = store::business::get(tx)
            .await?
            .ok_or(Error::ProfileRequired)?;
        let currency = crate::money::currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let paid_on = date(Field::PaidOn, &input.paid_on)?
            .ok_or(FieldError::new(Field::PaidOn, Problem::Empty))?;
        if paid_on > self.today() {
            return Err(FieldError::new(
                Field::PaidOn,
                Problem::Malformed {
                    expected: "today or a day before",
                },
            )
            .into());
        }
        let amount = Money::parse(Field::Amount, &input.amount, currency)?
            .filter(|m| m.minor > 0)
            .ok_or(FieldError::new(
                Field::Amount,
                Problem::Malformed {
                    expected: "an amount above zero, like 12.50",
                },
            ))?;
        let amount = at_most(
            Field::Amount,
            amount,
            units(ENTRY_MAX_UNITS, currency),
            &profile.locale,
            " per payout: check the amount.",
        )?;
        let reference = line(Field::Reference, &input.reference, REFERENCE_MAX)?;
        let period = (
            date(Field::PeriodFrom, &input.period_from)?,
            date(Field::PeriodTo, &input.period_to)?,
        );
        if let (Some(from), Some(to)) = period {
            period_in_order(from, to)?;
        }
        store::partners::get(tx, partner)
            .await?
            .ok_or(PartnerError::NotFound(partner))?;
        let owed = payouts::owed_on(tx, partner, paid_on, currency).await?;
        if amount.minor > owed && !input.confirm_over_balance {
            return Err(PayoutError::OverBalance {
                amount: format(amount, &profile.locale),
                owed: format(Money::new(owed, currency), &profile.locale),
            }
            .into());
        }
        let id = payouts::insert(
            tx,
            &payouts::NewPayout {
                partner_id: partner,
                paid_on,
                amount,
                method: input.method,
                reference: &reference,
                period,
                at: self.now(),
                by: actor,
                settlement: None,
            },
        )
        .await?;
        let after = fetch(tx, id).await?.view(&profile.locale);
        tx.audit(ENTITY, id.0, "record", None::<&()>, Some(&after))
            .await?;
        Ok(after)
    }

    /// Reverses payout `id` for `reason`: it stays on record, marked, and no longer counts.
    pub async fn reverse_payout(
        &self,
        id: PayoutId,
        reason: &str,
        actor: &Actor,
    ) -> Result<PayoutView> {
        let reason = required(Field::Reason, reason, REASON_MAX)?;
        let locale = self.require_profile().await?.locale;
        self.transact(actor, async |tx| {
            let before = fetch(tx, id).await?;
            if let Some(done) = &before.reversal {
                return Err(PayoutError::AlreadyReversed {
                    by: done.by.clone(),
                    reason: done.reason.clone(),
                }
                .into());
            }
            let reversal = Reversal {
                at: self.now(),
                by: actor.name.clone(),
                reason,
            };
            reversals::insert(tx, Reversed::Payout, id, &reversal, actor.person).await?;
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
}

async fn fetch(conn: &mut crate::store::Conn, id: PayoutId) -> Result<Payout> {
    payouts::by_id(conn, id)
        .await?
        .ok_or(PayoutError::NotFound(id).into())
}
