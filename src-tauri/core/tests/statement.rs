//! Partner statements rendered from the store and read back with poppler (`pdftotext`,
//! `pdfinfo`), an independent reader: balances, every code once, voids and reversals marked,
//! accented and overlong names inside the margins, long months flowing over numbered pages.

use chrono::{Datelike, Days, Months, NaiveDate};
use iso_currency::Currency;
use partnerdesk_core::business::{BusinessProfileInput, PaperSize};
use partnerdesk_core::codes::CodeOptions;
use partnerdesk_core::documents::samples::LONG_NAME;
use partnerdesk_core::error::Field;
use partnerdesk_core::ledger::{LogOutcome, RedemptionInput, VoidInput};
use partnerdesk_core::money::{format, Money};
use partnerdesk_core::partners::{PartnerId, PartnerStatus};
use partnerdesk_core::payouts::{PayoutInput, PeriodTotals};
use partnerdesk_core::terms::{PayoutMethod, Pdf, SignInput, TermsInput};
use partnerdesk_core::testing::{
    demo_desk, empty_desk, partner, pdftotext, profile, start_day, PdfFile as OnDisk, TestDesk,
};
use partnerdesk_core::Actor;

/// The calendar month the test clock's day, and so every redemption a test logs, falls in.
fn this_month() -> (NaiveDate, NaiveDate) {
    let first = start_day().with_day(1).expect("first day");
    let last = first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.checked_sub_days(Days::new(1)))
        .expect("last day");
    (first, last)
}

fn payout(amount: &str) -> PayoutInput {
    PayoutInput {
        paid_on: start_day().format("%Y-%m-%d").to_string(),
        amount: amount.into(),
        method: PayoutMethod::BankTransfer,
        reference: "TRF 2026-11 Crumb".into(),
        period_from: String::new(),
        period_to: String::new(),
        confirm_over_balance: false,
    }
}

fn on_disk(pdf: &Pdf) -> OnDisk {
    OnDisk::write("statement.pdf", &pdf.bytes)
}

async fn statement(t: &TestDesk, p: PartnerId, paper: Option<PaperSize>) -> OnDisk {
    let pdf = t
        .statement_pdf(p, this_month(), paper)
        .await
        .expect("statement");
    on_disk(&pdf)
}

fn text(pdf: &OnDisk) -> String {
    pdftotext(&pdf.path, &["-layout", "-enc", "UTF-8"])
}

fn page_count(pdf: &OnDisk) -> usize {
    pdf.pages()
}

/// The figure on the summary line that starts with `label`, e.g. "€1.48".
fn figure(out: &str, label: &str) -> String {
    let line = out
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no {label} line in:\n{out}"));
    line.split_whitespace()
        .last()
        .expect("a figure")
        .to_string()
}

#[tokio::test]
async fn the_demo_statement_names_both_parties_and_lists_every_code_once() {
    let (t, bakery) = demo_desk().await;
    let pdf = t
        .statement_pdf(bakery, this_month(), None)
        .await
        .expect("statement");
    let (first, last) = this_month();
    assert_eq!(
        pdf.file_name,
        format!("Statement Crumb & Co. Bakery {first} to {last}.pdf")
    );
    let out = text(&on_disk(&pdf));
    for words in [
        "Partner statement",
        "Bean There Coffee",
        "Crumb & Co. Bakery",
        "Anna Kowalska",
        "Tax ID: GB 123 4567 89",
        "Page 1 of",
        // The demo bakery's terms run both ways: its side and the net are printed too.
        "What Crumb & Co. Bakery owes Bean There Coffee",
        "No statement of theirs for this period.",
        "Net: Bean There Coffee pays Crumb & Co. Bakery",
        "signing key's fingerprint:",
    ] {
        assert!(out.contains(words), "{words} missing from:\n{out}");
    }
    let codes = partnerdesk_core::testing::todays_redemptions(&t).await;
    assert_eq!(codes.len(), 3);
    for r in &codes {
        assert_eq!(out.matches(&r.code).count(), 1, "{} in:\n{out}", r.code);
    }
    assert!(out.contains("No payouts in this period."));
}

/// The demo bakery's figures for this month, as the store computes them.
async fn totals(t: &TestDesk, bakery: PartnerId) -> PeriodTotals {
    t.partner_period(bakery, this_month())
        .await
        .expect("period")
        .totals
}

fn eur(minor: i64) -> String {
    format(Money::new(minor, Currency::EUR), "en-IE")
}

#[tokio::test]
async fn the_summary_prints_the_periods_figures_and_they_add_up() {
    let (t, bakery) = demo_desk().await;
    let sums = totals(&t, bakery).await;
    // Three demo sales; the statement's arithmetic holds: closing = opening + commission
    // − payouts (€1.48 with the demo's €12.50/€8.00/€4.50, €3.14 with €23.00 as the third).
    assert_eq!((sums.redemptions, sums.voided), (3, 0));
    assert_eq!(
        sums.closing_balance.minor,
        sums.opening_balance.minor + sums.commissions.minor - sums.payouts.minor
    );
    let out = text(&statement(&t, bakery, None).await);
    assert_eq!(figure(&out, "Opening balance"), "€0.00");
    assert_eq!(figure(&out, "Redemptions "), "3");
    assert_eq!(figure(&out, "New customers"), "2");
    assert_eq!(figure(&out, "Sales brought"), eur(sums.sales.minor));
    assert_eq!(figure(&out, "Discounts given"), eur(sums.discounts.minor));
    assert_eq!(
        figure(&out, "Commission earned"),
        eur(sums.commissions.minor)
    );
    assert_eq!(figure(&out, "Payouts "), "€0.00");
    assert_eq!(
        figure(&out, "Closing balance"),
        eur(sums.closing_balance.minor)
    );
    assert!(!out.contains("Voided, not counted"));
    // The total row under the table repeats the sums the summary shows.
    let total = out
        .lines()
        .find(|l| l.trim_start().starts_with("Total"))
        .expect("total row");
    for sum in [
        eur(sums.sales.minor),
        eur(sums.discounts.minor),
        eur(sums.commissions.minor),
        "3 redemptions counted".into(),
    ] {
        assert!(total.contains(&sum), "{sum} not in {total}");
    }
}

#[tokio::test]
async fn a_payout_is_listed_and_lowers_the_closing_balance_by_its_amount() {
    let (t, bakery) = demo_desk().await;
    let before = totals(&t, bakery).await.closing_balance.minor;
    t.record_payout(bakery, &payout("1.00"), &Actor::owner())
        .await
        .expect("pay");
    let out = text(&statement(&t, bakery, None).await);
    assert_eq!(figure(&out, "Payouts "), "€1.00");
    // €1.48 − €1.00 = €0.48 on the original demo.
    assert_eq!(figure(&out, "Closing balance"), eur(before - 100));
    let row = out
        .lines()
        .find(|l| l.contains("TRF 2026-11 Crumb"))
        .expect("payout row");
    assert!(row.contains("Bank transfer") && row.trim_end().ends_with("€1.00"));
    assert!(!out.contains("No payouts in this period."));
}

#[tokio::test]
async fn a_voided_redemption_is_marked_with_its_reason_and_not_counted() {
    let (t, bakery) = demo_desk().await;
    let before = totals(&t, bakery).await;
    let first = partnerdesk_core::testing::todays_redemptions(&t).await[0].clone();
    // €12.50 less 10 % earns 8 % of €11.25.
    assert_eq!((first.sale.minor, first.commission.minor), (1250, 90));
    let void = VoidInput {
        reason: "Rung up twice".into(),
        restore_use: false,
    };
    t.void_redemption(first.id, &void, &Actor::owner())
        .await
        .expect("void");
    let out = text(&statement(&t, bakery, None).await);
    let closing = before.closing_balance.minor - 90;
    assert_eq!(figure(&out, "Closing balance"), eur(closing));
    assert_eq!(
        figure(&out, "Commission earned"),
        eur(before.commissions.minor - 90)
    );
    assert_eq!(figure(&out, "Redemptions "), "2");
    assert_eq!(figure(&out, "Voided, not counted"), "1");
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(&first.code))
        .expect("voided row still listed");
    assert!(lines[at].contains("€12.50") && lines[at].contains("€0.90"));
    assert!(
        lines[at + 1].contains("VOIDED — Rung up twice"),
        "no void note under {}:\n{out}",
        lines[at]
    );
    assert_eq!(out.matches(&first.code).count(), 1);
}

#[tokio::test]
async fn a_reversed_payout_is_marked_with_its_reason_and_not_counted() {
    let (t, bakery) = demo_desk().await;
    let owed = totals(&t, bakery).await.closing_balance.minor;
    let paid = t
        .record_payout(bakery, &payout("1.00"), &Actor::owner())
        .await
        .expect("pay");
    t.reverse_payout(paid.id, "Paid the wrong partner", &Actor::owner())
        .await
        .expect("reverse");
    let out = text(&statement(&t, bakery, None).await);
    assert!(out.contains("REVERSED — Paid the wrong partner"), "{out}");
    assert_eq!(figure(&out, "Payouts "), "€0.00");
    assert_eq!(figure(&out, "Closing balance"), eur(owed));
}

#[tokio::test]
async fn a_period_without_activity_says_so_and_carries_the_balance() {
    let (t, bakery) = demo_desk().await;
    let owed = eur(totals(&t, bakery).await.closing_balance.minor);
    let (_, last) = this_month();
    let next = last + Days::new(1);
    let pdf = t
        .statement_pdf(bakery, (next, next + Days::new(29)), None)
        .await
        .expect("statement");
    let out = text(&on_disk(&pdf));
    assert!(out.contains("No redemptions in this period."), "{out}");
    assert!(out.contains("No payouts in this period."));
    assert_eq!(figure(&out, "Opening balance"), owed);
    assert_eq!(figure(&out, "Closing balance"), owed);
}

#[tokio::test]
async fn a_period_that_ends_before_it_starts_is_refused() {
    let (t, bakery) = demo_desk().await;
    let (first, last) = this_month();
    let err = t
        .statement_pdf(bakery, (last, first), None)
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some(Field::PeriodTo));
}

/// A desk for Café Müller in Łódź (German formatting) with an active partner called
/// `name`, signed terms (10 % off, 8 % commission, no cap) and one unlimited code.
async fn cafe_with_partner(name: &str) -> (TestDesk, PartnerId, String) {
    let t = empty_desk().await;
    let cafe = BusinessProfileInput {
        name: "Café Müller".into(),
        address: "ul. Piotrkowska 12\n90-001 Łódź".into(),
        locale: "de-DE".into(),
        ..profile()
    };
    t.save_profile(&cafe, &Actor::owner())
        .await
        .expect("profile");
    let p = t
        .create_partner(&partner(name), PartnerStatus::Active, &Actor::owner())
        .await
        .expect("partner")
        .id;
    let mut terms = TermsInput::blank(NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"));
    terms.reward_percent = "8".into();
    let draft = t
        .create_draft(p, Some(&terms), &Actor::owner())
        .await
        .expect("draft");
    let sign = SignInput {
        signed_on: "2026-01-01".into(),
        our_signatory: "Señora Núñez".into(),
        partner_signatory: "Mette Ørsted".into(),
    };
    t.sign_agreement(draft.id, &sign, &Actor::owner())
        .await
        .expect("sign");
    let options = CodeOptions {
        redemption_limit: String::new(),
        with_prefix: true,
        ..Default::default()
    };
    let code = t
        .issue_code(p, None, &options, &Actor::owner())
        .await
        .expect("code")
        .printed;
    (t, p, code)
}

async fn redeem(t: &TestDesk, code: &str, times: usize) {
    for i in 0..times {
        let input = RedemptionInput {
            idempotency_key: format!("statement-{i}"),
            code: code.into(),
            sale: format!("{}.{:02}", 5 + i % 40, i % 100),
            new_customer: i % 2 == 0,
            note: String::new(),
            confirmed_large: false,
        };
        let outcome = t
            .log_redemption(&input, "Front till", &Actor::named("till"))
            .await
            .expect("log");
        assert!(matches!(outcome, LogOutcome::Logged { .. }), "{outcome:?}");
    }
}

/// A numeric attribute `name="…"` from poppler's bbox output.
fn attr(tag: &str, name: &str) -> f64 {
    let start = tag.find(&format!("{name}=\"")).expect("attribute present") + name.len() + 2;
    let len = tag[start..].find('"').expect("attribute closed");
    tag[start..start + len].parse().expect("numeric attribute")
}

/// Checks every word poppler finds lies within the 20 mm side margins, and either in the
/// running head, the body or the running foot, never in the gaps between them (where a
/// row that overflowed its page would land). Returns how many words there were.
fn assert_inside_margins(pdf: &OnDisk) -> usize {
    let mm = 72.0 / 25.4;
    let boxes = pdftotext(&pdf.path, &["-bbox", "-enc", "UTF-8"]);
    let mut words = 0;
    for page in boxes.split("<page ").skip(1) {
        let (width, height) = (attr(page, "width"), attr(page, "height"));
        let (top, bottom) = (26.0 * mm, height - 24.0 * mm);
        for word in page.split("<word ").skip(1) {
            words += 1;
            let (left, right) = (attr(word, "xMin"), attr(word, "xMax"));
            assert!(
                left >= 20.0 * mm - 0.5 && right <= width - 20.0 * mm + 0.5,
                "word outside the side margins: {word}"
            );
            let (y_min, y_max) = (attr(word, "yMin"), attr(word, "yMax"));
            let head = y_max <= top - 6.0 * mm;
            let body = y_min >= top - 1.0 && y_max <= bottom + 1.0;
            let foot = y_min >= bottom + 8.0 * mm;
            assert!(head || body || foot, "word off the text area: {word}");
        }
    }
    words
}

#[tokio::test]
async fn accented_and_sixty_character_names_print_whole_inside_the_margins() {
    assert_eq!(LONG_NAME.chars().count(), 60);
    let (t, p, code) = cafe_with_partner(LONG_NAME).await;
    redeem(&t, &code, 3).await;
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let pdf = statement(&t, p, Some(paper)).await;
        let out = text(&pdf);
        for words in ["Café Müller", "ul. Piotrkowska 12", "90-001 Łódź"] {
            assert!(out.contains(words), "{words} missing from:\n{out}");
        }
        // Amounts follow the profile's locale (de-DE writes "5,00 €").
        assert!(out.contains("5,00"), "{out}");
        let raw = pdftotext(&pdf.path, &["-raw", "-enc", "UTF-8"]);
        assert!(
            raw.replace('\n', "").contains(LONG_NAME),
            "name lost in:\n{raw}"
        );
        assert!(assert_inside_margins(&pdf) > 40);
    }
}

#[tokio::test]
async fn three_hundred_redemptions_flow_over_numbered_pages_each_with_a_header() {
    let (t, p, code) = cafe_with_partner("Crumb & Co. Bakery").await;
    redeem(&t, &code, 300).await;
    let pdf = statement(&t, p, Some(PaperSize::A4)).await;
    let pages = page_count(&pdf);
    assert!(pages >= 5, "300 rows on only {pages} pages");
    let out = text(&pdf);
    for n in 1..=pages {
        assert!(
            out.contains(&format!("Page {n} of {pages}")),
            "page {n} unnumbered"
        );
    }
    assert_eq!(out.matches(&code).count(), 300, "a row was lost or doubled");
    // Every page the table continues on starts with its header row again.
    let with_table = out
        .split('\u{c}')
        .filter(|page| page.contains(&code))
        .collect::<Vec<_>>();
    assert!(
        with_table.len() >= pages - 1,
        "{} of {pages}",
        with_table.len()
    );
    for page in &with_table {
        let lines: Vec<&str> = page.lines().collect();
        let header = lines
            .iter()
            .position(|l| {
                ["Date", "Code", "Sale", "Commission"]
                    .iter()
                    .all(|w| l.contains(w))
            })
            .unwrap_or_else(|| panic!("no header row on:\n{page}"));
        let first_row = lines.iter().position(|l| l.contains(&code));
        assert!(
            Some(header) < first_row,
            "header below the rows on:\n{page}"
        );
    }
    assert!(out.contains("300 redemptions counted"));
    assert_inside_margins(&pdf);
}
