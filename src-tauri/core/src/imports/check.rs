//! Checking each row against the partner rules, the names already saved and the file's own.

use std::collections::HashMap;

use super::read::{RawRow, Sheet, FIELDS};
use super::ImportRow;
use crate::error::{Field, FieldError, PartnerError, Problem};
use crate::partners::{PartnerFit, PartnerInput, PartnerStatus, ValidPartner};
use crate::text;

/// One row as the preview shows it, with what it would save when it has no problems.
pub(super) struct Checked {
    pub row: ImportRow,
    pub valid: Option<(ValidPartner, PartnerStatus)>,
}

/// Checks every row of `sheet`; `taken` maps the name keys already saved to their names.
pub(super) fn check(sheet: &Sheet, taken: &HashMap<String, String>) -> Vec<Checked> {
    let mut first_line: HashMap<String, u64> = HashMap::new();
    let mut checked = Vec::with_capacity(sheet.rows.len());
    for raw in &sheet.rows {
        let mut errors = Vec::new();
        let input = input(raw, &mut errors);
        errors.extend(validate_all(&input).err().unwrap_or_default());
        // Problems read in the order of the columns of our export, as the form shows them.
        errors.sort_by_key(|e| FIELDS.iter().position(|f| *f == e.field));
        let (name_problems, other_problems): (Vec<_>, Vec<_>) =
            errors.into_iter().partition(|e| e.field == Field::Name);
        let mut problems: Vec<String> = name_problems.iter().map(ToString::to_string).collect();
        if name_problems.is_empty() {
            // The key `validate` gives the name: control characters dropped, then folded.
            let cleaned = text::clean(Field::Name, &input.name, usize::MAX, false);
            let key = text::name_key(&cleaned.unwrap_or_default());
            if let Some(existing) = taken.get(&key) {
                let existing = existing.clone();
                problems.push(PartnerError::DuplicateName { existing }.to_string());
            }
            match first_line.get(&key) {
                Some(line) => problems.push(format!("This name is already on line {line}.")),
                None => {
                    first_line.insert(key, raw.line);
                }
            }
        }
        let status = status(raw.get(Field::Status)).unwrap_or_else(|problem| {
            problems.push(problem);
            PartnerStatus::Prospect
        });
        problems.extend(other_problems.iter().map(ToString::to_string));
        if raw.overflow {
            problems.push(
                "This line has more cells than the first line has columns. Put any value \
                 that contains the separator in quotes."
                    .into(),
            );
        }
        let valid = if problems.is_empty() {
            input.validate().ok().map(|v| (v, status))
        } else {
            None
        };
        let row = ImportRow {
            line: raw.line,
            name: raw.get(Field::Name).to_string(),
            status,
            category: raw.get(Field::Category).to_string(),
            contact_person: raw.get(Field::ContactPerson).to_string(),
            email: raw.get(Field::Email).to_string(),
            phone: raw.get(Field::Phone).to_string(),
            address: raw.get(Field::Address).to_string(),
            website: raw.get(Field::Website).to_string(),
            notes: raw.get(Field::Notes).to_string(),
            fit: shown_fit(input.fit),
            problems,
        };
        checked.push(Checked { row, valid });
    }
    checked
}

/// The row as the partner form would have sent it; unreadable scores go to `problems`.
fn input(raw: &RawRow, problems: &mut Vec<FieldError>) -> PartnerInput {
    let mut score = |field| {
        let cell = raw.get(field);
        if cell.is_empty() {
            return None;
        }
        // Out-of-range numbers are left to the fit's own check, which words it the same.
        let parsed = cell.parse::<u8>().ok();
        if parsed.is_none() {
            problems.push(FieldError::new(
                field,
                Problem::OutOfRange { min: 1, max: 5 },
            ));
        }
        parsed
    };
    let fit = PartnerFit {
        audience: score(Field::FitAudience),
        synergy: score(Field::FitSynergy),
        reputation: score(Field::FitReputation),
        motivation: score(Field::FitMotivation),
    };
    PartnerInput {
        name: raw.get(Field::Name).to_string(),
        category: raw.get(Field::Category).to_string(),
        contact_person: raw.get(Field::ContactPerson).to_string(),
        email: raw.get(Field::Email).to_string(),
        phone: raw.get(Field::Phone).to_string(),
        address: raw.get(Field::Address).to_string(),
        website: raw.get(Field::Website).to_string(),
        notes: raw.get(Field::Notes).to_string(),
        fit,
    }
}

/// A status word in any case, as stored or as labelled; blank means a new prospect, as in
/// the form.
fn status(cell: &str) -> Result<PartnerStatus, String> {
    if cell.is_empty() {
        return Ok(PartnerStatus::Prospect);
    }
    PartnerStatus::parse(&cell.to_lowercase()).ok_or_else(|| {
        let unknown = FieldError::new(
            Field::Status,
            Problem::Unknown {
                value: cell.to_string(),
            },
        );
        format!("{unknown} Use prospect, active, paused or ended.")
    })
}

/// Every refusal [`PartnerInput::validate`] makes, not only the first, so the owner fixes a
/// row in one go: each refused field is set aside and the rest checked again.
fn validate_all(input: &PartnerInput) -> Result<ValidPartner, Vec<FieldError>> {
    let mut probe = input.clone();
    let mut errors: Vec<FieldError> = Vec::new();
    loop {
        match probe.validate() {
            Ok(valid) if errors.is_empty() => return Ok(valid),
            Ok(_) => return Err(errors),
            Err(err) => {
                // A field refused twice would loop forever; stop at what is known.
                let again = errors.iter().any(|e| e.field == err.field);
                let field = err.field;
                if !again {
                    errors.push(err);
                }
                if again || !set_aside(&mut probe, field) {
                    return Err(errors);
                }
            }
        }
    }
}

/// Replaces `field` with a value it accepts; false for a field the import does not fill.
fn set_aside(input: &mut PartnerInput, field: Field) -> bool {
    match field {
        // Any accepted name stands in, so the fields after it are still checked.
        Field::Name => input.name = "-".into(),
        Field::Category => input.category.clear(),
        Field::ContactPerson => input.contact_person.clear(),
        Field::Email => input.email.clear(),
        Field::Phone => input.phone.clear(),
        Field::Address => input.address.clear(),
        Field::Website => input.website.clear(),
        Field::Notes => input.notes.clear(),
        Field::FitAudience => input.fit.audience = None,
        Field::FitSynergy => input.fit.synergy = None,
        Field::FitReputation => input.fit.reputation = None,
        Field::FitMotivation => input.fit.motivation = None,
        _ => return false,
    }
    true
}

/// The scores as the preview shows them: refused ones blank.
fn shown_fit(fit: PartnerFit) -> PartnerFit {
    let ok = |s: Option<u8>| s.filter(|s| (1..=5).contains(s));
    PartnerFit {
        audience: ok(fit.audience),
        synergy: ok(fit.synergy),
        reputation: ok(fit.reputation),
        motivation: ok(fit.motivation),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refused_field_is_reported_not_only_the_first() {
        let input = PartnerInput {
            name: " ".into(),
            email: "anna@crumb".into(),
            website: "not a site".into(),
            fit: PartnerFit {
                synergy: Some(9),
                ..Default::default()
            },
            ..Default::default()
        };
        let fields: Vec<Field> = validate_all(&input)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [Field::Name, Field::Email, Field::Website, Field::FitSynergy]
        );
    }

    #[test]
    fn status_words_are_read_in_any_case_and_blank_is_a_prospect() {
        assert_eq!(status(""), Ok(PartnerStatus::Prospect));
        assert_eq!(status("Active"), Ok(PartnerStatus::Active));
        assert_eq!(status("ENDED"), Ok(PartnerStatus::Ended));
        assert_eq!(
            status("actve"),
            Err(
                "Status \"actve\" is not one we know. Use prospect, active, paused or ended."
                    .into()
            )
        );
    }
}
