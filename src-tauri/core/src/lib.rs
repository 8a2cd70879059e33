//! Partnerdesk's core: the domain, its rules, the SQLite store and (later) documents.
//!
//! Nothing here knows about Tauri or any window; every behaviour runs under `cargo test`
//! against a real SQLite file. The shell calls [`Desk`] and maps [`Error`] for the UI.

pub mod audit;
pub mod backups;
pub mod bindings;
pub mod business;
pub mod campaigns;
pub mod clock;
pub mod codes;
pub mod demo;
mod desk;
pub mod documents;
pub mod error;
pub mod exports;
pub mod generator;
mod history;
pub mod ids;
pub mod imports;
pub mod ledger;
pub mod limits;
pub mod money;
pub mod partners;
pub mod payouts;
pub mod people;
pub mod program;
pub mod receivables;
pub mod settlements;
pub mod shop_server;
pub mod statements;
pub mod store;
pub mod terms;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod text;
mod transact;
pub mod updates;

pub use clock::{Clock, ManualClock};
pub use desk::{Actor, Desk};
pub use error::{Error, Result};

/// The version of this build of the app, written into every database it opens.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
