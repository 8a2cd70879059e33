//! The counter's journal of sales on their way to the ledger: one small file per attempt in
//! the data folder, written and flushed to disk before the attempt's transaction starts, and
//! removed once the core has given a definite answer (logged, or the input refused).
//!
//! A file left behind means the app died (a crash, a power cut) or the store could not say
//! (busy, unreachable) while the sale was on its way. The next start offers the sale again
//! with its key, and a retry logs it once or answers with the one saved. Files and not the
//! database: the database may be the very thing that is busy or out of reach. The till's own
//! copy in the web page's storage reaches the disk a moment later than this one does.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::log::check_key;
use super::RedemptionInput;
use crate::error::StoreError;
use crate::{Desk, Result};

/// The folder beside the database that holds the journal.
const FOLDER: &str = "counter-attempts";

/// A sale sent to the ledger without a definite answer yet: what was sent, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnsettledSale {
    pub input: RedemptionInput,
    pub sent_at: DateTime<Utc>,
}

impl Desk {
    fn attempts_dir(&self) -> PathBuf {
        let data_dir = self.db_path().parent().unwrap_or(Path::new("."));
        data_dir.join(FOLDER)
    }

    /// Writes `input` to the journal and flushes it to disk, before it is logged. A second
    /// note of the same key (a retry) replaces the first.
    pub fn note_attempt(&self, input: &RedemptionInput) -> Result<()> {
        check_key(&input.idempotency_key)?;
        let dir = self.attempts_dir();
        let folder = |source| StoreError::Folder {
            path: dir.clone(),
            source,
        };
        fs::create_dir_all(&dir).map_err(folder)?;
        let sale = UnsettledSale {
            input: input.clone(),
            sent_at: self.now(),
        };
        let json = serde_json::to_vec(&sale).map_err(|e| folder(std::io::Error::other(e)))?;
        let name = format!("{}.json", input.idempotency_key);
        let partial = dir.join(format!("{name}.partial"));
        // Written aside, flushed, then renamed: a crash leaves the old file or the new one,
        // never half of one. The folder is flushed too, so the rename itself survives.
        let mut file = File::create(&partial).map_err(folder)?;
        file.write_all(&json).map_err(folder)?;
        file.sync_all().map_err(folder)?;
        fs::rename(&partial, dir.join(name)).map_err(folder)?;
        File::open(&dir)
            .and_then(|d| d.sync_all())
            .map_err(folder)?;
        Ok(())
    }

    /// Removes `key` from the journal: the ledger answered it, or staff discarded the sale.
    pub fn settle_attempt(&self, key: &str) -> Result<()> {
        check_key(key)?;
        let path = self.attempts_dir().join(format!("{key}.json"));
        match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(StoreError::Folder { path, source }.into()),
        }
    }

    /// The sales still in the journal, oldest first. A file that cannot be read as one (a
    /// leftover `.partial`, something foreign) is skipped, never fatal: the till must start.
    pub fn unsettled_sales(&self) -> Vec<UnsettledSale> {
        let Ok(entries) = fs::read_dir(self.attempts_dir()) else {
            return Vec::new();
        };
        let mut sales: Vec<UnsettledSale> = entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
            .filter_map(|e| fs::read(e.path()).ok())
            .filter_map(|bytes| serde_json::from_slice(&bytes).ok())
            .collect();
        sales.sort_by_key(|s| s.sent_at);
        sales
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Error, LedgerError};

    fn sale(key: &str) -> RedemptionInput {
        RedemptionInput {
            idempotency_key: key.into(),
            code: "BAKERY-7K2Q-X9A".into(),
            sale: "20.00".into(),
            new_customer: true,
            note: "Café Müller".into(),
            confirmed_large: false,
        }
    }

    #[tokio::test]
    async fn a_noted_attempt_stays_until_settled_even_across_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let desk = Desk::open(dir.path()).await.unwrap();
        let first = sale("11111111-2222-4333-8444-555555555555");
        let second = sale("99999999-2222-4333-8444-555555555555");
        desk.note_attempt(&first).unwrap();
        desk.note_attempt(&second).unwrap();
        desk.note_attempt(&first).unwrap(); // a retry replaces, never doubles
        desk.close().await;

        let desk = Desk::open(dir.path()).await.unwrap();
        let kept: Vec<RedemptionInput> = desk
            .unsettled_sales()
            .into_iter()
            .map(|s| s.input)
            .collect();
        assert_eq!(kept.len(), 2);
        assert!(kept.contains(&first) && kept.contains(&second));
        desk.settle_attempt(&first.idempotency_key).unwrap();
        desk.settle_attempt(&first.idempotency_key).unwrap(); // settling twice is fine
        let kept: Vec<RedemptionInput> = desk
            .unsettled_sales()
            .into_iter()
            .map(|s| s.input)
            .collect();
        assert_eq!(kept, [second]);
    }

    #[tokio::test]
    async fn a_key_that_is_no_file_name_is_refused_and_foreign_files_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let desk = Desk::open(dir.path()).await.unwrap();
        for bad in ["../../etc/passwd", "short", "a/b/c/d/e/f/g/h"] {
            let refused = desk.note_attempt(&sale(bad)).expect_err(bad);
            assert!(
                matches!(refused, Error::Ledger(LedgerError::BadKey)),
                "{bad}"
            );
            assert!(desk.settle_attempt(bad).is_err(), "{bad}");
        }
        fs::create_dir_all(desk.attempts_dir()).unwrap();
        fs::write(desk.attempts_dir().join("broken.json"), b"{ not json").unwrap();
        fs::write(desk.attempts_dir().join("x.json.partial"), b"{}").unwrap();
        assert!(desk.unsettled_sales().is_empty());
    }
}
