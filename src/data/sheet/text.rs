//! Comparing the text people type in sheets: headings, unit names, totals labels.
//!
//! Two texts match when their folded forms are equal: Unicode NFC (a name typed on a Mac
//! arrives decomposed, `a` + U+0302 + U+0301 for `ấ`), lower case, every run of white space
//! (the no-break spaces of Excel included) one space, no space at either end. The standard
//! NFC tables are tens of KB of wasm; [`nfc`] composes the Latin letters with the marks
//! Vietnamese writes (grave, acute, tilde, hook, dot below, circumflex, breve, horn), which
//! is every letter of a Vietnamese name, and leaves any other text as it is.

use super::nfc::COMPOSE;

/// Canonical combining class of the marks [`COMPOSE`] knows (the horn 216 and the dot below
/// 220 come before the others, 230).
fn combining_class(c: char) -> Option<u8> {
    match c {
        '\u{031B}' => Some(216),
        '\u{0323}' => Some(220),
        '\u{0300}' | '\u{0301}' | '\u{0302}' | '\u{0303}' | '\u{0306}' | '\u{0309}' => Some(230),
        _ => None,
    }
}

/// `c` decomposed into its base letter and marks, when [`COMPOSE`] made it.
fn decompose(c: char, out: &mut Vec<char>) {
    match COMPOSE.iter().find(|(_, _, composed)| *composed == c) {
        Some((base, mark, _)) => {
            decompose(*base, out);
            out.push(*mark);
        }
        None => out.push(c),
    }
}

fn compose(base: char, mark: char) -> Option<char> {
    COMPOSE
        .binary_search_by(|(b, m, _)| (*b, *m).cmp(&(base, mark)))
        .ok()
        .and_then(|i| COMPOSE.get(i))
        .map(|(_, _, c)| *c)
}

/// NFC of Vietnamese letters: decomposed, their marks in canonical order, composed again.
pub(crate) fn nfc(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut chars = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            chars.push(c);
        } else {
            decompose(c, &mut chars);
        }
    }
    // Canonical order: a stable sort of each run of marks by combining class.
    let mut i = 0;
    while i < chars.len() {
        let run = chars
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| combining_class(**c).is_some())
            .count();
        if run > 1 {
            if let Some(marks) = chars.get_mut(i..i + run) {
                // An insertion sort: a run is a few marks, and a standard sort is kilobytes of wasm.
                for k in 1..marks.len() {
                    let mut j = k;
                    while j > 0 {
                        let (Some(a), Some(b)) = (marks.get(j - 1), marks.get(j)) else {
                            break;
                        };
                        if combining_class(*a) <= combining_class(*b) {
                            break;
                        }
                        marks.swap(j - 1, j);
                        j -= 1;
                    }
                }
            }
        }
        i += run.max(1);
    }
    let mut out = String::with_capacity(s.len());
    // The starter marks may still compose with; a mark that does not compose ends it (the
    // marks after it are then blocked, or not Vietnamese: left as they are).
    let mut last: Option<char> = None;
    for c in chars {
        if combining_class(c).is_some() {
            if let Some(composed) = last.and_then(|base| compose(base, c)) {
                last = Some(composed);
                continue;
            }
            if let Some(base) = last.take() {
                out.push(base);
            }
            out.push(c);
            continue;
        }
        if let Some(base) = last.replace(c) {
            out.push(base);
        }
    }
    if let Some(base) = last {
        out.push(base);
    }
    out
}

/// The form two texts are compared in: NFC, lower case, white space collapsed and trimmed.
pub(crate) fn fold(s: &str) -> String {
    let lower = crate::data::lowercase::to_lowercase(&nfc(s));
    let mut out = String::with_capacity(lower.len());
    for word in lower.split(|c: char| c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A looser form, for a guess: letters and digits only, `tỉ` and `tỷ` spelled alike, and the
/// tone mark of `oa`, `oe`, `uy` placed either way (`hòa` / `hoà`).
pub(crate) fn loose(s: &str) -> String {
    let folded = fold(s).replace("tỷ", "tỉ");
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars().filter(|c| c.is_alphanumeric()) {
        out.push(c);
    }
    // Old and new tone placement: move a tone from the first to the second vowel.
    for (old, new) in [
        ("òa", "oà"),
        ("óa", "oá"),
        ("ỏa", "oả"),
        ("õa", "oã"),
        ("ọa", "oạ"),
        ("òe", "oè"),
        ("óe", "oé"),
        ("ỏe", "oẻ"),
        ("õe", "oẽ"),
        ("ọe", "oẹ"),
        ("ùy", "uỳ"),
        ("úy", "uý"),
        ("ủy", "uỷ"),
        ("ũy", "uỹ"),
        ("ụy", "uỵ"),
    ] {
        out = out.replace(old, new);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_vietnamese_is_composed() {
        let nfd = "Tha\u{0300}nh pho\u{0302}\u{0301} Ca\u{0302}\u{0300}n Tho\u{031B}";
        assert_eq!(nfc(nfd), "Thành phố Cần Thơ");
        // The dot below typed after the circumflex: canonical order first.
        assert_eq!(nfc("a\u{0302}\u{0323}"), "ậ");
        assert_eq!(nfc("a\u{0323}\u{0302}"), "ậ");
        assert_eq!(nfc("\u{00E2}\u{0323}"), "ậ");
        assert_eq!(nfc("o\u{0323}\u{031B}"), "ợ");
        assert_eq!(nfc("Thành phố"), "Thành phố");
        // A mark the table does not know stays where it is.
        assert_eq!(nfc("a\u{0308}"), "a\u{0308}");
        assert_eq!(nfc("\u{0301}a"), "\u{0301}a");
    }

    #[test]
    fn folding_ignores_case_and_spaces() {
        assert_eq!(fold("  TÊN\u{00A0}ĐƠN   vị "), "tên đơn vị");
        assert_eq!(fold("Te\u{0302}n đơn vi\u{0323}"), "tên đơn vị");
        assert_eq!(loose("Tỷ lệ (%)"), loose("tỉ lệ %"));
        assert_eq!(loose("Xã Hòa An"), loose("xã Hoà An"));
        assert_ne!(fold("Tân An"), fold("Tấn An"));
    }

    #[test]
    fn every_vietnamese_letter_survives_decomposition() {
        let letters = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";
        for c in letters.chars().chain(letters.to_uppercase().chars()) {
            let mut d = Vec::new();
            decompose(c, &mut d);
            let s: String = d.into_iter().collect();
            assert_eq!(nfc(&s), c.to_string(), "{s:?}");
        }
    }
}
