//! The crate's errors: one enum per concern, wrapped by [`Error`].

mod backups;
mod campaigns;
mod codes;
mod documents;
mod imports;
mod ledger;
mod money;
mod partner;
mod payouts;
mod people;
mod program;
mod receivables;
mod server;
mod statement_file;
mod statements;
mod store;
mod terms;
mod validation;

pub use backups::BackupError;
pub use campaigns::CampaignError;
pub use codes::CodeError;
pub use documents::DocumentError;
pub use imports::ImportError;
pub use ledger::LedgerError;
pub use money::MoneyError;
pub use partner::PartnerError;
pub use payouts::PayoutError;
pub use people::{wait_words, PersonError};
pub use program::ProgramError;
pub use receivables::{ReceivableError, SettlementError};
pub use server::ServerError;
pub use statement_file::StatementFileError;
pub use statements::StatementError;
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
    Document(#[from] DocumentError),
    /// The business profile must exist before anything else is created.
    #[error("Set up your business profile first.")]
    ProfileRequired,
    /// A CSV import was refused as a whole.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// A sign-in, or a change to the people who sign in, was refused.
    #[error(transparent)]
    Person(#[from] PersonError),
    /// A backup could not be written, read or restored.
    #[error(transparent)]
    Backup(#[from] BackupError),
    /// The shop's server could not be reached or used.
    #[error(transparent)]
    Server(#[from] ServerError),
    /// A total of money could not be counted.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// A program cost or goal could not be corrected.
    #[error(transparent)]
    Program(#[from] ProgramError),
    /// What a partner owes us could not be entered or reversed.
    #[error(transparent)]
    Receivable(#[from] ReceivableError),
    /// A month-end settlement could not be recorded or reversed.
    #[error(transparent)]
    Settlement(#[from] SettlementError),
    /// A partner's statement file could not be imported, or ours not written.
    #[error(transparent)]
    Statement(#[from] StatementError),
    /// A campaign could not be created, edited or used for a code or cost.
    #[error(transparent)]
    Campaign(#[from] CampaignError),
}

/// Result with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<sqlx::Error> for Error {
    fn from(err: sqlx::Error) -> Self {
        if StoreError::is_busy(&err) {
            return Error::Store(StoreError::Busy);
        }
        // SQLite's sum() refuses to wrap an integer total and says so in these words; that
        // is a total too large to count, not a broken store.
        if matches!(&err, sqlx::Error::Database(db) if db.message() == "integer overflow") {
            return Error::Money(MoneyError::TooLarge);
        }
        // PostgreSQL sums exactly and refuses to fit a total past BIGINT back into one
        // (SQLSTATE 22003, numeric_value_out_of_range): the same total too large to count.
        if matches!(&err, sqlx::Error::Database(db) if db.code().as_deref() == Some("22003")) {
            return Error::Money(MoneyError::TooLarge);
        }
        // A partner's day or month total that no longer fits an integer became a REAL, which
        // the STRICT totals tables refuse: the write that would have done it is too large.
        // (SQLITE_CONSTRAINT_DATATYPE, on one of the partner_…_totals tables.)
        if StoreError::sqlite_code(&err) == Some(3091)
            && matches!(&err, sqlx::Error::Database(db) if db.message().contains(" partner_"))
        {
            return Error::Money(MoneyError::TooLarge);
        }
        Error::Store(StoreError::from(err))
    }
}

impl Error {
    /// True when a redemption's idempotency key was already taken by the time it was
    /// written (another connection logged the same attempt in between).
    pub(crate) fn is_duplicate_key(&self) -> bool {
        let Error::Store(StoreError::Sql(sqlx::Error::Database(db))) = self else {
            return false;
        };
        db.kind() == sqlx::error::ErrorKind::UniqueViolation
            && (db
                .constraint()
                .is_some_and(|c| c.contains("idempotency_key"))
                || db.message().contains("idempotency_key"))
    }

    /// The input field this error is about, if any, so the UI can mark it. Every variant is
    /// named, with no catch-all: a new one must say whether it has a field.
    pub fn field(&self) -> Option<Field> {
        match self {
            Error::Invalid(e) => Some(e.field),
            Error::Partner(e) => match e {
                PartnerError::DuplicateName { .. } => Some(Field::Name),
                PartnerError::Transition { .. } => Some(Field::Status),
                PartnerError::NotFound(_) => None,
            },
            Error::Terms(e) => match e {
                TermsError::Overlap { .. } => Some(Field::EffectiveFrom),
                TermsError::NotFound(_)
                | TermsError::NotDraft { .. }
                | TermsError::DraftExists { .. }
                | TermsError::NotSigned => None,
            },
            Error::Code(e) => match e {
                CodeError::Taken { .. } => Some(Field::Code),
                CodeError::NoFreeCode | CodeError::NotFound(_) => None,
            },
            Error::Payout(e) => match e {
                PayoutError::OverBalance { .. } => Some(Field::Amount),
                PayoutError::NotFound(_) | PayoutError::AlreadyReversed { .. } => None,
            },
            Error::Ledger(e) => match e {
                LedgerError::BelowMinimum { .. }
                | LedgerError::LooksLikeBarcode
                | LedgerError::ConfirmLarge { .. } => Some(Field::Sale),
                LedgerError::KeyReused { .. }
                | LedgerError::BadKey
                | LedgerError::NotFound(_)
                | LedgerError::AlreadyVoided { .. } => None,
            },
            Error::Store(e) => match e {
                StoreError::TooNew { .. }
                | StoreError::Damaged { .. }
                | StoreError::Folder { .. }
                | StoreError::ReadOnly { .. }
                | StoreError::DiskFull { .. }
                | StoreError::Locked { .. }
                | StoreError::MigrationFailed { .. }
                | StoreError::Migrate(_)
                | StoreError::Busy
                | StoreError::Sql(_) => None,
            },
            Error::Import(e) => match e {
                ImportError::Empty
                | ImportError::NoHeader
                | ImportError::DuplicateColumn { .. }
                | ImportError::TooLarge { .. }
                | ImportError::TooManyRows { .. }
                | ImportError::Undecodable { .. }
                | ImportError::ColumnsChanged
                | ImportError::NameNotMapped
                | ImportError::Unreadable { .. }
                | ImportError::RowsRefused { .. } => None,
            },
            // A document that cannot be rendered is the app's fault, never an input's.
            Error::Document(DocumentError::FontUnreadable { .. } | DocumentError::Csv(_)) => None,
            Error::ProfileRequired => None,
            Error::Money(MoneyError::TooLarge) => None,
            Error::Program(e) => match e {
                ProgramError::CostNotFound(_)
                | ProgramError::CostAlreadyReversed { .. }
                | ProgramError::GoalNotFound(_)
                | ProgramError::GoalArchived { .. } => None,
            },
            Error::Receivable(e) => match e {
                ReceivableError::PeriodEntered { .. } => Some(Field::PeriodFrom),
                ReceivableError::NotFound(_) | ReceivableError::AlreadyReversed { .. } => None,
            },
            Error::Settlement(e) => match e {
                SettlementError::EvenPaysNothing => Some(Field::Amount),
                SettlementError::NothingToSettle { .. }
                | SettlementError::NotFound(_)
                | SettlementError::AlreadyReversed { .. } => None,
            },
            Error::Statement(e) => match e {
                StatementError::File(_)
                | StatementError::Unreadable { .. }
                | StatementError::WrongCurrency { .. }
                | StatementError::KeyChanged { .. }
                | StatementError::KeyOfAnotherPartner { .. }
                | StatementError::AlreadyImported { .. }
                | StatementError::NotSaved { .. } => None,
            },
            Error::Campaign(e) => match e {
                CampaignError::DuplicateName { .. } => Some(Field::Name),
                CampaignError::NotTakingPart { .. } => Some(Field::Partner),
                CampaignError::HasActivity { .. } => Some(Field::Partners),
                CampaignError::NotFound(_) => None,
            },
            Error::Person(e) => match e {
                PersonError::DuplicateName { .. } => Some(Field::Name),
                PersonError::WrongPin { .. } | PersonError::Waiting { .. } => Some(Field::Pin),
                PersonError::WrongRecoveryCode => Some(Field::RecoveryCode),
                PersonError::NotFound(_)
                | PersonError::Inactive { .. }
                | PersonError::LastOwner
                | PersonError::OwnerExists
                | PersonError::Hashing { .. } => None,
            },
            Error::Server(e) => match e {
                ServerError::Unreachable { .. } | ServerError::Refused { .. } => Some(Field::Host),
                ServerError::AuthFailed { .. } => Some(Field::Password),
                ServerError::NoDatabase { .. } | ServerError::NotUtf8 { .. } => {
                    Some(Field::Database)
                }
                ServerError::NoTls => Some(Field::Tls),
                ServerError::Other { .. } => None,
            },
            Error::Backup(e) => match e {
                BackupError::NotFound { .. }
                | BackupError::NotPartnerdesk { .. }
                | BackupError::Damaged { .. }
                | BackupError::TooNew { .. }
                | BackupError::InUse
                | BackupError::OnServer
                | BackupError::CheckFailed { .. }
                | BackupError::DiskFull { .. }
                | BackupError::Io { .. } => None,
            },
        }
    }
}
