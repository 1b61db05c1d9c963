//! Number formatting per locale: `62,5 %` and `1.240` in Vietnamese, `62.5%` and `1,240` in
//! English. Values are rounded half away from zero to a fixed number of decimals; callers
//! that show a value next to a verdict must round *towards the verdict* first (see
//! `evaluate::display`), so the shown number never contradicts the status.

use super::Locale;

/// Below this many units of the last decimal, the digits `format!` prints for the rounded
/// value `m / 10^d` are exactly those of the integer `m`: m < 10^15 < 2^53 / 9, so the double
/// nearest `m / 10^d` is within a ninth of a unit of the last decimal, never near half of one.
const EXACT_DIGITS_BELOW: f64 = 1e15;

/// The separators of `locale`: thousands, decimals.
fn separators(locale: Locale) -> (char, char) {
    match locale {
        Locale::Vi => ('.', ','),
        Locale::En => (',', '.'),
    }
}

/// Appends `value` with exactly `decimals` decimals (0–6), grouping thousands; with `trim`,
/// trailing zeros of the decimals (and a bare separator) are left out, and a value that is
/// not zero is never written as zero: it gets the decimals of its first two significant
/// digits (`0,0000001`, never `0`, for 1e-7).
fn write_number(out: &mut String, value: f64, decimals: u8, locale: Locale, trim: bool) {
    if !value.is_finite() {
        out.push('—');
        return;
    }
    let decimals = decimals.min(6);
    // From 2^53 on every double is a whole number: its digits are written as they are, never
    // scaled first (`1e21 × 100` is not exact, `Number.MAX_VALUE × 10` is infinite).
    if value.abs() >= TWO_POW_53 {
        write_formatted(out, value, value.abs(), decimals, locale, trim);
        return;
    }
    // Round half away from zero first (Rust's formatter rounds exact ties to even).
    let scale = 10f64.powi(i32::from(decimals));
    let units = (value.abs() * scale).round();
    if trim && units == 0.0 && value != 0.0 {
        write_small(out, value, locale);
        return;
    }
    if units >= EXACT_DIGITS_BELOW {
        write_formatted(out, value, units / scale, decimals, locale, trim);
        return;
    }
    // Exact: a whole number of units of the last decimal, below 2^53.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mut m = units as u64;
    let mut frac_digits = usize::from(decimals);
    if trim {
        while frac_digits > 0 && m % 10 == 0 {
            m /= 10;
            frac_digits -= 1;
        }
    }
    let mut digits = [0u8; 24];
    let mut len = 0usize;
    loop {
        if let Some(slot) = digits.get_mut(len) {
            // m % 10 < 10
            #[allow(clippy::cast_possible_truncation)]
            let d = (m % 10) as u8;
            *slot = b'0' + d;
        }
        len += 1;
        m /= 10;
        if m == 0 && len > frac_digits {
            break;
        }
    }
    let digits = digits.get(..len).unwrap_or_default();
    let (group_sep, decimal_sep) = separators(locale);
    // The sign only when a non-zero digit is shown (-0.04 at one decimal is `0.0`).
    if value < 0.0 && digits.iter().any(|d| *d != b'0') {
        out.push('-');
    }
    let int_len = len - frac_digits;
    for (i, d) in digits.iter().rev().enumerate() {
        if i == int_len {
            out.push(decimal_sep);
        } else if i > 0 && i < int_len && (int_len - i) % 3 == 0 {
            out.push(group_sep);
        }
        out.push(char::from(*d));
    }
}

/// 2^53: from here on, doubles are whole numbers.
const TWO_POW_53: f64 = 9_007_199_254_740_992.0;

/// A value that rounds to zero at the decimals asked for, with the decimals of its first two
/// significant digits (as many as it takes: `format!` writes a double's digits exactly).
fn write_small(out: &mut String, value: f64, locale: Locale) {
    // |value| < 1, so the exponent is negative: -log10 rounded down, plus one more digit.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let decimals = (-value.abs().log10()).floor() as usize + 2;
    let fixed = super::digits::fixed(value.abs(), decimals);
    let fixed = fixed.trim_end_matches('0');
    let (_, decimal_sep) = separators(locale);
    if value < 0.0 {
        out.push('-');
    }
    out.push_str(&fixed.replace('.', &decimal_sep.to_string()));
}

/// The general path through `format!`, for numbers too large for [`write_number`]'s digits.
fn write_formatted(out: &mut String, value: f64, rounded: f64, decimals: u8, locale: Locale, trim: bool) {
    let fixed = super::digits::fixed(rounded, usize::from(decimals));
    let (int_part, frac_part) = match fixed.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (fixed.as_str(), None),
    };
    let (group_sep, decimal_sep) = separators(locale);
    if value < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    let n = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(group_sep);
        }
        out.push(c);
    }
    let frac = frac_part.map(|f| if trim { f.trim_end_matches('0') } else { f });
    if let Some(f) = frac.filter(|f| !f.is_empty() || !trim) {
        out.push(decimal_sep);
        out.push_str(f);
    }
}

/// A number a user gave, shown back in a message as JavaScript writes it: `1240.5`,
/// `1e+21`, `1.7976931348623157e+308`, `1e-7` (the shortest text that reads back as the
/// same number, with no locale's separators: it quotes the input).
pub fn format_value(value: f64) -> String {
    if value == 0.0 {
        return "0".to_string();
    }
    let mut out = String::new();
    super::digits::push_shortest(&mut out, value, true);
    out
}

/// Appends [`format_number`]'s text to `out`.
pub(crate) fn push_number(out: &mut String, value: f64, decimals: u8, locale: Locale) {
    write_number(out, value, decimals, locale, false);
}

/// Appends [`format_trimmed`]'s text to `out`.
pub(crate) fn push_trimmed(out: &mut String, value: f64, max_decimals: u8, locale: Locale) {
    write_number(out, value, max_decimals, locale, true);
}

/// Appends [`format_percent_trimmed`]'s text to `out`.
pub(crate) fn push_percent_trimmed(out: &mut String, value: f64, max_decimals: u8, locale: Locale) {
    write_number(out, value, max_decimals, locale, true);
    push_percent(out, locale);
}

/// Format `value` with exactly `decimals` decimals (0–6), grouping thousands.
pub fn format_number(value: f64, decimals: u8, locale: Locale) -> String {
    let mut out = String::with_capacity(16);
    write_number(&mut out, value, decimals, locale, false);
    out
}

/// Format with at most `max_decimals` decimals, dropping trailing zeros: `20`, `86,4`, `69,12`.
pub fn format_trimmed(value: f64, max_decimals: u8, locale: Locale) -> String {
    let mut out = String::with_capacity(16);
    write_number(&mut out, value, max_decimals, locale, true);
    out
}

/// A percentage with trailing zeros dropped: `50 %`, `86,4 %` (vi); `50%`, `86.4%` (en).
pub fn format_percent_trimmed(value: f64, max_decimals: u8, locale: Locale) -> String {
    let mut out = String::with_capacity(16);
    write_number(&mut out, value, max_decimals, locale, true);
    push_percent(&mut out, locale);
    out
}

/// Format a percentage: `62,5 %` (vi, with a non-breaking space) or `62.5%` (en).
pub fn format_percent(value: f64, decimals: u8, locale: Locale) -> String {
    let mut out = String::with_capacity(16);
    write_number(&mut out, value, decimals, locale, false);
    push_percent(&mut out, locale);
    out
}

fn push_percent(out: &mut String, locale: Locale) {
    match locale {
        Locale::Vi => out.push_str("\u{a0}%"),
        Locale::En => out.push('%'),
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

    #[test]
    fn values_quoted_back_read_as_javascript_writes_them() {
        assert_eq!(format_value(1240.5), "1240.5");
        assert_eq!(format_value(1e21), "1e+21");
        assert_eq!(format_value(f64::MAX), "1.7976931348623157e+308");
        assert_eq!(format_value(-2.5e-8), "-2.5e-8");
        assert_eq!(format_value(1e-7), "0.0000001");
        assert_eq!(format_value(-0.0), "0");
        assert_eq!(format_value(123_456_789_012_345_680_000.0), "123456789012345680000");
    }

    /// `format_value` as it was written first, through the standard library's formatting.
    fn js_reference(value: f64) -> String {
        let a = value.abs();
        if !value.is_finite() || a == 0.0 || (1e-7..1e21).contains(&a) {
            return if value == 0.0 {
                "0".to_string()
            } else {
                value.to_string()
            };
        }
        let e = format!("{value:e}");
        match e.split_once('e') {
            Some((m, x)) if !x.starts_with('-') => format!("{m}e+{x}"),
            _ => e,
        }
    }

    #[test]
    fn values_quoted_back_are_the_standard_librarys_digits() {
        let specials = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, -0.0];
        for x in super::super::digits::tests::doubles().into_iter().chain(specials) {
            for y in [x, -x] {
                assert_eq!(format_value(y), js_reference(y), "{y:e}");
            }
        }
    }

    #[test]
    fn extreme_values_print_their_own_digits() {
        assert_eq!(format_trimmed(1e21, 2, Locale::En), "1,000,000,000,000,000,000,000");
        assert_eq!(format_number(1e21, 1, Locale::Vi), "1.000.000.000.000.000.000.000,0");
        let max = format_trimmed(f64::MAX, 2, Locale::En);
        assert!(max.starts_with("179,769,313,486,231,570,814,527,423"), "{max}");
        assert_eq!(max.chars().filter(char::is_ascii_digit).count(), 309);
        assert!(!format_percent_trimmed(f64::MAX, 2, Locale::Vi).contains("inf"));
        assert_eq!(
            format_trimmed(-9_007_199_254_740_993.0, 0, Locale::En),
            "-9,007,199,254,740,992"
        );
        assert_eq!(format_trimmed(1e-7, 2, Locale::En), "0.0000001");
        assert_eq!(format_trimmed(2e-7, 2, Locale::Vi), "0,0000002");
        assert_eq!(format_trimmed(-1.5e-7, 2, Locale::En), "-0.00000015");
        assert_eq!(format_percent_trimmed(0.001, 2, Locale::En), "0.001%");
        assert!(format_trimmed(5e-324, 2, Locale::En).ends_with("49"));
        // Without trimming, the decimals asked for are the decimals written.
        assert_eq!(format_number(1e-7, 2, Locale::En), "0.00");
        assert_eq!(format_trimmed(0.0, 2, Locale::En), "0");
        assert_eq!(format_trimmed(-0.0, 2, Locale::En), "0");
    }

    /// The digits written directly are those of the `format!` path, for every locale,
    /// decimals, trimming, sign, ties and the largest values of the fast path.
    #[test]
    fn direct_digits_match_the_formatter() {
        let mut values = vec![
            0.0,
            -0.0,
            0.05,
            0.15,
            0.25,
            1.005,
            2.675,
            59.95,
            62.45,
            99.995,
            999.5,
            1240.5,
            -0.04,
            -12.5,
            1234567.25,
            69.12,
            1e-7,
            123456789.123456,
            8.9e14,
            9.9e14,
            1e15,
            4.5e15,
            9.007199254740993e15,
            1e20,
            1.7e308,
            -1e16,
        ];
        let mut x = 0.123_456_789_f64;
        for _ in 0..2000 {
            x = (x * 7919.0 + 0.61803).fract();
            values.push(x * 1e6);
            values.push(-x * 1e3);
            values.push((x * 1e4).round() / 1e2 + 0.005);
        }
        for v in values {
            for d in 0..=6u8 {
                for l in Locale::ALL {
                    for trim in [false, true] {
                        let scale = 10f64.powi(i32::from(d));
                        // Written by the rules of `extreme_values_print_their_own_digits`.
                        let small = trim && v != 0.0 && (v.abs() * scale).round() == 0.0;
                        if small || v.abs() >= TWO_POW_53 {
                            continue;
                        }
                        let mut fast = String::new();
                        write_number(&mut fast, v, d, l, trim);
                        let mut slow = String::new();
                        write_formatted(&mut slow, v, (v.abs() * scale).round() / scale, d, l, trim);
                        assert_eq!(fast, slow, "{v} {d} {l:?} {trim}");
                        assert_eq!(fast, reference(v, d, l, trim), "{v} {d} {l:?} {trim}");
                    }
                }
            }
        }
    }

    /// The formatting as it was written first, through `format!` and a trim of the text.
    fn reference(value: f64, decimals: u8, locale: Locale, trim: bool) -> String {
        if !value.is_finite() {
            return "—".to_string();
        }
        let decimals = decimals.min(6);
        let scale = 10f64.powi(i32::from(decimals));
        let rounded = (value.abs() * scale).round() / scale;
        let fixed = format!("{:.*}", usize::from(decimals), rounded);
        let (int_part, frac_part) = match fixed.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (fixed.as_str(), None),
        };
        let (group_sep, decimal_sep) = separators(locale);
        let digits: Vec<char> = int_part.chars().collect();
        let mut grouped = String::new();
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
        if trim && out.contains(decimal_sep) {
            out.trim_end_matches('0').trim_end_matches(decimal_sep).to_string()
        } else {
            out
        }
    }
}
