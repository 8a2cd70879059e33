//! Looking up what staff typed: a code is valid, or we say exactly why not. A code that
//! fails its check is never silently matched to another; at most one near code is offered.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{is_valid, one_slip_variants, CodeId, ReferralCode, Typed};
use crate::partners::{PartnerId, PartnerStatus};
use crate::store::codes;
use crate::terms::today;
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
        let readings = Typed::readings(typed);
        let mut conn = self.pools.reader.acquire().await?;
        for reading in readings.iter().filter(|r| is_valid(&r.code)) {
            let Some(found) = codes::by_code(&mut conn, &reading.code).await? else {
                continue;
            };
            if reading.prefix.as_deref().is_some_and(|p| p != found.prefix) {
                // Right code, wrong prefix: still a slip, so offer the code as printed.
                return Ok(LookupOutcome::Mistyped {
                    suggestion: Some(found.printed),
                });
            }
            drop(conn);
            return self.judge(found).await;
        }
        if readings.iter().any(|r| is_valid(&r.code)) {
            return Ok(LookupOutcome::Unknown);
        }
        let mut near: Vec<String> = readings
            .iter()
            .flat_map(|r| one_slip_variants(&r.code))
            .collect();
        near.sort();
        near.dedup();
        let found = codes::existing(&mut conn, &near).await?;
        let suggestion = match found.as_slice() {
            [only] => Some(only.printed.clone()),
            _ => None,
        };
        Ok(LookupOutcome::Mistyped { suggestion })
    }

    async fn judge(&self, code: ReferralCode) -> Result<LookupOutcome> {
        let partner = self.partner(code.partner_id).await?;
        let (printed, partner_name) = (code.printed.clone(), partner.name.clone());
        let day = today();
        if !code.enabled {
            return Ok(LookupOutcome::Disabled {
                code: printed,
                partner_name,
            });
        }
        if let Some(from) = code.valid_from.filter(|from| day < *from) {
            return Ok(LookupOutcome::NotYetValid {
                code: printed,
                partner_name,
                from,
            });
        }
        if let Some(until) = code.valid_until.filter(|until| day > *until) {
            return Ok(LookupOutcome::Expired {
                code: printed,
                partner_name,
                until,
            });
        }
        if partner.status != PartnerStatus::Active {
            return Ok(LookupOutcome::PartnerNotActive {
                code: printed,
                partner_name,
                status: partner.status,
            });
        }
        let Some(terms) = self.terms_in_force(partner.id, day).await? else {
            return Ok(LookupOutcome::NoTerms {
                code: printed,
                partner_name,
            });
        };
        let locale = self.require_profile().await?.locale;
        Ok(LookupOutcome::Valid {
            code_id: code.id,
            code: printed,
            partner_id: partner.id,
            partner_name,
            offer: crate::terms::offer_words(&terms.terms, &locale),
        })
    }
}
