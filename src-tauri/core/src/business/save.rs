//! Reading and saving the business profile.

use super::{BusinessProfile, BusinessProfileInput};
use crate::desk::Actor;
use crate::{store, Desk, Result};

impl Desk {
    /// The business profile, or `None` before the first-run screen was completed.
    pub async fn profile(&self) -> Result<Option<BusinessProfile>> {
        let mut conn = self.pools.reader.acquire().await?;
        Ok(store::business::get(&mut conn).await?)
    }

    /// Creates or replaces the business profile after checking every field.
    pub async fn save_profile(
        &self,
        input: &BusinessProfileInput,
        actor: &Actor,
    ) -> Result<BusinessProfile> {
        let valid = input.validate()?;
        let mut tx = self.begin().await?;
        let before = store::business::get(&mut tx).await?;
        store::business::put(&mut tx, &valid, self.now()).await?;
        let after = store::business::get(&mut tx).await?;
        let action = if before.is_some() { "update" } else { "create" };
        self.audit(
            &mut tx,
            actor,
            ("business_profile", 1),
            action,
            before.as_ref(),
            after.as_ref(),
        )
        .await?;
        tx.commit().await?;
        // Just written in the same transaction.
        after.ok_or(crate::Error::ProfileRequired)
    }

    /// Refuses to go on until the profile exists.
    pub(crate) async fn require_profile(&self) -> Result<BusinessProfile> {
        self.profile().await?.ok_or(crate::Error::ProfileRequired)
    }
}
