//! Whether a goal is on track: its progress against a straight line that starts at nothing
//! on the day the goal was set and reaches the target as the goal's month ends. Compared in
//! whole numbers (cross-multiplied), so no rounding decides "behind"; the line's value is
//! shown rounded up, so a figure at or above what is shown is on track and one below is not.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

/// Where a goal stands against its straight line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum GoalPace {
    /// The target is reached.
    Met,
    /// At or above the line today.
    OnTrack,
    /// Below the line today.
    Behind,
    /// The goal's month is over and the target was not reached.
    Missed,
}

/// A goal's pace and, while it runs, where its line is today (in the target's own units,
/// rounded up).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pace {
    pub pace: GoalPace,
    pub line_today: Option<i64>,
}

/// The pace of a goal that has reached `reached` of `target`, set on `set_on` for the
/// month ending `end`, on `today`.
pub(crate) fn pace(
    reached: i64,
    target: i64,
    set_on: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
) -> Pace {
    if reached >= target {
        return Pace {
            pace: GoalPace::Met,
            line_today: None,
        };
    }
    if today > end {
        return Pace {
            pace: GoalPace::Missed,
            line_today: None,
        };
    }
    // Days the line runs over, the set day included: today's share of them is what the
    // line asks for by now. Nothing is asked on the day the goal is set.
    let days = i128::from((end - set_on).num_days() + 1).max(1);
    let gone = i128::from((today - set_on).num_days()).clamp(0, days);
    let asked = i128::from(target) * gone;
    let on_track = i128::from(reached) * days >= asked;
    let line = (asked + days - 1) / days;
    Pace {
        pace: if on_track {
            GoalPace::OnTrack
        } else {
            GoalPace::Behind
        },
        line_today: Some(i64::try_from(line).unwrap_or(target)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn the_line_starts_at_nothing_and_reaches_the_target_as_the_month_ends() {
        // Set 1 November, due by the end of December: 61 days.
        let (set, end) = (d(2026, 11, 1), d(2026, 12, 31));
        let on = |reached, today| pace(reached, 61, set, end, today);
        assert_eq!(on(0, set).pace, GoalPace::OnTrack);
        assert_eq!(on(0, set).line_today, Some(0));
        // Ten days in, the line asks for 10 of 61.
        assert_eq!(on(10, d(2026, 11, 11)).pace, GoalPace::OnTrack);
        assert_eq!(on(9, d(2026, 11, 11)).pace, GoalPace::Behind);
        assert_eq!(on(9, d(2026, 11, 11)).line_today, Some(10));
        // On the last day the line is all but the last day's share.
        assert_eq!(on(60, end).pace, GoalPace::OnTrack);
        assert_eq!(on(61, end).pace, GoalPace::Met);
        assert_eq!(on(60, d(2027, 1, 1)).pace, GoalPace::Missed);
    }

    #[test]
    fn the_line_shown_is_rounded_up_so_it_agrees_with_the_verdict() {
        // 20 % (2000 hundredths) over 30 days, 1 day gone: 66.67 → 67 hundredths asked.
        let p = pace(66, 2000, d(2026, 11, 1), d(2026, 11, 30), d(2026, 11, 2));
        assert_eq!((p.pace, p.line_today), (GoalPace::Behind, Some(67)));
        let p = pace(67, 2000, d(2026, 11, 1), d(2026, 11, 30), d(2026, 11, 2));
        assert_eq!((p.pace, p.line_today), (GoalPace::OnTrack, Some(67)));
    }

    #[test]
    fn a_goal_set_after_its_month_is_missed_not_divided_by_nothing() {
        let p = pace(0, 10, d(2026, 12, 5), d(2026, 11, 30), d(2026, 12, 5));
        assert_eq!(p.pace, GoalPace::Missed);
    }
}
