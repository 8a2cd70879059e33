//! A sale the store could not save is never dropped: with another process holding the
//! database's write lock, the sale stays on screen as "Not saved" (a next scan does not
//! push it away); after a restart the till says the last sale may not have been saved, and
//! Retry logs it once, under the key it was first sent with.

use std::io::Write;
use std::process::{Child, Command, Stdio};

use partnerdesk_e2e::{db_file, fresh_data_dir, ids, query, unused_demo_card, App, Launch};

/// Another process (the sqlite3 shell) holding the database's write lock, as a second till
/// in the middle of a long write would; the app's writes wait, then give up as busy.
struct WriteLock(Child);

impl WriteLock {
    fn hold(db: &std::path::Path) -> WriteLock {
        let mut child = Command::new("sqlite3")
            .arg(db)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("sqlite3 is needed to hold the write lock: {e}"));
        let stdin = child.stdin.as_mut().expect("sqlite3's stdin");
        // The SELECT returns only once the lock is held, so the app meets it from here on.
        writeln!(stdin, "BEGIN IMMEDIATE; SELECT 1;").expect("write to sqlite3");
        stdin.flush().expect("flush sqlite3's stdin");
        std::thread::sleep(std::time::Duration::from_millis(500));
        WriteLock(child)
    }

    fn release(mut self) {
        if let Some(stdin) = self.0.stdin.as_mut() {
            let _ = writeln!(stdin, "ROLLBACK;\n.quit");
        }
        let _ = self.0.wait();
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        let _ = self.0.kill();
    }
}

/// The demo till, signed in, with a €20.00 sale of an unused card sent while another process
/// holds the database's write lock (so the sale waits for the store).
fn sale_sent_to_a_locked_store(data: &std::path::Path) -> (App, String, WriteLock) {
    let app = App::launch_with(data, Launch::new().demo());
    app.sign_in_as_owner();
    app.click(ids::nav::COUNTER);
    app.wait_for(ids::counter::INPUT);
    let card = unused_demo_card(data);
    let lock = WriteLock::hold(&db_file(data));
    app.send_keys(ids::counter::INPUT, &format!("{card}\n"));
    app.wait_for_exact_text(ids::counter::RESULT_TITLE, "VALID");
    app.wait_for_focus(ids::counter::SALE);
    app.press("20.00\n");
    (app, card, lock)
}

#[test]
fn a_sale_the_store_refused_as_busy_stays_until_retried_even_across_a_restart() {
    let data = fresh_data_dir();
    let (mut app, card, lock) = sale_sent_to_a_locked_store(data.path());
    // The write waits out the busy timeout (5 s), then the sale stays as not saved.
    app.wait_for_text(ids::counter::UNSAVED_TITLE, "Not saved");
    let key = app
        .attr(ids::counter::UNSAVED_KEY, "title")
        .unwrap_or_else(|| panic!("the unsaved sale shows its key"));
    app.screenshot("counter-not-saved");

    // The next scan does not push it away.
    app.send_keys(ids::counter::INPUT, &format!("{card}\n"));
    app.wait_for_exact_text(ids::counter::RESULT_TITLE, "VALID");
    assert!(
        app.is_shown(ids::counter::UNSAVED),
        "the unsaved sale is still shown"
    );
    let logged = format!("SELECT count(*) FROM redemptions WHERE idempotency_key = '{key}'");
    assert_eq!(query(data.path(), &logged), ["0"]);

    // The app goes away with the sale unsaved; after a restart the till still has it.
    app.quit();
    lock.release();
    app.relaunch();
    app.sign_in_as_owner();
    app.click(ids::nav::COUNTER);
    app.wait_for_text(
        ids::counter::UNSAVED_TITLE,
        "The last sale may not have been saved",
    );
    app.click(ids::counter::UNSAVED_RETRY);
    app.wait_for(ids::counter::RETRIED);
    app.wait_gone(ids::counter::UNSAVED);
    assert_eq!(
        query(data.path(), &logged),
        ["1"],
        "logged once, under its first key"
    );
}

#[test]
fn the_sale_on_its_way_when_the_app_died_is_offered_again_after_the_restart() {
    let data = fresh_data_dir();
    // The sale is still waiting for the store when the app and its web processes are killed.
    let (mut app, _card, lock) = sale_sent_to_a_locked_store(data.path());
    // A tenth of a second: long enough for the shell to have the sale, too short for the web
    // page's own storage to reach the disk (that alone lost it here).
    std::thread::sleep(std::time::Duration::from_millis(100));
    app.crash();
    assert_eq!(
        journal(data.path()),
        1,
        "the journal on disk holds the sale"
    );
    lock.release();
    let logged = "SELECT count(*) FROM redemptions";
    let before = query(data.path(), logged);

    app.relaunch();
    app.sign_in_as_owner();
    app.click(ids::nav::COUNTER);
    app.wait_for_text(
        ids::counter::UNSAVED_TITLE,
        "The last sale may not have been saved",
    );
    app.screenshot("counter-after-crash");
    app.click(ids::counter::UNSAVED_RETRY);
    app.wait_for(ids::counter::RETRIED);
    let after: usize = query(data.path(), logged)[0].parse().unwrap_or_default();
    let before: usize = before[0].parse().unwrap_or_default();
    assert_eq!(after, before + 1, "the retried sale is logged, once");
    assert_eq!(
        journal(data.path()),
        0,
        "the answered sale left the journal"
    );
}

/// How many sales the counter's journal in the data folder still holds.
fn journal(data: &std::path::Path) -> usize {
    std::fs::read_dir(data.join("counter-attempts"))
        .map(|entries| entries.flatten().count())
        .unwrap_or(0)
}
