//! Logging a redemption: once, in one transaction, with the amounts the terms in force give.

use chrono::{Datelike, Months, NaiveDate};

use super::limits::{self, refuse_barcode};
use super::{LogOutcome, Redemption, RedemptionInput};
use crate::audit::AuditEntity;
use crate::codes::check_typed_length;
use crate::codes::lookup::{judge, Judged};
use crate::codes::resolve::{resolve, Resolved};
use crate::desk::Actor;
use crate::error::{Field, FieldError, LedgerError, Problem};
use crate::money::{format, Money};
use crate::store::{self, redemptions, Dialect};
use crate::text::clean;
use crate::transact::Tx;
use crate::{Desk, Error, Result};

/// Longest note staff can add to a redemption.
pub const NOTE_MAX: usize = 500;

impl Desk {
    /// Logs `input` at `till`. Re-checks the code inside the transaction, so two tills can
    /// never use a code past its limit; a retry with the same idempotency key returns the
    /// first result and writes nothing.
    pub async fn log_redemption(
        &self,
        input: &RedemptionInput,
        till: &str,
        actor: &Actor,
    ) -> Result<LogOutcome> {
        // Before the write lock: reading an overlong code is work nobody should wait behind.
        check_typed_length(&input.code)?;
        let first = self
            .transact(actor, async |tx| {
                self.log_redemption_in(tx, input, till).await
            })
            .await;
        // The same attempt sent twice at once (a till retrying while its first try is
        // still in flight) can both find no key and both insert: the later one meets the
        // key's UNIQUE index. Run once more, and the first attempt's result is replayed.
        match first {
            Err(err) if err.is_duplicate_key() => {
                self.transact(actor, async |tx| {
                    self.log_redemption_in(tx, input, till).await
                })
                .await
            }
            other => other,
        }
    }

    /// [`Desk::log_redemption`] inside `tx`, logged by the transaction's actor.
    pub(crate) async fn log_redemption_in(
        &self,
        tx: &mut Tx<'_>,
        input: &RedemptionInput,
        till: &str,
    ) -> Result<LogOutcome> {
        check_key(&input.idempotency_key)?;
        check_typed_length(&input.code)?;
        // Before the code is even looked up: a barcode in the amount field is the cashier's
        // cue to scan again, whatever the code turns out to be.
        refuse_barcode(&input.sale)?;
        let note = clean(Field::Note, &input.note, NOTE_MAX, false)?;
        // One clock reading, so the stored time and the till's day always agree.
        let now = self.now();
        let day = self.clock().day_of(now);
        let logged_by = tx.actor();
        // Everything below runs under the write lock: the key, the code's uses, the
        // partner's places for the day and the month's commission are read and written in
        // one transaction, so two tills can never both take the last place. The early `Ok`
        // answers (a replay, a refused code) have written nothing, so committing them
        // commits nothing.
        let profile = store::business::get(tx)
            .await?
            .ok_or(Error::ProfileRequired)?;
        // On a server, the partner's row is locked before anything is counted (see
        // `lock_for_logging`); the file's transaction already holds the whole file.
        if tx.dialect() == Dialect::Postgres {
            if let Resolved::Found(code) = resolve(tx, &input.code, day).await? {
                store::partners::lock_for_logging(tx, code.partner_id).await?;
            }
        }
        // A retry is answered from the key first: whatever changed since (the code used up,
        // disabled, the terms replaced), the first attempt stands.
        if let Some(first) = redemptions::by_key(tx, &input.idempotency_key).await? {
            let same_code = matches!(
                resolve(tx, &input.code, day).await?,
                Resolved::Found(code) if code.id == first.code_id
            );
            let same_sale = sale(&input.sale, first.sale.currency).ok() == Some(first.sale);
            let same = same_code
                && same_sale
                && first.new_customer == input.new_customer
                && first.note == note;
            if !same {
                return Err(LedgerError::KeyReused { existing: first.id }.into());
            }
            return Ok(LogOutcome::Logged {
                redemption: Box::new(first.view(&profile.locale)),
                replayed: true,
            });
        }
        let code = match resolve(tx, &input.code, day).await? {
            Resolved::Found(code) => code,
            Resolved::Not(outcome) => return Ok(LogOutcome::Refused { outcome }),
        };
        let code_id = code.id;
        let Judged { outcome, terms } = judge(tx, code, day).await?;
        let Some(terms) = terms else {
            return Ok(LogOutcome::Refused { outcome });
        };
        let currency = terms.terms.currency;
        let sale = sale(&input.sale, currency)?;
        limits::stored(tx, currency)
            .await?
            .check(sale, input.confirmed_large, &profile.locale)?;
        let earned =
            store::totals::commission_between(tx, terms.partner_id, currency, month_of(day))
                .await?;
        // The answer to "first visit?" decides, here and not at the till, whether
        // new-customers-only terms give anything.
        let split = terms
            .terms
            .split_sale(sale, Money::new(earned, currency), input.new_customer);
        if let Some(min) = terms.terms.min_sale.filter(|_| split.below_minimum) {
            // Nothing to redeem: the card stays valid for a sale that qualifies.
            return Err(LedgerError::BelowMinimum {
                min: format(min, &profile.locale),
            }
            .into());
        }
        let id = redemptions::insert(
            tx,
            &redemptions::NewRedemption {
                idempotency_key: &input.idempotency_key,
                code_id,
                partner_id: terms.partner_id,
                agreement_version_id: terms.id,
                at: now,
                local_day: day,
                sale,
                discount: split.discount,
                commission: split.commission,
                offer_applied: split.offer_applies,
                new_customer: input.new_customer,
                note: &note,
                till,
                logged_by,
            },
        )
        .await?;
        let logged = fetch(tx, id).await?.view(&profile.locale);
        tx.audit(
            AuditEntity::Redemption,
            id.0,
            "log",
            None::<&()>,
            Some(&logged),
        )
        .await?;
        Ok(LogOutcome::Logged {
            redemption: Box::new(logged),
            replayed: false,
        })
    }
}

pub(super) async fn fetch(
    conn: &mut crate::store::Conn,
    id: super::RedemptionId,
) -> Result<Redemption> {
    redemptions::by_id(conn, id)
        .await?
        .ok_or(LedgerError::NotFound(id).into())
}

fn sale(text: &str, currency: iso_currency::Currency) -> Result<Money, FieldError> {
    Money::parse(Field::Sale, text, currency)?.ok_or(FieldError::new(Field::Sale, Problem::Empty))
}

/// The first and last day of `day`'s calendar month (monthly caps, "this month").
pub(crate) fn month_of(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = day.with_day(1).unwrap_or(day);
    let last = first
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(day);
    (first, last)
}

/// Keys are made by the till (a UUID or similar): 8 to 64 letters, digits or dashes.
pub(crate) fn check_key(key: &str) -> Result<(), LedgerError> {
    let ok = (8..=64).contains(&key.len())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(LedgerError::BadKey)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_of_covers_the_calendar_month() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        assert_eq!(month_of(d(2028, 2, 14)), (d(2028, 2, 1), d(2028, 2, 29)));
        assert_eq!(month_of(d(2026, 12, 31)), (d(2026, 12, 1), d(2026, 12, 31)));
    }

    #[test]
    fn keys_are_checked_for_shape() {
        assert!(check_key("0f9c2a6e-5d1b-4c3e-9a7f-1b2c3d4e5f60").is_ok());
        for bad in [
            "short",
            "has space in it",
            &"x".repeat(65),
            "semi;colon-key",
        ] {
            assert!(matches!(check_key(bad), Err(LedgerError::BadKey)), "{bad}");
        }
    }
}
