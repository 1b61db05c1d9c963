//! The evaluation input, read from a JSON value, JSON text or CSV rows, with every structural
//! problem reported at once (a portal fixes its export in one pass, not one error at a time).
//!
//! Structural problems (wrong types, unknown fields, a bad date or period, a broken unit
//! hierarchy, two kinds of value in one observation, size limits) are errors. Problems with
//! the figures themselves (a numerator above its denominator, a unit the plan does not know)
//! are not decided here: they become findings of the evaluation.
//!
//! The parts, in the order an input goes through them:
//! - [`entry`]: the ways in (JSON text, a JSON value, CSV rows one at a time);
//! - [`json_text`]: JSON text read without a map per observation, texts borrowed;
//! - [`fields`]: one view of an object's fields, whichever way it was read;
//! - [`reader`]: the error list and the common kinds of field (texts, numbers, years);
//! - [`top_level`]: the input object and its options;
//! - [`units`]: the units and their hierarchy;
//! - [`observations`]: each observation and its one kind of value;
//! - [`model`]: the validated input the evaluation reads; [`limits`]: the size limits.

mod entry;
mod fields;
mod json_text;
mod limits;
mod model;
mod observations;
mod reader;
mod top_level;
mod units;

pub use crate::data::hierarchy::Unit;
pub(crate) use entry::{check_text_size, RowReader};
pub use entry::{parse_input, read_input, too_deep};
pub(crate) use fields::{CsvRow, NUMBER_FIELDS, OBSERVATION_FIELDS};
pub use limits::{MAX_DEPTH, MAX_ERRORS, MAX_NUMBER, MAX_OBSERVATIONS, MAX_STRING_CHARS, MAX_TEXT_BYTES, MAX_UNITS};
pub use model::{Input, Observation, Options, Reading, Selection, TextMode, TrendMethod};
pub(crate) use reader::{clip, too_many_errors};
