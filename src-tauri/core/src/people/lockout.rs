//! How long a person waits after wrong PINs.
//!
//! Four wrong PINs in a row cost nothing (a busy hand slips); the fifth starts a 30 s wait,
//! and each further one doubles it. The wait is capped at an hour: beyond that it stops
//! slowing a guesser and only locks out the real person, whose owner can reset the PIN (or,
//! for an owner, the recovery code can). Even capped, guessing a 4-digit PIN at the screen
//! takes most of a year. The count and the wait's end are stored, so a restart keeps them.

use chrono::Duration;

/// Wrong PINs in a row allowed before a wait starts.
pub const FREE_TRIES: u32 = 4;
/// The wait the first failure past [`FREE_TRIES`] starts.
pub const WAIT_FIRST: Duration = Duration::seconds(30);
/// The longest wait.
pub const WAIT_CAP: Duration = Duration::hours(1);

/// The wait after `failures` wrong PINs in a row: none for the first four, 30 s at the
/// fifth, then doubling (60 s, 120 s, …) up to [`WAIT_CAP`].
pub fn wait_after(failures: u32) -> Option<Duration> {
    let doublings = failures.checked_sub(FREE_TRIES + 1)?;
    // 30 s · 2⁷ already passes the cap, so a bigger shift is never needed (nor overflows).
    let wait = WAIT_FIRST * (1_i32 << doublings.min(7));
    Some(wait.min(WAIT_CAP))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_schedule_starts_at_the_fifth_failure() {
        let secs = |n| wait_after(n).map(|d| d.num_seconds());
        assert_eq!((0..=4).map(secs).collect::<Vec<_>>(), vec![None; 5]);
        assert_eq!(secs(5), Some(30));
        assert_eq!(secs(6), Some(60));
        assert_eq!(secs(7), Some(120));
        assert_eq!(secs(11), Some(1920));
        assert_eq!(secs(12), Some(3600));
        assert_eq!(secs(u32::MAX), Some(3600));
    }

    proptest! {
        #[test]
        fn waits_never_shrink_and_double_until_the_cap(n in 0u32..10_000) {
            let (now, next) = (wait_after(n), wait_after(n + 1));
            prop_assert!(next >= now);
            if let (Some(now), Some(next)) = (now, next) {
                prop_assert_eq!(next, (now * 2).min(WAIT_CAP));
                prop_assert!(next <= WAIT_CAP);
            }
        }
    }
}
