//! Demo data: a coffee shop, its partner bakery and five more local partners.

use crate::business::BusinessProfileInput;
use crate::partners::{PartnerFit, PartnerInput, PartnerStatus};
use crate::{Actor, Desk, Result};

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

    /// Loads the demo into an empty database; leaves a used one untouched.
    pub async fn load_demo(&self) -> Result<DemoOutcome> {
        if !self.is_empty().await? {
            return Ok(DemoOutcome::SkippedNotEmpty);
        }
        let actor = Actor::system();
        let profile = BusinessProfileInput {
            name: "Bean There Coffee".into(),
            address: "12 Mill Lane\nRiverside".into(),
            email: "hello@beanthere.example".into(),
            phone: "+44 20 7946 0018".into(),
            tax_id: "GB 123 4567 89".into(),
            currency: "EUR".into(),
            locale: "en-IE".into(),
        };
        self.save_profile(&profile, &actor).await?;
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
            self.create_partner(&input, p.status, &actor).await?;
        }
        Ok(DemoOutcome::Loaded)
    }
}
