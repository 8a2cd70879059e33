//! Printed documents: agreement, referral card sheet, statement, counter cheat sheet, owner
//! recovery sheet, and the partner kit that packs several of them; PDFs with fonts
//! embedded, each laid out and painted by the generic [`engine`].

mod agreement;
mod cards;
mod cheat_sheet;
pub mod engine;
mod kit;
pub mod parts;
mod recovery;
#[cfg(any(test, feature = "testing"))]
pub mod samples;
pub mod statement;

pub use agreement::{render_agreement, AgreementDoc, PartyBlock, SignatureBlock};
pub use cards::{render_card_sheet, Card, CardSheet, CARDS_PER_PAGE};
pub use cheat_sheet::render_cheat_sheet;
pub use engine::DocumentError;
pub use kit::{render_kit, CoverLetter, KitDoc, StaffGuide};
pub use recovery::{render_recovery_sheet, RecoverySheet};
