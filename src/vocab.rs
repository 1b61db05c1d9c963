//! The words every part of the engine shares: administrative levels, what an indicator
//! measures and how it compares, the readings of a ramp and why a floor is what it is, days in
//! a month, and the one rounding of floors. A leaf: it imports nothing of the crate, so the
//! plan, the portal's data, the ramp and the report can all use it without using each other.
//! Their names in both languages are in `messages` ([`Level::name`]).

use serde::{Deserialize, Serialize};

/// Administrative level ("cấp"): the city (thành phố: sở, ban, ngành and the city People's
/// Committee), district (cấp huyện: quận, huyện) or commune (cấp xã: xã, phường, thị trấn);
/// and, from format 2, the city's departments (sở, ban, ngành) as units of their own kind,
/// judged apart from the city and the communes where a plan or an index scores them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    City,
    District,
    Commune,
    /// A department of the city (sở, ban, ngành): under the city, beside the communes.
    Department,
}

impl Level {
    /// The levels of format 1 (the administrative levels before July 2025).
    pub const ALL: [Level; 3] = [Level::City, Level::District, Level::Commune];

    /// Every level and unit kind, departments included (format 2).
    pub const EVERY: [Level; 4] = [Level::City, Level::District, Level::Commune, Level::Department];

    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "city" => Some(Level::City),
            "district" => Some(Level::District),
            "commune" => Some(Level::Commune),
            "department" => Some(Level::Department),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Level::City => "city",
            Level::District => "district",
            Level::Commune => "commune",
            Level::Department => "department",
        }
    }
}

/// What an indicator measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// A share in percent, reported as a value or as numerator and denominator ("tỷ lệ").
    Percentage,
    /// A position in a national ranking; lower is better ("xếp hạng").
    Rank,
    /// A count that must fall by `target` percent against the baseline year ("giảm ... so với năm").
    Reduction,
    /// Done or not done, optionally as a share of steps finished ("hoàn thành").
    Milestone,
}

impl Measure {
    pub fn parse(s: &str) -> Option<Measure> {
        match s {
            "percentage" => Some(Measure::Percentage),
            "rank" => Some(Measure::Rank),
            "reduction" => Some(Measure::Reduction),
            "milestone" => Some(Measure::Milestone),
            _ => None,
        }
    }
}

/// How a value is compared with its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Comparator {
    /// At least ("tối thiểu", "đạt từ ... trở lên").
    Gte,
    /// At most (ranks: "thuộc nhóm 15 ... dẫn đầu").
    Lte,
}

impl Comparator {
    pub fn parse(s: &str) -> Option<Comparator> {
        match s {
            "gte" => Some(Comparator::Gte),
            "lte" => Some(Comparator::Lte),
            _ => None,
        }
    }

    pub fn holds(self, value: f64, target: f64) -> bool {
        match self {
            Comparator::Gte => value >= target,
            Comparator::Lte => value <= target,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Gte => "≥",
            Comparator::Lte => "≤",
        }
    }
}

/// The reading of a ramp's "rise by at least N a year".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RampReading {
    /// First-year floor plus `step` points for each later year, capped (the default).
    #[default]
    Schedule,
    /// The previous year's *actual* value plus `step` points, capped.
    Increment,
    /// The first-year floor times `relativeFactor` for each later year, capped.
    Relative,
}

impl RampReading {
    pub const ALL: [RampReading; 3] = [RampReading::Schedule, RampReading::Increment, RampReading::Relative];

    pub fn parse(s: &str) -> Option<RampReading> {
        match s {
            "schedule" => Some(RampReading::Schedule),
            "increment" => Some(RampReading::Increment),
            "relative" => Some(RampReading::Relative),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            RampReading::Schedule => "schedule",
            RampReading::Increment => "increment",
            RampReading::Relative => "relative",
        }
    }
}

/// Why a floor is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FloorBasis {
    /// The first year's floor, written in the decision.
    FirstYear,
    /// First-year floor + step × years since (schedule reading).
    Schedule,
    /// First-year floor × factor^years since (relative reading).
    Relative,
    /// Previous year's actual value + step (increment reading).
    Increment,
    /// The increment reading needs last year's actual value, and none was given.
    NeedsPreviousActual,
    /// The year is inside the plan but before the ramp starts: the decision sets no floor.
    BeforeFirstYear,
}

/// Rounds to 4 decimals so that floors computed with powers (1.2³) print the same everywhere.
pub(crate) fn round4(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

/// Days in `month` (1–12) of `year` in the Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}
