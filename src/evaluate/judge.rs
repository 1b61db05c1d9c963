//! Each year of a unit judged against what applied to it: the ramp floor of that year and
//! level (under the chosen reading), or the indicator's target. A unit that ended during a
//! year never reaches that year's end, so it is held to the floor of the last year it lived
//! through (a district's 2025-H1 figure against the 2024 floor, not the 2025 one).

use super::rollup::{in_year, UnitYear};
use super::screen::Figure;
use super::Ctx;
use crate::data::{Date, Unit};
use crate::plan::{Indicator, Level, Ramp, RampReading};
use crate::ramp::{self, round4, Floor};

/// One indicator as the evaluation reads it.
pub(crate) struct Rules<'a> {
    pub ind: &'a Indicator,
    pub ramp: Option<&'a Ramp>,
    pub reading: RampReading,
}

/// One year of one unit, judged.
#[derive(Debug, Clone, Copy)]
pub(crate) struct YearEval {
    pub year: i32,
    pub value: Option<f64>,
    pub requirement: Option<f64>,
    /// The year whose floor `requirement` is, when it is not `year`.
    pub requirement_year: Option<i32>,
    pub floor: Option<Floor>,
    pub met: Option<bool>,
}

/// The judged year `year` among a unit's judged years (sorted by year).
pub(crate) fn judged_in(judged: &[YearEval], year: i32) -> Option<&YearEval> {
    let i = judged.binary_search_by_key(&year, |e| e.year).ok()?;
    judged.get(i)
}

/// The baseline count of a reduction (the unit's count in the baseline year).
pub(crate) fn baseline_count(rules: &Rules, years: &[UnitYear]) -> Option<f64> {
    let by = rules.ind.baseline_year?;
    match in_year(years, by)?.figure {
        Figure::Count(c) => Some(c),
        _ => None,
    }
}

/// The value of a figure in the indicator's scale, rounded to 4 decimals so that every
/// comparison is made on the number the report shows.
pub(crate) fn value_of(fig: Figure, base: Option<f64>) -> Option<f64> {
    let v = match fig {
        Figure::Share(v) => v,
        Figure::Rank { rank, .. } => rank,
        Figure::Fraction { numerator, denominator } => numerator / denominator * 100.0,
        Figure::Count(c) => {
            let b = base.filter(|b| *b > 0.0)?;
            (b - c) / b * 100.0
        }
        Figure::Milestone { done: true, .. } => 100.0,
        Figure::Milestone { done: false, share } => share.unwrap_or(0.0),
    };
    Some(round4(v))
}

/// The year whose requirement applies to `unit` in `year`: the year itself, or for a unit
/// whose last day falls before the end of `year`, the year before (`Some` only then).
pub(crate) fn requirement_year(unit_end: Option<Date>, year: i32) -> Option<i32> {
    unit_end.filter(|end| *end < Date::end_of_year(year)).map(|_| year - 1)
}

/// The requirement of `year` at `level`: the ramp floor, or the target. `ended_early` says
/// that the unit ended before the end of `year` (then a ramp's floor is the year before's).
pub(crate) fn requirement(
    ctx: &Ctx,
    rules: &Rules,
    level: Level,
    year: i32,
    previous: Option<f64>,
    ended_early: bool,
) -> (Option<f64>, Option<Floor>, Option<i32>) {
    match rules.ramp {
        Some(r) => {
            let floor_year = if ended_early { year - 1 } else { year };
            let prev = if rules.reading == RampReading::Increment {
                previous
            } else {
                None
            };
            match ramp::quiet_floor(ctx.plan, r, level, floor_year, rules.reading, prev) {
                Some(f) => (f.floor, Some(f), ended_early.then_some(floor_year)),
                None => (None, None, ended_early.then_some(floor_year)),
            }
        }
        None => (Some(rules.ind.target_for(level)), None, None),
    }
}

/// Every year of a unit, judged against its requirement.
#[inline(never)]
pub(crate) fn judge_years(ctx: &Ctx, rules: &Rules, unit: &Unit, years: &[UnitYear]) -> Vec<YearEval> {
    let base = baseline_count(rules, years);
    let mut out = Vec::with_capacity(years.len());
    for uy in years {
        let y = uy.year;
        let value = value_of(uy.figure, base);
        // The increment reading adds to last year's actual value (of two years before for a
        // unit held to last year's floor).
        let ended_early = requirement_year(unit.valid_to, y).is_some();
        let prev_year = if ended_early { y - 2 } else { y - 1 };
        let previous = in_year(years, prev_year).and_then(|p| value_of(p.figure, base));
        let (req, floor, req_year) = requirement(ctx, rules, unit.level, y, previous, ended_early);
        let met = match (value, req) {
            (Some(v), Some(r)) => Some(rules.ind.comparator.holds(v, r)),
            _ => None,
        };
        out.push(YearEval {
            year: y,
            value,
            requirement: req,
            requirement_year: req_year,
            floor,
            met,
        });
    }
    out
}

/// The target at the deadline: the ramp's floor for the deadline year, or the target.
#[inline(never)]
pub(crate) fn deadline_target(ctx: &Ctx, rules: &Rules, level: Level, judged: &[YearEval]) -> f64 {
    let dl = rules.ind.deadline;
    let previous = judged_in(judged, dl - 1).and_then(|e| e.value);
    match requirement(ctx, rules, level, dl, previous, false) {
        (Some(f), Some(_), _) => f,
        _ => rules.ind.target_for(level),
    }
}
