//! Ledger rules that refuse an operation.

use crate::ledger::RedemptionId;

/// Logging or voiding a redemption failed; nothing was saved.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    /// The attempt key came back with different content: a till bug, never a retry.
    #[error(
        "This attempt was already saved as redemption No. {} with different details. \
         Nothing was saved; start again.", .existing.0
    )]
    KeyReused { existing: RedemptionId },
    /// The till sent a key that is not one of ours.
    #[error("The till sent a malformed attempt key; nothing was saved.")]
    BadKey,
    /// No redemption has this number.
    #[error("Redemption No. {} was not found.", .0.0)]
    NotFound(RedemptionId),
    /// A redemption is voided once.
    #[error("Redemption No. {} was already voided by {by}: {reason}", .id.0)]
    AlreadyVoided {
        id: RedemptionId,
        by: String,
        reason: String,
    },
}
