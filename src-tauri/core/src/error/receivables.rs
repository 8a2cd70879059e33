//! Rules of the partner's side of an account (what they owe and paid us) and of
//! month-end settlements, that refuse an operation.

use crate::ids::{ReceivableId, SettlementId};

/// Entering or reversing what a partner owes us failed; nothing was saved.
#[derive(Debug, thiserror::Error)]
pub enum ReceivableError {
    /// No entry has this number.
    #[error("Entry No. {} of what a partner owes was not found.", .0.0)]
    NotFound(ReceivableId),
    /// An entry is reversed once.
    #[error("This entry was already reversed by {by}: {reason}")]
    AlreadyReversed { by: String, reason: String },
    /// A period is counted once: a second statement for it would count it twice.
    #[error(
        "What {partner} owes for {period} was already entered on {on}. Reverse that entry \
         first to enter the period again."
    )]
    PeriodEntered {
        partner: String,
        period: String,
        on: String,
    },
}

/// Recording or reversing a month-end settlement failed; nothing was saved.
#[derive(Debug, thiserror::Error)]
pub enum SettlementError {
    /// Both sides are zero through the period's end.
    #[error("Nothing is owed either way with {partner} through {through}: nothing to settle.")]
    NothingToSettle { partner: String, through: String },
    /// The sides cancel out, so no payment can be made in either direction.
    #[error("Both sides are even, so no money changes hands: leave the amount at 0.")]
    EvenPaysNothing,
    /// No settlement has this number.
    #[error("Settlement No. {} was not found.", .0.0)]
    NotFound(SettlementId),
    /// A settlement is reversed once.
    #[error("This settlement was already reversed by {by}: {reason}")]
    AlreadyReversed { by: String, reason: String },
}
