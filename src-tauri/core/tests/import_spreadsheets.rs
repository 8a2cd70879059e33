//! Partner files as owners' spreadsheets really save them: in a legacy encoding (Excel's
//! plain "CSV" on Windows), in UTF-16, with a byte order mark, with the columns named in the
//! shop's language, and read the way the owner chose on the preview.

use partnerdesk_core::error::ImportError;
use partnerdesk_core::imports::{
    ImportColumn, ImportOptions, ImportPreview, PartnerColumn, TextEncoding, MAX_BYTES,
};
use partnerdesk_core::partners::Partner;
use partnerdesk_core::testing::{desk_with_profile, TestDesk};
use partnerdesk_core::{Actor, Error};

/// Windows-1252 bytes, written out by hand so the test does not share the app's decoder:
/// é = E9, ü = FC, ñ = F1, ú = FA, Ø = D8.
const WINDOWS_1252: &[u8] = b"name;category\r\n\
    Caf\xe9 M\xfcller;Caf\xe9\r\n\
    Se\xf1ora N\xfa\xf1ez;Tienda\r\n\
    \xd8rsted;Energi\r\n";

/// ISO-8859-2 bytes: "Łódź Books" (Ł = A3, ó = F3, ź = BC). Also valid Windows-1252 bytes
/// (as "£ód¼ Books"), so only the owner can tell which was meant.
const ISO_8859_2: &[u8] = b"name\n\xa3\xf3d\xbc Books\n";

fn auto() -> ImportOptions {
    ImportOptions::default()
}

fn encoded(encoding: TextEncoding) -> ImportOptions {
    ImportOptions {
        encoding: Some(encoding),
        ..auto()
    }
}

async fn preview(t: &TestDesk, bytes: &[u8], options: &ImportOptions) -> ImportPreview {
    t.preview_partner_import(bytes, options)
        .await
        .expect("preview")
}

async fn names(t: &TestDesk) -> Vec<String> {
    let all: Vec<Partner> = t.partners(&Default::default()).await.expect("partners");
    let mut names: Vec<String> = all.into_iter().map(|p| p.name).collect();
    names.sort();
    names
}

fn refusal(err: Error) -> ImportError {
    match err {
        Error::Import(e) => e,
        other => panic!("expected an import error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_windows_1252_file_imports_with_its_accents_and_the_preview_says_so() {
    let t = desk_with_profile().await;
    let p = preview(&t, WINDOWS_1252, &auto()).await;
    assert_eq!(p.encoding, TextEncoding::Windows1252);
    let label = p.encodings.iter().find(|c| c.encoding == p.encoding);
    assert_eq!(
        label.map(|c| c.label),
        Some("Windows-1252 (Western European)")
    );
    let shown: Vec<&str> = p.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(shown, ["Café Müller", "Señora Núñez", "Ørsted"]);
    assert_eq!(p.rows[0].category, "Café");

    t.import_partners(WINDOWS_1252, &auto(), &Actor::owner())
        .await
        .expect("import");
    assert_eq!(names(&t).await, ["Café Müller", "Señora Núñez", "Ørsted"]);
}

#[tokio::test]
async fn the_owner_picks_iso_8859_2_and_the_same_bytes_read_as_polish() {
    let t = desk_with_profile().await;
    let guessed = preview(&t, ISO_8859_2, &auto()).await;
    assert_ne!(guessed.rows[0].name, "Łódź Books", "no detector can know");

    let chosen = encoded(TextEncoding::Iso8859_2);
    let p = preview(&t, ISO_8859_2, &chosen).await;
    assert_eq!(p.encoding, TextEncoding::Iso8859_2);
    assert_eq!(p.rows[0].name, "Łódź Books");
    t.import_partners(ISO_8859_2, &chosen, &Actor::owner())
        .await
        .expect("import");
    assert_eq!(names(&t).await, ["Łódź Books"]);
}

#[tokio::test]
async fn utf16_with_a_byte_order_mark_is_read_as_utf16() {
    let t = desk_with_profile().await;
    // What Excel's "Unicode Text" and some exporters write: UTF-16LE, BOM first.
    let text = "name\tcategory\r\nŁódź Books\tKsięgarnia\r\nCafé Müller\tCafé\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let p = preview(&t, &bytes, &auto()).await;
    assert_eq!(p.encoding, TextEncoding::Utf16Le);
    assert_eq!(
        p.columns[0].heading, "name",
        "the BOM is not part of the heading"
    );
    assert_eq!(p.rows[0].name, "Łódź Books");
    assert_eq!(p.rows[0].category, "Księgarnia");
    assert_eq!(p.rows[1].name, "Café Müller");
}

#[tokio::test]
async fn utf8_with_and_without_a_byte_order_mark_reads_the_same() {
    let t = desk_with_profile().await;
    let plain = "name,category\nŁódź Books,Księgarnia\n";
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), plain.as_bytes()].concat();
    for bytes in [plain.as_bytes(), &with_bom] {
        let p = preview(&t, bytes, &auto()).await;
        assert_eq!(p.encoding, TextEncoding::Utf8);
        assert_eq!(p.columns[0].heading, "name");
        assert_eq!(p.rows[0].name, "Łódź Books");
    }
}

#[tokio::test]
async fn utf8_chosen_for_a_legacy_file_names_the_line_it_cannot_read() {
    let t = desk_with_profile().await;
    let err = t
        .preview_partner_import(WINDOWS_1252, &encoded(TextEncoding::Utf8))
        .await
        .unwrap_err();
    let err = refusal(err);
    assert_eq!(
        err,
        ImportError::Undecodable {
            line: 2,
            encoding: "UTF-8"
        }
    );
    assert_eq!(
        err.to_string(),
        "Line 2 cannot be read as UTF-8 text. Choose the encoding the file was saved in, or \
         save it from your spreadsheet as \"CSV UTF-8\"."
    );
}

#[tokio::test]
async fn german_headings_are_matched_and_the_owner_can_change_the_mapping() {
    let t = desk_with_profile().await;
    let csv = "Name;Kategorie;E-Mail;Webseite;Geburtstag\n\
               Bäckerei Krümel;Bäckerei;hallo@kruemel.example;kruemel.example;1980-01-01\n";
    let p = preview(&t, csv.as_bytes(), &auto()).await;
    let column = |heading: &str, column| ImportColumn {
        heading: heading.into(),
        column,
    };
    assert_eq!(
        p.columns,
        [
            column("Name", Some(PartnerColumn::Name)),
            column("Kategorie", Some(PartnerColumn::Category)),
            column("E-Mail", Some(PartnerColumn::Email)),
            column("Webseite", Some(PartnerColumn::Website)),
            column("Geburtstag", None),
        ]
    );
    assert_eq!(p.column_choices.len(), 13);
    assert_eq!(p.columns_ignored, ["Geburtstag"]);
    assert_eq!(p.rows[0].website, "kruemel.example");

    // The owner keeps the website out and files the birthday under notes.
    let mine = ImportOptions {
        encoding: None,
        columns: Some(vec![
            Some(PartnerColumn::Name),
            Some(PartnerColumn::Category),
            Some(PartnerColumn::Email),
            None,
            Some(PartnerColumn::Notes),
        ]),
    };
    let p = preview(&t, csv.as_bytes(), &mine).await;
    assert_eq!(
        (p.rows[0].website.as_str(), p.rows[0].notes.as_str()),
        ("", "1980-01-01")
    );
    assert_eq!(p.columns_ignored, ["Webseite"]);
    t.import_partners(csv.as_bytes(), &mine, &Actor::owner())
        .await
        .expect("import");
    let saved = &t.partners(&Default::default()).await.expect("partners")[0];
    assert_eq!(
        (
            saved.name.as_str(),
            saved.category.as_str(),
            saved.website.as_str()
        ),
        ("Bäckerei Krümel", "Bäckerei", "")
    );
    assert_eq!(saved.notes, "1980-01-01");
}

#[tokio::test]
async fn a_mapping_without_a_name_column_is_refused_with_what_to_do() {
    let t = desk_with_profile().await;
    let csv = b"Name;E-Mail\nKr\xc3\xbcmel;hallo@kruemel.example\n";
    let nameless = ImportOptions {
        encoding: None,
        columns: Some(vec![None, Some(PartnerColumn::Email)]),
    };
    let err = refusal(
        t.import_partners(csv, &nameless, &Actor::owner())
            .await
            .unwrap_err(),
    );
    assert_eq!(err, ImportError::NameNotMapped);
    assert_eq!(
        err.to_string(),
        "Choose which column holds the partner's name: every partner needs one."
    );
    assert!(names(&t).await.is_empty());
}

#[tokio::test]
async fn an_oversized_file_is_refused_by_its_size_before_it_is_read() {
    let t = desk_with_profile().await;
    // Not text in any encoding we offer as UTF-8: had it been decoded first, the refusal
    // would be about line 1, not the size.
    let huge = vec![0xFF_u8; MAX_BYTES + 1];
    let err = refusal(
        t.preview_partner_import(&huge, &encoded(TextEncoding::Utf8))
            .await
            .unwrap_err(),
    );
    assert_eq!(
        err,
        ImportError::TooLarge {
            max_bytes: MAX_BYTES
        }
    );
    assert!(err
        .to_string()
        .starts_with("This file is larger than 2 MB."));
    let exactly = [b"name\nA\n".as_slice(), &vec![b'\n'; MAX_BYTES - 7]].concat();
    assert_eq!(preview(&t, &exactly, &auto()).await.ready, 1);
}
