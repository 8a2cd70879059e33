//! How long the app waits, untouched, before it locks itself: a setting of this
//! installation, since a till in a busy shop and the owner's laptop want different times.

use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::{Field, FieldError, Problem};
use crate::store::settings;
use crate::{Desk, Result};

/// Minutes before locking until the owner sets them.
pub const IDLE_LOCK_DEFAULT: u32 = 10;
/// Shortest idle lock, in minutes.
pub const IDLE_LOCK_MIN: u32 = 1;
/// Longest idle lock, in minutes (four hours: a shift, not "never").
pub const IDLE_LOCK_MAX: u32 = 240;

const KEY: &str = "idle_lock_minutes";

impl Desk {
    /// Minutes without activity after which the app locks.
    pub async fn idle_lock_minutes(&self) -> Result<u32> {
        let mut conn = self.pools.reader.acquire().await?;
        let stored = settings::setting(&mut conn, KEY).await?;
        // A value we did not write (hand-edited file) falls back rather than locking never.
        Ok(stored
            .and_then(|v| v.parse().ok())
            .filter(|m| (IDLE_LOCK_MIN..=IDLE_LOCK_MAX).contains(m))
            .unwrap_or(IDLE_LOCK_DEFAULT))
    }

    /// Sets the idle lock to `minutes`, from [`IDLE_LOCK_MIN`] to [`IDLE_LOCK_MAX`].
    pub async fn set_idle_lock_minutes(&self, minutes: u32, actor: &Actor) -> Result<u32> {
        if !(IDLE_LOCK_MIN..=IDLE_LOCK_MAX).contains(&minutes) {
            return Err(FieldError::new(
                Field::IdleLock,
                Problem::OutOfRange {
                    min: IDLE_LOCK_MIN.into(),
                    max: IDLE_LOCK_MAX.into(),
                },
            )
            .into());
        }
        let before = self.idle_lock_minutes().await?;
        self.transact(actor, async |tx| {
            settings::set_setting(tx, KEY, &minutes.to_string()).await?;
            tx.audit(
                AuditEntity::Setting,
                0,
                "idle_lock_minutes",
                Some(&before),
                Some(&minutes),
            )
            .await
        })
        .await?;
        Ok(minutes)
    }
}
