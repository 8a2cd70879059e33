//! People and sign-in rules that refuse an operation.

use crate::ids::PersonId;

/// A sign-in or a change to a person was refused; nothing was saved, except that a wrong
/// PIN is counted towards the lockout.
#[derive(Debug, thiserror::Error)]
pub enum PersonError {
    /// No person has this id.
    #[error("Person {0} was not found.")]
    NotFound(PersonId),
    /// Someone else already has this name (compared as partner names are).
    #[error("Someone named \"{existing}\" is already on the team.")]
    DuplicateName { existing: String },
    /// The PIN did not match; `wait_seconds` when this failure started a wait.
    #[error("Wrong PIN.{}", .wait_seconds.map(|s| format!(
        " Too many wrong PINs: try again in {}.", wait_words(s))).unwrap_or_default())]
    WrongPin { wait_seconds: Option<u64> },
    /// Too many wrong PINs in a row: no PIN is checked until the wait is over.
    #[error("Too many wrong PINs. Try again in {}.", wait_words(*.seconds))]
    Waiting { seconds: u64 },
    /// The recovery code did not match the owner's (or the person has none).
    #[error("That recovery code is not right. Check it against the printed sheet.")]
    WrongRecoveryCode,
    /// The person was deactivated and cannot sign in.
    #[error("{name} is no longer active. Ask an owner to reactivate them.")]
    Inactive { name: String },
    /// The only active owner cannot be deactivated or demoted.
    #[error("There must always be an active owner: add or promote another owner first.")]
    LastOwner,
    /// The first owner is created once, on a desk with nobody on it yet.
    #[error("The owner has already been set up. Sign in instead.")]
    OwnerExists,
    /// Hashing or checking a PIN failed inside the app (never the person's input).
    #[error("The PIN could not be checked: {detail}")]
    Hashing { detail: String },
}

/// A wait as a person reads it: `45 s`, `2 min`, `1 min 30 s`, `1 h`.
pub fn wait_words(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    match (h, m, s) {
        (0, 0, s) => format!("{s} s"),
        (0, m, 0) => format!("{m} min"),
        (0, m, s) => format!("{m} min {s} s"),
        (h, 0, _) => format!("{h} h"),
        // Past an hour, seconds are noise; round the minutes up so the wait is never
        // shorter than said.
        (h, m, s) => format!("{h} h {} min", m + u64::from(s > 0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_read_as_people_say_them() {
        assert_eq!(wait_words(45), "45 s");
        assert_eq!(wait_words(120), "2 min");
        assert_eq!(wait_words(90), "1 min 30 s");
        assert_eq!(wait_words(3600), "1 h");
        assert_eq!(
            PersonError::Waiting { seconds: 45 }.to_string(),
            "Too many wrong PINs. Try again in 45 s."
        );
        assert_eq!(
            PersonError::Waiting { seconds: 120 }.to_string(),
            "Too many wrong PINs. Try again in 2 min."
        );
        assert_eq!(
            PersonError::WrongPin { wait_seconds: None }.to_string(),
            "Wrong PIN."
        );
        assert_eq!(
            PersonError::WrongPin {
                wait_seconds: Some(30)
            }
            .to_string(),
            "Wrong PIN. Too many wrong PINs: try again in 30 s."
        );
    }
}
