//! Ledger rules that refuse an operation.

use crate::ids::RedemptionId;

/// Logging or voiding a redemption failed; nothing was saved.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    /// The attempt key came back with different content: a till bug, never a retry.
    #[error(
        "This sale was already logged as No. {} with other details. Check the recent list \
         before logging it again.", .existing.0
    )]
    KeyReused { existing: RedemptionId },
    /// The till sent a key that is not one of ours.
    #[error("The till sent a malformed attempt key; nothing was saved.")]
    BadKey,
    /// The sale is below the offer's minimum, so there is nothing to redeem.
    #[error("The offer needs a sale of {min} or more. Nothing was logged; the card stays valid.")]
    BelowMinimum { min: String },
    /// The sale text is a product barcode scanned into the amount field, not an amount.
    #[error("This looks like a barcode, not an amount.")]
    LooksLikeBarcode,
    /// A sale above the owner's "ask again" threshold that the cashier has not confirmed.
    #[error("{amount} — that is a large sale. Enter again to log it.")]
    ConfirmLarge { amount: String },
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
