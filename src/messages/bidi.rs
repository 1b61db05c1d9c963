//! Text from the portal's data placed inside the engine's sentences. A unit name with a
//! right-to-left override (U+202E), or Arabic or Hebrew letters, would otherwise reorder the
//! words around it: "Huyện X đạt 100 %" could be made to read over a value below the floor.
//! Such text is wrapped in U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE,
//! which confines its direction to itself in every browser engine (Unicode bidi algorithm,
//! rules X5c and X6a); an unmatched U+2069 inside it, which would end the isolate early, is
//! dropped from the sentence. Text with nothing that can reorder anything (all of Vietnamese
//! and English) is left exactly as it is, so sentences stay plain for copy and search.

use std::borrow::Cow;

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Whether `c` can change the order of text around it: a bidi control, or a letter of a
/// right-to-left script.
fn reorders(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

/// `s` as it may stand inside a sentence (see the module's doc).
pub fn isolate(s: &str) -> Cow<'_, str> {
    if !s.chars().any(reorders) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    out.push(FSI);
    let mut open = 0usize;
    for c in s.chars() {
        match c {
            '\u{2066}' | '\u{2067}' | FSI => open += 1,
            PDI if open == 0 => continue,
            PDI => open -= 1,
            _ => {}
        }
        out.push(c);
    }
    out.push(PDI);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_vietnamese_is_untouched() {
        assert!(matches!(isolate("Huyện Cờ Đỏ"), Cow::Borrowed("Huyện Cờ Đỏ")));
    }

    #[test]
    fn an_override_is_isolated_and_a_stray_pop_dropped() {
        assert_eq!(isolate("A\u{202E}B"), "\u{2068}A\u{202E}B\u{2069}");
        assert_eq!(isolate("A\u{2069}\u{202E}B"), "\u{2068}A\u{202E}B\u{2069}");
        // A matched isolate inside stays as it is.
        assert_eq!(isolate("\u{2067}x\u{2069}"), "\u{2068}\u{2067}x\u{2069}\u{2069}");
        assert_eq!(isolate("مدينة"), "\u{2068}مدينة\u{2069}");
    }
}
