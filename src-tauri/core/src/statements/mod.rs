//! Statement files both partners' apps can read (TEMPORARY: merged with the file format).

mod exchange;

pub use exchange::{
    KeyStatus, PrintProgress, PrintedAll, StatementLineView, StatementPreview, StatementTotalsView,
};
