//! The words of the sentences: days, figures of an indicator's kind, gaps, level nouns.

use crate::data::Date;
use crate::messages::{push_percent_trimmed, push_trimmed, Locale};
use crate::plan::{Indicator, Level, Measure};

/// A day as a sentence writes it: `30/06/2025`, `30 June 2025`.
pub(super) fn push_day(out: &mut String, d: Date, l: Locale) {
    use std::fmt::Write;
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let _ = match l {
        Locale::Vi => write!(out, "{:02}/{:02}/{}", d.day, d.month, d.year),
        Locale::En => write!(
            out,
            "{} {} {}",
            d.day,
            MONTHS.get(d.month.saturating_sub(1) as usize).copied().unwrap_or(""),
            d.year
        ),
    };
}

/// A figure of the indicator's kind: a percentage, or a rank.
pub(super) fn push_figure(out: &mut String, ind: &Indicator, v: f64, l: Locale) {
    match ind.measure {
        Measure::Rank => {
            out.push_str(match l {
                Locale::Vi => "hạng ",
                Locale::En => "rank ",
            });
            push_trimmed(out, v, 0, l);
        }
        _ => push_percent_trimmed(out, v, 2, l),
    }
}

pub(super) fn figure(ind: &Indicator, v: f64, l: Locale) -> String {
    let mut out = String::new();
    push_figure(&mut out, ind, v, l);
    out
}

/// A positive gap is never shown as 0.
pub(super) fn push_gap(out: &mut String, g: f64, decimals: u8, l: Locale) {
    let (v, d) = crate::evaluate::display::shown(
        g,
        decimals,
        &[crate::evaluate::display::Threshold {
            value: 0.0,
            comparator: crate::plan::Comparator::Lte,
        }],
    );
    push_trimmed(out, v, d, l);
}

/// Appends the decimal digits of `n`.
pub(super) fn push_int(out: &mut String, n: i32) {
    use std::fmt::Write;
    let _ = write!(out, "{n}");
}

/// Whether `s` is the year `y` written out (what `y.to_string()` gives).
pub(super) fn is_year_text(s: &str, y: i32) -> bool {
    y >= 0
        && !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_digit())
        && (s.len() == 1 || !s.starts_with('0'))
        && s.parse::<i32>().is_ok_and(|v| v == y)
}

/// `s` with its first letter in upper case (`Cấp huyện`). Only an ASCII first letter is
/// raised: the names given here (the levels' Vietnamese names, `Level::name`) all begin with
/// one (tested), and `char::to_uppercase`'s tables cost 8.9 KiB gzipped of the widgets' `.wasm`.
pub(super) fn capitalize(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

pub(super) fn level_noun(level: Level, n: u32, l: Locale) -> &'static str {
    match (l, level, n == 1) {
        (Locale::Vi, Level::City, _) => "đơn vị cấp thành phố",
        (Locale::Vi, Level::District, _) => "đơn vị cấp huyện",
        (Locale::Vi, Level::Commune, _) => "đơn vị cấp xã",
        (Locale::En, Level::City, true) => "city-level unit",
        (Locale::En, Level::City, false) => "city-level units",
        (Locale::En, Level::District, true) => "district",
        (Locale::En, Level::District, false) => "districts",
        (Locale::En, Level::Commune, true) => "commune",
        (Locale::En, Level::Commune, false) => "communes",
        (Locale::Vi, Level::Department, _) => "sở, ban, ngành",
        (Locale::En, Level::Department, true) => "department",
        (Locale::En, Level::Department, false) => "departments",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names `capitalize` is given read as `char::to_uppercase` writes them.
    #[test]
    fn capitalized_names_are_the_standard_librarys() {
        for level in Level::EVERY {
            let name = level.name().vi;
            let mut c = name.chars();
            let std: String = c
                .next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default();
            assert_eq!(capitalize(&name), std);
            assert_ne!(capitalize(&name), name, "{name} begins with a letter");
        }
        assert_eq!(capitalize(""), "");
        assert_eq!(capitalize("đơn vị"), "đơn vị");
    }
}
