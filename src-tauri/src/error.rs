//! The one error shape the UI receives: `{ code, message, field? }`.

use partnerdesk_core::error::{
    BackupError, CampaignError, CodeError, DocumentError, Field, ImportError, LedgerError,
    MoneyError, PartnerError, PayoutError, PersonError, ProgramError, ReceivableError, ServerError,
    SettlementError, StatementError, StoreError, TermsError,
};
use partnerdesk_core::Error;
use serde::Serialize;
use ts_rs::TS;

/// What the UI can act on. Grown only when the UI does something different for a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    InvalidInput,
    DuplicateName,
    NotFound,
    TransitionNotAllowed,
    ProfileRequired,
    StoreTooNew,
    StoreDamaged,
    StoreUnavailable,
    /// Another till holds the write lock; the same attempt can be sent again.
    StoreBusy,
    /// Agreement version missing.
    AgreementNotFound,
    /// A signed or superseded version was asked to change.
    AgreementFrozen,
    /// A draft already exists for the partner.
    DraftExists,
    /// Signed periods would overlap.
    PeriodOverlap,
    /// A PDF could not be rendered.
    DocumentFailed,
    /// A custom referral code is already in use.
    CodeTaken,
    /// Referral code missing.
    CodeNotFound,
    /// A file could not be written where the owner asked.
    FileNotSaved,
    /// Refused by the session check: nobody signed in (or locked after the idle time), staff
    /// asking for an owner command, or an owner command on a dedicated till. The message says
    /// which; the UI reads the status again, which shows the lock screen if the session ended.
    Forbidden,
    /// A redemption attempt's key was reused for other content, or malformed.
    AttemptKeyReused,
    /// A barcode was scanned into the sale amount: the counter clears it and puts the
    /// cursor back in the code field.
    LooksLikeBarcode,
    /// A sale above the owner's threshold: the counter asks once more, and Enter sends it
    /// again confirmed.
    ConfirmLargeSale,
    /// Redemption missing.
    RedemptionNotFound,
    /// The redemption was voided before.
    AlreadyVoided,
    /// A payout above the balance needs the owner's confirmation.
    OverBalance,
    /// Payout missing.
    PayoutNotFound,
    /// The payout was reversed before.
    AlreadyReversed,
    /// A CSV import was refused as a whole (unreadable, too large, rows with problems).
    ImportRefused,
    /// An update whose download does not verify against our public key: not installed.
    UpdateRefused,
    /// An update could not be downloaded or installed; nothing changed.
    UpdateFailed,
    /// The PIN was wrong; the message says when a wait has started.
    WrongPin,
    /// Too many wrong PINs: no PIN is checked until the wait the message names is over.
    PinWait,
    /// The only active owner cannot be deactivated or made staff.
    LastOwner,
    /// The first owner was already created; sign in instead.
    OwnerExists,
    /// The person was deactivated and cannot sign in.
    PersonInactive,
    /// A backup could not be written, read or restored; the message says why, and that
    /// nothing changed.
    BackupRefused,
    /// The shop's server could not be reached or used; the message says why and names the
    /// setting to check.
    ServerUnavailable,
    /// What a partner owes for that period was already entered (from a file or typed).
    AlreadyEntered,
    /// Nothing is owed either way with the partner: the Month-end screen reloads.
    NothingToSettle,
    /// A partner's statement file was refused (not a statement, a signature that fails,
    /// another currency, already imported, signed with another partner's key); nothing was
    /// imported.
    StatementRefused,
    /// The statement is signed with another key than the one on file for the partner: the
    /// import dialog offers to accept the new key explicitly.
    KeyChanged,
    Internal,
}

/// A failed command as the UI sees it: a code to branch on, a sentence for the person,
/// and the input to mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<Field>,
}

/// What every command returns.
pub type ApiResult<T> = Result<T, ApiError>;

impl From<Error> for ApiError {
    fn from(err: Error) -> Self {
        // Exhaustive on purpose: a new core error cannot ship without a code.
        let code = match &err {
            Error::Invalid(_) => ErrorCode::InvalidInput,
            Error::Partner(PartnerError::DuplicateName { .. }) => ErrorCode::DuplicateName,
            Error::Partner(PartnerError::NotFound(_)) => ErrorCode::NotFound,
            Error::Partner(PartnerError::Transition { .. }) => ErrorCode::TransitionNotAllowed,
            Error::ProfileRequired => ErrorCode::ProfileRequired,
            Error::Terms(TermsError::NotFound(_)) => ErrorCode::AgreementNotFound,
            Error::Terms(TermsError::NotDraft { .. } | TermsError::NotSigned) => {
                ErrorCode::AgreementFrozen
            }
            Error::Terms(TermsError::DraftExists { .. }) => ErrorCode::DraftExists,
            Error::Terms(TermsError::Overlap { .. }) => ErrorCode::PeriodOverlap,
            Error::Document(DocumentError::FontUnreadable { .. } | DocumentError::Csv(_)) => {
                ErrorCode::DocumentFailed
            }
            Error::Code(CodeError::Taken { .. }) => ErrorCode::CodeTaken,
            Error::Code(CodeError::NotFound(_)) => ErrorCode::CodeNotFound,
            Error::Code(CodeError::NoFreeCode) => ErrorCode::Internal,
            Error::Ledger(LedgerError::KeyReused { .. }) => ErrorCode::AttemptKeyReused,
            Error::Ledger(LedgerError::BadKey) => ErrorCode::Internal,
            Error::Ledger(LedgerError::BelowMinimum { .. }) => ErrorCode::InvalidInput,
            Error::Ledger(LedgerError::LooksLikeBarcode) => ErrorCode::LooksLikeBarcode,
            Error::Ledger(LedgerError::ConfirmLarge { .. }) => ErrorCode::ConfirmLargeSale,
            Error::Ledger(LedgerError::NotFound(_)) => ErrorCode::RedemptionNotFound,
            Error::Ledger(LedgerError::AlreadyVoided { .. }) => ErrorCode::AlreadyVoided,
            Error::Payout(PayoutError::OverBalance { .. }) => ErrorCode::OverBalance,
            // Only a mistyped or tampered amount gets a total there; the sentence says so.
            Error::Money(MoneyError::TooLarge) => ErrorCode::InvalidInput,
            Error::Payout(PayoutError::NotFound(_)) => ErrorCode::PayoutNotFound,
            Error::Payout(PayoutError::AlreadyReversed { .. }) => ErrorCode::AlreadyReversed,
            Error::Program(ProgramError::CostNotFound(_) | ProgramError::GoalNotFound(_)) => {
                ErrorCode::NotFound
            }
            // The UI does for a cost what it does for a payout: shows who and why, reloads.
            Error::Program(ProgramError::CostAlreadyReversed { .. }) => ErrorCode::AlreadyReversed,
            // Active → archived is the one step a goal takes, once.
            Error::Program(ProgramError::GoalArchived { .. }) => ErrorCode::TransitionNotAllowed,
            Error::Import(
                ImportError::Empty
                | ImportError::NoHeader
                | ImportError::DuplicateColumn { .. }
                | ImportError::TooLarge { .. }
                | ImportError::TooManyRows { .. }
                | ImportError::Undecodable { .. }
                | ImportError::ColumnsChanged
                | ImportError::NameNotMapped
                | ImportError::Unreadable { .. }
                | ImportError::RowsRefused { .. },
            ) => ErrorCode::ImportRefused,
            Error::Receivable(ReceivableError::NotFound(_)) => ErrorCode::NotFound,
            Error::Receivable(ReceivableError::AlreadyReversed { .. }) => {
                ErrorCode::AlreadyReversed
            }
            Error::Receivable(ReceivableError::PeriodEntered { .. }) => ErrorCode::AlreadyEntered,
            Error::Settlement(SettlementError::NothingToSettle { .. }) => {
                ErrorCode::NothingToSettle
            }
            Error::Settlement(SettlementError::EvenPaysNothing) => ErrorCode::InvalidInput,
            Error::Settlement(SettlementError::NotFound(_)) => ErrorCode::NotFound,
            Error::Settlement(SettlementError::AlreadyReversed { .. }) => {
                ErrorCode::AlreadyReversed
            }
            Error::Statement(StatementError::KeyChanged { .. }) => ErrorCode::KeyChanged,
            Error::Statement(
                StatementError::File(_)
                | StatementError::Unreadable { .. }
                | StatementError::WrongCurrency { .. }
                | StatementError::KeyOfAnotherPartner { .. }
                | StatementError::AlreadyImported { .. },
            ) => ErrorCode::StatementRefused,
            Error::Statement(StatementError::NotSaved { .. }) => ErrorCode::FileNotSaved,
            Error::Campaign(CampaignError::NotFound(_)) => ErrorCode::NotFound,
            Error::Campaign(CampaignError::DuplicateName { .. }) => ErrorCode::DuplicateName,
            // Both name the input to fix; the screen shows the sentence beside it.
            Error::Campaign(
                CampaignError::NotTakingPart { .. } | CampaignError::HasActivity { .. },
            ) => ErrorCode::InvalidInput,
            Error::Store(StoreError::TooNew { .. }) => ErrorCode::StoreTooNew,
            Error::Store(StoreError::Damaged { .. }) => ErrorCode::StoreDamaged,
            Error::Store(
                StoreError::Folder { .. }
                | StoreError::ReadOnly { .. }
                | StoreError::DiskFull { .. }
                | StoreError::Locked { .. }
                | StoreError::MigrationFailed { .. },
            ) => ErrorCode::StoreUnavailable,
            Error::Store(StoreError::Busy) => ErrorCode::StoreBusy,
            Error::Store(StoreError::Migrate(_) | StoreError::Sql(_)) => ErrorCode::Internal,
            Error::Person(PersonError::NotFound(_)) => ErrorCode::NotFound,
            Error::Person(PersonError::DuplicateName { .. }) => ErrorCode::DuplicateName,
            Error::Person(PersonError::WrongPin { .. }) => ErrorCode::WrongPin,
            Error::Person(PersonError::Waiting { .. }) => ErrorCode::PinWait,
            Error::Person(PersonError::WrongRecoveryCode) => ErrorCode::InvalidInput,
            Error::Person(PersonError::Inactive { .. }) => ErrorCode::PersonInactive,
            Error::Person(PersonError::LastOwner) => ErrorCode::LastOwner,
            Error::Person(PersonError::OwnerExists) => ErrorCode::OwnerExists,
            Error::Person(PersonError::Hashing { .. }) => ErrorCode::Internal,
            Error::Backup(
                BackupError::NotFound { .. }
                | BackupError::NotPartnerdesk { .. }
                | BackupError::Damaged { .. }
                | BackupError::TooNew { .. }
                | BackupError::InUse
                | BackupError::OnServer
                | BackupError::CheckFailed { .. }
                | BackupError::DiskFull { .. }
                | BackupError::Io { .. },
            ) => ErrorCode::BackupRefused,
            Error::Server(
                ServerError::Unreachable { .. }
                | ServerError::Refused { .. }
                | ServerError::AuthFailed { .. }
                | ServerError::NoDatabase { .. }
                | ServerError::NotUtf8 { .. }
                | ServerError::NoTls
                | ServerError::Other { .. },
            ) => ErrorCode::ServerUnavailable,
        };
        if code == ErrorCode::Internal {
            tracing::error!(error = %err, "command failed");
        }
        ApiError {
            code,
            message: err.to_string(),
            field: err.field(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use partnerdesk_core::error::{FieldError, Problem};
    use partnerdesk_core::partners::{PartnerId, PartnerStatus};
    use std::path::PathBuf;

    fn json(err: Error) -> serde_json::Value {
        serde_json::to_value(ApiError::from(err)).unwrap()
    }

    #[test]
    fn invalid_input_names_its_field() {
        let err = FieldError::new(
            Field::Email,
            Problem::Malformed {
                expected: "like name@example.com",
            },
        );
        assert_eq!(
            json(err.into()),
            serde_json::json!({
                "code": "invalid_input",
                "message": "Email should be like name@example.com.",
                "field": "email"
            })
        );
    }

    #[test]
    fn a_code_longer_than_any_card_is_refused_beside_the_code() {
        let err = partnerdesk_core::codes::check_typed_length(&"7".repeat(65)).unwrap_err();
        assert_eq!(
            json(err.into()),
            serde_json::json!({
                "code": "invalid_input",
                "message": "That is longer than any code (64 characters at most).",
                "field": "code"
            })
        );
    }

    #[test]
    fn duplicate_name_marks_the_name_field() {
        let err = PartnerError::DuplicateName {
            existing: "Crumb & Co.".into(),
        };
        assert_eq!(
            json(err.into()),
            serde_json::json!({
                "code": "duplicate_name",
                "message": "A partner named \"Crumb & Co.\" already exists.",
                "field": "name"
            })
        );
    }

    #[test]
    fn errors_without_a_field_send_null() {
        let v = json(PartnerError::NotFound(PartnerId(7)).into());
        assert_eq!(v["code"], "not_found");
        assert_eq!(v["field"], serde_json::Value::Null);
        let v = json(
            PartnerError::Transition {
                from: PartnerStatus::Prospect.label(),
                to: PartnerStatus::Paused.label(),
            }
            .into(),
        );
        assert_eq!(v["code"], "transition_not_allowed");
        assert_eq!(v["message"], "A partner cannot go from Prospect to Paused.");
    }

    #[test]
    fn agreement_errors_have_their_own_codes() {
        use partnerdesk_core::error::TermsError;
        use partnerdesk_core::terms::AgreementVersionId;
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 6, d).unwrap();
        let overlap = TermsError::Overlap {
            version: 3,
            starts: day(1),
            other: 2,
            other_starts: day(1),
        };
        let v = json(overlap.into());
        assert_eq!(v["code"], "period_overlap");
        assert_eq!(v["field"], "effectiveFrom");
        let v = json(
            TermsError::NotDraft {
                version: 2,
                status: "signed",
            }
            .into(),
        );
        assert_eq!(v["code"], "agreement_frozen");
        assert_eq!(
            v["message"],
            "Version 2 is signed and can no longer change. Create a new version from it instead."
        );
        assert_eq!(
            json(TermsError::DraftExists { version: 3 }.into())["code"],
            "draft_exists"
        );
        assert_eq!(
            json(TermsError::NotFound(AgreementVersionId(9)).into())["code"],
            "agreement_not_found"
        );
    }

    #[test]
    fn counter_errors_have_their_own_codes_and_fields() {
        use partnerdesk_core::ledger::RedemptionId;
        let v = json(
            LedgerError::KeyReused {
                existing: RedemptionId(42),
            }
            .into(),
        );
        assert_eq!(v["code"], "attempt_key_reused");
        assert_eq!(
            v["message"],
            "This sale was already logged as No. 42 with other details. Check the recent list \
             before logging it again."
        );
        let v = json(
            LedgerError::BelowMinimum {
                min: "€5.00".into(),
            }
            .into(),
        );
        assert_eq!(
            (v["code"].as_str(), v["field"].as_str()),
            (Some("invalid_input"), Some("sale"))
        );
        assert_eq!(
            json(LedgerError::NotFound(RedemptionId(9)).into())["code"],
            "redemption_not_found"
        );
        let voided = LedgerError::AlreadyVoided {
            id: RedemptionId(9),
            by: "owner".into(),
            reason: "Twice".into(),
        };
        assert_eq!(json(voided.into())["code"], "already_voided");
        assert_eq!(json(StoreError::Busy.into())["code"], "store_busy");
    }

    /// The counter clears a barcode and returns to the code field, and asks again about a
    /// large sale, by these codes; both mark the sale field.
    #[test]
    fn amount_refusals_the_counter_acts_on_keep_their_exact_shape() {
        assert_eq!(
            json(LedgerError::LooksLikeBarcode.into()),
            serde_json::json!({
                "code": "looks_like_barcode",
                "message": "This looks like a barcode, not an amount.",
                "field": "sale"
            })
        );
        let large = LedgerError::ConfirmLarge {
            amount: "€1,234.00".into(),
        };
        assert_eq!(
            json(large.into()),
            serde_json::json!({
                "code": "confirm_large_sale",
                "message": "€1,234.00 — that is a large sale. Enter again to log it.",
                "field": "sale"
            })
        );
        let v = json(MoneyError::TooLarge.into());
        assert_eq!(
            (v["code"].as_str(), v["field"].as_str()),
            (Some("invalid_input"), None)
        );
    }

    /// The UI branches on these codes (the payout confirmation, the refused-store screens,
    /// the import panel, the custom-code field), so each is held to its exact JSON.
    #[test]
    fn codes_the_ui_acts_on_keep_their_exact_shape() {
        let over = PayoutError::OverBalance {
            amount: "€5.00".into(),
            owed: "€3.14".into(),
        };
        assert_eq!(
            json(over.into()),
            serde_json::json!({
                "code": "over_balance",
                "message": "€5.00 is more than the €3.14 this partner is owed. Confirm to pay \
                            it anyway.",
                "field": "amount"
            })
        );
        let too_new = StoreError::TooNew {
            db_schema: 20991231000000,
            app_schema: 20261101000000,
            written_by: "9.9.0".into(),
            app_version: "0.1.0".into(),
        };
        assert_eq!(
            json(too_new.into()),
            serde_json::json!({
                "code": "store_too_new",
                "message": "This database was last written by Partnerdesk 9.9.0 (schema \
                            20991231000000); this is Partnerdesk 0.1.0 (schema 20261101000000). \
                            Install the newer version to open it. The file has not been changed.",
                "field": null
            })
        );
        let damaged = StoreError::Damaged {
            path: PathBuf::from("/data/partnerdesk.sqlite3"),
            detail: "file is not a database".into(),
        };
        let v = json(damaged.into());
        assert_eq!(
            (v["code"].as_str(), v["field"].as_str()),
            (Some("store_damaged"), None)
        );
        assert!(
            v["message"].as_str().is_some_and(
                |m| m.starts_with("The database at /data/partnerdesk.sqlite3 is damaged")
            )
        );
        assert_eq!(
            json(ImportError::RowsRefused { refused: 2 }.into()),
            serde_json::json!({
                "code": "import_refused",
                "message": "2 rows have problems; nothing was imported. Fix them and try again.",
                "field": null
            })
        );
        assert_eq!(json(ImportError::Empty.into())["code"], "import_refused");
        assert_eq!(
            json(
                CodeError::Taken {
                    printed: "BAKERY-SPRING".into()
                }
                .into()
            ),
            serde_json::json!({
                "code": "code_taken",
                "message": "The code BAKERY-SPRING is already in use. Choose another.",
                "field": "code"
            })
        );
    }

    /// Corrections reuse the codes the UI already acts on: not found, already reversed, a
    /// step a goal cannot take; a blank reason marks the reason field.
    #[test]
    fn correction_errors_map_to_codes_the_ui_knows() {
        use partnerdesk_core::ids::{CostId, GoalId};
        assert_eq!(
            json(ProgramError::CostNotFound(CostId(4)).into()),
            serde_json::json!({
                "code": "not_found",
                "message": "Cost No. 4 was not found.",
                "field": null
            })
        );
        assert_eq!(
            json(ProgramError::GoalNotFound(GoalId(5)).into())["code"],
            "not_found"
        );
        let twice = ProgramError::CostAlreadyReversed {
            by: "Ada".into(),
            reason: "Typed twice".into(),
        };
        assert_eq!(
            json(twice.into()),
            serde_json::json!({
                "code": "already_reversed",
                "message": "This cost was already reversed by Ada: Typed twice",
                "field": null
            })
        );
        let archived = ProgramError::GoalArchived { by: "Ada".into() };
        assert_eq!(json(archived.into())["code"], "transition_not_allowed");
        let blank = FieldError::new(Field::Reason, Problem::Empty);
        assert_eq!(
            json(blank.into()),
            serde_json::json!({
                "code": "invalid_input",
                "message": "Reason is required.",
                "field": "reason"
            })
        );
    }

    /// The lock screen branches on these (the wait, the last-owner refusal, the fields it
    /// marks), so each is held to its exact JSON.
    #[test]
    fn sign_in_errors_have_their_own_codes_and_fields() {
        use partnerdesk_core::people::PersonId;
        assert_eq!(
            json(
                PersonError::WrongPin {
                    wait_seconds: Some(30)
                }
                .into()
            ),
            serde_json::json!({
                "code": "wrong_pin",
                "message": "Wrong PIN. Too many wrong PINs: try again in 30 s.",
                "field": "pin"
            })
        );
        assert_eq!(
            json(PersonError::Waiting { seconds: 120 }.into()),
            serde_json::json!({
                "code": "pin_wait",
                "message": "Too many wrong PINs. Try again in 2 min.",
                "field": "pin"
            })
        );
        assert_eq!(
            json(PersonError::LastOwner.into()),
            serde_json::json!({
                "code": "last_owner",
                "message": "There must always be an active owner: add or promote another \
                            owner first.",
                "field": null
            })
        );
        let v = json(PersonError::WrongRecoveryCode.into());
        assert_eq!(
            (v["code"].as_str(), v["field"].as_str()),
            (Some("invalid_input"), Some("recoveryCode"))
        );
        let v = json(
            PersonError::DuplicateName {
                existing: "Anna".into(),
            }
            .into(),
        );
        assert_eq!(
            (v["code"].as_str(), v["field"].as_str()),
            (Some("duplicate_name"), Some("name"))
        );
        assert_eq!(
            json(PersonError::OwnerExists.into())["code"],
            "owner_exists"
        );
        let inactive = PersonError::Inactive {
            name: "Anna".into(),
        };
        assert_eq!(json(inactive.into())["code"], "person_inactive");
        assert_eq!(
            json(PersonError::NotFound(PersonId(4)).into())["code"],
            "not_found"
        );
    }
}
