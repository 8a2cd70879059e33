//! Row ids as types: one macro makes each, so a partner's id can never be passed where a
//! payout's is wanted, and every id serializes, exports to TypeScript and binds to SQL alike
//! (Anki: `define_newtype!` in rslib/src/types.rs).

use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArgumentBuffer, PgTypeInfo, PgValueRef};
use sqlx::sqlite::{SqliteArgumentValue, SqliteTypeInfo, SqliteValueRef};
use sqlx::{Decode, Encode, Postgres, Sqlite, Type};

/// Defines a row-id newtype over `i64`: a plain number in JSON and TypeScript (serde writes
/// a newtype struct as its one field; ts-rs exports `number`), an INTEGER in SQLite and a
/// BIGINT in PostgreSQL, shown as `#12`.
macro_rules! define_id {
    ($($(#[$meta:meta])* $name:ident;)+) => {$(
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize, ts_rs::TS,
        )]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "#{}", self.0)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }

        impl Type<Sqlite> for $name {
            fn type_info() -> SqliteTypeInfo {
                <i64 as Type<Sqlite>>::type_info()
            }

            fn compatible(ty: &SqliteTypeInfo) -> bool {
                <i64 as Type<Sqlite>>::compatible(ty)
            }
        }

        impl<'q> Encode<'q, Sqlite> for $name {
            fn encode_by_ref(
                &self,
                args: &mut Vec<SqliteArgumentValue<'q>>,
            ) -> Result<IsNull, BoxDynError> {
                <i64 as Encode<'q, Sqlite>>::encode_by_ref(&self.0, args)
            }
        }

        impl<'r> Decode<'r, Sqlite> for $name {
            fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
                <i64 as Decode<'r, Sqlite>>::decode(value).map($name)
            }
        }

        impl Type<Postgres> for $name {
            fn type_info() -> PgTypeInfo {
                <i64 as Type<Postgres>>::type_info()
            }

            fn compatible(ty: &PgTypeInfo) -> bool {
                <i64 as Type<Postgres>>::compatible(ty)
            }
        }

        impl Encode<'_, Postgres> for $name {
            fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
                <i64 as Encode<'_, Postgres>>::encode_by_ref(&self.0, buf)
            }
        }

        impl<'r> Decode<'r, Postgres> for $name {
            fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
                <i64 as Decode<'r, Postgres>>::decode(value).map($name)
            }
        }
    )+};
}

define_id! {
    /// A partner's row id.
    PartnerId;
    /// An agreement version's row id.
    AgreementVersionId;
    /// A referral code's row id.
    CodeId;
    /// A redemption's row id, shown to staff as its number.
    RedemptionId;
    /// A payout's row id.
    PayoutId;
    /// A program cost's row id.
    CostId;
    /// A goal's row id.
    GoalId;
    /// A person's row id: an owner or a member of staff who signs in with a PIN.
    PersonId;
    /// A "they owe us" entry's row id: one period of a partner's statement.
    ReceivableId;
    /// A row id of money a partner paid us.
    ReceiptId;
    /// A month-end settlement's row id.
    SettlementId;
    /// An imported statement file's row id.
    StatementImportId;
    /// A campaign's row id: a joint event with partners.
    CampaignId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_plain_numbers_in_json() {
        assert_eq!(serde_json::to_string(&PartnerId(7)).unwrap(), "7");
        assert_eq!(serde_json::from_str::<CostId>("12").unwrap(), CostId(12));
        assert_eq!(PayoutId(3).to_string(), "#3");
    }

    #[tokio::test]
    async fn ids_bind_and_read_back_as_integers() {
        use sqlx::Connection;
        let mut conn = sqlx::SqliteConnection::connect("sqlite::memory:")
            .await
            .unwrap();
        let back: (GoalId, String) = sqlx::query_as("SELECT $1, typeof($1)")
            .bind(GoalId(42))
            .fetch_one(&mut conn)
            .await
            .unwrap();
        assert_eq!(back, (GoalId(42), "integer".to_string()));
    }
}
