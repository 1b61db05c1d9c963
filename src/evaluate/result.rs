//! One result row: where one unit stands on one indicator. The value of each year, the
//! requirement of that year (the ramp floor, or the target), the gap, the status by the
//! trend method, the straight-path expectation, the projection, and the sentence.

use super::display::{percent_text, whole_text, Threshold};
use super::explain::{self, Facts};
use super::rollup::{in_year, UnitYear};
use super::screen::Figure;
use super::trend::{self, Trend, TrendInput};
use super::Ctx;
use crate::data::{Date, Unit};
use crate::messages::Text;
use crate::plan::{Comparator, Indicator, Level, Measure, Ramp, RampReading};
use crate::ramp::{self, round4, Floor, FloorBasis};
use crate::report::{IndicatorResult, Method, Num, RampYear, Reason, SeriesPoint, Status};

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
    pub floor: Option<Floor>,
    pub met: Option<bool>,
}

/// The judged year `year` among a unit's judged years (sorted by year).
pub(crate) fn judged_in(judged: &[YearEval], year: i32) -> Option<&YearEval> {
    let i = judged.binary_search_by_key(&year, |e| e.year).ok()?;
    judged.get(i)
}

/// The baseline count of a reduction (the unit's count in the baseline year).
fn baseline_count(rules: &Rules, years: &[UnitYear]) -> Option<f64> {
    let by = rules.ind.baseline_year?;
    match in_year(years, by)?.figure {
        Figure::Count(c) => Some(c),
        _ => None,
    }
}

/// The value of a figure in the indicator's scale, rounded to 4 decimals so that every
/// comparison is made on the number the report shows.
fn value_of(fig: Figure, base: Option<f64>) -> Option<f64> {
    let v = match fig {
        Figure::Share(v) | Figure::Rank(v) => v,
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

/// The requirement of `year` at `level`: the ramp floor, or the target.
pub(crate) fn requirement(
    ctx: &Ctx,
    rules: &Rules,
    level: Level,
    year: i32,
    previous: Option<f64>,
) -> (Option<f64>, Option<Floor>) {
    match rules.ramp {
        Some(r) => {
            let prev = if rules.reading == RampReading::Increment {
                previous
            } else {
                None
            };
            match ramp::quiet_floor(ctx.plan, r, level, year, rules.reading, prev) {
                Some(f) => (f.floor, Some(f)),
                None => (None, None),
            }
        }
        None => (Some(rules.ind.target_for(level)), None),
    }
}

/// Every year of a unit, judged against its requirement.
pub(crate) fn judge_years(ctx: &Ctx, rules: &Rules, level: Level, years: &[UnitYear]) -> Vec<YearEval> {
    let base = baseline_count(rules, years);
    let mut out = Vec::with_capacity(years.len());
    for uy in years {
        let y = uy.year;
        let value = value_of(uy.figure, base);
        let previous = in_year(years, y - 1).and_then(|p| value_of(p.figure, base));
        let (req, floor) = requirement(ctx, rules, level, y, previous);
        let met = match (value, req) {
            (Some(v), Some(r)) => Some(rules.ind.comparator.holds(v, r)),
            _ => None,
        };
        out.push(YearEval {
            year: y,
            value,
            requirement: req,
            floor,
            met,
        });
    }
    out
}

/// The target at the deadline: the ramp's floor for the deadline year, or the target.
fn deadline_target(ctx: &Ctx, rules: &Rules, level: Level, judged: &[YearEval]) -> f64 {
    let dl = rules.ind.deadline;
    let previous = judged_in(judged, dl - 1).and_then(|e| e.value);
    match requirement(ctx, rules, level, dl, previous) {
        (Some(f), Some(_)) => f,
        _ => rules.ind.target_for(level),
    }
}

fn gap_points(comparator: Comparator, value: f64, req: f64) -> f64 {
    let g = match comparator {
        Comparator::Gte => req - value,
        Comparator::Lte => value - req,
    };
    round4(g.max(0.0))
}

/// Items still missing: results to digitize, units to cut.
fn gap_units(fig: Figure, base: Option<f64>, req: f64, met: bool) -> Option<f64> {
    let missing = match fig {
        Figure::Fraction { numerator, denominator } => req / 100.0 * denominator - numerator,
        Figure::Count(c) => c - base? * (1.0 - req / 100.0),
        _ => return None,
    };
    if met {
        return Some(0.0);
    }
    // Rounded first so that 1984.0000000002 needs 1984 and not 1985.
    Some(round4(missing).ceil().max(0.0))
}

/// The series the trend method reads: counts for reductions, values otherwise.
fn trend_points(years: &[UnitYear], judged: &[YearEval]) -> Vec<(i32, f64)> {
    years
        .iter()
        .filter_map(|uy| match uy.figure {
            Figure::Count(c) => Some((uy.year, c)),
            Figure::Milestone {
                done: false,
                share: None,
            } => None,
            _ => judged_in(judged, uy.year).and_then(|e| e.value).map(|v| (uy.year, v)),
        })
        .collect()
}

pub(crate) fn row(
    ctx: &Ctx,
    rules: &Rules,
    unit: &Unit,
    years: &[UnitYear],
) -> Option<(IndicatorResult, Vec<YearEval>)> {
    let ind = rules.ind;
    let params = ctx.plan.methods.trend;
    let latest = years.last()?;
    let latest_year = &latest.year;
    let latest_period = latest.period.code();
    let judged = judge_years(ctx, rules, unit.level, years);
    let eval = *judged_in(&judged, *latest_year)?;
    let base = baseline_count(rules, years);
    let target = deadline_target(ctx, rules, unit.level, &judged);
    let deadline_passed = ctx.input.as_of > Date::end_of_month(ind.deadline, 12);
    let is_reduction = ind.measure == Measure::Reduction;

    // The trend, on counts for reductions (lower is better), on values otherwise.
    let points = trend_points(years, &judged);
    let (trend_target, sign) = if is_reduction {
        (base.map(|b| b * (1.0 - target / 100.0)), -1.0)
    } else {
        (Some(target), ind.direction.sign())
    };
    let baseline = match ctx.input.options.baseline_year {
        Some(by) => points
            .iter()
            .find(|(y, _)| *y == by)
            .copied()
            .ok_or(Reason::NoValueInBaselineYear),
        None => points.first().copied().ok_or(Reason::SinglePoint),
    };
    let last_point = points.last().copied();
    let trend = match (baseline, last_point, trend_target) {
        _ if is_reduction && base.is_none() => Trend::insufficient(Reason::NoBaseline),
        (Err(r), _, _) => Trend::insufficient(r),
        (Ok(_), _, _) if points.len() < 2 => Trend::insufficient(Reason::SinglePoint),
        (Ok((t0, y0)), Some((ti, yi)), Some(yt)) => trend::cagr_ratio(
            &params,
            &TrendInput {
                baseline_year: t0,
                baseline_value: y0,
                latest_year: ti,
                latest_value: yi,
                target_year: ind.deadline,
                target_value: yt,
                sign,
            },
        ),
        _ => Trend::insufficient(Reason::SinglePoint),
    };

    let meets_target = eval.value.is_some_and(|v| ind.comparator.holds(v, target));
    let (mut status, mut reason) = trend::status(meets_target, deadline_passed, &trend);
    if is_reduction && base.is_none() {
        (status, reason) = (Status::InsufficientData, Some(Reason::NoBaseline));
    }
    let milestone = match latest.figure {
        Figure::Milestone { done, share } => Some((done, share)),
        _ => None,
    };
    if matches!(milestone, Some((false, None))) && !deadline_passed {
        (status, reason) = (Status::InsufficientData, Some(Reason::MilestoneWithoutShare));
    }

    // Expected on the straight path, and the projection at the observed growth.
    let to_value = |x: f64| -> Option<f64> {
        if is_reduction {
            base.filter(|b| *b > 0.0).map(|b| (b - x) / b * 100.0)
        } else {
            Some(x)
        }
    };
    let (expected, projection) = match (baseline, last_point, trend_target) {
        (Ok((t0, y0)), Some((ti, yi)), Some(yt)) if ind.deadline > t0 => {
            let now = ctx.input.as_of.as_year_fraction();
            let share = ((now - f64::from(t0)) / f64::from(ind.deadline - t0)).clamp(0.0, 1.0);
            let expected = to_value(y0 + (yt - y0) * share);
            let projection = if ti > t0 && y0 > 0.0 && ind.deadline >= ti {
                let p = yi * (yi.max(0.0) / y0).powf(f64::from(ind.deadline - ti) / f64::from(ti - t0));
                let p = match ind.measure {
                    Measure::Rank => p.max(1.0).min(ind.rank_out_of.map_or(f64::INFINITY, f64::from)),
                    Measure::Reduction => p.max(0.0),
                    _ => p.clamp(0.0, 100.0),
                };
                to_value(p)
            } else {
                None
            };
            (expected, projection)
        }
        _ => (None, None),
    };

    let (numerator, denominator) = match latest.figure {
        Figure::Fraction { numerator, denominator } => (Some(numerator), Some(denominator)),
        _ => (None, None),
    };
    let count = match latest.figure {
        Figure::Count(c) => Some(c),
        _ => None,
    };
    let gap_p = match (eval.value, eval.requirement) {
        (Some(v), Some(r)) => Some(gap_points(ind.comparator, v, r)),
        _ => None,
    };
    let gap_u = match (eval.requirement, eval.met) {
        (Some(r), Some(met)) => gap_units(latest.figure, base, r, met),
        _ => None,
    };

    // The shown value agrees with `met` (the year's requirement) and with the status
    // (the deadline target).
    let thresholds: Vec<Threshold> = [eval.requirement, eval.value.map(|_| target)]
        .iter()
        .flatten()
        .map(|v| Threshold {
            value: *v,
            comparator: ind.comparator,
        })
        .collect();
    let words = ctx.input.options.text.words();
    let display: Option<Text> = eval.value.filter(|_| words).map(|v| match ind.measure {
        Measure::Rank => whole_text(v, &thresholds),
        _ => percent_text(v, &thresholds),
    });

    let ramp_years = rules
        .ramp
        .map(|r| ramp_years(ctx, rules, r, unit.level, &judged, years));
    let series = years
        .iter()
        .map(|uy| SeriesPoint {
            year: uy.year,
            period: uy.period.code(),
            value: judged_in(&judged, uy.year).and_then(|e| e.value).map(Num),
        })
        .collect();

    let explanation = words.then(|| {
        explain::result(&Facts {
            ind,
            unit_name: &unit.name,
            year: *latest_year,
            period: &latest_period,
            shown: display.as_ref(),
            fraction: numerator.zip(denominator),
            counts: count.map(|c| (c, base, ind.baseline_year.unwrap_or(*latest_year))),
            milestone,
            requirement: eval.requirement,
            is_floor: rules.ramp.is_some(),
            met: eval.met,
            gap_points: gap_p,
            gap_units: gap_u,
            target: Some(target),
            status,
            reason,
        })
    });

    let baseline_point = baseline.ok();
    let result = IndicatorResult {
        indicator: ind.id.clone(),
        area: ind.area.clone(),
        clause: ind.clause.clone(),
        title: ind.title.get(ctx.input.locale).to_string(),
        titles: words.then(|| ind.title.clone()),
        measure: ind.measure,
        unit: Some(unit.id.clone()),
        unit_name: Some(unit.name.clone()),
        level: Some(unit.level),
        headline: false,
        status,
        reason,
        year: Some(*latest_year),
        period: Some(latest_period),
        value: eval.value.map(Num),
        numerator: numerator.map(Num),
        denominator: denominator.map(Num),
        count: count.map(Num),
        baseline_count: base.map(Num),
        basis: Some(latest.basis),
        rolled_up: latest.coverage,
        requirement: eval.requirement.map(Num),
        comparator: ind.comparator,
        met: eval.met,
        gap_points: gap_p.map(Num),
        gap_units: gap_u.map(Num),
        counted: ind.counted.clone().filter(|_| words),
        display,
        target: Some(Num(target)),
        deadline: ind.deadline,
        expected: expected.map(Num),
        projection: projection.map(Num),
        method: Some(Method {
            name: ctx.input.options.trend_method.code(),
            on_track: Num(params.on_track),
            needs_acceleration: Num(params.needs_acceleration),
            limited_progress: Num(params.limited_progress),
            baseline_year: baseline_point.map(|(y, _)| y),
            baseline_value: baseline_point.map(|(_, v)| Num(v)),
            latest_year: last_point.map(|(y, _)| y),
            latest_value: last_point.map(|(_, v)| Num(v)),
            target_year: ind.deadline,
            target_value: trend_target.map(Num),
            observed_growth: trend.observed_growth.map(Num),
            required_growth: trend.required_growth.map(Num),
            ratio: trend.ratio.map(Num),
        }),
        series,
        ramp_years,
        explanation,
    };
    Some((result, judged))
}

/// Every ramp year from the earlier of the ramp's start and the first data, to the as-of
/// year (to the ramp's last year when the ramp forbids carrying it forward).
fn ramp_years(
    ctx: &Ctx,
    rules: &Rules,
    ramp: &Ramp,
    level: Level,
    judged: &[YearEval],
    years: &[UnitYear],
) -> Vec<RampYear> {
    let first_data = years.first().map_or(ramp.first_year, |uy| uy.year);
    let from = first_data.min(ramp.first_year).max(ctx.plan.plan.period.from);
    let mut to = ctx.as_of_year.max(years.last().map_or(ctx.as_of_year, |uy| uy.year));
    if ramp.after_last_year == crate::plan::AfterLastYear::Error {
        to = to.min(ramp.last_year);
    }
    let mut out = Vec::new();
    for year in from..=to {
        let e = judged_in(judged, year);
        let (floor, f) = match e {
            Some(e) => (e.requirement, e.floor),
            None => {
                let previous = judged_in(judged, year - 1).and_then(|p| p.value);
                requirement(ctx, rules, level, year, previous)
            }
        };
        let Some(f) = f else { continue };
        let value = e.and_then(|e| e.value);
        let met = e.and_then(|e| e.met);
        let gap = match (value, floor) {
            (Some(v), Some(r)) => Some(gap_points(rules.ind.comparator, v, r)),
            _ => None,
        };
        out.push(RampYear {
            year,
            floor: floor.map(Num),
            reading: f.reading,
            basis: if f.floor.is_none() && f.basis == FloorBasis::NeedsPreviousActual {
                FloorBasis::NeedsPreviousActual
            } else {
                f.basis
            },
            extrapolated: f.extrapolated,
            value: value.map(Num),
            met,
            gap_points: gap.map(Num),
        });
    }
    out
}

/// The single row of an indicator without any usable data.
pub(crate) fn no_data_row(ctx: &Ctx, ind: &Indicator) -> IndicatorResult {
    let words = ctx.input.options.text.words();
    IndicatorResult {
        indicator: ind.id.clone(),
        area: ind.area.clone(),
        clause: ind.clause.clone(),
        title: ind.title.get(ctx.input.locale).to_string(),
        titles: words.then(|| ind.title.clone()),
        measure: ind.measure,
        unit: None,
        unit_name: None,
        level: None,
        headline: true,
        status: Status::NoData,
        reason: None,
        year: None,
        period: None,
        value: None,
        numerator: None,
        denominator: None,
        count: None,
        baseline_count: None,
        basis: None,
        rolled_up: None,
        requirement: None,
        comparator: ind.comparator,
        met: None,
        gap_points: None,
        gap_units: None,
        counted: ind.counted.clone().filter(|_| words),
        display: None,
        target: None,
        deadline: ind.deadline,
        expected: None,
        projection: None,
        method: None,
        series: Vec::new(),
        ramp_years: None,
        explanation: words.then(|| explain::no_data(ind)),
    }
}
