//! The owner's recovery code: 16 symbols from the referral codes' typo-proof alphabet,
//! printed `XXXX-XXXX-XXXX-XXXX`, stored only as a hash. It resets the owner's PIN from the
//! lock screen, and each use issues a new one, so a code that was seen once is spent.

use rand::Rng;

use super::{check_pin_change, pin, OwnerWithCode, Person, PersonId, PersonRole, RecoveryInput};
use crate::audit::AuditEntity;
use crate::business::PaperSize;
use crate::codes::{grouped, normalise, ALPHABET};
use crate::desk::Actor;
use crate::documents::{render_recovery_sheet, RecoverySheet};
use crate::error::{Field, FieldError, PersonError, Problem};
use crate::store::people;
use crate::terms::{safe_file_part, Pdf};
use crate::{Desk, Result};

/// Symbols in a recovery code: 16 × 5 bits = 80 random bits, beyond guessing even
/// offline, against the stored hash.
pub const RECOVERY_LEN: usize = 16;

/// A recovery code, folded (upper case, no dashes).
pub(super) struct RecoveryCode(String);

impl RecoveryCode {
    /// A fresh code from the OS-seeded generator.
    pub(super) fn new() -> Self {
        let mut rng = rand::rng();
        RecoveryCode(
            (0..RECOVERY_LEN)
                .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
                .collect(),
        )
    }

    /// What was typed, folded as referral codes are (case, spaces and dashes ignored, O→0,
    /// I/L→1), when it can be a recovery code at all.
    pub(super) fn parse(typed: &str) -> Result<Self, FieldError> {
        let folded = normalise(typed);
        if folded.len() == RECOVERY_LEN && folded.bytes().all(|b| ALPHABET.contains(&b)) {
            Ok(RecoveryCode(folded))
        } else {
            Err(FieldError::new(
                Field::RecoveryCode,
                Problem::Rule {
                    says: "A recovery code is 16 letters and digits, as printed on the sheet \
                           (like 7K2Q-X9AB-M4PD-3HTR).",
                },
            ))
        }
    }

    /// The form that is hashed and compared.
    pub(super) fn folded(&self) -> &str {
        &self.0
    }

    /// As shown and printed: `7K2Q-X9AB-M4PD-3HTR`.
    pub(super) fn printed(&self) -> String {
        grouped(None, &self.0)
    }
}

impl Desk {
    /// Resets owner `id`'s PIN with their recovery code: checks the code, sets the new PIN,
    /// ends any lockout, and issues a new code (returned, shown once); the old one stops
    /// working. A wrong code changes nothing.
    pub async fn recover_owner(
        &self,
        id: PersonId,
        input: &RecoveryInput,
    ) -> Result<OwnerWithCode> {
        let code = RecoveryCode::parse(&input.code)?;
        check_pin_change(&input.pin, &input.pin_again)?;
        let fresh = RecoveryCode::new();
        // Checked and replaced in one transaction, so two uses of one code cannot both
        // succeed: the second finds the hash already replaced.
        let person = self
            .transact(&Actor::system(), async |tx| {
                let who = super::active_secrets(tx, id).await?;
                let Some(stored) = who
                    .recovery_hash
                    .filter(|_| who.person.role == PersonRole::Owner)
                else {
                    return Err(PersonError::WrongRecoveryCode.into());
                };
                if !pin::verify(code.folded().to_string(), stored).await? {
                    return Err(PersonError::WrongRecoveryCode.into());
                }
                let (pin_hash, recovery_hash) = tokio::try_join!(
                    pin::hash(input.pin.clone()),
                    pin::hash(fresh.folded().to_string())
                )?;
                let now = self.now();
                people::set_pin(tx, id, &pin_hash, now).await?;
                people::set_recovery(tx, id, &recovery_hash, now).await?;
                tx.audit(
                    AuditEntity::Person,
                    id,
                    "recover",
                    None::<&()>,
                    Some(&who.person),
                )
                .await?;
                Ok(who.person)
            })
            .await?;
        Ok(OwnerWithCode {
            person,
            recovery_code: fresh.printed(),
        })
    }

    /// The recovery sheet for `owner` with `code`, to print and keep somewhere safe: one
    /// page, on the paper the shop's locale uses (A4 before a profile exists).
    pub async fn recovery_sheet_pdf(&self, owner: &Person, code: &str) -> Result<Pdf> {
        let code = RecoveryCode::parse(code)?;
        let profile = self.profile().await?;
        let paper = profile
            .as_ref()
            .map_or(PaperSize::A4, |p| PaperSize::for_locale(&p.locale));
        let sheet = RecoverySheet {
            shop: profile.map(|p| p.name),
            owner: owner.name.clone(),
            code: code.printed(),
            issued: self.today(),
        };
        Ok(Pdf {
            file_name: format!("Recovery code {}.pdf", safe_file_part(&owner.name)),
            bytes: render_recovery_sheet(paper, &sheet)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sixteen_symbols_printed_in_fours() {
        let code = RecoveryCode::new();
        assert_eq!(code.folded().len(), RECOVERY_LEN);
        let printed = code.printed();
        assert_eq!(printed.len(), 19);
        assert_eq!(printed.matches('-').count(), 3);
        assert_ne!(RecoveryCode::new().folded(), code.folded());
    }

    #[test]
    fn typed_codes_fold_like_referral_codes() {
        let code = RecoveryCode::parse("7k2q x9ab-m4pd-3htr").expect("code");
        assert_eq!(code.folded(), "7K2QX9ABM4PD3HTR");
        // O and I/L are read as the digits they look like.
        let code = RecoveryCode::parse("OOOO-IIII-LLLL-0000").expect("code");
        assert_eq!(code.folded(), "0000111111110000");
        for bad in [
            "",
            "7K2Q-X9AB-M4PD",
            "7K2Q-X9AB-M4PD-3HTRX",
            "7K2Q-X9AB-M4PD-3HTU",
        ] {
            let err = RecoveryCode::parse(bad).err().expect(bad);
            assert_eq!(err.field, Field::RecoveryCode);
        }
    }
}
