//! What can go wrong while rendering a document.

/// Why a document could not be rendered.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum DocumentError {
    /// One of the fonts built into the app could not be read; the build is broken.
    #[error("the built-in font {name} could not be read")]
    FontUnreadable {
        /// File name of the font, e.g. `DejaVuSans-Bold.ttf`.
        name: &'static str,
    },
    /// A CSV file could not be written (in memory: practically never).
    #[error("the CSV file could not be written: {0}")]
    Csv(String),
}
