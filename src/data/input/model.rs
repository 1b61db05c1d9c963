//! What a validated input is: the types the evaluation reads.

use crate::data::hierarchy::Unit;
use crate::data::period::{Date, Period};
use crate::messages::Locale;
use crate::vocab::RampReading;

/// A validated evaluation input.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub as_of: Date,
    pub locale: Locale,
    /// Free text echoed into the report, e.g. "SAMPLE FIGURES – not official".
    pub label: Option<String>,
    pub options: Options,
    pub units: Vec<Unit>,
    pub observations: Vec<Observation>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Options {
    /// `None`: each ramp's own default reading.
    pub ramp_reading: Option<RampReading>,
    pub trend_method: TrendMethod,
    /// Start every trend at this year instead of each series' first year with data.
    pub baseline_year: Option<i32>,
    /// Which words the report carries: see [`TextMode`].
    pub text: TextMode,
    /// The rows the report is asked for (`options.only`): all when `None`.
    pub only: Option<Selection>,
}

/// Some indicators or units only (`options.only`): a widget that shows one card asks for its
/// row and pays for no other. The report then holds the rows, level summaries, review rows
/// and findings of those indicators and units (a finding about a unit alone comes with the
/// chosen indicators that raise it), and its area and plan counts cover the chosen
/// indicators; every row it holds is the one the whole report would hold (roll-ups still
/// read the units below).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Selection {
    /// Indicator ids, sorted, without repeats; absent (`None`): every indicator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicators: Option<Vec<String>>,
    /// Unit ids, sorted, without repeats; absent (`None`): every unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub units: Option<Vec<String>>,
}

impl Selection {
    /// Whether the report keeps the indicator `id`.
    pub fn keeps_indicator(&self, id: &str) -> bool {
        self.indicators
            .as_ref()
            .map_or(true, |ids| ids.binary_search_by(|x| x.as_str().cmp(id)).is_ok())
    }

    /// Whether the report keeps the rows of the unit `id`.
    pub fn keeps_unit(&self, id: &str) -> bool {
        self.units
            .as_ref()
            .map_or(true, |ids| ids.binary_search_by(|x| x.as_str().cmp(id)).is_ok())
    }
}

/// Which words the report carries besides its numbers and codes (`options.text`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextMode {
    /// Every row's titles, counted items, shown value and explanation in Vietnamese and
    /// English: what a page with a language switch shows.
    #[default]
    Both,
    /// Numbers and codes only (each row keeps its `title` in the report's locale): for tables
    /// and exports at a province's or the country's scale, where the sentences are most of the
    /// report's weight and nobody reads 100 000 of them.
    None,
}

impl TextMode {
    pub fn code(self) -> &'static str {
        match self {
            TextMode::Both => "both",
            TextMode::None => "none",
        }
    }

    /// Whether the report carries the sentences.
    pub fn words(self) -> bool {
        self == TextMode::Both
    }
}

/// The trend methods the engine knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrendMethod {
    /// Ratio of the observed to the required compound annual growth rate (UN SDG progress
    /// chart, Open SDG, Statistics Canada).
    #[default]
    CagrRatio,
}

impl TrendMethod {
    pub fn code(self) -> &'static str {
        match self {
            TrendMethod::CagrRatio => "cagr_ratio",
        }
    }
}

/// One figure of one unit for one indicator and period.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// Position in the caller's list (for CSV: the data row, 0-based).
    pub index: usize,
    pub indicator: String,
    pub unit: String,
    pub period: Period,
    pub reading: Reading,
    pub source: Option<String>,
}

/// The one kind of value an observation carries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reading {
    /// A percentage.
    Value(f64),
    /// Numerator and denominator; a nested indicator may leave the denominator to its parent.
    Fraction { numerator: f64, denominator: Option<f64> },
    /// A position in a national ranking.
    /// A position in a ranking, and how many the ranking ranked when the portal says
    /// (`outOf`: 63 provinces until 2024, 34 after the 2025 merger; fewer when some did not
    /// take part).
    Rank { rank: f64, out_of: Option<f64> },
    /// A count, for reductions.
    Count(f64),
    /// A milestone: done or not, optionally with the share of steps finished (0–100).
    Done { done: bool, share: Option<f64> },
}

impl Reading {
    /// The input field that holds the value, for paths.
    pub fn field(&self) -> &'static str {
        match self {
            Reading::Value(_) => "value",
            Reading::Fraction { .. } => "numerator",
            Reading::Rank { .. } => "rank",
            Reading::Count(_) => "count",
            Reading::Done { .. } => "done",
        }
    }
}
