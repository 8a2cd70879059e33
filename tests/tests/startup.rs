//! How long the app takes from being started to its lock screen, on the demo's data: the
//! figure an owner feels each morning. By hand, against the release build:
//!
//! ```sh
//! cargo build --release -p partnerdesk --features custom-protocol
//! PARTNERDESK_BIN=target/release/partnerdesk cargo test -p partnerdesk-e2e --test startup \
//!     -- --ignored --nocapture
//! ```
//!
//! Each run is a new process on the same data folder (the demo loaded by a first start),
//! timed from asking tauri-driver for the window to the lock screen's names on screen, so it
//! includes starting WebKit's WebDriver; the median of five is written to
//! `target/e2e-logs/cold-start.txt`.

use std::time::Instant;

use partnerdesk_e2e::{fresh_data_dir, ids, workspace_root, App, Launch};

#[test]
#[ignore = "a measurement, run by hand against the release build"]
fn cold_start_to_the_lock_screen_median_of_five() {
    let data = fresh_data_dir();
    {
        // The first start loads the demo and makes its owner; it is not timed.
        let app = App::launch_with(data.path(), Launch::new().demo());
        app.sign_in_as_owner();
    }
    let mut times: Vec<u128> = (0..5)
        .map(|_| {
            let started = Instant::now();
            let app = App::launch(data.path());
            app.wait_for(ids::signin::PERSON);
            let took = started.elapsed().as_millis();
            drop(app);
            took
        })
        .collect();
    times.sort_unstable();
    let line = format!(
        "cold start to the lock screen: {times:?} ms, median {} ms\n",
        times[2]
    );
    print!("{line}");
    let log = workspace_root().join("target/e2e-logs/cold-start.txt");
    std::fs::write(&log, line).unwrap_or_else(|e| panic!("{}: {e}", log.display()));
}
