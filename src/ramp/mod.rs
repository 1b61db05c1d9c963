//! The ramp: a yearly floor per administrative level, such as the digitization ramp of
//! clause II.2.c.2 ("Năm 2022 ... đạt tỷ lệ tối thiểu tương ứng là 50%, 40%, 35%; giai đoạn
//! 2023 - 2025, mỗi năm tăng tối thiểu 20% ... cho đến khi đạt tỷ lệ 100%").
//!
//! Three readings of "rise by at least 20 % a year" are computed, and every floor says which
//! one produced it and why:
//! - `schedule` (default): first-year floor + step points per later year, capped;
//! - `increment`: the previous year's *actual* value + step points, capped (needs it);
//! - `relative`: first-year floor × factor per later year, capped.
//!
//! Years are handled by an explicit policy: before the plan's period → error
//! `RAMP_YEAR_OUTSIDE_PLAN`; inside the period but before the ramp's first year → no floor
//! (the decision sets none); after the ramp's last year → the ramp's `afterLastYear`
//! (`continue`: keep the yearly rule until the cap, marked `extrapolated`; `error`).

use serde::Serialize;

use crate::error::Error;
use crate::messages::{format_percent_trimmed, format_trimmed, Locale, Text};
use crate::plan::{AfterLastYear, Level, Plan, Ramp, RampReading};
pub(crate) use crate::vocab::round4;
pub use crate::vocab::FloorBasis;

/// The floor for one level and year under one reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RampFloor {
    pub ramp: String,
    pub clause: String,
    pub level: Level,
    pub year: i32,
    pub reading: RampReading,
    /// The minimum share in percent, or `null` when the reading cannot give one (see `basis`).
    pub floor: Option<f64>,
    pub basis: FloorBasis,
    /// True when the cap (100 %) cut the computed floor.
    pub capped: bool,
    /// True for a year after the ramp's last year, computed by carrying the rule forward.
    pub extrapolated: bool,
    /// The previous year's actual value used by the increment reading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_actual: Option<f64>,
    pub explanation: Text,
}

/// The floor of `ramp` for `level` in `year` under `reading`.
///
/// `previous_actual` is the level's actual value in `year - 1`, used only by the increment
/// reading.
pub fn floor(
    plan: &Plan,
    ramp: &Ramp,
    level: Level,
    year: i32,
    reading: RampReading,
    previous_actual: Option<f64>,
) -> Result<RampFloor, Error> {
    let Some(first) = ramp.first_floors.get(&level).copied() else {
        return Err(crate::error::calls::ramp_level_not_covered(&ramp.id, level));
    };
    let period = plan.plan.period;
    if outside(plan, ramp, year) {
        return Err(crate::error::calls::ramp_year_outside_plan(
            year,
            (period.from, period.to),
            (ramp.first_year, ramp.last_year),
        ));
    }
    if let Some(prev) = previous_actual {
        if !valid_previous(prev) {
            let prev = crate::messages::format_value(prev);
            return Err(crate::error::calls::previous_out_of_range(&prev));
        }
    }
    let Floor {
        floor: value,
        basis,
        capped,
        extrapolated,
        ..
    } = compute(ramp, first, year, reading, previous_actual);
    let explanation = explain(
        ramp,
        level,
        year,
        reading,
        value,
        basis,
        capped,
        extrapolated,
        previous_actual,
        first,
    );
    Ok(RampFloor {
        ramp: ramp.id.clone(),
        clause: ramp.clause.clone(),
        level,
        year,
        reading,
        floor: value,
        basis,
        capped,
        extrapolated,
        previous_actual: if basis == FloorBasis::Increment {
            previous_actual
        } else {
            None
        },
        explanation,
    })
}

/// A floor without its sentence: what an evaluation needs for every unit and year, where
/// building the explanation (two formatted sentences) would cost more than the arithmetic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Floor {
    pub floor: Option<f64>,
    pub reading: RampReading,
    pub basis: FloorBasis,
    pub capped: bool,
    pub extrapolated: bool,
}

fn outside(plan: &Plan, ramp: &Ramp, year: i32) -> bool {
    let period = plan.plan.period;
    year < period.from
        || (year > ramp.last_year && ramp.after_last_year == AfterLastYear::Error)
        || !(1900..=2200).contains(&year)
}

fn valid_previous(prev: f64) -> bool {
    prev.is_finite() && (0.0..=100.0).contains(&prev)
}

/// The floor as [`floor`] computes it, or `None` where [`floor`] gives an error.
pub(crate) fn quiet_floor(
    plan: &Plan,
    ramp: &Ramp,
    level: Level,
    year: i32,
    reading: RampReading,
    previous_actual: Option<f64>,
) -> Option<Floor> {
    let first = ramp.first_floors.get(&level).copied()?;
    if outside(plan, ramp, year) || previous_actual.is_some_and(|p| !valid_previous(p)) {
        return None;
    }
    Some(compute(ramp, first, year, reading, previous_actual))
}

fn compute(ramp: &Ramp, first: f64, year: i32, reading: RampReading, previous_actual: Option<f64>) -> Floor {
    let extrapolated = year > ramp.last_year;
    let years_since = year - ramp.first_year;

    let (raw, basis) = if year < ramp.first_year {
        (None, FloorBasis::BeforeFirstYear)
    } else if years_since == 0 {
        (Some(first), FloorBasis::FirstYear)
    } else {
        match reading {
            RampReading::Schedule => (Some(first + ramp.step * f64::from(years_since)), FloorBasis::Schedule),
            RampReading::Relative => (
                Some(first * ramp.relative_factor.powi(years_since)),
                FloorBasis::Relative,
            ),
            RampReading::Increment => match previous_actual {
                Some(prev) => (Some(prev + ramp.step), FloorBasis::Increment),
                None => (None, FloorBasis::NeedsPreviousActual),
            },
        }
    };
    let capped = raw.is_some_and(|v| v > ramp.cap);
    // Shown to 4 decimals; a cap with more decimals must not be passed by the rounding.
    let floor = raw.map(|v| {
        let r = round4(v.min(ramp.cap));
        if r > ramp.cap {
            (ramp.cap * 10_000.0).floor() / 10_000.0
        } else {
            r
        }
    });
    Floor {
        floor,
        reading,
        basis,
        capped,
        extrapolated,
    }
}

#[allow(clippy::too_many_arguments)]
fn explain(
    ramp: &Ramp,
    level: Level,
    year: i32,
    reading: RampReading,
    value: Option<f64>,
    basis: FloorBasis,
    capped: bool,
    extrapolated: bool,
    previous_actual: Option<f64>,
    first: f64,
) -> Text {
    let one = |l: Locale| -> String {
        let pct = |v: f64| format_percent_trimmed(v, 2, l);
        let num = |v: f64| format_trimmed(v, 2, l);
        let lvl = level.name();
        let lvl = lvl.get(l);
        let n = year - ramp.first_year;
        let mut s = match (l, basis, value) {
            (Locale::Vi, FloorBasis::BeforeFirstYear, _) => format!(
                "Năm {year}, {lvl}: quyết định chưa đặt mức sàn (lộ trình bắt đầu từ năm {})",
                ramp.first_year
            ),
            (Locale::En, FloorBasis::BeforeFirstYear, _) => format!(
                "{year}, {lvl}: the decision sets no floor (the ramp starts in {})",
                ramp.first_year
            ),
            (Locale::Vi, FloorBasis::NeedsPreviousActual, _) => format!(
                "Năm {year}, {lvl}: cách đọc “tăng so với thực tế năm trước” cần số liệu thực tế năm {}, chưa có",
                year - 1
            ),
            (Locale::En, FloorBasis::NeedsPreviousActual, _) => format!(
                "{year}, {lvl}: the increment reading needs the actual value of {}, which was not given",
                year - 1
            ),
            (Locale::Vi, FloorBasis::FirstYear, Some(v)) => {
                format!(
                    "Năm {year}, {lvl}: mức sàn tối thiểu {} do quyết định quy định cho năm đầu",
                    pct(v)
                )
            }
            (Locale::En, FloorBasis::FirstYear, Some(v)) => {
                format!(
                    "{year}, {lvl}: floor {}, set by the decision for the first year",
                    pct(v)
                )
            }
            (Locale::Vi, FloorBasis::Schedule, Some(v)) => format!(
                "Năm {year}, {lvl}: mức sàn {} = {} (năm {}) + {n} × {} điểm phần trăm",
                pct(v),
                pct(first),
                ramp.first_year,
                num(ramp.step)
            ),
            (Locale::En, FloorBasis::Schedule, Some(v)) => format!(
                "{year}, {lvl}: floor {} = {} ({}) + {n} × {} percentage points",
                pct(v),
                pct(first),
                ramp.first_year,
                num(ramp.step)
            ),
            (Locale::Vi, FloorBasis::Relative, Some(v)) => format!(
                "Năm {year}, {lvl}: mức sàn {} = {} (năm {}) × {}^{n}",
                pct(v),
                pct(first),
                ramp.first_year,
                format_trimmed(ramp.relative_factor, 4, l)
            ),
            (Locale::En, FloorBasis::Relative, Some(v)) => format!(
                "{year}, {lvl}: floor {} = {} ({}) × {}^{n}",
                pct(v),
                pct(first),
                ramp.first_year,
                format_trimmed(ramp.relative_factor, 4, l)
            ),
            (Locale::Vi, FloorBasis::Increment, Some(v)) => format!(
                "Năm {year}, {lvl}: mức sàn {} = thực tế năm {} ({}) + {} điểm phần trăm",
                pct(v),
                year - 1,
                pct(previous_actual.unwrap_or_default()),
                num(ramp.step)
            ),
            (Locale::En, FloorBasis::Increment, Some(v)) => format!(
                "{year}, {lvl}: floor {} = actual {} ({}) + {} percentage points",
                pct(v),
                year - 1,
                pct(previous_actual.unwrap_or_default()),
                num(ramp.step)
            ),
            (_, _, None) => String::new(),
        };
        if capped {
            s.push_str(&match l {
                Locale::Vi => format!(", giới hạn ở mức {}", format_percent_trimmed(ramp.cap, 2, l)),
                Locale::En => format!(", capped at {}", format_percent_trimmed(ramp.cap, 2, l)),
            });
        }
        if extrapolated {
            s.push_str(&match l {
                Locale::Vi => format!(
                    "; quyết định chỉ quy định đến năm {}, năm này được suy theo quy tắc “mỗi năm tăng” cho đến khi đạt {}",
                    ramp.last_year,
                    format_percent_trimmed(ramp.cap, 2, l)
                ),
                Locale::En => format!(
                    "; the decision only runs to {}, so this year carries the yearly rule forward until {}",
                    ramp.last_year,
                    format_percent_trimmed(ramp.cap, 2, l)
                ),
            });
        }
        let reading_name = match (l, reading) {
            (Locale::Vi, RampReading::Schedule) => "theo lộ trình",
            (Locale::Vi, RampReading::Increment) => "tăng so với thực tế năm trước",
            (Locale::Vi, RampReading::Relative) => "tăng tương đối",
            (Locale::En, r) => r.code(),
        };
        match l {
            Locale::Vi => format!("{s} (cách đọc “{reading_name}”, khoản {})", ramp.clause),
            Locale::En => format!("{s} ({reading_name} reading, clause {})", ramp.clause),
        }
    };
    Text::new(one(Locale::Vi), one(Locale::En))
}

/// The floors of every level for the years `from..=to` under one reading, with no actual
/// values (so the increment reading gives floors only for the first year).
pub fn table(plan: &Plan, ramp: &Ramp, from: i32, to: i32, reading: RampReading) -> Vec<Result<RampFloor, Error>> {
    let mut out = Vec::new();
    for level in ramp.first_floors.keys() {
        for year in from..=to {
            out.push(floor(plan, ramp, *level, year, reading, None));
        }
    }
    out
}
