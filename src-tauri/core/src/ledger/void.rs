//! Voiding a redemption: the owner's correction, a row of its own; the redemption stays.

use super::log::fetch;
use super::{RedemptionId, RedemptionView, Void, VoidInput};
use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::{Field, LedgerError};
use crate::store::{self, redemptions};
use crate::text::required;
use crate::transact::Tx;
use crate::{Desk, Error, Result};

/// Longest reason for a void.
pub const REASON_MAX: usize = 500;

impl Desk {
    /// Voids redemption `id` for `input.reason`. Balances and reports leave it out from now
    /// on; the code gets its use back only when `input.restore_use` says so.
    pub async fn void_redemption(
        &self,
        id: RedemptionId,
        input: &VoidInput,
        actor: &Actor,
    ) -> Result<RedemptionView> {
        self.transact(actor, async |tx| {
            self.void_redemption_in(tx, id, input).await
        })
        .await
    }

    /// [`Desk::void_redemption`] inside `tx`, by the transaction's actor.
    pub(crate) async fn void_redemption_in(
        &self,
        tx: &mut Tx<'_>,
        id: RedemptionId,
        input: &VoidInput,
    ) -> Result<RedemptionView> {
        let reason = required(Field::Reason, &input.reason, REASON_MAX)?;
        let actor = tx.actor();
        let locale = store::business::get(tx)
            .await?
            .ok_or(Error::ProfileRequired)?
            .locale;
        let before = fetch(tx, id).await?;
        if let Some(void) = &before.void {
            return Err(LedgerError::AlreadyVoided {
                id,
                by: void.by.clone(),
                reason: void.reason.clone(),
            }
            .into());
        }
        let void = Void {
            at: self.now(),
            by: actor.name.clone(),
            reason,
            restores_use: input.restore_use,
        };
        redemptions::insert_void(tx, id, &void, actor.person).await?;
        let after = fetch(tx, id).await?.view(&locale);
        tx.audit(
            AuditEntity::Redemption,
            id.0,
            "void",
            Some(&before.view(&locale)),
            Some(&after),
        )
        .await?;
        Ok(after)
    }
}
