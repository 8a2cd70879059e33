//! The partner lifecycle: prospect → active → paused → ended, with reactivation.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a partnership stands. Ended partners are kept, never deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PartnerStatus {
    Prospect,
    Active,
    Paused,
    Ended,
}

impl PartnerStatus {
    /// Every status, in lifecycle order.
    pub const ALL: [PartnerStatus; 4] = [Self::Prospect, Self::Active, Self::Paused, Self::Ended];

    /// The statuses a partner may be created in: a prospect, or one already agreed. Paused
    /// and ended describe a partnership that ran, so a partner reaches them only by moving
    /// along the lifecycle (the audit log then shows when and by whom).
    pub const STARTING: [PartnerStatus; 2] = [Self::Prospect, Self::Active];

    /// Whether a new partner may be created in this status (see [`PartnerStatus::STARTING`]).
    pub fn can_start(self) -> bool {
        Self::STARTING.contains(&self)
    }

    /// As stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Prospect => "prospect",
            Self::Active => "active",
            Self::Paused => "paused",
            Self::Ended => "ended",
        }
    }

    /// As shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Prospect => "Prospect",
            Self::Active => "Active",
            Self::Paused => "Paused",
            Self::Ended => "Ended",
        }
    }

    /// Parses the stored form.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// The statuses reachable from this one. A prospect can start or be turned down; an
    /// active partner can pause or end; paused and ended partners can be (re)activated.
    pub fn next(self) -> &'static [PartnerStatus] {
        match self {
            Self::Prospect => &[Self::Active, Self::Ended],
            Self::Active => &[Self::Paused, Self::Ended],
            Self::Paused => &[Self::Active, Self::Ended],
            Self::Ended => &[Self::Active],
        }
    }

    /// Whether a partner in this status may move to `to`.
    pub fn can_become(self, to: PartnerStatus) -> bool {
        self.next().contains(&to)
    }
}

#[cfg(test)]
mod tests {
    use super::PartnerStatus::*;

    #[test]
    fn lifecycle_allows_reactivation_but_no_skipping_back_to_prospect() {
        assert!(Prospect.can_become(Active));
        assert!(Active.can_become(Paused));
        assert!(Paused.can_become(Ended));
        assert!(Ended.can_become(Active));
        assert!(!Prospect.can_become(Paused));
        assert!(!Ended.can_become(Prospect));
        assert!(!Active.can_become(Active));
    }

    #[test]
    fn stored_form_round_trips() {
        for s in super::PartnerStatus::ALL {
            assert_eq!(super::PartnerStatus::parse(s.as_str()), Some(s));
        }
    }
}
