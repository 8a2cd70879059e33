//! Demo data: a coffee shop, its partner bakery and five more local partners.

use chrono::{Datelike, Months, NaiveDate};

use crate::business::{BusinessProfile, BusinessProfileInput};
use crate::codes::CodeOptions;
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
            status: Paused,
            fit: fit(5, 4, 4, 2),
            notes: "Paused over the holidays; revisit in January.",
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
        let outcome = self
            .transact(&Actor::system(), async |tx| self.load_demo_in(tx).await)
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

    /// [`Desk::load_demo`] inside `tx`: emptiness is checked under the write lock, so a
    /// profile saved meanwhile at another till is never overwritten.
    async fn load_demo_in(&self, tx: &mut Tx<'_>) -> Result<DemoOutcome> {
        let saved = crate::store::partners::count(tx).await?;
        if saved != 0 || crate::store::business::get(tx).await?.is_some() {
            return Ok(DemoOutcome::SkippedNotEmpty);
        }
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
        self.demo_agreements(tx, ids[0], ids[1], &profile).await?;
        self.demo_codes(tx, &ids).await?;
        Ok(DemoOutcome::Loaded)
    }

    /// The bakery's window poster code and a sheet of single-use cards, three of them
    /// already redeemed at the till; one code each for a paused partner and one without
    /// terms, so the counter can show those outcomes too.
    async fn demo_codes(&self, tx: &mut Tx<'_>, ids: &[PartnerId]) -> Result<()> {
        let (bakery, cycles, books) = (ids[0], ids[2], ids[3]);
        let unlimited = CodeOptions {
            redemption_limit: String::new(),
            note: "Poster in the bakery window".into(),
            with_prefix: true,
            ..Default::default()
        };
        self.issue_code_in(tx, bakery, Some("BREAD"), &unlimited)
            .await?;
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

    /// The bakery's signed agreement (version 2, superseding version 1) and the florist's
    /// draft, dated relative to today so the demo always has terms in force.
    async fn demo_agreements(
        &self,
        tx: &mut Tx<'_>,
        bakery: PartnerId,
        florist: PartnerId,
        profile: &BusinessProfile,
    ) -> Result<()> {
        let today = self.today();
        let month_start = |months_ago: u32| {
            let d = today.with_day(1).unwrap_or(today);
            d.checked_sub_months(Months::new(months_ago)).unwrap_or(d)
        };
        let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let clauses = vec![
            "The Partner displays our referral cards at its counter and hands one to customers who ask about coffee nearby.".to_string(),
            "Each card carries a single-use code; a code is redeemed when the customer shows it at our till.".to_string(),
            "We send a statement of redemptions and commission at the end of each month.".to_string(),
            "Either party may end this agreement with 30 days' written notice; commission earned until then is paid.".to_string(),
        ];
        let mut v1 = TermsInput::blank(month_start(10));
        v1.offer_percent = "10".into();
        v1.min_sale = "5".into();
        v1.reward_percent = "5".into();
        v1.monthly_cap = "100".into();
        v1.clauses = clauses.clone();
        let first = self.create_draft_in(tx, bakery, Some(&v1), profile).await?;
        let sign = |on: NaiveDate| SignInput {
            signed_on: iso(on),
            our_signatory: "Maya Bean".into(),
            partner_signatory: "Anna Kowalska".into(),
        };
        let signature = sign(month_start(10) - chrono::Days::new(9)).validate()?;
        self.sign_agreement_in(tx, first.id, &signature, profile)
            .await?;

        let second = self.new_version_from_in(tx, first.id, profile).await?;
        let mut v2 = second.terms.clone();
        v2.effective_from = iso(month_start(4));
        v2.reward_percent = "8".into();
        v2.monthly_cap = "150".into();
        v2.notes = "Version 2 raises the commission from 5 % to 8 % after a busy summer, and \
                    makes it two-way: Crumb & Co. gives our customers the same offer and pays \
                    us the same commission."
            .into();
        v2.reciprocal = true;
        self.update_draft_in(tx, second.id, &v2, profile).await?;
        let signature = sign(month_start(4) - chrono::Days::new(4)).validate()?;
        self.sign_agreement_in(tx, second.id, &signature, profile)
            .await?;

        let mut draft = TermsInput::blank(
            month_start(0)
                .checked_add_months(Months::new(1))
                .unwrap_or(today),
        );
        draft.offer_kind = OfferKind::AmountOff;
        draft.offer_amount = "2".into();
        draft.min_sale = "8".into();
        draft.reward_kind = RewardKind::FixedPerRedemption;
        draft.reward_amount = "1".into();
        draft.payout_cadence = PayoutCadence::Quarterly;
        draft.payout_method = PayoutMethod::StoreCredit;
        draft.clauses = clauses;
        self.create_draft_in(tx, florist, Some(&draft), profile)
            .await?;
        Ok(())
    }
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
        let failed = t
            .transact(&Actor::system(), async |tx| {
                t.load_demo_in(tx).await?;
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
