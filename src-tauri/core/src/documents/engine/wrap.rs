//! Breaking text into lines that fit a width. printpdf draws a string where it is told and
//! never wraps, so every line on a page comes from here.

use super::clean::{printable, printable_line};
use super::fonts::{Face, Fonts};

/// How a run of text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Regular or bold.
    pub face: Face,
    /// Size in points.
    pub size: f32,
    /// Colour.
    pub ink: super::style::Ink,
}

/// `text` broken into lines no wider than `max_width` points. Lines break between words;
/// a word wider than the line on its own (a 60-letter name, a long URL) is broken between
/// characters rather than allowed to run off the page. Each `\n` starts a new line, and an
/// empty input gives no lines. Text is passed through [`printable`] first: everything a
/// document prints goes through here or [`ellipsize`], so no caller can forget it.
pub fn wrap(fonts: &Fonts, face: Face, size: f32, text: &str, max_width: f32) -> Vec<String> {
    let text = printable(text);
    let space = fonts.char_width(face, size, ' ');
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in paragraph.split_whitespace() {
            let word_width = fonts.width(face, size, word);
            if !line.is_empty() && line_width + space + word_width <= max_width {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= max_width {
                line = word.to_string();
                line_width = word_width;
            } else {
                let mut pieces = break_word(fonts, face, size, word, max_width);
                // The last piece stays open so the next word can follow it on its line.
                let last = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
                line_width = fonts.width(face, size, &last);
                line = last;
            }
        }
        lines.push(line);
    }
    // `split` yields one empty paragraph for empty input; that is no text, not a blank line.
    if lines.len() == 1 && lines[0].is_empty() {
        lines.clear();
    }
    lines
}

/// `word` cut into pieces that each fit `max_width`; every piece holds at least one
/// character, so even a width narrower than one letter terminates.
fn break_word(fonts: &Fonts, face: Face, size: f32, word: &str, max_width: f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut width = 0.0;
    for c in word.chars() {
        let w = fonts.char_width(face, size, c);
        if !piece.is_empty() && width + w > max_width {
            pieces.push(std::mem::take(&mut piece));
            width = 0.0;
        }
        piece.push(c);
        width += w;
    }
    pieces.push(piece);
    pieces
}

/// `text` on one line, cut short with `…` when wider than `max_width`. For running heads
/// and feet, where a second line has no room; body text always wraps instead.
pub fn ellipsize(fonts: &Fonts, face: Face, size: f32, text: &str, max_width: f32) -> String {
    let text = printable_line(text);
    if fonts.width(face, size, &text) <= max_width {
        return text;
    }
    let room = max_width - fonts.char_width(face, size, '…');
    let mut kept = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        let w = fonts.char_width(face, size, c);
        if width + w > room {
            break;
        }
        kept.push(c);
        width += w;
    }
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> &'static Fonts {
        Fonts::shared().unwrap()
    }

    #[test]
    fn words_wrap_within_the_width_and_all_come_back() {
        let text = "Customers you refer get 10 % off purchases of €5.00 or more. You earn 8 % \
                    of each such sale, up to €150.00 a month, paid monthly by bank transfer.";
        let lines = wrap(fonts(), Face::Regular, 10.0, text, 150.0);
        assert!(lines.len() > 3);
        for line in &lines {
            assert!(
                fonts().width(Face::Regular, 10.0, line) <= 150.0,
                "{line} too wide"
            );
        }
        assert_eq!(
            lines.join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }

    #[test]
    fn an_overlong_word_is_broken_between_characters() {
        let name = "Ł".repeat(20) + &"ó".repeat(20) + &"W".repeat(20);
        let lines = wrap(fonts(), Face::Bold, 11.0, &format!("{name} Ltd"), 120.0);
        assert!(lines.len() >= 3);
        for line in &lines {
            assert!(
                fonts().width(Face::Bold, 11.0, line) <= 120.0,
                "{line} too wide"
            );
        }
        assert_eq!(lines.concat().replace(' ', ""), format!("{name}Ltd"));
    }

    #[test]
    fn line_breaks_are_honoured_and_empty_text_gives_no_lines() {
        let lines = wrap(fonts(), Face::Regular, 10.0, "Main St 1\n12345 Łódź", 500.0);
        assert_eq!(lines, ["Main St 1", "12345 Łódź"]);
        assert!(wrap(fonts(), Face::Regular, 10.0, "", 500.0).is_empty());
        assert!(wrap(fonts(), Face::Regular, 10.0, "x", 0.1).len() == 1);
    }

    #[test]
    fn wrapped_and_ellipsized_text_has_no_bidi_controls() {
        let text = "\u{202E}Evil\u{202C} Co.";
        assert_eq!(
            wrap(fonts(), Face::Regular, 10.0, text, 500.0),
            ["Evil Co."]
        );
        assert_eq!(
            ellipsize(fonts(), Face::Regular, 10.0, text, 500.0),
            "Evil Co."
        );
    }

    #[test]
    fn ellipsize_shortens_only_what_does_not_fit() {
        assert_eq!(
            ellipsize(fonts(), Face::Regular, 8.0, "Ørsted", 100.0),
            "Ørsted"
        );
        let cut = ellipsize(fonts(), Face::Regular, 8.0, &"Café ".repeat(40), 100.0);
        assert!(cut.ends_with('…') && fonts().width(Face::Regular, 8.0, &cut) <= 100.0);
    }
}
