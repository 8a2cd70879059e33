//! Reading the file: size, encoding, separator, header and cells, before any partner rule.

use crate::error::{Field, ImportError};

/// The largest file an import takes.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// The most partners one import takes.
pub const MAX_ROWS: usize = 5000;

/// The fields a column can fill, in the order the export writes them (the form's order).
pub(super) const FIELDS: [Field; 13] = [
    Field::Name,
    Field::Status,
    Field::Category,
    Field::ContactPerson,
    Field::Email,
    Field::Phone,
    Field::Address,
    Field::Website,
    Field::Notes,
    Field::FitAudience,
    Field::FitSynergy,
    Field::FitReputation,
    Field::FitMotivation,
];

/// The file as read: which column fills which field, and each partner's cells.
#[derive(Debug)]
pub(super) struct Sheet {
    /// Header cells no field was found for, as written; shown so nothing is dropped unseen.
    pub ignored: Vec<String>,
    pub rows: Vec<RawRow>,
}

/// One partner's cells, each trimmed and with export neutralising undone.
#[derive(Debug)]
pub(super) struct RawRow {
    /// The line the row starts on, counting the header as line 1.
    pub line: u64,
    cells: Vec<(Field, String)>,
    /// The row has filled cells past the header's last column, usually an unquoted
    /// separator inside a value that shifted everything after it.
    pub overflow: bool,
}

impl RawRow {
    /// The cell for `field`; blank when the file has no such column.
    pub fn get(&self, field: Field) -> &str {
        self.cells
            .iter()
            .find(|(f, _)| *f == field)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// Reads `bytes` as a partner sheet, refusing the file as a whole when it cannot be read.
pub(super) fn read(bytes: &[u8]) -> Result<Sheet, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge {
            max_bytes: MAX_BYTES,
        });
    }
    // Excel's "CSV UTF-8" starts with a byte order mark, which would otherwise stick to the
    // first column's name.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        line: line_at(bytes, e.valid_up_to()),
    })?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        // Spreadsheets drop trailing empty cells; a short row is blanks, not an error.
        .flexible(true)
        .delimiter(sniff_delimiter(text))
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(record) => record.map_err(unreadable)?,
        None => return Err(ImportError::Empty),
    };
    let (columns, mut ignored) = map_header(&header)?;

    let mut rows = Vec::new();
    let mut unnamed_used = vec![false; columns.len()];
    for record in records {
        let record = record.map_err(unreadable)?;
        let cells: Vec<&str> = record.iter().map(|c| unneutralise(c.trim())).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(ImportError::TooManyRows { max_rows: MAX_ROWS });
        }
        let mut row = RawRow {
            line: record.position().map_or(0, |p| start_line(text, p)),
            cells: Vec::new(),
            overflow: false,
        };
        for (i, cell) in cells.into_iter().enumerate() {
            match columns.get(i) {
                Some(Some(field)) => row.cells.push((*field, cell.to_string())),
                Some(None) if !cell.is_empty() => unnamed_used[i] = true,
                Some(None) => {}
                None => row.overflow |= !cell.is_empty(),
            }
        }
        rows.push(row);
    }
    if rows.is_empty() {
        return Err(ImportError::Empty);
    }
    for (i, used) in unnamed_used.into_iter().enumerate() {
        let heading = header.get(i).map(str::trim).unwrap_or_default();
        if used && heading.is_empty() {
            ignored.push(format!("column {} (no name)", i + 1));
        }
    }
    Ok(Sheet { ignored, rows })
}

/// Each header cell's field, and the names of those that fill none.
fn map_header(
    header: &csv::StringRecord,
) -> Result<(Vec<Option<Field>>, Vec<String>), ImportError> {
    let mut columns: Vec<Option<Field>> = Vec::new();
    let mut ignored = Vec::new();
    for raw in header.iter().map(str::trim) {
        let field = heading(raw);
        if let Some(f) = field {
            if let Some(i) = columns.iter().position(|c| *c == Some(f)) {
                return Err(ImportError::DuplicateColumn {
                    first: header.get(i).unwrap_or_default().trim().to_string(),
                    second: raw.to_string(),
                    label: f.label(),
                });
            }
        } else if !raw.is_empty() {
            ignored.push(raw.to_string());
        }
        columns.push(field);
    }
    if !columns.contains(&Some(Field::Name)) {
        return Err(ImportError::NoHeader);
    }
    Ok((columns, ignored))
}

/// The field a header cell names: our export's names, the form's labels, and common
/// spreadsheet words, ignoring case, spaces, dashes and underscores.
fn heading(raw: &str) -> Option<Field> {
    let key: String = raw
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let field = match key.as_str() {
        "partner" | "partnername" | "business" | "businessname" | "company" | "companyname"
        | "shop" => Field::Name,
        "type" | "kind" => Field::Category,
        "contact" | "contactname" => Field::ContactPerson,
        "mail" | "emailaddress" => Field::Email,
        "phonenumber" | "telephone" | "tel" | "mobile" => Field::Phone,
        "streetaddress" => Field::Address,
        "web" | "url" | "site" | "homepage" | "www" => Field::Website,
        "note" | "comment" | "comments" | "remarks" => Field::Notes,
        "audience" | "fitaudience" => Field::FitAudience,
        "synergy" | "fitsynergy" => Field::FitSynergy,
        "reputation" | "fitreputation" => Field::FitReputation,
        "motivation" | "fitmotivation" => Field::FitMotivation,
        other => {
            // "name", "email", "Contact person", "Audience alignment", …
            return FIELDS.into_iter().find(|f| {
                let label: String = f
                    .label()
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect();
                label == other
            });
        }
    };
    Some(field)
}

/// The separator the header line uses most, outside quotes: `;` for spreadsheets in locales
/// whose decimal mark is a comma, tab for pasted tables, `,` otherwise.
fn sniff_delimiter(text: &str) -> u8 {
    let first_line = text.lines().next().unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in first_line.bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in &mut counts {
                *n += usize::from(c == *d);
            }
        }
    }
    // The first maximum wins, so a header with no separator at all reads as commas.
    let mut best = counts[0];
    for candidate in counts {
        if candidate.1 > best.1 {
            best = candidate;
        }
    }
    best.0
}

/// Undoes [`crate::exports::neutralise`]: one leading apostrophe goes when what follows is
/// one a spreadsheet would have run as a formula. Any other apostrophe is the owner's text.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest)
            if matches!(
                rest.chars().next(),
                Some('=' | '+' | '-' | '@' | '\t' | '\r')
            ) =>
        {
            rest
        }
        _ => cell,
    }
}

/// The line a record's first cell is on. The reader counts from where it started looking,
/// which is before any blank lines it skipped, so those are stepped over here; counting by
/// record, not by newline, keeps a quoted value over several lines from shifting later rows.
fn start_line(text: &str, position: &csv::Position) -> u64 {
    let start = usize::try_from(position.byte()).unwrap_or(usize::MAX);
    let blank = text
        .as_bytes()
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .filter(|b| **b == b'\n')
        .count();
    position.line() + u64::try_from(blank).unwrap_or_default()
}

/// The 1-based line holding byte `offset`.
fn line_at(bytes: &[u8], offset: usize) -> u64 {
    let newlines = bytes.iter().take(offset).filter(|b| **b == b'\n').count();
    u64::try_from(newlines).map_or(u64::MAX, |n| n + 1)
}

fn unreadable(err: csv::Error) -> ImportError {
    ImportError::Unreadable {
        line: err.position().map_or(0, csv::Position::line),
        detail: match err.kind() {
            csv::ErrorKind::Io(io) => io.to_string(),
            other => format!("{other:?}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exports::neutralise;
    use proptest::prelude::*;

    #[test]
    fn headings_ignore_case_spacing_and_take_common_aliases() {
        for (raw, field) in [
            ("name", Field::Name),
            (" NAME ", Field::Name),
            ("Company", Field::Name),
            ("contact_person", Field::ContactPerson),
            ("Contact person", Field::ContactPerson),
            ("Contact", Field::ContactPerson),
            ("E-mail", Field::Email),
            ("E-Mail Address", Field::Email),
            ("fit_audience", Field::FitAudience),
            ("Audience alignment", Field::FitAudience),
            ("Web site", Field::Website),
            ("Telephone", Field::Phone),
        ] {
            assert_eq!(heading(raw), Some(field), "{raw}");
        }
        assert_eq!(
            heading("Tax ID"),
            None,
            "a known label, but not a partner field"
        );
        assert_eq!(heading("Birthday"), None);
        assert_eq!(heading(""), None);
    }

    #[test]
    fn separator_is_sniffed_from_the_header_outside_quotes() {
        assert_eq!(sniff_delimiter("name,email\nA;B,c"), b',');
        assert_eq!(sniff_delimiter("name;email;phone\nA,B;c"), b';');
        assert_eq!(sniff_delimiter("\"a,b,c\";name\n"), b';');
        assert_eq!(sniff_delimiter("name\tphone\n"), b'\t');
        assert_eq!(sniff_delimiter("name\n"), b',');
    }

    #[test]
    fn only_a_neutralising_apostrophe_is_removed() {
        assert_eq!(unneutralise("'=1+1"), "=1+1");
        assert_eq!(unneutralise("'+44 20 7946 0018"), "+44 20 7946 0018");
        assert_eq!(unneutralise("''=x"), "''=x");
        assert_eq!(unneutralise("'Allo 'Allo"), "'Allo 'Allo");
        assert_eq!(unneutralise("'"), "'");
    }

    #[test]
    fn rows_keep_their_line_across_blank_lines_and_quoted_newlines() {
        let text = "name,notes\r\n\r\n\r\nA,\"one\r\ntwo\"\r\n\n   \nB,x\n\nC\n";
        let lines: Vec<u64> = read(text.as_bytes())
            .unwrap()
            .rows
            .iter()
            .map(|r| r.line)
            .collect();
        assert_eq!(lines, [4, 8, 10]);
    }

    #[test]
    fn non_utf8_names_its_line() {
        let err = read(b"name\nCaf\xe9 M\xfcller\n").unwrap_err();
        assert_eq!(err, ImportError::NotUtf8 { line: 2 });
    }

    proptest! {
        #[test]
        fn unneutralise_undoes_neutralise(cell in any::<String>()) {
            // A cell typed as "'=x" reads back as "=x": the one case the two cannot tell apart.
            prop_assume!(unneutralise(&cell) == cell);
            let written = neutralise(&cell);
            prop_assert_eq!(unneutralise(&written), cell.as_str());
        }
    }
}
