//! The partner statement PDF: a period's figures from [`Desk::partner_period`], in words.

use chrono::{Datelike, NaiveDate};

use super::{PartnerPeriod, Payout, PeriodTotals};
use crate::business::{BusinessProfile, PaperSize};
use crate::documents::statement::{
    render_statement, PayoutLine, RedemptionLine, StatementDoc, SummaryLine, TheirLine, TheirSide,
};
use crate::documents::PartyBlock;
use crate::error::{Field, FieldError, Problem};
use crate::ledger::Redemption;
use crate::money::{format, Money};
use crate::partners::PartnerId;
use crate::receivables::{period_words, Receipt, Receivable, TheirPeriod};
use crate::settlements::{NetDirection, NetView};
use crate::terms::{contact, long_date, safe_file_part, PayoutMethod, Pdf};
use crate::{Desk, Result};

impl Desk {
    /// Renders `partner`'s statement for days `from..=to`, on `paper` or the profile
    /// locale's default: balances, every redemption and payout, voided and reversed ones
    /// marked and left out of the totals.
    pub async fn statement_pdf(
        &self,
        partner: PartnerId,
        (from, to): (NaiveDate, NaiveDate),
        paper: Option<PaperSize>,
    ) -> Result<Pdf> {
        if to < from {
            let problem = Problem::Malformed {
                expected: "on or after the period's first day",
            };
            return Err(FieldError::new(Field::PeriodTo, problem).into());
        }
        let profile = self.require_profile().await?;
        let period = self.partner_period(partner, (from, to)).await?;
        self.statement_pdf_of(&profile, &period, paper).await
    }

    /// The statement PDF of `period`, already read (the signed file is written from the
    /// same figures, so they are read once).
    pub(crate) async fn statement_pdf_of(
        &self,
        profile: &BusinessProfile,
        period: &PartnerPeriod,
        paper: Option<PaperSize>,
    ) -> Result<Pdf> {
        let (partner, from, to) = (period.partner.id, period.from, period.to);
        let theirs = self.their_period(partner, (from, to)).await?;
        let paper = paper.unwrap_or_else(|| PaperSize::for_locale(&profile.locale));
        let mut doc = statement_doc(profile, period, paper);
        doc.their_side = theirs.map(|t| their_side(profile, period, &t));
        doc.key_line = self.statement_key_line().await?;
        doc.logo = self.logo_picture().await?;
        Ok(Pdf {
            file_name: file_name(&period.partner.name, from, to),
            bytes: render_statement(&doc)?,
        })
    }
}

/// `Statement Crumb & Co. Bakery 2026-11-01 to 2026-11-30.pdf`, without characters file
/// systems refuse.
fn file_name(partner: &str, from: NaiveDate, to: NaiveDate) -> String {
    format!(
        "Statement {} {} to {}.pdf",
        safe_file_part(partner),
        from.format("%Y-%m-%d"),
        to.format("%Y-%m-%d")
    )
}

/// Everything printed on the statement, in words.
fn statement_doc(
    profile: &BusinessProfile,
    period: &PartnerPeriod,
    paper: PaperSize,
) -> StatementDoc {
    let locale = profile.locale.as_str();
    let money = |m: Money| format(m, locale);
    let partner = &period.partner;
    let t = &period.totals;
    let redemption_total = (!period.redemptions.is_empty()).then(|| RedemptionLine {
        date: "Total".into(),
        code: counted(t.redemptions, "redemption"),
        sale: money(t.sales),
        discount: money(t.discounts),
        commission: money(t.commissions),
        void: None,
    });
    let payout_total = (!period.payouts.is_empty()).then(|| PayoutLine {
        date: "Total".into(),
        method: String::new(),
        reference: String::new(),
        amount: money(t.payouts),
        reversal: None,
    });
    StatementDoc {
        paper,
        title: "Partner statement".into(),
        period_line: long_period(period.from, period.to),
        parties: [
            PartyBlock {
                role: "Business".into(),
                name: profile.name.clone(),
                address: profile.address.clone(),
                tax_id: profile.tax_id.clone(),
                contact: contact(&[&profile.email, &profile.phone]),
            },
            PartyBlock {
                role: "Partner".into(),
                name: partner.name.clone(),
                address: partner.address.clone(),
                tax_id: String::new(),
                contact: contact(&[&partner.contact_person, &partner.email, &partner.phone]),
            },
        ],
        summary: summary(t, locale),
        redemptions: period
            .redemptions
            .iter()
            .map(|r| redemption_line(r, locale))
            .collect(),
        redemption_total,
        payouts: period
            .payouts
            .iter()
            .map(|p| payout_line(p, locale))
            .collect(),
        payout_total,
        their_side: None,
        key_line: None,
        footer: format!(
            "{} · {} · Statement {}",
            profile.name,
            partner.name,
            short_period(period.from, period.to)
        ),
        logo: None,
    }
}

/// The partner's side and the net, for a two-way partnership.
fn their_side(profile: &BusinessProfile, ours: &PartnerPeriod, theirs: &TheirPeriod) -> TheirSide {
    let locale = profile.locale.as_str();
    let money = |m: Money| format(m, locale);
    let partner = &ours.partner.name;
    let line = |label: &str, value: String, emphasis: bool| SummaryLine {
        label: label.to_string(),
        value,
        emphasis,
    };
    let our_closing = ours.totals.closing_balance;
    let net = NetView::of(our_closing, theirs.closing, locale);
    let net_words = match net.direction {
        NetDirection::WeOwe => format!("Net: {} pays {partner}", profile.name),
        NetDirection::TheyOwe => format!("Net: {partner} pays {}", profile.name),
        NetDirection::Even => "Net: even, nothing to pay".to_string(),
    };
    let counted: i64 = theirs
        .receivables
        .iter()
        .filter(|r| r.reversal.is_none())
        .map(|r| r.customers)
        .sum();
    TheirSide {
        heading: format!("What {partner} owes {}", profile.name),
        summary: vec![
            line("Opening balance", money(theirs.opening), false),
            line("Customers we sent", counted.to_string(), false),
            line("Owed for the period", money(theirs.owed), false),
            line("Paid to us", money(theirs.paid), false),
            line("Closing balance", money(theirs.closing), true),
        ],
        lines: theirs
            .receivables
            .iter()
            .map(|r| their_line(r, locale))
            .collect(),
        lines_total: (!theirs.receivables.is_empty()).then(|| TheirLine {
            period: "Total".into(),
            customers: counted.to_string(),
            reference: String::new(),
            amount: money(theirs.owed),
            reversal: None,
        }),
        payments: theirs
            .receipts
            .iter()
            .map(|r| receipt_line(r, locale))
            .collect(),
        payments_total: (!theirs.receipts.is_empty()).then(|| PayoutLine {
            date: "Total".into(),
            method: String::new(),
            reference: String::new(),
            amount: money(theirs.paid),
            reversal: None,
        }),
        net: vec![
            line(
                &format!("{} owes {partner}", profile.name),
                money(our_closing.max_zero()),
                false,
            ),
            line(
                &format!("{partner} owes {}", profile.name),
                money(theirs.closing.max_zero()),
                false,
            ),
            line(&net_words, net.amount, true),
        ],
    }
}

fn their_line(r: &Receivable, locale: &str) -> TheirLine {
    TheirLine {
        period: period_words(r.period),
        customers: r.customers.to_string(),
        reference: r.reference.clone(),
        amount: format(r.amount, locale),
        reversal: r
            .reversal
            .as_ref()
            .map(|x| format!("REVERSED — {}", x.reason)),
    }
}

fn receipt_line(r: &Receipt, locale: &str) -> PayoutLine {
    PayoutLine {
        date: short_date(r.received_on, locale),
        method: method(r.method).into(),
        reference: r.reference.clone(),
        amount: format(r.amount, locale),
        reversal: r
            .reversal
            .as_ref()
            .map(|x| format!("REVERSED — {}", x.reason)),
    }
}

/// Opening balance, what the period brought, and the closing balance, set apart.
fn summary(t: &PeriodTotals, locale: &str) -> Vec<SummaryLine> {
    let money = |m: Money| format(m, locale);
    let line = |label: &str, value: String| SummaryLine {
        label: label.to_string(),
        value,
        emphasis: false,
    };
    let mut lines = vec![
        line("Opening balance", money(t.opening_balance)),
        line("Redemptions", t.redemptions.to_string()),
    ];
    if t.voided > 0 {
        lines.push(line("Voided, not counted", t.voided.to_string()));
    }
    let closing = if t.closing_balance.minor < 0 {
        "Closing balance (paid in advance)"
    } else {
        "Closing balance"
    };
    lines.extend([
        line("New customers", t.new_customers.to_string()),
        line("Sales brought", money(t.sales)),
        line("Discounts given", money(t.discounts)),
        line("Commission earned", money(t.commissions)),
        line("Payouts", money(t.payouts)),
        SummaryLine {
            emphasis: true,
            ..line(closing, money(t.closing_balance))
        },
    ]);
    lines
}

fn redemption_line(r: &Redemption, locale: &str) -> RedemptionLine {
    RedemptionLine {
        date: short_date(r.local_day, locale),
        code: r.code.clone(),
        sale: format(r.sale, locale),
        discount: format(r.discount, locale),
        commission: format(r.commission, locale),
        void: r.void.as_ref().map(|v| format!("VOIDED — {}", v.reason)),
    }
}

fn payout_line(p: &Payout, locale: &str) -> PayoutLine {
    PayoutLine {
        date: short_date(p.paid_on, locale),
        method: method(p.method).into(),
        reference: p.reference.clone(),
        amount: format(p.amount, locale),
        reversal: p
            .reversal
            .as_ref()
            .map(|r| format!("REVERSED — {}", r.reason)),
    }
}

/// "3 redemptions counted", "1 redemption counted".
fn counted(n: i64, what: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} {what}{s} counted")
}

/// How a payout was made, as a table cell.
fn method(m: PayoutMethod) -> &'static str {
    match m {
        PayoutMethod::Cash => "Cash",
        PayoutMethod::BankTransfer => "Bank transfer",
        PayoutMethod::StoreCredit => "Store credit",
        PayoutMethod::Other => "Other",
    }
}

/// "1 November 2026 – 30 November 2026", or the one day.
fn long_period(from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        long_date(from)
    } else {
        format!("{} – {}", long_date(from), long_date(to))
    }
}

/// The period as briefly as it reads unambiguously: "1–30 November 2026",
/// "1 November – 15 December 2026", "1 December 2026 – 31 January 2027".
fn short_period(from: NaiveDate, to: NaiveDate) -> String {
    let (a, b) = (long_date(from), long_date(to));
    if from == to {
        a
    } else if (from.year(), from.month()) == (to.year(), to.month()) {
        format!("{}–{b}", from.day())
    } else if from.year() == to.year() {
        let without_year = a.rsplit_once(' ').map_or(a.as_str(), |(dm, _)| dm);
        format!("{without_year} – {b}")
    } else {
        format!("{a} – {b}")
    }
}

/// A date for a narrow table column, written the way `locale` writes dates in numbers;
/// ISO where the locale does, or where day and month order would be ambiguous to guess.
fn short_date(date: NaiveDate, locale: &str) -> String {
    let pattern = match locale {
        "en-US" => "%m/%d/%Y",
        "en-CA" | "fr-CA" | "sv-SE" => "%Y-%m-%d",
        "nl-NL" => "%d-%m-%Y",
        _ => match locale.split('-').next() {
            Some("de" | "pl" | "cs" | "fi" | "nb" | "da") => "%d.%m.%Y",
            Some("en" | "fr" | "es" | "it" | "pt") => "%d/%m/%Y",
            _ => "%Y-%m-%d",
        },
    };
    date.format(pattern).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn file_names_carry_the_period_and_drop_characters_file_systems_refuse() {
        assert_eq!(
            file_name("Crumb & Co. Bakery", day(2026, 11, 1), day(2026, 11, 30)),
            "Statement Crumb & Co. Bakery 2026-11-01 to 2026-11-30.pdf"
        );
        assert_eq!(
            file_name(" A/B: \"Łódź\" ", day(2026, 1, 1), day(2026, 1, 31)),
            "Statement A-B- -Łódź- 2026-01-01 to 2026-01-31.pdf"
        );
    }

    #[test]
    fn periods_are_written_as_briefly_as_they_read_unambiguously() {
        let nov = (day(2026, 11, 1), day(2026, 11, 30));
        assert_eq!(short_period(nov.0, nov.1), "1–30 November 2026");
        assert_eq!(
            long_period(nov.0, nov.1),
            "1 November 2026 – 30 November 2026"
        );
        assert_eq!(
            short_period(day(2026, 11, 1), day(2026, 12, 15)),
            "1 November – 15 December 2026"
        );
        assert_eq!(
            short_period(day(2026, 12, 1), day(2027, 1, 31)),
            "1 December 2026 – 31 January 2027"
        );
        assert_eq!(short_period(nov.0, nov.0), "1 November 2026");
        assert_eq!(long_period(nov.0, nov.0), "1 November 2026");
    }

    #[test]
    fn short_dates_follow_the_locale() {
        let d = day(2026, 11, 5);
        assert_eq!(short_date(d, "en-IE"), "05/11/2026");
        assert_eq!(short_date(d, "en-US"), "11/05/2026");
        assert_eq!(short_date(d, "de-DE"), "05.11.2026");
        assert_eq!(short_date(d, "sv-SE"), "2026-11-05");
        assert_eq!(short_date(d, "nl-NL"), "05-11-2026");
    }
}
