//! The audit log: every change to a record, who made it, and what it was before and after.

use chrono::{DateTime, Utc};

/// One stored audit entry.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub entity: String,
    pub entity_id: i64,
    pub action: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// An entry about to be written, inside the transaction that made the change.
#[derive(Debug)]
pub struct NewAuditEntry<'a> {
    pub at: DateTime<Utc>,
    pub actor: &'a str,
    pub entity: &'a str,
    pub entity_id: i64,
    pub action: &'a str,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

impl crate::Desk {
    /// Every audit entry about one record, oldest first.
    pub async fn audit_trail(
        &self,
        entity: &str,
        entity_id: i64,
    ) -> crate::Result<Vec<AuditEntry>> {
        let mut conn = self.pools.reader.acquire().await?;
        Ok(crate::store::audit::for_entity(&mut conn, entity, entity_id).await?)
    }
}
