//! Looking up what staff typed: a code is valid, or we say exactly why not. A code that
//! fails its check is never silently matched to another; at most one near code is offered.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sqlx::SqliteConnection;
use ts_rs::TS;

use super::{is_valid, one_slip_variants, CodeId, ReferralCode, Typed};
use crate::error::PartnerError;
use crate::partners::{PartnerId, PartnerStatus};
use crate::store::{self, codes};
use crate::terms::StoredVersion;
use crate::{Desk, Result};

/// What the counter shows for a typed code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum LookupOutcome {
    /// Good to redeem: whose code it is and what the customer gets.
    Valid {
        code_id: CodeId,
        code: String,
        partner_id: PartnerId,
        partner_name: String,
        offer: String,
    },
    /// Passes its check but no such code was issued.
    Unknown,
    /// Fails its check (a typo). `suggestion` is the one issued code a single slip away.
    Mistyped { suggestion: Option<String> },
    /// Switched off by the owner.
    Disabled { code: String, partner_name: String },
    /// Used as often as its limit allows; says when and at which till it was last used.
    UsedUp {
        code: String,
        partner_name: String,
        uses: i64,
        limit: i64,
        last_used_at: DateTime<Utc>,
        last_till: String,
    },
    /// Its validity window has not started.
    NotYetValid {
        code: String,
        partner_name: String,
        from: NaiveDate,
    },
    /// Its validity window has ended.
    Expired {
        code: String,
        partner_name: String,
        until: NaiveDate,
    },
    /// The partner is prospect, paused or ended.
    PartnerNotActive {
        code: String,
        partner_name: String,
        status: PartnerStatus,
    },
    /// The partner has no signed terms in force today.
    NoTerms { code: String, partner_name: String },
}

impl Desk {
    /// Reads `typed` as staff typed it (any case, spaces, dashes, look-alikes) and says
    /// whether it can be redeemed today.
    pub async fn lookup_code(&self, typed: &str) -> Result<LookupOutcome> {
        let mut conn = self.pools.reader.acquire().await?;
        Ok(match resolve(&mut conn, typed).await? {
            Resolved::Found(code) => judge(&mut conn, code, self.today()).await?.outcome,
            Resolved::Not(outcome) => outcome,
        })
    }
}

/// What a typed code refers to: an issued code, or the reason it names none.
pub(crate) enum Resolved {
    Found(ReferralCode),
    /// Unknown or mistyped.
    Not(LookupOutcome),
}

/// Finds the issued code `typed` names, never guessing: a failed check is a typo, offered
/// the one issued code a single slip away if exactly one exists.
pub(crate) async fn resolve(conn: &mut SqliteConnection, typed: &str) -> Result<Resolved> {
    let readings = Typed::readings(typed);
    for reading in readings.iter().filter(|r| is_valid(&r.code)) {
        let Some(found) = codes::by_code(conn, &reading.code).await? else {
            continue;
        };
        let prefix_differs = reading.prefix.as_deref().is_some_and(|p| p != found.prefix);
        if prefix_differs && reading.guessed {
            continue;
        }
        if prefix_differs {
            // Right code, wrong prefix: still a slip, so offer the code as printed.
            return Ok(Resolved::Not(LookupOutcome::Mistyped {
                suggestion: Some(found.printed),
            }));
        }
        return Ok(Resolved::Found(found));
    }
    // A guessed split that passes its check by chance is no evidence the code is right.
    if readings.iter().any(|r| !r.guessed && is_valid(&r.code)) {
        return Ok(Resolved::Not(LookupOutcome::Unknown));
    }
    let mut near: Vec<String> = readings
        .iter()
        .flat_map(|r| one_slip_variants(&r.code))
        .collect();
    near.sort();
    near.dedup();
    let found = codes::existing(conn, &near).await?;
    let suggestion = match found.as_slice() {
        [only] => Some(only.printed.clone()),
        _ => None,
    };
    Ok(Resolved::Not(LookupOutcome::Mistyped { suggestion }))
}

/// An issued code judged on `day`, with the terms it would be redeemed under when valid.
pub(crate) struct Judged {
    pub outcome: LookupOutcome,
    pub terms: Option<StoredVersion>,
}

/// Says whether `code` can be redeemed on `day`. Reads through `conn`, so a write
/// transaction sees exactly what it is about to change.
pub(crate) async fn judge(
    conn: &mut SqliteConnection,
    code: ReferralCode,
    day: NaiveDate,
) -> Result<Judged> {
    let partner = store::partners::get(conn, code.partner_id)
        .await?
        .ok_or(PartnerError::NotFound(code.partner_id))?;
    let (printed, partner_name) = (code.printed.clone(), partner.name.clone());
    let refused = |outcome| {
        Ok(Judged {
            outcome,
            terms: None,
        })
    };
    if !code.enabled {
        return refused(LookupOutcome::Disabled {
            code: printed,
            partner_name,
        });
    }
    if let Some(limit) = code.redemption_limit {
        let (uses, last) = store::redemptions::uses(conn, code.id).await?;
        if let Some((last_used_at, last_till)) = last.filter(|_| uses >= limit) {
            return refused(LookupOutcome::UsedUp {
                code: printed,
                partner_name,
                uses,
                limit,
                last_used_at,
                last_till,
            });
        }
    }
    if let Some(from) = code.valid_from.filter(|from| day < *from) {
        return refused(LookupOutcome::NotYetValid {
            code: printed,
            partner_name,
            from,
        });
    }
    if let Some(until) = code.valid_until.filter(|until| day > *until) {
        return refused(LookupOutcome::Expired {
            code: printed,
            partner_name,
            until,
        });
    }
    if partner.status != PartnerStatus::Active {
        return refused(LookupOutcome::PartnerNotActive {
            code: printed,
            partner_name,
            status: partner.status,
        });
    }
    let terms = store::agreements::latest_started(conn, partner.id, day)
        .await?
        .filter(|v| v.terms.effective_to.is_none_or(|to| to >= day));
    let Some(terms) = terms else {
        return refused(LookupOutcome::NoTerms {
            code: printed,
            partner_name,
        });
    };
    let locale = store::business::get(conn)
        .await?
        .ok_or(crate::Error::ProfileRequired)?
        .locale;
    Ok(Judged {
        outcome: LookupOutcome::Valid {
            code_id: code.id,
            code: printed,
            partner_id: partner.id,
            partner_name,
            offer: crate::terms::offer_words(&terms.terms, &locale),
        },
        terms: Some(terms),
    })
}
