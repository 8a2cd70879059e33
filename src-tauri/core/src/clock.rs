//! [`Clock`]: where the desk reads the time, and which calendar day an instant falls on.
//!
//! Every rule that asks "now" or "today" asks the desk's clock, never the wall clock, so a
//! test (or demo history logged at past times) can pin the instant and the shop's day: a
//! run that crosses midnight or a month's end, in any process time zone, reads one story.

use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta, Utc};

/// The desk's source of the current instant and of the shop's calendar.
#[derive(Debug, Clone, Default)]
pub struct Clock(Source);

#[derive(Debug, Clone, Default)]
enum Source {
    /// The computer's clock, with days in the computer's time zone (the shop's).
    #[default]
    System,
    /// A clock the caller moves, with days in a fixed offset.
    Manual(ManualClock),
}

impl Clock {
    /// The computer's clock and time zone: what the app runs on.
    pub fn system() -> Self {
        Clock(Source::System)
    }

    /// The current instant. A stepping [`ManualClock`] moves on by its step after each read.
    pub fn now(&self) -> DateTime<Utc> {
        match &self.0 {
            Source::System => Utc::now(),
            Source::Manual(manual) => manual.now(),
        }
    }

    /// The shop's wall-clock time at `at`.
    pub fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        match &self.0 {
            Source::System => at.with_timezone(&chrono::Local).naive_local(),
            Source::Manual(manual) => at.with_timezone(&manual.offset()).naive_local(),
        }
    }

    /// The shop's calendar day at `at`: the day a redemption logged then belongs to.
    pub fn day_of(&self, at: DateTime<Utc>) -> NaiveDate {
        self.local(at).date()
    }

    /// The shop's calendar day now (one read of [`Clock::now`]).
    pub fn today(&self) -> NaiveDate {
        self.day_of(self.now())
    }
}

impl From<ManualClock> for Clock {
    fn from(manual: ManualClock) -> Self {
        Clock(Source::Manual(manual))
    }
}

/// A clock that reads what it was set to, optionally stepping on after each read; its
/// clones share one time, so a test keeps a handle to move the clock a desk holds.
#[derive(Debug, Clone)]
pub struct ManualClock {
    state: Arc<Mutex<State>>,
}

#[derive(Debug)]
struct State {
    next: DateTime<Utc>,
    step: TimeDelta,
    offset: FixedOffset,
}

impl ManualClock {
    /// A clock standing at `at`; days are counted in `at`'s offset, whatever the process's
    /// time zone.
    pub fn fixed(at: DateTime<FixedOffset>) -> Self {
        Self::stepping(at, TimeDelta::zero())
    }

    /// A clock starting at `at` that moves on by `step` after every read, so consecutive
    /// operations happen at distinct, increasing instants.
    pub fn stepping(at: DateTime<FixedOffset>, step: TimeDelta) -> Self {
        let state = State {
            next: at.with_timezone(&Utc),
            step,
            offset: *at.offset(),
        };
        ManualClock {
            state: Arc::new(Mutex::new(state)),
        }
    }

    /// Moves the clock to `at` (its offset becomes the shop's from now on).
    pub fn set(&self, at: DateTime<FixedOffset>) {
        let mut state = self.lock();
        state.next = at.with_timezone(&Utc);
        state.offset = *at.offset();
    }

    /// Moves the clock on by `by`.
    pub fn advance(&self, by: TimeDelta) {
        let mut state = self.lock();
        state.next += by;
    }

    /// The instant the next read returns, without stepping.
    pub fn peek(&self) -> DateTime<Utc> {
        self.lock().next
    }

    fn now(&self) -> DateTime<Utc> {
        let mut state = self.lock();
        let now = state.next;
        let step = state.step;
        state.next = now + step;
        now
    }

    fn offset(&self) -> FixedOffset {
        self.lock().offset
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // The state is two plain values, whole after any panic: a poisoned lock is still fine.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).expect("rfc3339")
    }

    #[test]
    fn a_stepping_clock_moves_on_after_each_read() {
        let clock = Clock::from(ManualClock::stepping(
            at("2026-01-31T23:59:58-05:00"),
            TimeDelta::seconds(1),
        ));
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        assert_eq!(clock.today(), day(2026, 1, 31));
        assert_eq!(clock.today(), day(2026, 1, 31));
        assert_eq!(clock.today(), day(2026, 2, 1));
    }

    #[test]
    fn days_follow_the_clock_offset_not_utc() {
        let manual = ManualClock::fixed(at("2026-01-31T23:30:00-05:00"));
        let clock = Clock::from(manual.clone());
        // 04:30 UTC on 1 February, but still 31 January at the shop.
        assert_eq!(clock.now(), at("2026-02-01T04:30:00Z"));
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 1, 31).expect("date")
        );
        manual.advance(TimeDelta::hours(1));
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 2, 1).expect("date")
        );
    }
}
