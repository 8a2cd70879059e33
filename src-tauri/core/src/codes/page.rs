//! A partner's codes a page at a time, filtered in the store: a partner with 100,000 codes
//! must open and search its list without the window receiving them all.
//!
//! Pages are keyset pages (`after` the last id shown), not offsets: reading page 500 costs
//! what page 1 does, and a code issued meanwhile neither repeats a row nor skips one.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{normalise, CodeId, ReferralCode};
use crate::partners::PartnerId;
use crate::store::codes;
use crate::{Desk, Result};

/// Rows a page holds when the caller asks for none or too many.
pub const PAGE_DEFAULT: u32 = 200;
/// The most rows one page returns.
pub const PAGE_MAX: u32 = 1_000;

/// Which codes a status filter keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CodeStatusFilter {
    #[default]
    All,
    Enabled,
    Disabled,
}

/// Which codes a use filter keeps: never redeemed, redeemed at least once, or as often as
/// their limit allows (voids that gave the use back do not count).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CodeUseFilter {
    #[default]
    All,
    Unused,
    Used,
    UsedUp,
}

/// The filters above a partner's code list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CodeQuery {
    /// Part of the code as printed, prefix included; case, dashes and spaces ignored.
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub status: CodeStatusFilter,
    #[serde(default)]
    pub uses: CodeUseFilter,
    /// One batch's codes; `None` for all.
    #[serde(default)]
    pub batch: Option<String>,
}

impl CodeQuery {
    /// The search as the store compares it with prefix and code joined (`BAKERY7K2QX9A`):
    /// letters and digits, upper case. Blank when nothing is searched.
    pub fn search_text(&self) -> String {
        self.search
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect()
    }

    /// The search folded the way codes are (`O→0`, `I/L→1`), so a code read off a card
    /// with its look-alikes is found too. Compared with the code alone: a prefix keeps its
    /// letters.
    pub fn search_code(&self) -> String {
        normalise(&self.search_text())
    }

    /// True when every code of the partner matches.
    pub fn keeps_all(&self) -> bool {
        self.search_text().is_empty()
            && self.status == CodeStatusFilter::All
            && self.uses == CodeUseFilter::All
            && self.batch.is_none()
    }
}

/// One page of a partner's codes, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CodePage {
    pub codes: Vec<ReferralCode>,
    /// Codes matching the filters, on every page.
    pub matching: i64,
    /// Codes of the partner, whatever the filters.
    pub total: i64,
    /// Pass as `after` for the next page; `None` on the last.
    pub next: Option<CodeId>,
}

/// Every code of a partner that a query keeps, bar those unticked since.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MatchingCodes {
    pub partner_id: PartnerId,
    pub query: CodeQuery,
    #[serde(default)]
    pub except: Vec<CodeId>,
}

/// The codes an action applies to: those ticked one by one, and every code matching a
/// query. The window never holds 100,000 ids; the store resolves the query when acting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CodeSelection {
    #[serde(default)]
    pub ids: Vec<CodeId>,
    #[serde(default)]
    pub matching: Option<MatchingCodes>,
}

impl CodeSelection {
    /// Exactly these codes.
    pub fn ids(ids: &[CodeId]) -> Self {
        Self {
            ids: ids.to_vec(),
            matching: None,
        }
    }
}

impl Desk {
    /// Up to `limit` of `partner`'s codes that `query` keeps, newest first, after the code
    /// `after` (the previous page's `next`), with how many match in all.
    pub async fn code_page(
        &self,
        partner: PartnerId,
        query: &CodeQuery,
        after: Option<CodeId>,
        limit: u32,
    ) -> Result<CodePage> {
        let limit = match limit {
            0 => PAGE_DEFAULT,
            n => n.min(PAGE_MAX),
        };
        let mut conn = self.pools.reader.acquire().await?;
        // One more row than asked says whether another page follows without a count.
        let mut rows = codes::page(&mut conn, partner, query, after, i64::from(limit) + 1).await?;
        let next = if rows.len() > limit as usize {
            rows.truncate(limit as usize);
            rows.last().map(|c| c.id)
        } else {
            None
        };
        let total = codes::count(&mut conn, partner, &CodeQuery::default()).await?;
        let matching = if query.keeps_all() {
            total
        } else if after.is_none() && next.is_none() {
            // The first page holds every match: a few typed characters usually narrow it
            // that far, and counting would read the partner's whole list a second time.
            rows.len() as i64
        } else {
            codes::count(&mut conn, partner, query).await?
        };
        Ok(CodePage {
            codes: rows,
            matching,
            total,
            next,
        })
    }

    /// The batch labels among `partner`'s codes, newest batch first: the batch filter's
    /// choices.
    pub async fn code_batches(&self, partner: PartnerId) -> Result<Vec<String>> {
        let mut conn = self.pools.reader.acquire().await?;
        Ok(codes::batches(&mut conn, partner).await?)
    }

    /// The codes `selection` names, oldest first (the order cards print in), each once.
    pub async fn selected_codes(&self, selection: &CodeSelection) -> Result<Vec<CodeId>> {
        let mut conn = self.pools.reader.acquire().await?;
        Ok(resolve(&mut conn, selection).await?)
    }
}

/// `selection` as ids, oldest first, on `conn` (a transaction's, when acting on them).
pub(crate) async fn resolve(
    conn: &mut crate::store::Conn,
    selection: &CodeSelection,
) -> sqlx::Result<Vec<CodeId>> {
    let mut ids = selection.ids.clone();
    if let Some(m) = &selection.matching {
        let except: HashSet<CodeId> = m.except.iter().copied().collect();
        let matching = codes::matching_ids(conn, m.partner_id, &m.query).await?;
        ids.extend(matching.into_iter().filter(|id| !except.contains(id)));
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn searching(text: &str) -> CodeQuery {
        CodeQuery {
            search: text.into(),
            ..Default::default()
        }
    }

    #[test]
    fn search_ignores_case_dashes_and_spaces() {
        assert_eq!(searching(" bakery-7k2q x ").search_text(), "BAKERY7K2QX");
        assert_eq!(searching("é-").search_text(), "");
    }

    #[test]
    fn search_folds_look_alikes_for_the_code() {
        assert_eq!(searching("7k2q-xo").search_code(), "7K2QX0");
        assert_eq!(searching("il").search_code(), "11");
    }

    #[test]
    fn a_blank_search_keeps_every_code() {
        assert!(searching(" - ").keeps_all());
        assert!(!searching("7").keeps_all());
    }
}
