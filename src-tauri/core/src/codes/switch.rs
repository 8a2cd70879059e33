//! Disabling and re-enabling codes; a disabled code keeps its history.

use super::page::resolve;
use super::{CodeId, CodeSelection, ReferralCode};
use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::CodeError;
use crate::store::codes;
use crate::transact::Tx;
use crate::{Desk, Result};

impl Desk {
    /// Switches each of `ids` on or off in one transaction.
    pub async fn set_codes_enabled(
        &self,
        ids: &[CodeId],
        enabled: bool,
        actor: &Actor,
    ) -> Result<Vec<ReferralCode>> {
        self.transact(actor, async |tx| switch(tx, ids, enabled, self).await)
            .await
    }

    /// Switches every code `selection` names on or off in one transaction, and says how
    /// many. A query in it is resolved inside that transaction, so the codes switched are
    /// those matching at that moment, however many the window has seen.
    pub async fn set_selected_codes_enabled(
        &self,
        selection: &CodeSelection,
        enabled: bool,
        actor: &Actor,
    ) -> Result<usize> {
        self.transact(actor, async |tx| {
            let ids = resolve(tx, selection).await?;
            Ok(switch(tx, &ids, enabled, self).await?.len())
        })
        .await
    }
}

/// Switches `ids` within `tx`, an audit entry each; answers them as they now are.
async fn switch(
    tx: &mut Tx<'_>,
    ids: &[CodeId],
    enabled: bool,
    desk: &Desk,
) -> Result<Vec<ReferralCode>> {
    let mut changed = Vec::with_capacity(ids.len());
    for &id in ids {
        let before = codes::by_id(tx, id).await?.ok_or(CodeError::NotFound(id))?;
        codes::set_enabled(tx, id, enabled, desk.now()).await?;
        let after = codes::by_id(tx, id).await?.ok_or(CodeError::NotFound(id))?;
        let action = if enabled { "enable" } else { "disable" };
        tx.audit(
            AuditEntity::ReferralCode,
            id.0,
            action,
            Some(&before),
            Some(&after),
        )
        .await?;
        changed.push(after);
    }
    Ok(changed)
}
