//! Creating, editing and moving partners through their lifecycle.

use super::{Partner, PartnerId, PartnerInput, PartnerQuery, PartnerStatus, ValidPartner};
use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::{Field, FieldError, PartnerError, Problem};
use crate::transact::Tx;
use crate::{store, text, Desk, Error, Result};

const ENTITY: AuditEntity = AuditEntity::Partner;

/// Why a new partner's status was refused ("Status should be …").
const NOT_A_START: Problem = Problem::Malformed {
    expected: "prospect or active for a new partner",
};

impl Desk {
    /// Partners matching `query`, sorted as it asks.
    pub async fn partners(&self, query: &PartnerQuery) -> Result<Vec<Partner>> {
        let order = query.sort.unwrap_or_default();
        if order.needs_activity() {
            let listed = self.partner_listings(query).await?;
            return Ok(listed.into_iter().map(|l| l.partner).collect());
        }
        let mut list = self.matching(query).await?;
        super::sort(&mut list, order);
        Ok(list)
    }

    /// Partners whose name and status match `query`, by name.
    pub(super) async fn matching(&self, query: &PartnerQuery) -> Result<Vec<Partner>> {
        let search = text::line(Field::Search, query.search.as_deref().unwrap_or(""), 100)?;
        let mut conn = self.pools.reader.acquire().await?;
        Ok(store::partners::list(&mut conn, &text::name_key(&search), query.status).await?)
    }

    /// One partner.
    pub async fn partner(&self, id: PartnerId) -> Result<Partner> {
        let mut conn = self.pools.reader.acquire().await?;
        store::partners::get(&mut conn, id)
            .await?
            .ok_or(PartnerError::NotFound(id).into())
    }

    /// Adds a partner in `status`, one of [`PartnerStatus::STARTING`].
    pub async fn create_partner(
        &self,
        input: &PartnerInput,
        status: PartnerStatus,
        actor: &Actor,
    ) -> Result<Partner> {
        self.require_profile().await?;
        let valid = input.validate()?;
        if !status.can_start() {
            return Err(FieldError::new(Field::Status, NOT_A_START).into());
        }
        self.transact(actor, async |tx| {
            self.create_partner_in(tx, &valid, status).await
        })
        .await
    }

    /// [`Desk::create_partner`] inside `tx`, the input already checked.
    pub(crate) async fn create_partner_in(
        &self,
        tx: &mut Tx<'_>,
        valid: &ValidPartner,
        status: PartnerStatus,
    ) -> Result<Partner> {
        if let Some(existing) = store::partners::name_taken(tx, &valid.name_key, None).await? {
            return Err(PartnerError::DuplicateName { existing }.into());
        }
        let id = store::partners::insert(tx, valid, status, self.now()).await?;
        let after = fetch(tx, id).await?;
        tx.audit(ENTITY, id.0, "create", None::<&Partner>, Some(&after))
            .await?;
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
        self.transact(actor, async |tx| {
            let before = fetch(tx, id).await?;
            if let Some(existing) =
                store::partners::name_taken(tx, &valid.name_key, Some(id)).await?
            {
                return Err(PartnerError::DuplicateName { existing }.into());
            }
            store::partners::update(tx, id, &valid, self.now()).await?;
            let after = fetch(tx, id).await?;
            tx.audit(ENTITY, id.0, "update", Some(&before), Some(&after))
                .await?;
            Ok(after)
        })
        .await
    }

    /// Moves a partner along its lifecycle; ended partners are kept and can be reactivated.
    pub async fn change_partner_status(
        &self,
        id: PartnerId,
        to: PartnerStatus,
        actor: &Actor,
    ) -> Result<Partner> {
        self.transact(actor, async |tx| {
            self.change_partner_status_in(tx, id, to).await
        })
        .await
    }

    /// [`Desk::change_partner_status`] inside `tx`, by the transaction's actor.
    pub(crate) async fn change_partner_status_in(
        &self,
        tx: &mut Tx<'_>,
        id: PartnerId,
        to: PartnerStatus,
    ) -> Result<Partner> {
        let before = fetch(tx, id).await?;
        if !before.status.can_become(to) {
            return Err(PartnerError::Transition {
                from: before.status.label(),
                to: to.label(),
            }
            .into());
        }
        store::partners::set_status(tx, id, to, self.now()).await?;
        let after = fetch(tx, id).await?;
        tx.audit(ENTITY, id.0, "status", Some(&before), Some(&after))
            .await?;
        Ok(after)
    }
}

async fn fetch(conn: &mut crate::store::Conn, id: PartnerId) -> Result<Partner> {
    store::partners::get(conn, id)
        .await?
        .ok_or(Error::Partner(PartnerError::NotFound(id)))
}
