//! Which backups to keep: like a careful desktop app (Anki's backup thinning), the newest
//! backup of each of the last 7 days that have one, then of 4 earlier weeks, then of 12
//! earlier months; every backup taken before a migration, restore or update, or by hand,
//! for 90 days; and always the newest backup of all, so the only good one is never deleted.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc};

use super::BackupReason;

/// Daily backups kept: the newest of each of this many days.
pub const KEEP_DAILY: usize = 7;
/// Then the newest of each of this many earlier weeks (ISO weeks).
pub const KEEP_WEEKLY: usize = 4;
/// Then the newest of each of this many earlier months.
pub const KEEP_MONTHLY: usize = 12;
/// Backups taken before a migration, restore or update, and by hand, are kept this long.
pub const KEEP_SAFETY_DAYS: i64 = 90;

/// One backup as rotation sees it: when it was taken, on which of the shop's days, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub at: DateTime<Utc>,
    pub day: NaiveDate,
    pub reason: BackupReason,
}

/// The indexes of `backups` to delete at `now`.
pub fn to_delete(backups: &[Stamp], now: DateTime<Utc>) -> BTreeSet<usize> {
    let mut order: Vec<usize> = (0..backups.len()).collect();
    // Newest first; ties keep the folder's order.
    order.sort_by_key(|&i| std::cmp::Reverse(backups[i].at));
    let newest = order.first().copied();

    let mut thinning = Thinning::default();
    let mut delete = BTreeSet::new();
    for i in order {
        let b = backups[i];
        // Thinning sees every daily backup, the newest included, so its days count.
        let kept_for_reason = match b.reason {
            BackupReason::Daily => thinning.keeps(b.day),
            BackupReason::BeforeMigration
            | BackupReason::BeforeRestore
            | BackupReason::BeforeUpdate
            | BackupReason::Manual => now - b.at <= TimeDelta::days(KEEP_SAFETY_DAYS),
        };
        if !kept_for_reason && Some(i) != newest {
            delete.insert(i);
        }
    }
    delete
}

/// Walks daily backups newest first, keeping one per day, then per week, then per month,
/// each period strictly older than the oldest one kept so far.
#[derive(Debug, Default)]
struct Thinning {
    days: usize,
    weeks: usize,
    months: usize,
    last_day: Option<NaiveDate>,
    last_week: Option<(i32, u32)>,
    last_month: Option<(i32, u32)>,
}

impl Thinning {
    fn keeps(&mut self, day: NaiveDate) -> bool {
        let week = (day.iso_week().year(), day.iso_week().week());
        let month = (day.year(), day.month());
        let kept = if self.days < KEEP_DAILY && older(self.last_day, day) {
            self.days += 1;
            true
        } else if self.weeks < KEEP_WEEKLY && older(self.last_week, week) {
            self.weeks += 1;
            true
        } else if self.months < KEEP_MONTHLY && older(self.last_month, month) {
            self.months += 1;
            true
        } else {
            false
        };
        if kept {
            self.last_day = Some(day);
            self.last_week = Some(week);
            self.last_month = Some(month);
        }
        kept
    }
}

/// True when `this` period comes before `last`, the oldest kept so far (or none is).
fn older<T: Ord>(last: Option<T>, this: T) -> bool {
    last.is_none_or(|last| this < last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: NaiveDate, hour: u32) -> DateTime<Utc> {
        Utc.from_utc_datetime(&day.and_hms_opt(hour, 0, 0).expect("time"))
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("day")
    }

    fn stamp(day: NaiveDate, hour: u32, reason: BackupReason) -> Stamp {
        Stamp {
            at: at(day, hour),
            day,
            reason,
        }
    }

    #[test]
    fn the_newest_backup_is_kept_however_old() {
        let old = stamp(day(2020, 1, 1), 9, BackupReason::BeforeMigration);
        assert!(to_delete(&[old], at(day(2026, 11, 29), 9)).is_empty());
    }

    #[test]
    fn safety_backups_go_after_90_days_and_only_then() {
        let now = at(day(2026, 11, 29), 9);
        let backups = [
            stamp(day(2026, 11, 29), 8, BackupReason::Daily),
            stamp(day(2026, 8, 31), 9, BackupReason::BeforeRestore),
            stamp(day(2026, 8, 30), 9, BackupReason::BeforeMigration),
            stamp(day(2026, 8, 30), 8, BackupReason::Manual),
        ];
        assert_eq!(to_delete(&backups, now), BTreeSet::from([2, 3]));
    }

    #[test]
    fn several_backups_on_one_day_keep_the_newest() {
        let today = day(2026, 11, 29);
        let backups = [
            stamp(today, 7, BackupReason::Daily),
            stamp(today, 9, BackupReason::Daily),
            stamp(today, 8, BackupReason::Daily),
        ];
        assert_eq!(to_delete(&backups, at(today, 10)), BTreeSet::from([0, 2]));
    }
}
