//! Reporting periods as sheets write them ("Kỳ báo cáo"), and dates as Excel stores them.
//!
//! Read, after folding ([`super::text::fold`]): the engine's own forms (`2026`, `2026-Q3`,
//! `2026-H1`, `2026-10`); `Năm 2026`; `Quý 3/2026`, `Quý III/2026`, `Quý 3 năm 2026`,
//! `Q3/2026`; `Tháng 10/2026`, `Tháng 10 năm 2026`, `T10/2026`, `10/2026`; `6 tháng đầu năm
//! 2026` (H1) and `6 tháng cuối năm 2026` (H2). Nothing else is guessed: `9 tháng đầu năm`
//! (January to September) is no period of the engine, and a date is read only where the
//! mapping says the column holds dates.

use crate::data::{Date, Part, Period};

pub(crate) use crate::error::sheet::NotAPeriod;

/// The engine's text of a period (`2026-Q3`).
pub(crate) fn engine_text(p: Period) -> String {
    match p.part {
        Part::Year => format!("{}", p.year),
        Part::Half(h) => format!("{}-H{h}", p.year),
        Part::Quarter(q) => format!("{}-Q{q}", p.year),
        Part::Month(m) => format!("{}-{m:02}", p.year),
    }
}

fn year(s: &str) -> Option<i32> {
    let s = s.trim();
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn small(s: &str, roman: bool) -> Option<u8> {
    let s = s.trim();
    if roman {
        let r = match s {
            "i" => Some(1),
            "ii" => Some(2),
            "iii" => Some(3),
            "iv" => Some(4),
            _ => None,
        };
        if r.is_some() {
            return r;
        }
    }
    (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `N/YYYY`, `N-YYYY`, `N năm YYYY`, `N YYYY` (the rest after a word such as `quý`).
fn number_and_year(rest: &str, roman: bool) -> Option<(u8, i32)> {
    let rest = rest.trim();
    for sep in ["/", "-", " năm ", " nam ", " "] {
        if let Some((n, y)) = rest.split_once(sep) {
            if let (Some(n), Some(y)) = (small(n, roman), year(y)) {
                return Some((n, y));
            }
        }
    }
    None
}

/// Reads a period cell's folded text.
pub(crate) fn parse(folded: &str) -> Result<Period, NotAPeriod> {
    let s = folded.trim();
    if let Ok(p) = Period::parse(s) {
        return Ok(p);
    }
    let make = |year: i32, part: Part| -> Result<Period, NotAPeriod> {
        let text = engine_text(Period { year, part });
        Period::parse(&text).map_err(|_| NotAPeriod::Unknown)
    };
    for word in ["năm ", "nam "] {
        if let Some(y) = s.strip_prefix(word).and_then(year) {
            return make(y, Part::Year);
        }
    }
    for word in ["quý ", "quý", "quy ", "q"] {
        if let Some((q, y)) = s.strip_prefix(word).and_then(|r| number_and_year(r, true)) {
            return if (1..=4).contains(&q) {
                make(y, Part::Quarter(q))
            } else {
                Err(NotAPeriod::Unknown)
            };
        }
    }
    for word in ["tháng ", "thang ", "t", ""] {
        if let Some((m, y)) = s.strip_prefix(word).and_then(|r| number_and_year(r, false)) {
            return if (1..=12).contains(&m) {
                make(y, Part::Month(m))
            } else {
                Err(NotAPeriod::Unknown)
            };
        }
    }
    for (prefix, half) in [
        ("6 tháng đầu năm ", 1),
        ("sáu tháng đầu năm ", 1),
        ("6 tháng cuối năm ", 2),
        ("sáu tháng cuối năm ", 2),
    ] {
        if let Some(y) = s.strip_prefix(prefix).and_then(year) {
            return make(y, Part::Half(half));
        }
    }
    if s.contains("tháng đầu năm") {
        return Err(NotAPeriod::Cumulative);
    }
    Err(NotAPeriod::Unknown)
}

/// The day of an Excel serial number (1900 date system: 1 is 1 January 1900; Excel also
/// counts a 29 February 1900 that never was, serial 60, refused). The time of day is dropped.
pub(crate) fn excel_date(serial: f64) -> Option<Date> {
    if !serial.is_finite() || !(1.0..3_000_000.0).contains(&serial) {
        return None;
    }
    // In range and floored: exact.
    #[allow(clippy::cast_possible_truncation)]
    let whole = serial.floor() as i64;
    if whole == 60 {
        return None;
    }
    // Days since 1970-01-01 of 1899-12-30 is -25 569; before serial 60 Excel is one day ahead.
    let days = if whole < 60 { whole - 25_568 } else { whole - 25_569 };
    let d = civil_from_days(days);
    Date::parse(&format!("{:04}-{:02}-{:02}", d.0, d.1, d.2))
}

/// Howard Hinnant's `civil_from_days`: (year, month, day) of days since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    // d in 1..=31 and m in 1..=12.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    (if m <= 2 { y + 1 } else { y }, m as u32, d as u32)
}

/// A date written `dd/mm/yyyy` (or with `-` or `.`), as Vietnamese sheets write days.
pub(crate) fn day_text(s: &str) -> Option<Date> {
    let parts: Vec<&str> = s.trim().split(['/', '-', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let (d, m, y) = (small(d, false)?, small(m, false)?, year(y)?);
    Date::parse(&format!("{y:04}-{m:02}-{d:02}"))
}

/// How a date column is read into periods (the mapping's `date`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Granularity {
    Year,
    Half,
    Quarter,
    Month,
}

/// The period of `granularity` that holds `date`.
pub(crate) fn period_of(date: Date, granularity: Granularity) -> Option<Period> {
    // month is 1..=12: fits a u8.
    let month = u8::try_from(date.month).ok()?;
    let part = match granularity {
        Granularity::Year => Part::Year,
        Granularity::Half => Part::Half(if month <= 6 { 1 } else { 2 }),
        Granularity::Quarter => Part::Quarter((month - 1) / 3 + 1),
        Granularity::Month => Part::Month(month),
    };
    Some(Period { year: date.year, part })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sheet::text::fold;

    fn read(s: &str) -> Option<String> {
        parse(&fold(s)).ok().map(engine_text)
    }

    #[test]
    fn vietnamese_periods() {
        assert_eq!(read("Quý 3/2026").as_deref(), Some("2026-Q3"));
        assert_eq!(read("QUÝ III/2026").as_deref(), Some("2026-Q3"));
        assert_eq!(read("Quý 3 năm 2026").as_deref(), Some("2026-Q3"));
        assert_eq!(read("Q4-2026").as_deref(), Some("2026-Q4"));
        assert_eq!(read("Tháng 10/2026").as_deref(), Some("2026-10"));
        assert_eq!(read("tháng 1 năm 2026").as_deref(), Some("2026-01"));
        assert_eq!(read("T10/2026").as_deref(), Some("2026-10"));
        assert_eq!(read("10/2026").as_deref(), Some("2026-10"));
        assert_eq!(read("Năm 2026").as_deref(), Some("2026"));
        assert_eq!(read("2026").as_deref(), Some("2026"));
        assert_eq!(read("2026-q2").as_deref(), Some("2026-Q2"));
        assert_eq!(read("6 tháng đầu năm 2026").as_deref(), Some("2026-H1"));
        assert_eq!(read("6 tháng cuối năm 2026").as_deref(), Some("2026-H2"));
        assert_eq!(read("Quý 5/2026"), None);
        assert_eq!(read("Tháng 13/2026"), None);
        assert_eq!(parse(&fold("9 tháng đầu năm 2026")), Err(NotAPeriod::Cumulative));
        assert_eq!(read("hôm qua"), None);
    }

    #[test]
    fn excel_serials() {
        let text = |s: f64| excel_date(s).map(|d| format!("{}-{:02}-{:02}", d.year, d.month, d.day));
        assert_eq!(text(1.0).as_deref(), Some("1900-01-01"));
        assert_eq!(text(59.0).as_deref(), Some("1900-02-28"));
        assert_eq!(text(60.0), None);
        assert_eq!(text(61.0).as_deref(), Some("1900-03-01"));
        assert_eq!(text(46_295.0).as_deref(), Some("2026-09-30"));
        assert_eq!(text(46_295.75).as_deref(), Some("2026-09-30"));
        assert_eq!(text(0.0), None);
        assert_eq!(text(f64::NAN), None);
        assert_eq!(day_text("30/09/2026").map(|d| d.month), Some(9));
    }
}
