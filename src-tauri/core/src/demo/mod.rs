//! Demo data: a coffee shop, its partner bakery and five more local partners, with a year of
//! history behind them ([`year`]) and today's first few sales.

mod year;

pub(crate) use year::month_start;

use chrono::{DateTime, Days, Months, NaiveDate, Utc};

use crate::business::{BusinessProfile, BusinessProfileInput};
use crate::codes::CodeOptions;
use crate::history::History;
use crate::ledger::{LogOutcome, RedemptionInput, DEFAULT_TILL};
use crate::partners::{PartnerFit, PartnerId, PartnerInput, PartnerStatus};
use crate::terms::{OfferKind, PayoutCadence, PayoutMethod, RewardKind, SignInput, TermsInput};
use crate::transact::Tx;
use crate::{Actor, Desk, Result};

/// Single-use cards issued to the demo bakery.
pub const DEMO_CARDS: usize = 24;

/// What [`Desk::load_demo`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoOutcome {
    Loaded,
    /// The database already had a profile or partners; nothing was added.
    SkippedNotEmpty,
}

fn fit(a: u8, s: u8, r: u8, m: u8) -> PartnerFit {
    PartnerFit {
        audience: Some(a),
        synergy: Some(s),
        reputation: Some(r),
        motivation: Some(m),
    }
}

struct DemoPartner {
    name: &'static str,
    category: &'static str,
    contact: &'static str,
    email: &'static str,
    address: &'static str,
    status: PartnerStatus,
    fit: PartnerFit,
    notes: &'static str,
}

fn partners() -> Vec<DemoPartner> {
    use PartnerStatus::*;
    vec![
        DemoPartner {
            name: "Crumb & Co. Bakery",
            category: "Bakery",
            contact: "Anna Kowalska",
            email: "anna@crumbandco.example",
            address: "14 Mill Lane",
            status: Active,
            fit: fit(5, 5, 4, 5),
            notes: "Two doors down. Swaps cards with us at both counters.",
        },
        DemoPartner {
            name: "Green Leaf Florist",
            category: "Florist",
            contact: "Sam Okafor",
            email: "sam@greenleaf.example",
            address: "3 Market Square",
            status: Active,
            fit: fit(4, 3, 5, 4),
            notes: "",
        },
        DemoPartner {
            name: "Ørsted Cycle Works",
            category: "Bike repair",
            contact: "Mette Ørsted",
            email: "mette@orsted-cycles.example",
            address: "27 Canal Street",
            status: Active,
            fit: fit(4, 2, 4, 5),
            notes: "Commuters wait for repairs: a coffee offer fits.",
        },
        DemoPartner {
            name: "Paper Moon Books",
            category: "Bookshop",
            contact: "Jules Martin",
            email: "jules@papermoon.example",
            address: "8 Church Row",
            // Paused last month, in the demo's year.
            status: Active,
            fit: fit(5, 4, 4, 2),
            notes: "Paused while they refit the shop; revisit in the new year.",
        },
        DemoPartner {
            name: "Señora Núñez Yoga",
            category: "Fitness",
            contact: "Lucía Núñez",
            email: "lucia@nunezyoga.example",
            address: "2nd floor, 40 High Street",
            status: Prospect,
            fit: fit(3, 3, 4, 4),
            notes: "Met at the street fair.",
        },
        DemoPartner {
            name: "Łódź Deli",
            category: "Delicatessen",
            contact: "Piotr Zieliński",
            email: "",
            address: "51 Station Road",
            status: Ended,
            fit: fit(2, 2, 3, 2),
            notes: "Ended: overlapping lunch offer.",
        },
    ]
}

impl Desk {
    /// True before anything was saved: no business profile and no partners.
    pub async fn is_empty(&self) -> Result<bool> {
        let mut conn = self.pools.reader.acquire().await?;
        let partners = crate::store::partners::count(&mut conn).await?;
        Ok(partners == 0 && crate::store::business::get(&mut conn).await?.is_none())
    }

    /// Loads the demo into an empty database, all of it or (on any error) none of it;
    /// leaves a used one untouched.
    pub async fn load_demo(&self) -> Result<DemoOutcome> {
        // The whole demo, its year included, in one transaction opened on a clock the demo
        // moves: each step is dated when it is said to have happened.
        let history = History::of(self);
        let desk = history.desk();
        let now = self.now();
        let outcome = desk
            .transact(&Actor::system(), async |tx| {
                desk.load_demo_in(tx, &history, now).await
            })
            .await?;
        if outcome == DemoOutcome::Loaded {
            // The bakery's side of the two-way partnership arrives as a file, the way a real
            // partner's would; the demo works without it, so a folder that refuses it only
            // loses the file.
            if let Err(err) = self.write_demo_statement().await {
                tracing::warn!(%err, "the demo bakery's statement file was not written");
            }
        }
        Ok(outcome)
    }

    /// [`Desk::load_demo`] inside `tx`, on `history`'s desk (this one), ending at `now`:
    /// emptiness is checked under the write lock, so a profile saved meanwhile at another
    /// till is never overwritten.
    async fn load_demo_in(
        &self,
        tx: &mut Tx<'_>,
        history: &History,
        now: DateTime<Utc>,
    ) -> Result<DemoOutcome> {
        let saved = crate::store::partners::count(tx).await?;
        if saved != 0 || crate::store::business::get(tx).await?.is_some() {
            return Ok(DemoOutcome::SkippedNotEmpty);
        }
        let today = self.clock().day_of(now);
        let first = year::month_start(today, 12);
        let cast_last = year::month_start(today, 0) - Days::new(1);
        // The shop set up its profile and partners three weeks before the year begins.
        history.at(self.clock().at_wall(first - Days::new(21), 9, 0));
        let profile = BusinessProfileInput {
            name: "Bean There Coffee".into(),
            address: "12 Mill Lane\nRiverside".into(),
            email: "hello@beanthere.example".into(),
            phone: "+44 20 7946 0018".into(),
            tax_id: "GB 123 4567 89".into(),
            currency: "EUR".into(),
            locale: "en-IE".into(),
            // The computer's zone: the demo runs wherever it is opened.
            time_zone: String::new(),
            opening_hours: "Mon–Fri 7:00–18:00\nSat 8:00–16:00".into(),
            directions: "On the corner of Mill Lane and the market square, green awning.".into(),
            card_link: String::new(),
        };
        let profile = self.save_profile_in(tx, &profile.validate()?).await?;
        let mut ids = Vec::new();
        for p in partners() {
            let input = PartnerInput {
                name: p.name.into(),
                category: p.category.into(),
                contact_person: p.contact.into(),
                email: p.email.into(),
                address: p.address.into(),
                notes: p.notes.into(),
                fit: p.fit,
                ..Default::default()
            };
            let partner = self
                .create_partner_in(tx, &input.validate()?, p.status)
                .await?;
            ids.push(partner.id);
        }
        let cast = year::Cast {
            bakery: ids[0],
            books: ids[3],
            first,
            last: cast_last,
            two_way_from: year::month_start(today, 4),
        };
        self.demo_agreements(tx, history, &cast, &profile).await?;
        self.demo_year(tx, history, &cast).await?;
        history.at(now);
        self.demo_florist_draft(tx, ids[1], today, &profile).await?;
        self.demo_codes(tx, &ids).await?;
        Ok(DemoOutcome::Loaded)
    }

    /// Today's sheet of single-use cards for the bakery, three of them already redeemed at
    /// the till; one code each for a paused partner and one without terms, so the counter
    /// can show those outcomes too.
    async fn demo_codes(&self, tx: &mut Tx<'_>, ids: &[PartnerId]) -> Result<()> {
        let (bakery, cycles, books) = (ids[0], ids[2], ids[3]);
        let cards = CodeOptions {
            redemption_limit: "1".into(),
            with_prefix: true,
            ..Default::default()
        };
        let sheet = self
            .issue_batch_in(tx, bakery, DEMO_CARDS, &cards, &mut |_, _| {})
            .await?;
        for code in [cycles, books] {
            self.issue_code_in(tx, code, None, &cards).await?;
        }
        for (i, (card, sale)) in sheet.iter().zip(["12.50", "8.00", "23.00"]).enumerate() {
            let input = RedemptionInput {
                idempotency_key: format!("demo-redemption-{i}"),
                code: card.printed.clone(),
                sale: sale.into(),
                new_customer: i != 1,
                note: String::new(),
                confirmed_large: false,
            };
            if let LogOutcome::Refused { outcome } =
                self.log_redemption_in(tx, &input, DEFAULT_TILL).await?
            {
                tracing::error!(?outcome, "a demo card was refused");
                return Err(crate::Error::Code(crate::error::CodeError::NotFound(
                    card.id,
                )));
            }
        }
        Ok(())
    }

    /// The bakery's agreement, signed before the year began and replaced by a two-way
    /// version 2 four months ago, and the bookshop's from eleven months ago: each drafted
    /// and signed on its day.
    async fn demo_agreements(
        &self,
        tx: &mut Tx<'_>,
        history: &History,
        cast: &year::Cast,
        profile: &BusinessProfile,
    ) -> Result<()> {
        let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let signed = |history: &History, on: NaiveDate| {
            history.at(self.clock().at_wall(on, 10, 30));
            SignInput {
                signed_on: iso(on),
                our_signatory: "Maya Bean".into(),
                partner_signatory: String::new(),
            }
        };
        let mut v1 = TermsInput::blank(cast.first);
        v1.offer_percent = "10".into();
        v1.min_sale = "5".into();
        v1.reward_percent = "5".into();
        v1.monthly_cap = "100".into();
        v1.clauses = clauses();
        let on = cast.first - Days::new(9);
        let mut signature = signed(history, on);
        signature.partner_signatory = "Anna Kowalska".into();
        let first = self
            .create_draft_in(tx, cast.bakery, Some(&v1), profile)
            .await?;
        self.sign_agreement_in(tx, first.id, &signature.validate()?, profile)
            .await?;

        let books_from = year::month_start(cast.first, 0)
            .checked_add_months(Months::new(1))
            .unwrap_or(cast.first);
        let mut books = TermsInput::blank(books_from);
        books.offer_kind = OfferKind::AmountOff;
        books.offer_amount = "1.50".into();
        books.reward_kind = RewardKind::FixedPerRedemption;
        books.reward_amount = "0.75".into();
        books.monthly_cap = "40".into();
        books.payout_method = PayoutMethod::StoreCredit;
        books.clauses = clauses();
        let mut signature = signed(history, books_from - Days::new(5));
        signature.partner_signatory = "Jules Martin".into();
        let draft = self
            .create_draft_in(tx, cast.books, Some(&books), profile)
            .await?;
        self.sign_agreement_in(tx, draft.id, &signature.validate()?, profile)
            .await?;

        let on = cast.two_way_from - Days::new(4);
        let mut signature = signed(history, on);
        signature.partner_signatory = "Anna Kowalska".into();
        let second = self.new_version_from_in(tx, first.id, profile).await?;
        let mut v2 = second.terms.clone();
        v2.effective_from = iso(cast.two_way_from);
        v2.reward_percent = "8".into();
        v2.monthly_cap = "150".into();
        v2.notes = "Version 2 raises the commission from 5 % to 8 % after a busy summer, and \
                    makes it two-way: Crumb & Co. gives our customers the same offer and pays \
                    us the same commission."
            .into();
        v2.reciprocal = true;
        self.update_draft_in(tx, second.id, &v2, profile).await?;
        self.sign_agreement_in(tx, second.id, &signature.validate()?, profile)
            .await?;
        Ok(())
    }

    /// The florist's draft for next month, written today.
    async fn demo_florist_draft(
        &self,
        tx: &mut Tx<'_>,
        florist: PartnerId,
        today: NaiveDate,
        profile: &BusinessProfile,
    ) -> Result<()> {
        let next_month = year::month_start(today, 0)
            .checked_add_months(Months::new(1))
            .unwrap_or(today);
        let mut draft = TermsInput::blank(next_month);
        draft.offer_kind = OfferKind::AmountOff;
        draft.offer_amount = "2".into();
        draft.min_sale = "8".into();
        draft.reward_kind = RewardKind::FixedPerRedemption;
        draft.reward_amount = "1".into();
        draft.payout_cadence = PayoutCadence::Quarterly;
        draft.payout_method = PayoutMethod::StoreCredit;
        draft.clauses = clauses();
        self.create_draft_in(tx, florist, Some(&draft), profile)
            .await?;
        Ok(())
    }
}

/// The clauses every demo agreement carries (and the benchmark data's).
pub(crate) fn clauses() -> Vec<String> {
    vec![
        "The Partner displays our referral cards at its counter and hands one to customers who ask about coffee nearby.".to_string(),
        "Each card carries a single-use code; a code is redeemed when the customer shows it at our till.".to_string(),
        "We send a statement of redemptions and commission at the end of each month.".to_string(),
        "Either party may end this agreement with 30 days' written notice; commission earned until then is paid.".to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use crate::audit::AuditEntity;
    use crate::testing::empty_desk;
    use crate::{Actor, Error};

    #[tokio::test]
    async fn a_demo_failing_at_its_last_step_leaves_the_database_empty() {
        let t = empty_desk().await;
        // The whole demo, then a failure: had any step committed on its own, its rows
        // would survive the rollback.
        let history = crate::history::History::of(&t);
        let desk = history.desk();
        let now = t.now();
        let failed = desk
            .transact(&Actor::system(), async |tx| {
                desk.load_demo_in(tx, &history, now).await?;
                Err::<(), _>(Error::ProfileRequired)
            })
            .await;
        assert!(matches!(failed, Err(Error::ProfileRequired)));
        assert!(t.is_empty().await.unwrap());
        assert!(t.redemptions().await.unwrap().is_empty());
        let trail = t
            .audit_trail(AuditEntity::BusinessProfile, 1)
            .await
            .unwrap();
        assert!(trail.is_empty());
        // And the same desk then loads the demo in full.
        assert_eq!(t.load_demo().await.unwrap(), super::DemoOutcome::Loaded);
        assert!(!t.is_empty().await.unwrap());
    }
}
