//! The audit log: every change to a record, who made it, and what it was before and after.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::ids::PersonId;

/// What kind of record an audit entry is about. Stored as [`AuditEntity::as_str`]; the
/// strings are those the log has always held, so old and new entries read alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditEntity {
    BusinessProfile,
    Partner,
    AgreementVersion,
    ReferralCode,
    Redemption,
    Payout,
    ProgramCost,
    /// The shop's whole revenue for a month: entity id the month as a number (202611);
    /// entries written before corrections existed have 0, with the month in the entry.
    MonthlyRevenue,
    Goal,
    /// This installation's till (its name).
    Till,
    /// A person who signs in (never with a PIN or hash in the entry).
    Person,
    /// One of this installation's settings (entity id 0: the action names the setting).
    Setting,
    /// What a partner owes us for one period (from their statement).
    Receivable,
    /// A month-end settlement with a partner, and the payout and receipt it recorded.
    Settlement,
    /// A partner's pinned statement-signing key, and statement files imported under it.
    PartnerKey,
    /// A campaign: its name, dates, budget, notes and the partners taking part.
    Campaign,
}

impl AuditEntity {
    /// Every entity, in declaration order.
    pub const ALL: [AuditEntity; 16] = [
        AuditEntity::BusinessProfile,
        AuditEntity::Partner,
        AuditEntity::AgreementVersion,
        AuditEntity::ReferralCode,
        AuditEntity::Redemption,
        AuditEntity::Payout,
        AuditEntity::ProgramCost,
        AuditEntity::MonthlyRevenue,
        AuditEntity::Goal,
        AuditEntity::Till,
        AuditEntity::Person,
        AuditEntity::Setting,
        AuditEntity::Receivable,
        AuditEntity::Settlement,
        AuditEntity::PartnerKey,
        AuditEntity::Campaign,
    ];

    /// The name stored in the `audit_log.entity` column.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditEntity::BusinessProfile => "business_profile",
            AuditEntity::Partner => "partner",
            AuditEntity::AgreementVersion => "agreement_version",
            AuditEntity::ReferralCode => "referral_code",
            AuditEntity::Redemption => "redemption",
            AuditEntity::Payout => "payout",
            AuditEntity::ProgramCost => "program_cost",
            AuditEntity::MonthlyRevenue => "monthly_revenue",
            AuditEntity::Goal => "goal",
            AuditEntity::Till => "till",
            AuditEntity::Person => "person",
            AuditEntity::Setting => "setting",
            AuditEntity::Receivable => "receivable",
            AuditEntity::Settlement => "settlement",
            AuditEntity::PartnerKey => "partner_key",
            AuditEntity::Campaign => "campaign",
        }
    }
}

/// One stored audit entry.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// The name shown: the person's at the time, or "owner" for entries made before
    /// sign-in existed.
    pub actor: String,
    /// The person who made the change, when one was signed in.
    pub actor_id: Option<PersonId>,
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
    pub actor_id: Option<PersonId>,
    pub entity: AuditEntity,
    pub entity_id: i64,
    pub action: &'a str,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

impl crate::Desk {
    /// Every audit entry about one record, oldest first.
    pub async fn audit_trail(
        &self,
        entity: AuditEntity,
        entity_id: i64,
    ) -> crate::Result<Vec<AuditEntry>> {
        let mut conn = self.pools.reader.acquire().await?;
        Ok(crate::store::audit::for_entity(&mut conn, entity.as_str(), entity_id).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_serialize_to_the_names_stored_in_the_log() {
        for entity in AuditEntity::ALL {
            let json = serde_json::to_value(entity).expect("serialize");
            assert_eq!(json, serde_json::Value::from(entity.as_str()), "{entity:?}");
        }
    }
}
