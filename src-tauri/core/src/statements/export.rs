//! Our statements as files: each partner's PDF with the signed file beside it, one at a
//! time from the Money screen or all at once from Month-end.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use super::{
    write_statement, PrintedAll, StatementBody, StatementLine, StatementParty, StatementPeriod,
    StatementTotals, FILE_SUFFIX,
};
use crate::business::{BusinessProfile, PaperSize};
use crate::error::StatementError;
use crate::partners::PartnerId;
use crate::payouts::PartnerPeriod;
use crate::store::settlements;
use crate::terms::{contact, Pdf};
use crate::{Actor, Desk, Result};

/// A partner's statement for a period: the PDF, and the signed file their Partnerdesk
/// imports, named alike.
#[derive(Debug, Clone)]
pub struct StatementFiles {
    pub pdf: Pdf,
    pub file: Pdf,
}

impl Desk {
    /// `partner`'s statement for days `from..=to` as a PDF (on `paper` or the locale's) and
    /// as a signed file; noted as sent, for Month-end's "last sent".
    pub async fn statement_files(
        &self,
        partner: PartnerId,
        (from, to): (NaiveDate, NaiveDate),
        paper: Option<PaperSize>,
        actor: &Actor,
    ) -> Result<StatementFiles> {
        crate::text::period_in_order(from, to)?;
        let profile = self.require_profile().await?;
        let period = self.partner_period(partner, (from, to)).await?;
        let pdf = self.statement_pdf_of(&profile, &period, paper).await?;
        let key = self.installation_key().await?;
        let bytes = write_statement(&body(&profile, &period, self.now()), &key);
        let sha256 = hex(&Sha256::digest(&bytes));
        self.transact(actor, async |tx| {
            let at = tx.now();
            settlements::insert_sent(tx, partner, (from, to), &sha256, at, actor).await?;
            Ok(())
        })
        .await?;
        let stem = pdf.file_name.trim_end_matches(".pdf").to_string();
        Ok(StatementFiles {
            file: Pdf {
                file_name: format!("{stem}{FILE_SUFFIX}"),
                bytes,
            },
            pdf,
        })
    }

    /// Writes the statement of every partner on Month-end for days `from..=to` into
    /// `folder`, PDF and signed file each, calling `progress(done, total, partner)` after
    /// each one.
    pub async fn print_all_statements(
        &self,
        (from, to): (NaiveDate, NaiveDate),
        paper: Option<PaperSize>,
        folder: &Path,
        actor: &Actor,
        progress: &mut (dyn FnMut(u32, u32, &str) + Send),
    ) -> Result<PrintedAll> {
        let rows = self.month_end((from, to)).await?.rows;
        let total = u32::try_from(rows.len()).unwrap_or(u32::MAX);
        let mut done = 0;
        for row in &rows {
            let files = self
                .statement_files(row.partner_id, (from, to), paper, actor)
                .await?;
            write_into(folder, &files.pdf)?;
            write_into(folder, &files.file)?;
            done += 1;
            progress(done, total, &row.name);
        }
        Ok(PrintedAll {
            folder: folder.display().to_string(),
            statements: done,
        })
    }
}

/// Writes `file` into `folder` whole or not at all: a half-written statement is never left
/// under its real name.
fn write_into(folder: &Path, file: &Pdf) -> Result<PathBuf> {
    let path = folder.join(&file.file_name);
    let partial = folder.join(format!(".{}.partial", file.file_name));
    let not_saved = |err: std::io::Error| StatementError::NotSaved {
        path: path.clone(),
        reason: err.to_string(),
    };
    std::fs::write(&partial, &file.bytes).map_err(not_saved)?;
    std::fs::rename(&partial, &path).map_err(|err| {
        let _ = std::fs::remove_file(&partial);
        not_saved(err)
    })?;
    Ok(path)
}

/// The statement as the file states it: both businesses as printed, our lines in the
/// shop's currency (a line in another is never added to cents), and the totals.
fn body(
    profile: &BusinessProfile,
    period: &PartnerPeriod,
    issued_at: chrono::DateTime<chrono::Utc>,
) -> StatementBody {
    let t = &period.totals;
    let cur = t.sales.currency;
    let partner = &period.partner;
    let lines: Vec<StatementLine> = period
        .redemptions
        .iter()
        .filter(|r| r.sale.currency == cur)
        .map(|r| StatementLine {
            date: r.local_day,
            code: r.code.clone(),
            sale_minor: r.sale.minor,
            discount_minor: r.discount.minor,
            commission_minor: r.commission.minor,
            new_customer: r.new_customer,
            voided: r.void.is_some(),
        })
        .collect();
    let voided = lines.iter().filter(|l| l.voided).count() as i64;
    StatementBody {
        issuer: StatementParty {
            name: profile.name.clone(),
            address: profile.address.clone(),
            tax_id: profile.tax_id.clone(),
            contact: contact(&[&profile.email, &profile.phone]),
        },
        recipient: StatementParty {
            name: partner.name.clone(),
            address: partner.address.clone(),
            tax_id: String::new(),
            contact: contact(&[&partner.contact_person, &partner.email, &partner.phone]),
        },
        currency: cur.code().to_string(),
        period: StatementPeriod {
            from: period.from,
            to: period.to,
        },
        issued_at,
        lines,
        totals: StatementTotals {
            redemptions: t.redemptions,
            voided,
            new_customers: t.new_customers,
            sales_minor: t.sales.minor,
            discounts_minor: t.discounts.minor,
            commissions_minor: t.commissions.minor,
            payouts_minor: t.payouts.minor,
            opening_balance_minor: t.opening_balance.minor,
            closing_balance_minor: t.closing_balance.minor,
        },
    }
}

/// Lowercase hex, as hashes are stored.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
