//! People who sign in: owners and staff, their PINs, the lockout after wrong PINs, and the
//! owner's recovery code. A person's PIN and recovery code exist only as argon2id hashes,
//! in the store and nowhere else: no type here that is serialized, logged or audited holds
//! one.

mod idle;
mod lockout;
mod manage;
mod pin;
mod recovery;
mod sign_in;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Field, FieldError, Problem};
use crate::text;

pub use crate::ids::PersonId;
pub use idle::{IDLE_LOCK_DEFAULT, IDLE_LOCK_MAX, IDLE_LOCK_MIN};
pub use lockout::{wait_after, FREE_TRIES, WAIT_CAP, WAIT_FIRST};
pub use pin::{HASH_MEMORY_KIB, HASH_PASSES};
pub use recovery::RECOVERY_LEN;

/// Longest name of a person.
pub const NAME_MAX: usize = 60;

/// What a person may do: owners everything, staff the counter only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PersonRole {
    Owner,
    Staff,
}

impl PersonRole {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            PersonRole::Owner => "owner",
            PersonRole::Staff => "staff",
        }
    }

    /// The role stored as `text`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "owner" => Some(PersonRole::Owner),
            "staff" => Some(PersonRole::Staff),
            _ => None,
        }
    }
}

/// A person as the app shows them and the audit log records them. Never holds a hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    pub role: PersonRole,
    pub active: bool,
}

/// A name on the lock screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SignInChoice {
    pub id: PersonId,
    pub name: String,
    pub role: PersonRole,
    /// Seconds left of a lockout after too many wrong PINs; `None` when they may try now.
    pub wait_seconds: Option<u64>,
}

/// A new PIN, typed twice.
#[derive(Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PinChange {
    pub pin: String,
    pub pin_again: String,
}

/// A person the owner adds, with their first PIN typed twice.
#[derive(Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewPerson {
    pub name: String,
    pub role: PersonRole,
    pub pin: String,
    pub pin_again: String,
}

/// What "Forgot PIN?" sends: the owner's recovery code and a new PIN typed twice.
#[derive(Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryInput {
    pub code: String,
    pub pin: String,
    pub pin_again: String,
}

/// An owner and the recovery code just issued to them, shown (and printable) once: only
/// its hash is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OwnerWithCode {
    pub person: Person,
    /// Grouped as printed, `7K2Q-X9AB-…`.
    pub recovery_code: String,
}

// Written by hand so a PIN or code never reaches a log line through `{:?}` (a traced
// command's arguments, a failed test's assertion).
impl std::fmt::Debug for PinChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PinChange").finish_non_exhaustive()
    }
}

impl std::fmt::Debug for NewPerson {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewPerson")
            .field("name", &self.name)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for RecoveryInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecoveryInput").finish_non_exhaustive()
    }
}

/// A person's name trimmed and checked, and the key it must be unique by (the same as
/// partner names, so `Café Müller` and `CAFÉ MÜLLER` clash).
pub(crate) fn valid_name(name: &str) -> Result<(String, String), FieldError> {
    let name = text::required(Field::Name, name, NAME_MAX)?;
    let key = text::name_key(&name);
    Ok((name, key))
}

const PIN_RULE: Problem = Problem::Rule {
    says: "A PIN is 4 to 8 digits.",
};

/// Whether `pin` has a PIN's shape: 4 to 8 ASCII digits, nothing else (no spaces).
/// The person's row with their secrets, for a PIN or recovery-code check; refused when no one
/// has the id or the person may no longer sign in.
pub(crate) async fn active_secrets(
    conn: &mut crate::store::Conn,
    id: PersonId,
) -> crate::Result<crate::store::people::Secrets> {
    let who = crate::store::people::secrets(conn, id)
        .await?
        .ok_or(crate::error::PersonError::NotFound(id))?;
    if !who.person.active {
        return Err(crate::error::PersonError::Inactive {
            name: who.person.name,
        }
        .into());
    }
    Ok(who)
}

pub(crate) fn check_pin(pin: &str) -> Result<(), FieldError> {
    if (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(FieldError::new(Field::Pin, PIN_RULE))
    }
}

/// A new PIN and its repeat: well formed, and the same.
pub(crate) fn check_pin_change(pin: &str, again: &str) -> Result<(), FieldError> {
    check_pin(pin)?;
    if pin != again {
        return Err(FieldError::new(
            Field::PinAgain,
            Problem::Rule {
                says: "The two PINs are not the same. Type the new PIN again.",
            },
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_are_four_to_eight_digits() {
        for ok in ["0000", "12345678", "0042"] {
            assert!(check_pin(ok).is_ok(), "{ok}");
        }
        for bad in ["", "123", "123456789", "12a4", " 1234", "１２３４", "12 34"] {
            let err = check_pin(bad).expect_err(bad);
            assert_eq!(err.field, Field::Pin);
            assert_eq!(err.to_string(), "A PIN is 4 to 8 digits.");
        }
        let err = check_pin_change("1234", "1243").expect_err("differs");
        assert_eq!(err.field, Field::PinAgain);
    }

    #[test]
    fn inputs_never_show_a_pin_when_debugged() {
        let input = NewPerson {
            name: "Anna".into(),
            role: PersonRole::Staff,
            pin: "93517".into(),
            pin_again: "93517".into(),
        };
        let change = PinChange {
            pin: "93517".into(),
            pin_again: "93517".into(),
        };
        let recovery = RecoveryInput {
            code: "7K2QX9AB7K2QX9AB".into(),
            pin: "93517".into(),
            pin_again: "93517".into(),
        };
        let shown = format!("{input:?} {change:?} {recovery:?}");
        assert!(shown.contains("Anna"));
        assert!(
            !shown.contains("93517") && !shown.contains("7K2Q"),
            "{shown}"
        );
    }

    #[test]
    fn roles_are_lower_case_words() {
        assert_eq!(
            serde_json::to_string(&PersonRole::Owner).expect("json"),
            "\"owner\""
        );
        assert_eq!(PersonRole::parse("staff"), Some(PersonRole::Staff));
    }
}
