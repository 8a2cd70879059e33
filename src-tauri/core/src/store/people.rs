//! The `people` table: who signs in, their PIN and recovery-code hashes, and the count of
//! wrong PINs behind a lockout. Rows are never deleted (a trigger refuses it), and another
//! trigger keeps at least one active owner.

use super::Conn;
use crate::on;
use chrono::{DateTime, Utc};
use sqlx::FromRow;

use super::{from_millis, to_millis};
use crate::people::{Person, PersonId, PersonRole};

const COLUMNS: &str = "id, name, role, active";

/// Owners first, then by name as people read it.
const ORDER: &str = "ORDER BY role <> 'owner', name_key";

#[derive(FromRow)]
struct PersonRow {
    id: PersonId,
    name: String,
    role: String,
    active: i64,
}

impl PersonRow {
    fn into_person(self) -> sqlx::Result<Person> {
        let role = PersonRole::parse(&self.role)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown role {:?}", self.role).into()))?;
        Ok(Person {
            id: self.id,
            name: self.name,
            role,
            active: self.active == 1,
        })
    }
}

#[derive(FromRow)]
struct SecretsRow {
    #[sqlx(flatten)]
    person: PersonRow,
    pin_hash: String,
    recovery_hash: Option<String>,
    failed_pins: i64,
    wait_until: Option<i64>,
}

/// A person with what signing in and recovery check. No `Debug`: it holds hashes.
pub(crate) struct Secrets {
    pub person: Person,
    pub pin_hash: String,
    pub recovery_hash: Option<String>,
    /// Wrong PINs in a row.
    pub failed_pins: u32,
    /// When the current lockout ends, if one was started.
    pub wait_until: Option<DateTime<Utc>>,
}

impl SecretsRow {
    fn into_secrets(self) -> sqlx::Result<Secrets> {
        Ok(Secrets {
            person: self.person.into_person()?,
            pin_hash: self.pin_hash,
            recovery_hash: self.recovery_hash,
            failed_pins: u32::try_from(self.failed_pins).unwrap_or(u32::MAX),
            wait_until: self.wait_until.map(from_millis),
        })
    }
}

/// How many people there are, active or not.
pub async fn count(conn: &mut Conn) -> sqlx::Result<i64> {
    on!(conn, db => sqlx::query_scalar("SELECT count(*) FROM people")
        .fetch_one(db)
        .await)
}

/// How many active owners there are besides `except`.
pub async fn active_owners(conn: &mut Conn, except: Option<PersonId>) -> sqlx::Result<i64> {
    on!(conn, db => sqlx::query_scalar(
        "SELECT count(*) FROM people
         WHERE role = 'owner' AND active = 1 AND ($1 IS NULL OR id <> $1)",
    )
    .bind(except)
    .fetch_one(db)
    .await)
}

/// One person, if they exist.
pub async fn get(conn: &mut Conn, id: PersonId) -> sqlx::Result<Option<Person>> {
    let sql = format!("SELECT {COLUMNS} FROM people WHERE id = $1");
    let row: Option<PersonRow> =
        on!(conn, db => sqlx::query_as(&sql).bind(id).fetch_optional(db).await)?;
    row.map(PersonRow::into_person).transpose()
}

/// Everyone, active or not, owners first.
pub async fn list(conn: &mut Conn) -> sqlx::Result<Vec<Person>> {
    let sql = format!("SELECT {COLUMNS} FROM people {ORDER}");
    let rows: Vec<PersonRow> = on!(conn, db => sqlx::query_as(&sql).fetch_all(db).await)?;
    rows.into_iter().map(PersonRow::into_person).collect()
}

/// A person with their hashes and lockout, if they exist.
pub(crate) async fn secrets(conn: &mut Conn, id: PersonId) -> sqlx::Result<Option<Secrets>> {
    let sql = format!(
        "SELECT {COLUMNS}, pin_hash, recovery_hash, failed_pins, wait_until
         FROM people WHERE id = $1"
    );
    let row: Option<SecretsRow> =
        on!(conn, db => sqlx::query_as(&sql).bind(id).fetch_optional(db).await)?;
    row.map(SecretsRow::into_secrets).transpose()
}

/// Active people with the end of their lockout, owners first: the lock screen's names.
pub async fn active_with_waits(
    conn: &mut Conn,
) -> sqlx::Result<Vec<(Person, Option<DateTime<Utc>>)>> {
    #[derive(FromRow)]
    struct Row {
        #[sqlx(flatten)]
        person: PersonRow,
        wait_until: Option<i64>,
    }
    let sql = format!("SELECT {COLUMNS}, wait_until FROM people WHERE active = 1 {ORDER}");
    let rows: Vec<Row> = on!(conn, db => sqlx::query_as(&sql).fetch_all(db).await)?;
    rows.into_iter()
        .map(|r| Ok((r.person.into_person()?, r.wait_until.map(from_millis))))
        .collect()
}

/// The name of another person whose name key equals `name_key`, if any.
pub async fn name_taken(
    conn: &mut Conn,
    name_key: &str,
    except: Option<PersonId>,
) -> sqlx::Result<Option<String>> {
    on!(conn, db => sqlx::query_scalar("SELECT name FROM people WHERE name_key = $1 AND ($2 IS NULL OR id <> $2)")
        .bind(name_key)
        .bind(except)
        .fetch_optional(db)
        .await)
}

/// A person about to be stored, their PIN (and an owner's recovery code) already hashed.
pub struct NewPersonRow<'a> {
    pub name: &'a str,
    pub name_key: &'a str,
    pub role: PersonRole,
    pub pin_hash: &'a str,
    pub recovery_hash: Option<&'a str>,
}

/// Adds an active person and returns their id.
pub async fn insert(
    conn: &mut Conn,
    p: &NewPersonRow<'_>,
    at: DateTime<Utc>,
) -> sqlx::Result<PersonId> {
    on!(conn, db => sqlx::query_scalar(
        "INSERT INTO people (name, name_key, role, active, pin_hash, recovery_hash, created_at,
             updated_at)
         VALUES ($1, $2, $3, 1, $4, $5, $6, $6) RETURNING id",
    )
    .bind(p.name)
    .bind(p.name_key)
    .bind(p.role.as_str())
    .bind(p.pin_hash)
    .bind(p.recovery_hash)
    .bind(to_millis(at))
    .fetch_one(db)
    .await)
}

/// Renames a person.
pub async fn rename(
    conn: &mut Conn,
    id: PersonId,
    (name, name_key): (&str, &str),
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query("UPDATE people SET name = $2, name_key = $3, updated_at = $4 WHERE id = $1")
        .bind(id)
        .bind(name)
        .bind(name_key)
        .bind(to_millis(at))
        .execute(db)
        .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// Activates or deactivates a person.
pub async fn set_active(
    conn: &mut Conn,
    id: PersonId,
    active: bool,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query("UPDATE people SET active = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(i64::from(active))
        .bind(to_millis(at))
        .execute(db)
        .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// Changes a person's role; a person made staff loses their recovery code.
pub async fn set_role(
    conn: &mut Conn,
    id: PersonId,
    role: PersonRole,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query(
        "UPDATE people SET role = $2,
             recovery_hash = CASE WHEN $2 = 'owner' THEN recovery_hash END, updated_at = $3
         WHERE id = $1",
    )
    .bind(id)
    .bind(role.as_str())
    .bind(to_millis(at))
    .execute(db)
    .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// Sets a new PIN hash and ends any lockout: the person chose, or was given, a new PIN.
pub async fn set_pin(
    conn: &mut Conn,
    id: PersonId,
    pin_hash: &str,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query(
        "UPDATE people SET pin_hash = $2, failed_pins = 0, wait_until = NULL, updated_at = $3
         WHERE id = $1",
    )
    .bind(id)
    .bind(pin_hash)
    .bind(to_millis(at))
    .execute(db)
    .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// Replaces an owner's recovery-code hash.
pub async fn set_recovery(
    conn: &mut Conn,
    id: PersonId,
    recovery_hash: &str,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query("UPDATE people SET recovery_hash = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(recovery_hash)
        .bind(to_millis(at))
        .execute(db)
        .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// Counts one more wrong PIN and returns the count in a row.
pub async fn count_failure(conn: &mut Conn, id: PersonId) -> sqlx::Result<u32> {
    let failures: i64 = on!(conn, db => sqlx::query_scalar(
        "UPDATE people SET failed_pins = failed_pins + 1 WHERE id = $1 RETURNING failed_pins",
    )
    .bind(id)
    .fetch_one(db)
    .await)?;
    Ok(u32::try_from(failures).unwrap_or(u32::MAX))
}

/// Sets (or, with `None`, ends) the person's lockout.
pub async fn set_wait(
    conn: &mut Conn,
    id: PersonId,
    until: Option<DateTime<Utc>>,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query("UPDATE people SET wait_until = $2 WHERE id = $1")
        .bind(id)
        .bind(until.map(to_millis))
        .execute(db)
        .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}

/// Forgets wrong PINs after a right one.
pub async fn clear_failures(conn: &mut Conn, id: PersonId) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query("UPDATE people SET failed_pins = 0, wait_until = NULL WHERE id = $1")
        .bind(id)
        .execute(db)
        .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}
