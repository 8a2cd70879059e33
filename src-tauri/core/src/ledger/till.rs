//! The till this installation is, and what was logged there.

use super::{Redemption, RedemptionView};
use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::Field;
use crate::ids::PersonId;
use crate::store::{self, redemptions, settings};
use crate::text::required;
use crate::{Desk, Error, Result};

/// The till's name until the owner sets one.
pub const DEFAULT_TILL: &str = "Till 1";
/// Longest till name.
pub const TILL_NAME_MAX: usize = 40;
/// How many of the till's redemptions the counter lists.
pub const RECENT_MAX: u32 = 20;

const TILL_KEY: &str = "till_name";

impl Desk {
    /// This till's name, stored on every redemption logged here.
    pub async fn till_name(&self) -> Result<String> {
        let mut conn = self.pools.reader.acquire().await?;
        let name = settings::setting(&mut conn, TILL_KEY).await?;
        Ok(name.unwrap_or_else(|| DEFAULT_TILL.to_string()))
    }

    /// Renames this till; redemptions already logged keep the name they were logged under.
    pub async fn set_till_name(&self, name: &str, actor: &Actor) -> Result<String> {
        let name = required(Field::TillName, name, TILL_NAME_MAX)?;
        let before = self.till_name().await?;
        self.transact(actor, async |tx| {
            settings::set_setting(tx, TILL_KEY, &name).await?;
            tx.audit(AuditEntity::Till, 1, "rename", Some(&before), Some(&name))
                .await
        })
        .await?;
        Ok(name)
    }

    /// The newest redemptions logged at `till`, newest first, at most [`RECENT_MAX`]; with
    /// `logged_by`, only that person's (staff see their own sales at the counter).
    pub async fn recent_redemptions(
        &self,
        till: &str,
        logged_by: Option<PersonId>,
    ) -> Result<Vec<RedemptionView>> {
        let mut conn = self.pools.reader.acquire().await?;
        let locale = store::business::get(&mut conn)
            .await?
            .ok_or(Error::ProfileRequired)?
            .locale;
        let rows = redemptions::recent_at_till(&mut conn, till, logged_by, RECENT_MAX).await?;
        Ok(rows.iter().map(|r| r.view(&locale)).collect())
    }

    /// The newest `limit` redemptions anywhere, newest first, amounts written for `locale`.
    pub async fn latest_redemptions(
        &self,
        limit: u32,
        locale: &str,
    ) -> Result<Vec<RedemptionView>> {
        let mut conn = self.pools.reader.acquire().await?;
        let rows = redemptions::latest(&mut conn, limit).await?;
        Ok(rows.iter().map(|r| r.view(locale)).collect())
    }

    /// Every redemption, oldest first, voided ones included and marked.
    pub async fn redemptions(&self) -> Result<Vec<Redemption>> {
        let mut conn = self.pools.reader.acquire().await?;
        Ok(redemptions::all_redemptions(&mut conn).await?)
    }
}
