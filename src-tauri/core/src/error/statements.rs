//! Statement files going each way: a partner's file refused on import, or ours not written.

use std::path::PathBuf;

use super::StatementFileError;

/// A statement file could not be imported, or statements could not be written. Nothing was
/// saved.
#[derive(Debug, thiserror::Error)]
pub enum StatementError {
    /// The file itself: not a statement, a signature that fails, a newer format.
    #[error(transparent)]
    File(#[from] StatementFileError),
    /// The file could not be read from the disk.
    #[error("Could not read {}: {reason}. Nothing was imported.", .path.display())]
    Unreadable { path: PathBuf, reason: String },
    /// Amounts in another currency would be added to ours as if they were the same money.
    #[error(
        "This statement is in {file}, and our amounts are in {ours}: amounts in two currencies \
         cannot be added up. Nothing was imported."
    )]
    WrongCurrency { file: String, ours: String },
    /// Another key signed it than the one pinned for the partner at their first statement.
    #[error(
        "This statement is signed with a different key ({found}) than the one on file for \
         {partner} ({pinned}). If they moved Partnerdesk to a new computer, confirm it with \
         them, then accept the new key. Nothing was imported."
    )]
    KeyChanged {
        partner: String,
        pinned: String,
        found: String,
    },
    /// The key that signed it is the one on file for another partner.
    #[error(
        "This statement is signed with the key on file for {other}, not {partner}. Choose \
         {other} to import it. Nothing was imported."
    )]
    KeyOfAnotherPartner { partner: String, other: String },
    /// The very same file was imported before.
    #[error("This statement file was already imported on {on} for {partner}; it counts once.")]
    AlreadyImported { partner: String, on: String },
    /// A statement file or PDF could not be written into the folder chosen.
    #[error("Could not save {}: {reason}", .path.display())]
    NotSaved { path: PathBuf, reason: String },
}
