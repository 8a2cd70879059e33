//! Creating, editing, listing and reading campaigns. Every change is audited with the
//! campaign before and after; none is ever deleted.

use super::{Campaign, CampaignId, CampaignInput, CampaignView, Logged, ValidCampaign};
use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::{CampaignError, PartnerError};
use crate::money::currency;
use crate::partners::PartnerId;
use crate::transact::Tx;
use crate::{store, Desk, Error, Result};

const ENTITY: AuditEntity = AuditEntity::Campaign;

impl Desk {
    /// Every campaign, the latest to start first, with where each stands today.
    pub async fn campaigns(&self) -> Result<Vec<CampaignView>> {
        let locale = self.require_profile().await?.locale;
        let mut conn = self.pools.reader.acquire().await?;
        let list = store::campaigns::list(&mut conn).await?;
        let today = self.today();
        Ok(list.iter().map(|c| c.view(today, &locale)).collect())
    }

    /// One campaign, as stored.
    pub async fn campaign(&self, id: CampaignId) -> Result<Campaign> {
        let mut conn = self.pools.reader.acquire().await?;
        fetch(&mut conn, id).await
    }

    /// One campaign for the screen, with where it stands today.
    pub async fn campaign_view(&self, id: CampaignId) -> Result<CampaignView> {
        let locale = self.require_profile().await?.locale;
        Ok(self.campaign(id).await?.view(self.today(), &locale))
    }

    /// Creates a campaign with the partners taking part.
    pub async fn create_campaign(
        &self,
        input: &CampaignInput,
        actor: &Actor,
    ) -> Result<CampaignView> {
        self.transact(actor, async |tx| self.create_campaign_in(tx, input).await)
            .await
    }

    /// [`Desk::create_campaign`] inside `tx`, by the transaction's actor.
    pub(crate) async fn create_campaign_in(
        &self,
        tx: &mut Tx<'_>,
        input: &CampaignInput,
    ) -> Result<CampaignView> {
        let actor = tx.actor();
        let profile = store::business::get(tx)
            .await?
            .ok_or(Error::ProfileRequired)?;
        let cur = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let locale = profile.locale.as_str();
        let valid = input.validate(cur, locale)?;
        if let Some(existing) = store::campaigns::name_taken(tx, &valid.name_key, None).await? {
            return Err(CampaignError::DuplicateName { existing }.into());
        }
        require_partners(tx, &valid).await?;
        let id = store::campaigns::insert(tx, &valid, cur, self.now(), actor).await?;
        store::campaigns::set_partners(tx, id, &valid.partner_ids).await?;
        let after = fetch(tx, id).await?;
        tx.audit(
            ENTITY,
            id,
            "create",
            None::<&()>,
            Some(&Logged::of(&after, locale)),
        )
        .await?;
        Ok(after.view(self.today(), locale))
    }

    /// Replaces a campaign's name, dates, budget, notes and partners. A partner with codes
    /// or costs in it stays: leaving them out is refused beside the partners.
    pub async fn update_campaign(
        &self,
        id: CampaignId,
        input: &CampaignInput,
        actor: &Actor,
    ) -> Result<CampaignView> {
        let profile = self.require_profile().await?;
        let cur = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        let locale = profile.locale.as_str();
        let valid = input.validate(cur, locale)?;
        self.transact(actor, async |tx| {
            let before = fetch(tx, id).await?;
            if let Some(existing) =
                store::campaigns::name_taken(tx, &valid.name_key, Some(id)).await?
            {
                return Err(CampaignError::DuplicateName { existing }.into());
            }
            require_partners(tx, &valid).await?;
            let staying = store::campaigns::partners_with_activity(tx, id).await?;
            if let Some(left_out) = staying.iter().find(|p| !valid.partner_ids.contains(p)) {
                return Err(CampaignError::HasActivity {
                    partner: partner_name(tx, *left_out).await?,
                }
                .into());
            }
            store::campaigns::update(tx, id, &valid, cur, self.now()).await?;
            store::campaigns::set_partners(tx, id, &valid.partner_ids).await?;
            let after = fetch(tx, id).await?;
            tx.audit(
                ENTITY,
                id,
                "update",
                Some(&Logged::of(&before, locale)),
                Some(&Logged::of(&after, locale)),
            )
            .await?;
            Ok(after.view(self.today(), locale))
        })
        .await
    }
}

/// Refuses a partner that does not exist (a stale form), before any row points at it.
async fn require_partners(tx: &mut Tx<'_>, valid: &ValidCampaign) -> Result<()> {
    for id in &valid.partner_ids {
        store::partners::get(tx, *id)
            .await?
            .ok_or(PartnerError::NotFound(*id))?;
    }
    Ok(())
}

async fn partner_name(conn: &mut crate::store::Conn, id: PartnerId) -> Result<String> {
    Ok(store::partners::get(conn, id)
        .await?
        .ok_or(PartnerError::NotFound(id))?
        .name)
}

/// Campaign `id`, or its refusal as not found.
pub(crate) async fn fetch(conn: &mut crate::store::Conn, id: CampaignId) -> Result<Campaign> {
    store::campaigns::get(conn, id)
        .await?
        .ok_or(CampaignError::NotFound(id).into())
}
