//! Number cells, read by the convention of the file's delimiter, and never rescaled.
//!
//! - A `,` file writes numbers the English way without thousands separators: `62.5`,
//!   `1240`, `1.240` (one point two four). A comma inside a (quoted) number is refused.
//! - A `;` file writes them the Vietnamese way: a decimal comma (`62,5`), dots grouping
//!   thousands (`1.240`, `1.240,5`, `12.345.678`). A point that cannot group thousands is a
//!   decimal point (`62.5`, `0.125`). The English forms `1,234.5` and `1,234,567` are
//!   refused: read by the file's convention they would be a thousand times too small.
//! - Under both, spaces may group the digits before the decimal separator in threes
//!   (`1 240,5`); any other space in a number is refused.
//!
//! Two forms of a `;` file can be read both ways: `1.240` (1240, or 1.24 with a decimal
//! point) and `1,234` (1.234, or 1234 with a thousands comma). They are read by the
//! convention, which holds as long as the file keeps to it; a file that also writes a decimal
//! point somewhere (`62.5`) does not, and [`Cell::Ambiguous`] lets the reader refuse them
//! there (see `super::read_csv`).

/// How a file writes numbers, from its delimiter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Convention {
    /// `,` files: `62.5`, no thousands separator.
    DecimalPoint,
    /// `;` files: `62,5`, `1.240,5`.
    DecimalComma,
}

/// A number cell that was read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Cell {
    /// The one reading of the cell.
    Number(f64),
    /// The reading by the convention, and the other one (`1.240`: 1240, or 1.24).
    Ambiguous { value: f64, other: f64 },
    /// A decimal point in a `;` file, where it can only be one (`62.5`): the file does not
    /// keep to its convention, so its ambiguous cells cannot be read by it.
    DecimalPoint(f64),
}

impl Cell {
    pub(crate) fn value(self) -> f64 {
        match self {
            Cell::Number(v) | Cell::DecimalPoint(v) | Cell::Ambiguous { value: v, .. } => v,
        }
    }
}

pub(crate) use crate::error::csv::Refused;

/// Reads a trimmed, non-empty number cell.
pub(crate) fn read(cell: &str, convention: Convention) -> Result<Cell, Refused> {
    match plain(cell, convention) {
        Some(v) => Ok(Cell::Number(v)),
        None => read_grouped(cell, convention),
    }
}

/// The common cell, read without allocating: digits with at most one decimal separator of the
/// convention and nothing else (`61`, `82.5` under `,`; `62,5` under `;`), and not a form that
/// reads two ways (`1,234` under `;`). `None` sends the cell to [`read_grouped`].
fn plain(cell: &str, convention: Convention) -> Option<f64> {
    let separator = match convention {
        Convention::DecimalPoint => b'.',
        Convention::DecimalComma => b',',
    };
    let bytes = cell.as_bytes();
    let body = bytes
        .strip_prefix(b"-")
        .or_else(|| bytes.strip_prefix(b"+"))
        .unwrap_or(bytes);
    let at = body.iter().position(|b| *b == separator);
    let (int, frac) = match at {
        Some(i) => (body.get(..i)?, body.get(i + 1..)?),
        None => (body, &b""[..]),
    };
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    if body.len() > 32 || !digits(int) || !digits(frac) || (int.is_empty() && frac.is_empty()) {
        return None;
    }
    if convention == Convention::DecimalComma
        && at.is_some()
        && frac.len() == 3
        && (1..=3).contains(&int.len())
        && int.first() != Some(&b'0')
    {
        return None;
    }
    let mut buffer = [0u8; 34];
    let text = buffer.get_mut(..bytes.len())?;
    text.copy_from_slice(bytes);
    if let Some(slot) = at.and_then(|i| text.get_mut(bytes.len() - body.len() + i)) {
        *slot = b'.';
    }
    let v = super::super::decimal::parse_f64(std::str::from_utf8(text).ok()?)?;
    Some(if v == 0.0 { 0.0 } else { v })
}

/// Any other cell: grouped digits, exponents, the forms that read two ways, and what is
/// refused.
fn read_grouped(cell: &str, convention: Convention) -> Result<Cell, Refused> {
    let (negative, body) = match cell.as_bytes().first() {
        Some(b'-') => (true, cell.get(1..).unwrap_or_default()),
        Some(b'+') => (false, cell.get(1..).unwrap_or_default()),
        _ => (false, cell),
    };
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | 'e' | 'E' | '+' | '-') || c.is_whitespace())
    {
        return Err(Refused::NotANumber);
    }
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let (cell, other) = match convention {
        Convention::DecimalPoint => {
            if commas > 0 {
                return Err(Refused::CommaInDecimalPointFile);
            }
            if dots > 1 {
                return Err(Refused::BadGrouping);
            }
            let (int, frac) = split_once(body, '.');
            (Kind::Plain(number(negative, spaced(int)?, frac)?), None)
        }
        Convention::DecimalComma if commas > 1 => return Err(Refused::EnglishForm),
        Convention::DecimalComma if commas == 1 => {
            let (int, frac) = split_once(body, ',');
            let frac = frac.unwrap_or_default();
            if frac.contains('.') {
                return Err(Refused::EnglishForm);
            }
            if frac.contains(char::is_whitespace) {
                return Err(Refused::BadGrouping);
            }
            let digits = grouped(int)?;
            let value = number(negative, digits.clone(), Some(frac))?;
            // `1,234`: one to three digits, then three: also a thousands comma.
            let other = (digits == int && is_group_head(int) && is_group(frac))
                .then(|| number(negative, format!("{int}{frac}"), None))
                .transpose()?;
            (Kind::Plain(value), other)
        }
        Convention::DecimalComma => {
            if dots == 0 {
                (Kind::Plain(number(negative, spaced(body)?, None)?), None)
            } else if let Ok(digits) = dotted(body) {
                let value = number(negative, digits, None)?;
                // `1.240`: also one point two four.
                let other = if dots == 1 && !body.contains(char::is_whitespace) {
                    let (int, frac) = split_once(body, '.');
                    Some(number(negative, int.to_string(), frac)?)
                } else {
                    None
                };
                (Kind::Plain(value), other)
            } else if dots == 1 {
                let (int, frac) = split_once(body, '.');
                if frac.is_some_and(|f| f.contains(char::is_whitespace)) {
                    return Err(Refused::BadGrouping);
                }
                (Kind::Point(number(negative, spaced(int)?, frac)?), None)
            } else {
                return Err(Refused::BadGrouping);
            }
        }
    };
    Ok(match (cell, other) {
        (Kind::Plain(value), Some(other)) => Cell::Ambiguous { value, other },
        (Kind::Plain(v), None) => Cell::Number(v),
        (Kind::Point(v), _) => Cell::DecimalPoint(v),
    })
}

enum Kind {
    Plain(f64),
    Point(f64),
}

fn split_once(s: &str, sep: char) -> (&str, Option<&str>) {
    match s.split_once(sep) {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    }
}

/// 1 to 3 digits, not starting with `0`: the first group of a grouped number.
fn is_group_head(s: &str) -> bool {
    (1..=3).contains(&s.len()) && !s.starts_with('0') && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_group(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Digits grouped in threes by one kind of separator (`1.240`, `1 240`), or not grouped.
fn grouped_by(s: &str, is_sep: impl Fn(char) -> bool) -> Option<String> {
    if !s.contains(&is_sep) {
        return Some(s.to_string());
    }
    let mut groups = s.split(is_sep);
    let head = groups.next().unwrap_or_default();
    let mut digits = head.to_string();
    if !is_group_head(head) {
        return None;
    }
    for g in groups {
        if !is_group(g) {
            return None;
        }
        digits.push_str(g);
    }
    Some(digits)
}

/// An integer part grouped by spaces, or not at all.
fn spaced(s: &str) -> Result<String, Refused> {
    grouped_by(s, char::is_whitespace).ok_or(Refused::BadGrouping)
}

/// An integer part grouped by dots (at least one).
fn dotted(s: &str) -> Result<String, Refused> {
    if s.contains(char::is_whitespace) {
        return Err(Refused::BadGrouping);
    }
    grouped_by(s, |c| c == '.').ok_or(Refused::BadGrouping)
}

/// An integer part grouped by dots or by spaces, or not at all.
fn grouped(s: &str) -> Result<String, Refused> {
    if s.contains('.') {
        dotted(s)
    } else {
        spaced(s)
    }
}

/// The number of an integer part's digits and a fraction (digits, then maybe an exponent).
fn number(negative: bool, int: String, frac: Option<&str>) -> Result<f64, Refused> {
    let mut text = int;
    if let Some(f) = frac {
        text.push('.');
        text.push_str(f);
    }
    // The grammar of `decimal::parse_f64`, less `inf` and `nan` (refused above).
    let v = super::super::decimal::parse_f64(&text)
        .filter(|v| v.is_finite())
        .ok_or(Refused::NotANumber)?;
    // `-0` reads as 0, as a whole number in JSON does.
    Ok(if v == 0.0 {
        0.0
    } else if negative {
        -v
    } else {
        v
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comma(s: &str) -> Result<Cell, Refused> {
        read(s, Convention::DecimalComma)
    }

    fn point(s: &str) -> Result<Cell, Refused> {
        read(s, Convention::DecimalPoint)
    }

    #[test]
    fn semicolon_files_read_the_vietnamese_forms() {
        assert_eq!(comma("62,5"), Ok(Cell::Number(62.5)));
        assert_eq!(comma("1.240,5"), Ok(Cell::Number(1240.5)));
        assert_eq!(comma("12.345.678"), Ok(Cell::Number(12_345_678.0)));
        assert_eq!(comma("12.345.678,25"), Ok(Cell::Number(12_345_678.25)));
        assert_eq!(comma("1 240,5"), Ok(Cell::Number(1240.5)));
        assert_eq!(comma("1240"), Ok(Cell::Number(1240.0)));
        assert_eq!(comma("-3,5"), Ok(Cell::Number(-3.5)));
        assert_eq!(comma("0,125"), Ok(Cell::Number(0.125)));
        assert_eq!(comma("-0"), Ok(Cell::Number(0.0)));
        assert_eq!(comma("1,5e3"), Ok(Cell::Number(1500.0)));
    }

    #[test]
    fn semicolon_files_flag_what_reads_two_ways() {
        assert_eq!(
            comma("1.240"),
            Ok(Cell::Ambiguous {
                value: 1240.0,
                other: 1.24
            })
        );
        assert_eq!(
            comma("1,234"),
            Ok(Cell::Ambiguous {
                value: 1.234,
                other: 1234.0
            })
        );
        assert_eq!(
            comma("-100.000"),
            Ok(Cell::Ambiguous {
                value: -100_000.0,
                other: -100.0
            })
        );
        assert_eq!(comma("62.5"), Ok(Cell::DecimalPoint(62.5)));
        assert_eq!(comma("0.125"), Ok(Cell::DecimalPoint(0.125)));
        assert_eq!(comma("1234.5"), Ok(Cell::DecimalPoint(1234.5)));
    }

    #[test]
    fn semicolon_files_refuse_english_thousands_and_bad_groups() {
        assert_eq!(comma("1,234.5"), Err(Refused::EnglishForm));
        assert_eq!(comma("1,234,567"), Err(Refused::EnglishForm));
        assert_eq!(comma("1.24,5"), Err(Refused::BadGrouping));
        assert_eq!(comma("1.2345,6"), Err(Refused::BadGrouping));
        assert_eq!(comma("1.2.3"), Err(Refused::BadGrouping));
        assert_eq!(comma("62 5"), Err(Refused::BadGrouping));
        assert_eq!(comma("1.240 500"), Err(Refused::BadGrouping));
        assert_eq!(comma("1,2 5"), Err(Refused::BadGrouping));
        assert_eq!(comma("NaN"), Err(Refused::NotANumber));
        assert_eq!(comma("inf"), Err(Refused::NotANumber));
        assert_eq!(comma("62,5%"), Err(Refused::NotANumber));
        assert_eq!(comma(","), Err(Refused::NotANumber));
    }

    #[test]
    fn comma_files_read_a_decimal_point_only() {
        assert_eq!(point("62.5"), Ok(Cell::Number(62.5)));
        assert_eq!(point("1.240"), Ok(Cell::Number(1.24)));
        assert_eq!(point("1 240.5"), Ok(Cell::Number(1240.5)));
        assert_eq!(point("1e3"), Ok(Cell::Number(1000.0)));
        assert_eq!(point(".5"), Ok(Cell::Number(0.5)));
        assert_eq!(point("62,5"), Err(Refused::CommaInDecimalPointFile));
        assert_eq!(point("1,240.5"), Err(Refused::CommaInDecimalPointFile));
        assert_eq!(point("12.345.678"), Err(Refused::BadGrouping));
        assert_eq!(point("12 34"), Err(Refused::BadGrouping));
        assert_eq!(point("-inf"), Err(Refused::NotANumber));
        assert_eq!(point("1e999"), Err(Refused::NotANumber));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The allocation-free reading of plain cells is the general reading.
        #[test]
        fn plain_cells_read_as_the_general_reader_reads_them(s in "[-+]?[0-9]{0,12}([.,][0-9]{0,6})?") {
            for convention in [Convention::DecimalPoint, Convention::DecimalComma] {
                if let Some(v) = plain(&s, convention) {
                    proptest::prop_assert_eq!(read_grouped(&s, convention).map(Cell::value), Ok(v), "{}", s);
                }
            }
        }
    }
}
