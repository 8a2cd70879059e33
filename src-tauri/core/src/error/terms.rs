//! Agreement rules that refuse an operation.

use chrono::NaiveDate;

use crate::ids::AgreementVersionId;

/// An agreement operation broke an agreement rule; nothing was saved.
#[derive(Debug, thiserror::Error)]
pub enum TermsError {
    /// No agreement version has this id.
    #[error("Agreement version {0} was not found.")]
    NotFound(AgreementVersionId),
    /// Signed and superseded versions are frozen.
    #[error("Version {version} is {status} and can no longer change. Create a new version from it instead.")]
    NotDraft { version: i64, status: &'static str },
    /// Only one draft per partner at a time.
    #[error("Version {version} is already a draft for this partner. Finish or delete it first.")]
    DraftExists { version: i64 },
    /// Only a signed version can be the base of a new one.
    #[error("Only the signed version can be copied into a new draft.")]
    NotSigned,
    /// Signing would make two signed versions' effective periods overlap.
    #[error(
        "Version {version} would start on {}, but version {other} already starts on {}. \
         A new version must start after the one it replaces.",
        crate::text::long_date(*.starts),
        crate::text::long_date(*.other_starts)
    )]
    Overlap {
        version: i64,
        starts: NaiveDate,
        other: i64,
        other_starts: NaiveDate,
    },
}
