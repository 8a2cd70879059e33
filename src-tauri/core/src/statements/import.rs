//! A partner's statement file coming in: read and its signature checked, previewed, then
//! entered as what they owe us for its period. The first file pins the partner's key
//! (trust on first use); a file signed by another key is refused unless the owner accepts
//! the new key explicitly; the same file is never counted twice.

use std::path::Path;

use sha2::{Digest, Sha256};

use super::export::hex;
use super::{
    read_statement, KeyStatus, PublicKey, ReadStatement, StatementLineView, StatementPreview,
    StatementTotalsView, MAX_FILE_BYTES,
};
use crate::audit::AuditEntity;
use crate::error::{PartnerError, StatementError, StatementFileError};
use crate::money::{currency, format, Money};
use crate::partners::PartnerId;
use crate::receivables::{enter, Entry, ReceivableView};
use crate::store::{self, statements};
use crate::text::{long_date, name_key};
use crate::{Actor, Desk, Error, Result};

/// Why a new key replaced a partner's pinned one, as the pin keeps it.
const ACCEPTED: &str = "The owner accepted a new key after checking with the partner.";

/// A file read from disk, checked, with what the checks need.
struct Incoming {
    read: ReadStatement,
    text: String,
    cur: iso_currency::Currency,
}

impl Desk {
    /// Reads the statement file at `path` and checks it, saving nothing: its signature,
    /// currency, whether it was imported before, and how its key compares with the key
    /// pinned for the partner it is from.
    pub async fn preview_statement(&self, path: &Path) -> Result<StatementPreview> {
        let incoming = self.incoming(path).await?;
        let profile = self.require_profile().await?;
        let locale = profile.locale.as_str();
        let mut conn = self.pools.reader.acquire().await?;
        already_imported(&mut conn, &incoming.read.sha256).await?;
        let body = &incoming.read.body;
        let key_hex = incoming.read.key.to_hex();
        let partner = match statements::partner_of_key(&mut conn, &key_hex).await? {
            Some(id) => Some(id),
            None => {
                let wanted = name_key(&body.issuer.name);
                let names = store::partners::name_keys(&mut conn).await?;
                match names.iter().find(|(key, _)| *key == wanted) {
                    Some((_, name)) => store::partners::list(&mut conn, "", None)
                        .await?
                        .into_iter()
                        .find(|p| &p.name == name)
                        .map(|p| p.id),
                    None => None,
                }
            }
        };
        let pinned = match partner {
            Some(id) => statements::pinned_key(&mut conn, id).await?,
            None => None,
        };
        let (key, pinned_fingerprint) = match pinned {
            None => (KeyStatus::New, None),
            Some(p) if p == key_hex => (KeyStatus::Pinned, None),
            Some(p) => (KeyStatus::Changed, Some(fingerprint(&p))),
        };
        let money = |minor: i64| format(Money::new(minor, incoming.cur), locale);
        let t = &body.totals;
        Ok(StatementPreview {
            path: path.display().to_string(),
            issuer_name: body.issuer.name.clone(),
            issuer_address: body.issuer.address.clone(),
            recipient_name: body.recipient.name.clone(),
            addressed_to_us: name_key(&body.recipient.name) == name_key(&profile.name),
            period_from: body.period.from,
            period_to: body.period.to,
            currency: body.currency.clone(),
            issued_at: body.issued_at,
            totals: StatementTotalsView {
                redemptions: t.redemptions,
                voided: t.voided,
                new_customers: t.new_customers,
                sales: money(t.sales_minor),
                discounts: money(t.discounts_minor),
                commissions: money(t.commissions_minor),
            },
            lines: body
                .lines
                .iter()
                .map(|l| StatementLineView {
                    date: l.date,
                    code: l.code.clone(),
                    sale: money(l.sale_minor),
                    discount: money(l.discount_minor),
                    commission: money(l.commission_minor),
                    voided: l.voided,
                })
                .collect(),
            fingerprint: incoming.read.key.fingerprint(),
            key,
            pinned_fingerprint,
            partner_id: partner,
        })
    }

    /// Imports the statement file at `path` as `partner`'s: what they owe us for its period
    /// becomes an entry on their side, the file is kept as received, and the key that signed
    /// it is pinned if none was. Another key than the pinned one is refused unless
    /// `accept_new_key`.
    pub async fn import_statement(
        &self,
        path: &Path,
        partner: PartnerId,
        accept_new_key: bool,
        actor: &Actor,
    ) -> Result<ReceivableView> {
        let incoming = self.incoming(path).await?;
        let locale = self.require_profile().await?.locale;
        let read = &incoming.read;
        let body = &read.body;
        let key_hex = read.key.to_hex();
        self.transact(actor, async |tx| {
            let found = store::partners::get(tx, partner)
                .await?
                .ok_or(PartnerError::NotFound(partner))?;
            already_imported(tx, &read.sha256).await?;
            if let Some(other) = statements::partner_of_key(tx, &key_hex).await? {
                if other != partner {
                    let other = store::partners::get(tx, other).await?;
                    return Err(StatementError::KeyOfAnotherPartner {
                        partner: found.name,
                        other: other.map(|p| p.name).unwrap_or_default(),
                    }
                    .into());
                }
            }
            let at = tx.now();
            match statements::pinned_key(tx, partner).await? {
                Some(pinned) if pinned == key_hex => {}
                Some(pinned) if !accept_new_key => {
                    return Err(StatementError::KeyChanged {
                        partner: found.name,
                        pinned: fingerprint(&pinned),
                        found: read.key.fingerprint(),
                    }
                    .into());
                }
                pinned => {
                    let reason = if pinned.is_some() { ACCEPTED } else { "" };
                    statements::pin_key(tx, partner, &key_hex, reason, at, actor).await?;
                    let pin = (read.key.fingerprint(), reason);
                    tx.audit(
                        AuditEntity::PartnerKey,
                        partner.0,
                        "pin",
                        None::<&()>,
                        Some(&pin),
                    )
                    .await?;
                }
            }
            let import_id = statements::insert_import(
                tx,
                &statements::NewImport {
                    partner_id: partner,
                    sha256: &read.sha256,
                    public_hex: &key_hex,
                    issuer_name: &body.issuer.name,
                    issued_at: body.issued_at,
                    text: &incoming.text,
                    at,
                    by: actor,
                },
            )
            .await?;
            let reference = format!(
                "Statement file issued {}",
                long_date(body.issued_at.date_naive())
            );
            let entry = Entry {
                partner,
                period: (body.period.from, body.period.to),
                customers: body.totals.redemptions,
                amount: Money::new(body.totals.commissions_minor, incoming.cur),
                reference: &reference,
                import_id: Some(import_id),
            };
            Ok(enter(tx, &entry, &locale).await?.view(&locale))
        })
        .await
    }

    /// The file at `path`, read, its signature checked and its currency ours.
    async fn incoming(&self, path: &Path) -> Result<Incoming> {
        let unreadable = |reason: String| StatementError::Unreadable {
            path: path.to_path_buf(),
            reason,
        };
        let size = std::fs::metadata(path)
            .map_err(|e| unreadable(e.to_string()))?
            .len();
        if size > MAX_FILE_BYTES as u64 {
            let bytes = usize::try_from(size).unwrap_or(usize::MAX);
            return Err(StatementError::File(StatementFileError::TooLarge { bytes }).into());
        }
        let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
        let read = read_statement(&bytes).map_err(StatementError::File)?;
        debug_assert_eq!(read.sha256, hex(&Sha256::digest(&bytes)));
        let profile = self.require_profile().await?;
        let ours = currency(&profile.currency).ok_or(Error::ProfileRequired)?;
        if read.body.currency != ours.code() {
            return Err(StatementError::WrongCurrency {
                file: read.body.currency.clone(),
                ours: ours.code().to_string(),
            }
            .into());
        }
        // read_statement only accepts valid UTF-8 JSON, so this never replaces anything.
        let text = String::from_utf8_lossy(&bytes).into_owned();
        Ok(Incoming {
            read,
            text,
            cur: ours,
        })
    }
}

/// Refuses a file imported before (the same bytes), naming when and for whom.
async fn already_imported(conn: &mut crate::store::Conn, sha256: &str) -> Result<()> {
    let Some(earlier) = statements::import_of_file(conn, sha256).await? else {
        return Ok(());
    };
    let partner = store::partners::get(conn, PartnerId(earlier.partner_id))
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    Err(StatementError::AlreadyImported {
        partner,
        on: long_date(earlier.at().date_naive()),
    }
    .into())
}

/// The fingerprint of a stored (hex) key.
fn fingerprint(hex: &str) -> String {
    PublicKey::from_hex(hex).map_or_else(|| hex.to_string(), |k| k.fingerprint())
}
