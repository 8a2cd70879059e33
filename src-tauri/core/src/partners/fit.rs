//! The ideal-partner-profile fit: four 1–5 scores and their mean.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Field, FieldError, Problem};

/// How well a partner fits; each score 1–5, or unscored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PartnerFit {
    pub audience: Option<u8>,
    pub synergy: Option<u8>,
    pub reputation: Option<u8>,
    pub motivation: Option<u8>,
}

impl PartnerFit {
    fn scores(&self) -> [(Field, Option<u8>); 4] {
        [
            (Field::FitAudience, self.audience),
            (Field::FitSynergy, self.synergy),
            (Field::FitReputation, self.reputation),
            (Field::FitMotivation, self.motivation),
        ]
    }

    /// Refuses any score outside 1–5.
    pub fn validate(&self) -> Result<Self, FieldError> {
        for (field, score) in self.scores() {
            if score.is_some_and(|s| !(1..=5).contains(&s)) {
                return Err(FieldError::new(
                    field,
                    Problem::OutOfRange { min: 1, max: 5 },
                ));
            }
        }
        Ok(*self)
    }

    /// The mean of the given scores in tenths, rounded half-even (3.75 → 38, 3.25 → 32).
    pub fn tenths(&self) -> Option<u32> {
        let given: Vec<u32> = self
            .scores()
            .iter()
            .filter_map(|(_, s)| s.map(u32::from))
            .collect();
        if given.is_empty() {
            return None;
        }
        let (sum, n) = (given.iter().sum::<u32>() * 10, given.len() as u32);
        let (q, r) = (sum / n, sum % n);
        let round_up = 2 * r > n || (2 * r == n && q % 2 == 1);
        Some(q + u32::from(round_up))
    }

    /// The mean as shown, e.g. `"3.8"`.
    pub fn average(&self) -> Option<String> {
        self.tenths().map(|t| format!("{}.{}", t / 10, t % 10))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fit(a: u8, s: u8, r: u8, m: u8) -> PartnerFit {
        PartnerFit {
            audience: Some(a),
            synergy: Some(s),
            reputation: Some(r),
            motivation: Some(m),
        }
    }

    #[test]
    fn average_rounds_half_to_even() {
        assert_eq!(fit(4, 4, 4, 3).average().as_deref(), Some("3.8")); // 3.75
        assert_eq!(fit(3, 3, 3, 4).average().as_deref(), Some("3.2")); // 3.25
        assert_eq!(fit(5, 5, 5, 5).average().as_deref(), Some("5.0"));
    }

    #[test]
    fn average_counts_only_given_scores() {
        let partial = PartnerFit {
            audience: Some(5),
            synergy: Some(2),
            ..Default::default()
        };
        assert_eq!(partial.average().as_deref(), Some("3.5"));
        assert_eq!(PartnerFit::default().average(), None);
    }

    #[test]
    fn scores_outside_one_to_five_are_refused() {
        let err = PartnerFit {
            motivation: Some(6),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.field, Field::FitMotivation);
        assert_eq!(
            err.to_string(),
            "Motivation must be a whole number from 1 to 5."
        );
        let low = PartnerFit {
            audience: Some(0),
            ..Default::default()
        }
        .validate();
        let range = Problem::OutOfRange { min: 1, max: 5 };
        assert_eq!(low, Err(FieldError::new(Field::FitAudience, range)));
    }
}
