//! Partner import from CSV: a spreadsheet the owner already keeps, or our own export read
//! back. A preview checks every row and writes nothing; the import checks the same bytes
//! again and saves every row in one transaction, or none when any row has a problem.

mod check;
mod columns;
mod encoding;
mod read;

use std::collections::HashMap;

use crate::store::Conn;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use columns::{ColumnChoice, PartnerColumn};
pub use encoding::{EncodingChoice, TextEncoding};
pub use read::{unneutralise, MAX_BYTES, MAX_ROWS};

use crate::audit::AuditEntity;
use crate::desk::Actor;
use crate::error::{ImportError, PartnerError};
use crate::partners::{PartnerFit, PartnerId, PartnerStatus};
use crate::{store, Desk, Error, Result};

/// How the owner asked, on the preview, for the file to be read; left blank, the encoding
/// is detected and the columns matched by their names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportOptions {
    pub encoding: Option<TextEncoding>,
    /// One entry per header cell, in file order: the field it fills, or none to ignore it.
    pub columns: Option<Vec<Option<PartnerColumn>>>,
}

/// One column of the file and the partner field it fills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportColumn {
    /// The header cell as written in the file (trimmed); blank when it has none.
    pub heading: String,
    /// The field it fills; none when the column is ignored.
    pub column: Option<PartnerColumn>,
}

/// What an import would do, row by row; nothing has been saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    /// The encoding the file was read in: the owner's choice, or the one detected.
    pub encoding: TextEncoding,
    /// The encodings the owner may choose instead.
    pub encodings: Vec<EncodingChoice>,
    /// Each header cell with the field it fills, in file order.
    pub columns: Vec<ImportColumn>,
    /// The fields a column may be set to fill.
    pub column_choices: Vec<ColumnChoice>,
    /// Every partner row in file order; blank lines are skipped.
    pub rows: Vec<ImportRow>,
    /// Rows with no problems.
    pub ready: usize,
    /// Rows with at least one problem; the import goes ahead only when this is zero.
    pub refused: usize,
    /// Header cells that fill no partner field, as written in the file.
    pub columns_ignored: Vec<String>,
}

/// One partner row of the file, as typed there, with what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportRow {
    /// The line the row starts on, as a spreadsheet counts them: the header is line 1.
    pub line: u64,
    pub name: String,
    /// The status it would get; blank in the file means prospect.
    pub status: PartnerStatus,
    pub category: String,
    pub contact_person: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub website: String,
    pub notes: String,
    /// The scores read; unreadable or out-of-range ones are blank (and listed in problems).
    pub fit: PartnerFit,
    /// One sentence per problem, e.g. "Email should be like name@example.com."; empty when
    /// the row is ready.
    pub problems: Vec<String>,
}

/// What an import saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    /// How many partners were added.
    pub imported: usize,
    /// The new partners' ids, in file order.
    pub ids: Vec<PartnerId>,
}

impl Desk {
    /// Reads and checks a partner CSV without saving anything: field rules, status words,
    /// fit scores, and names already saved or repeated in the file.
    pub async fn preview_partner_import(
        &self,
        csv: &[u8],
        options: &ImportOptions,
    ) -> Result<ImportPreview> {
        let (sheet, encoding) = self.read_sheet(csv, options).await?;
        let mut conn = self.pools.reader.acquire().await?;
        let taken = taken_names(&mut conn).await?;
        drop(conn);
        let rows: Vec<ImportRow> = check::check(&sheet, &taken)
            .into_iter()
            .map(|c| c.row)
            .collect();
        let refused = rows.iter().filter(|r| !r.problems.is_empty()).count();
        Ok(ImportPreview {
            encoding,
            encodings: TextEncoding::choices(),
            columns: sheet.columns,
            column_choices: PartnerColumn::choices(),
            ready: rows.len() - refused,
            refused,
            rows,
            columns_ignored: sheet.ignored,
        })
    }

    /// Adds every partner in the CSV, in one transaction with an audit entry each; refuses
    /// the whole file, saving nothing, when any row has a problem.
    pub async fn import_partners(
        &self,
        csv: &[u8],
        options: &ImportOptions,
        actor: &Actor,
    ) -> Result<ImportOutcome> {
        let (sheet, _) = self.read_sheet(csv, options).await?;
        // The names are checked again under the write lock: a partner added since the
        // preview (at another till, or in another window) must not slip past it.
        let ids = self
            .transact(actor, async |tx| {
                let taken = taken_names(tx).await?;
                let checked = check::check(&sheet, &taken);
                let mut valid = Vec::with_capacity(checked.len());
                for c in checked {
                    valid.extend(c.valid);
                }
                let refused = sheet.rows.len() - valid.len();
                if refused > 0 {
                    // Rolled back; nothing was written in it anyway.
                    return Err(ImportError::RowsRefused { refused }.into());
                }
                let now = self.now();
                let mut ids = Vec::with_capacity(valid.len());
                for (partner, status) in &valid {
                    let id = store::partners::insert(tx, partner, *status, now).await?;
                    let after = store::partners::get(tx, id)
                        .await?
                        .ok_or(Error::Partner(PartnerError::NotFound(id)))?;
                    tx.audit(
                        AuditEntity::Partner,
                        id.0,
                        "import",
                        None::<&()>,
                        Some(&after),
                    )
                    .await?;
                    ids.push(id);
                }
                Ok(ids)
            })
            .await?;
        tracing::info!(imported = ids.len(), "partners imported from CSV");
        Ok(ImportOutcome {
            imported: ids.len(),
            ids,
        })
    }
}

impl Desk {
    /// The file as a sheet, and the encoding it was read in. The size is checked before
    /// anything else looks at the bytes.
    async fn read_sheet(
        &self,
        csv: &[u8],
        options: &ImportOptions,
    ) -> Result<(read::Sheet, TextEncoding)> {
        if csv.len() > MAX_BYTES {
            return Err(ImportError::TooLarge {
                max_bytes: MAX_BYTES,
            }
            .into());
        }
        let profile = self.require_profile().await?;
        let encoding = options
            .encoding
            .unwrap_or_else(|| encoding::detect(csv, &profile.locale));
        let text = encoding::decode(csv, encoding)?;
        let sheet = read::read(&text, options.columns.as_deref())?;
        Ok((sheet, encoding))
    }
}

/// Saved partners' names by name key.
async fn taken_names(conn: &mut Conn) -> Result<HashMap<String, String>> {
    Ok(store::partners::name_keys(conn)
        .await?
        .into_iter()
        .collect())
}
