//! Sums of money that cannot be counted.

/// A total left the range an amount can hold; nothing was saved or shown half-added.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Amounts added up past what one total can hold: only a mistyped or tampered amount
    /// gets there, since every entry has a ceiling far below it.
    #[error(
        "These amounts add up to more than Partnerdesk can count. Look for an amount typed \
         with extra digits."
    )]
    TooLarge,
}
