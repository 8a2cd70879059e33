//! Sample agreements for tests and for looking at the layout: accented names, a realistic
//! draft, long names on US Letter.

use crate::business::PaperSize;

use super::{AgreementDoc, PartyBlock, SignatureBlock};

/// The plain-words summary every sample carries.
pub const SUMMARY: &str =
    "Customers you refer get 10 % off purchases of €5.00 or more. You earn 8 % \
                       of each such sale, up to €150.00 a month, paid monthly by bank transfer.";

/// The text of sample clause `n`, long enough to wrap over three lines.
pub fn clause(n: usize) -> String {
    format!(
        "Clause text number {n}: each party keeps its own customer records and shares only \
         the referral codes redeemed, the sale amounts and the dates, so commissions can be \
         checked by both sides."
    )
}

/// An agreement between a café in Łódź and a bakery in Copenhagen with `clauses` clauses.
pub fn accented(clauses: usize) -> AgreementDoc {
    AgreementDoc {
        paper: PaperSize::A4,
        title: "Referral partnership agreement".into(),
        version_line: "Version 3 · signed 24 November 2026".into(),
        status_note: None,
        parties: [
            PartyBlock {
                role: "Business".into(),
                name: "Café Müller".into(),
                address: "ul. Piotrkowska 12\n90-001 Łódź\nPoland".into(),
                tax_id: "PL7251234567".into(),
                contact: "Señora Núñez · hola@cafe-mueller.example".into(),
            },
            PartyBlock {
                role: "Partner".into(),
                name: "Ørsted Bageri".into(),
                address: "Nørregade 5\n1165 København K\nDenmark".into(),
                tax_id: "DK12345678".into(),
                contact: "Mette Ørsted · +45 33 12 34 56".into(),
            },
        ],
        summary: vec![SUMMARY.into()],
        terms: vec![
            ("Partnership model".into(), "Referral".into()),
            ("Effective".into(), "1 December 2026 – open-ended".into()),
            (
                "Customer offer".into(),
                "10 % off purchases of €5.00 or more".into(),
            ),
            (
                "Partner reward".into(),
                "8 % of each sale, at most €150.00 a month".into(),
            ),
        ],
        clauses: (1..=clauses).map(clause).collect(),
        notes: "Governed by the laws of Poland.".into(),
        signatures: [
            SignatureBlock {
                party: "Café Müller".into(),
                signatory: "Señora Núñez".into(),
                date: "24 November 2026".into(),
            },
            SignatureBlock {
                party: "Ørsted Bageri".into(),
                signatory: String::new(),
                date: String::new(),
            },
        ],
        footer: "Café Müller · Ørsted Bageri · Agreement v3".into(),
        logo: None,
    }
}

/// A realistic draft between a coffee shop and a bakery, six clauses.
pub fn bean_there_draft() -> AgreementDoc {
    let clauses = [
        "Crumb & Co. Bakery hands out Bean There Coffee referral cards at its counter and may \
         show the Bean There poster in its window.",
        "A referral counts when a customer presents a valid code at the Bean There counter \
         before paying. Each code can be used as often as printed on its card.",
        "Bean There Coffee records every redemption in Partnerdesk at the time of sale; the \
         record of the sale amount and date is final unless voided with a reason.",
        "Commission is calculated on the sale amount after the customer discount and before \
         tax, and is paid by bank transfer within 10 days of the end of each month.",
        "Either party may end this agreement with 30 days' written notice. Commissions earned \
         before the end date are paid in full.",
        "Neither party may use the other's name or logo beyond the printed cards and poster \
         without written consent.",
    ];
    let row = |label: &str, value: &str| (label.to_string(), value.to_string());
    AgreementDoc {
        paper: PaperSize::A4,
        title: "Referral partnership agreement".into(),
        version_line: "Version 1 · draft of 24 November 2026".into(),
        status_note: Some("DRAFT — not signed. Terms may still change.".into()),
        parties: [
            PartyBlock {
                role: "Business".into(),
                name: "Bean There Coffee".into(),
                address: "14 Market Street\nBristol BS1 1JQ\nUnited Kingdom".into(),
                tax_id: "GB123456789".into(),
                contact: "Priya Shah · priya@beanthere.example\n+44 117 496 0123".into(),
            },
            PartyBlock {
                role: "Partner".into(),
                name: "Crumb & Co. Bakery".into(),
                address: "2 Corn Street\nBristol BS1 1HT\nUnited Kingdom".into(),
                tax_id: String::new(),
                contact: "Tom Baker · hello@crumbandco.example".into(),
            },
        ],
        summary: vec![
            SUMMARY.into(),
            "Codes are printed on cards you hand out; each card carries one code.".into(),
        ],
        terms: vec![
            row("Partnership model", "Referral"),
            row("Effective", "1 December 2026 – open-ended"),
            row("Customer offer", "10 % off purchases of €5.00 or more"),
            row("Partner reward", "8 % of each sale"),
            row("Cap", "€150.00 per calendar month"),
            row(
                "Payout",
                "Monthly, by bank transfer to the account the partner names in writing",
            ),
        ],
        clauses: clauses.iter().map(|c| c.to_string()).collect(),
        notes: "This agreement is governed by the laws of England and Wales.\n\nAny change to \
                these terms is made by a new version signed by both parties; this version then \
                ends."
            .into(),
        signatures: [
            SignatureBlock {
                party: "Bean There Coffee".into(),
                signatory: "Priya Shah".into(),
                date: String::new(),
            },
            SignatureBlock {
                party: "Crumb & Co. Bakery".into(),
                signatory: String::new(),
                date: String::new(),
            },
        ],
        footer: "Bean There Coffee · Crumb & Co. Bakery · Agreement v1 (draft)".into(),
        logo: None,
    }
}

/// 60 characters with no space to break at.
pub const LONG_NAME: &str = "ŁódźCaféMüllerSeñoraNúñezØrstedBakeryCooperativeOfGreaterLod";

/// Thirty clauses on US Letter with names too long for a column.
pub fn long_names_on_letter() -> AgreementDoc {
    let mut doc = accented(30);
    doc.paper = PaperSize::Letter;
    doc.parties[1].name = LONG_NAME.into();
    doc.signatures[1].party = LONG_NAME.into();
    doc.parties[0].name = "Café Müller Kaffeehaus und Konditorei am Alten Markt von Łódź".into();
    doc
}
