//! The fonts embedded in every document, and measuring text set in them.

use std::sync::OnceLock;

use printpdf::ParsedFont;

use super::DocumentError;

/// DejaVu Sans covers Latin, Greek and Cyrillic with accents, `€` and `Ø`, which is what the
/// names on a local partnership need; it is embedded (and subset) so the PDF needs no font on
/// the reader's machine. Licence: fonts/LICENSE-DejaVu.txt.
const REGULAR_TTF: &[u8] = include_bytes!("../../../fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../../fonts/DejaVuSans-Bold.ttf");

/// Which of the two embedded faces a piece of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

/// One parsed face with what measuring needs.
struct Metrics {
    font: ParsedFont,
    units_per_em: f32,
}

impl Metrics {
    fn parse(bytes: &[u8], name: &'static str) -> Result<Self, DocumentError> {
        let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
            .ok_or(DocumentError::FontUnreadable { name })?;
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em);
        if units_per_em <= 0.0 {
            return Err(DocumentError::FontUnreadable { name });
        }
        Ok(Metrics { font, units_per_em })
    }

    /// Advance of `c` in thousandths of an em, truncated exactly as printpdf writes the
    /// font's `/W` widths: the viewer moves the pen by those, so measuring the same way keeps
    /// right-aligned text flush. A character the font lacks prints as `.notdef` (glyph 0).
    fn advance_milli(&self, c: char) -> f32 {
        let glyph = self.font.lookup_glyph_index(u32::from(c)).unwrap_or(0);
        let units = f32::from(self.font.get_horizontal_advance(glyph));
        (units * 1000.0 / self.units_per_em).trunc()
    }
}

/// The embedded faces, parsed once.
pub struct Fonts {
    regular: Metrics,
    bold: Metrics,
}

impl Fonts {
    /// The embedded fonts, parsed on first use and shared afterwards: parsing costs more
    /// than laying out a whole agreement.
    pub fn shared() -> Result<&'static Fonts, DocumentError> {
        static FONTS: OnceLock<Result<Fonts, DocumentError>> = OnceLock::new();
        FONTS
            .get_or_init(Fonts::parse)
            .as_ref()
            .map_err(Clone::clone)
    }

    fn parse() -> Result<Self, DocumentError> {
        Ok(Fonts {
            regular: Metrics::parse(REGULAR_TTF, "DejaVuSans.ttf")?,
            bold: Metrics::parse(BOLD_TTF, "DejaVuSans-Bold.ttf")?,
        })
    }

    fn metrics(&self, face: Face) -> &Metrics {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }

    /// The parsed font behind `face`, for registering with a PDF document.
    pub fn parsed(&self, face: Face) -> &ParsedFont {
        &self.metrics(face).font
    }

    /// Width in points of `text` set in `face` at `size` points. printpdf maps one character
    /// to one glyph with no kerning or ligatures, so the sum of advances is what prints.
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let metrics = self.metrics(face);
        let milli: f32 = text.chars().map(|c| metrics.advance_milli(c)).sum();
        milli * size / 1000.0
    }

    /// Width in points of one character; see [`Fonts::width`].
    pub fn char_width(&self, face: Face, size: f32, c: char) -> f32 {
        self.metrics(face).advance_milli(c) * size / 1000.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_adds_up_character_advances_and_scales_with_size() {
        let fonts = Fonts::shared().unwrap();
        let word = fonts.width(Face::Regular, 10.0, "Łódź");
        let parts: f32 = "Łódź"
            .chars()
            .map(|c| fonts.char_width(Face::Regular, 10.0, c))
            .sum();
        assert!((word - parts).abs() < 1e-3);
        assert!((fonts.width(Face::Regular, 20.0, "Łódź") - 2.0 * word).abs() < 1e-3);
        assert!(
            word > 15.0 && word < 30.0,
            "Łódź at 10 pt is {word} pt wide"
        );
    }

    #[test]
    fn bold_is_wider_than_regular() {
        let fonts = Fonts::shared().unwrap();
        let text = "Señora Núñez";
        assert!(fonts.width(Face::Bold, 10.0, text) > fonts.width(Face::Regular, 10.0, text));
    }

    #[test]
    fn every_name_character_has_a_glyph() {
        let fonts = Fonts::shared().unwrap();
        for c in "Café Müller Łódź Señora Núñez Ørsted €·–—…“”‘’".chars()
        {
            for face in [Face::Regular, Face::Bold] {
                let glyph = fonts.parsed(face).lookup_glyph_index(u32::from(c));
                assert!(glyph.is_some_and(|g| g != 0), "{c} missing in {face:?}");
            }
        }
    }
}
