//! Payout rules that refuse an operation.

use crate::ids::PayoutId;

/// Recording or reversing a payout failed; nothing was saved.
#[derive(Debug, thiserror::Error)]
pub enum PayoutError {
    /// More than the partner is owed, and the owner has not confirmed it.
    #[error("{amount} is more than the {owed} this partner is owed. Confirm to pay it anyway.")]
    OverBalance { amount: String, owed: String },
    /// No payout has this number.
    #[error("Payout No. {} was not found.", .0.0)]
    NotFound(PayoutId),
    /// A payout is reversed once.
    #[error("This payout was already reversed by {by}: {reason}")]
    AlreadyReversed { by: String, reason: String },
}
