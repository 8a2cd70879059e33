//! Backups: the owner backs up by hand to a folder (a USB stick), looks inside the backup,
//! adds a partner, then restores the backup: the confirmation sets the data now beside the
//! backup's, the window locks, and after signing in again the partner list is the backup's.
//! The data from before the restore is kept as a backup of its own. A copy of a backup kept
//! elsewhere restores from its file just the same.

use std::path::Path;

use partnerdesk_e2e::{db_file, files_dir, fresh_data_dir, ids, query, App, Launch, OWNER_PIN};

/// Not ASCII on purpose: it travels into a backup file and out of it again.
const ADDED: &str = "Café Müller Łódź";
const BY_HAND: &str = "Backed up by hand";
const DAILY: &str = "Daily";
const BEFORE_RESTORE: &str = "Before a restore";

#[test]
fn back_up_now_then_restore_brings_back_the_partner_list() {
    let data = fresh_data_dir();
    let stick = files_dir("backups-stick");
    let app = App::launch_with(
        data.path(),
        Launch::new().demo().save_files_to(stick.path()),
    );
    app.sign_in_as_owner();
    let demo = partners_in(data.path());

    // The first start of the day left a daily backup; "Back up now" adds one by hand.
    let backups = data.path().join("backups");
    app.click(ids::nav::SETTINGS);
    app.wait_for_exact_text(ids::backups::FOLDER, &backups.display().to_string());
    wait_for_reasons(&app, &[DAILY]);
    backup_named(&backups, "-daily.sqlite3");
    let manual = back_up_now(&app, stick.path());
    assert_eq!(
        std::fs::read(stick.path().join(&manual)).ok(),
        std::fs::read(backups.join(&manual)).ok(),
        "the copy on the stick is the backup in the backups folder"
    );
    for copy in [stick.path().join(&manual), backups.join(&manual)] {
        let alone = file_alone(&copy);
        assert_eq!(query(alone.path(), "PRAGMA integrity_check"), ["ok"]);
        assert_eq!(
            partners_in(alone.path()),
            demo,
            "{} holds the demo",
            copy.display()
        );
    }
    let row = app.texts(ids::backups::ROW_CONTENTS).concat();
    assert!(
        row.starts_with(&format!("{} partners · ", demo.len())),
        "the row says what the backup holds: {row:?}"
    );
    app.screenshot("backups-list");

    // Looking inside the backup by hand (the newest row) shows the demo's partners.
    app.click(ids::backups::LOOK_INSIDE);
    app.wait_for(ids::backups::PEEK);
    app.wait_until("the demo's partners inside the backup", |app| {
        let mut names = first_cells(app.texts(ids::backups::PEEK_PARTNER));
        names.sort();
        (names == demo).then_some(())
    });
    app.screenshot("backups-look-inside");
    app.click(ids::backups::PEEK_CLOSE);
    app.wait_gone(ids::backups::PEEK);

    // A partner added after the backup: the data now differs from it.
    add_partner(&app, ADDED);
    app.click(ids::nav::SETTINGS);
    wait_for_reasons(&app, &[BY_HAND, DAILY]);
    app.click(ids::backups::RESTORE);
    confirm_restore(&app, demo.len());
    app.screenshot("backups-confirm");
    app.click(ids::backups::CONFIRM_RESTORE);
    sign_in_after_restore(&app);

    shows_partners(&app, "the backup's partner list", &demo);
    assert_eq!(
        partners_in(data.path()),
        demo,
        "the database is the backup's"
    );

    // The data from before the restore, the added partner with it, is a backup too.
    let before = backup_named(&backups, "-before-restore.sqlite3");
    let alone = file_alone(&backups.join(before));
    let kept = partners_in(alone.path());
    assert!(kept.iter().any(|n| n == ADDED), "{kept:?}");
    assert_eq!(kept.len(), demo.len() + 1);
    app.click(ids::nav::SETTINGS);
    wait_for_reasons(&app, &[BEFORE_RESTORE, BY_HAND, DAILY]);
}

#[test]
fn a_backup_kept_on_a_stick_restores_from_its_file() {
    let data = fresh_data_dir();
    let saves = files_dir("backups-saves");
    let stick = files_dir("backups-stick");
    // Any name will do: a copy on a stick is often renamed.
    let on_stick = stick.path().join("bean-there friday.sqlite3");
    let app = App::launch_with(
        data.path(),
        Launch::new()
            .demo()
            .save_files_to(saves.path())
            .open_file(&on_stick),
    );
    app.sign_in_as_owner();
    let demo = partners_in(data.path());

    app.click(ids::nav::SETTINGS);
    wait_for_reasons(&app, &[DAILY]);
    let manual = back_up_now(&app, saves.path());
    std::fs::copy(saves.path().join(&manual), &on_stick)
        .unwrap_or_else(|e| panic!("could not copy the backup onto the stick: {e}"));
    let copied = std::fs::read(&on_stick).ok();

    add_partner(&app, ADDED);
    app.click(ids::nav::SETTINGS);
    app.click(ids::backups::RESTORE_FROM_FILE);
    confirm_restore(&app, demo.len());
    app.wait_for_text(ids::backups::CONFIRM, &on_stick.display().to_string());
    app.click(ids::backups::CONFIRM_RESTORE);
    sign_in_after_restore(&app);

    shows_partners(&app, "the stick's partner list", &demo);
    assert_eq!(partners_in(data.path()), demo);
    assert_eq!(
        std::fs::read(&on_stick).ok(),
        copied,
        "restoring leaves the file on the stick as it was"
    );
    backup_named(&data.path().join("backups"), "-before-restore.sqlite3");
}

#[test]
fn a_new_computer_restores_a_backup_from_the_first_run_screen() {
    // The old computer: the demo shop, backed up by hand to a stick.
    let old = fresh_data_dir();
    let stick = files_dir("backups-stick");
    let (demo, on_stick) = {
        let app = App::launch_with(old.path(), Launch::new().demo().save_files_to(stick.path()));
        app.sign_in_as_owner();
        app.click(ids::nav::SETTINGS);
        wait_for_reasons(&app, &[DAILY]);
        let name = back_up_now(&app, stick.path());
        (partners_in(old.path()), stick.path().join(name))
    };

    // The new computer starts empty, on the first-run screen, and restores the stick's file
    // before any owner exists there: the owner and the data come from the backup.
    let new = fresh_data_dir();
    let app = App::launch_with(new.path(), Launch::new().open_file(&on_stick));
    app.click(ids::setup::RESTORE_BACKUP);
    app.wait_for(ids::backups::CONFIRM);
    app.wait_for_text(ids::backups::CONFIRM, &on_stick.display().to_string());
    let now = app.wait_for_text(ids::backups::CONFIRM_CURRENT, "Partners");
    let then = app.wait_for_text(ids::backups::CONFIRM_BACKUP, "Partners");
    assert_eq!(count_after(&now, "Partners"), Some(0), "{now:?}");
    assert_eq!(count_after(&then, "Partners"), Some(demo.len()), "{then:?}");
    app.screenshot("first-run-restore");
    app.click(ids::backups::CONFIRM_RESTORE);
    sign_in_after_restore(&app);
    shows_partners(&app, "the backup's partner list", &demo);
    assert_eq!(partners_in(new.path()), demo);
}

/// Clicks "Back up now" (the folder dialog answered with `folder`), waits for the note
/// naming the folder and the new row, and answers the backup's file name, checked to be
/// `partnerdesk-YYYYMMDD-HHMMSS.mmm-manual.sqlite3`.
fn back_up_now(app: &App, folder: &Path) -> String {
    let before = app.texts(ids::backups::ROW_REASON);
    app.click(ids::backups::BACK_UP_NOW);
    let done = app.wait_for_text(ids::backups::DONE, "Backed up");
    assert_eq!(done, format!("✓ Backed up to {}", folder.display()));
    let mut expected = vec![BY_HAND.to_string()];
    expected.extend(before);
    wait_for_reasons(
        app,
        &expected.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let name = backup_named(folder, "-manual.sqlite3");
    let stamp = name
        .strip_prefix("partnerdesk-")
        .and_then(|rest| rest.strip_suffix("-manual.sqlite3"))
        .unwrap_or_default();
    let shape: String = stamp
        .chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect();
    assert_eq!(shape, "99999999-999999.999", "{name}");
    name
}

/// Waits for the restore confirmation and checks its two sides: the data now holds one
/// partner more than the backup's `in_backup`.
fn confirm_restore(app: &App, in_backup: usize) {
    app.wait_for(ids::backups::CONFIRM);
    let now = app.wait_for_text(ids::backups::CONFIRM_CURRENT, "Partners");
    let then = app.wait_for_text(ids::backups::CONFIRM_BACKUP, "Partners");
    assert!(now.starts_with("Now"), "{now:?}");
    assert!(then.starts_with("Backup from "), "{then:?}");
    assert_eq!(
        count_after(&now, "Partners"),
        Some(in_backup + 1),
        "{now:?}"
    );
    assert_eq!(count_after(&then, "Partners"), Some(in_backup), "{then:?}");
}

/// After a restore the window is locked and says what happened; the owner signs in again
/// from the keyboard (owners are listed first).
fn sign_in_after_restore(app: &App) {
    app.wait_for(ids::signin::SCREEN);
    app.wait_gone(ids::backups::CONFIRM);
    let text = app.page_text();
    assert!(
        text.contains("Restored the backup from ") && text.contains("Sign in again."),
        "the lock screen says the backup was restored:\n{text}"
    );
    app.press("1");
    app.wait_for_focus(ids::signin::PIN);
    app.press(&format!("{OWNER_PIN}\n"));
    app.wait_for(ids::nav::SHOP_NAME);
}

/// Opens Partners and waits until its list is exactly `names` (sorted), waiting as `what`.
fn shows_partners(app: &App, what: &str, names: &[String]) {
    app.click(ids::nav::PARTNERS);
    app.wait_until(what, |app| {
        let mut shown = app.texts(ids::partners::ROW_NAME);
        shown.sort();
        (shown == names).then_some(())
    });
}

/// Adds a partner through the Partners screen.
fn add_partner(app: &App, name: &str) {
    app.click(ids::nav::PARTNERS);
    app.partner_names();
    app.click(ids::partners::NEW_BUTTON);
    app.type_into(ids::partner_form::NAME, name);
    app.type_into(ids::partner_form::CATEGORY, "Café");
    app.click(ids::partner_form::SAVE);
    app.wait_gone(ids::partner_form::PANEL);
    app.wait_until(&format!("{name} in the partner list"), |app| {
        app.texts(ids::partners::ROW_NAME)
            .iter()
            .any(|n| n == name)
            .then_some(())
    });
}

/// Waits until the backups list gives exactly these reasons, newest first.
fn wait_for_reasons(app: &App, reasons: &[&str]) {
    app.wait_until(&format!("the backups {reasons:?}"), |app| {
        (app.texts(ids::backups::ROW_REASON) == reasons).then_some(())
    });
}

/// The one file in `dir` whose name ends with `suffix`.
fn backup_named(dir: &Path, suffix: &str) -> String {
    let names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(suffix))
        .collect();
    assert_eq!(
        names.len(),
        1,
        "one …{suffix} in {}: {names:?}",
        dir.display()
    );
    names[0].clone()
}

/// A new folder holding a copy of the database `file` as `partnerdesk.sqlite3`, so it is
/// read on its own, and reading it leaves nothing beside the original.
fn file_alone(file: &Path) -> tempfile::TempDir {
    let alone = files_dir("backup-read");
    std::fs::copy(file, db_file(alone.path()))
        .unwrap_or_else(|e| panic!("could not copy {}: {e}", file.display()));
    alone
}

/// The partners' names in the database of `dir`, sorted.
fn partners_in(dir: &Path) -> Vec<String> {
    let mut names = query(dir, "SELECT name FROM partners");
    names.sort();
    names
}

/// The first cell of each row's text: the name before its status (a tab apart in a table
/// row's `innerText`, a line apart once the rows are laid out as cards).
fn first_cells(rows: Vec<String>) -> Vec<String> {
    rows.iter()
        .map(|r| {
            r.split(['\t', '\n'])
                .next()
                .unwrap_or_default()
                .trim()
                .to_string()
        })
        .collect()
}

/// The number after `label` in a column of label/value lines, e.g. "Partners\n5" → 5.
fn count_after(text: &str, label: &str) -> Option<usize> {
    let mut words = text.split_whitespace();
    words.find(|w| *w == label)?;
    words.next()?.replace(',', "").parse().ok()
}
