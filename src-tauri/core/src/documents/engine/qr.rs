//! QR codes drawn as filled rectangles: no image is embedded, so the symbol stays sharp at
//! any printer resolution and costs a few hundred bytes.

use qrcode::{Color, EcLevel, QrCode};

use super::layout::Mark;
use super::style::Ink;

/// White modules a scanner needs around the symbol (ISO/IEC 18004 asks for four).
pub const QUIET_ZONE: usize = 4;

/// The QR symbol for `payload` (error correction level M, which survives a crease or a
/// coffee ring) filling a `size`-point square whose top-left corner is (`x`, `y`), quiet
/// zone included: nothing else may be drawn inside that square. Each run of dark modules in
/// a row is one rectangle. `None` when `payload` is too long for any QR version.
pub fn qr_marks(payload: &str, x: f32, y: f32, size: f32) -> Option<Vec<Mark>> {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let module = size / (width + 2 * QUIET_ZONE) as f32;
    // Rows overlap by a hair so that anti-aliasing viewers show no seam between them.
    let overlap = module * 0.02;
    let colors = code.to_colors();
    let mut marks = Vec::new();
    for (row, cells) in colors.chunks(width).enumerate() {
        let top = y + (row + QUIET_ZONE) as f32 * module;
        let mut col = 0;
        while col < width {
            if cells[col] != Color::Dark {
                col += 1;
                continue;
            }
            let start = col;
            while col < width && cells[col] == Color::Dark {
                col += 1;
            }
            marks.push(Mark::Fill {
                x: x + (start + QUIET_ZONE) as f32 * module,
                y: top,
                w: (col - start) as f32 * module,
                h: if row + 1 < width {
                    module + overlap
                } else {
                    module
                },
                ink: Ink::Text,
            });
        }
    }
    Some(marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_symbol_keeps_its_quiet_zone_inside_the_square() {
        let marks = qr_marks("7K2QX9A", 100.0, 200.0, 58.0).unwrap();
        // Version 1 is 21 modules wide; with the quiet zone the square is 29 modules.
        let module = 58.0 / 29.0;
        assert!(!marks.is_empty());
        for mark in &marks {
            let Mark::Fill { x, y, w, h, .. } = mark else {
                panic!("{mark:?}")
            };
            assert!(*x >= 100.0 + 4.0 * module - 1e-3 && x + w <= 158.0 - 4.0 * module + 1e-3);
            assert!(*y >= 200.0 + 4.0 * module - 1e-3 && y + h <= 258.0 - 4.0 * module + 1e-3);
        }
    }

    #[test]
    fn a_payload_too_long_for_any_version_gives_none() {
        assert!(qr_marks(&"x".repeat(5000), 0.0, 0.0, 50.0).is_none());
    }
}
