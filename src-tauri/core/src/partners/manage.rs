//! Creating, editing and moving partners through their lifecycle.

use super::{Partner, PartnerId, PartnerInput, PartnerQuery, PartnerStatus};
use crate::desk::Actor;
use crate::error::{Field, PartnerError};
use crate::{store, text, Desk, Error, Result};

const ENTITY: &str = "partner";

impl Desk {
    /// Partners matching `query`, sorted as it asks.
    pub async fn partners(&self, query: &PartnerQuery) -> Result<Vec<Partner>> {
        let search = text::clean(
            Field::Search,
            query.search.as_deref().unwrap_or(""),
            100,
            false,
        )?;
        let mut conn = self.pools.reader.acquire().await?;
        let mut list =
            store::partners::list(&mut conn, &text::name_key(&search), query.status).await?;
        super::sort(&mut list, query.sort.unwrap_or_default());
        Ok(list)
    }

    /// One partner.
    pub async fn partner(&self, id: PartnerId) -> Result<Partner> {
        let mut conn = self.pools.reader.acquire().await?;
        store::partners::get(&mut conn, id)
            .await?
            .ok_or(PartnerError::NotFound(id).into())
    }

    /// Adds a partner, as a prospect unless `status` says otherwise.
    pub async fn create_partner(
        &self,
        input: &PartnerInput,
        status: PartnerStatus,
        actor: &Actor,
    ) -> Result<Partner> {
        self.require_profile().await?;
        let valid = input.validate()?;
        let mut tx = self.begin().await?;
        if let Some(existing) = store::partners::name_taken(&mut tx, &valid.name_key, None).await? {
            return Err(PartnerError::DuplicateName { existing }.into());
        }
        let id = store::partners::insert(&mut tx, &valid, status, self.now()).await?;
        let after = fetch(&mut tx, id).await?;
        self.audit(
            &mut tx,
            actor,
            (ENTITY, id.0),
            "create",
            None::<&Partner>,
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Replaces a partner's details; its status changes only through [`Desk::change_partner_status`].
    pub async fn update_partner(
        &self,
        id: PartnerId,
        input: &PartnerInput,
        actor: &Actor,
    ) -> Result<Partner> {
        let valid = input.validate()?;
        let mut tx = self.begin().await?;
        let before = fetch(&mut tx, id).await?;
        if let Some(existing) =
            store::partners::name_taken(&mut tx, &valid.name_key, Some(id)).await?
        {
            return Err(PartnerError::DuplicateName { existing }.into());
        }
        store::partners::update(&mut tx, id, &valid, self.now()).await?;
        let after = fetch(&mut tx, id).await?;
        self.audit(
            &mut tx,
            actor,
            (ENTITY, id.0),
            "update",
            Some(&before),
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Moves a partner along its lifecycle; ended partners are kept and can be reactivated.
    pub async fn change_partner_status(
        &self,
        id: PartnerId,
        to: PartnerStatus,
        actor: &Actor,
    ) -> Result<Partner> {
        let mut tx = self.begin().await?;
        let before = fetch(&mut tx, id).await?;
        if !before.status.can_become(to) {
            return Err(PartnerError::Transition {
                from: before.status,
                to,
            }
            .into());
        }
        store::partners::set_status(&mut tx, id, to, self.now()).await?;
        let after = fetch(&mut tx, id).await?;
        self.audit(
            &mut tx,
            actor,
            (ENTITY, id.0),
            "status",
            Some(&before),
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}

async fn fetch(conn: &mut sqlx::SqliteConnection, id: PartnerId) -> Result<Partner> {
    store::partners::get(conn, id)
        .await?
        .ok_or(Error::Partner(PartnerError::NotFound(id)))
}
