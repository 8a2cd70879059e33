//! Issuing codes: one (random or the owner's own readable body) or a batch.

use chrono::NaiveDate;
use rand::Rng;

use super::{check_symbol, normalise, prefix_for, CodeOptions, ReferralCode, ALPHABET};
use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::{CampaignError, CodeError, Field, FieldError, PartnerError, Problem};
use crate::ids::CampaignId;
use crate::partners::PartnerId;
use crate::store::codes::{self, NewCode};
use crate::text::date;
use crate::transact::Tx;
use crate::{store, text, Desk, Result};

/// Random body length: 32⁶ ≈ 1.07 billion bodies, so guessing a live code is hopeless.
pub const BODY_LEN: usize = 6;
/// The most codes one batch issues.
pub const BATCH_MAX: usize = 10_000;
const TRIES_PER_CODE: usize = 50;
const ENTITY: AuditEntity = AuditEntity::ReferralCode;

/// A random body whose check symbol is one of the 32 ordinary symbols (not `* ~ $ = U`),
/// so every printed code is easy to type.
fn random_code(rng: &mut impl Rng) -> String {
    loop {
        let body: String = (0..BODY_LEN)
            .map(|_| char::from(ALPHABET[rng.random_range(0..32)]))
            .collect();
        if let Some(check) = check_symbol(&body).filter(|c| c.is_ascii_alphanumeric() && *c != 'U')
        {
            return format!("{body}{check}");
        }
    }
}

/// The owner's readable body, folded, with its check symbol appended.
fn custom_code(typed: &str) -> Result<String, FieldError> {
    let body = normalise(typed);
    if body.len() < 3 || body.len() > 16 {
        return Err(FieldError::new(
            Field::Code,
            Problem::Malformed {
                expected: "3 to 16 letters and digits",
            },
        ));
    }
    if body.contains('U') {
        return Err(FieldError::new(
            Field::Code,
            Problem::Malformed {
                expected: "without the letter U, which codes leave out (try V)",
            },
        ));
    }
    let check = check_symbol(&body).ok_or(FieldError::new(
        Field::Code,
        Problem::Malformed {
            expected: "letters and digits only",
        },
    ))?;
    Ok(format!("{body}{check}"))
}

struct Options {
    with_prefix: bool,
    valid_from: Option<NaiveDate>,
    valid_until: Option<NaiveDate>,
    limit: Option<i64>,
    note: String,
    campaign_id: Option<CampaignId>,
}

impl CodeOptions {
    fn validate(&self) -> Result<Options, FieldError> {
        let valid_from = date(Field::ValidFrom, &self.valid_from)?;
        let valid_until = date(Field::ValidUntil, &self.valid_until)?;
        if let (Some(from), Some(until)) = (valid_from, valid_until) {
            if until < from {
                return Err(FieldError::new(
                    Field::ValidUntil,
                    Problem::Malformed {
                        expected: "on or after the start date",
                    },
                ));
            }
        }
        let limit = match self.redemption_limit.trim() {
            "" => None,
            n => Some(
                n.parse::<i64>()
                    .ok()
                    .filter(|n| (1..=1_000_000).contains(n))
                    .ok_or(FieldError::new(
                        Field::RedemptionLimit,
                        Problem::OutOfRange {
                            min: 1,
                            max: 1_000_000,
                        },
                    ))?,
            ),
        };
        Ok(Options {
            with_prefix: self.with_prefix,
            valid_from,
            valid_until,
            limit,
            note: text::clean(Field::Notes, &self.note, 200, false)?,
            campaign_id: self.campaign_id,
        })
    }
}

/// The owner's typed custom body, checked and with its check symbol; `None` when blank.
fn custom_body(custom: Option<&str>) -> Result<Option<String>, FieldError> {
    custom
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(custom_code)
        .transpose()
}

impl Desk {
    /// Issues one code for `partner`: the owner's readable `custom` body (with its check
    /// symbol added) or a random one.
    pub async fn issue_code(
        &self,
        partner: PartnerId,
        custom: Option<&str>,
        options: &CodeOptions,
        actor: &Actor,
    ) -> Result<ReferralCode> {
        let custom = custom_body(custom)?;
        let mut issued = self
            .issue(partner, custom, 1, options, None, actor, &mut |_, _| {})
            .await?;
        issued.pop().ok_or(CodeError::NoFreeCode.into())
    }

    /// [`Desk::issue_code`] inside `tx`.
    pub(crate) async fn issue_code_in(
        &self,
        tx: &mut Tx<'_>,
        partner: PartnerId,
        custom: Option<&str>,
        options: &CodeOptions,
    ) -> Result<ReferralCode> {
        let custom = custom_body(custom)?;
        let options = options.validate()?;
        let mut issued = self
            .issue_in(tx, partner, custom, 1, &options, None, &mut |_, _| {})
            .await?;
        issued.pop().ok_or(CodeError::NoFreeCode.into())
    }

    /// Issues `count` random codes for `partner` in one transaction, all or none, calling
    /// `progress(done, count)` as it goes.
    pub async fn issue_batch(
        &self,
        partner: PartnerId,
        count: usize,
        options: &CodeOptions,
        actor: &Actor,
        progress: &mut (dyn FnMut(usize, usize) + Send),
    ) -> Result<Vec<ReferralCode>> {
        let label = self.batch_label(count)?;
        self.issue(partner, None, count, options, Some(&label), actor, progress)
            .await
    }

    /// [`Desk::issue_batch`] inside `tx`.
    pub(crate) async fn issue_batch_in(
        &self,
        tx: &mut Tx<'_>,
        partner: PartnerId,
        count: usize,
        options: &CodeOptions,
        progress: &mut (dyn FnMut(usize, usize) + Send),
    ) -> Result<Vec<ReferralCode>> {
        let label = self.batch_label(count)?;
        let options = options.validate()?;
        self.issue_in(tx, partner, None, count, &options, Some(&label), progress)
            .await
    }

    /// A batch's label, from when it was issued; refuses a count outside 1..=[`BATCH_MAX`].
    fn batch_label(&self, count: usize) -> Result<String> {
        if !(1..=BATCH_MAX).contains(&count) {
            return Err(FieldError::new(
                Field::Count,
                Problem::OutOfRange {
                    min: 1,
                    max: BATCH_MAX as i64,
                },
            )
            .into());
        }
        Ok(format!(
            "{} · {count} codes",
            self.clock().local(self.now()).format("%Y-%m-%d %H:%M:%S")
        ))
    }

    #[allow(clippy::too_many_arguments)] // private: the two public entry points fix most of them
    async fn issue(
        &self,
        partner: PartnerId,
        custom: Option<String>,
        count: usize,
        options: &CodeOptions,
        batch: Option<&str>,
        actor: &Actor,
        progress: &mut (dyn FnMut(usize, usize) + Send),
    ) -> Result<Vec<ReferralCode>> {
        self.require_profile().await?;
        let options = options.validate()?;
        self.transact(actor, async |tx| {
            self.issue_in(tx, partner, custom, count, &options, batch, progress)
                .await
        })
        .await
    }

    #[allow(clippy::too_many_arguments)] // private: the entry points above fix most of them
    async fn issue_in(
        &self,
        tx: &mut Tx<'_>,
        partner: PartnerId,
        custom: Option<String>,
        count: usize,
        options: &Options,
        batch: Option<&str>,
        progress: &mut (dyn FnMut(usize, usize) + Send),
    ) -> Result<Vec<ReferralCode>> {
        let owner = store::partners::get(tx, partner)
            .await?
            .ok_or(PartnerError::NotFound(partner))?;
        if let Some(id) = options.campaign_id {
            // Refused here in words before the schema's trigger would refuse it in SQL's.
            let campaign = store::campaigns::get(tx, id)
                .await?
                .ok_or(CampaignError::NotFound(id))?;
            if !campaign.has_partner(partner) {
                return Err(CampaignError::NotTakingPart {
                    partner: owner.name.clone(),
                    campaign: campaign.name,
                }
                .into());
            }
        }
        let prefix = if options.with_prefix {
            prefix_for(&owner.name)
        } else {
            String::new()
        };
        let now = self.now();
        let mut issued = Vec::with_capacity(count);
        for done in 0..count {
            let mut tries = 0;
            let id = loop {
                let code = match &custom {
                    Some(code) => code.clone(),
                    None => random_code(&mut rand::rng()),
                };
                let new = NewCode {
                    partner_id: partner,
                    code: &code,
                    prefix: &prefix,
                    batch,
                    valid_from: options.valid_from,
                    valid_until: options.valid_until,
                    redemption_limit: options.limit,
                    note: &options.note,
                    campaign_id: options.campaign_id,
                };
                if let Some(id) = codes::insert(tx, &new, now).await? {
                    break id;
                }
                if custom.is_some() {
                    return Err(CodeError::Taken {
                        printed: super::grouped(None, &code),
                    }
                    .into());
                }
                tries += 1;
                if tries >= TRIES_PER_CODE {
                    return Err(CodeError::NoFreeCode.into());
                }
            };
            let code = codes::by_id(tx, id).await?.ok_or(CodeError::NotFound(id))?;
            tx.audit(ENTITY, id.0, "issue", None::<&ReferralCode>, Some(&code))
                .await?;
            issued.push(code);
            if (done + 1) % 100 == 0 || done + 1 == count {
                progress(done + 1, count);
            }
        }
        Ok(issued)
    }

    /// A partner's codes, newest first.
    pub async fn codes_for(&self, partner: PartnerId) -> Result<Vec<ReferralCode>> {
        let mut conn = self.pools.reader.acquire().await?;
        Ok(codes::for_partner(&mut conn, partner).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_codes_carry_a_plain_check_symbol() {
        let mut rng = rand::rng();
        for _ in 0..2000 {
            let code = random_code(&mut rng);
            assert_eq!(code.len(), BODY_LEN + 1);
            assert!(super::super::is_valid(&code));
            assert!(code.bytes().all(|b| ALPHABET.contains(&b)), "{code}");
        }
    }

    #[test]
    fn custom_codes_fold_look_alikes_and_refuse_u() {
        let code = custom_code("coffee-10").unwrap();
        assert!(code.starts_with("C0FFEE10"));
        assert!(super::super::is_valid(&code));
        assert_eq!(custom_code("CRUMB").unwrap_err().field, Field::Code);
        let expected = "3 to 16 letters and digits";
        let short = FieldError::new(Field::Code, Problem::Malformed { expected });
        assert_eq!(custom_code("ab"), Err(short));
    }
}
