//! Statement files partners send each other: the signed JSON format and the keys that sign it.
//!
//! Each installation signs the statements it writes with its own Ed25519 key; the partner's
//! app imports one only if it verifies and adds up. Pure functions over bytes: reading files,
//! storing keys and deciding whose key to trust happen elsewhere. The format is documented for
//! other tools in `docs/statement-file.md`.
//!
//! Around the format: this installation's key ([`identity`]), our statements written as
//! files ([`export`]), a partner's file previewed and imported ([`import`]), and the demo
//! bakery's statement ([`demo`]).

mod canonical;
mod check;
mod demo;
mod exchange;
mod export;
mod file;
mod identity;
mod import;
mod signing;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use demo::{DEMO_FOLDER, DEMO_STATEMENT};
pub use exchange::{
    KeyStatus, PrintProgress, PrintedAll, StatementLineView, StatementPreview, StatementTotalsView,
};
pub use export::StatementFiles;
pub use file::{
    read_statement, write_statement, ReadStatement, FILE_SUFFIX, FORMAT, MAX_FILE_BYTES, VERSION,
};
pub use signing::{InstallationKey, PublicKey};

/// What a statement says: who owes whom what for a period, line by line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatementBody {
    /// The shop that wrote the file; its counter logged the lines.
    pub issuer: StatementParty,
    /// The partner the statement is addressed to; the lines redeemed its codes.
    pub recipient: StatementParty,
    /// ISO 4217 code of every amount, such as `EUR`.
    pub currency: String,
    /// The days the statement covers, both included.
    pub period: StatementPeriod,
    /// When the issuer wrote the statement.
    pub issued_at: DateTime<Utc>,
    /// Every redemption in the period, voided ones included.
    pub lines: Vec<StatementLine>,
    /// Sums of the lines and the balance between the two shops.
    pub totals: StatementTotals,
}

/// A shop as printed on a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatementParty {
    /// Business name.
    pub name: String,
    /// Postal address, lines separated by `\n`.
    pub address: String,
    /// VAT or tax number; may be empty.
    pub tax_id: String,
    /// Email or phone for questions about the statement.
    pub contact: String,
}

/// The first and last day a statement covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatementPeriod {
    /// First day covered.
    pub from: NaiveDate,
    /// Last day covered.
    pub to: NaiveDate,
}

/// One redemption of the recipient's code at the issuer's counter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatementLine {
    /// The shop's day of the sale.
    pub date: NaiveDate,
    /// The referral code as printed.
    pub code: String,
    /// The sale before discount, in minor units.
    pub sale_minor: i64,
    /// The discount the customer got, in minor units.
    pub discount_minor: i64,
    /// What the issuer owes the recipient for this line, in minor units.
    pub commission_minor: i64,
    /// True when the customer was new to the issuer.
    pub new_customer: bool,
    /// True when the redemption was voided; it is listed but left out of the totals.
    pub voided: bool,
}

/// The statement's totals; all but the balances are sums over the non-voided lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatementTotals {
    /// Number of non-voided lines.
    pub redemptions: i64,
    /// Number of voided lines.
    pub voided: i64,
    /// Number of non-voided lines with a new customer.
    pub new_customers: i64,
    /// Sum of sales, in minor units.
    pub sales_minor: i64,
    /// Sum of discounts, in minor units.
    pub discounts_minor: i64,
    /// Sum of commissions: what the issuer owes the recipient for the period.
    pub commissions_minor: i64,
    /// Paid by the issuer to the recipient during the period, in minor units.
    pub payouts_minor: i64,
    /// What the issuer owed the recipient before the period, in minor units.
    pub opening_balance_minor: i64,
    /// What the issuer owes the recipient after the period, in minor units.
    pub closing_balance_minor: i64,
}
