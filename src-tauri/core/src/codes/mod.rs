//! Referral codes: typed by hurried staff from crumpled cards, so built to catch typos.
//!
//! A code is a Crockford base32 body plus one check symbol (see [`check`]), shown grouped
//! (`7K2Q-X`), optionally after a readable partner prefix (`BAKERY-7K2Q-X`) that lookups
//! do not need but verify when typed.

pub mod check;
pub mod format;

pub use check::{check_symbol, is_valid, one_slip_variants, ALPHABET};
pub use format::{grouped, normalise, prefix_for, Typed};

mod issue;
pub(crate) mod lookup;
pub mod near;
mod page;
mod print;
pub(crate) mod resolve;
mod switch;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::partners::PartnerId;

/// Cards on one printed sheet.
pub use crate::documents::CARDS_PER_PAGE as CARDS_PER_SHEET;
pub use issue::{BATCH_MAX, BODY_LEN};
pub use lookup::{LookupOutcome, Suggestion};
pub use near::near_codes;
pub use page::{
    CodePage, CodeQuery, CodeSelection, CodeStatusFilter, CodeUseFilter, MatchingCodes,
    PAGE_DEFAULT, PAGE_MAX,
};
pub(crate) use print::one_line;
pub use print::CARDS_MAX;
pub use resolve::{check_typed_length, TYPED_MAX};

pub use crate::ids::CodeId;

use crate::ids::CampaignId;

/// A referral code as stored and listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReferralCode {
    pub id: CodeId,
    pub partner_id: PartnerId,
    /// Folded body and check symbol, e.g. `7K2QX9A`.
    pub code: String,
    /// As printed, e.g. `BAKERY-7K2Q-X9A`.
    pub printed: String,
    pub prefix: String,
    /// Batch label when issued in a batch.
    pub batch: Option<String>,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    /// 1 = single use; `None` = unlimited.
    pub redemption_limit: Option<i64>,
    pub note: String,
    pub enabled: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Times redeemed, leaving out voids that gave the use back.
    pub uses: i64,
    /// The campaign it was issued for, if one; fixed once issued.
    pub campaign_id: Option<CampaignId>,
}

/// What issuing asks for, one code or a batch.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CodeOptions {
    /// `YYYY-MM-DD`, blank for no start.
    #[serde(default)]
    pub valid_from: String,
    /// `YYYY-MM-DD`, blank for no end.
    #[serde(default)]
    pub valid_until: String,
    /// Blank for unlimited; `1` for single use.
    #[serde(default)]
    pub redemption_limit: String,
    #[serde(default)]
    pub note: String,
    /// Print the partner's readable prefix before the code.
    #[serde(default)]
    pub with_prefix: bool,
    /// The campaign the codes are for; the partner must be taking part in it.
    #[serde(default)]
    pub campaign_id: Option<CampaignId>,
}
