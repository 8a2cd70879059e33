//! App-wide commands: start-up status (with who is signed in) and demo data.

use partnerdesk_core::backups::Backup;
use partnerdesk_core::business::{BusinessProfile, ProfileChoices};
use partnerdesk_core::ledger::{SaleLimitsView, UnsettledSale};
use partnerdesk_core::partners::PartnerStatus;
use partnerdesk_core::{Clock, Desk};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{ApiError, ApiResult};
use crate::state::{App, Arrival, SessionView, SetupDesk};

/// What the UI needs before it shows anything.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub version: String,
    pub data_dir: String,
    /// Set when the store could not be opened; the UI shows only this.
    pub problem: Option<ApiError>,
    /// `None` until the first-run screen is completed.
    pub profile: Option<BusinessProfile>,
    pub choices: ProfileChoices,
    /// The statuses a new partner may be created in (the core refuses the others).
    pub partner_start_statuses: Vec<PartnerStatus>,
    /// True on an empty database, where the demo can be loaded.
    pub demo_available: bool,
    /// This till's name, stored on every redemption logged here.
    pub till: String,
    /// No owner exists yet: after the business profile, the window asks for one.
    pub needs_owner: bool,
    /// Who is signed in; `None` shows the lock screen.
    pub session: Option<SessionView>,
    /// A dedicated till (`--counter`): the counter only, whoever signs in.
    pub till_only: bool,
    /// Minutes without use after which the window locks.
    pub idle_lock_minutes: u32,
    /// The store failed its check at start: the newest backup that passes, offered to
    /// restore (with its date), or `None` when there is none.
    pub rescue: Option<Backup>,
    /// Sales sent to the ledger without a definite answer (the app died on the way, or the
    /// store could not say): the counter offers each again with its key.
    pub unsettled_sales: Vec<UnsettledSale>,
    /// The largest sale the counter takes and the amount above which it asks once more;
    /// `None` until the profile (and so the currency) exists.
    pub sale_limits: Option<SaleLimitsView>,
    /// Why the business currency can no longer change (amounts are saved in it); `None`
    /// while it still can. Settings shows the select disabled with this sentence.
    pub currency_lock: Option<String>,
    /// The IANA zone the shop's days are counted in (the profile's, else the computer's):
    /// the window shows times and "today" in it, as the core counts them.
    pub time_zone: String,
}

/// Builds the status the UI starts from: `desk` is the open store or why it is closed.
async fn status(app: &App, desk: Result<&Desk, &ApiError>) -> ApiResult<AppStatus> {
    let (problem, profile, demo_available, till, needs_owner, unsettled_sales) = match desk {
        Err(problem) => (
            Some(problem.clone()),
            None,
            false,
            String::new(),
            false,
            Vec::new(),
        ),
        Ok(desk) => (
            None,
            desk.profile().await?,
            desk.is_empty().await?,
            desk.till_name().await?,
            desk.needs_owner().await?,
            desk.unsettled_sales(),
        ),
    };
    let (sale_limits, currency_lock) = match (desk, &profile) {
        (Ok(desk), Some(_)) => (Some(desk.sale_limits().await?), desk.currency_lock().await?),
        _ => (None, None),
    };
    let clock = match desk {
        Ok(desk) => desk.clock().clone(),
        Err(_) => Clock::system(),
    };
    Ok(AppStatus {
        version: partnerdesk_core::APP_VERSION.into(),
        data_dir: app.data_dir().display().to_string(),
        problem,
        profile,
        choices: ProfileChoices::all(),
        partner_start_statuses: PartnerStatus::STARTING.to_vec(),
        demo_available,
        till,
        needs_owner,
        session: app.session(),
        till_only: app.till_only(),
        idle_lock_minutes: app.idle_lock_minutes(),
        rescue: app.rescue(),
        unsettled_sales,
        sale_limits,
        currency_lock,
        time_zone: clock.zone_name(),
    })
}

#[tauri::command]
#[tracing::instrument(skip(arrival), err(Debug))]
pub async fn app_status(arrival: Arrival<'_>) -> ApiResult<AppStatus> {
    status(arrival.app(), arrival.desk()).await
}

#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn load_demo(desk: SetupDesk<'_>) -> ApiResult<AppStatus> {
    desk.load_demo().await?;
    status(desk.app(), Ok(&desk)).await
}
