//! Refused input: which field, and what is wrong with it.

use serde::Serialize;
use ts_rs::TS;

/// An input field a person fills in; the UI marks it when an error names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    Name,
    Address,
    Email,
    Phone,
    TaxId,
    Currency,
    Locale,
    TimeZone,
    Category,
    ContactPerson,
    Website,
    Notes,
    FitAudience,
    FitSynergy,
    FitReputation,
    FitMotivation,
    Status,
    Search,
    Model,
    EffectiveFrom,
    EffectiveTo,
    OfferPercent,
    OfferAmount,
    OfferItem,
    MinSale,
    RewardPercent,
    RewardAmount,
    MonthlyCap,
    DailyLimit,
    PayoutMethodOther,
    Clauses,
    SignedOn,
    OurSignatory,
    PartnerSignatory,
    Code,
    ValidFrom,
    ValidUntil,
    RedemptionLimit,
    Count,
    Sale,
    Note,
    Reason,
    TillName,
    PaidOn,
    Amount,
    Reference,
    PeriodFrom,
    PeriodTo,
    SpentOn,
    Description,
    Month,
    Target,
    Pin,
    PinAgain,
    RecoveryCode,
    IdleLock,
    SaleCeiling,
    ConfirmAbove,
    Customers,
    SettledOn,
    OpeningHours,
    Directions,
    Logo,
    CardLink,
    StartsOn,
    EndsOn,
    Budget,
    /// The partners taking part in a campaign (a group of checkboxes).
    Partners,
    /// The one partner a code or cost is for.
    Partner,
    /// The shop server's settings.
    Host,
    Port,
    Database,
    User,
    Password,
    Tls,
}

impl Field {
    /// How the field is labelled on screen, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Name",
            Field::Address => "Address",
            Field::Email => "Email",
            Field::Phone => "Phone",
            Field::TaxId => "Tax ID",
            Field::Currency => "Currency",
            Field::Locale => "Locale",
            Field::TimeZone => "Time zone",
            Field::Category => "Category",
            Field::ContactPerson => "Contact person",
            Field::Website => "Website",
            Field::Notes => "Notes",
            Field::FitAudience => "Audience alignment",
            Field::FitSynergy => "Product synergy",
            Field::FitReputation => "Brand reputation",
            Field::FitMotivation => "Motivation",
            Field::Status => "Status",
            Field::Search => "Search",
            Field::Model => "Partnership model",
            Field::EffectiveFrom => "Effective from",
            Field::EffectiveTo => "Effective to",
            Field::OfferPercent => "Percent off",
            Field::OfferAmount => "Amount off",
            Field::OfferItem => "Free item",
            Field::MinSale => "Minimum sale",
            Field::RewardPercent => "Commission percent",
            Field::RewardAmount => "Amount per redemption",
            Field::MonthlyCap => "Monthly cap",
            Field::DailyLimit => "Redemptions per day",
            Field::PayoutMethodOther => "Payout method",
            Field::Clauses => "Each clause",
            Field::SignedOn => "Date signed",
            Field::OurSignatory => "Our signatory",
            Field::PartnerSignatory => "Partner's signatory",
            Field::Code => "Code",
            Field::ValidFrom => "Valid from",
            Field::ValidUntil => "Valid until",
            Field::RedemptionLimit => "Redemption limit",
            Field::Count => "Number of codes",
            Field::Sale => "Sale amount",
            Field::Note => "Note",
            Field::Reason => "Reason",
            Field::TillName => "Till name",
            Field::PaidOn => "Paid on",
            Field::Amount => "Amount",
            Field::Reference => "Reference",
            Field::PeriodFrom => "Period from",
            Field::PeriodTo => "Period to",
            Field::SpentOn => "Date",
            Field::Description => "Description",
            Field::Month => "Month",
            Field::Target => "Target",
            Field::Pin => "PIN",
            Field::PinAgain => "PIN again",
            Field::RecoveryCode => "Recovery code",
            Field::IdleLock => "Lock after",
            Field::SaleCeiling => "Largest sale",
            Field::ConfirmAbove => "Ask again above",
            Field::Customers => "Customers we sent",
            Field::SettledOn => "Settled on",
            Field::OpeningHours => "Opening hours",
            Field::Directions => "How to find us",
            Field::Logo => "Logo",
            Field::CardLink => "Card link",
            Field::StartsOn => "From",
            Field::EndsOn => "To",
            Field::Budget => "Budget",
            Field::Partners => "Partners taking part",
            Field::Partner => "Partner",
            Field::Host => "Server",
            Field::Port => "Port",
            Field::Database => "Database",
            Field::User => "User",
            Field::Password => "Password",
            Field::Tls => "Encrypt the connection (TLS)",
        }
    }
}

/// What is wrong with a field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Required, but blank.
    Empty,
    /// Longer than the field allows (in characters).
    TooLong { max: usize },
    /// Not in the expected shape; `expected` says what would be accepted.
    Malformed { expected: &'static str },
    /// A number outside its range.
    OutOfRange { min: i64, max: i64 },
    /// A decimal outside its range, e.g. a percentage above 100.
    Between { min: i64, max: i64 },
    /// Not one of the values we know, e.g. an unknown currency code.
    Unknown { value: String },
    /// A rule a label and a shape cannot say, as a whole sentence ("A PIN is 4 to 8
    /// digits.").
    Rule { says: &'static str },
    /// An amount above its ceiling: `max` as the locale writes it, then what to do.
    AtMost { max: String, tail: &'static str },
    /// The business currency, once amounts are saved in it.
    CurrencyLocked { currency: String },
    /// A date outside the years a shop's records can fall in.
    YearOutside { first: i32, last: i32 },
}

/// One refused field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.sentence())]
pub struct FieldError {
    /// The field to mark.
    pub field: Field,
    /// What is wrong.
    pub problem: Problem,
}

impl FieldError {
    /// A refusal of `field` for `problem`.
    pub fn new(field: Field, problem: Problem) -> Self {
        Self { field, problem }
    }

    fn sentence(&self) -> String {
        let label = self.field.label();
        match &self.problem {
            Problem::Empty => format!("{label} is required."),
            Problem::TooLong { max } => format!("{label} must be at most {max} characters."),
            Problem::Malformed { expected } => format!("{label} should be {expected}."),
            Problem::OutOfRange { min, max } => {
                format!("{label} must be a whole number from {min} to {max}.")
            }
            Problem::Between { min, max } => format!("{label} must be between {min} and {max}."),
            Problem::Unknown { value } => format!("{label} \"{value}\" is not one we know."),
            Problem::Rule { says } => (*says).to_string(),
            Problem::AtMost { max, tail } => format!("At most {max}{tail}"),
            Problem::YearOutside { first, last } => {
                format!("{label} must fall in the years {first} to {last}.")
            }
            Problem::CurrencyLocked { currency } => format!(
                "The currency cannot change once amounts are saved in {currency} (redemptions, \
                 payouts…)."
            ),
        }
    }
}
