//! The partner's side of a two-way account: what they owe us for the customers we sent
//! them (one entry per period of their statement, from their signed file or typed from
//! their paper), and what they paid us. Never edited: a mistake is reversed with a reason.

mod period;
mod record;

pub use period::TheirPeriod;
pub(crate) use record::{enter, period_words, Entry};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::{ReceiptId, ReceivableId, SettlementId, StatementImportId};
use crate::money::{format, Money};
use crate::partners::PartnerId;
use crate::payouts::Reversal;
use crate::terms::PayoutMethod;

/// What a partner owes us for one period, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receivable {
    pub id: ReceivableId,
    pub partner_id: PartnerId,
    /// The statement's period, first and last day.
    pub period: (NaiveDate, NaiveDate),
    /// Customers we sent them in the period, as their statement counts them.
    pub customers: i64,
    pub amount: Money,
    /// Their statement number or any note to find the paper again.
    pub reference: String,
    /// The statement file it came from; `None` when typed from paper.
    pub import_id: Option<StatementImportId>,
    pub recorded_at: DateTime<Utc>,
    pub recorded_by: String,
    pub reversal: Option<Reversal>,
}

/// Where an entry of what a partner owes came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReceivableSource {
    /// Their signed statement file, imported and verified.
    StatementFile,
    /// Typed from their paper statement.
    Typed,
}

/// An entry as the screens list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReceivableView {
    pub id: ReceivableId,
    pub partner_id: PartnerId,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub customers: i64,
    pub amount: String,
    pub reference: String,
    pub source: ReceivableSource,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
    pub reversal: Option<Reversal>,
}

impl Receivable {
    /// The entry for the screen, its amount written for `locale`.
    pub fn view(&self, locale: &str) -> ReceivableView {
        ReceivableView {
            id: self.id,
            partner_id: self.partner_id,
            period_from: self.period.0,
            period_to: self.period.1,
            customers: self.customers,
            amount: format(self.amount, locale),
            reference: self.reference.clone(),
            source: match self.import_id {
                Some(_) => ReceivableSource::StatementFile,
                None => ReceivableSource::Typed,
            },
            recorded_by: self.recorded_by.clone(),
            recorded_at: self.recorded_at,
            reversal: self.reversal.clone(),
        }
    }
}

/// What the owner types from a partner's paper statement.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReceivableInput {
    /// `YYYY-MM-DD`.
    pub period_from: String,
    pub period_to: String,
    /// A whole number, e.g. `12`.
    pub customers: String,
    /// As the locale writes it: `12,50` or `12.50`.
    pub amount: String,
    #[serde(default)]
    pub reference: String,
}

/// Money a partner paid us, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub id: ReceiptId,
    pub partner_id: PartnerId,
    pub received_on: NaiveDate,
    pub amount: Money,
    pub method: PayoutMethod,
    pub reference: String,
    /// The month-end settlement this receipt is their side of, if one.
    pub settlement_id: Option<SettlementId>,
    pub recorded_at: DateTime<Utc>,
    pub recorded_by: String,
    pub reversal: Option<Reversal>,
}
