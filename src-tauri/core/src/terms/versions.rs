//! Agreement versions: drafts, signing, new versions from signed ones, terms in force.

use chrono::{Days, NaiveDate};

use super::{
    AgreementVersion, AgreementVersionId, SignInput, Signature, StoredVersion, TermsInput,
    TermsPreview, VersionStatus,
};
use crate::audit::AuditEntity;
use crate::business::BusinessProfile;
use crate::desk::Actor;
use crate::error::{Field, FieldError, PartnerError, Problem, TermsError};
use crate::money::currency;
use crate::partners::PartnerId;
use crate::store::agreements::{self, NewVersion};
use crate::transact::Tx;
use crate::{store, text, Desk, Error, Result};

const ENTITY: AuditEntity = AuditEntity::AgreementVersion;

fn profile_currency(profile: &BusinessProfile) -> Result<iso_currency::Currency> {
    // Validated when the profile was saved.
    currency(&profile.currency).ok_or(Error::ProfileRequired)
}

async fn fetch(conn: &mut crate::store::Conn, id: AgreementVersionId) -> Result<StoredVersion> {
    agreements::get(conn, id)
        .await?
        .ok_or(Error::Terms(TermsError::NotFound(id)))
}

fn require_draft(v: &StoredVersion) -> Result<()> {
    if v.status == VersionStatus::Draft {
        return Ok(());
    }
    Err(TermsError::NotDraft {
        version: v.version,
        status: v.status.label(),
    }
    .into())
}

impl SignInput {
    pub(crate) fn validate(&self) -> Result<Signature, FieldError> {
        let signed_on =
            NaiveDate::parse_from_str(self.signed_on.trim(), "%Y-%m-%d").map_err(|_| {
                let problem = if self.signed_on.trim().is_empty() {
                    Problem::Empty
                } else {
                    Problem::Malformed {
                        expected: "a date like 2026-12-01",
                    }
                };
                FieldError::new(Field::SignedOn, problem)
            })?;
        let signed_on = text::in_years(Field::SignedOn, signed_on)?;
        Ok(Signature {
            signed_on,
            our_signatory: text::required(Field::OurSignatory, &self.our_signatory, 100)?,
            partner_signatory: text::required(
                Field::PartnerSignatory,
                &self.partner_signatory,
                100,
            )?,
        })
    }
}

impl Desk {
    /// Every version of a partner's agreement, newest first.
    pub async fn agreement_versions(&self, partner: PartnerId) -> Result<Vec<AgreementVersion>> {
        let profile = self.require_profile().await?;
        let mut conn = self.pools.reader.acquire().await?;
        let versions = agreements::for_partner(&mut conn, partner).await?;
        Ok(versions.iter().map(|v| v.view(&profile.locale)).collect())
    }

    /// One version.
    pub async fn agreement_version(&self, id: AgreementVersionId) -> Result<StoredVersion> {
        let mut conn = self.pools.reader.acquire().await?;
        fetch(&mut conn, id).await
    }

    /// The offer and reward in words for terms being typed, without saving anything.
    pub async fn preview_terms(&self, terms: &TermsInput) -> Result<TermsPreview> {
        let profile = self.require_profile().await?;
        let terms = terms.validate(profile_currency(&profile)?)?;
        Ok(TermsPreview {
            summary: super::words::summary(&terms, &profile.locale),
            effective: super::words::effective(&terms),
        })
    }

    /// Starts a new draft for `partner` (blank terms from today unless `terms` are given).
    pub async fn create_draft(
        &self,
        partner: PartnerId,
        terms: Option<&TermsInput>,
        actor: &Actor,
    ) -> Result<AgreementVersion> {
        let profile = self.require_profile().await?;
        self.transact(actor, async |tx| {
            self.create_draft_in(tx, partner, terms, &profile).await
        })
        .await
    }

    /// [`Desk::create_draft`] inside `tx`.
    pub(crate) async fn create_draft_in(
        &self,
        tx: &mut Tx<'_>,
        partner: PartnerId,
        terms: Option<&TermsInput>,
        profile: &BusinessProfile,
    ) -> Result<AgreementVersion> {
        let blank = TermsInput::blank(self.today());
        let terms = terms
            .unwrap_or(&blank)
            .validate(profile_currency(profile)?)?;
        self.insert_draft_in(tx, partner, None, &terms, profile)
            .await
    }

    /// A new draft copying a signed version's terms, starting today (or the day after the
    /// signed version starts, if that is later).
    pub async fn new_version_from(
        &self,
        id: AgreementVersionId,
        actor: &Actor,
    ) -> Result<AgreementVersion> {
        let profile = self.require_profile().await?;
        self.transact(actor, async |tx| {
            self.new_version_from_in(tx, id, &profile).await
        })
        .await
    }

    /// [`Desk::new_version_from`] inside `tx`.
    pub(crate) async fn new_version_from_in(
        &self,
        tx: &mut Tx<'_>,
        id: AgreementVersionId,
        profile: &BusinessProfile,
    ) -> Result<AgreementVersion> {
        let source = fetch(tx, id).await?;
        if source.status != VersionStatus::Signed {
            return Err(TermsError::NotSigned.into());
        }
        let mut terms = source.terms.clone();
        let after_source = source
            .terms
            .effective_from
            .checked_add_days(Days::new(1))
            .unwrap_or(source.terms.effective_from);
        terms.effective_from = self.today().max(after_source);
        terms.effective_to = terms.effective_to.filter(|to| *to >= terms.effective_from);
        self.insert_draft_in(tx, source.partner_id, Some(id), &terms, profile)
            .await
    }

    async fn insert_draft_in(
        &self,
        tx: &mut Tx<'_>,
        partner: PartnerId,
        based_on: Option<AgreementVersionId>,
        terms: &super::Terms,
        profile: &BusinessProfile,
    ) -> Result<AgreementVersion> {
        store::partners::get(tx, partner)
            .await?
            .ok_or(PartnerError::NotFound(partner))?;
        let existing = agreements::for_partner(tx, partner).await?;
        if let Some(draft) = existing.iter().find(|v| v.status == VersionStatus::Draft) {
            return Err(TermsError::DraftExists {
                version: draft.version,
            }
            .into());
        }
        let version = agreements::next_version(tx, partner).await?;
        let new = NewVersion {
            partner_id: partner,
            version,
            based_on,
            terms,
            signature: None,
        };
        let id = agreements::insert(tx, &new, self.now()).await?;
        let after = fetch(tx, id).await?.view(&profile.locale);
        tx.audit(
            ENTITY,
            id.0,
            "create",
            None::<&AgreementVersion>,
            Some(&after),
        )
        .await?;
        Ok(after)
    }

    /// Replaces a draft's terms.
    pub async fn update_draft(
        &self,
        id: AgreementVersionId,
        terms: &TermsInput,
        actor: &Actor,
    ) -> Result<AgreementVersion> {
        let profile = self.require_profile().await?;
        self.transact(actor, async |tx| {
            self.update_draft_in(tx, id, terms, &profile).await
        })
        .await
    }

    /// [`Desk::update_draft`] inside `tx`.
    pub(crate) async fn update_draft_in(
        &self,
        tx: &mut Tx<'_>,
        id: AgreementVersionId,
        terms: &TermsInput,
        profile: &BusinessProfile,
    ) -> Result<AgreementVersion> {
        let before = fetch(tx, id).await?;
        require_draft(&before)?;
        let terms = terms.validate(before.terms.currency)?;
        agreements::update_terms(tx, id, &terms, self.now()).await?;
        let after = fetch(tx, id).await?.view(&profile.locale);
        tx.audit(
            ENTITY,
            id.0,
            "update",
            Some(&before.view(&profile.locale)),
            Some(&after),
        )
        .await?;
        Ok(after)
    }

    /// Deletes a draft; signed versions are never deleted.
    pub async fn delete_draft(&self, id: AgreementVersionId, actor: &Actor) -> Result<()> {
        let profile = self.require_profile().await?;
        self.transact(actor, async |tx| {
            let before = fetch(tx, id).await?;
            require_draft(&before)?;
            agreements::delete_draft(tx, id).await?;
            tx.audit(
                ENTITY,
                id.0,
                "delete",
                Some(&before.view(&profile.locale)),
                None::<&AgreementVersion>,
            )
            .await?;
            Ok(())
        })
        .await
    }

    /// Signs a draft, superseding the partner's signed version. The new version must start
    /// after every earlier signed one, so signed periods never overlap.
    pub async fn sign_agreement(
        &self,
        id: AgreementVersionId,
        sign: &SignInput,
        actor: &Actor,
    ) -> Result<AgreementVersion> {
        let profile = self.require_profile().await?;
        let signature = sign.validate()?;
        self.transact(actor, async |tx| {
            self.sign_agreement_in(tx, id, &signature, &profile).await
        })
        .await
    }

    /// [`Desk::sign_agreement`] inside `tx`, the signature already checked.
    pub(crate) async fn sign_agreement_in(
        &self,
        tx: &mut Tx<'_>,
        id: AgreementVersionId,
        signature: &Signature,
        profile: &BusinessProfile,
    ) -> Result<AgreementVersion> {
        let draft = fetch(tx, id).await?;
        require_draft(&draft)?;
        let history = agreements::for_partner(tx, draft.partner_id).await?;
        let signed = history.iter().filter(|v| v.status != VersionStatus::Draft);
        if let Some(clash) = signed
            .clone()
            .find(|v| v.terms.effective_from >= draft.terms.effective_from)
        {
            return Err(TermsError::Overlap {
                version: draft.version,
                starts: draft.terms.effective_from,
                other: clash.version,
                other_starts: clash.terms.effective_from,
            }
            .into());
        }
        let now = self.now();
        for previous in signed.filter(|v| v.status == VersionStatus::Signed) {
            agreements::supersede(tx, previous.id, now).await?;
            let after = fetch(tx, previous.id).await?.view(&profile.locale);
            tx.audit(
                ENTITY,
                previous.id.0,
                "supersede",
                Some(&previous.view(&profile.locale)),
                Some(&after),
            )
            .await?;
        }
        agreements::sign(tx, id, signature, now).await?;
        let after = fetch(tx, id).await?.view(&profile.locale);
        tx.audit(
            ENTITY,
            id.0,
            "sign",
            Some(&draft.view(&profile.locale)),
            Some(&after),
        )
        .await?;
        Ok(after)
    }

    /// The signed terms in force for `partner` on `day`, if any: the version that started
    /// last on or before that day, unless it had already ended.
    pub async fn terms_in_force(
        &self,
        partner: PartnerId,
        day: NaiveDate,
    ) -> Result<Option<StoredVersion>> {
        let mut conn = self.pools.reader.acquire().await?;
        let latest = agreements::latest_started(&mut conn, partner, day).await?;
        Ok(latest.filter(|v| v.terms.effective_to.is_none_or(|to| to >= day)))
    }

    /// [`Desk::terms_in_force`] today, as the partner screen shows it.
    pub async fn agreement_in_force_today(
        &self,
        partner: PartnerId,
    ) -> Result<Option<AgreementVersion>> {
        let profile = self.require_profile().await?;
        Ok(self
            .terms_in_force(partner, self.today())
            .await?
            .map(|v| v.view(&profile.locale)))
    }
}
