//! [`Desk::transact`]: the one place a write transaction is opened, committed or rolled back.
//!
//! Every operation that changes the database runs its body in here, its audit entries
//! included, so a change and the entry saying who made it land together or not at all
//! (Anki: rslib/src/collection/transact.rs). [`store::Pool::begin`] opens it on the file or
//! on the shop's server; the operations only see a [`Tx`].

use std::ops::{Deref, DerefMut};
use std::path::Path;

use serde::Serialize;

use crate::audit::{AuditEntity, NewAuditEntry};
use crate::desk::Actor;
use crate::error::StoreError;
use crate::store::Conn;
use crate::{store, Desk, Error, Result};

/// An open write transaction, for the body given to [`Desk::transact`]: store functions
/// take it as a connection, and [`Tx::audit`] writes entries naming the transaction's actor.
pub(crate) struct Tx<'d> {
    tx: Conn,
    desk: &'d Desk,
    actor: &'d Actor,
}

impl Desk {
    /// Runs `body` in one write transaction on behalf of `actor`: commits when it returns
    /// `Ok`, rolls back when it returns `Err`. A body that returns `Ok` early having
    /// written nothing commits nothing.
    /// A full disk or a file made read-only meanwhile is reported with the file's path.
    pub(crate) async fn transact<T>(
        &self,
        actor: &Actor,
        body: impl AsyncFnOnce(&mut Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        self.transact_once(actor, body)
            .await
            .map_err(|err| refused_by_disk(&self.pools.path, err))
    }

    async fn transact_once<T>(
        &self,
        actor: &Actor,
        body: impl AsyncFnOnce(&mut Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        let mut tx = Tx {
            tx: self.pools.writer.begin().await?,
            desk: self,
            actor,
        };
        match body(&mut tx).await {
            Ok(value) => {
                tx.tx.commit().await?;
                Ok(value)
            }
            Err(err) => {
                // The body's error is the one worth reporting. Should the rollback fail too,
                // dropping the still-open transaction queues another before the writer is
                // reused, so nothing of the body is ever committed.
                if let Err(rollback) = tx.tx.rollback().await {
                    tracing::warn!(%rollback, "rollback failed after {err}");
                }
                Err(err)
            }
        }
    }
}

/// A write the disk refused, in the owner's terms and naming the file: SQLITE_FULL as a
/// full disk, SQLITE_READONLY as a read-only file or folder.
fn refused_by_disk(path: &Path, err: Error) -> Error {
    let Error::Store(StoreError::Sql(sql)) = err else {
        return err;
    };
    let path = path.to_path_buf();
    match StoreError::sqlite_code(&sql).map(|c| c & 0xff) {
        Some(13) => StoreError::DiskFull { path }.into(),
        Some(8) => StoreError::ReadOnly { path }.into(),
        _ => StoreError::Sql(sql).into(),
    }
}

impl<'d> Tx<'d> {
    /// Who the transaction's changes are recorded as made by.
    pub(crate) fn actor(&self) -> &'d Actor {
        self.actor
    }

    /// The current instant, by the desk's clock.
    pub(crate) fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.desk.now()
    }

    /// Writes one audit entry about `entity` `id`, by the transaction's actor, dated by the
    /// desk's clock.
    pub(crate) async fn audit<B: Serialize, A: Serialize>(
        &mut self,
        entity: AuditEntity,
        id: impl Into<i64>,
        action: &str,
        before: Option<&B>,
        after: Option<&A>,
    ) -> Result<()> {
        let entry = NewAuditEntry {
            at: self.desk.now(),
            actor: &self.actor.name,
            actor_id: self.actor.person,
            entity,
            entity_id: id.into(),
            action,
            before: before
                .map(serde_json::to_value)
                .transpose()
                .map_err(json_error)?,
            after: after
                .map(serde_json::to_value)
                .transpose()
                .map_err(json_error)?,
        };
        store::audit::append(&mut self.tx, &entry).await?;
        Ok(())
    }
}

impl Deref for Tx<'_> {
    type Target = Conn;

    fn deref(&self) -> &Conn {
        &self.tx
    }
}

impl DerefMut for Tx<'_> {
    fn deref_mut(&mut self) -> &mut Conn {
        &mut self.tx
    }
}

fn json_error(err: serde_json::Error) -> sqlx::Error {
    sqlx::Error::Encode(Box::new(err))
}

#[cfg(test)]
mod tests {
    use crate::error::{Error, StoreError};
    use crate::partners::PartnerStatus;
    use crate::testing::{desk_with_profile, partner};
    use crate::Actor;

    /// SQLite says "database or disk is full"; the owner reads which file, on which disk.
    #[tokio::test]
    async fn a_full_disk_is_named_with_the_file_and_saves_nothing() {
        let t = desk_with_profile().await;
        if crate::testing::on_server() {
            return; // A server's disk is the server's: no file here to fill.
        }
        // The one writer connection may grow the file no further: as a full disk does.
        sqlx::query("PRAGMA max_page_count = 1")
            .execute(t.pools.writer.as_sqlite().expect("a file"))
            .await
            .expect("cap the file");
        let mut long = partner("Café Müller");
        long.notes = "Ł".repeat(2000);
        let mut refusal = None;
        for i in 0..50 {
            long.name = format!("Café Müller {i}");
            if let Err(err) = t
                .create_partner(&long, PartnerStatus::Prospect, &Actor::owner())
                .await
            {
                refusal = Some(err);
                break;
            }
        }
        let err = refusal.expect("the disk filled up");
        assert!(
            matches!(&err, Error::Store(StoreError::DiskFull { path }) if path == t.db_path()),
            "{err:?}"
        );
        assert!(err.to_string().contains("is full"), "{err}");
    }
}
