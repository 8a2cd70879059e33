//! The crate's errors: one enum per concern, wrapped by [`Error`].

mod codes;
mod imports;
mod ledger;
mod partner;
mod payouts;
mod store;
mod terms;
mod validation;

pub use codes::CodeError;
pub use imports::ImportError;
pub use ledger::LedgerError;
pub use partner::PartnerError;
pub use payouts::PayoutError;
pub use store::StoreError;
pub use terms::TermsError;
pub use validation::{Field, FieldError, Problem};

/// Every way a core operation can fail.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database could not be opened, read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A value typed by a person was refused; nothing was saved.
    #[error(transparent)]
    Invalid(#[from] FieldError),
    /// A partner operation broke a partner rule.
    #[error(transparent)]
    Partner(#[from] PartnerError),
    /// An agreement operation broke an agreement rule.
    #[error(transparent)]
    Terms(#[from] TermsError),
    /// A referral code could not be issued or changed.
    #[error(transparent)]
    Code(#[from] CodeError),
    /// A redemption could not be logged or voided.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// A payout could not be recorded or reversed.
    #[error(transparent)]
    Payout(#[from] PayoutError),
    /// A document could not be rendered.
    #[error(transparent)]
    Document(#[from] crate::documents::DocumentError),
    /// The business profile must exist before anything else is created.
    #[error("Set up your business profile first.")]
    ProfileRequired,
    /// A CSV import was refused as a whole.
    #[error(transparent)]
    Import(#[from] ImportError),
}

/// Result with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<sqlx::Error> for Error {
    fn from(err: sqlx::Error) -> Self {
        if StoreError::is_busy(&err) {
            return Error::Store(StoreError::Busy);
        }
        Error::Store(StoreError::from(err))
    }
}

impl Error {
    /// The input field this error is about, if any, so the UI can mark it.
    pub fn field(&self) -> Option<Field> {
        match self {
            Error::Invalid(e) => Some(e.field),
            Error::Partner(PartnerError::DuplicateName { .. }) => Some(Field::Name),
            Error::Partner(PartnerError::Transition { .. }) => Some(Field::Status),
            Error::Terms(TermsError::Overlap { .. }) => Some(Field::EffectiveFrom),
            Error::Code(CodeError::Taken { .. }) => Some(Field::Code),
            Error::Payout(PayoutError::OverBalance { .. }) => Some(Field::Amount),
            Error::Ledger(LedgerError::BelowMinimum { .. }) => Some(Field::Sale),
            Error::Partner(PartnerError::NotFound(_))
            | Error::Code(_)
            | Error::Ledger(_)
            | Error::Payout(_)
            | Error::Terms(_)
            | Error::Document(_)
            | Error::Store(_)
            | Error::ProfileRequired
            | Error::Import(_) => None,
        }
    }
}
