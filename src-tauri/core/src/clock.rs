//! [`Clock`]: where the desk reads the time, and which calendar day an instant falls on.
//!
//! Every rule that asks "now" or "today" asks the desk's clock, never the wall clock, so a
//! test (or demo history logged at past times) can pin the instant and the shop's day: a
//! run that crosses midnight or a month's end, in any process time zone, reads one story.
//!
//! The day is the shop's: in the time zone of its business profile once one is saved, so a
//! laptop set to another zone (bought abroad, or carried to a fair) cannot move a sale into
//! another day or a monthly cap into another month. Before a zone is saved, the day is the
//! computer's (or a test clock's own offset).

use std::str::FromStr;
use std::sync::{Arc, Mutex, OnceLock, PoisonError, RwLock};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta, Utc};
use chrono_tz::Tz;

/// The desk's source of the current instant and of the shop's calendar.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    source: Source,
    /// The shop's zone from its profile, shared by every clone of one open desk (a profile
    /// saved through one handle moves the day for all of them).
    zone: Arc<RwLock<Option<Tz>>>,
}

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
        Self::from_source(Source::System)
    }

    fn from_source(source: Source) -> Self {
        Clock {
            source,
            zone: Arc::default(),
        }
    }

    /// The same source of time with a calendar of its own in `zone` (`None`: the computer's,
    /// or a test clock's offset). A desk opens with this, so a backup opened to look inside
    /// cannot move the open desk's day.
    pub fn in_zone(&self, zone: Option<Tz>) -> Self {
        Clock {
            source: self.source.clone(),
            zone: Arc::new(RwLock::new(zone)),
        }
    }

    /// Moves the calendar to `zone` (a profile saved with another time zone).
    pub fn set_zone(&self, zone: Option<Tz>) {
        *self.zone.write().unwrap_or_else(PoisonError::into_inner) = zone;
    }

    /// The shop's saved zone, if any.
    pub fn zone(&self) -> Option<Tz> {
        *self.zone.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// The IANA name of the zone days are counted in: the shop's, else the computer's, else
    /// `UTC` (a test clock's bare offset has no name).
    pub fn zone_name(&self) -> String {
        self.zone()
            .or_else(|| match self.source {
                Source::System => computer_zone(),
                Source::Manual(_) => None,
            })
            .map_or_else(|| "UTC".to_string(), |tz| tz.name().to_string())
    }

    /// The current instant. A stepping [`ManualClock`] moves on by its step after each read.
    pub fn now(&self) -> DateTime<Utc> {
        match &self.source {
            Source::System => Utc::now(),
            Source::Manual(manual) => manual.now(),
        }
    }

    /// The shop's wall-clock time at `at`.
    pub fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        if let Some(zone) = self.zone() {
            return at.with_timezone(&zone).naive_local();
        }
        match &self.source {
            Source::System => match computer_zone() {
                // The same zone `zone_name` reports, so the window and the core agree.
                Some(zone) => at.with_timezone(&zone).naive_local(),
                None => at.with_timezone(&chrono::Local).naive_local(),
            },
            Source::Manual(manual) => at.with_timezone(&manual.offset()).naive_local(),
        }
    }

    /// The shop's offset from UTC at `at`, as this clock's calendar reads it.
    pub fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
        let seconds = (self.local(at) - at.naive_utc()).num_seconds();
        i32::try_from(seconds)
            .ok()
            .and_then(FixedOffset::east_opt)
            .unwrap_or(FixedOffset::east_opt(0).expect("UTC is an offset"))
    }

    /// The instant the shop's clocks read `hour:minute` on `day` (history written at a
    /// shop's wall time). Right on either side of a change of clocks, which happens at
    /// night when the shop is closed.
    pub fn at_wall(&self, day: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
        let wall = day
            .and_time(chrono::NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default())
            .and_utc();
        let offset =
            |at: DateTime<Utc>| TimeDelta::seconds(i64::from(self.offset_at(at).local_minus_utc()));
        // The offset at the wall time read as UTC, then again at the instant that gives.
        let guess = wall - offset(wall);
        wall - offset(guess)
    }

    /// A clock read from `manual` on this clock's calendar: the saved zone shared (a profile
    /// saved through either moves both), for history written at times the caller sets.
    pub(crate) fn driven_by(&self, manual: ManualClock) -> Clock {
        Clock {
            source: Source::Manual(manual),
            zone: Arc::clone(&self.zone),
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
        Self::from_source(Source::Manual(manual))
    }
}

/// A time zone by its IANA name (`Europe/Berlin`), `None` when the name is not one.
pub fn parse_zone(name: &str) -> Option<Tz> {
    Tz::from_str(name.trim()).ok()
}

/// The computer's own zone: `TZ` when it names one (as the C library reads it), else the
/// system setting; `None` when neither names an IANA zone.
pub fn computer_zone() -> Option<Tz> {
    // Read once: the counter asks for the day on every sale, and the setting cannot change
    // under a running process (chrono's `Local` reads it once too).
    static ZONE: OnceLock<Option<Tz>> = OnceLock::new();
    *ZONE.get_or_init(read_computer_zone)
}

fn read_computer_zone() -> Option<Tz> {
    let from_env = std::env::var("TZ").ok().and_then(|tz| {
        // `TZ=:Europe/Berlin` is the POSIX spelling of a zone file's name.
        parse_zone(tz.strip_prefix(':').unwrap_or(&tz))
    });
    from_env
        .or_else(|| {
            iana_time_zone::get_timezone()
                .ok()
                .and_then(|name| parse_zone(&name))
        })
        .map(plain_utc)
}

/// `Etc/UTC`, `Universal`, `Zulu`… (what a server or container is often set to) as the one
/// `UTC` the profile form offers.
fn plain_utc(zone: Tz) -> Tz {
    const ALIASES: [&str; 8] = [
        "Etc/UTC",
        "Etc/UCT",
        "Etc/Universal",
        "Etc/Zulu",
        "UCT",
        "Universal",
        "Zulu",
        "Etc/GMT0",
    ];
    if ALIASES.contains(&zone.name()) {
        Tz::UTC
    } else {
        zone
    }
}

/// Zones offered in the profile form: the canonical `Region/City` names and `UTC`, without
/// the old aliases (`US/Eastern`, `GB`) that the tz database keeps for compatibility.
pub fn offered_zones() -> Vec<&'static str> {
    const REGIONS: [&str; 10] = [
        "Africa/",
        "America/",
        "Antarctica/",
        "Arctic/",
        "Asia/",
        "Atlantic/",
        "Australia/",
        "Europe/",
        "Indian/",
        "Pacific/",
    ];
    let mut names: Vec<&'static str> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|name| *name == "UTC" || REGIONS.iter().any(|r| name.starts_with(r)))
        .collect();
    names.sort_unstable();
    names
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
    fn a_saved_zone_decides_the_day_over_the_clock_offset() {
        // 23:30 in New York is already 17:30 the next day in Auckland.
        let clock = Clock::from(ManualClock::fixed(at("2026-01-31T23:30:00-05:00")));
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 1, 31).expect("date")
        );
        clock.set_zone(parse_zone("Pacific/Auckland"));
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 2, 1).expect("date")
        );
        assert_eq!(clock.zone_name(), "Pacific/Auckland");
        // A clone shares the zone; a clock in its own zone does not.
        let own = clock.in_zone(None);
        assert_eq!(
            clock.clone().today(),
            NaiveDate::from_ymd_opt(2026, 2, 1).expect("date")
        );
        assert_eq!(
            own.today(),
            NaiveDate::from_ymd_opt(2026, 1, 31).expect("date")
        );
    }

    #[test]
    fn summer_time_moves_the_day_with_the_zone() {
        // 22:30 UTC on 30 June is 00:30 on 1 July in Berlin (UTC+2 in summer), but 23:30
        // on 31 January is still January there (UTC+1 in winter).
        let clock = Clock::from(ManualClock::fixed(at("2026-06-30T22:30:00Z")));
        clock.set_zone(parse_zone("Europe/Berlin"));
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 7, 1).expect("date")
        );
        let winter = Clock::from(ManualClock::fixed(at("2026-01-31T22:30:00Z")));
        winter.set_zone(parse_zone("Europe/Berlin"));
        assert_eq!(
            winter.today(),
            NaiveDate::from_ymd_opt(2026, 1, 31).expect("date")
        );
    }

    #[test]
    fn a_container_set_to_etc_utc_is_offered_plain_utc() {
        for alias in ["Etc/UTC", "Universal", "Zulu", "Etc/UCT"] {
            let zone = parse_zone(alias).expect("a tz name");
            assert_eq!(plain_utc(zone).name(), "UTC");
        }
        let berlin = parse_zone("Europe/Berlin").expect("berlin");
        assert_eq!(plain_utc(berlin), berlin);
    }

    #[test]
    fn offered_zones_are_canonical_names_that_parse() {
        let zones = offered_zones();
        assert!(zones.contains(&"Europe/Berlin") && zones.contains(&"America/New_York"));
        assert!(zones.contains(&"UTC"));
        assert!(!zones.contains(&"US/Eastern") && !zones.contains(&"GB"));
        assert!(zones.iter().all(|z| parse_zone(z).is_some()));
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
