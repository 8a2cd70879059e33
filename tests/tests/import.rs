//! Importing partners from a CSV file: the owner picks a file, sees every row with what is
//! wrong with it (by its line in the file), cannot import while a row is refused, picks the
//! mended file and imports; the new partners are in the list and in the database. A file
//! saved by a German Excel (Windows-1252, German headings) imports with its accents right,
//! the preview saying how it was read and letting the owner change which column fills what.

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

/// Excel's plain "CSV" on a German Windows: Windows-1252 bytes (é = E9, ü = FC, ñ = F1,
/// ú = FA), `;` between cells, headings in German and one the app has no field for.
const GERMAN_EXCEL: &[u8] = b"Name;Kategorie;E-Mail;Webseite;Geburtstag\r\n\
    Caf\xe9 M\xfcller;Caf\xe9;hallo@cafe-mueller.example;cafe-mueller.example;1970\r\n\
    Se\xf1ora N\xfa\xf1ez;Tienda;;;\r\n";

#[test]
fn a_windows_1252_file_imports_with_its_accents_and_the_owner_maps_a_column() {
    let data = fresh_data_dir();
    let files = files_dir("import-1252");
    let app = App::launch_with(data.path(), Launch::new().demo());
    app.sign_in_as_owner();
    app.click(ids::nav::PARTNERS);
    app.partner_names();
    app.click(ids::partners::IMPORT_OPEN);

    // Too large: refused in the page before it is read, with the limit named.
    let huge = write(files.path(), "huge.csv", "x".repeat(2 * 1024 * 1024 + 1));
    choose_file(&app, &huge);
    app.wait_for_text(
        ids::partners::IMPORT_ERROR,
        "This file is larger than 2 MB.",
    );

    choose_file(&app, &write(files.path(), "Partner.csv", GERMAN_EXCEL));
    app.wait_for_exact_text(ids::partners::IMPORT_SUMMARY, "2 ready, 0 with problems");
    assert_eq!(app.value(ids::partners::IMPORT_ENCODING), "windows1252");
    assert_eq!(
        selected_text(&app),
        "Windows-1252 (Western European)",
        "the preview says how the file was read"
    );
    assert!(app
        .page_text()
        .contains("Detected: Windows-1252 (Western European)."));
    assert_eq!(
        mapping(&app),
        [
            ("Name", "name"),
            ("Kategorie", "category"),
            ("E-Mail", "email"),
            ("Webseite", "website"),
            ("Geburtstag", ""),
        ]
        .map(|(h, v)| (h.to_string(), v.to_string()))
    );
    let rows = import_rows(&app);
    assert!(rows[0].2.contains("Café Müller"), "{rows:?}");
    assert!(rows[1].2.contains("Señora Núñez"), "{rows:?}");
    app.screenshot("import-windows-1252-mapping");

    // The owner keeps the birthday, as a note.
    map_column(&app, "Geburtstag", "notes");
    app.wait_until("the preview read again with the birthday as notes", |app| {
        let ok = mapping(app).last().map(|(_, v)| v.as_str()) == Some("notes")
            && app.texts(ids::partners::IMPORT_ERROR).is_empty()
            && app.attr(ids::partners::IMPORT_SUBMIT, "disabled").is_none();
        ok.then_some(())
    });
    app.wait_for_exact_text(ids::partners::IMPORT_SUBMIT, "Import 2 partners");
    app.click(ids::partners::IMPORT_SUBMIT);
    app.wait_gone(ids::partners::IMPORT_FILE);
    app.wait_for_exact_text(ids::partners::SAVED, "✓ Imported 2 partners.");

    app.search_partners("café müller", &["Café Müller"]);
    // The demo has a Señora Núñez Yoga already; the new one sits beside it, accents alike.
    app.search_partners("núñez", &["Señora Núñez", "Señora Núñez Yoga"]);
    assert_eq!(
        query(
            data.path(),
            "SELECT name || '|' || category || '|' || website || '|' || notes FROM partners \
             WHERE name IN ('Café Müller', 'Señora Núñez') ORDER BY name"
        ),
        [
            "Café Müller|Café|cafe-mueller.example|1970",
            "Señora Núñez|Tienda||",
        ]
    );
    app.screenshot("import-windows-1252-done");
}

/// The text of the chosen option in the encoding select.
fn selected_text(app: &App) -> String {
    let script = &format!(
        "return document.querySelector('[data-testid=\"{}\"]').selectedOptions[0].text;",
        ids::partners::IMPORT_ENCODING
    );
    app.execute(script, vec![])
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Each column of the file with the field its select holds (blank: ignored).
fn mapping(app: &App) -> Vec<(String, String)> {
    let script = &format!(
        "return Array.from(document.querySelectorAll('[data-testid=\"{}\"]'))\
                  .map(s => [s.dataset.heading, s.value]);",
        ids::partners::IMPORT_COLUMN
    );
    let pairs = app.execute(script, vec![]);
    pairs
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|p| {
            let text = |i: usize| p[i].as_str().unwrap_or_default().to_string();
            (text(0), text(1))
        })
        .collect()
}

/// Sets the column headed `heading` to fill `field`, as choosing it in its select does.
fn map_column(app: &App, heading: &str, field: &str) {
    let script = &format!(
        "const [heading, field] = arguments;\
         const s = Array.from(document.querySelectorAll('[data-testid=\"{}\"]'))\
                   .find(s => s.dataset.heading === heading);\
         s.value = field; s.dispatchEvent(new Event('change', {{ bubbles: true }}));",
        ids::partners::IMPORT_COLUMN
    );
    app.execute(script, vec![heading.into(), field.into()]);
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> String {
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
