//! A sheet as cells: what JavaScript reads from an `.xlsx` (or a CSV becomes), given to the
//! mapping.
//!
//! ```json
//! { "sheets": [ { "name": "Biểu 01", "hidden": false,
//!                 "rows": [["STT", "Tên đơn vị", 1.5, null, {"value": 0.853, "format": "percent", "formula": "C5/D5"}]],
//!                 "merges": ["A3:A4", "C3:D3"] } ] }
//! ```
//!
//! A cell is `null`, text, a number, `true`/`false`, or an object with its `value` and what
//! the file said of it: `formula` (the value is the one Excel saved with the file) and
//! `format` (`percent`: Excel stores 85,3 % as 0.853; `date`: a serial number of days). A
//! grid may also be one sheet (`{ name, rows, merges }`) or only its rows (`[[…], …]`).

use serde_json::Value;

use crate::error::sheet::{self as problem, BadGrid};
use crate::error::Errors;

/// How Excel showed a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    General,
    Percent,
    Date,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value1 {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell {
    pub value: Value1,
    pub formula: bool,
    pub format: Format,
}

impl Cell {
    pub(crate) const EMPTY: Cell = Cell {
        value: Value1::Empty,
        formula: false,
        format: Format::General,
    };

    pub(crate) fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        Cell {
            value: if s.trim().is_empty() {
                Value1::Empty
            } else {
                Value1::Text(s)
            },
            formula: false,
            format: Format::General,
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        match &self.value {
            Value1::Empty => true,
            Value1::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, for headings and names (a number as JSON writes it).
    pub(crate) fn as_text(&self) -> String {
        match &self.value {
            Value1::Empty => String::new(),
            Value1::Text(s) => s.clone(),
            Value1::Number(n) => number_text(*n),
            Value1::Bool(b) => b.to_string(),
        }
    }
}

/// A number as its shortest text (`85.3`, `12`), never with an exponent.
pub(crate) fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        // Whole and well inside i64: exact.
        #[allow(clippy::cast_possible_truncation)]
        return (n as i64).to_string();
    }
    serde_json::Number::from_f64(n).map_or_else(String::new, |n| n.to_string())
}

/// A rectangle of cells, 0-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Range {
    pub top: usize,
    pub left: usize,
    pub bottom: usize,
    pub right: usize,
}

impl Range {
    pub(crate) fn contains(&self, row: usize, col: usize) -> bool {
        (self.top..=self.bottom).contains(&row) && (self.left..=self.right).contains(&col)
    }

    pub(crate) fn a1(&self) -> String {
        format!("{}:{}", a1(self.top, self.left), a1(self.bottom, self.right))
    }
}

/// One sheet.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sheet {
    pub name: Option<String>,
    pub hidden: bool,
    pub rows: Vec<Vec<Cell>>,
    pub merges: Vec<Range>,
}

impl Sheet {
    pub(crate) fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows.get(row).and_then(|r| r.get(col)).unwrap_or(&Cell::EMPTY)
    }

    pub(crate) fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The merge a cell lies in, when it spans more than one cell.
    pub(crate) fn merge_at(&self, row: usize, col: usize) -> Option<&Range> {
        self.merges.iter().find(|m| m.contains(row, col))
    }

    /// Where a cell is, for people: `Biểu 01!C7`, or `C7` in a sheet without a name.
    pub(crate) fn at(&self, row: usize, col: usize) -> String {
        match &self.name {
            Some(n) => format!("{}!{}", quoted_name(n), a1(row, col)),
            None => a1(row, col),
        }
    }

    /// `A1` cells (`C5:C24`, `C`) named within this sheet: `'Biểu 01'!C5:C24`.
    pub(crate) fn at_cells(&self, cells: &str) -> String {
        match &self.name {
            Some(n) => format!("{}!{cells}", quoted_name(n)),
            None => cells.to_string(),
        }
    }

    /// Where a row is: `Biểu 01!7`, or `7`.
    pub(crate) fn at_row(&self, row: usize) -> String {
        match &self.name {
            Some(n) => format!("{}!{}", quoted_name(n), row + 1),
            None => (row + 1).to_string(),
        }
    }
}

/// A sheet name as Excel writes it in a reference: quoted when it holds a space or a quote.
fn quoted_name(n: &str) -> String {
    if n.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.') {
        n.to_string()
    } else {
        format!("'{}'", n.replace('\'', "''"))
    }
}

/// The letters of a 0-based column (`0` → `A`, `26` → `AA`).
pub(crate) fn column_letters(mut col: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + u8::try_from(col % 26).unwrap_or(0)));
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// A cell's A1 name (0-based row and column).
pub(crate) fn a1(row: usize, col: usize) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

/// A column's letters read back (`AA` → 26); `None` beyond Excel's 16 384 columns.
pub(crate) fn column_of(letters: &str) -> Option<usize> {
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut n = 0usize;
    for b in letters.bytes() {
        n = n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1;
    }
    (n <= MAX_COLUMNS).then(|| n - 1)
}

/// `C7` → (6, 2).
fn cell_of(a1: &str) -> Option<(usize, usize)> {
    let split = a1.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = (a1.get(..split)?, a1.get(split..)?);
    let row: usize = digits.parse().ok()?;
    (1..=MAX_ROWS).contains(&row).then_some(())?;
    Some((row - 1, column_of(letters)?))
}

/// Excel's limits: beyond them a grid is not a sheet.
pub(crate) const MAX_ROWS: usize = 1_048_576;
pub(crate) const MAX_COLUMNS: usize = 16_384;
/// Cells in all sheets together: a 10 000-row export of 50 columns is half a million.
pub(crate) const MAX_CELLS: usize = 20_000_000;

/// Reads the grid argument: a workbook, one sheet, or rows.
pub(crate) fn read_grid(v: &Value) -> Result<Vec<Sheet>, Errors> {
    let mut cells = 0usize;
    match v {
        Value::Array(_) => Ok(vec![read_sheet(v, "$", &mut cells)?]),
        Value::Object(o) if o.contains_key("sheets") => {
            let Some(Value::Array(sheets)) = o.get("sheets") else {
                return Err(problem::invalid_grid("$.sheets", BadGrid::SheetsNotAList).into());
            };
            sheets
                .iter()
                .enumerate()
                .map(|(i, s)| read_sheet(s, &format!("$.sheets[{i}]"), &mut cells))
                .collect()
        }
        Value::Object(_) => Ok(vec![read_sheet(v, "$", &mut cells)?]),
        _ => Err(problem::invalid_grid("$", BadGrid::NotAGrid).into()),
    }
}

fn read_sheet(v: &Value, path: &str, cells: &mut usize) -> Result<Sheet, Errors> {
    let (name, hidden, rows, merges) = match v {
        Value::Array(_) => (None, false, v, None),
        Value::Object(o) => {
            for key in o.keys() {
                if !["name", "hidden", "rows", "merges"].contains(&key.as_str()) {
                    return Err(
                        problem::invalid_grid(format!("{path}.{key}"), BadGrid::UnknownSheetField { key }).into(),
                    );
                }
            }
            let name = match o.get("name") {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(_) => return Err(problem::invalid_grid(format!("{path}.name"), BadGrid::NameNotText).into()),
            };
            let hidden = matches!(o.get("hidden"), Some(Value::Bool(true)));
            let Some(rows) = o.get("rows") else {
                return Err(problem::invalid_grid(format!("{path}.rows"), BadGrid::NoRows).into());
            };
            (name, hidden, rows, o.get("merges"))
        }
        _ => return Err(problem::invalid_grid(path.to_string(), BadGrid::SheetNotObject).into()),
    };
    let Value::Array(row_values) = rows else {
        return Err(problem::invalid_grid(format!("{path}.rows"), BadGrid::RowsNotAList).into());
    };
    if row_values.len() > MAX_ROWS {
        return Err(problem::invalid_grid(
            format!("{path}.rows"),
            BadGrid::TooManyRows {
                rows: row_values.len(),
                max: MAX_ROWS,
            },
        )
        .into());
    }
    let mut out_rows = Vec::with_capacity(row_values.len());
    for (r, row) in row_values.iter().enumerate() {
        let Value::Array(row) = row else {
            return Err(problem::invalid_grid(format!("{path}.rows[{r}]"), BadGrid::RowNotAList { row: r + 1 }).into());
        };
        *cells = cells.saturating_add(row.len());
        if row.len() > MAX_COLUMNS || *cells > MAX_CELLS {
            return Err(
                crate::error::input::grid_too_large(format!("{path}.rows[{r}]"), MAX_COLUMNS, MAX_CELLS).into(),
            );
        }
        let mut out = Vec::with_capacity(row.len());
        for (c, cell) in row.iter().enumerate() {
            out.push(read_cell(cell).ok_or_else(|| {
                Errors::one(problem::invalid_grid(
                    format!("{path}.rows[{r}][{c}]"),
                    BadGrid::UnreadableCell { cell: a1(r, c) },
                ))
            })?);
        }
        out_rows.push(out);
    }
    let mut out_merges = Vec::new();
    match merges {
        None | Some(Value::Null) => {}
        Some(Value::Array(list)) => {
            for (i, m) in list.iter().enumerate() {
                let range = m.as_str().and_then(|s| {
                    let (a, b) = s.split_once(':').unwrap_or((s, s));
                    let ((r1, c1), (r2, c2)) = (cell_of(a)?, cell_of(b)?);
                    Some(Range {
                        top: r1.min(r2),
                        left: c1.min(c2),
                        bottom: r1.max(r2),
                        right: c1.max(c2),
                    })
                });
                let Some(range) = range else {
                    return Err(problem::invalid_grid(format!("{path}.merges[{i}]"), BadGrid::MergeNotARange).into());
                };
                out_merges.push(range);
            }
        }
        Some(_) => return Err(problem::invalid_grid(format!("{path}.merges"), BadGrid::MergesNotAList).into()),
    }
    Ok(Sheet {
        name,
        hidden,
        rows: out_rows,
        merges: out_merges,
    })
}

fn read_cell(v: &Value) -> Option<Cell> {
    Some(match v {
        Value::Null => Cell::EMPTY,
        Value::String(s) => Cell::text(s.clone()),
        Value::Number(n) => Cell {
            value: Value1::Number(n.as_f64()?),
            formula: false,
            format: Format::General,
        },
        Value::Bool(b) => Cell {
            value: Value1::Bool(*b),
            formula: false,
            format: Format::General,
        },
        Value::Object(o) => {
            if o.keys().any(|k| !["value", "formula", "format"].contains(&k.as_str())) {
                return None;
            }
            let mut cell = read_cell(o.get("value").unwrap_or(&Value::Null))?;
            if matches!(o.get("value"), Some(Value::Object(_) | Value::Array(_))) {
                return None;
            }
            cell.formula = matches!(o.get("formula"), Some(Value::String(_) | Value::Bool(true)));
            cell.format = match o.get("format") {
                None | Some(Value::Null) => Format::General,
                Some(Value::String(f)) if f == "percent" => Format::Percent,
                Some(Value::String(f)) if f == "date" => Format::Date,
                Some(Value::String(f)) if f == "general" => Format::General,
                Some(_) => return None,
            };
            cell
        }
        Value::Array(_) => return None,
    })
}

/// A CSV export as one sheet of text cells, with its delimiter (`;` when the first lines
/// use more `;` than `,`). Rows may have any number of cells (a title line has one).
pub(crate) fn csv_grid(text: &str) -> Result<(Sheet, u8), Errors> {
    crate::data::input::check_text_size(text, "CSV")?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(at) = text.find('\u{fffd}') {
        return Err(Errors::one(crate::data::csv::not_utf8(text, at)));
    }
    let head: String = text.lines().take(20).collect::<Vec<_>>().join("\n");
    let delimiter = if head.matches(';').count() > head.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut cells = 0usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(_) => {
                return Err(Errors::one(problem::invalid_grid(
                    format!("{}", rows.len() + 1),
                    BadGrid::UnreadableCsvRow { row: rows.len() + 1 },
                )))
            }
        }
        let r = rows.len();
        cells = cells.saturating_add(record.len());
        if r >= MAX_ROWS || record.len() > MAX_COLUMNS || cells > MAX_CELLS {
            return Err(Errors::one(crate::error::input::csv_too_large_for_a_sheet()));
        }
        let mut row = Vec::with_capacity(record.len());
        for (c, cell) in record.iter().enumerate() {
            if cell.contains(['\n', '\r']) {
                // A quote never closed, or closed lines later: rows would vanish into the cell.
                return Err(Errors::one(crate::error::csv::line_break_in_cell(&a1(r, c))));
            }
            row.push(Cell::text(cell));
        }
        rows.push(row);
    }
    Ok((
        Sheet {
            name: None,
            hidden: false,
            rows,
            merges: Vec::new(),
        },
        delimiter,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_names() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(6, 2), "C7");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16_383), "XFD");
        assert_eq!(column_of("XFD"), Some(16_383));
        assert_eq!(column_of("aa"), Some(26));
        assert_eq!(column_of("XFE"), None);
        assert_eq!(cell_of("C7"), Some((6, 2)));
        assert_eq!(cell_of("C0"), None);
    }
}
