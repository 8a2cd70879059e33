//! Updates, as far as the core knows them: whether the app may look for one by itself at
//! start. Off until the owner allows it: the app works with no network and asks nothing of
//! one unasked. Checking, downloading and installing are the shell's (the updater plugin);
//! the backup taken before an install is [`crate::backups::BackupReason::BeforeUpdate`].

use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::store::settings;
use crate::{Desk, Result};

const KEY: &str = "update_check_at_start";

impl Desk {
    /// True when the owner allows a quiet check for updates at start.
    pub async fn update_check_at_start(&self) -> Result<bool> {
        let mut conn = self.pools.reader.acquire().await?;
        Ok(settings::setting(&mut conn, KEY).await?.as_deref() == Some("1"))
    }

    /// Allows or stops the quiet check for updates at start.
    pub async fn set_update_check_at_start(&self, allowed: bool, actor: &Actor) -> Result<bool> {
        let before = self.update_check_at_start().await?;
        self.transact(actor, async |tx| {
            settings::set_setting(tx, KEY, if allowed { "1" } else { "0" }).await?;
            tx.audit(AuditEntity::Setting, 0, KEY, Some(&before), Some(&allowed))
                .await
        })
        .await?;
        Ok(allowed)
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{audit_rows, empty_desk};
    use crate::Actor;

    #[tokio::test]
    async fn the_check_at_start_is_off_until_the_owner_allows_it_and_is_audited() {
        let t = empty_desk().await;
        assert!(!t.update_check_at_start().await.expect("read"));
        t.set_update_check_at_start(true, &Actor::owner())
            .await
            .expect("allow");
        assert!(t.update_check_at_start().await.expect("read"));
        let audit = audit_rows(&t).await;
        let last = audit.last().expect("an entry");
        assert_eq!(
            (last.2.as_str(), last.3.as_str()),
            ("setting:update_check_at_start", "falsetrue")
        );
    }
}
