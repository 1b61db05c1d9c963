//! Observations as CSV text, the way portals export them.
//!
//! The header names the columns, in any order:
//! `indicator,unit,period,value,numerator,denominator,rank,count,done,source`.
//! `indicator`, `unit` and `period` are required; other columns are ignored and reported once
//! as a finding; a column named twice is the error `CSV_DUPLICATE_COLUMN` (which of its
//! cells would count is anyone's guess). Cells:
//! - the text must be UTF-8: a replacement character (`U+FFFD`, what a decoder leaves of
//!   bytes that are not UTF-8) is the error `CSV_NOT_UTF8`, since the names are already lost;
//! - a UTF-8 byte-order mark is accepted; the delimiter is `,` or `;`, whichever the header
//!   line uses more of;
//! - a cell may be quoted (`"a;b"`, `""` for a quote inside), but it cannot hold a line
//!   break ([`quotes`]): `CSV_UNTERMINATED_QUOTE` for a quote never closed,
//!   `CSV_LINE_BREAK_IN_CELL` for one closed lines later, each naming where it opened;
//! - numbers follow the delimiter's convention ([`number`]): `62.5` under `,`; `62,5`,
//!   `1.240` and `1.240,5` under `;`; never rescaled (`1,234.5` under `;` is refused, and
//!   so are `1.240` and `1,234` in a `;` file that also writes a decimal point);
//! - an empty cell is an absent value;
//! - `done` is `true`/`false`, `1`/`0`, `có`/`không` (also unaccented) or `yes`/`no`, any case.
//!
//! Each data row becomes one observation of the JSON input, so a CSV and the JSON of the
//! same data give the same report; errors name the row as `$.observations[i]` (data row `i`,
//! 0-based) and the line of the file.

pub(crate) mod number;
mod quotes;

use serde_json::Value;

use self::number::{Cell, Convention, Refused};
use super::input::{too_many_errors, CsvRow, Input, RowReader, MAX_ERRORS, MAX_OBSERVATIONS, NUMBER_FIELDS};
use crate::error::{csv as problem, Error, Errors};

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
            // Headers are read in lower case: `outOf` is `outof` here.
            h => NUMBER_FIELDS
                .iter()
                .position(|f| f.eq_ignore_ascii_case(h))
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
    let convention = if delimiter == b';' {
        Convention::DecimalComma
    } else {
        Convention::DecimalPoint
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(false)
        // Fields are trimmed below: csv's own trim copies every record twice.
        .trim(csv::Trim::Headers)
        .from_reader(text.as_bytes());
    let header_record = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(Errors::one(csv_error("$", &e, 0, text))),
    };
    // The header is read again whole (it is one line), for a quote it never closes.
    if let Some(s) = quotes::spanning(text, 0, 1, delimiter) {
        return Err(Errors::one(spanning_error("$", s)));
    }
    let (headers, extra_columns) = header_columns(&header_record)?;
    let mut errors = Vec::new();

    let columns: Vec<Column> = headers.iter().map(|h| Column::of(h)).collect();
    // Each row is read into an observation as soon as it is parsed (after the rest of the
    // input, so errors keep their order); when `rest` itself is refused below, nobody reads.
    let mut reader_of_rows = match rest {
        Value::Object(map) if !map.contains_key("observations") => Some(RowReader::new(map)),
        _ => None,
    };
    let mut rows = 0usize;
    let mut lines = Vec::new();
    let mut numbers = NumberCells::default();
    // One record, reused for every row (what `records()` would clone for each).
    let mut record = csv::StringRecord::new();
    // Where the last record starts: a quote never closed always runs to the end of the text,
    // so it is in the last record, which is read again whole at the end.
    let mut last = None;
    for i in 0.. {
        let read = reader.read_record(&mut record);
        if matches!(read, Ok(false)) {
            if let Some((i, start, line)) = last {
                if let Some(s) = quotes::spanning(text, start, line, delimiter).filter(|s| s.closed_on.is_none()) {
                    errors.push(spanning_error(&format!("$.observations[{i}]"), s));
                }
            }
            break;
        }
        let (start, line) = quotes::record_start(text, record.position());
        last = Some((i, start, line));
        // The record that reaches the end of the text is read again whole for a quote that
        // never closes, before its cells are judged: such a quote swallows the cells after
        // it, and a row of too few cells (or a number cut short) is its symptom, not the error.
        if usize::try_from(reader.position().byte()).is_ok_and(|end| end >= text.len()) {
            if let Some(s) = quotes::spanning(text, start, line, delimiter).filter(|s| s.closed_on.is_none()) {
                errors.push(spanning_error(&format!("$.observations[{i}]"), s));
                break;
            }
        }
        // A quoted cell that holds a line break, however the record ended: its rows (or the
        // rest of the file) would vanish into it.
        if quotes::has_line_break(record.as_slice()) {
            // Only a quoted cell holds one; should the second reading not find it, the record
            // is refused all the same, from its first line.
            let s = quotes::spanning(text, start, line, delimiter).unwrap_or(quotes::Spanning {
                line,
                column: 1,
                closed_on: Some(line.saturating_add(1)),
            });
            errors.push(spanning_error(&format!("$.observations[{i}]"), s));
            if s.closed_on.is_none() || errors.len() > MAX_ERRORS {
                break;
            }
            continue;
        }
        match read {
            Ok(_) => {}
            Err(e) => {
                errors.push(csv_error(&format!("$.observations[{i}]"), &e, headers.len(), text));
                if errors.len() > MAX_ERRORS {
                    break;
                }
                continue;
            }
        }
        lines.push(line);
        let mut obs = CsvRow::default();
        let cells = Cells {
            headers: &headers,
            columns: &columns,
            convention,
            delimiter,
        };
        cells.read(&record, &mut obs, i, line, &mut numbers, &mut errors);
        rows = reader_of_rows.as_mut().map_or(rows.saturating_add(1), |r| r.row(&obs));
        if rows > MAX_OBSERVATIONS || errors.len() > MAX_ERRORS {
            break;
        }
    }
    numbers.conclude(&mut errors);
    if !errors.is_empty() {
        // Reading stops after the error limit, as for JSON.
        if errors.len() > MAX_ERRORS {
            errors.truncate(MAX_ERRORS);
            errors.push(too_many_errors());
        }
        return Err(Errors(errors));
    }

    finish(rest, reader_of_rows, &lines, extra_columns)
}

/// The header's column names (trimmed, lower case) and those that are no observation field;
/// a column named twice or a required one missing is an error.
fn header_columns(header_record: &csv::StringRecord) -> Result<(Vec<String>, Vec<String>), Errors> {
    let headers: Vec<String> = header_record
        .iter()
        .map(|h| super::lowercase::to_lowercase(h.trim()))
        .collect();
    let mut errors = duplicate_columns(&headers);
    for column in REQUIRED {
        if !headers.iter().any(|h| h == column) {
            errors.push(problem::missing_column(column));
        }
    }
    if !errors.is_empty() {
        return Err(Errors(errors));
    }
    let mut extra_columns = Vec::new();
    for h in &headers {
        if !CSV_COLUMNS.iter().any(|c| c.eq_ignore_ascii_case(h)) && !extra_columns.contains(h) {
            extra_columns.push(h.clone());
        }
    }
    Ok((headers, extra_columns))
}

/// How the cells of a row are read: the columns by header, the file's number convention.
struct Cells<'h> {
    headers: &'h [String],
    columns: &'h [Column],
    convention: Convention,
    delimiter: u8,
}

impl Cells<'_> {
    /// The cells of the `i`-th row (on `line`) into `obs`; a number or done value that does not
    /// read is an error.
    fn read<'r>(
        &self,
        record: &'r csv::StringRecord,
        obs: &mut CsvRow<'r>,
        i: usize,
        line: u64,
        numbers: &mut NumberCells,
        errors: &mut Vec<Error>,
    ) {
        let path = |h: &str| format!("$.observations[{i}].{h}");
        for ((h, column), cell) in self.headers.iter().zip(self.columns).zip(record.iter()) {
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
                Column::Number(n) => match number::read(cell, self.convention) {
                    Ok(read) => {
                        numbers.note(read, || (path(h), line, cell));
                        if let Some(slot) = obs.numbers.get_mut(n) {
                            *slot = Some(read.value());
                        }
                    }
                    Err(why) => errors.push(number_error(path(h), line, cell, why, self.delimiter)),
                },
                Column::Done => match boolean(cell) {
                    Some(b) => obs.done = Some(b),
                    None => {
                        errors.push(problem::invalid_boolean(path(h), line, cell));
                    }
                },
            }
        }
    }
}

/// The input around the rows: `rest` must be an object without `observations`.
fn finish(
    rest: &Value,
    reader_of_rows: Option<RowReader>,
    lines: &[u64],
    extra_columns: Vec<String>,
) -> Result<CsvInput, Errors> {
    let Value::Object(rest) = rest else {
        return Err(Errors::one(crate::error::input::csv_options_not_object()));
    };
    if rest.contains_key("observations") {
        return Err(Errors::one(problem::observations_twice(false)));
    }
    let Some(reader_of_rows) = reader_of_rows else {
        return Err(Errors::one(crate::error::input::not_valid()));
    };
    let input = reader_of_rows.finish().map_err(|e| with_lines(e, lines))?;
    Ok(CsvInput { input, extra_columns })
}

/// A column named twice (after trimming and lower-casing, as columns are matched): which of
/// its cells would count is anyone's guess. Blank names (a trailing delimiter) are ignored
/// columns, however many.
fn duplicate_columns(headers: &[String]) -> Vec<Error> {
    let mut errors = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let first = headers.iter().position(|x| x == h);
        if h.is_empty() || first == Some(i) {
            continue;
        }
        let (n, first) = (i + 1, first.map_or(0, |f| f + 1));
        errors.push(problem::duplicate_column(h, first, n));
    }
    errors
}

/// What the number cells of a file say about its convention: the cells that read two ways,
/// kept until the end of the file shows whether it keeps to its convention.
#[derive(Default)]
struct NumberCells {
    /// The first decimal point of a `;` file (`62.5`): where, and the cell.
    point: Option<(u64, String)>,
    /// Cells read by the convention that also read another way, up to the error limit.
    ambiguous: Vec<(String, u64, String, f64, f64)>,
}

impl NumberCells {
    fn note<'c>(&mut self, read: Cell, at: impl FnOnce() -> (String, u64, &'c str)) {
        match read {
            Cell::Number(_) => {}
            Cell::DecimalPoint(_) => {
                if self.point.is_none() {
                    let (_, line, cell) = at();
                    self.point = Some((line, cell.to_string()));
                }
            }
            Cell::Ambiguous { value, other } => {
                if self.ambiguous.len() < MAX_ERRORS {
                    let (path, line, cell) = at();
                    self.ambiguous.push((path, line, cell.to_string(), value, other));
                }
            }
        }
    }

    /// A `;` file that writes a decimal point somewhere does not keep to its convention: its
    /// cells that read two ways are refused rather than guessed.
    fn conclude(self, errors: &mut Vec<Error>) {
        let Some((point_line, point)) = self.point else {
            return;
        };
        for (path, line, cell, value, other) in self.ambiguous {
            errors.push(problem::ambiguous_number(
                path,
                (line, &cell),
                (value, other),
                (point_line, &point),
            ));
        }
    }
}

/// A number cell refused.
fn number_error(path: String, line: u64, cell: &str, why: Refused, delimiter: u8) -> Error {
    problem::number_cell(path, line, cell, why, delimiter)
}

/// A quoted cell that spans lines: never closed, or closed lines later.
fn spanning_error(path: &str, s: quotes::Spanning) -> Error {
    problem::spanning(path, s.line, s.column, s.closed_on)
}

/// A replacement character means the bytes were not UTF-8 when the file was decoded (a
/// TCVN3, VNI or Windows-1258 export): its Vietnamese text is already lost, so the whole
/// file is refused rather than evaluated with garbled names.
pub(crate) fn not_utf8(text: &str, at: usize) -> Error {
    let line = text.get(..at).map_or(0, |t| t.matches('\n').count()) + 1;
    problem::not_utf8(line)
}

/// A row the CSV reader refused: in practice, a number of cells that differs from the
/// header's (other kinds cannot happen with text that is already UTF-8).
fn csv_error(path: &str, e: &csv::Error, columns: usize, text: &str) -> Error {
    let (_, line) = quotes::record_start(text, e.position());
    match e.kind() {
        csv::ErrorKind::UnequalLengths { len, .. } => problem::invalid_row(path, line, Some((*len, columns))),
        _ => problem::invalid_row(path, line, None),
    }
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
    errors.at_observations(|r| {
        lines
            .get(r)
            .map(|line| (format!("dòng {line} của tệp CSV"), format!("line {line} of the CSV")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn done_cells() {
        assert_eq!(boolean("Có"), Some(true));
        assert_eq!(boolean("KHÔNG"), Some(false));
        assert_eq!(boolean("1"), Some(true));
        assert_eq!(boolean("maybe"), None);
    }
}
