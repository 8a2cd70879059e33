//! Printed documents: agreement, referral card sheet and statement PDFs, fonts embedded.
//!
//! Rendering runs in two steps. Layout ([`compose::Composer`] over [`layout::Flow`]) measures
//! text with the embedded fonts' advance widths, wraps it and places it on pages; painting
//! ([`paint`]) then writes those pages with printpdf, adding the running head and foot now
//! that the page count is known. Everything a user typed passes [`clean::printable`] on the
//! way in.

mod agreement;
pub mod blocks;
mod cards;
pub mod clean;
pub mod compose;
mod error;
pub mod fonts;
pub mod layout;
pub mod page;
pub mod paint;
pub mod parts;
mod qr;
#[cfg(any(test, feature = "testing"))]
pub mod samples;
pub mod statement;
pub mod style;
pub mod table;
pub mod wrap;

pub use agreement::{render_agreement, AgreementDoc, PartyBlock, SignatureBlock};
pub use cards::{render_card_sheet, render_cheat_sheet, Card, CardSheet, CARDS_PER_PAGE};
pub use error::DocumentError;
