//! Reading and saving the business profile.

use super::{BusinessProfile, BusinessProfileInput, ValidProfile};
use crate::audit::AuditEntity;
use crate::clock;
use crate::desk::Actor;
use crate::error::{Field, FieldError, Problem};
use crate::transact::Tx;
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
        let saved = self
            .transact(actor, async |tx| self.save_profile_in(tx, &valid).await)
            .await?;
        // Only once committed: a refused save leaves the day where it was.
        self.clock().set_zone(clock::parse_zone(&saved.time_zone));
        Ok(saved)
    }

    /// [`Desk::save_profile`] inside `tx`, the input already checked.
    pub(crate) async fn save_profile_in(
        &self,
        tx: &mut Tx<'_>,
        valid: &ValidProfile,
    ) -> Result<BusinessProfile> {
        let before = store::business::get(tx).await?;
        // Amounts are stored as bare minor units beside a currency code; changing the code
        // under them would turn €12.50 into ¥1,250. Checked in the transaction that writes.
        if let Some(before) = &before {
            if before.currency != valid.currency && store::business::amounts_saved(tx).await? {
                return Err(currency_locked(&before.currency).into());
            }
        }
        store::business::put(tx, valid, self.now()).await?;
        let after = store::business::get(tx).await?;
        let action = if before.is_some() { "update" } else { "create" };
        tx.audit(
            AuditEntity::BusinessProfile,
            1,
            action,
            before.as_ref(),
            after.as_ref(),
        )
        .await?;
        // Just written in the same transaction.
        after.ok_or(crate::Error::ProfileRequired)
    }

    /// Why the business currency can no longer change, once an amount is saved in it;
    /// `None` while it still can (no profile yet, or nothing saved).
    pub async fn currency_lock(&self) -> Result<Option<String>> {
        let mut conn = self.pools.reader.acquire().await?;
        let Some(profile) = store::business::get(&mut conn).await? else {
            return Ok(None);
        };
        let locked = store::business::amounts_saved(&mut conn).await?;
        Ok(locked.then(|| currency_locked(&profile.currency).to_string()))
    }

    /// Refuses to go on until the profile exists.
    pub(crate) async fn require_profile(&self) -> Result<BusinessProfile> {
        self.profile().await?.ok_or(crate::Error::ProfileRequired)
    }
}

/// The refusal of a currency change once amounts are saved in `currency`.
fn currency_locked(currency: &str) -> FieldError {
    FieldError::new(
        Field::Currency,
        Problem::CurrencyLocked {
            currency: currency.to_string(),
        },
    )
}
