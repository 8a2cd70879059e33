//! History written at its own times: the demo's year of activity and the benchmark data's
//! five years go through the same paths as the counter and the back office, each step at the
//! instant it is said to have happened, so its rows, audit entries and shop days read as if
//! the shop had lived them.
//!
//! Only the demo and the data generator write history. The shell's commands never do: a
//! till logs at the time it is, and a test in the shell fails should a command call
//! [`Desk::log_redemption_at`].

use chrono::{DateTime, Utc};

use crate::clock::ManualClock;
use crate::codes::check_typed_length;
use crate::ledger::{LogOutcome, RedemptionInput};
use crate::{Actor, Desk, Result};

/// A handle on a desk's database whose clock stands wherever history is being written.
pub(crate) struct History {
    desk: Desk,
    hand: ManualClock,
}

impl History {
    /// `desk`'s database and calendar, with a clock the caller moves (standing at `desk`'s
    /// now until moved). Transactions opened through [`History::desk`] date their rows and
    /// audit entries by it.
    pub(crate) fn of(desk: &Desk) -> Self {
        let now = desk.now();
        let hand = ManualClock::fixed(now.with_timezone(&desk.clock().offset_at(now)));
        let clock = desk.clock().driven_by(hand.clone());
        History {
            desk: desk.reading(clock),
            hand,
        }
    }

    /// Moves the clock to `at`, the shop's day being the one `at` falls on in its zone.
    pub(crate) fn at(&self, at: DateTime<Utc>) {
        self.hand
            .set(at.with_timezone(&self.desk.clock().offset_at(at)));
    }

    /// The desk every step of this history goes through.
    pub(crate) fn desk(&self) -> &Desk {
        &self.desk
    }
}

impl Desk {
    /// Logs `input` at `till` as if at `at`: the same checks, amounts and audit entry as
    /// [`Desk::log_redemption`], with `at` as the time and its day as the shop's day (terms
    /// in force, limits and monthly caps are those of that day). For the demo's history and
    /// the benchmark data only; the counter logs at the time it is.
    pub async fn log_redemption_at(
        &self,
        input: &RedemptionInput,
        till: &str,
        at: DateTime<Utc>,
        actor: &Actor,
    ) -> Result<LogOutcome> {
        check_typed_length(&input.code)?;
        let history = History::of(self);
        history.at(at);
        let desk = history.desk();
        desk.transact(actor, async |tx| {
            desk.log_redemption_in(tx, input, till).await
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Days, SubsecRound, TimeDelta};

    use super::History;
    use crate::ledger::{LogOutcome, RedemptionInput, DEFAULT_TILL};
    use crate::testing::{demo_desk, start_day};
    use crate::Actor;

    #[tokio::test]
    async fn history_is_logged_on_its_own_day_and_the_desk_keeps_its_time() {
        let (t, _) = demo_desk().await;
        let before = t.now().trunc_subsecs(3) - TimeDelta::days(40);
        let input = RedemptionInput {
            idempotency_key: "history-test-0001".into(),
            code: "BAKERY-BREA-D7".into(),
            sale: "10.00".into(),
            new_customer: true,
            note: String::new(),
            confirmed_large: false,
        };
        let outcome = t
            .log_redemption_at(&input, DEFAULT_TILL, before, &Actor::system())
            .await
            .unwrap();
        let LogOutcome::Logged { redemption, .. } = outcome else {
            panic!("refused: {outcome:?}")
        };
        assert_eq!(redemption.redeemed_at, before);
        let stored = t.redemptions().await.unwrap();
        let stored = stored.iter().find(|r| r.id == redemption.id).unwrap();
        assert_eq!(
            stored.local_day,
            start_day() - Days::new(40),
            "the day it happened, not today"
        );
        // The desk itself still reads its own clock.
        assert_eq!(t.today(), start_day());
    }

    #[tokio::test]
    async fn a_history_handle_dates_audit_entries_by_its_clock() {
        let (t, bakery) = demo_desk().await;
        let history = History::of(&t);
        let then = t.now().trunc_subsecs(3) - TimeDelta::days(100);
        history.at(then);
        let desk = history.desk();
        let partner = desk
            .transact(&Actor::system(), async |tx| {
                desk.change_partner_status_in(tx, bakery, crate::partners::PartnerStatus::Paused)
                    .await
            })
            .await
            .unwrap();
        let trail = t
            .audit_trail(crate::audit::AuditEntity::Partner, bakery.0)
            .await
            .unwrap();
        let entry = trail.iter().find(|e| e.action == "status").unwrap();
        assert_eq!(entry.at, then);
        assert_eq!(partner.status, crate::partners::PartnerStatus::Paused);
    }
}
