//! Benchmark data: a shop with years of trade, written through the core's own paths.
//!
//! [`generate`] fills an empty desk with partners, their signed terms, referral codes
//! (batches of single-use cards, multi-use cards, an unlimited poster each) and redemptions
//! spread over years with the seasons and the weekdays, about one in a hundred voided, each
//! partner paid at every month's end, program costs and the shop's monthly revenue. Each
//! redemption goes through the counter's own logging at the time it is said to have happened
//! ([`History`]), so the file's rows, indexes, audit entries and triggers are those a real shop
//! would have after that many years. A day's trade is one transaction, as a busy till's
//! commits would add up to.
//!
//! The same [`Spec`] and seed give the same trade: partners, terms, which kind of card each
//! customer brings, amounts, minutes, voids and payouts. Only the codes themselves are drawn
//! afresh, by the same generator the back office issues them with.

mod names;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::business::BusinessProfileInput;
use crate::codes::CodeOptions;
use crate::demo::month_start;
use crate::history::History;
use crate::ledger::{LogOutcome, RedemptionInput, VoidInput, DEFAULT_TILL};
use crate::money::Money;
use crate::partners::{PartnerId, PartnerInput, PartnerStatus};
use crate::payouts::PayoutInput;
use crate::program::{CostCategory, CostInput, RevenueInput};
use crate::terms::{PayoutMethod, SignInput, TermsInput};
use crate::transact::Tx;
use crate::{store, Actor, Desk, Result};

/// How much to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub seed: u64,
    pub partners: usize,
    /// Referral codes in all, spread over the partners.
    pub codes: usize,
    /// Redemptions in all, over `years` years up to yesterday.
    pub redemptions: usize,
    pub years: u32,
}

impl Spec {
    /// Five years of a busy shop: 200 partners, 100,000 codes, 1,000,000 redemptions.
    pub const MILLION: Spec = Spec {
        seed: 20_261_207,
        partners: 200,
        codes: 100_000,
        redemptions: 1_000_000,
        years: 5,
    };

    /// A year of a small shop, built in seconds: what `make test` measures on.
    pub const SMALL: Spec = Spec {
        seed: 20_261_207,
        partners: 20,
        codes: 2_000,
        redemptions: 5_000,
        years: 1,
    };
}

/// What [`generate`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Generated {
    pub partners: usize,
    pub codes: usize,
    pub redemptions: usize,
    pub voided: usize,
    pub payouts: usize,
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
}

/// How busy each calendar month is, January first, in tenths of an ordinary month.
const SEASON: [u32; 12] = [7, 7, 9, 10, 11, 13, 14, 13, 10, 9, 9, 13];

/// A partner's codes: an unlimited poster, cards to use ten times, single-use cards.
struct Stock {
    partner: PartnerId,
    /// The share of the shop's referred trade this partner brings, in millionths.
    weight: u64,
    poster: String,
    multi: Vec<String>,
    single: Vec<String>,
}

/// Fills `desk`, which must be empty, as `spec` says; `report` hears how far it got.
pub async fn generate(desk: &Desk, spec: &Spec, report: &mut dyn FnMut(&str)) -> Result<Generated> {
    let history = History::of(desk);
    let h = history.desk();
    let mut rng = StdRng::seed_from_u64(spec.seed);
    let today = desk.today();
    let first = month_start(today, spec.years * 12);
    let last = today - Days::new(1);
    history.at(h.clock().at_wall(first - Days::new(14), 9, 0));
    let actor = Actor::system();
    let mut stocks = h
        .transact(&actor, async |tx| setup(h, tx, spec, first).await)
        .await?;
    report(&format!(
        "{} partners, {} codes",
        stocks.len(),
        stocks
            .iter()
            .map(|s| 1 + s.multi.len() + s.single.len())
            .sum::<usize>()
    ));
    let mut done = Generated {
        partners: stocks.len(),
        codes: spec.codes,
        first_day: Some(first),
        last_day: Some(last),
        ..Generated::default()
    };
    let days = (last - first).num_days().max(1) as u64;
    // The ordinary day's count, so that seasons and weekdays add up to `spec.redemptions`.
    let weight_sum: u64 = day_iter(first, last).map(day_weight).sum();
    let mut owed_today = 0_u64;
    for (n, day) in day_iter(first, last).enumerate() {
        let share = u64::try_from(spec.redemptions).unwrap_or(u64::MAX) * day_weight(day);
        owed_today += share;
        let count = owed_today / weight_sum.max(1);
        owed_today %= weight_sum.max(1);
        let logged = h
            .transact(&actor, async |tx| {
                trade(&history, tx, day, count, &mut stocks, &mut rng).await
            })
            .await?;
        done.redemptions += logged.0;
        done.voided += logged.1;
        if day.succ_opt().is_none_or(|next| next.day() == 1) || day == last {
            done.payouts += h
                .transact(&actor, async |tx| {
                    close_month(&history, tx, day, &stocks, &mut rng).await
                })
                .await?;
        }
        if n % 30 == 0 {
            report(&format!(
                "{day}: {} redemptions ({}/{days} days)",
                done.redemptions,
                n + 1
            ));
        }
    }
    history.at(desk.now());
    Ok(done)
}

/// The profile, partners with signed terms, and every code.
async fn setup(h: &Desk, tx: &mut Tx<'_>, spec: &Spec, first: NaiveDate) -> Result<Vec<Stock>> {
    let profile = BusinessProfileInput {
        name: "Corner Roasters".into(),
        address: "1 High Street\nRiverside".into(),
        email: "hello@corner.example".into(),
        phone: String::new(),
        tax_id: String::new(),
        currency: "EUR".into(),
        locale: "en-IE".into(),
        time_zone: String::new(),
        opening_hours: "Mon–Sat 7:00–18:00".into(),
        directions: String::new(),
        card_link: String::new(),
    };
    let profile = h.save_profile_in(tx, &profile.validate()?).await?;
    let weights = names::zipf_weights(spec.partners);
    let per_partner = (spec.codes / spec.partners.max(1)).max(3);
    let mut stocks = Vec::with_capacity(spec.partners);
    for (i, weight) in weights.into_iter().enumerate() {
        let input = PartnerInput {
            name: names::partner_name(i),
            category: names::category(i).into(),
            contact_person: names::contact(i),
            ..Default::default()
        };
        let partner = h
            .create_partner_in(tx, &input.validate()?, PartnerStatus::Active)
            .await?;
        let mut terms = TermsInput::blank(first);
        terms.offer_percent = ["10", "15", "5"][i % 3].into();
        terms.reward_percent = ["8", "5", "10", "12"][i % 4].into();
        // One partner in ten has a monthly cap the busiest months reach.
        if i % 10 == 3 {
            terms.monthly_cap = "150".into();
        }
        terms.clauses = crate::demo::clauses();
        terms.notes = "Reviewed each spring: the offer, the commission and the cap may change \
                       with a new version, signed by both."
            .into();
        let draft = h
            .create_draft_in(tx, partner.id, Some(&terms), &profile)
            .await?;
        let signature = SignInput {
            signed_on: (first - Days::new(3)).to_string(),
            our_signatory: "Owner".into(),
            partner_signatory: input.contact_person.clone(),
        };
        h.sign_agreement_in(tx, draft.id, &signature.validate()?, &profile)
            .await?;
        let poster = CodeOptions {
            note: "Poster".into(),
            with_prefix: true,
            ..Default::default()
        };
        let poster = h
            .issue_code_in(tx, partner.id, None, &poster)
            .await?
            .printed;
        let multi_count = (per_partner - 1) / 10;
        let single_count = per_partner - 1 - multi_count;
        let multi = batch(h, tx, partner.id, multi_count, "10").await?;
        let single = batch(h, tx, partner.id, single_count, "1").await?;
        stocks.push(Stock {
            partner: partner.id,
            weight,
            poster,
            multi,
            single,
        });
    }
    Ok(stocks)
}

/// `count` cards for `partner`, each usable `limit` times, in batches as large as allowed.
async fn batch(
    h: &Desk,
    tx: &mut Tx<'_>,
    partner: PartnerId,
    count: usize,
    limit: &str,
) -> Result<Vec<String>> {
    let options = CodeOptions {
        redemption_limit: limit.into(),
        with_prefix: true,
        ..Default::default()
    };
    let mut printed = Vec::with_capacity(count);
    let mut left = count;
    while left > 0 {
        let n = left.min(crate::codes::BATCH_MAX);
        let codes = h
            .issue_batch_in(tx, partner, n, &options, &mut |_, _| {})
            .await?;
        printed.extend(codes.into_iter().map(|c| c.printed));
        left -= n;
    }
    Ok(printed)
}

/// `count` redemptions on `day`, each at its minute; about one in a hundred voided.
/// Answers how many were logged and voided.
async fn trade(
    history: &History,
    tx: &mut Tx<'_>,
    day: NaiveDate,
    count: u64,
    stocks: &mut [Stock],
    rng: &mut StdRng,
) -> Result<(usize, usize)> {
    let h = history.desk();
    let total_weight: u64 = stocks.iter().map(|s| s.weight).sum();
    let mut minutes: Vec<u32> = (0..count).map(|_| rng.random_range(420..1080)).collect();
    minutes.sort_unstable();
    let (mut logged, mut voided) = (0, 0);
    for (i, minute) in minutes.into_iter().enumerate() {
        let index = pick_index(stocks, rng, total_weight);
        let stock = &mut stocks[index];
        let roll = rng.random_range(0..100);
        let (code, new_share) = if roll < 8 && !stock.single.is_empty() {
            (stock.single.pop().unwrap_or_default(), 70)
        } else if roll < 18 && !stock.multi.is_empty() {
            let at = rng.random_range(0..stock.multi.len());
            (stock.multi[at].clone(), 40)
        } else {
            (stock.poster.clone(), 25)
        };
        let sale = Money::new(
            i64::from(rng.random_range(30..=450_u32)) * 10,
            iso_currency::Currency::EUR,
        );
        let input = RedemptionInput {
            idempotency_key: format!("gen-{day}-{i:05}"),
            code,
            sale: sale.to_input(),
            new_customer: rng.random_range(0..100) < new_share,
            note: String::new(),
            confirmed_large: false,
        };
        history.at(h.clock().at_wall(day, minute / 60, minute % 60));
        match h.log_redemption_in(tx, &input, DEFAULT_TILL).await? {
            LogOutcome::Logged { redemption, .. } => {
                logged += 1;
                if rng.random_range(0..100) == 0 {
                    let void = VoidInput {
                        reason: "Keyed twice by mistake".into(),
                        restore_use: false,
                    };
                    h.void_redemption_in(tx, redemption.id, &void).await?;
                    voided += 1;
                }
            }
            // A multi-use card used up: that customer is not counted, as at a real till.
            LogOutcome::Refused { .. } => {
                let stock = &mut stocks[index];
                stock.multi.retain(|c| c != &input.code);
            }
        }
    }
    Ok((logged, voided))
}

/// A partner drawn by weight: the busiest partners bring most customers.
fn pick_index(stocks: &[Stock], rng: &mut StdRng, total_weight: u64) -> usize {
    let mut pick = rng.random_range(0..total_weight.max(1));
    for (i, s) in stocks.iter().enumerate() {
        if pick < s.weight {
            return i;
        }
        pick -= s.weight;
    }
    stocks.len().saturating_sub(1)
}

/// After closing on a month's last day: revenue entered, a cost now and then, and every
/// partner paid what it is owed. Answers how many were paid.
async fn close_month(
    history: &History,
    tx: &mut Tx<'_>,
    last: NaiveDate,
    stocks: &[Stock],
    rng: &mut StdRng,
) -> Result<usize> {
    let h = history.desk();
    history.at(h.clock().at_wall(last, 19, 0));
    let eur = iso_currency::Currency::EUR;
    let season = SEASON[last.month0() as usize];
    let revenue = RevenueInput {
        month: last.format("%Y-%m").to_string(),
        amount: (40_000 * season / 10 * rng.random_range(95..=105) / 100).to_string(),
        reason: String::new(),
    };
    h.set_month_revenue_in(tx, &revenue).await?;
    if last.month().is_multiple_of(3) {
        let cost = CostInput {
            spent_on: last.to_string(),
            category: CostCategory::Printing,
            amount: "120.00".into(),
            partner_id: None,
            description: "Card print run".into(),
            campaign_id: None,
        };
        h.add_cost_in(tx, &cost).await?;
    }
    let mut paid = 0;
    let first = last.with_day(1).unwrap_or(last);
    for stock in stocks {
        let owed = store::payouts::owed_on(tx, stock.partner, last, eur).await?;
        if owed <= 0 {
            continue;
        }
        let payout = PayoutInput {
            paid_on: last.to_string(),
            amount: Money::new(owed, eur).to_input(),
            method: PayoutMethod::BankTransfer,
            reference: format!("Transfer {}", last.format("%Y-%m")),
            period_from: first.to_string(),
            period_to: last.to_string(),
            confirm_over_balance: false,
        };
        h.record_payout_in(tx, stock.partner, &payout).await?;
        paid += 1;
    }
    Ok(paid)
}

/// A day's share of the trade, in hundredths: the season's, and none on Sundays.
fn day_weight(day: NaiveDate) -> u64 {
    let weekday = match day.weekday() {
        Weekday::Sun => 0,
        Weekday::Sat => 16,
        _ => 10,
    };
    u64::from(SEASON[day.month0() as usize] * weekday)
}

fn day_iter(first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    first.iter_days().take_while(move |d| *d <= last)
}
