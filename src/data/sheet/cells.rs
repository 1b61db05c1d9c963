//! A cell of a data row: its figure (a number however the sheet writes it, empty, a dash),
//! its period, its unit; and the notes kept along the way (formulas, percentages, numbers
//! that read two ways).

use super::grid::{number_text, Cell, Format, Sheet, Value1};
use super::period::{self, NotAPeriod};
use super::text::{fold, loose};
use crate::data::csv::number::{self, Convention};
use crate::error::sheet::{self as problem, NotANumber};
use crate::error::Error;

/// Folded unit cell text with the punctuation a totals label may end with dropped.
pub(super) fn is_total(folded: &str, labels: &[String]) -> bool {
    let t = folded.trim_end_matches(|c: char| !c.is_alphanumeric());
    labels
        .iter()
        .any(|l| t == l || (l.contains(' ') && t.starts_with(&format!("{l} "))))
}

/// Text that says "no figure".
pub(super) fn is_dash(t: &str) -> bool {
    matches!(
        fold(t).as_str(),
        "-" | "–" | "—" | "x" | "n/a" | "na" | "k/c" | "không có" | "..." | "…"
    )
}

/// A unit's words that a loose match of names drops.
pub(super) fn without_prefix(loose_name: &str) -> &str {
    for p in ["ủybannhândân", "ubnd"] {
        if let Some(rest) = loose_name.strip_prefix(p) {
            return rest;
        }
    }
    loose_name
}

/// A percentage stored as a fraction, read as written in percent: the decimal point moved
/// two places in the shortest text of the number, so 0.853 is 85.3 exactly.
pub(super) fn percent_of_fraction(v: f64) -> Option<f64> {
    let text = number_text(v.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut digits = format!("{int}{frac:0<2}");
    digits.insert(int.len() + 2, '.');
    let out = crate::data::decimal::parse_f64(&digits)?;
    Some(if v < 0.0 { -out } else { out })
}

/// Per column, the cells that held formulas: the first and last row and how many.
#[derive(Default)]
pub(super) struct Runs(pub(super) Vec<(usize, usize, usize, usize)>);

impl Runs {
    pub(super) fn note(&mut self, col: usize, row: usize) {
        match self.0.iter_mut().find(|r| r.0 == col) {
            Some(r) => {
                r.2 = r.2.max(row);
                r.3 += 1;
            }
            None => self.0.push((col, row, row, 1)),
        }
    }
}

/// The cell's figure, when it has one.
pub(super) enum Figure {
    Number(f64),
    Empty,
    Dash,
}

pub(super) struct Numbers {
    pub(super) convention: Convention,
    /// The first decimal point in a comma sheet (`62.5`), where.
    pub(super) point: Option<String>,
    /// Cells that read two ways by the convention (`1.240`): where, text, both readings.
    pub(super) ambiguous: Vec<(String, String, f64, f64)>,
}

pub(super) fn range_at(sheet: &Sheet, first: usize, last: usize, col: usize) -> String {
    if first == last {
        sheet.at(first, col)
    } else {
        sheet.at_cells(&format!(
            "{}:{}",
            super::grid::a1(first, col),
            super::grid::a1(last, col)
        ))
    }
}

/// The unit id of a folded name: exactly, or loosely when only one name matches.
pub(super) fn unit_of(table: &[(String, String)], folded: &str) -> Option<(String, bool)> {
    if let Ok(i) = table.binary_search_by(|(n, _)| n.as_str().cmp(folded)) {
        return table.get(i).map(|(_, id)| (id.clone(), true));
    }
    let want = loose(folded);
    let want = without_prefix(&want);
    let found: Vec<&String> = table
        .iter()
        .filter(|(n, _)| without_prefix(&loose(n)) == want)
        .map(|(_, id)| id)
        .collect();
    match found.as_slice() {
        [id] => Some(((*id).clone(), false)),
        _ => None,
    }
}

pub(super) fn period_cell(cell: &Cell, date: Option<period::Granularity>, at: &str) -> Result<(String, bool), Error> {
    let invalid = |text: &str, why: NotAPeriod| -> Error { problem::invalid_period(at, text, why) };
    match &cell.value {
        Value1::Number(n) => {
            if let Some(g) = date {
                let p = period::excel_date(*n).and_then(|d| period::period_of(d, g));
                return p
                    .map(|p| (period::engine_text(p), true))
                    .ok_or_else(|| invalid(&number_text(*n), NotAPeriod::Unknown));
            }
            // A year written as a number.
            #[allow(clippy::cast_possible_truncation)]
            if cell.format != Format::Date
                && n.fract() == 0.0
                && crate::data::YEARS.contains(&(*n as i32))
                && *n < 3000.0
            {
                return Ok((number_text(*n), false));
            }
            let day = period::excel_date(*n)
                .map(|d| format!("{:02}/{:02}/{}", d.day, d.month, d.year))
                .unwrap_or_default();
            Err(problem::date_as_number(at, &number_text(*n), &day))
        }
        Value1::Text(t) => {
            if let Some(g) = date {
                if let Some(p) = period::day_text(t).and_then(|d| period::period_of(d, g)) {
                    return Ok((period::engine_text(p), true));
                }
            }
            period::parse(&fold(t))
                .map(|p| (period::engine_text(p), false))
                .map_err(|why| invalid(t, why))
        }
        Value1::Empty => Err(problem::no_period(at)),
        Value1::Bool(b) => Err(invalid(&b.to_string(), NotAPeriod::Unknown)),
    }
}

/// A figure cell: a number (Excel's, or text written the sheet's way, `85,3 %` in a value
/// column), empty, or a dash.
pub(super) fn figure(cell: &Cell, field: &str, at: &str, numbers: &mut Numbers) -> Result<Figure, Error> {
    let not_number = |shown: &str, why: NotANumber| -> Error { problem::invalid_number(at, shown, why) };
    match &cell.value {
        Value1::Empty => Ok(Figure::Empty),
        Value1::Number(n) => Ok(Figure::Number(*n)),
        Value1::Bool(b) => Err(not_number(&b.to_string(), NotANumber::Plain)),
        Value1::Text(t) => {
            if is_dash(t) {
                return Ok(Figure::Dash);
            }
            let spaces = |c: char| c.is_whitespace() || c == '\u{200B}';
            let mut s = t.trim_matches(spaces);
            if let Some(rest) = s.strip_suffix('%') {
                if field != "value" {
                    return Err(not_number(t, NotANumber::PercentInCount(field)));
                }
                s = rest.trim_matches(spaces);
            }
            // Spaces grouping thousands may be no-break spaces: one ordinary space each.
            let s: String = s.chars().map(|c| if spaces(c) { ' ' } else { c }).collect();
            match number::read(&s, numbers.convention) {
                Ok(number::Cell::Number(v)) => Ok(Figure::Number(v)),
                Ok(number::Cell::DecimalPoint(v)) => {
                    numbers.point.get_or_insert_with(|| at.to_string());
                    Ok(Figure::Number(v))
                }
                Ok(number::Cell::Ambiguous { value, other }) => {
                    if numbers.ambiguous.len() < crate::data::MAX_ERRORS {
                        numbers.ambiguous.push((at.to_string(), t.clone(), value, other));
                    }
                    Ok(Figure::Number(value))
                }
                Err(why) => Err(not_number(t, NotANumber::Refused(why))),
            }
        }
    }
}

/// A comma sheet that also writes a decimal point does not keep to its convention: its cells
/// that read two ways are refused rather than guessed.
pub(super) fn conclude_numbers(numbers: Numbers, errors: &mut Vec<Error>) {
    let Some(point) = numbers.point else {
        return;
    };
    for (at, text, value, other) in numbers.ambiguous {
        let (v, o) = (number_text(value), number_text(other));
        errors.push(problem::ambiguous_number(&at, &text, (&v, &o), &point));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_stored_as_fractions() {
        assert_eq!(percent_of_fraction(0.853), Some(85.3));
        assert_eq!(percent_of_fraction(1.0), Some(100.0));
        assert_eq!(percent_of_fraction(0.5), Some(50.0));
        assert_eq!(percent_of_fraction(0.00125), Some(0.125));
        assert_eq!(percent_of_fraction(0.0), Some(0.0));
        assert_eq!(percent_of_fraction(-0.1), Some(-10.0));
        assert_eq!(percent_of_fraction(12.345_678), Some(1234.5678));
    }

    #[test]
    fn totals_labels() {
        let labels: Vec<String> = ["tổng cộng", "tổng số", "tổng", "cộng"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(is_total("tổng cộng", &labels));
        assert!(is_total("tổng cộng:", &labels));
        assert!(is_total("tổng cộng toàn tỉnh", &labels));
        assert!(is_total("cộng", &labels));
        assert!(!is_total("cộng hòa", &labels));
        assert!(!is_total("xã tổng", &labels));
    }
}
