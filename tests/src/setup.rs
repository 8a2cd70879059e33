//! What many stories share: the demo desk, choosing a partner on a screen, and reading back
//! what the app wrote (its SQLite file, the PDFs it saved) with independent tools.

use crate::ids;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::json;

use crate::session::App;

/// The demo's bakery: three cards redeemed at Till 1, a signed version 2 of its terms.
pub const DEMO_BAKERY: &str = "Crumb & Co. Bakery";

/// The file the app keeps its data in, inside its data folder.
pub fn db_file(data_dir: &Path) -> PathBuf {
    data_dir.join("partnerdesk.sqlite3")
}

/// Rows of `sql` run read-only by the `sqlite3` CLI on the app's database, columns joined
/// by `|` (WAL lets us read beside the running app).
pub fn query(data_dir: &Path, sql: &str) -> Vec<String> {
    let db = db_file(data_dir);
    let out = Command::new("sqlite3")
        .args(["-readonly", &db.display().to_string(), sql])
        .output()
        .unwrap_or_else(|e| panic!("sqlite3 is needed to read the database: {e}"));
    assert!(
        out.status.success(),
        "{sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

/// The one value `sql` answers (one row, one column), read as [`query`] does.
pub fn query_one(data_dir: &Path, sql: &str) -> String {
    let rows = query(data_dir, sql);
    assert_eq!(rows.len(), 1, "{sql} should answer one row: {rows:?}");
    rows[0].clone()
}

/// Runs `sql` read-write on a database file while the app is not running (to prepare one).
pub fn sqlite_write(db: &Path, sql: &str) {
    let out = Command::new("sqlite3")
        .arg(db)
        .arg(sql)
        .output()
        .unwrap_or_else(|e| panic!("sqlite3 is needed to prepare the database: {e}"));
    assert!(
        out.status.success(),
        "{sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A single-use card of the demo bakery's that was never used, as printed
/// (`BAKERY-7K2Q-X9A`), read from the database.
pub fn unused_demo_card(data_dir: &Path) -> String {
    let row = query_one(
        data_dir,
        &format!(
            "SELECT c.prefix, c.code FROM referral_codes c JOIN partners p ON p.id = c.partner_id \
             WHERE p.name = '{DEMO_BAKERY}' AND c.redemption_limit = 1 AND c.enabled = 1 \
             AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.code_id = c.id) \
             ORDER BY c.id DESC LIMIT 1"
        ),
    );
    let (prefix, code) = row.split_once('|').unwrap_or(("", &row));
    // As codes/format.rs `grouped` prints them: groups of four after the prefix.
    let groups: Vec<String> = code
        .as_bytes()
        .chunks(4)
        .map(|g| String::from_utf8_lossy(g).into_owned())
        .collect();
    format!("{prefix}-{}", groups.join("-"))
}

/// An amount in minor units as the demo's en-IE euro screens write it, e.g. 90 → "€0.90".
pub fn euros(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let minor = minor.abs();
    format!("{sign}€{}.{:02}", minor / 100, minor % 100)
}

/// The PDF's text as pdftotext (an independent reader) gives it, every run of whitespace
/// made one space, since lines wrap wherever the layout put them.
pub fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("could not run pdftotext (apt-get install poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// pdfinfo's "Page size" line, e.g. "595.276 x 841.89 pts (A4)".
pub fn pdf_page_size(pdf: &Path) -> String {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .unwrap_or_else(|e| panic!("could not run pdfinfo: {e}"));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .unwrap_or_default()
        .to_string()
}

/// A folder for the files a story makes the app save, or feeds it; removed on drop.
pub fn files_dir(prefix: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("partnerdesk-e2e-{prefix}-"))
        .tempdir()
        .unwrap_or_else(|e| panic!("could not create a folder for files: {e}"))
}

impl App {
    /// Chooses, in the `<select>` carrying `testid`, the option whose text is exactly
    /// `text` (polling until it is listed), and answers its value.
    pub fn choose_option(&self, testid: &str, text: &str) -> String {
        let script =
            "return Array.from(document.querySelector(`[data-testid=\"${arguments[0]}\"]`)\
                      ?.options ?? []).find(o => o.text.trim() === arguments[1])?.value ?? null;";
        let value = self.wait_until(&format!("{text:?} among the options of {testid}"), |app| {
            app.execute(script, vec![json!(testid), json!(text)])
                .as_str()
                .map(str::to_string)
        });
        self.select_by_value(testid, &value);
        value
    }

    /// Polls until the element with the keyboard focus carries `testid`.
    pub fn wait_for_focus(&self, testid: &str) {
        self.wait_until(&format!("{testid} to have the keyboard focus"), |app| {
            (app.focused().as_deref() == Some(testid)).then_some(())
        });
    }

    /// Opens the Agreements screen on the partner named exactly `name`, found by `search`.
    pub fn open_agreements_of(&self, search: &str, name: &str) {
        self.click(ids::nav::AGREEMENTS);
        self.type_into(ids::agreements::PARTNER_SEARCH, search);
        self.click(ids::agreements::PARTNER_ITEM);
        self.wait_for_exact_text(ids::agreements::PARTNER_NAME, name);
    }

    /// Types `search` into the partner list's search and waits until the names shown are
    /// exactly `names`, in order.
    pub fn search_partners(&self, search: &str, names: &[&str]) {
        // Clicking Partners while on Partners navigates to the same screen again, which can
        // redraw the search box under the keys being typed: go there only from elsewhere.
        if !self.is_shown(ids::partners::SEARCH) {
            self.click(ids::nav::PARTNERS);
        }
        // Typing before the screen has loaded its list can land in an input the first load
        // then replaces: wait for the rows first.
        self.partner_names();
        self.type_into(ids::partners::SEARCH, search);
        self.wait_until(&format!("the partner list to show {names:?}"), |app| {
            (app.texts(ids::partners::ROW_NAME) == names).then_some(())
        });
    }

    /// The names in the partner list, once it shows at least one row.
    pub fn partner_names(&self) -> Vec<String> {
        self.wait_until("the partner list to show rows", |app| {
            let names = app.texts(ids::partners::ROW_NAME);
            (!names.is_empty()).then_some(names)
        })
    }

    /// Sets a date (or other) input's value as a picker would, firing `input` and
    /// `change`: WebKit's date inputs take no typed keys through WebDriver.
    pub fn set_value(&self, testid: &str, value: &str) {
        let el = self.wait_for(testid);
        let arg = serde_json::to_value(&el).unwrap_or_default();
        let script = "const [el, value] = arguments; el.value = value;\
                      el.dispatchEvent(new Event('input', { bubbles: true }));\
                      el.dispatchEvent(new Event('change', { bubbles: true }));";
        self.execute(script, vec![arg, json!(value)]);
        assert_eq!(self.value(testid), value, "{testid} did not take {value:?}");
    }

    /// Everything the window shows as text right now (`document.body.innerText`).
    pub fn page_text(&self) -> String {
        let text = self.execute("return document.body.innerText;", vec![]);
        text.as_str().unwrap_or_default().to_string()
    }

    /// Calls the shell command `command` with `args` from the page, as the UI's api module
    /// does, and answers `{"ok": value}` or `{"err": error}`.
    pub fn invoke(&self, command: &str, args: serde_json::Value) -> serde_json::Value {
        let script = "const done = arguments[arguments.length - 1];\
                      window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])\
                        .then((ok) => done({ ok }), (err) => done({ err }));";
        self.execute_async(script, vec![json!(command), args])
    }
}
