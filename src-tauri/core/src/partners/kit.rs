//! A partner's kit, put together from what the desk holds: a letter to them, the
//! agreement in force, a sheet of their cards still to hand out, a guide for their staff,
//! and our own counter guide.

use chrono::NaiveDate;

use super::{Partner, PartnerId};
use crate::business::{BusinessProfile, PaperSize};
use crate::codes::{ReferralCode, CARDS_PER_SHEET};
use crate::documents::{render_kit, AgreementDoc, CoverLetter, KitDoc, PartyBlock, StaffGuide};
use crate::error::PartnerError;
use crate::terms::{
    agreement_doc, contact, long_date, offer_words, reward_sentence, safe_file_part, summary, Pdf,
    StoredVersion,
};
use crate::{Actor, Desk, Result};

impl Desk {
    /// `partner`'s kit as one PDF on `paper` (or the locale's), signed in the letter by
    /// `actor`.
    pub async fn partner_kit_pdf(
        &self,
        partner: PartnerId,
        paper: Option<PaperSize>,
        actor: &Actor,
    ) -> Result<Pdf> {
        let profile = self.require_profile().await?;
        let paper = paper.unwrap_or_else(|| PaperSize::for_locale(&profile.locale));
        let found = self
            .partner(partner)
            .await
            .map_err(|_| PartnerError::NotFound(partner))?;
        let today = self.today();
        let terms = self.terms_in_force(partner, today).await?;
        let cards: Vec<_> = self
            .codes_for(partner)
            .await?
            .into_iter()
            .filter(|c| still_to_hand_out(c, today))
            .take(CARDS_PER_SHEET)
            .map(|c| c.id)
            .collect();
        let sheet = match cards.is_empty() {
            true => None,
            false => Some(self.card_sheet(&cards, Some(paper)).await?.0),
        };
        let pieces = Pieces {
            profile: &profile,
            partner: &found,
            terms: terms.as_ref(),
            cards: cards.len(),
            today,
            signer: &actor.name,
        };
        let logo = self.logo_picture().await?;
        let doc = KitDoc {
            paper,
            title: format!("Partner kit · {}", found.name),
            shop: profile.name.clone(),
            letter: CoverLetter {
                logo: logo.clone(),
                ..pieces.letter()
            },
            agreement: terms.as_ref().map(|v| AgreementDoc {
                logo: logo.clone(),
                ..agreement_doc(&profile, &found, v, paper)
            }),
            cards: sheet,
            guide: pieces.guide(),
        };
        Ok(Pdf {
            file_name: format!("Partner kit {}.pdf", safe_file_part(&found.name)),
            bytes: render_kit(&doc)?,
        })
    }
}

/// A card worth handing out today: switched on, uses left, not expired.
fn still_to_hand_out(code: &ReferralCode, today: NaiveDate) -> bool {
    code.enabled
        && code.redemption_limit.is_none_or(|limit| code.uses < limit)
        && code.valid_until.is_none_or(|until| until >= today)
}

/// What the letter and the guide are written from.
struct Pieces<'a> {
    profile: &'a BusinessProfile,
    partner: &'a Partner,
    terms: Option<&'a StoredVersion>,
    cards: usize,
    today: NaiveDate,
    signer: &'a str,
}

impl Pieces<'_> {
    /// Our address on one line, with how to find us: where a customer goes.
    fn where_to(&self) -> String {
        let p = self.profile;
        let mut place = format!("{}, {}", p.name, one_line(&p.address, ", "));
        if !p.directions.trim().is_empty() {
            place = format!("{place}. {}", p.directions.trim());
        }
        if !p.opening_hours.trim().is_empty() {
            let hours = one_line(&p.opening_hours, ", ");
            place = format!("{}. Open {hours}.", place.trim_end_matches('.'));
        }
        place
    }

    fn letter(&self) -> CoverLetter {
        let (p, partner) = (self.profile, self.partner);
        let locale = p.locale.as_str();
        let mut from_address = p.address.clone();
        if !p.opening_hours.trim().is_empty() {
            from_address = format!("{from_address}\nOpen {}", one_line(&p.opening_hours, ", "));
        }
        let mut paragraphs = vec![format!(
            "Thank you for partnering with {}. This pack holds everything your team needs to \
             start sending us customers.",
            p.name
        )];
        let mut enclosed = Vec::new();
        match self.terms {
            Some(v) => {
                paragraphs.push(summary(&v.terms, locale));
                enclosed.push(format!("Our agreement in force (version {})", v.version));
            }
            None => paragraphs
                .push("Our agreement is not signed yet; the cards work from the day it is.".into()),
        }
        if self.cards > 0 {
            let s = if self.cards == 1 { "" } else { "s" };
            paragraphs.push(format!(
                "The sheet of {} card{s} is ready to cut out. Each has its own code: hand one \
                 to a customer, and they show it at our counter.",
                self.cards
            ));
            enclosed.push(format!("A sheet of {} referral card{s}", self.cards));
        } else {
            paragraphs.push("Your cards follow separately.".into());
        }
        paragraphs.push(format!("Customers find us at {}", self.where_to()));
        paragraphs.push(
            "Each month we send you a statement of the customers you sent us and what you \
             earned, with a signed file your own Partnerdesk can import."
                .into(),
        );
        enclosed.push("A one-page guide for your team".into());
        enclosed.push("Our counter guide: what happens when your customer arrives".into());
        let to_name = match partner.contact_person.trim() {
            "" => format!("Dear friends at {},", partner.name),
            person => format!("Dear {person},"),
        };
        CoverLetter {
            from: PartyBlock {
                role: "From".into(),
                name: p.name.clone(),
                address: from_address,
                tax_id: String::new(),
                contact: contact(&[&p.email, &p.phone]),
            },
            to: PartyBlock {
                role: "To".into(),
                name: partner.name.clone(),
                address: partner.address.clone(),
                tax_id: String::new(),
                contact: contact(&[&partner.contact_person]),
            },
            date: long_date(self.today),
            salutation: to_name,
            paragraphs,
            enclosed,
            closing: "Kind regards,".into(),
            signer: self.signer.to_string(),
            logo: None,
        }
    }

    fn guide(&self) -> StaffGuide {
        let (p, partner) = (self.profile, self.partner);
        let locale = p.locale.as_str();
        let offer = self
            .terms
            .map(|v| offer_words(&v.terms, locale))
            .unwrap_or_else(|| "the offer in our agreement".into());
        let paid = self.terms.map_or_else(
            || "As our agreement says, once it is signed.".to_string(),
            |v| {
                reward_sentence(&v.terms, locale)
                    + " Every customer who shows a card at our counter is counted for you."
            },
        );
        let first_line = p.address.lines().next().unwrap_or_default().trim();
        let at = match first_line {
            "" => p.name.clone(),
            line => format!("{} ({line})", p.name),
        };
        StaffGuide {
            title: format!("For the team at {}", partner.name),
            intro: format!(
                "How to hand out {}'s cards: two minutes to read; keep it by your till.",
                p.name
            ),
            parts: vec![
                (
                    "Who to hand a card to".into(),
                    format!(
                        "Customers who ask for a recommendation nearby, or who you think would \
                         enjoy {}. One card per customer.",
                        p.name
                    ),
                ),
                (
                    "What to say".into(),
                    format!(
                        "“Show this card at {at} and you get {}.”",
                        lower_first(&offer)
                    ),
                ),
                (
                    "What the customer gets".into(),
                    format!("{offer}. The code on the card is checked at our counter."),
                ),
                ("Where they redeem it".into(), self.where_to()),
                ("How you are paid".into(), paid),
            ],
        }
    }
}

/// `text`'s lines on one line, joined with `joint`.
fn one_line(text: &str, joint: &str) -> String {
    crate::codes::one_line(text, joint)
}

/// "10 % off, min €5.00" → "10 % off, min €5.00"; "Free croissant" → "free croissant".
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first)
            if first.is_uppercase() && chars.clone().next().is_some_and(char::is_lowercase) =>
        {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}
