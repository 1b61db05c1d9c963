//! Observations as CSV text, the way portals export them.
//!
//! The header names the columns, in any order:
//! `indicator,unit,period,value,numerator,denominator,rank,count,done,source`.
//! `indicator`, `unit` and `period` are required; other columns are ignored and reported once
//! as a finding. Cells:
//! - the text must be UTF-8: a replacement character (`U+FFFD`, what a decoder leaves of
//!   bytes that are not UTF-8) is the error `CSV_NOT_UTF8`, since the names are already lost;
//! - a UTF-8 byte-order mark is accepted; the delimiter is `,` or `;`, whichever the header
//!   line uses more of;
//! - with `;` a number may be written the Vietnamese way: a decimal comma (`62,5`) and dots
//!   grouping thousands (`1.240`, `1.240,5`); a dot not followed by groups of three digits
//!   stays a decimal point (`62.5`). Spaces inside numbers are ignored;
//! - an empty cell is an absent value;
//! - `done` is `true`/`false`, `1`/`0`, `có`/`không` (also unaccented) or `yes`/`no`, any case.
//!
//! Each data row becomes one observation of the JSON input, so a CSV and the JSON of the
//! same data give the same report; errors name the row as `$.observations[i]` (data row `i`,
//! 0-based) and the line of the file.

use serde_json::Value;

use super::input::{clip, CsvRow, Input, RowReader, NUMBER_FIELDS};
use crate::error::{Error, ErrorCode, Errors};

/// The columns an observation row may have: an observation's JSON fields, one per column.
pub const CSV_COLUMNS: &[&str] = super::input::OBSERVATION_FIELDS;

const REQUIRED: &[&str] = &["indicator", "unit", "period"];

/// Where the cells of a column go in a [`CsvRow`].
#[derive(Clone, Copy)]
enum Column {
    Indicator,
    Unit,
    Period,
    Source,
    Number(usize),
    Done,
    Ignored,
}

impl Column {
    fn of(header: &str) -> Column {
        match header {
            "indicator" => Column::Indicator,
            "unit" => Column::Unit,
            "period" => Column::Period,
            "source" => Column::Source,
            "done" => Column::Done,
            h => NUMBER_FIELDS
                .iter()
                .position(|f| *f == h)
                .map_or(Column::Ignored, Column::Number),
        }
    }
}

/// An input read from CSV, with the columns that were ignored.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvInput {
    pub input: Input,
    /// Header names that are not observation fields, in file order.
    pub extra_columns: Vec<String>,
}

/// Reads observations from `text`, and the rest of the input (asOf, locale, options,
/// units) from `rest`, an object like the JSON input without `observations`.
pub fn read_csv(text: &str, rest: &Value) -> Result<CsvInput, Errors> {
    super::input::check_text_size(text, "CSV")?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(at) = text.find('\u{fffd}') {
        return Err(Errors::one(not_utf8(text, at)));
    }
    let header_line = text.lines().next().unwrap_or("");
    let delimiter = if header_line.matches(';').count() > header_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(false)
        // Fields are trimmed below: csv's own trim copies every record twice.
        .trim(csv::Trim::Headers)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error("$", &e))?
        .iter()
        .map(|h| super::lowercase::to_lowercase(h.trim()))
        .collect();
    let mut errors = Vec::new();
    for column in REQUIRED {
        if !headers.iter().any(|h| h == column) {
            errors.push(Error::new(
                ErrorCode::CsvMissingColumn,
                "$",
                format!("tệp CSV thiếu cột bắt buộc `{column}`"),
                format!("the CSV has no `{column}` column, which is required"),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(Errors(errors));
    }
    let mut extra_columns = Vec::new();
    for h in &headers {
        if !CSV_COLUMNS.contains(&h.as_str()) && !extra_columns.contains(h) {
            extra_columns.push(h.clone());
        }
    }

    let columns: Vec<Column> = headers.iter().map(|h| Column::of(h)).collect();
    // Each row is read into an observation as soon as it is parsed (after the rest of the
    // input, so errors keep their order); when `rest` itself is refused below, nobody reads.
    let mut reader_of_rows = match rest {
        Value::Object(map) if !map.contains_key("observations") => Some(RowReader::new(map)),
        _ => None,
    };
    let mut rows = 0usize;
    let mut lines = Vec::new();
    // One record, reused for every row (what `records()` would clone for each).
    let mut record = csv::StringRecord::new();
    for i in 0.. {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                errors.push(csv_error(&format!("$.observations[{i}]"), &e));
                if errors.len() >= super::input::MAX_ERRORS {
                    break;
                }
                continue;
            }
        }
        let path = |h: &str| format!("$.observations[{i}].{h}");
        let line = record.position().map_or(0, |p| p.line());
        lines.push(line);
        // A repeated column: the last non-empty cell wins.
        let mut obs = CsvRow::default();
        for ((h, column), cell) in headers.iter().zip(&columns).zip(record.iter()) {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            match *column {
                Column::Ignored => {}
                Column::Indicator => obs.indicator = Some(cell),
                Column::Unit => obs.unit = Some(cell),
                Column::Period => obs.period = Some(cell),
                Column::Source => obs.source = Some(cell),
                Column::Number(i) => match number(cell, delimiter == b';') {
                    Some(n) => {
                        if let Some(slot) = obs.numbers.get_mut(i) {
                            *slot = Some(n);
                        }
                    }
                    None => errors.push(Error::new(
                        ErrorCode::CsvInvalidNumber,
                        path(h),
                        format!("`{}` ở dòng {line} không phải là số", clip(cell)),
                        format!("`{}` on line {line} is not a number", clip(cell)),
                    )),
                },
                Column::Done => match boolean(cell) {
                    Some(b) => obs.done = Some(b),
                    None => {
                        errors.push(Error::new(
                            ErrorCode::CsvInvalidBoolean,
                            path(h),
                            format!(
                                "`{}` ở dòng {line} không phải giá trị hoàn thành; chỉ nhận `true`, `false`, `1`, `0`, `có`, `không`",
                                clip(cell)
                            ),
                            format!(
                                "`{}` on line {line} is not a done value; expected `true`, `false`, `1`, `0`, `có` or `không`",
                                clip(cell)
                            ),
                        ));
                    }
                },
            }
        }
        rows = reader_of_rows.as_mut().map_or(rows.saturating_add(1), |r| r.row(&obs));
        if rows > super::input::MAX_OBSERVATIONS {
            break;
        }
    }
    if !errors.is_empty() {
        return Err(Errors(errors));
    }

    let Value::Object(rest) = rest else {
        return Err(Errors::one(Error::new(
            ErrorCode::InputNotObject,
            "$",
            "tùy chọn của tệp CSV phải là một đối tượng (asOf, locale, options, units)",
            "the options of a CSV must be an object (asOf, locale, options, units)",
        )));
    };
    if rest.contains_key("observations") {
        return Err(Errors::one(Error::new(
            ErrorCode::CsvObservationsTwice,
            "$.observations",
            "số liệu đã nằm trong tệp CSV; bỏ trường `observations` khỏi tùy chọn",
            "the observations come from the CSV; leave `observations` out of the options",
        )));
    }
    let Some(reader_of_rows) = reader_of_rows else {
        return Err(Errors::one(Error::new(
            ErrorCode::InputInvalid,
            "$",
            "dữ liệu đầu vào không hợp lệ",
            "the input is not valid",
        )));
    };
    let input = reader_of_rows.finish().map_err(|e| with_lines(e, &lines))?;
    Ok(CsvInput { input, extra_columns })
}

/// A replacement character means the bytes were not UTF-8 when the file was decoded (a
/// TCVN3, VNI or Windows-1258 export): its Vietnamese text is already lost, so the whole
/// file is refused rather than evaluated with garbled names.
fn not_utf8(text: &str, at: usize) -> Error {
    let line = text.get(..at).map_or(0, |t| t.matches('\n').count()) + 1;
    Error::new(
        ErrorCode::CsvNotUtf8,
        "$",
        format!(
            "dòng {line} của tệp CSV có ký tự không đọc được (`\u{fffd}`): tệp không được lưu bằng UTF-8 (có thể là TCVN3, VNI hoặc Windows-1258); hãy lưu lại dưới dạng CSV UTF-8"
        ),
        format!(
            "line {line} of the CSV has an unreadable character (`\u{fffd}`): the file was not saved as UTF-8 (perhaps TCVN3, VNI or Windows-1258); save it again as CSV UTF-8"
        ),
    )
}

fn csv_error(path: &str, e: &csv::Error) -> Error {
    let line = e.position().map_or(0, |p| p.line());
    Error::new(
        ErrorCode::CsvInvalidRow,
        path,
        format!("dòng {line} của tệp CSV không đọc được: {e}"),
        format!("line {line} of the CSV cannot be read: {e}"),
    )
}

/// A number cell; with `decimal_comma`, `62,5` and `1.240,5` are read the Vietnamese way.
fn number(cell: &str, decimal_comma: bool) -> Option<f64> {
    let mut s: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    if decimal_comma && (s.contains(',') || dot_groups_thousands(&s)) {
        s = s.replace('.', "").replace(',', ".");
    }
    let v = super::decimal::parse_f64(&s)?;
    if !v.is_finite() || s.eq_ignore_ascii_case("nan") || s.to_ascii_lowercase().contains("inf") {
        return None;
    }
    // `-0` reads as 0, as a whole number in JSON does.
    Some(if v == 0.0 { 0.0 } else { v })
}

/// `1.240` or `12.345.678` (optionally with a decimal comma): dots that group thousands, as
/// a Vietnamese export writes them. `0.125` and `62.5` are not.
fn dot_groups_thousands(s: &str) -> bool {
    let int_part = s.split(',').next().unwrap_or("");
    let int_part = int_part.strip_prefix('-').unwrap_or(int_part);
    let mut groups = int_part.split('.');
    let head = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    !rest.is_empty()
        && (1..=3).contains(&head.len())
        && !head.starts_with('0')
        && head.bytes().all(|b| b.is_ascii_digit())
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

fn boolean(cell: &str) -> Option<bool> {
    match super::lowercase::to_lowercase(cell.trim()).as_str() {
        "true" | "1" | "có" | "co" | "yes" => Some(true),
        "false" | "0" | "không" | "khong" | "no" => Some(false),
        _ => None,
    }
}

/// Adds the CSV line to errors about an observation row.
fn with_lines(errors: Errors, lines: &[u64]) -> Errors {
    Errors(
        errors
            .0
            .into_iter()
            .map(|mut e| {
                let row = e
                    .path
                    .strip_prefix("$.observations[")
                    .and_then(|r| r.split(']').next())
                    .and_then(|n| n.parse::<usize>().ok());
                if let Some(line) = row.and_then(|r| lines.get(r)) {
                    e.message.vi = format!("{} (dòng {line} của tệp CSV)", e.message.vi);
                    e.message.en = format!("{} (line {line} of the CSV)", e.message.en);
                }
                e
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_a_decimal_comma_only_under_semicolons() {
        assert_eq!(number("62,5", true), Some(62.5));
        assert_eq!(number("1.240,5", true), Some(1240.5));
        assert_eq!(number("1240", true), Some(1240.0));
        assert_eq!(number("1.240", true), Some(1240.0));
        assert_eq!(number("12.345.678", true), Some(12_345_678.0));
        assert_eq!(number("0.125", true), Some(0.125));
        assert_eq!(number("62.5", true), Some(62.5));
        assert_eq!(number("1.240", false), Some(1.24));
        assert_eq!(number("62.5", false), Some(62.5));
        assert_eq!(number("62,5", false), None);
        assert_eq!(number("NaN", false), None);
        assert_eq!(number("inf", false), None);
    }

    #[test]
    fn done_cells() {
        assert_eq!(boolean("Có"), Some(true));
        assert_eq!(boolean("KHÔNG"), Some(false));
        assert_eq!(boolean("1"), Some(true));
        assert_eq!(boolean("maybe"), None);
    }
}
