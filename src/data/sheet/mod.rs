//! Portal exports as they are: a sheet (a CSV, or an `.xlsx` sheet read by JavaScript) and a
//! declarative mapping ([`mapping`]) that says which cells hold the unit, the period and each
//! indicator's figures. Reading gives the engine's observations, and lists every row left
//! out (blank, totals, notes, unknown names) and every guess (a heading matched loosely, a
//! formula's saved value, a percentage format), each with its cell in A1 notation.
//!
//! Numbers written as text are read with the CSV reader's exact rules
//! (`crate::data::csv::number`): `1.234,5`, `85,3`, `85,3 %` (in a `value` column), no-break
//! spaces grouping thousands; never rescaled.

mod cells;
mod findings;
mod grid;
mod headings;
mod mapping;
mod nfc;
mod period;
mod read;
mod text;

use serde::Serialize;
use serde_json::Value;

pub use findings::{SheetFinding, SheetFindingCode};

use crate::data::csv::number::Convention;
use crate::error::Errors;

/// A column the mapping named, as found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MappedColumn {
    /// `unit`, `period`, or the observation field (`value`, `numerator`, …).
    pub role: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// Its letter (`D`).
    pub column: String,
    /// Its heading as written (`Số hồ sơ / Tiếp nhận`).
    pub heading: String,
}

/// How a sheet was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SheetReading {
    /// The sheet read (none for a CSV or a grid without a name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The heading rows, 1-based as Excel numbers them.
    pub heading_rows: Vec<usize>,
    pub columns: Vec<MappedColumn>,
    /// Rows read into observations.
    pub rows: usize,
    /// Observations made.
    pub observations: usize,
    /// Every row, cell or sheet left out, in sheet order.
    pub skipped: Vec<SheetFinding>,
    /// Every guess made while reading.
    pub guesses: Vec<SheetFinding>,
}

/// One observation read from a sheet: the engine's observation fields, and its cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SheetObservation {
    pub indicator: String,
    pub unit: String,
    pub period: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numerator: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominator: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<f64>,
    /// The cell it came from (`'Biểu 01'!D7`).
    pub source: String,
}

impl SheetObservation {
    /// The observation as the input reader takes a row (the CSV reader's rows).
    pub(crate) fn row(&self) -> crate::data::CsvRow<'_> {
        crate::data::CsvRow {
            indicator: Some(&self.indicator),
            unit: Some(&self.unit),
            period: Some(&self.period),
            source: Some(&self.source),
            // In the order of the input's number fields: value, numerator, denominator, rank, count, outOf.
            numbers: [
                self.value,
                self.numerator,
                self.denominator,
                self.rank,
                self.count,
                None,
            ],
            done: None,
        }
    }
}

/// A sheet read into observations (the `observations` of an evaluation input).
#[derive(Debug, Clone, PartialEq)]
pub struct SheetInput {
    pub observations: Vec<SheetObservation>,
    pub reading: SheetReading,
}

/// Reads a grid (see [`grid`]) with a mapping (see [`mapping`]).
pub fn read_sheet(grid: &Value, mapping: &Value) -> Result<SheetInput, Errors> {
    let mapping = mapping::read_mapping(mapping)?;
    let sheets = grid::read_grid(grid)?;
    finish(read::read(&sheets, &mapping, Convention::DecimalComma)?)
}

/// Reads CSV text as one sheet with a mapping: numbers follow the delimiter (`;`: `1.234,5`;
/// `,`: `1234.5`) unless the mapping's `decimal` says otherwise.
pub fn read_sheet_csv(csv: &str, mapping: &Value) -> Result<SheetInput, Errors> {
    let mapping = mapping::read_mapping(mapping)?;
    let (sheet, delimiter) = grid::csv_grid(csv)?;
    let convention = if delimiter == b';' {
        Convention::DecimalComma
    } else {
        Convention::DecimalPoint
    };
    finish(read::read(&[sheet], &mapping, convention)?)
}

fn finish(read: read::Read) -> Result<SheetInput, Errors> {
    let mut reading = read.reading;
    reading.observations = read.observations.len();
    Ok(SheetInput {
        observations: read.observations,
        reading,
    })
}
