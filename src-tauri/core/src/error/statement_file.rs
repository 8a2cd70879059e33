//! Statement files from a partner that cannot be imported; nothing is imported from one.

use crate::statements::MAX_FILE_BYTES;

/// A partner's statement file was refused as a whole; nothing was imported.
#[derive(Debug, thiserror::Error)]
pub enum StatementFileError {
    /// The file is larger than any statement Partnerdesk writes.
    #[error(
        "This file is too large to be a Partnerdesk statement ({bytes} bytes; statements are \
         at most {} MB). Nothing was imported.", MAX_FILE_BYTES / (1024 * 1024)
    )]
    TooLarge { bytes: usize },
    /// The file is not JSON, or not a Partnerdesk statement at all.
    #[error(
        "This file is not a Partnerdesk statement. Choose a file whose name ends in \
         .partnerdesk-statement.json. Nothing was imported."
    )]
    NotAStatement,
    /// The file uses a newer format than this Partnerdesk reads.
    #[error(
        "This statement file was written by a newer Partnerdesk (format version {version}). \
         Update Partnerdesk to import it. Nothing was imported."
    )]
    NewerVersion { version: u64 },
    /// The signature is missing, damaged, or does not match the statement.
    #[error(
        "This statement's signature does not verify: it was changed after it was written, or \
         it did not come from a Partnerdesk. Nothing was imported."
    )]
    BadSignature,
    /// The signed statement lacks a field or holds a value of the wrong kind; `detail` is
    /// the parser's own words, for support.
    #[error(
        "This statement cannot be read ({detail}). Ask your partner to send it again. \
         Nothing was imported."
    )]
    Malformed { detail: String },
    /// The signed statement contradicts itself; `what` is the JSON field that disagrees,
    /// `period`, `lines` (a negative amount) or a total such as `totals.salesMinor`.
    #[error(
        "This statement does not add up (its {what} disagrees with the rest of the file). \
         Ask your partner to send it again. Nothing was imported."
    )]
    Inconsistent { what: &'static str },
}
