//! Reading the decoded text: separator, header and cells, before any partner rule.

use super::columns::{heading, PartnerColumn};
use super::ImportColumn;
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
    /// Each header cell with the field it fills, in file order.
    pub columns: Vec<ImportColumn>,
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

/// Reads `text` as a partner sheet, refusing the file as a whole when it cannot be read.
/// `mapping`, when the owner set one on the preview, gives each header cell's field (or
/// none, to ignore the column) in place of the match by name.
pub(super) fn read(
    text: &str,
    mapping: Option<&[Option<PartnerColumn>]>,
) -> Result<Sheet, ImportError> {
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
    let columns = match mapping {
        Some(mapping) => owner_mapping(&header, mapping)?,
        None => matched_by_name(&header)?,
    };
    let fields: Vec<Option<Field>> = columns
        .iter()
        .map(|c| c.column.map(PartnerColumn::field))
        .collect();
    let mut ignored: Vec<String> = columns
        .iter()
        .filter(|c| c.column.is_none() && !c.heading.is_empty())
        .map(|c| c.heading.clone())
        .collect();

    let mut rows = Vec::new();
    let mut unnamed_used = vec![false; fields.len()];
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
            match fields.get(i) {
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
        if used && columns[i].heading.is_empty() {
            ignored.push(format!("column {} (no name)", i + 1));
        }
    }
    Ok(Sheet {
        columns,
        ignored,
        rows,
    })
}

/// Each header cell with the field its name matches. When two cells match one field the
/// first keeps it and the second is shown as ignored, for the owner to swap on the preview.
fn matched_by_name(header: &csv::StringRecord) -> Result<Vec<ImportColumn>, ImportError> {
    let mut columns: Vec<ImportColumn> = Vec::new();
    for raw in header.iter().map(str::trim) {
        let column = heading(raw).filter(|c| !columns.iter().any(|k| k.column == Some(*c)));
        columns.push(ImportColumn {
            heading: raw.to_string(),
            column,
        });
    }
    if !columns
        .iter()
        .any(|c| c.column == Some(PartnerColumn::Name))
    {
        return Err(ImportError::NoHeader);
    }
    Ok(columns)
}

/// The owner's mapping, checked against the file: one entry per header cell, each field
/// at most once, and a name among them.
fn owner_mapping(
    header: &csv::StringRecord,
    mapping: &[Option<PartnerColumn>],
) -> Result<Vec<ImportColumn>, ImportError> {
    if mapping.len() != header.len() {
        // The file was changed on disk between the preview and this read.
        return Err(ImportError::ColumnsChanged);
    }
    let mut columns: Vec<ImportColumn> = Vec::new();
    for (raw, column) in header.iter().map(str::trim).zip(mapping) {
        if let Some(c) = column {
            if let Some(first) = columns.iter().find(|k| k.column == Some(*c)) {
                return Err(ImportError::DuplicateColumn {
                    first: first.heading.clone(),
                    second: raw.to_string(),
                    label: c.label(),
                });
            }
        }
        columns.push(ImportColumn {
            heading: raw.to_string(),
            column: *column,
        });
    }
    if !mapping.contains(&Some(PartnerColumn::Name)) {
        return Err(ImportError::NameNotMapped);
    }
    Ok(columns)
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

    fn mapped(sheet: &Sheet) -> Vec<Option<PartnerColumn>> {
        sheet.columns.iter().map(|c| c.column).collect()
    }

    #[test]
    fn a_second_column_for_one_field_is_shown_ignored_not_refused() {
        let sheet = read("name,email,E-mail\nA,a@x.example,b@x.example\n", None).unwrap();
        assert_eq!(
            mapped(&sheet),
            [Some(PartnerColumn::Name), Some(PartnerColumn::Email), None]
        );
        assert_eq!(sheet.ignored, ["E-mail"]);
        assert_eq!(sheet.rows[0].get(Field::Email), "a@x.example");
    }

    #[test]
    fn the_owners_mapping_replaces_the_match_by_name() {
        use PartnerColumn::{Email, Name, Notes};
        let text = "Kunde,Info,email\nCrumb,hi@crumb.example,old\n";
        assert_eq!(read(text, None).unwrap_err(), ImportError::NoHeader);
        let sheet = read(text, Some(&[Some(Name), Some(Email), Some(Notes)])).unwrap();
        assert_eq!(sheet.rows[0].get(Field::Name), "Crumb");
        assert_eq!(sheet.rows[0].get(Field::Email), "hi@crumb.example");
        assert_eq!(sheet.rows[0].get(Field::Notes), "old");
        let sheet = read(text, Some(&[Some(Name), None, None])).unwrap();
        assert_eq!(sheet.ignored, ["Info", "email"]);
        assert_eq!(sheet.rows[0].get(Field::Email), "");

        assert_eq!(
            read(text, Some(&[Some(Name), Some(Email), Some(Email)])).unwrap_err(),
            ImportError::DuplicateColumn {
                first: "Info".into(),
                second: "email".into(),
                label: "Email"
            }
        );
        assert_eq!(
            read(text, Some(&[None, Some(Email), None])).unwrap_err(),
            ImportError::NameNotMapped
        );
        assert_eq!(
            read(text, Some(&[Some(Name), None])).unwrap_err(),
            ImportError::ColumnsChanged
        );
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
        let lines: Vec<u64> = read(text, None)
            .unwrap()
            .rows
            .iter()
            .map(|r| r.line)
            .collect();
        assert_eq!(lines, [4, 8, 10]);
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
