//! Parts of documents that name people and businesses: a party's details, and signature
//! blocks with fields to fill in.

use super::agreement::{PartyBlock, SignatureBlock};
use super::engine::blocks::{Column, Line};
use super::engine::clean::printable_line;
use super::engine::fonts::{Face, Fonts};
use super::engine::style::{self, Ink};
use super::engine::wrap::{wrap, TextStyle};

/// One party's details: role, name, address, tax id, contact.
pub fn party(fonts: &Fonts, column: Column, p: &PartyBlock) -> Column {
    let role = TextStyle {
        face: Face::Bold,
        size: style::SMALL,
        ink: Ink::Muted,
    };
    let name = TextStyle {
        size: 11.0,
        ..style::strong()
    };
    let mut column = column
        .text(fonts, &p.role, role)
        .line(Line::Gap(2.0))
        .text(fonts, &p.name, name)
        .text(fonts, &p.address, style::body());
    if !p.tax_id.trim().is_empty() {
        column = column.text(fonts, &format!("Tax ID: {}", p.tax_id), style::body());
    }
    column.text(fonts, &p.contact, style::label())
}

/// How many lines the longest of `parties` wraps to in a column `width` wide; pass it to
/// [`signature`] so blocks side by side line up.
pub fn name_lines(fonts: &Fonts, parties: &[&str], width: f32) -> usize {
    let party = style::strong();
    parties
        .iter()
        .map(|p| wrap(fonts, party.face, party.size, p, width).len())
        .max()
        .unwrap_or(0)
}

/// One signature block: party, name and date (typed or blank), and a line to sign on.
/// `name_lines` is how many lines the longer of the two party names wraps to: the shorter
/// is padded to match, so both blocks' fields and signature lines sit level.
pub fn signature(fonts: &Fonts, column: Column, s: &SignatureBlock, name_lines: usize) -> Column {
    let party = style::strong();
    let mut column = column.text(fonts, &s.party, party);
    let short_by = name_lines.saturating_sub(column.lines.len());
    column
        .lines
        .extend((0..short_by).map(|_| Line::Gap(style::line_height(party))));
    let column = field(fonts, column.line(Line::Gap(4.0)), "Name:", &s.signatory);
    field(fonts, column, "Date:", &s.date).line(Line::Signature)
}

/// `label value` on a line to write on; a value too long for the line is printed in full
/// above an empty one instead of being cut.
pub fn field(fonts: &Fonts, column: Column, label: &str, value: &str) -> Column {
    let value = printable_line(value).trim().to_string();
    let (label_style, body) = (style::label(), style::body());
    let room = column.width - fonts.width(label_style.face, label_style.size, label) - 6.0;
    if fonts.width(body.face, body.size, &value) <= room {
        return column.line(Line::Field {
            label: label.to_string(),
            value,
        });
    }
    column.text(fonts, &value, body).line(Line::Field {
        label: label.to_string(),
        value: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_too_long_for_its_line_is_printed_whole_above_a_blank_line() {
        let fonts = Fonts::shared().unwrap();
        let name = "Señora María de las Mercedes Núñez García de la Vega y Ørsted";
        let column = field(fonts, Column::new(0.0, 150.0), "Name:", name);
        let (text, blank): (Vec<_>, Vec<_>) = column
            .lines
            .iter()
            .partition(|l| matches!(l, Line::Text { .. }));
        let printed: Vec<String> = text
            .iter()
            .filter_map(|l| match l {
                Line::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(printed.join(" "), name);
        assert!(matches!(blank[..], [Line::Field { ref value, .. }] if value.is_empty()));
    }

    #[test]
    fn a_short_value_is_typed_on_its_line() {
        let fonts = Fonts::shared().unwrap();
        let column = field(fonts, Column::new(0.0, 150.0), "Date:", "24 November 2026");
        assert_eq!(
            column.lines,
            [Line::Field {
                label: "Date:".into(),
                value: "24 November 2026".into()
            }]
        );
    }
}
