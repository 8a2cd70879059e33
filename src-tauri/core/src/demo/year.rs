//! The demo's year: about twelve months of the coffee shop's life with its partners, so
//! every chart and report has something to show on first run.
//!
//! Each step goes through the same path as the counter or the back office would, at the
//! time it is said to have happened ([`History`]): cards issued, customers redeeming them
//! (more in summer and in December, more on Saturdays, none on Sundays), a few voids, the
//! bakery paid at each month's end and, once its terms run both ways, settled net; a market
//! weekend run as a campaign with its own cards and costs; the shop's monthly revenue; a
//! goal; the bookshop paused last month. It ends with last month: this month holds only
//! what the demo adds today, so "this month" stays small enough to read line by line.
//!
//! The year is drawn from a fixed seed, so every demo has the same shape on any day.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::campaigns::{CampaignId, CampaignInput};
use crate::codes::{CodeId, CodeOptions};
use crate::error::CodeError;
use crate::history::History;
use crate::ledger::{LogOutcome, RedemptionInput, VoidInput, DEFAULT_TILL};
use crate::money::Money;
use crate::partners::{PartnerId, PartnerStatus};
use crate::payouts::PayoutInput;
use crate::program::{CostCategory, CostInput, GoalInput, GoalKind, RevenueInput};
use crate::receivables::ReceivableInput;
use crate::settlements::SettlementInput;
use crate::store;
use crate::terms::PayoutMethod;
use crate::transact::Tx;
use crate::{Desk, Result};

/// How busy each calendar month is, January first, in tenths of an ordinary month.
const SEASON: [u32; 12] = [7, 7, 9, 10, 11, 13, 14, 13, 10, 9, 9, 13];

/// Redemptions on an ordinary weekday at each partner's codes, in hundredths.
const BAKERY_PER_DAY: u32 = 100;
const BOOKS_PER_DAY: u32 = 25;

/// About one redemption in ninety is voided, each for one of these reasons.
const VOID_ONE_IN: u32 = 90;
const VOID_REASONS: [&str; 3] = [
    "Keyed twice by mistake",
    "Customer changed their mind before paying",
    "Card from another shop's programme, logged in error",
];

/// The shop's revenue in an ordinary month, in euros.
const REVENUE_ORDINARY: u32 = 14_500;

/// The partners the year is about, and the day it starts and ends.
pub(super) struct Cast {
    pub bakery: PartnerId,
    pub books: PartnerId,
    /// The first day of the year's history: the first of the month twelve months ago.
    pub first: NaiveDate,
    /// The last day: the end of last month.
    pub last: NaiveDate,
    /// The first of the month the bakery's terms began to run both ways.
    pub two_way_from: NaiveDate,
}

/// Codes handed out and not yet redeemed, per stack.
#[derive(Default)]
struct Stacks {
    bakery_poster: Option<Card>,
    bakery_cards: Vec<Card>,
    books_cards: Vec<Card>,
    market_bakery: Vec<Card>,
    market_books: Vec<Card>,
}

/// A code as stored and as printed.
#[derive(Clone)]
struct Card {
    id: CodeId,
    printed: String,
}

/// The first of the month `months` before `day`'s.
pub(crate) fn month_start(day: NaiveDate, months: u32) -> NaiveDate {
    let first = day.with_day(1).unwrap_or(day);
    first
        .checked_sub_months(Months::new(months))
        .unwrap_or(first)
}

fn month_end(first: NaiveDate) -> NaiveDate {
    first
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(first)
}

fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// The demo's year as a run of days.
struct Year<'h> {
    history: &'h History,
    cast: &'h Cast,
    rng: StdRng,
    stacks: Stacks,
    logged: u32,
    market: Option<(CampaignId, NaiveDate, NaiveDate)>,
}

impl Desk {
    /// Writes the demo's year inside `tx`, which `history`'s desk (this one) opened.
    pub(super) async fn demo_year(
        &self,
        tx: &mut Tx<'_>,
        history: &History,
        cast: &Cast,
    ) -> Result<()> {
        let mut year = Year {
            history,
            cast,
            rng: StdRng::seed_from_u64(0x0B_EA_17),
            stacks: Stacks::default(),
            logged: 0,
            market: None,
        };
        let mut day = cast.first;
        while day <= cast.last {
            year.morning(self, tx, day).await?;
            year.trade(self, tx, day).await?;
            if day == month_end(day.with_day(1).unwrap_or(day)) {
                year.close_month(self, tx, day).await?;
            }
            day = day + Days::new(1);
        }
        Ok(())
    }
}

impl Year<'_> {
    /// Moves the clock to `hour:minute` on `day`, in the shop's zone.
    fn at(&self, desk: &Desk, day: NaiveDate, hour: u32, minute: u32) {
        self.history.at(desk.clock().at_wall(day, hour, minute));
    }

    /// What the owner does before opening on `day`: cards printed, the market planned and
    /// paid for, a goal set, the bookshop paused.
    async fn morning(&mut self, desk: &Desk, tx: &mut Tx<'_>, day: NaiveDate) -> Result<()> {
        let cast = self.cast;
        let (first, last) = (cast.first, cast.last);
        self.at(desk, day, 8, 0);
        let cards = |note: &str| CodeOptions {
            redemption_limit: "1".into(),
            note: note.into(),
            with_prefix: true,
            ..Default::default()
        };
        if day == first {
            let poster = CodeOptions {
                redemption_limit: String::new(),
                note: "Poster in the bakery window".into(),
                with_prefix: true,
                ..Default::default()
            };
            let code = desk
                .issue_code_in(tx, cast.bakery, Some("BREAD"), &poster)
                .await?;
            self.stacks.bakery_poster = Some(Card {
                id: code.id,
                printed: code.printed,
            });
            self.stacks.bakery_cards =
                sheet(desk, tx, cast.bakery, 40, &cards("First print run")).await?;
            cost(
                desk,
                tx,
                day,
                CostCategory::Printing,
                "68.00",
                None,
                None,
                "Referral cards and window posters, first print run",
            )
            .await?;
        }
        if day == month_start(last, 10) + Days::new(2) {
            self.stacks.books_cards =
                sheet(desk, tx, cast.books, 40, &cards("Cards at the till")).await?;
        }
        if day == month_start(last, 6) + Days::new(13) {
            let more = sheet(desk, tx, cast.bakery, 40, &cards("Second print run")).await?;
            self.stacks.bakery_cards.extend(more);
            cost(
                desk,
                tx,
                day,
                CostCategory::Printing,
                "32.50",
                Some(cast.bakery),
                None,
                "Second card print run for Crumb & Co.",
            )
            .await?;
        }
        if day == month_start(last, 6) + Days::new(2) {
            self.plan_market(desk, tx, day).await?;
        }
        if day == month_start(last, 1) + Days::new(5) {
            cost(
                desk,
                tx,
                day,
                CostCategory::Other,
                "18.00",
                Some(cast.bakery),
                None,
                "Coffee tasting for Crumb & Co.'s counter staff",
            )
            .await?;
        }
        if day == month_start(last, 2) + Days::new(1) {
            let by = month_start(last, 0)
                .checked_add_months(Months::new(3))
                .unwrap_or(last)
                .format("%Y-%m")
                .to_string();
            for (kind, target) in [
                (GoalKind::NewCustomersPerMonth, "20"),
                (GoalKind::RevenueShare, "5"),
            ] {
                let goal = GoalInput {
                    kind,
                    target: target.into(),
                    by_month: by.clone(),
                };
                desk.add_goal_in(tx, &goal).await?;
            }
        }
        if day == month_start(last, 0) + Days::new(9) {
            desk.change_partner_status_in(tx, cast.books, PartnerStatus::Paused)
                .await?;
        }
        Ok(())
    }

    /// The market weekend three weeks ahead: a campaign with both partners, its own cards,
    /// a stall fee and shared flyers.
    async fn plan_market(&mut self, desk: &Desk, tx: &mut Tx<'_>, day: NaiveDate) -> Result<()> {
        let cast = self.cast;
        let mut starts = day + Days::new(21);
        while starts.weekday() != Weekday::Sat {
            starts = starts + Days::new(1);
        }
        let ends = starts + Days::new(7);
        let input = CampaignInput {
            name: "Market square weekend".into(),
            starts_on: iso(starts),
            ends_on: iso(ends),
            budget: "300".into(),
            notes: "A shared stall with Crumb & Co. and Paper Moon Books: coffee, bread and \
                    books, with cards for a first visit to each shop in the week after."
                .into(),
            partner_ids: vec![cast.bakery, cast.books],
        };
        let campaign = desk.create_campaign_in(tx, &input).await?;
        let market_cards = |partner: &str| CodeOptions {
            redemption_limit: "1".into(),
            note: format!("Handed out at the market stall ({partner})"),
            with_prefix: true,
            campaign_id: Some(campaign.id),
            ..Default::default()
        };
        self.stacks.market_bakery =
            sheet(desk, tx, cast.bakery, 30, &market_cards("Crumb & Co.")).await?;
        self.stacks.market_books =
            sheet(desk, tx, cast.books, 20, &market_cards("Paper Moon")).await?;
        cost(
            desk,
            tx,
            day,
            CostCategory::Events,
            "120.00",
            None,
            Some(campaign.id),
            "Stall fee, market square weekend",
        )
        .await?;
        cost(
            desk,
            tx,
            day,
            CostCategory::JointPromotion,
            "45.60",
            Some(cast.bakery),
            Some(campaign.id),
            "Shared flyers with Crumb & Co. and Paper Moon Books",
        )
        .await?;
        self.market = Some((campaign.id, starts, ends));
        Ok(())
    }

    /// A day's redemptions at the till, in the order they happened.
    async fn trade(&mut self, desk: &Desk, tx: &mut Tx<'_>, day: NaiveDate) -> Result<()> {
        let cast = self.cast;
        let books_open = day >= month_start(cast.last, 10) + Days::new(3)
            && day < month_start(cast.last, 0) + Days::new(9);
        let mut visits: Vec<(u32, Stack)> = Vec::new();
        let bakery = self.count(day, BAKERY_PER_DAY);
        let books = if books_open {
            self.count(day, BOOKS_PER_DAY)
        } else {
            0
        };
        for _ in 0..bakery {
            let stack = if self.rng.random_ratio(2, 5) && !self.stacks.bakery_cards.is_empty() {
                Stack::BakeryCard
            } else {
                Stack::BakeryPoster
            };
            visits.push((self.minute(), stack));
        }
        for _ in 0..books {
            if !self.stacks.books_cards.is_empty() {
                visits.push((self.minute(), Stack::BooksCard));
            }
        }
        if let Some((_, starts, ends)) = self.market {
            if (starts..=ends).contains(&day) && day.weekday() != Weekday::Sun {
                let at_stall = day == starts;
                for _ in 0..if at_stall { 5 } else { 2 } {
                    visits.push((self.minute(), Stack::MarketBakery));
                }
                for _ in 0..if at_stall { 3 } else { 1 } {
                    visits.push((self.minute(), Stack::MarketBooks));
                }
            }
        }
        visits.sort_by_key(|(minute, _)| *minute);
        for (minute, stack) in visits {
            self.redeem(desk, tx, day, minute, stack).await?;
        }
        Ok(())
    }

    /// How many customers bring a code on `day`: the ordinary rate per hundred, by season
    /// and weekday, with the fraction drawn.
    fn count(&mut self, day: NaiveDate, per_hundred: u32) -> u32 {
        let weekday = match day.weekday() {
            Weekday::Sun => 0,
            Weekday::Sat => 16,
            _ => 10,
        };
        let season = SEASON[day.month0() as usize];
        let expected = per_hundred * season * weekday;
        let whole = expected / 10_000;
        whole + u32::from(self.rng.random_range(0..10_000) < expected % 10_000)
    }

    /// A minute of the opening hours, 7:30 to 17:30.
    fn minute(&mut self) -> u32 {
        self.rng.random_range(450..1050)
    }

    async fn redeem(
        &mut self,
        desk: &Desk,
        tx: &mut Tx<'_>,
        day: NaiveDate,
        minute: u32,
        stack: Stack,
    ) -> Result<()> {
        let (code, new_share) = match stack {
            Stack::BakeryPoster => (self.stacks.bakery_poster.clone(), 30),
            Stack::BakeryCard => (self.stacks.bakery_cards.pop(), 65),
            Stack::BooksCard => (self.stacks.books_cards.pop(), 60),
            Stack::MarketBakery => (self.stacks.market_bakery.pop(), 80),
            Stack::MarketBooks => (self.stacks.market_books.pop(), 80),
        };
        let Some(card) = code else {
            return Ok(());
        };
        // €5.00 to €28.00 in steps of ten cents: the bakery's terms start at €5.
        let sale = Money::new(
            i64::from(self.rng.random_range(50..=280_u32)) * 10,
            iso_currency::Currency::EUR,
        );
        let input = RedemptionInput {
            idempotency_key: format!("demo-year-{:05}", self.logged),
            code: card.printed,
            sale: sale.to_input(),
            new_customer: self.rng.random_range(0..100) < new_share,
            note: String::new(),
            confirmed_large: false,
        };
        self.logged += 1;
        self.at(desk, day, minute / 60, minute % 60);
        let LogOutcome::Logged { redemption, .. } =
            desk.log_redemption_in(tx, &input, DEFAULT_TILL).await?
        else {
            // The year is drawn so that every card it uses is valid: a refusal is a bug.
            tracing::error!(code = %input.code, "a demo redemption was refused");
            return Err(CodeError::NotFound(card.id).into());
        };
        if stack == Stack::BakeryPoster && self.rng.random_ratio(1, VOID_ONE_IN) {
            let reason = VOID_REASONS[self.logged as usize % VOID_REASONS.len()];
            self.at(desk, day, minute / 60, minute % 60 + 4);
            let void = VoidInput {
                reason: reason.into(),
                restore_use: false,
            };
            desk.void_redemption_in(tx, redemption.id, &void).await?;
        }
        Ok(())
    }

    /// After closing on a month's last day: the month's revenue entered, the bookshop paid
    /// in store credit, and the bakery paid, or settled net once its terms run both ways.
    async fn close_month(&mut self, desk: &Desk, tx: &mut Tx<'_>, last: NaiveDate) -> Result<()> {
        let cast = self.cast;
        let first = last.with_day(1).unwrap_or(last);
        let month = last.format("%b %Y").to_string();
        self.at(desk, last, 19, 0);
        let season = SEASON[last.month0() as usize];
        let wobble = self.rng.random_range(95..=105);
        let euros = REVENUE_ORDINARY * season / 10 * wobble / 100;
        let revenue = RevenueInput {
            month: last.format("%Y-%m").to_string(),
            amount: euros.to_string(),
            reason: String::new(),
        };
        desk.set_month_revenue_in(tx, &revenue).await?;

        let eur = iso_currency::Currency::EUR;
        let books_owed = store::payouts::owed_on(tx, cast.books, last, eur).await?;
        if books_owed > 0 {
            let payout = PayoutInput {
                paid_on: iso(last),
                amount: Money::new(books_owed, eur).to_input(),
                method: PayoutMethod::StoreCredit,
                reference: format!("Store credit, {month}"),
                period_from: iso(first),
                period_to: iso(last),
                confirm_over_balance: false,
            };
            desk.record_payout_in(tx, cast.books, &payout).await?;
        }
        if first < cast.two_way_from {
            let owed = store::payouts::owed_on(tx, cast.bakery, last, eur).await?;
            if owed > 0 {
                let payout = PayoutInput {
                    paid_on: iso(last),
                    amount: Money::new(owed, eur).to_input(),
                    method: PayoutMethod::BankTransfer,
                    reference: format!("Transfer, {month}"),
                    period_from: iso(first),
                    period_to: iso(last),
                    confirm_over_balance: false,
                };
                desk.record_payout_in(tx, cast.bakery, &payout).await?;
            }
            return Ok(());
        }
        // The bakery's statement of the customers we sent them, 8 % of what they paid.
        let customers = self.rng.random_range(6..=12_u32);
        let sales: i64 = (0..customers)
            .map(|_| i64::from(self.rng.random_range(40..=150_u32)) * 10)
            .sum();
        let theirs = ReceivableInput {
            period_from: iso(first),
            period_to: iso(last),
            customers: customers.to_string(),
            amount: Money::new((sales * 8 + 50) / 100, eur).to_input(),
            reference: format!("Crumb & Co. statement, {month}"),
        };
        desk.record_receivable_in(tx, cast.bakery, &theirs).await?;
        let we_owe = store::payouts::owed_on(tx, cast.bakery, last, eur)
            .await?
            .max(0);
        let they_owe = store::receivables::they_owe(tx, cast.bakery, last, eur, true)
            .await?
            .max(0);
        if we_owe == 0 && they_owe == 0 {
            return Ok(());
        }
        let settle = SettlementInput {
            period_from: iso(first),
            period_to: iso(last),
            settled_on: iso(last),
            amount: Money::new((we_owe - they_owe).abs(), eur).to_input(),
            method: PayoutMethod::BankTransfer,
            reference: format!("Net, {month}"),
        };
        desk.settle_in(tx, cast.bakery, &settle).await?;
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stack {
    BakeryPoster,
    BakeryCard,
    BooksCard,
    MarketBakery,
    MarketBooks,
}

/// A sheet of `count` cards for `partner`, as printed, in the order they are handed out.
async fn sheet(
    desk: &Desk,
    tx: &mut Tx<'_>,
    partner: PartnerId,
    count: usize,
    options: &CodeOptions,
) -> Result<Vec<Card>> {
    let codes = desk
        .issue_batch_in(tx, partner, count, options, &mut |_, _| {})
        .await?;
    Ok(codes
        .into_iter()
        .rev()
        .map(|c| Card {
            id: c.id,
            printed: c.printed,
        })
        .collect())
}

#[allow(clippy::too_many_arguments)]
async fn cost(
    desk: &Desk,
    tx: &mut Tx<'_>,
    day: NaiveDate,
    category: CostCategory,
    amount: &str,
    partner_id: Option<PartnerId>,
    campaign_id: Option<CampaignId>,
    description: &str,
) -> Result<()> {
    let input = CostInput {
        spent_on: iso(day),
        category,
        amount: amount.into(),
        partner_id,
        description: description.into(),
        campaign_id,
    };
    desk.add_cost_in(tx, &input).await?;
    Ok(())
}
