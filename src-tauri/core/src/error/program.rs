//! Program rules that refuse a correction: what it corrects is missing or already corrected.

use crate::ids::{CostId, GoalId};

/// Reversing a program cost, or editing or archiving a goal, failed; nothing was saved.
#[derive(Debug, thiserror::Error)]
pub enum ProgramError {
    /// No program cost has this number.
    #[error("Cost No. {} was not found.", .0.0)]
    CostNotFound(CostId),
    /// A cost is reversed once.
    #[error("This cost was already reversed by {by}: {reason}")]
    CostAlreadyReversed { by: String, reason: String },
    /// No goal has this number.
    #[error("Goal No. {} was not found.", .0.0)]
    GoalNotFound(GoalId),
    /// An archived goal is history: it changes no more (set a new goal instead).
    #[error("This goal was archived by {by} and can no longer change. Set a new goal instead.")]
    GoalArchived { by: String },
}
