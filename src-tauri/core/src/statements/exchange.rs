//! What the screens see of statement files going each way: a partner's file previewed
//! before it is imported, and progress while Month-end prints every statement.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::partners::PartnerId;

/// How a file's signing key compares with the key pinned for its partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum KeyStatus {
    /// No key is pinned for the partner yet: this one will be, on import (trust on first use).
    New,
    /// The key pinned for the partner signed it.
    Pinned,
    /// Another key than the one pinned for the partner signed it: refused unless the owner
    /// accepts the new key explicitly.
    Changed,
}

/// A statement line as the preview lists it, amounts written for our locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatementLineView {
    pub date: NaiveDate,
    pub code: String,
    pub sale: String,
    pub discount: String,
    pub commission: String,
    pub voided: bool,
}

/// A statement's totals as the preview shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatementTotalsView {
    /// Counted (not voided) redemptions: the customers we sent them.
    pub redemptions: i64,
    pub voided: i64,
    pub new_customers: i64,
    pub sales: String,
    pub discounts: String,
    /// What they owe us for the period: the amount the import enters.
    pub commissions: String,
}

/// A partner's statement file, read and its signature checked, before anything is saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatementPreview {
    /// The file, as chosen; the import reads it again from there.
    pub path: String,
    /// The shop that wrote it, as printed on it.
    pub issuer_name: String,
    pub issuer_address: String,
    /// Who it is addressed to, as printed on it.
    pub recipient_name: String,
    /// Whether that is our business's name.
    pub addressed_to_us: bool,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub currency: String,
    pub issued_at: DateTime<Utc>,
    pub totals: StatementTotalsView,
    pub lines: Vec<StatementLineView>,
    /// The signing key's fingerprint, as printed on their PDF: `3F2A 9C1B …`.
    pub fingerprint: String,
    pub key: KeyStatus,
    /// The pinned key's fingerprint when `key` is `Changed`.
    pub pinned_fingerprint: Option<String>,
    /// The partner it is from: the one whose key signed it, else the one with the issuer's
    /// name; `None` when neither is known (the owner picks).
    pub partner_id: Option<PartnerId>,
}

/// How far "Print all" has got: `done` of `total` statements written, the last for
/// `partner`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintProgress {
    pub done: u32,
    pub total: u32,
    pub partner: String,
}

/// What "Print all" wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintedAll {
    pub folder: String,
    /// Statements written, each a PDF and a signed file.
    pub statements: u32,
}
