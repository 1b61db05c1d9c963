//! The portal's data: units of the administrative hierarchy, observations per indicator,
//! unit and period, and the options of an evaluation. Read from JSON (camelCase) or CSV.
//!
//! The input, as JavaScript passes it to `engine.evaluate(input)`:
//!
//! ```json
//! {
//!   "asOf": "2024-06-30",
//!   "locale": "vi",
//!   "label": "SAMPLE FIGURES – not official",
//!   "options": { "rampReading": "schedule", "trendMethod": "cagr_ratio", "baselineYear": 2021 },
//!   "units": [
//!     { "id": "ct", "name": "Thành phố Cần Thơ", "level": "city" },
//!     { "id": "nk", "name": "Quận Ninh Kiều", "level": "district", "parent": "ct", "validTo": "2025-06-30" },
//!     { "id": "nk.tan_an", "name": "Phường Tân An", "level": "commune", "parent": "nk", "validTo": "2025-06-30" },
//!     { "id": "nk.tan_an", "name": "Phường Ninh Kiều", "level": "commune", "parent": "ct",
//!       "validFrom": "2025-07-01", "predecessors": ["nk.tan_an", "nk.thoi_binh", { "unit": "nk.bhn", "share": 0.4 }] }
//!   ],
//!   "observations": [
//!     { "indicator": "proc.digitized_results", "unit": "nk", "period": "2023",
//!       "numerator": 1240, "denominator": 2480, "source": "one-stop system" }
//!   ]
//! }
//! ```
//!
//! Only `asOf` is required. `locale` defaults to `vi`; `options.rampReading` to each ramp's
//! own default; `options.baselineYear` to each series' first year with data;
//! `options.text` to `both` (`none` leaves the sentences out, see [`TextMode`]). A unit is
//! valid from `validFrom` to `validTo` (a year, or a day; both included; open when absent);
//! one id may name several units one after another (reused official codes), and
//! `predecessors` names what a unit was formed from (see [`hierarchy`]). An observation's
//! `period` is `2023`, `2023-H1`, `2023-Q2` or `2023-05`, and it carries exactly one of:
//! `value` (a percentage), `numerator` with `denominator`, `rank` (optionally `outOf`),
//! `count` (reductions), or `done` (milestones, optionally with `value`, the share of steps
//! done).

mod csv;
mod decimal;
pub mod hierarchy;
mod input;
mod lowercase;
mod period;
#[cfg(feature = "sheet")]
pub mod sheet;

pub use self::csv::{read_csv, CsvInput, CSV_COLUMNS};
pub use crate::vocab::days_in_month;
#[cfg_attr(not(all(feature = "sheet", feature = "portal766")), allow(unused_imports))]
pub(crate) use input::{check_text_size, clip, CsvRow, RowReader};
pub use input::{
    parse_input, read_input, too_deep, Input, Observation, Options, Reading, Selection, TextMode, TrendMethod, Unit,
    MAX_DEPTH, MAX_ERRORS, MAX_NUMBER, MAX_OBSERVATIONS, MAX_STRING_CHARS, MAX_TEXT_BYTES, MAX_UNITS,
};
pub use period::{Date, Part, Period, PeriodError, YEARS};
