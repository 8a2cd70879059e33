//! This installation's identity for statement files: an Ed25519 key pair made on first use
//! and kept in the database, so a restored backup, or the same data moved to the shop
//! server, signs as the same shop its partners have pinned.

use super::{InstallationKey, FILE_SUFFIX};
use crate::audit::AuditEntity;
use crate::error::StoreError;
use crate::store::statements;
use crate::{Actor, Desk, Result};

impl Desk {
    /// This installation's signing key, made and stored the first time it is needed.
    pub(crate) async fn installation_key(&self) -> Result<InstallationKey> {
        if let Some(key) = self.stored_key().await? {
            return Ok(key);
        }
        let made = InstallationKey::generate();
        let fingerprint = made.public().fingerprint();
        self.transact(&Actor::system(), async |tx| {
            let at = tx.now();
            statements::insert_installation_key(
                tx,
                &made.secret_bytes(),
                &made.public().to_hex(),
                at,
            )
            .await?;
            tx.audit(
                AuditEntity::Setting,
                0,
                "statement_key",
                None::<&()>,
                Some(&fingerprint),
            )
            .await
        })
        .await?;
        // Another window may have stored its own a moment earlier: the stored one is ours.
        self.stored_key()
            .await?
            .ok_or_else(|| StoreError::Sql(sqlx::Error::RowNotFound).into())
    }

    async fn stored_key(&self) -> Result<Option<InstallationKey>> {
        let mut conn = self.pools.reader.acquire().await?;
        let secret = statements::installation_secret(&mut conn).await?;
        Ok(secret.as_deref().and_then(InstallationKey::from_secret))
    }

    /// The fingerprint of the key our statement files are signed with, as printed on them.
    pub async fn our_statement_key(&self) -> Result<String> {
        Ok(self.installation_key().await?.public().fingerprint())
    }

    /// The line printed at the foot of our statements: the signed file that comes with it,
    /// and the key's fingerprint a partner compares by eye.
    pub(crate) async fn statement_key_line(&self) -> Result<Option<String>> {
        let fingerprint = self.our_statement_key().await?;
        Ok(Some(format!(
            "This statement comes with a signed file (…{FILE_SUFFIX}) that a partner's \
             Partnerdesk can import. Our signing key's fingerprint: {fingerprint}"
        )))
    }
}
