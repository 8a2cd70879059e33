//! Reversal rows: a payout, a receivable or a receipt reversed, each in its own
//! append-only table of the same shape, so one insert serves them all.

use super::to_millis;
use super::Conn;
use crate::ids::PersonId;
use crate::on;
use crate::payouts::Reversal;

/// Which kind of record is reversed: the table its reversal goes to.
#[derive(Debug, Clone, Copy)]
pub enum Reversed {
    Payout,
    Receivable,
    Receipt,
}

impl Reversed {
    /// The INSERT for this kind's table; table and column names are fixed here, never built
    /// from input.
    fn insert_sql(self) -> &'static str {
        match self {
            Reversed::Payout => {
                "INSERT INTO payout_reversals (payout_id, reversed_at, reversed_by,
                     reversed_by_id, reason)
                 VALUES ($1, $2, $3, $4, $5)"
            }
            Reversed::Receivable => {
                "INSERT INTO receivable_reversals (receivable_id, reversed_at, reversed_by,
                     reversed_by_id, reason)
                 VALUES ($1, $2, $3, $4, $5)"
            }
            Reversed::Receipt => {
                "INSERT INTO receipt_reversals (receipt_id, reversed_at, reversed_by,
                     reversed_by_id, reason)
                 VALUES ($1, $2, $3, $4, $5)"
            }
        }
    }
}

/// Records that row `id` of `kind` was reversed, by `by_id` (`reversal.by` is their name);
/// the table's UNIQUE key (and a trigger) refuse a second reversal of the same row.
pub async fn insert(
    conn: &mut Conn,
    kind: Reversed,
    id: impl Into<i64>,
    reversal: &Reversal,
    by_id: Option<PersonId>,
) -> sqlx::Result<()> {
    on!(conn, db => sqlx::query(kind.insert_sql())
        .bind(id.into())
        .bind(to_millis(reversal.at))
        .bind(&reversal.by)
        .bind(by_id)
        .bind(&reversal.reason)
        .execute(db)
        .await
        .map(|done| done.rows_affected()))?;
    Ok(())
}
