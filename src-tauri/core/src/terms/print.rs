//! The agreement PDF: a version's terms with both parties, in words, ready to sign.

use super::{long_date, percent, AgreementVersionId, Offer, Reward, StoredVersion, VersionStatus};
use crate::business::{BusinessProfile, PaperSize};
use crate::documents::{render_agreement, AgreementDoc, PartyBlock, SignatureBlock};
use crate::error::PartnerError;
use crate::money::format;
use crate::partners::Partner;
use crate::{Desk, Result};

/// A rendered PDF and the file name to offer when saving it.
#[derive(Debug, Clone)]
pub struct Pdf {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl Desk {
    /// Renders a version as a printable agreement, on `paper` or the profile locale's default.
    pub async fn agreement_pdf(
        &self,
        id: AgreementVersionId,
        paper: Option<PaperSize>,
    ) -> Result<Pdf> {
        let profile = self.require_profile().await?;
        let version = self.agreement_version(id).await?;
        let partner = self
            .partner(version.partner_id)
            .await
            .map_err(|_| PartnerError::NotFound(version.partner_id))?;
        let paper = paper.unwrap_or_else(|| PaperSize::for_locale(&profile.locale));
        let mut doc = agreement_doc(&profile, &partner, &version, paper);
        doc.logo = self.logo_picture().await?;
        Ok(Pdf {
            file_name: file_name(&partner.name, version.version),
            bytes: render_agreement(&doc)?,
        })
    }
}

/// `Agreement Crumb & Co. Bakery v3.pdf`, without characters file systems refuse.
fn file_name(partner: &str, version: i64) -> String {
    format!("Agreement {} v{version}.pdf", safe_file_part(partner))
}

/// `name` trimmed, with the characters file systems refuse (`/\:*?"<>|` and controls)
/// turned into `-`, for use inside a file name.
pub(crate) fn safe_file_part(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    safe.trim().to_string()
}

/// Contact details one per line, so a phone number never wraps in the middle.
pub(crate) fn contact(parts: &[&str]) -> String {
    let given: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|s| !s.trim().is_empty())
        .collect();
    given.join("\n")
}

/// Everything printed on the agreement, in words.
pub fn agreement_doc(
    profile: &BusinessProfile,
    partner: &Partner,
    v: &StoredVersion,
    paper: PaperSize,
) -> AgreementDoc {
    let t = &v.terms;
    let locale = profile.locale.as_str();
    let money = |m| format(m, locale);
    let version_line = match (&v.status, &v.signature) {
        (VersionStatus::Draft, _) | (_, None) => format!("Version {} · draft", v.version),
        (VersionStatus::Signed, Some(s)) => {
            format!("Version {} · signed {}", v.version, long_date(s.signed_on))
        }
        (VersionStatus::Superseded, Some(s)) => {
            format!(
                "Version {} · signed {} · since superseded",
                v.version,
                long_date(s.signed_on)
            )
        }
    };
    let status_note = (v.status == VersionStatus::Draft).then(|| "DRAFT — not signed".to_string());
    let offer = match &t.offer {
        Offer::None => "None".to_string(),
        Offer::PercentOff(p) => format!("{} off", percent(*p, locale)),
        Offer::AmountOff(m) => format!("{} off", money(*m)),
        Offer::FreeItem(item) => format!("A free {item}"),
    };
    let reward = match &t.reward {
        Reward::None => "None".to_string(),
        Reward::PercentOfSale {
            percent: p,
            on_gross: false,
        } => format!("{} of the sale after discount", percent(*p, locale)),
        Reward::PercentOfSale {
            percent: p,
            on_gross: true,
        } => format!("{} of the sale before discount", percent(*p, locale)),
        Reward::FixedPerRedemption(m) => format!("{} per redemption", money(*m)),
    };
    let method = match t.payout_method {
        super::PayoutMethod::Other => format!("by {}", t.payout_method_other),
        m => m.label().to_string(),
    };
    // Empty when the terms set no limit: the row is then left out below.
    let (per_day, who) = super::words::limit_words(t);
    let mut terms = vec![
        ("Partnership model".to_string(), t.model.label().to_string()),
        ("Effective".to_string(), super::words::effective(t)),
        ("Customer offer".to_string(), offer),
        (
            "Minimum sale".to_string(),
            t.min_sale.map_or_else(|| "None".to_string(), money),
        ),
        ("Redemptions per day".to_string(), per_day),
        ("Who can use it".to_string(), who),
        ("Partner reward".to_string(), reward),
        (
            "Monthly cap".to_string(),
            t.monthly_cap.map_or_else(|| "None".to_string(), money),
        ),
        (
            "Payout".to_string(),
            format!("{}, {method}", capitalise(t.payout_cadence.label())),
        ),
    ];
    if t.reciprocal {
        two_way(&mut terms, &partner.name, &profile.name);
    }
    terms.retain(|(_, value)| !value.is_empty());
    let signature = |party: &str, signatory: String| SignatureBlock {
        party: party.to_string(),
        signatory,
        date: v
            .signature
            .as_ref()
            .map(|s| long_date(s.signed_on))
            .unwrap_or_default(),
    };
    AgreementDoc {
        paper,
        title: format!("{} partnership agreement", t.model.label()),
        version_line,
        status_note,
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
        summary: vec![super::words::summary(t, locale)],
        terms,
        clauses: t.clauses.clone(),
        notes: t.notes.clone(),
        signatures: [
            signature(
                &profile.name,
                v.signature
                    .as_ref()
                    .map(|s| s.our_signatory.clone())
                    .unwrap_or_default(),
            ),
            signature(
                &partner.name,
                v.signature
                    .as_ref()
                    .map(|s| s.partner_signatory.clone())
                    .unwrap_or_default(),
            ),
        ],
        footer: format!(
            "{} · {} · Agreement v{}",
            profile.name, partner.name, v.version
        ),
        logo: None,
    }
}

/// Turns the one-way rows into both directions: what we give the customers the partner
/// sends us and pay the partner, and what the partner gives ours and pays us, on the same
/// terms.
fn two_way(terms: &mut Vec<(String, String)>, partner: &str, us: &str) {
    let value = |terms: &[(String, String)], label: &str| {
        terms
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let offer = value(terms, "Customer offer");
    let reward = value(terms, "Partner reward");
    for (label, _) in terms.iter_mut() {
        match label.as_str() {
            "Customer offer" => *label = format!("Offer to customers {partner} sends us"),
            "Partner reward" => *label = format!("Reward {us} pays {partner}"),
            "Monthly cap" => *label = "Monthly cap (each way)".to_string(),
            _ => {}
        }
    }
    let at = terms
        .iter()
        .position(|(l, _)| l.starts_with("Reward "))
        .map_or(terms.len(), |i| i + 1);
    terms.splice(
        at..at,
        [
            (format!("Offer to customers {us} sends {partner}"), offer),
            (format!("Reward {partner} pays {us}"), reward),
        ],
    );
    terms.insert(
        1,
        (
            "Direction".to_string(),
            "Two-way: each business gives the other's customers the same offer and pays the \
             other the same reward"
                .to_string(),
        ),
    );
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_drop_characters_file_systems_refuse() {
        assert_eq!(
            file_name("Crumb & Co. Bakery", 3),
            "Agreement Crumb & Co. Bakery v3.pdf"
        );
        assert_eq!(
            file_name("A/B: \"Łódź\"", 1),
            "Agreement A-B- -Łódź- v1.pdf"
        );
    }
}
