//! Printing codes as a sheet of referral cards for a partner to hand out.

use std::collections::hash_map::{Entry, HashMap};

use chrono::NaiveDate;

use super::{CodeId, CodeSelection, ReferralCode};
use crate::business::PaperSize;
use crate::documents::{render_card_sheet, Card, CardSheet};
use crate::error::{CodeError, Field, FieldError, PartnerError, Problem};
use crate::partners::{Partner, PartnerId};
use crate::terms::{long_date, offer_words, Pdf};
use crate::{store, Desk, Result};

/// The most cards one sheet prints (1,000 pages).
pub const CARDS_MAX: usize = 10_000;

impl Desk {
    /// Renders `codes`, in the order given, as referral cards ten to a page, on `paper` or
    /// the profile locale's default. Each card shows the offer of the partner's terms in
    /// force today.
    pub async fn card_sheet_pdf(&self, codes: &[CodeId], paper: Option<PaperSize>) -> Result<Pdf> {
        let (sheet, whose) = self.card_sheet(codes, paper).await?;
        Ok(Pdf {
            file_name: file_name(&whose, sheet.cards.len()),
            bytes: render_card_sheet(&sheet)?,
        })
    }

    /// The codes `selection` names as a sheet of cards, oldest first: a partner's whole
    /// filtered list prints without the window sending its ids.
    pub async fn selected_card_sheet_pdf(
        &self,
        selection: &CodeSelection,
        paper: Option<PaperSize>,
    ) -> Result<Pdf> {
        let ids = self.selected_codes(selection).await?;
        self.card_sheet_pdf(&ids, paper).await
    }

    /// `codes` as a sheet of cards, in words, and whose cards they are ("Crumb & Co.
    /// Bakery", or "3 partners").
    pub(crate) async fn card_sheet(
        &self,
        codes: &[CodeId],
        paper: Option<PaperSize>,
    ) -> Result<(CardSheet, String)> {
        if !(1..=CARDS_MAX).contains(&codes.len()) {
            let range = Problem::OutOfRange {
                min: 1,
                max: CARDS_MAX as i64,
            };
            return Err(FieldError::new(Field::Count, range).into());
        }
        let profile = self.require_profile().await?;
        let loaded = self.load_codes(codes).await?;
        let day = self.today();
        let mut partners: HashMap<PartnerId, (Partner, String)> = HashMap::new();
        let mut cards = Vec::with_capacity(loaded.len());
        for code in &loaded {
            let (partner, offer) = match partners.entry(code.partner_id) {
                Entry::Occupied(known) => known.into_mut(),
                Entry::Vacant(new) => {
                    let id = code.partner_id;
                    new.insert(self.partner_offer(id, &profile.locale, day).await?)
                }
            };
            cards.push(Card {
                shop: profile.name.clone(),
                address: one_line(&profile.address, ", "),
                hours: one_line(&profile.opening_hours, " · "),
                partner: partner.name.clone(),
                offer: offer.clone(),
                code: code.printed.clone(),
                qr_payload: qr_payload(&profile.card_link, &code.printed),
                validity: validity(code),
            });
        }
        let whose = match &partners.values().collect::<Vec<_>>()[..] {
            [(only, _)] => only.name.clone(),
            several => format!("{} partners", several.len()),
        };
        let sheet = CardSheet {
            paper: paper.unwrap_or_else(|| PaperSize::for_locale(&profile.locale)),
            title: format!("Referral cards · {whose}"),
            cards,
            logo: self.logo_picture().await?,
        };
        Ok((sheet, whose))
    }

    /// The partner and the offer its terms in force on `day` give, in words.
    async fn partner_offer(
        &self,
        id: PartnerId,
        locale: &str,
        day: NaiveDate,
    ) -> Result<(Partner, String)> {
        let partner = self
            .partner(id)
            .await
            .map_err(|_| PartnerError::NotFound(id))?;
        let offer = match self.terms_in_force(id, day).await? {
            Some(version) => offer_words(&version.terms, locale),
            None => format!("Offer as agreed with {}", partner.name),
        };
        Ok((partner, offer))
    }

    async fn load_codes(&self, ids: &[CodeId]) -> Result<Vec<ReferralCode>> {
        let mut conn = self.pools.reader.acquire().await?;
        let mut loaded = Vec::with_capacity(ids.len());
        for &id in ids {
            let code = store::codes::by_id(&mut conn, id)
                .await?
                .ok_or(CodeError::NotFound(id))?;
            loaded.push(code);
        }
        Ok(loaded)
    }
}

/// How often a card can be used and when: "Single use · Valid until 31 January 2027",
/// "Use 3 times", or nothing for an unlimited code with no dates (a card says only what
/// limits the customer).
pub(crate) fn validity(code: &ReferralCode) -> String {
    let uses = match code.redemption_limit {
        Some(1) => Some("Single use".to_string()),
        Some(n) => Some(format!("Use {n} times")),
        None => None,
    };
    let dates = match (code.valid_from, code.valid_until) {
        (Some(from), Some(until)) => {
            Some(format!("Valid {} – {}", long_date(from), long_date(until)))
        }
        (None, Some(until)) => Some(format!("Valid until {}", long_date(until))),
        (Some(from), None) => Some(format!("Valid from {}", long_date(from))),
        (None, None) => None,
    };
    [uses, dates]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// What a card's QR code holds: the owner's card link with the code in it, or else the code
/// as printed (a phone shows it as text; the counter reads either back).
fn qr_payload(card_link: &str, printed: &str) -> String {
    match card_link.trim() {
        "" => printed.to_string(),
        link => link.replace("{code}", printed),
    }
}

/// `text`'s lines on one line, joined with `joint`: an address or opening hours on a card.
pub(crate) fn one_line(text: &str, joint: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(joint)
}

/// `Referral cards Crumb & Co. Bakery (25).pdf`, without characters file systems refuse.
fn file_name(whose: &str, count: usize) -> String {
    let safe: String = whose
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    format!("Referral cards {} ({count}).pdf", safe.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_drop_characters_file_systems_refuse() {
        assert_eq!(
            file_name(" A/B: \"C\"? ", 25),
            "Referral cards A-B- -C-- (25).pdf"
        );
    }
}
