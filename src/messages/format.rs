//! Number formatting per locale: `62,5 %` and `1.240` in Vietnamese, `62.5%` and `1,240` in
//! English. Values are rounded half away from zero to a fixed number of decimals; callers
//! that show a value next to a verdict must round *towards the verdict* first (see
//! `evaluate::display`), so the shown number never contradicts the status.

use super::Locale;

/// Format `value` with exactly `decimals` decimals (0–6), grouping thousands.
pub fn format_number(value: f64, decimals: u8, locale: Locale) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let decimals = decimals.min(6);
    // Round half away from zero first (Rust's formatter rounds exact ties to even).
    let scale = 10f64.powi(i32::from(decimals));
    let rounded = (value.abs() * scale).round() / scale;
    let fixed = format!("{:.*}", usize::from(decimals), rounded);
    let (int_part, frac_part) = match fixed.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (fixed.as_str(), None),
    };
    let (group_sep, decimal_sep) = match locale {
        Locale::Vi => ('.', ','),
        Locale::En => (',', '.'),
    };
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
    let digits: Vec<char> = int_part.chars().collect();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(group_sep);
        }
        grouped.push(*c);
    }
    let negative = value < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac_part {
        out.push(decimal_sep);
        out.push_str(f);
    }
    out
}

/// Format with at most `max_decimals` decimals, dropping trailing zeros: `20`, `86,4`, `69,12`.
pub fn format_trimmed(value: f64, max_decimals: u8, locale: Locale) -> String {
    let full = format_number(value, max_decimals, locale);
    let decimal_sep = match locale {
        Locale::Vi => ',',
        Locale::En => '.',
    };
    if full.contains(decimal_sep) {
        full.trim_end_matches('0').trim_end_matches(decimal_sep).to_string()
    } else {
        full
    }
}

/// A percentage with trailing zeros dropped: `50 %`, `86,4 %` (vi); `50%`, `86.4%` (en).
pub fn format_percent_trimmed(value: f64, max_decimals: u8, locale: Locale) -> String {
    let n = format_trimmed(value, max_decimals, locale);
    match locale {
        Locale::Vi => format!("{n}\u{a0}%"),
        Locale::En => format!("{n}%"),
    }
}

/// Format a percentage: `62,5 %` (vi, with a non-breaking space) or `62.5%` (en).
pub fn format_percent(value: f64, decimals: u8, locale: Locale) -> String {
    let n = format_number(value, decimals, locale);
    match locale {
        Locale::Vi => format!("{n}\u{a0}%"),
        Locale::En => format!("{n}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_uses_decimal_comma_and_thousands_dot() {
        assert_eq!(format_number(1240.0, 0, Locale::Vi), "1.240");
        assert_eq!(format_number(1234567.25, 1, Locale::Vi), "1.234.567,3");
        assert_eq!(format_percent(62.5, 1, Locale::Vi), "62,5\u{a0}%");
    }

    #[test]
    fn english_uses_decimal_point_and_thousands_comma() {
        assert_eq!(format_number(1240.0, 0, Locale::En), "1,240");
        assert_eq!(format_percent(62.5, 1, Locale::En), "62.5%");
        assert_eq!(format_number(-0.04, 1, Locale::En), "0.0");
        assert_eq!(format_number(-12.5, 1, Locale::En), "-12.5");
        assert_eq!(format_number(999.0, 0, Locale::En), "999");
        assert_eq!(format_trimmed(20.0, 2, Locale::En), "20");
        assert_eq!(format_trimmed(1240.5, 2, Locale::Vi), "1.240,5");
        assert_eq!(format_percent_trimmed(69.12, 2, Locale::Vi), "69,12\u{a0}%");
    }
}
