//! Referral code rules that refuse an operation.

use crate::ids::CodeId;

/// Issuing or changing a code failed; nothing was saved.
#[derive(Debug, thiserror::Error)]
pub enum CodeError {
    /// The custom code is already in use (ignoring case and look-alikes).
    #[error("The code {printed} is already in use. Choose another.")]
    Taken { printed: String },
    /// Random draws kept colliding; practically impossible unless the code space is full.
    #[error("Could not find a free code after many tries.")]
    NoFreeCode,
    /// No code has this id.
    #[error("Code {0:?} was not found.")]
    NotFound(CodeId),
}
