//! Campaigns: a joint event with partners (a weekend market, a co-hosted workshop) with its
//! dates, the partners taking part, a budget and notes. Codes can be issued for a campaign
//! and costs booked to it; its results are read live from the ledger, during the campaign
//! and after. A campaign is edited, never deleted: codes and costs point at it.

mod manage;
mod results;
mod status;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Field, FieldError, Problem};
use crate::limits::{at_most, units, ENTRY_MAX_UNITS};
use crate::money::{format, Money};
use crate::partners::PartnerId;
use crate::text;

pub use crate::ids::CampaignId;
pub use results::{
    BudgetState, BudgetView, CampaignFigures, CampaignPartnerResult, CampaignResults,
    PartnerFigures,
};
pub use status::CampaignStatus;

/// The longest campaign name: as long as a partner's.
pub const NAME_MAX: usize = 100;
const NOTES_MAX: usize = 4000;

/// What the campaign form sends, as typed.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignInput {
    pub name: String,
    /// First day, `YYYY-MM-DD`.
    pub starts_on: String,
    /// Last day, `YYYY-MM-DD`, on or after the first.
    pub ends_on: String,
    /// As the locale writes it (`500` or `500,00`); blank for no budget.
    #[serde(default)]
    pub budget: String,
    #[serde(default)]
    pub notes: String,
    /// The partners taking part; at least one.
    #[serde(default)]
    pub partner_ids: Vec<PartnerId>,
}

/// A campaign input that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCampaign {
    pub name: String,
    pub name_key: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub budget: Option<Money>,
    pub notes: String,
    /// Each partner once, in id order.
    pub partner_ids: Vec<PartnerId>,
}

impl CampaignInput {
    /// Checks every field in form order, amounts in `cur` as `locale` writes them; the first
    /// refusal is returned.
    pub(crate) fn validate(
        &self,
        cur: iso_currency::Currency,
        locale: &str,
    ) -> Result<ValidCampaign, FieldError> {
        let name = text::required(Field::Name, &self.name, NAME_MAX)?;
        let starts_on = text::date(Field::StartsOn, &self.starts_on)?
            .ok_or(FieldError::new(Field::StartsOn, Problem::Empty))?;
        let ends_on = text::date(Field::EndsOn, &self.ends_on)?
            .ok_or(FieldError::new(Field::EndsOn, Problem::Empty))?;
        if ends_on < starts_on {
            return Err(FieldError::new(
                Field::EndsOn,
                Problem::Malformed {
                    expected: "on or after the first day",
                },
            ));
        }
        let budget = Money::parse(Field::Budget, &self.budget, cur)?
            .map(|b| {
                at_most(
                    Field::Budget,
                    b,
                    units(ENTRY_MAX_UNITS, cur),
                    locale,
                    " per campaign: check the budget.",
                )
            })
            .transpose()?;
        let notes = text::lines(Field::Notes, &self.notes, NOTES_MAX)?;
        let mut partner_ids = self.partner_ids.clone();
        partner_ids.sort();
        partner_ids.dedup();
        if partner_ids.is_empty() {
            return Err(FieldError::new(
                Field::Partners,
                Problem::Rule {
                    says: "Choose at least one partner taking part.",
                },
            ));
        }
        Ok(ValidCampaign {
            name_key: text::name_key(&name),
            name,
            starts_on,
            ends_on,
            budget,
            notes,
            partner_ids,
        })
    }
}

/// A partner taking part in a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignPartner {
    pub id: PartnerId,
    pub name: String,
}

/// A campaign as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Campaign {
    pub id: CampaignId,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// `None`: no budget set.
    pub budget: Option<Money>,
    pub notes: String,
    /// By name.
    pub partners: Vec<CampaignPartner>,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
}

/// A campaign for the screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignView {
    pub id: CampaignId,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// Written for the locale; `None` without a budget.
    pub budget: Option<String>,
    /// The budget as the form takes it back (`500.00`); blank without one.
    pub budget_input: String,
    pub notes: String,
    pub partners: Vec<CampaignPartner>,
    /// By the shop's today.
    pub status: CampaignStatus,
    /// "3 days left", "Starts tomorrow", "Ended 22 November 2026".
    pub status_words: String,
    /// Days left while it runs, today included (1 on its last day); `None` otherwise.
    pub days_left: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
}

impl Campaign {
    /// The campaign for the screen on the shop's day `today`, amounts written for `locale`.
    pub fn view(&self, today: NaiveDate, locale: &str) -> CampaignView {
        let (status, days_left) = CampaignStatus::on(today, (self.starts_on, self.ends_on));
        CampaignView {
            id: self.id,
            name: self.name.clone(),
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            budget: self.budget.map(|b| format(b, locale)),
            budget_input: self.budget.map(Money::to_input).unwrap_or_default(),
            notes: self.notes.clone(),
            partners: self.partners.clone(),
            status,
            status_words: status.words(today, (self.starts_on, self.ends_on)),
            days_left,
            created_at: self.created_at,
            created_by: self.created_by.clone(),
        }
    }

    /// Whether `partner` takes part.
    pub fn has_partner(&self, partner: PartnerId) -> bool {
        self.partners.iter().any(|p| p.id == partner)
    }
}

/// A campaign as the audit log keeps it: what the owner can change, and no words that
/// depend on the day it is read.
#[derive(Serialize)]
struct Logged<'a> {
    name: &'a str,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    budget: Option<String>,
    notes: &'a str,
    partners: Vec<&'a str>,
}

impl<'a> Logged<'a> {
    fn of(c: &'a Campaign, locale: &str) -> Self {
        Logged {
            name: &c.name,
            starts_on: c.starts_on,
            ends_on: c.ends_on,
            budget: c.budget.map(|b| format(b, locale)),
            notes: &c.notes,
            partners: c.partners.iter().map(|p| p.name.as_str()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iso_currency::Currency;

    fn input() -> CampaignInput {
        CampaignInput {
            name: "  Winter  market ".into(),
            starts_on: "2026-12-05".into(),
            ends_on: "2026-12-06".into(),
            budget: "500,50".into(),
            notes: String::new(),
            partner_ids: vec![PartnerId(3), PartnerId(1), PartnerId(3)],
        }
    }

    #[test]
    fn a_campaign_is_cleaned_and_its_partners_counted_once() {
        let valid = input().validate(Currency::EUR, "en-IE").unwrap();
        assert_eq!(valid.name, "Winter market");
        assert_eq!(valid.budget, Some(Money::new(50_050, Currency::EUR)));
        assert_eq!(valid.partner_ids, vec![PartnerId(1), PartnerId(3)]);
        let none = CampaignInput {
            budget: " ".into(),
            ..input()
        };
        assert_eq!(none.validate(Currency::EUR, "en-IE").unwrap().budget, None);
    }

    #[test]
    fn dates_budget_and_partners_are_refused_beside_their_fields() {
        let field = |i: CampaignInput| i.validate(Currency::EUR, "en-IE").unwrap_err().field;
        let backwards = CampaignInput {
            ends_on: "2026-12-04".into(),
            ..input()
        };
        assert_eq!(field(backwards), Field::EndsOn);
        let blank = CampaignInput {
            starts_on: String::new(),
            ..input()
        };
        assert_eq!(field(blank), Field::StartsOn);
        let typo = CampaignInput {
            ends_on: "20260-12-06".into(),
            ..input()
        };
        assert_eq!(field(typo), Field::EndsOn);
        let negative = CampaignInput {
            budget: "-5".into(),
            ..input()
        };
        assert_eq!(field(negative), Field::Budget);
        let huge = CampaignInput {
            budget: "2000000".into(),
            ..input()
        };
        assert_eq!(field(huge), Field::Budget);
        let alone = CampaignInput {
            partner_ids: vec![],
            ..input()
        };
        assert_eq!(field(alone), Field::Partners);
    }
}
