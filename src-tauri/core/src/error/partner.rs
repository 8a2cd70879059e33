//! Partner rules that refuse an operation.

use crate::ids::PartnerId;

/// A partner operation broke a partner rule; nothing was saved.
#[derive(Debug, thiserror::Error)]
pub enum PartnerError {
    /// Another partner already has this name (compared by `text::name_key`: ignoring case,
    /// spacing, invisible characters and how accents are encoded).
    #[error("A partner named \"{existing}\" already exists.")]
    DuplicateName { existing: String },
    /// No partner has this id.
    #[error("Partner {0} was not found.")]
    NotFound(PartnerId),
    /// The status lifecycle does not allow this move. The statuses come as their labels,
    /// so errors depend on no domain module.
    #[error("A partner cannot go from {from} to {to}.")]
    Transition {
        from: &'static str,
        to: &'static str,
    },
}
