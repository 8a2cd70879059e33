//! The demo bakery's statement to us: what a partner's Partnerdesk would send at month-end,
//! signed with a key of the bakery's own, written into the data folder for the owner to
//! import from Month-end.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use sha2::{Digest, Sha256};

use super::{
    write_statement, InstallationKey, StatementBody, StatementLine, StatementParty,
    StatementPeriod, StatementTotals, FILE_SUFFIX,
};
use crate::error::StatementError;
use crate::{Desk, Result};

/// The folder in the data folder the demo's partner files are written to.
pub const DEMO_FOLDER: &str = "Demo partner files";

/// The demo bakery's statement file's name.
pub const DEMO_STATEMENT: &str = "Crumb & Co. Bakery statement to Bean There Coffee";

/// Sales at the bakery's counter of the cards we handed out, 10 % off and 8 % to us, as
/// their terms mirror ours: (day of the month, sale, new customer, voided).
const SALES: [(u32, i64, bool, bool); 4] = [
    (1, 640, true, false),
    (2, 980, true, false),
    (2, 450, false, true),
    (3, 1200, false, false),
];

impl Desk {
    /// Where the demo bakery's statement file is, once the demo wrote it.
    pub fn demo_statement_path(&self) -> Option<PathBuf> {
        let folder = self.db_path().parent()?.join(DEMO_FOLDER);
        Some(folder.join(format!("{DEMO_STATEMENT}{FILE_SUFFIX}")))
    }

    /// Writes the demo bakery's signed statement for this month so far.
    pub(crate) async fn write_demo_statement(&self) -> Result<()> {
        let profile = self.require_profile().await?;
        let today = self.today();
        let from = today.with_day(1).unwrap_or(today);
        let body = bakery_statement(&profile.name, &profile.address, (from, today), self.now());
        let seed: [u8; 32] = Sha256::digest(b"Crumb & Co. Bakery demo statement key").into();
        let key = InstallationKey::from_secret(&seed).ok_or(StatementError::NotSaved {
            path: PathBuf::from(DEMO_FOLDER),
            reason: "no demo key".into(),
        })?;
        let Some(path) = self.demo_statement_path() else {
            return Ok(());
        };
        let not_saved = |err: std::io::Error| StatementError::NotSaved {
            path: path.clone(),
            reason: err.to_string(),
        };
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(not_saved)?;
        }
        std::fs::write(&path, write_statement(&body, &key)).map_err(not_saved)?;
        Ok(())
    }
}

/// The bakery's statement to `us` for `period`: the demo sales that fall in it (all of them
/// early in the month, so any period from the 3rd on holds them).
fn bakery_statement(
    us: &str,
    our_address: &str,
    (from, to): (NaiveDate, NaiveDate),
    issued_at: chrono::DateTime<chrono::Utc>,
) -> StatementBody {
    let lines: Vec<StatementLine> = SALES
        .iter()
        .enumerate()
        .filter_map(|(i, &(day, sale, new_customer, voided))| {
            let date = from.with_day(day).filter(|d| *d <= to)?;
            let discount = sale / 10;
            // 8 % of what the customer paid, half-even to the cent as every Partnerdesk does.
            let paid = rust_decimal::Decimal::from(sale - discount);
            let commission = (paid * rust_decimal::Decimal::new(8, 2))
                .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointNearestEven);
            Some(StatementLine {
                date,
                code: format!("BEAN-{}", ["7K2QX", "9M4TB", "3H8WD", "5R6JP"][i]),
                sale_minor: sale,
                discount_minor: discount,
                commission_minor: i64::try_from(commission).unwrap_or(0),
                new_customer,
                voided,
            })
        })
        .collect();
    let counted: Vec<&StatementLine> = lines.iter().filter(|l| !l.voided).collect();
    let sum = |f: fn(&StatementLine) -> i64| counted.iter().map(|l| f(l)).sum::<i64>();
    let commissions = sum(|l| l.commission_minor);
    StatementBody {
        issuer: StatementParty {
            name: "Crumb & Co. Bakery".into(),
            address: "14 Mill Lane\nRiverside".into(),
            tax_id: "GB 987 6543 21".into(),
            contact: "anna@crumbandco.example".into(),
        },
        recipient: StatementParty {
            name: us.into(),
            address: our_address.into(),
            tax_id: String::new(),
            contact: String::new(),
        },
        currency: "EUR".into(),
        period: StatementPeriod { from, to },
        issued_at,
        totals: StatementTotals {
            redemptions: counted.len() as i64,
            voided: (lines.len() - counted.len()) as i64,
            new_customers: counted.iter().filter(|l| l.new_customer).count() as i64,
            sales_minor: sum(|l| l.sale_minor),
            discounts_minor: sum(|l| l.discount_minor),
            commissions_minor: commissions,
            payouts_minor: 0,
            opening_balance_minor: 0,
            closing_balance_minor: commissions,
        },
        lines,
    }
}
