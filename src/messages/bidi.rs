//! Text from the portal's data placed inside the engine's sentences. A unit name with a
//! right-to-left override (U+202E), or Arabic or Hebrew letters, would otherwise reorder the
//! words around it: "Huyện X đạt 100 %" could be made to read over a value below the floor.
//!
//! Two steps, in this order:
//! - every bidi control of the data (the embeddings, overrides and their pop U+202A–U+202E,
//!   the isolates U+2066–U+2069, the marks U+200E, U+200F and U+061C) is shown as a visible
//!   mark, `[U+202E]` ([`visible`]): no data text can hide a reordering, and none can open
//!   or close anything in the sentence around it, so every sentence is balanced whatever the
//!   data holds (the evaluation also says so with the finding `bidi_control_in_text`);
//! - text that still has letters of a right-to-left script is wrapped in U+2068 FIRST STRONG
//!   ISOLATE … U+2069 POP DIRECTIONAL ISOLATE ([`isolate`]), which confines its direction to
//!   itself in every browser engine (Unicode bidi algorithm, rules X5c and X6a).
//!
//! Text with nothing that can reorder anything (all of Vietnamese and English) is left
//! exactly as it is, so sentences stay plain for copy and search.

use std::borrow::Cow;
use std::fmt::Write;

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Whether `c` is a bidi formatting character of the Unicode bidi algorithm (UAX #9, 2.1–2.7):
/// an embedding, override or their pop, an isolate or its pop, or an implicit mark.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` can change the order of text around it: a bidi control, or a letter of a
/// right-to-left script.
fn reorders(c: char) -> bool {
    is_bidi_control(c)
        || matches!(c,
            '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'
            | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

/// Whether `s` holds a bidi control (see [`is_bidi_control`]).
pub fn has_bidi_control(s: &str) -> bool {
    s.chars().any(is_bidi_control)
}

/// `s` with each bidi control replaced by a visible mark, `[U+202E]`, the same the widgets
/// show (`www/elements/dom.js`). Every other character is kept, so the name a portal sent is
/// still there to read, and reversed text behind an override reads reversed, in plain sight.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !has_bidi_control(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_bidi_control(c) {
            let _ = write!(out, "[U+{:04X}]", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` as it may stand inside a sentence (see the module's doc): its bidi controls visible,
/// and isolated if it still has right-to-left letters.
pub fn isolate(s: &str) -> Cow<'_, str> {
    if !s.chars().any(reorders) {
        return Cow::Borrowed(s);
    }
    let shown = visible(s);
    if !shown.chars().any(reorders) {
        return shown;
    }
    let mut out = String::with_capacity(shown.len() + 6);
    out.push(FSI);
    out.push_str(&shown);
    out.push(PDI);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_vietnamese_is_untouched() {
        assert!(matches!(isolate("Huyện Cờ Đỏ"), Cow::Borrowed("Huyện Cờ Đỏ")));
        assert!(matches!(visible("Huyện Cờ Đỏ"), Cow::Borrowed("Huyện Cờ Đỏ")));
    }

    #[test]
    fn controls_are_shown_and_right_to_left_letters_isolated() {
        assert_eq!(isolate("A\u{202E}B"), "A[U+202E]B");
        assert_eq!(isolate("A\u{2069}\u{202E}B"), "A[U+2069][U+202E]B");
        // An unclosed isolate can no longer close the sentence's own.
        assert_eq!(isolate("\u{2067}x"), "[U+2067]x");
        assert_eq!(isolate("\u{200F}\u{061C}"), "[U+200F][U+061C]");
        assert_eq!(isolate("مدينة"), "\u{2068}مدينة\u{2069}");
        assert_eq!(isolate("\u{202E}مدينة"), "\u{2068}[U+202E]مدينة\u{2069}");
    }
}
