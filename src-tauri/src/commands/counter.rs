//! The counter: logging redemptions at this till, its recent list, voids and its name.

use partnerdesk_core::ledger::{
    LogOutcome, RedemptionId, RedemptionInput, RedemptionView, SaleLimitsInput, SaleLimitsView,
    VoidInput,
};

use partnerdesk_core::people::PersonRole;

use partnerdesk_core::Error;

use crate::error::ApiResult;
use crate::state::{OwnerDesk, StaffDesk};

/// Logs a redemption at this till. Safe to retry with the same input: the idempotency key
/// makes a repeat return the first result. The attempt is in the counter's journal on disk
/// until the core answers it, so a crash on the way leaves it to be offered again.
#[tauri::command]
#[tracing::instrument(skip(desk, input), fields(key = %input.idempotency_key), err(Debug))]
pub async fn log_redemption(desk: StaffDesk<'_>, input: RedemptionInput) -> ApiResult<LogOutcome> {
    desk.note_attempt(&input)?;
    let till = desk.till_name().await?;
    let logged = desk.log_redemption(&input, &till, &desk.actor()).await;
    // A store error leaves it unknown whether the sale was saved: the journal keeps it.
    // Any other answer is definite.
    if !matches!(logged, Err(Error::Store(_))) {
        if let Err(err) = desk.settle_attempt(&input.idempotency_key) {
            tracing::warn!(%err, "could not clear the answered attempt from the journal");
        }
    }
    let mut outcome = logged?;
    if let LogOutcome::Logged { redemption, .. } = &mut outcome {
        hide_money_from_counter(desk.counter_only(), redemption);
    }
    Ok(outcome)
}

/// Drops a sale staff chose to discard from the counter's journal (it was never saved, or
/// they know it was).
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn discard_unsaved_sale(desk: StaffDesk<'_>, key: String) -> ApiResult<()> {
    Ok(desk.settle_attempt(&key)?)
}

/// The last redemptions logged at this till, newest first: a staff member's own only, an
/// owner's everyone's.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn recent_redemptions(desk: StaffDesk<'_>) -> ApiResult<Vec<RedemptionView>> {
    let till = desk.till_name().await?;
    let own = desk
        .person()
        .filter(|person| person.role == PersonRole::Staff)
        .map(|person| person.id);
    let mut recent = desk.recent_redemptions(&till, own).await?;
    for redemption in &mut recent {
        hide_money_from_counter(desk.counter_only(), redemption);
    }
    Ok(recent)
}

/// A counter-only window shows what the customer gets, never what the partner earns.
fn hide_money_from_counter(counter_only: bool, redemption: &mut RedemptionView) {
    if counter_only {
        redemption.commission.clear();
    }
}

/// Voids a redemption (owner only): it stays listed, marked, and leaves every total.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn void_redemption(
    desk: OwnerDesk<'_>,
    id: RedemptionId,
    input: VoidInput,
) -> ApiResult<RedemptionView> {
    Ok(desk.void_redemption(id, &input, &desk.actor()).await?)
}

/// Renames this till (owner only); later redemptions carry the new name.
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn set_till_name(desk: OwnerDesk<'_>, name: String) -> ApiResult<String> {
    Ok(desk.set_till_name(&name, &desk.actor()).await?)
}

/// Sets the largest sale the counter takes and the amount above which it asks once more
/// (owner only).
#[tauri::command]
#[tracing::instrument(skip(desk), err(Debug))]
pub async fn set_sale_limits(
    desk: OwnerDesk<'_>,
    input: SaleLimitsInput,
) -> ApiResult<SaleLimitsView> {
    Ok(desk.save_sale_limits(&input, &desk.actor()).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use partnerdesk_core::ledger::RedemptionInput;
    use partnerdesk_core::partners::PartnerQuery;
    use partnerdesk_core::{Actor, Desk};

    /// A real redemption of the demo bakery's poster code, as the core returns it.
    async fn logged() -> RedemptionView {
        let dir = tempfile::tempdir().unwrap();
        let desk = Desk::open(dir.path()).await.unwrap();
        desk.load_demo().await.unwrap();
        let query = PartnerQuery {
            search: Some("Crumb & Co. Bakery".into()),
            ..Default::default()
        };
        let bakery = desk.partners(&query).await.unwrap()[0].id;
        let codes = desk.codes_for(bakery).await.unwrap();
        let poster = codes.iter().find(|c| c.redemption_limit.is_none()).unwrap();
        let input = RedemptionInput {
            code: poster.printed.clone(),
            sale: "20.00".into(),
            new_customer: false,
            note: String::new(),
            idempotency_key: "11111111-2222-4333-8444-555555555555".into(),
            confirmed_large: false,
        };
        match desk
            .log_redemption(&input, "Till 1", &Actor::owner())
            .await
            .unwrap()
        {
            LogOutcome::Logged { redemption, .. } => *redemption,
            refused => panic!("the demo poster code was refused: {refused:?}"),
        }
    }

    #[tokio::test]
    async fn the_counter_window_never_receives_the_partners_commission() {
        let mut view = logged().await;
        assert_eq!(
            view.commission, "€1.44",
            "8 % of the €18.00 the customer paid"
        );
        let customer_gets = (view.sale.clone(), view.discount.clone(), view.pays.clone());
        hide_money_from_counter(true, &mut view);
        assert_eq!(view.commission, "");
        // What the customer gets stays: staff need it to ring up the sale.
        assert_eq!((view.sale, view.discount, view.pays), customer_gets);
    }

    #[tokio::test]
    async fn the_owner_window_sees_the_commission() {
        let mut view = logged().await;
        hide_money_from_counter(false, &mut view);
        assert_eq!(view.commission, "€1.44");
    }
}
