//! The owner's side: listing people, adding, renaming, (de)activating, changing roles and
//! resetting PINs, with at least one active owner kept at all times.

use super::{
    check_pin_change, pin, valid_name, NewPerson, Person, PersonId, PersonRole, PinChange,
};
use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::PersonError;
use crate::store::people::{self, NewPersonRow};
use crate::transact::Tx;
use crate::{Desk, Result};

const ENTITY: AuditEntity = AuditEntity::Person;

impl Desk {
    /// Everyone, active or not, owners first, then by name.
    pub async fn people(&self) -> Result<Vec<Person>> {
        let mut conn = self.pools.reader.acquire().await?;
        Ok(people::list(&mut conn).await?)
    }

    /// One person.
    pub async fn person(&self, id: PersonId) -> Result<Person> {
        let mut conn = self.pools.reader.acquire().await?;
        fetch(&mut conn, id).await
    }

    /// Adds an active owner or member of staff with their first PIN. (Only the first owner
    /// gets a recovery code; another owner's PIN is reset by an owner.)
    pub async fn add_person(&self, input: &NewPerson, actor: &Actor) -> Result<Person> {
        let (name, name_key) = valid_name(&input.name)?;
        check_pin_change(&input.pin, &input.pin_again)?;
        // Hashed before the transaction: it needs no lock, and holding one for it would
        // stall the counter.
        let pin_hash = pin::hash(input.pin.clone()).await?;
        self.transact(actor, async |tx| {
            refuse_taken_name(tx, &name_key, None).await?;
            let row = NewPersonRow {
                name: &name,
                name_key: &name_key,
                role: input.role,
                pin_hash: &pin_hash,
                recovery_hash: None,
            };
            let id = people::insert(tx, &row, self.now()).await?;
            let after = fetch(tx, id).await?;
            tx.audit(ENTITY, id, "create", None::<&()>, Some(&after))
                .await?;
            Ok(after)
        })
        .await
    }

    /// Renames a person; records already made keep the name they were made under.
    pub async fn rename_person(&self, id: PersonId, name: &str, actor: &Actor) -> Result<Person> {
        let (name, name_key) = valid_name(name)?;
        self.transact(actor, async |tx| {
            let before = fetch(tx, id).await?;
            refuse_taken_name(tx, &name_key, Some(id)).await?;
            people::rename(tx, id, (&name, &name_key), self.now()).await?;
            let after = fetch(tx, id).await?;
            tx.audit(ENTITY, id, "rename", Some(&before), Some(&after))
                .await?;
            Ok(after)
        })
        .await
    }

    /// Lets a person sign in again, or stops them; the last active owner cannot be stopped.
    pub async fn set_person_active(
        &self,
        id: PersonId,
        active: bool,
        actor: &Actor,
    ) -> Result<Person> {
        self.transact(actor, async |tx| {
            let before = fetch(tx, id).await?;
            if before.active == active {
                return Ok(before);
            }
            if !active && before.role == PersonRole::Owner {
                refuse_last_owner(tx, id).await?;
            }
            people::set_active(tx, id, active, self.now()).await?;
            let after = fetch(tx, id).await?;
            let action = if active { "activate" } else { "deactivate" };
            tx.audit(ENTITY, id, action, Some(&before), Some(&after))
                .await?;
            Ok(after)
        })
        .await
    }

    /// Makes a person an owner or staff; the last active owner cannot be made staff.
    pub async fn set_person_role(
        &self,
        id: PersonId,
        role: PersonRole,
        actor: &Actor,
    ) -> Result<Person> {
        self.transact(actor, async |tx| {
            let before = fetch(tx, id).await?;
            if before.role == role {
                return Ok(before);
            }
            if before.active && before.role == PersonRole::Owner {
                refuse_last_owner(tx, id).await?;
            }
            people::set_role(tx, id, role, self.now()).await?;
            let after = fetch(tx, id).await?;
            tx.audit(ENTITY, id, "role", Some(&before), Some(&after))
                .await?;
            Ok(after)
        })
        .await
    }

    /// Gives a person a new PIN (they forgot theirs) and ends any lockout.
    pub async fn reset_pin(&self, id: PersonId, pin: &PinChange, actor: &Actor) -> Result<()> {
        check_pin_change(&pin.pin, &pin.pin_again)?;
        let pin_hash = pin::hash(pin.pin.clone()).await?;
        self.transact(actor, async |tx| {
            let person = fetch(tx, id).await?;
            people::set_pin(tx, id, &pin_hash, self.now()).await?;
            // The entry says whose PIN changed, never what to.
            tx.audit(ENTITY, id, "reset_pin", None::<&()>, Some(&person))
                .await
        })
        .await
    }
}

/// One person, or [`PersonError::NotFound`].
pub(super) async fn fetch(conn: &mut crate::store::Conn, id: PersonId) -> Result<Person> {
    people::get(conn, id)
        .await?
        .ok_or(PersonError::NotFound(id).into())
}

async fn refuse_taken_name(tx: &mut Tx<'_>, key: &str, except: Option<PersonId>) -> Result<()> {
    match people::name_taken(tx, key, except).await? {
        Some(existing) => Err(PersonError::DuplicateName { existing }.into()),
        None => Ok(()),
    }
}

/// Refuses to take away `id`'s active ownership when nobody else has one: someone must
/// always be able to reach the owner screens (and a trigger holds the same rule).
async fn refuse_last_owner(tx: &mut Tx<'_>, id: PersonId) -> Result<()> {
    if people::active_owners(tx, Some(id)).await? == 0 {
        return Err(PersonError::LastOwner.into());
    }
    Ok(())
}
