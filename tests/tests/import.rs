//! Importing partners from a CSV file: the owner picks a file, sees every row with what is
//! wrong with it (by its line in the file), cannot import while a row is refused, picks the
//! mended file and imports; the new partners are in the list and in the database.

use std::path::Path;

use partnerdesk_e2e::{files_dir, fresh_data_dir, ids, query, App, Launch};

/// Line 1 is the header; line 3 names a status the app does not know.
const REFUSED: &str = "name,status,category,email,phone\n\
    Łódź Books,active,Bookshop,ksiegarnia@lodz.example,+48 42 555 0101\n\
    Harbour Yoga,maybe,Fitness,hello@harbouryoga.example,\n\
    Café Müller,prospect,Café,hallo@cafe-mueller.example,\n";

#[test]
fn csv_preview_refuses_a_bad_row_by_line_then_imports_the_mended_file() {
    let data = fresh_data_dir();
    let files = files_dir("import");
    let app = App::launch_with(data.path(), Launch::new().demo());
    app.sign_in_as_owner();
    let before: usize = query(data.path(), "SELECT count(*) FROM partners")[0]
        .parse()
        .unwrap_or_else(|e| panic!("{e}"));

    app.click(ids::nav::PARTNERS);
    app.partner_names();
    app.click(ids::partners::IMPORT_OPEN);
    choose_file(&app, &write(files.path(), "partners.csv", REFUSED));
    app.wait_for_exact_text(
        ids::partners::IMPORT_SUMMARY,
        "2 ready, 1 with problems — fix the rows marked below in the file and choose it again.",
    );
    let rows = import_rows(&app);
    assert_eq!(
        rows.iter()
            .map(|(line, ready, _)| (*line, *ready))
            .collect::<Vec<_>>(),
        [(2, true), (3, false), (4, true)],
        "{rows:?}"
    );
    let refused = &rows[1].2;
    assert!(
        refused.contains("Harbour Yoga")
            && refused.contains("maybe")
            && refused.contains("Use prospect, active, paused or ended."),
        "line 3 should say what is wrong with it: {refused:?}"
    );
    let disabled = app.attr(ids::partners::IMPORT_SUBMIT, "disabled");
    assert!(
        disabled.is_some(),
        "a file with a refused row cannot be imported"
    );
    app.screenshot("import-refused");

    // The mended file imports whole.
    let mended = REFUSED.replace("Harbour Yoga,maybe", "Harbour Yoga,paused");
    choose_file(&app, &write(files.path(), "partners-mended.csv", &mended));
    app.wait_for_exact_text(ids::partners::IMPORT_SUMMARY, "3 ready, 0 with problems");
    assert!(import_rows(&app).iter().all(|(_, ready, _)| *ready));
    app.wait_for_exact_text(ids::partners::IMPORT_SUBMIT, "Import 3 partners");
    app.click(ids::partners::IMPORT_SUBMIT);
    app.wait_gone(ids::partners::IMPORT_FILE);
    app.wait_for_exact_text(ids::partners::SAVED, "✓ Imported 3 partners.");

    app.search_partners("łódź books", &["Łódź Books"]);
    app.search_partners("harbour yoga", &["Harbour Yoga"]);
    app.search_partners("café müller", &["Café Müller"]);
    assert_eq!(
        query(
            data.path(),
            "SELECT name || '|' || status || '|' || email FROM partners \
             WHERE name IN ('Łódź Books', 'Harbour Yoga', 'Café Müller') ORDER BY name"
        ),
        [
            "Café Müller|prospect|hallo@cafe-mueller.example",
            "Harbour Yoga|paused|hello@harbouryoga.example",
            "Łódź Books|active|ksiegarnia@lodz.example",
        ]
    );
    assert_eq!(
        query(data.path(), "SELECT count(*) FROM partners"),
        [(before + 3).to_string()]
    );
    app.screenshot("import-done");
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("could not write {path:?}: {e}"));
    path.display().to_string()
}

/// Chooses `path` in the file input the way WebDriver does for a person: typing a path into
/// an `<input type=file>` sets its file, and no native chooser opens.
fn choose_file(app: &App, path: &str) {
    app.send_keys(ids::partners::IMPORT_FILE, path);
}

/// Each previewed row: its line in the file, whether it is ready, and its text.
fn import_rows(app: &App) -> Vec<(u64, bool, String)> {
    let script = &format!(
        "return Array.from(document.querySelectorAll('[data-testid=\"{}\"]'))\
                  .map(r => [Number(r.dataset.line), r.dataset.ready === 'true', r.innerText]);",
        ids::partners::IMPORT_ROW
    );
    let rows = app.execute(script, vec![]);
    rows.as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|r| {
            (
                r[0].as_u64().unwrap_or(0),
                r[1].as_bool().unwrap_or(false),
                r[2].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}
