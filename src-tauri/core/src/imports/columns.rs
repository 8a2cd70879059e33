//! Which partner field each column of the file fills: matched by name (our export's, the
//! form's labels, and the words owners use in the languages we ship), then shown on the
//! preview for the owner to change.
//!
//! Every language is tried whatever the shop's locale: a German shop may be sent a French
//! partner's list, and the table holds no word two languages read as different fields (a
//! test keeps it so), so there is nothing for the locale to decide.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Field;

/// A partner field a column can fill, in the order the export writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PartnerColumn {
    Name,
    Status,
    Category,
    ContactPerson,
    Email,
    Phone,
    Address,
    Website,
    Notes,
    FitAudience,
    FitSynergy,
    FitReputation,
    FitMotivation,
}

/// A field as the mapping's select offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnChoice {
    pub column: PartnerColumn,
    /// The partner form's label, e.g. "Contact person".
    pub label: &'static str,
}

impl PartnerColumn {
    /// Every field, in the export's order.
    pub const ALL: [PartnerColumn; 13] = [
        PartnerColumn::Name,
        PartnerColumn::Status,
        PartnerColumn::Category,
        PartnerColumn::ContactPerson,
        PartnerColumn::Email,
        PartnerColumn::Phone,
        PartnerColumn::Address,
        PartnerColumn::Website,
        PartnerColumn::Notes,
        PartnerColumn::FitAudience,
        PartnerColumn::FitSynergy,
        PartnerColumn::FitReputation,
        PartnerColumn::FitMotivation,
    ];

    /// The form field it fills, which problems are reported against.
    pub fn field(self) -> Field {
        match self {
            PartnerColumn::Name => Field::Name,
            PartnerColumn::Status => Field::Status,
            PartnerColumn::Category => Field::Category,
            PartnerColumn::ContactPerson => Field::ContactPerson,
            PartnerColumn::Email => Field::Email,
            PartnerColumn::Phone => Field::Phone,
            PartnerColumn::Address => Field::Address,
            PartnerColumn::Website => Field::Website,
            PartnerColumn::Notes => Field::Notes,
            PartnerColumn::FitAudience => Field::FitAudience,
            PartnerColumn::FitSynergy => Field::FitSynergy,
            PartnerColumn::FitReputation => Field::FitReputation,
            PartnerColumn::FitMotivation => Field::FitMotivation,
        }
    }

    /// The partner form's label.
    pub fn label(self) -> &'static str {
        self.field().label()
    }

    /// The mapping select's choices.
    pub fn choices() -> Vec<ColumnChoice> {
        Self::ALL
            .into_iter()
            .map(|column| ColumnChoice {
                column,
                label: column.label(),
            })
            .collect()
    }
}

/// Header words per field, written as [`key`] leaves them: lower case, letters and digits
/// only (so `E-Mail`, `e_mail` and `EMAIL` are all `email`). English and our export's names
/// first, then de, fr, es, it, pl, nl, pt; accented words also without their accents, as
/// owners often type them.
const WORDS: &[(PartnerColumn, &[&str])] = &[
    (
        PartnerColumn::Name,
        &[
            "name",
            "partner",
            "partnername",
            "business",
            "businessname",
            "company",
            "companyname",
            "shop",
            "firma",
            "firmenname",
            "unternehmen",
            "geschäft",
            "geschaeft",
            "nom",
            "entreprise",
            "société",
            "societe",
            "raisonsociale",
            "commerce",
            "nombre",
            "empresa",
            "negocio",
            "razónsocial",
            "razonsocial",
            "nome",
            "azienda",
            "ditta",
            "ragionesociale",
            "negozio",
            "nazwa",
            "nazwafirmy",
            "naam",
            "bedrijf",
            "bedrijfsnaam",
            "loja",
        ],
    ),
    (
        PartnerColumn::Status,
        &[
            "status", "state", "zustand", "statut", "état", "etat", "estado", "stato", "stan",
        ],
    ),
    (
        PartnerColumn::Category,
        &[
            "category",
            "type",
            "kind",
            "kategorie",
            "branche",
            "art",
            "catégorie",
            "categorie",
            "secteur",
            "categoría",
            "categoria",
            "sector",
            "rubro",
            "settore",
            "kategoria",
            "branża",
            "branza",
            "tipo",
        ],
    ),
    (
        PartnerColumn::ContactPerson,
        &[
            "contactperson",
            "contact",
            "contactname",
            "ansprechpartner",
            "kontaktperson",
            "kontakt",
            "personnecontact",
            "interlocuteur",
            "contacto",
            "personadecontacto",
            "contatto",
            "referente",
            "osobakontaktowa",
            "contactpersoon",
            "contato",
        ],
    ),
    (
        PartnerColumn::Email,
        &[
            "email",
            "mail",
            "emailaddress",
            "emailadresse",
            "courriel",
            "adressemail",
            "adresseemail",
            "mél",
            "correo",
            "correoelectrónico",
            "correoelectronico",
            "postaelettronica",
            "indirizzoemail",
            "adresemail",
            "emailadres",
        ],
    ),
    (
        PartnerColumn::Phone,
        &[
            "phone",
            "phonenumber",
            "telephone",
            "tel",
            "mobile",
            "telefon",
            "telefonnummer",
            "handy",
            "mobil",
            "téléphone",
            "tél",
            "portable",
            "teléfono",
            "telefono",
            "móvil",
            "movil",
            "celular",
            "cellulare",
            "nrtelefonu",
            "numertelefonu",
            "komórka",
            "komorka",
            "telefoon",
            "telefoonnummer",
            "telemóvel",
            "telemovel",
        ],
    ),
    (
        PartnerColumn::Address,
        &[
            "address",
            "streetaddress",
            "adresse",
            "anschrift",
            "straße",
            "strasse",
            "dirección",
            "direccion",
            "domicilio",
            "indirizzo",
            "adres",
            "ulica",
            "endereço",
            "endereco",
            "morada",
        ],
    ),
    (
        PartnerColumn::Website,
        &[
            "website",
            "web",
            "url",
            "site",
            "homepage",
            "www",
            "webseite",
            "internetseite",
            "internet",
            "siteweb",
            "siteinternet",
            "sitioweb",
            "páginaweb",
            "paginaweb",
            "sitoweb",
            "sitointernet",
            "stronawww",
            "stronainternetowa",
            "strona",
        ],
    ),
    (
        PartnerColumn::Notes,
        &[
            "notes",
            "note",
            "comment",
            "comments",
            "remarks",
            "notizen",
            "notiz",
            "bemerkung",
            "bemerkungen",
            "anmerkungen",
            "kommentar",
            "remarques",
            "commentaire",
            "commentaires",
            "notas",
            "nota",
            "comentarios",
            "observaciones",
            "commenti",
            "osservazioni",
            "notatki",
            "uwagi",
            "komentarz",
            "notities",
            "opmerkingen",
            "observações",
            "observacoes",
        ],
    ),
    (
        PartnerColumn::FitAudience,
        &["fitaudience", "audience", "audiencealignment"],
    ),
    (
        PartnerColumn::FitSynergy,
        &["fitsynergy", "synergy", "productsynergy"],
    ),
    (
        PartnerColumn::FitReputation,
        &["fitreputation", "reputation", "brandreputation"],
    ),
    (
        PartnerColumn::FitMotivation,
        &["fitmotivation", "motivation"],
    ),
];

/// A header cell as the table writes it: lower case, letters and digits only.
fn key(raw: &str) -> String {
    raw.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a header cell names, if any.
pub(super) fn heading(raw: &str) -> Option<PartnerColumn> {
    let key = key(raw);
    WORDS
        .iter()
        .find(|(_, words)| words.contains(&key.as_str()))
        .map(|(column, _)| *column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn no_word_names_two_fields_and_every_word_is_a_key() {
        let mut seen: HashMap<&str, PartnerColumn> = HashMap::new();
        for (column, words) in WORDS {
            for word in *words {
                assert_eq!(key(word), *word, "{word} would never match");
                if let Some(other) = seen.insert(word, *column) {
                    panic!("{word} names both {other:?} and {column:?}");
                }
            }
        }
        for column in PartnerColumn::ALL {
            assert_eq!(heading(column.label()), Some(column), "the form's label");
        }
    }

    #[test]
    fn headings_ignore_case_spacing_and_take_common_words_in_our_languages() {
        for (raw, column) in [
            ("Name", PartnerColumn::Name),
            ("Company", PartnerColumn::Name),
            ("contact_person", PartnerColumn::ContactPerson),
            ("E-Mail Address", PartnerColumn::Email),
            ("fit_audience", PartnerColumn::FitAudience),
            ("Web site", PartnerColumn::Website),
            ("Kategorie", PartnerColumn::Category),
            ("E-Mail", PartnerColumn::Email),
            ("Webseite", PartnerColumn::Website),
            ("Ansprechpartner", PartnerColumn::ContactPerson),
            ("Téléphone", PartnerColumn::Phone),
            ("Raison sociale", PartnerColumn::Name),
            ("Correo electrónico", PartnerColumn::Email),
            ("Nazwa firmy", PartnerColumn::Name),
            ("Nr telefonu", PartnerColumn::Phone),
            ("Indirizzo", PartnerColumn::Address),
            ("STRASSE", PartnerColumn::Address),
        ] {
            assert_eq!(heading(raw), Some(column), "{raw}");
        }
        assert_eq!(
            heading("Tax ID"),
            None,
            "a form label, but not a partner field"
        );
        assert_eq!(heading("Birthday"), None);
        assert_eq!(heading(""), None);
    }
}
