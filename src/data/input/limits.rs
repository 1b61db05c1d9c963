//! The limits of an input. They turn what would exhaust the page's memory into a clear
//! error, and are set so that the country-scale export of issue 7 (63 provinces, 11 025
//! units, 1.85 million observations: 98 MB as CSV, about 200 MB as JSON) passes with room to
//! spare. Each is documented in the npm README.

/// At most this many observations in one input (2.7 times the country-scale export).
pub const MAX_OBSERVATIONS: usize = 5_000_000;
/// At most this many units in one input (9 times the 11 025 of the country).
pub const MAX_UNITS: usize = 100_000;
/// At most this many characters in any text of the input (a name, an id, a label).
pub const MAX_STRING_CHARS: usize = 10_000;
/// At most this many bytes of JSON or CSV text (`evaluateJson`, `evaluateCsv`): 256 MiB,
/// 2.7 times the country-scale CSV. Checked before parsing, which needs several times the
/// text's size.
pub const MAX_TEXT_BYTES: usize = 256 << 20;
/// Reading stops after this many errors: the first ones are enough to fix an export.
pub const MAX_ERRORS: usize = 1_000;
/// At most this many levels of nesting (objects and arrays) in an input, as JSON text (the
/// recursion limit of `serde_json`) or as a JavaScript object (checked before conversion, so
/// a deep or self-containing object cannot overflow the WebAssembly stack). A valid input is
/// 3 levels deep.
pub const MAX_DEPTH: usize = 128;
/// At most this magnitude for any number of an input (a quadrillion: no count of dossiers,
/// percentage or rank comes near). Beyond 2^53 ≈ 9·10^15 a double no longer holds every
/// whole number, sentences would print digits nobody entered, and sums of millions of such
/// figures could overflow; within it, the sum of [`MAX_OBSERVATIONS`] of them is finite.
pub const MAX_NUMBER: f64 = 1e15;
