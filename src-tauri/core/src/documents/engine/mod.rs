//! The layout engine every document is built with, knowing nothing of any one document.
//!
//! Layout ([`compose::Composer`] over [`layout::Flow`]) measures text with the embedded fonts'
//! advance widths ([`fonts`]), wraps it ([`wrap`]) and places blocks and [`table`]s on pages
//! ([`page`]); painting ([`paint`]) then writes those pages with printpdf, adding the running
//! head and foot now that the page count is known. Everything a user typed passes
//! [`clean::printable`] on the way in. Nothing here imports a document module, so a new
//! document is written beside the others without touching the engine.

pub mod blocks;
pub mod clean;
pub mod compose;
pub mod fonts;
pub mod layout;
pub mod page;
pub mod paint;
pub mod picture;
pub mod qr;
pub mod style;
pub mod table;
pub mod wrap;

// Its errors live with the crate's others, so `error/` depends on no document.
pub use crate::error::DocumentError;
