//! Signing in and out at the window: who may sign in, the first owner, PINs, recovery.
//!
//! PINs and recovery codes pass through here on their way to the core and are never logged:
//! every command skips all its arguments in its trace.

use partnerdesk_core::ids::PersonId;
use partnerdesk_core::people::{PinChange, RecoveryInput, SignInChoice};
use serde::Serialize;
use ts_rs::TS;

use crate::error::ApiResult;
use crate::state::{Arrival, SessionView, StaffDesk};

/// The owner just signed in, with the one-time recovery code to show (and print) once.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OwnerSignedIn {
    pub session: SessionView,
    pub recovery_code: String,
}

/// Who can sign in here: the lock screen's name buttons, with any wait after wrong PINs.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn sign_in_choices(arrival: Arrival<'_>) -> ApiResult<Vec<SignInChoice>> {
    let choices = arrival.open_desk()?.sign_in_choices().await?;
    // The lock screen is up and asks for the names it shows: tests/perf/cold-start.sh times
    // start-up to this line.
    tracing::info!(people = choices.len(), "lock screen choices sent");
    Ok(choices)
}

/// Creates the first owner (only while there is none) and signs them in.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn create_first_owner(
    arrival: Arrival<'_>,
    name: String,
    pin: PinChange,
) -> ApiResult<OwnerSignedIn> {
    let made = arrival.open_desk()?.create_first_owner(&name, &pin).await?;
    let app = arrival.app();
    app.owner_created();
    Ok(OwnerSignedIn {
        session: app.start_session(made.person),
        recovery_code: made.recovery_code,
    })
}

/// Signs `person_id` in with their PIN. Wrong PINs count towards a wait the core keeps.
#[tauri::command]
#[tracing::instrument(skip_all, fields(person = %person_id), err(Debug))]
pub async fn sign_in(
    arrival: Arrival<'_>,
    person_id: PersonId,
    pin: String,
) -> ApiResult<SessionView> {
    let person = arrival.open_desk()?.sign_in(person_id, &pin).await?;
    Ok(arrival.app().start_session(person))
}

/// Resets an owner's forgotten PIN with the recovery code, signs them in and answers the
/// new recovery code (the old one no longer works).
#[tauri::command]
#[tracing::instrument(skip_all, fields(person = %person_id), err(Debug))]
pub async fn recover_owner(
    arrival: Arrival<'_>,
    person_id: PersonId,
    input: RecoveryInput,
) -> ApiResult<OwnerSignedIn> {
    let recovered = arrival
        .open_desk()?
        .recover_owner(person_id, &input)
        .await?;
    Ok(OwnerSignedIn {
        session: arrival.app().start_session(recovered.person),
        recovery_code: recovered.recovery_code,
    })
}

/// Ends the session: the window shows the lock screen.
#[tauri::command]
#[tracing::instrument(skip_all)]
pub async fn lock(arrival: Arrival<'_>) -> ApiResult<()> {
    arrival.app().end_session();
    Ok(())
}

/// The person is still at the window (typing, scanning): the guard itself records the
/// activity, so the idle lock starts counting again.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn still_here(_desk: StaffDesk<'_>) -> ApiResult<()> {
    Ok(())
}
