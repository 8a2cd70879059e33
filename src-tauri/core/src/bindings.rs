//! The TypeScript types the UI imports, generated from the Rust types by ts-rs.
//!
//! The shell's `bindings_are_fresh` test exports these (with its own types) and fails when
//! the committed files under `ui/src/lib/api/bindings/` differ.

use ts_rs::{Config, ExportError, TS};

use crate::business::{BusinessProfile, BusinessProfileInput, ProfileChoices};
use crate::codes::{CodeOptions, CodePage, CodeQuery, CodeSelection, LookupOutcome, ReferralCode};
use crate::error::Field;
use crate::imports::{ImportOptions, ImportOutcome, ImportPreview};
use crate::ledger::{
    LogOutcome, RedemptionInput, RedemptionView, SaleLimitsInput, SaleLimitsView, UnsettledSale,
    VoidInput,
};
use crate::partners::{Partner, PartnerInput, PartnerListing, PartnerQuery};
use crate::people::{
    NewPerson, OwnerWithCode, Person, PersonRole, PinChange, RecoveryInput, SignInChoice,
};
use crate::terms::{AgreementVersion, ModelGuide, SignInput, TermsInput, TermsPreview};

/// The ts-rs settings every export uses: ids and counts are plain JSON numbers.
pub fn config(out_dir: &std::path::Path) -> Config {
    Config::new().with_out_dir(out_dir).with_large_int("number")
}

/// Writes every core type the UI sees, with its dependencies, into `cfg`'s folder.
pub fn export_all(cfg: &Config) -> Result<(), ExportError> {
    BusinessProfile::export_all(cfg)?;
    BusinessProfileInput::export_all(cfg)?;
    ProfileChoices::export_all(cfg)?;
    Partner::export_all(cfg)?;
    PartnerInput::export_all(cfg)?;
    PartnerQuery::export_all(cfg)?;
    PartnerListing::export_all(cfg)?;
    Field::export_all(cfg)?;
    AgreementVersion::export_all(cfg)?;
    TermsInput::export_all(cfg)?;
    TermsPreview::export_all(cfg)?;
    ModelGuide::export_all(cfg)?;
    SignInput::export_all(cfg)?;
    ReferralCode::export_all(cfg)?;
    CodeOptions::export_all(cfg)?;
    CodeQuery::export_all(cfg)?;
    CodePage::export_all(cfg)?;
    CodeSelection::export_all(cfg)?;
    LookupOutcome::export_all(cfg)?;
    RedemptionView::export_all(cfg)?;
    RedemptionInput::export_all(cfg)?;
    UnsettledSale::export_all(cfg)?;
    LogOutcome::export_all(cfg)?;
    VoidInput::export_all(cfg)?;
    SaleLimitsInput::export_all(cfg)?;
    SaleLimitsView::export_all(cfg)?;
    ImportPreview::export_all(cfg)?;
    ImportOutcome::export_all(cfg)?;
    ImportOptions::export_all(cfg)?;
    Person::export_all(cfg)?;
    PersonRole::export_all(cfg)?;
    SignInChoice::export_all(cfg)?;
    PinChange::export_all(cfg)?;
    NewPerson::export_all(cfg)?;
    RecoveryInput::export_all(cfg)?;
    OwnerWithCode::export_all(cfg)?;
    Ok(())
}
