//! The ways in: JSON text ([`parse_input`]), a JSON value ([`read_input`]), and CSV rows one
//! at a time ([`RowReader`], for `data::csv`). Each collects every error before it answers.

use serde_json::{Map, Value};

use super::json_text::TopLevel;
use super::limits::{MAX_DEPTH, MAX_OBSERVATIONS, MAX_TEXT_BYTES};
use super::model::{Input, Observation};
use super::observations::ObservationPath;
use super::reader::Reader;
use super::top_level::{Rows, TopParts};
use super::CsvRow;
use crate::error::{input as problem, Error, Errors};

/// Reads an input from JSON text.
pub fn parse_input(text: &str) -> Result<Input, Errors> {
    check_text_size(text, "JSON")?;
    // A byte-order mark, as editors on Windows write it, is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let top: TopLevel = serde_json::from_str(text).map_err(|e| {
        let at = format!("$ (line {}, column {})", e.line(), e.column());
        let detail = e.to_string();
        // serde_json stops at MAX_DEPTH levels, before the stack could run out.
        if detail.starts_with("recursion limit exceeded") {
            return Errors::one(too_deep(at));
        }
        let m = crate::error::serde_message(&detail);
        let (line, column) = (e.line(), e.column());
        if crate::error::is_broken_escape(&detail) {
            return Errors::one(problem::json_broken_text(at, &m, line, column));
        }
        Errors::one(problem::not_json_at(at, &m, line, column))
    })?;
    match top {
        TopLevel::Object { fields, observations } => finish(|r| r.fields(&fields, Rows::Json(observations))),
        TopLevel::Other(value) => read_input(&value),
    }
}

/// Refuses JSON or CSV text over [`MAX_TEXT_BYTES`].
pub(crate) fn check_text_size(text: &str, kind: &str) -> Result<(), Errors> {
    if text.len() <= MAX_TEXT_BYTES {
        return Ok(());
    }
    let mib = text.len() >> 20;
    let max = MAX_TEXT_BYTES >> 20;
    Err(Errors::one(problem::text_too_large(kind, mib, max)))
}

/// The error for an input nested deeper than [`MAX_DEPTH`], as JSON text or as a JavaScript
/// object.
pub fn too_deep(path: String) -> Error {
    problem::too_deep(path, MAX_DEPTH)
}

/// Reads an input from a JSON value (what JavaScript passes).
pub fn read_input(value: &Value) -> Result<Input, Errors> {
    finish(|r| r.input(value))
}

/// Reads an input whose observations are CSV rows, one row at a time: the rest of the input
/// (an object without `observations`) is read first, as [`read_input`] reads it, so that
/// errors come in the same order; the rows are never all held at once.
pub(crate) struct RowReader {
    r: Reader,
    top: TopParts,
    /// Errors before the first row.
    before: usize,
    observations: Vec<Observation>,
    rows: usize,
}

impl RowReader {
    pub(crate) fn new(rest: &Map<String, Value>) -> RowReader {
        let mut r = Reader { errors: Vec::new() };
        let top = r.top_parts(rest);
        let before = r.errors.len();
        RowReader {
            r,
            top,
            before,
            observations: Vec::new(),
            rows: 0,
        }
    }

    /// The next row; returns how many rows there are now.
    pub(crate) fn row(&mut self, row: &CsvRow<'_>) -> usize {
        let i = self.rows;
        self.rows = self.rows.saturating_add(1);
        if self.rows <= MAX_OBSERVATIONS {
            if self.r.full() {
                self.r.stopped();
            } else if let Some(o) = self.r.observation_fields(row, i, &ObservationPath(i)) {
                self.observations.push(o);
            }
        }
        self.rows
    }

    pub(crate) fn finish(mut self) -> Result<Input, Errors> {
        let observations = if self.rows > MAX_OBSERVATIONS {
            // Too many rows are refused before any is read.
            self.r.errors.truncate(self.before);
            self.r.too_many_observations(self.rows);
            None
        } else {
            (self.r.errors.len() == self.before).then_some(self.observations)
        };
        let input = self.top.input(observations);
        conclude(self.r, input)
    }
}

fn finish(read: impl FnOnce(&mut Reader) -> Option<Input>) -> Result<Input, Errors> {
    let mut r = Reader { errors: Vec::new() };
    let input = read(&mut r);
    conclude(r, input)
}

fn conclude(mut r: Reader, input: Option<Input>) -> Result<Input, Errors> {
    match input {
        Some(input) if r.errors.is_empty() => Ok(input),
        _ => {
            if r.errors.is_empty() {
                r.push(problem::not_valid());
            }
            Err(Errors(r.errors))
        }
    }
}
