//! Looking up what staff typed: a code is valid, or we say exactly why not. A code that
//! fails its check is never silently matched to another; at most one near code is offered
//! (which code a text names, and in what order it is read: [`super::resolve`]).

use crate::store::Conn;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::resolve::{check_typed_length, resolve, Resolved};
use super::{CodeId, ReferralCode};
use crate::error::PartnerError;
use crate::partners::{PartnerId, PartnerStatus};
use crate::store;
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
        /// The offer is for new customers only: ask "first visit?" before logging.
        new_customers_only: bool,
    },
    /// Passes its check but no such code was issued.
    Unknown,
    /// A typo: fails its check, or names no code while an issued code is one slip away (a
    /// symbol changed, swapped, dropped or doubled). `suggestion` is the one issued code a
    /// single slip away; `ambiguous` says several are, so none is offered.
    Mistyped {
        suggestion: Option<Suggestion>,
        ambiguous: bool,
    },
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
    /// The partner's terms allow `limit` redemptions a day, and today's are all used.
    DailyLimitReached {
        code: String,
        partner_name: String,
        limit: i64,
    },
}

/// The one issued code a typo is a slip of, and what looking it up would answer now, so
/// staff know before taking it whether it will be refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// As printed, e.g. `BAKERY-7K2Q-X9A`.
    pub code: String,
    /// What a lookup of `code` answers today, in the same words: valid, already used…
    pub answer: Box<LookupOutcome>,
}

impl Desk {
    /// Reads `typed` as staff typed it (any case, spaces, dashes, look-alikes) and says
    /// whether it can be redeemed today.
    /// A text longer than any code is refused before any work is done.
    pub async fn lookup_code(&self, typed: &str) -> Result<LookupOutcome> {
        check_typed_length(typed)?;
        let day = self.today();
        let mut conn = self.pools.reader.acquire().await?;
        Ok(match resolve(&mut conn, typed, day).await? {
            Resolved::Found(code) => judge(&mut conn, code, day).await?.outcome,
            Resolved::Not(outcome) => outcome,
        })
    }
}

/// An issued code judged on `day`, with the terms it would be redeemed under when valid.
pub(crate) struct Judged {
    pub outcome: LookupOutcome,
    pub terms: Option<StoredVersion>,
}

/// Says whether `code` can be redeemed on `day`. Reads through `conn`, so a write
/// transaction sees exactly what it is about to change.
pub(crate) async fn judge(conn: &mut Conn, code: ReferralCode, day: NaiveDate) -> Result<Judged> {
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
    if let Some(limit) = terms.terms.daily_limit {
        // Counted under whatever terms each was logged, so a new version signed at noon
        // does not hand out the morning's places again.
        let used = store::redemptions::offers_on_day(conn, partner.id, day).await?;
        if used >= limit {
            return refused(LookupOutcome::DailyLimitReached {
                code: printed,
                partner_name,
                limit,
            });
        }
    }
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
            new_customers_only: terms.terms.new_customers_only,
        },
        terms: Some(terms),
    })
}
