//! The lock screen: who can sign in, the first owner of a new desk, and checking a PIN
//! against the lockout.

use chrono::{DateTime, Utc};

use super::lockout::wait_after;
use super::recovery::RecoveryCode;
use super::{check_pin, check_pin_change, pin, valid_name, OwnerWithCode, PinChange};
use super::{Person, PersonId, PersonRole, SignInChoice};
use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::PersonError;
use crate::store::people::{self, NewPersonRow};
use crate::{Desk, Result};

/// What one PIN attempt did, decided inside the transaction that records it.
enum Attempt {
    Right(Person),
    Wrong { wait_seconds: Option<u64> },
}

/// Whole seconds left until `until`, rounded up so "0 s" is never shown while still
/// waiting; `None` once it has passed.
pub(super) fn seconds_left(until: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Option<u64> {
    let ms = (until? - now).num_milliseconds();
    (ms > 0).then(|| u64::try_from(ms).unwrap_or(0).div_ceil(1000))
}

impl Desk {
    /// True while no active owner exists: a new desk, or one from the version before
    /// sign-in. The app then asks for the owner before anything else.
    pub async fn needs_owner(&self) -> Result<bool> {
        let mut conn = self.pools.reader.acquire().await?;
        Ok(people::active_owners(&mut conn, None).await? == 0)
    }

    /// The names on the lock screen: active people, owners first, each with the seconds
    /// left of a lockout.
    pub async fn sign_in_choices(&self) -> Result<Vec<SignInChoice>> {
        let mut conn = self.pools.reader.acquire().await?;
        let now = self.now();
        Ok(people::active_with_waits(&mut conn)
            .await?
            .into_iter()
            .map(|(p, until)| SignInChoice {
                id: p.id,
                name: p.name,
                role: p.role,
                wait_seconds: seconds_left(until, now),
            })
            .collect())
    }

    /// Creates the desk's first owner with `pin`, and their recovery code, shown this once.
    /// Refused once anybody exists: after that, owners add people.
    pub async fn create_first_owner(&self, name: &str, pin: &PinChange) -> Result<OwnerWithCode> {
        let (name, name_key) = valid_name(name)?;
        check_pin_change(&pin.pin, &pin.pin_again)?;
        let code = RecoveryCode::new();
        let (pin_hash, recovery_hash) =
            tokio::try_join!(pin::hash(pin.pin.clone()), pin::hash(code.folded().into()))?;
        let person = self
            .transact(&Actor::system(), async |tx| {
                if people::count(tx).await? > 0 {
                    return Err(PersonError::OwnerExists.into());
                }
                let row = NewPersonRow {
                    name: &name,
                    name_key: &name_key,
                    role: PersonRole::Owner,
                    pin_hash: &pin_hash,
                    recovery_hash: Some(&recovery_hash),
                };
                let id = people::insert(tx, &row, self.now()).await?;
                let person = super::manage::fetch(tx, id).await?;
                tx.audit(
                    AuditEntity::Person,
                    id,
                    "create",
                    None::<&()>,
                    Some(&person),
                )
                .await?;
                Ok(person)
            })
            .await?;
        Ok(OwnerWithCode {
            person,
            recovery_code: code.printed(),
        })
    }

    /// Signs person `id` in with `pin`. During a lockout the PIN is not even checked (nor
    /// counted); a wrong one counts towards the next wait; a right one ends the count.
    pub async fn sign_in(&self, id: PersonId, pin: &str) -> Result<Person> {
        // A malformed PIN can never be right, and the rule is no secret: refuse it without
        // counting, so a stray key does not bring a lockout nearer.
        check_pin(pin)?;
        // The check runs inside the write transaction, holding the lock for one hash: that
        // serialises attempts, so a burst of parallel guesses is counted one by one (each
        // seeing the wait the previous one started) instead of all slipping past one count,
        // and never hashes in parallel by the hundred.
        let attempt = self
            .transact(&Actor::system(), async |tx| {
                let who = super::active_secrets(tx, id).await?;
                let now = self.now();
                if let Some(seconds) = seconds_left(who.wait_until, now) {
                    return Err(PersonError::Waiting { seconds }.into());
                }
                if pin::verify(pin.to_string(), who.pin_hash).await? {
                    if who.failed_pins > 0 || who.wait_until.is_some() {
                        people::clear_failures(tx, id).await?;
                    }
                    return Ok(Attempt::Right(who.person));
                }
                let failures = people::count_failure(tx, id).await?;
                let wait = wait_after(failures);
                people::set_wait(tx, id, wait.map(|w| now + w)).await?;
                let wait_seconds = wait.and_then(|w| u64::try_from(w.num_seconds()).ok());
                if let Some(seconds) = wait_seconds {
                    let entry = serde_json::json!({
                        "person": who.person,
                        "failedPins": failures,
                        "waitSeconds": seconds,
                    });
                    tx.audit(
                        AuditEntity::Person,
                        id,
                        "lockout",
                        None::<&()>,
                        Some(&entry),
                    )
                    .await?;
                }
                Ok(Attempt::Wrong { wait_seconds })
            })
            .await?;
        match attempt {
            Attempt::Right(person) => Ok(person),
            Attempt::Wrong { wait_seconds } => Err(PersonError::WrongPin { wait_seconds }.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    #[test]
    fn seconds_left_round_up_and_end() {
        let now = DateTime::<Utc>::default();
        let at = |ms| Some(now + TimeDelta::milliseconds(ms));
        assert_eq!(seconds_left(at(30_000), now), Some(30));
        assert_eq!(seconds_left(at(29_001), now), Some(30));
        assert_eq!(seconds_left(at(1), now), Some(1));
        assert_eq!(seconds_left(at(0), now), None);
        assert_eq!(seconds_left(at(-5), now), None);
        assert_eq!(seconds_left(None, now), None);
    }
}
