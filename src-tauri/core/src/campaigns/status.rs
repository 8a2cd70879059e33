//! Where a campaign stands on the shop's today: not started, running, or over.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::text::long_date;

/// Where a campaign stands on a day. The core says it, so the screen never compares dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CampaignStatus {
    /// Its first day is still to come.
    Upcoming,
    /// Today is one of its days.
    Running,
    /// Its last day has passed.
    Ended,
}

impl CampaignStatus {
    /// The status on `today` of a campaign over days `from..=to`, and while it runs the
    /// days left, today included (1 on its last day).
    pub fn on(today: NaiveDate, (from, to): (NaiveDate, NaiveDate)) -> (Self, Option<i64>) {
        if today < from {
            (CampaignStatus::Upcoming, None)
        } else if today > to {
            (CampaignStatus::Ended, None)
        } else {
            (CampaignStatus::Running, Some((to - today).num_days() + 1))
        }
    }

    /// The status in words on `today`: "Starts in 3 days", "Last day today", "Ended 22
    /// November 2026".
    pub fn words(self, today: NaiveDate, (from, to): (NaiveDate, NaiveDate)) -> String {
        match self {
            CampaignStatus::Upcoming => match (from - today).num_days() {
                1 => "Starts tomorrow".to_string(),
                n => format!("Starts in {n} days"),
            },
            CampaignStatus::Running => match (to - today).num_days() + 1 {
                1 => "Last day today".to_string(),
                n => format!("Running: {n} days left"),
            },
            CampaignStatus::Ended => format!("Ended {}", long_date(to)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).expect("day")
    }

    #[test]
    fn a_campaign_runs_from_its_first_day_through_its_last() {
        let days = (d(18), d(20));
        let at = |day| {
            let (status, left) = CampaignStatus::on(d(day), days);
            (status, left, status.words(d(day), days))
        };
        assert_eq!(
            at(16),
            (CampaignStatus::Upcoming, None, "Starts in 2 days".into())
        );
        assert_eq!(
            at(17),
            (CampaignStatus::Upcoming, None, "Starts tomorrow".into())
        );
        assert_eq!(
            at(18),
            (
                CampaignStatus::Running,
                Some(3),
                "Running: 3 days left".into()
            )
        );
        assert_eq!(
            at(20),
            (CampaignStatus::Running, Some(1), "Last day today".into())
        );
        assert_eq!(
            at(21),
            (CampaignStatus::Ended, None, "Ended 20 November 2026".into())
        );
    }
}
