//! What a report is made from: each door of the `evaluate…` methods, named (issue 22), so that
//! one method ([`crate::Engine::report`]) makes a packed report from any of them.

use crate::data;

/// A source of figures, named by its kind.
#[derive(Debug, Clone)]
pub enum Source<'a> {
    /// An input already read (the JS boundary's columns).
    Input(data::Input),
    /// An input as a JSON value.
    Value(&'a serde_json::Value),
    /// An input as JSON text.
    Json(&'a str),
    /// Observations as CSV text, with the rest of the input.
    Csv {
        text: &'a str,
        options: &'a serde_json::Value,
    },
    /// Observations read from CSV already (`data::read_csv`), so that the caller could free
    /// the text before the evaluation (at country scale, 98 MB of WebAssembly memory).
    CsvRead(data::CsvInput),
    /// The national portal's 766 answers: `{ answers, asOf, … }`.
    #[cfg(feature = "portal766")]
    Portal766(&'a serde_json::Value),
    /// A sheet (a grid of cells) with its mapping and the rest of the input.
    #[cfg(feature = "sheet")]
    Sheet {
        grid: &'a serde_json::Value,
        mapping: &'a serde_json::Value,
        options: &'a serde_json::Value,
    },
    /// A sheet given as CSV text, with its mapping and the rest of the input.
    #[cfg(feature = "sheet")]
    SheetCsv {
        text: &'a str,
        mapping: &'a serde_json::Value,
        options: &'a serde_json::Value,
    },
}
