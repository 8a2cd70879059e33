//! A backup's file name says when it was taken and why, so the folder reads well in a file
//! manager and the list is built without opening every file:
//! `partnerdesk-20261129-040101.123-daily.sqlite3` (UTC, to the millisecond).

use chrono::{DateTime, NaiveDateTime, Utc};

use super::BackupReason;

const PREFIX: &str = "partnerdesk-";
const SUFFIX: &str = ".sqlite3";
const STAMP: &str = "%Y%m%d-%H%M%S%.3f";
/// `20261129-040101.123`
const STAMP_LEN: usize = 19;

/// The file name of a backup taken at `at` for `reason`.
pub fn file_name(at: DateTime<Utc>, reason: BackupReason) -> String {
    format!("{PREFIX}{}-{}{SUFFIX}", at.format(STAMP), reason.slug())
}

/// When and why the backup called `name` was taken; `None` for any other file.
pub fn parse(name: &str) -> Option<(DateTime<Utc>, BackupReason)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (stamp, reason) = (rest.get(..STAMP_LEN)?, rest.get(STAMP_LEN..)?);
    let reason = BackupReason::from_slug(reason.strip_prefix('-')?)?;
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    Some((at, reason))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_name_reads_back_as_its_time_and_reason() {
        let at = Utc
            .with_ymd_and_hms(2026, 11, 29, 4, 1, 1)
            .single()
            .and_then(|t| t.checked_add_signed(chrono::TimeDelta::milliseconds(123)))
            .expect("time");
        for reason in BackupReason::ALL {
            let name = file_name(at, reason);
            assert_eq!(parse(&name), Some((at, reason)), "{name}");
        }
        assert_eq!(
            file_name(at, BackupReason::BeforeMigration),
            "partnerdesk-20261129-040101.123-before-migration.sqlite3"
        );
    }

    #[test]
    fn other_files_are_not_backups() {
        for name in [
            "partnerdesk.sqlite3",
            "partnerdesk-20261129-040101.123-daily.sqlite3.partial",
            "partnerdesk-20261129-040101.123-weekly.sqlite3",
            "partnerdesk-2026112-040101.123-daily.sqlite3",
            "notes.txt",
            "partnerdesk-ü0261129-040101.123-daily.sqlite3",
        ] {
            assert_eq!(parse(name), None, "{name}");
        }
    }
}
