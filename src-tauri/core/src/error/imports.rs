//! CSV imports that cannot go ahead; nothing is ever written when one is returned.

/// A CSV import was refused as a whole; nothing was saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file holds nothing, or only a header.
    #[error("There are no partners in this file.")]
    Empty,
    /// The first line does not name the columns, or has no name column.
    #[error(
        "The first line should name the columns, with one called \"name\" \
         (for example: name,email,phone)."
    )]
    NoHeader,
    /// Two header cells are read as the same field, so which to use would be a guess.
    #[error("The columns \"{first}\" and \"{second}\" both hold {label}. Keep one and try again.")]
    DuplicateColumn {
        first: String,
        second: String,
        label: &'static str,
    },
    /// The file is larger than an import takes.
    #[error(
        "This file is larger than {} MB. Split it into smaller files and import them one \
         by one.", .max_bytes / (1024 * 1024)
    )]
    TooLarge { max_bytes: usize },
    /// The file has more partners than an import takes.
    #[error(
        "This file has more than {} partners. Import at most {} at a time: split it and \
         import the parts one by one.", thousands(*.max_rows), thousands(*.max_rows)
    )]
    TooManyRows { max_rows: usize },
    /// The bytes cannot be text in the encoding chosen (or detected) for the file.
    #[error(
        "Line {line} cannot be read as {encoding} text. Choose the encoding the file was \
         saved in, or save it from your spreadsheet as \"CSV UTF-8\"."
    )]
    Undecodable { line: u64, encoding: &'static str },
    /// The owner's column mapping no longer fits the file's header (the file was changed
    /// since the preview).
    #[error("The file's columns have changed since it was read. Choose the file again.")]
    ColumnsChanged,
    /// The owner's column mapping gives no column the partner's name.
    #[error("Choose which column holds the partner's name: every partner needs one.")]
    NameNotMapped,
    /// The CSV reader gave up on a line.
    #[error("Line {line} could not be read as CSV ({detail}).")]
    Unreadable { line: u64, detail: String },
    /// Some rows have problems; the preview lists them.
    #[error(
        "{} {} problems; nothing was imported. Fix {} and try again.",
        rows(*.refused), if *.refused == 1 { "has" } else { "have" },
        if *.refused == 1 { "it" } else { "them" }
    )]
    RowsRefused { refused: usize },
}

fn rows(n: usize) -> String {
    if n == 1 {
        "1 row".into()
    } else {
        format!("{} rows", thousands(n))
    }
}

/// `5000` → `5,000`, as the owner reads counts.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_count_rows_in_words_a_person_reads() {
        assert_eq!(
            ImportError::RowsRefused { refused: 3 }.to_string(),
            "3 rows have problems; nothing was imported. Fix them and try again."
        );
        assert_eq!(
            ImportError::RowsRefused { refused: 1 }.to_string(),
            "1 row has problems; nothing was imported. Fix it and try again."
        );
        assert_eq!(
            ImportError::TooManyRows { max_rows: 5000 }.to_string(),
            "This file has more than 5,000 partners. Import at most 5,000 at a time: split it \
             and import the parts one by one."
        );
        assert_eq!(
            ImportError::TooLarge {
                max_bytes: 2 * 1024 * 1024
            }
            .to_string(),
            "This file is larger than 2 MB. Split it into smaller files and import them one \
             by one."
        );
    }

    #[test]
    fn thousands_groups_by_three() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
