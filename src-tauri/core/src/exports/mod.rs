//! CSV files for the owner's spreadsheet: redemptions, partners and payouts. UTF-8 with a
//! byte order mark and a header row, amounts as plain decimals (`12.50`), and every text cell
//! that a spreadsheet would run as a formula neutralised.
//!
//! Neutralising follows OWASP's CSV-injection rule: a leading apostrophe, which spreadsheets
//! show nothing of and read as "this is text". Our own import takes one such apostrophe off
//! again ([`crate::imports::unneutralise`]), so an export read back gives the names typed;
//! an apostrophe before anything else (`'Allo 'Allo`) is the owner's and stays.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::documents::DocumentError;
use crate::money::Money;
use crate::partners::PartnerQuery;
use crate::store::{payouts, redemptions};
use crate::terms::Pdf;
use crate::text;
use crate::{Desk, Result};

/// A file to save, named for the owner.
pub type File = Pdf;

/// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading
/// apostrophe, which spreadsheets show as text and never evaluate.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// `12.50`: our own figures need no neutralising (a refund would be the only minus).
fn amount(money: Money) -> String {
    money.to_decimal().to_string()
}

fn yes_no(flag: bool) -> &'static str {
    if flag {
        "yes"
    } else {
        "no"
    }
}

/// Marks the file as UTF-8. Excel on Windows reads a CSV without it in the computer's
/// legacy code page, so `Café` would show as `CafÃ©`; LibreOffice and Numbers take it too.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Writes `header` and `rows` as CSV after a byte order mark, text cells neutralised.
fn write(header: &[&str], rows: Vec<Vec<Cell>>) -> Result<Vec<u8>> {
    let mut out = csv::Writer::from_writer(UTF8_BOM.to_vec());
    let fail = |e: csv::Error| DocumentError::Csv(e.to_string());
    out.write_record(header).map_err(fail)?;
    for row in rows {
        out.write_record(row.iter().map(Cell::render))
            .map_err(fail)?;
    }
    out.into_inner()
        .map_err(|e| DocumentError::Csv(e.to_string()).into())
}

/// One cell: text from people (neutralised) or a figure we made.
enum Cell {
    Text(String),
    Figure(String),
}

impl Cell {
    fn render(&self) -> String {
        match self {
            Cell::Text(text) => neutralise(text),
            Cell::Figure(figure) => figure.clone(),
        }
    }
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

fn figure(value: impl ToString) -> Cell {
    Cell::Figure(value.to_string())
}

/// A CSV file named for what it holds and the day it was made (`day`, the shop's today).
fn file(name: &str, day: NaiveDate, bytes: Vec<u8>) -> File {
    let day = day.format("%Y-%m-%d");
    File {
        file_name: format!("{name} {day}.csv"),
        bytes,
    }
}

impl Desk {
    /// The redemptions logged on the shop's days `from..=to` (the period on screen), voided
    /// ones included and marked.
    pub async fn redemptions_csv(&self, (from, to): (NaiveDate, NaiveDate)) -> Result<File> {
        text::period_in_order(from, to)?;
        let mut conn = self.pools.reader.acquire().await?;
        let rows = redemptions::redemptions_between(&mut conn, (from, to)).await?;
        let header = [
            "number",
            "redeemed_at_utc",
            "day",
            "till",
            "code",
            "partner",
            "currency",
            "sale",
            "discount",
            "commission",
            "new_customer",
            "note",
            "logged_by",
            "terms_version",
            "voided",
            "void_reason",
        ];
        let rows = rows
            .into_iter()
            .map(|r| {
                vec![
                    figure(r.id.0),
                    figure(r.redeemed_at.format("%Y-%m-%dT%H:%M:%SZ")),
                    figure(r.local_day),
                    text(r.till),
                    text(r.code),
                    text(r.partner_name),
                    figure(r.sale.currency.code()),
                    figure(amount(r.sale)),
                    figure(amount(r.discount)),
                    figure(amount(r.commission)),
                    figure(yes_no(r.new_customer)),
                    text(r.note),
                    text(r.logged_by),
                    figure(r.agreement_version),
                    figure(yes_no(r.void.is_some())),
                    text(r.void.map(|v| v.reason).unwrap_or_default()),
                ]
            })
            .collect();
        Ok(File {
            file_name: format!("{}.csv", period_name("Redemptions", (from, to))),
            bytes: write(&header, rows)?,
        })
    }

    /// Every partner with contact details, status and fit scores.
    pub async fn partners_csv(&self) -> Result<File> {
        let partners = self.partners(&PartnerQuery::default()).await?;
        let header = [
            "name",
            "status",
            "category",
            "contact_person",
            "email",
            "phone",
            "address",
            "website",
            "notes",
            "fit_audience",
            "fit_synergy",
            "fit_reputation",
            "fit_motivation",
        ];
        let score = |s: Option<u8>| figure(s.map(|s| s.to_string()).unwrap_or_default());
        let rows = partners
            .into_iter()
            .map(|p| {
                vec![
                    text(p.name),
                    figure(p.status.as_str()),
                    text(p.category),
                    text(p.contact_person),
                    text(p.email),
                    text(p.phone),
                    text(p.address),
                    text(p.website),
                    text(p.notes),
                    score(p.fit.audience),
                    score(p.fit.synergy),
                    score(p.fit.reputation),
                    score(p.fit.motivation),
                ]
            })
            .collect();
        Ok(file("Partners", self.today(), write(&header, rows)?))
    }

    /// The payouts paid on days `from..=to` (the period on screen), reversed ones included
    /// and marked.
    pub async fn payouts_csv(&self, (from, to): (NaiveDate, NaiveDate)) -> Result<File> {
        text::period_in_order(from, to)?;
        let mut conn = self.pools.reader.acquire().await?;
        let all = payouts::all_payouts(&mut conn).await?;
        drop(conn);
        let all = all.into_iter().filter(|p| (from..=to).contains(&p.paid_on));
        let names: HashMap<_, _> = self
            .partners(&PartnerQuery::default())
            .await?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        let header = [
            "number",
            "partner",
            "paid_on",
            "currency",
            "amount",
            "method",
            "reference",
            "period_from",
            "period_to",
            "recorded_by",
            "reversed",
            "reversal_reason",
        ];
        let day =
            |d: Option<chrono::NaiveDate>| figure(d.map(|d| d.to_string()).unwrap_or_default());
        let rows = all
            .into_iter()
            .map(|p| {
                vec![
                    figure(p.id.0),
                    text(names.get(&p.partner_id).cloned().unwrap_or_default()),
                    figure(p.paid_on),
                    figure(p.amount.currency.code()),
                    figure(amount(p.amount)),
                    figure(p.method.as_str()),
                    text(p.reference),
                    day(p.period_from),
                    day(p.period_to),
                    text(p.recorded_by),
                    figure(yes_no(p.reversal.is_some())),
                    text(p.reversal.map(|r| r.reason).unwrap_or_default()),
                ]
            })
            .collect();
        Ok(File {
            file_name: format!("{}.csv", period_name("Payouts", (from, to))),
            bytes: write(&header, rows)?,
        })
    }
}

/// "Redemptions 2026-11-01 to 2026-11-30": what a file of the period is called.
fn period_name(what: &str, (from, to): (NaiveDate, NaiveDate)) -> String {
    format!(
        "{what} {} to {}",
        from.format("%Y-%m-%d"),
        to.format("%Y-%m-%d")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formula_starters_are_neutralised() {
        for cell in ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"] {
            assert_eq!(neutralise(cell), format!("'{cell}"));
        }
        for cell in ["Crumb & Co.", "", "12.50", "Café = good"] {
            assert_eq!(neutralise(cell), cell);
        }
    }

    proptest! {
        #[test]
        fn no_neutralised_cell_starts_a_formula(cell in any::<String>()) {
            let safe = neutralise(&cell);
            prop_assert!(!matches!(safe.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r')));
            prop_assert!(safe.ends_with(&cell));
        }
    }
}
