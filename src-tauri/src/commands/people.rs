//! The people who sign in (owner only): adding staff, names, roles, PINs, the idle lock.

use std::time::Duration;

use partnerdesk_core::ids::PersonId;
use partnerdesk_core::people::{NewPerson, Person, PersonRole, PinChange};
use tauri::{AppHandle, Runtime};

use crate::error::ApiResult;
use crate::files;
use crate::state::OwnerDesk;

/// Everyone who can sign in, active or not, owners first.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_people(desk: OwnerDesk<'_>) -> ApiResult<Vec<Person>> {
    Ok(desk.people().await?)
}

/// Adds a person with their first PIN.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn add_person(desk: OwnerDesk<'_>, input: NewPerson) -> ApiResult<Person> {
    Ok(desk.add_person(&input, &desk.actor()).await?)
}

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn rename_person(desk: OwnerDesk<'_>, id: PersonId, name: String) -> ApiResult<Person> {
    let person = desk.rename_person(id, &name, &desk.actor()).await?;
    desk.app().person_changed(&person);
    Ok(person)
}

/// Deactivates (or reactivates) a person; a deactivated person cannot sign in. The last
/// active owner is refused by the core.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn set_person_active(
    desk: OwnerDesk<'_>,
    id: PersonId,
    active: bool,
) -> ApiResult<Person> {
    let person = desk.set_person_active(id, active, &desk.actor()).await?;
    desk.app().person_changed(&person);
    Ok(person)
}

/// Makes a person an owner or staff. The last active owner cannot be demoted.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn set_person_role(
    desk: OwnerDesk<'_>,
    id: PersonId,
    role: PersonRole,
) -> ApiResult<Person> {
    let person = desk.set_person_role(id, role, &desk.actor()).await?;
    desk.app().person_changed(&person);
    Ok(person)
}

/// Sets a new PIN for someone who forgot theirs (and lifts any wait after wrong PINs).
#[tauri::command]
#[tracing::instrument(skip_all, fields(person = %id), err(Debug))]
pub async fn reset_person_pin(desk: OwnerDesk<'_>, id: PersonId, pin: PinChange) -> ApiResult<()> {
    Ok(desk.reset_pin(id, &pin, &desk.actor()).await?)
}

/// Sets the minutes without use after which the window locks; answers the saved value.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn set_idle_lock(desk: OwnerDesk<'_>, minutes: u32) -> ApiResult<u32> {
    let saved = desk.set_idle_lock_minutes(minutes, &desk.actor()).await?;
    desk.app()
        .set_idle_lock(Duration::from_secs(u64::from(saved) * 60));
    Ok(saved)
}

/// Saves the owner's recovery code as a one-page PDF to keep somewhere safe, and opens it.
/// Answers the saved path, or `None` when the owner cancelled the dialog.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn print_recovery_code<R: Runtime>(
    desk: OwnerDesk<'_>,
    handle: AppHandle<R>,
    code: String,
) -> ApiResult<Option<String>> {
    let pdf = desk.recovery_sheet_pdf(desk.owner()?, &code).await?;
    files::save_and_open(&handle, &pdf)
}
