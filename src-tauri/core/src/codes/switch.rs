//! Disabling and re-enabling codes; a disabled code keeps its history.

use super::{CodeId, ReferralCode};
use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::CodeError;
use crate::store::codes;
use crate::{Desk, Result};

impl Desk {
    /// Switches each of `ids` on or off in one transaction.
    pub async fn set_codes_enabled(
        &self,
        ids: &[CodeId],
        enabled: bool,
        actor: &Actor,
    ) -> Result<Vec<ReferralCode>> {
        self.transact(actor, async |tx| {
            let mut changed = Vec::with_capacity(ids.len());
            for &id in ids {
                let before = codes::by_id(tx, id).await?.ok_or(CodeError::NotFound(id))?;
                codes::set_enabled(tx, id, enabled, self.now()).await?;
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
        })
        .await
    }
}
