//! What the partner form sends, and its checks.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::PartnerFit;
use crate::error::{Field, FieldError};
use crate::text;

/// The longest partner name we accept; long enough for "Bäckerei & Konditorei …".
pub const NAME_MAX: usize = 100;

/// The partner form's fields. New partners start as prospects unless `status` says otherwise.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PartnerInput {
    pub name: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub contact_person: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub fit: PartnerFit,
}

/// A partner input that passed every check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidPartner {
    pub name: String,
    pub name_key: String,
    pub category: String,
    pub contact_person: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub website: String,
    pub notes: String,
    pub fit: PartnerFit,
}

impl PartnerInput {
    /// Checks every field in form order; the first refusal is returned.
    pub fn validate(&self) -> Result<ValidPartner, FieldError> {
        let name = text::required(Field::Name, &self.name, NAME_MAX)?;
        Ok(ValidPartner {
            name_key: text::name_key(&name),
            name,
            category: text::line(Field::Category, &self.category, 60)?,
            contact_person: text::line(Field::ContactPerson, &self.contact_person, 100)?,
            email: text::email(Field::Email, &self.email)?,
            phone: text::phone(Field::Phone, &self.phone)?,
            address: text::lines(Field::Address, &self.address, 500)?,
            website: text::website(Field::Website, &self.website)?,
            notes: text::lines(Field::Notes, &self.notes, 4000)?,
            fit: self.fit.validate()?,
        })
    }
}
