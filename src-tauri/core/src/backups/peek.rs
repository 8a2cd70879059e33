//! Looking inside a backup without restoring it: a copy opened in a temporary folder (and
//! brought up to this version's schema there), read, and thrown away. The backup itself is
//! never opened for writing.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::{Backup, BackupContents};
use crate::error::BackupError;
use crate::ledger::RedemptionView;
use crate::partners::{Partner, PartnerQuery};
use crate::store::DB_FILE_NAME;
use crate::{Desk, Result};

/// How many of the newest redemptions a look inside shows.
const LATEST: u32 = 20;

/// What a backup holds, as the owner looks at it before deciding to restore it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupPeek {
    pub backup: Backup,
    /// The business the backup belongs to, if its profile was set up.
    pub business: Option<String>,
    pub contents: BackupContents,
    /// Every partner in it, by name.
    pub partners: Vec<Partner>,
    /// Its newest redemptions, newest first.
    pub latest: Vec<RedemptionView>,
}

impl Desk {
    /// Opens a copy of the backup at `path` and reads what it holds.
    pub async fn look_inside(&self, path: &Path) -> Result<BackupPeek> {
        let backup = Backup::inspect(path).await?;
        let scratch = tempfile::tempdir().map_err(|e| BackupError::io(std::env::temp_dir(), e))?;
        std::fs::copy(path, scratch.path().join(DB_FILE_NAME))
            .map_err(|e| BackupError::io(scratch.path(), e))?;
        let copy = Desk::open_with_clock(scratch.path(), self.clock().clone()).await?;
        let peek = read(&copy, backup).await;
        copy.close().await;
        peek
    }
}

async fn read(copy: &Desk, backup: Backup) -> Result<BackupPeek> {
    let profile = copy.profile().await?;
    let latest = match &profile {
        Some(p) => copy.latest_redemptions(LATEST, &p.locale).await?,
        None => Vec::new(),
    };
    Ok(BackupPeek {
        backup,
        business: profile.map(|p| p.name),
        contents: copy.contents().await?,
        partners: copy.partners(&PartnerQuery::default()).await?,
        latest,
    })
}
