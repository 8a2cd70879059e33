//! Harness for the end-to-end stories: the built Partnerdesk binary in a real WebKitGTK
//! window on a private X display, driven through tauri-driver over WebDriver.
//!
//! The API is blocking on purpose, so a story reads top to bottom as plain `#[test]` code:
//!
//! ```no_run
//! let data = partnerdesk_e2e::fresh_data_dir();
//! let app = partnerdesk_e2e::App::launch(data.path());
//! app.type_into("setup-name", "Bean There Coffee");
//! app.click("setup-submit");
//! app.wait_for("partner-list");
//! ```
//!
//! Every lookup polls (see [`wait_timeout`]) instead of sleeping, so stories hold on a slow
//! two-core machine. The processes are stopped by their ids when the `App` drops, a panic
//! included; a failing story leaves `target/e2e-screenshots/<test>-failure.png` and its
//! logs in `target/e2e-logs/`.

/// The test ids of ui/src/lib/testIds.json, the list the screens use too (see build.rs).
pub mod ids {
    include!(concat!(env!("OUT_DIR"), "/test_ids.rs"));
}

mod latency;
mod launch;
mod money;
mod page;
mod paths;
mod process;
mod session;
mod setup;
mod signin;
mod x11;

pub use latency::median_p99_worst;
pub use launch::Launch;
pub use paths::{fresh_data_dir, workspace_root};
pub use session::App;
pub use setup::{
    db_file, euros, files_dir, pdf_page_size, pdf_text, query, query_one, sqlite_write,
    unused_demo_card, DEMO_BAKERY,
};
pub use signin::{OWNER_NAME, OWNER_PIN};

use std::time::Duration;

/// How long a lookup polls before the story fails: 15 s, or `PARTNERDESK_E2E_WAIT_SECS`.
pub fn wait_timeout() -> Duration {
    let secs = std::env::var("PARTNERDESK_E2E_WAIT_SECS")
        .ok()
        .and_then(|s| s.parse().ok());
    Duration::from_secs(secs.unwrap_or(15))
}

/// Pause between two looks while polling.
pub(crate) const POLL: Duration = Duration::from_millis(150);
