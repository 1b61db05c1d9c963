//! One result row: where one unit stands on one indicator. Built in named steps: the years
//! judged ([`super::judge`]), the figures split at the deadline and the verdict
//! ([`super::verdict`]), the gap, the shown value, the series and its breaks, the ramp years,
//! and the sentence ([`super::explain`]).

use super::breaks;
use super::display::{percent_text, whole_text, Threshold};
use super::explain::{self, After, Facts};
use super::judge::{self, judged_in, Rules, YearEval};
use super::rollup::UnitYear;
use super::screen::Figure;
use super::verdict::{self, Split, Stage, TrendOf, Verdict};
use super::{Ctx, Row};
use crate::data::hierarchy::Share;
use crate::data::Unit;
use crate::messages::Text;
use crate::plan::{Comparator, Indicator, Level, Measure, Ramp};
use crate::ramp::{round4, FloorBasis};
use crate::report::{
    AfterDeadline, FigureBasis, Finding, IndicatorResult, Method, Num, RampYear, SeriesBreak, SeriesPoint, Status,
};

pub(crate) fn gap_points(comparator: Comparator, value: f64, req: f64) -> f64 {
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

/// The series breaks of a unit between consecutive years of its series (a year summed from
/// predecessors is on the unit's own territory by construction), each also a finding; and
/// the first one inside the trend's span.
#[inline(never)]
fn series_breaks(
    ctx: &Ctx,
    unit_at: usize,
    years: &[UnitYear],
    t: &TrendOf,
    findings: &mut Vec<Finding>,
) -> Option<SeriesBreak> {
    let mut first_in_span = None;
    for pair in years.windows(2) {
        let [a, b] = pair else { continue };
        if a.basis == FigureBasis::Predecessors || b.basis == FigureBasis::Predecessors {
            continue;
        }
        let Some(br) = breaks::between(&ctx.units, unit_at, a.year, b.year) else {
            continue;
        };
        findings.extend(breaks::finding(ctx, unit_at, &br));
        let in_span =
            matches!((t.baseline, t.last_point), (Ok((t0, _)), Some((ti, _))) if t0 <= a.year && b.year <= ti);
        if in_span && first_in_span.is_none() {
            first_in_span = Some(SeriesBreak {
                before: a.year,
                after: b.year,
            });
        }
    }
    first_in_span
}

/// What the row says of its main figure: its fields in the report's form.
struct MainFigure {
    eval: Option<YearEval>,
    numerator: Option<f64>,
    denominator: Option<f64>,
    count: Option<f64>,
    out_of: Option<f64>,
    milestone: Option<(bool, Option<f64>)>,
}

fn main_figure(main: Option<&UnitYear>, judged: &[YearEval]) -> MainFigure {
    let fig = main.map(|m| m.figure);
    MainFigure {
        eval: main.and_then(|m| judged_in(judged, m.year)).copied(),
        numerator: match fig {
            Some(Figure::Fraction { numerator, .. }) => Some(numerator),
            _ => None,
        },
        denominator: match fig {
            Some(Figure::Fraction { denominator, .. }) => Some(denominator),
            _ => None,
        },
        count: match fig {
            Some(Figure::Count(c)) => Some(c),
            _ => None,
        },
        out_of: match fig {
            Some(Figure::Rank { out_of, .. }) => out_of,
            _ => None,
        },
        milestone: match fig {
            Some(Figure::Milestone { done, share }) => Some((done, share)),
            _ => None,
        },
    }
}

/// The shown text of a value, rounded so that it never contradicts the thresholds it is
/// judged against.
pub(crate) fn shown(ind: &Indicator, value: f64, thresholds: &[Option<f64>]) -> Text {
    let thresholds: Vec<Threshold> = thresholds
        .iter()
        .flatten()
        .map(|v| Threshold {
            value: *v,
            comparator: ind.comparator,
        })
        .collect();
    match ind.measure {
        Measure::Rank => whole_text(value, &thresholds),
        _ => percent_text(value, &thresholds),
    }
}

/// Predecessors whose share is unknown (their history is not estimated).
fn unknown_shares(ctx: &Ctx, unit_at: usize) -> Vec<String> {
    ctx.units
        .predecessors
        .get(unit_at)
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter(|(_, s)| *s == Share::Unknown)
        .filter_map(|(p, _)| ctx.unit(*p).map(|u| u.id.clone()))
        .collect()
}

#[inline(never)]
pub(crate) fn row(
    ctx: &Ctx,
    rules: &Rules,
    unit_at: usize,
    years: &[UnitYear],
    findings: &mut Vec<Finding>,
) -> Option<Row> {
    let ind = rules.ind;
    let unit = ctx.unit(unit_at)?;
    years.last()?;
    let judged = judge::judge_years(ctx, rules, unit, years);
    let base = judge::baseline_count(rules, years);
    let target = judge::deadline_target(ctx, rules, unit.level, &judged);
    let stage = Stage::of(ctx, ind.deadline, unit);
    let split: Split = verdict::split(stage, ind.deadline, years);
    let t = verdict::trend_of(ctx, rules, split.for_trend, &judged, base, target);
    let Verdict {
        status,
        reason,
        provisional,
    } = verdict::decide(rules, stage, &split, &judged, target, &t, base);
    let (expected, projection) = verdict::path(ctx, rules, stage, &t, base);
    let series_break = series_breaks(ctx, unit_at, years, &t, findings);

    let main = split.main;
    let m = main_figure(main, &judged);
    let value = m.eval.and_then(|e| e.value);
    let requirement = m.eval.and_then(|e| e.requirement);
    let met = m.eval.and_then(|e| e.met);
    let gap_p = value.zip(requirement).map(|(v, r)| gap_points(ind.comparator, v, r));
    let gap_u = match (main, requirement, met) {
        (Some(mf), Some(r), Some(met)) => gap_units(mf.figure, base, r, met),
        _ => None,
    };
    // The shown value agrees with `met` (the year's requirement) and, where the row is
    // judged at the deadline, with the status (the deadline target).
    let judged_at_deadline = stage != Stage::Discontinued;
    // A row the report does not keep (`options.only`) is built for the summaries only.
    let words = ctx.input.options.text.words() && ctx.keeps_unit(unit_at);
    let display: Option<Text> = value
        .filter(|_| words)
        .map(|v| shown(ind, v, &[requirement, judged_at_deadline.then_some(target)]));
    let after = split.after_deadline.map(|a| {
        let v = judged_in(&judged, a.year).and_then(|e| e.value);
        (a, v, v.map(|v| ind.comparator.holds(v, target)))
    });

    let ramp_years = rules
        .ramp
        .map(|r| ramp_years(ctx, rules, r, unit.level, &judged, years));
    let series = series(years, &judged);
    let successors = successors(ctx, unit_at, stage);
    let not_estimated_from = unknown_shares(ctx, unit_at);

    let mut result = IndicatorResult {
        indicator: ind.id.clone(),
        area: ind.area.clone(),
        clause: ind.clause.clone(),
        title: ind.title.get(ctx.input.locale).to_string(),
        titles: words.then(|| ind.title.clone()),
        measure: ind.measure,
        unit: Some(unit.id.clone()),
        unit_name: Some(unit.name.clone()),
        level: Some(unit.level),
        valid_from: unit.valid_from.map(|d| d.to_string()),
        valid_to: unit.valid_to.map(|d| d.to_string()),
        successors: successors.iter().map(|s| s.id.clone()).collect(),
        headline: false,
        status,
        reason,
        provisional,
        after_deadline: after.map(|(a, v, met)| AfterDeadline {
            year: a.year,
            period: a.period.code(),
            value: v.map(Num),
            met,
        }),
        year: main.map(|mf| mf.year),
        period: main.map(|mf| mf.period.code()),
        value: value.map(Num),
        numerator: m.numerator.map(Num),
        denominator: m.denominator.map(Num),
        count: m.count.map(Num),
        baseline_count: base.map(Num),
        out_of: m.out_of.map(Num),
        basis: main.map(|mf| mf.basis),
        estimated: main.is_some_and(|mf| mf.estimated),
        not_estimated_from,
        rolled_up: main.and_then(|mf| mf.coverage),
        requirement: requirement.map(Num),
        requirement_year: m.eval.and_then(|e| e.requirement_year),
        comparator: ind.comparator,
        met,
        gap_points: gap_p.map(Num),
        gap_units: gap_u.map(Num),
        counted: ind.counted.clone().filter(|_| words),
        display,
        target: Some(Num(target)),
        deadline: ind.deadline,
        expected: expected.map(Num),
        projection: projection.map(Num),
        method: Some(method(ctx, ind, &t, series_break)),
        series,
        ramp_years,
        explanation: None,
    };
    if words {
        let untold = Untold {
            milestone: m.milestone,
            after_out_of: after.and_then(|(a, _, _)| match a.figure {
                Figure::Rank { out_of, .. } => out_of,
                _ => None,
            }),
            successors: successors.iter().map(|s| s.name.as_str()).collect(),
        };
        result.explanation = Some(sentence(rules, unit, stage, &result, untold));
    }
    Some(Row {
        result,
        unit: unit_at,
        judged,
    })
}

/// What the sentence of a row says that the row itself does not hold.
struct Untold<'a> {
    /// Milestones: done, share.
    milestone: Option<(bool, Option<f64>)>,
    /// Ranks after the deadline: how many the ranking ranked.
    after_out_of: Option<f64>,
    successors: Vec<&'a str>,
}

/// The sentence of a finished row: written from the row itself, and from what it does not
/// hold (`untold`, the unit's days, and the rounding of a figure after the deadline).
#[inline(never)]
fn sentence(rules: &Rules, unit: &Unit, stage: Stage, r: &IndicatorResult, untold: Untold) -> Text {
    let ind = rules.ind;
    let target = r.target.map(|t| t.0);
    explain::result(&Facts {
        ind,
        row: r,
        is_floor: rules.ramp.is_some(),
        milestone: untold.milestone,
        gap_to_target: r.value.zip(target).map(|(v, t)| gap_points(ind.comparator, v.0, t)),
        after: r.after_deadline.as_ref().map(|a| After {
            year: a.year,
            period: a.period.clone(),
            shown: a.value.zip(target).map(|(v, t)| shown(ind, v.0, &[Some(t)])),
            out_of: untold.after_out_of,
            met: a.met,
        }),
        valid_from: unit.valid_from,
        ended: (stage == Stage::Discontinued).then_some(unit.valid_to).flatten(),
        successors: untold.successors,
    })
}

/// The row's series: each year's figure as judged, with what it is out of and where it came from.
fn series(years: &[UnitYear], judged: &[YearEval]) -> Vec<SeriesPoint> {
    years
        .iter()
        .map(|uy| SeriesPoint {
            year: uy.year,
            period: uy.period.code(),
            value: judged_in(judged, uy.year).and_then(|e| e.value).map(Num),
            out_of: match uy.figure {
                Figure::Rank { out_of, .. } => out_of.map(Num),
                _ => None,
            },
            basis: uy.basis,
            estimated: uy.estimated,
        })
        .collect()
}

/// The units a discontinued unit became (by lineage); none for a unit still in place.
fn successors<'a>(ctx: &'a Ctx, unit_at: usize, stage: Stage) -> Vec<&'a Unit> {
    if stage != Stage::Discontinued {
        return Vec::new();
    }
    ctx.units
        .successors
        .get(unit_at)
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(|s| ctx.unit(*s))
        .collect()
}

/// How the trend verdict was reached: the method's thresholds and the points it compared.
fn method(ctx: &Ctx, ind: &Indicator, t: &verdict::TrendOf, series_break: Option<SeriesBreak>) -> Method {
    let baseline_point = t.baseline.ok();
    Method {
        name: ctx.input.options.trend_method.code(),
        on_track: Num(ctx.plan.methods.trend.on_track),
        needs_acceleration: Num(ctx.plan.methods.trend.needs_acceleration),
        limited_progress: Num(ctx.plan.methods.trend.limited_progress),
        baseline_year: baseline_point.map(|(y, _)| y),
        baseline_value: baseline_point.map(|(_, v)| Num(v)),
        latest_year: t.last_point.map(|(y, _)| y),
        latest_value: t.last_point.map(|(_, v)| Num(v)),
        target_year: ind.deadline,
        target_value: t.target_value.map(Num),
        observed_growth: t.trend.observed_growth.map(Num),
        required_growth: t.trend.required_growth.map(Num),
        ratio: t.trend.ratio.map(Num),
        series_break,
    }
}

/// Every ramp year from the earlier of the ramp's start and the first data, to the as-of
/// year (to the ramp's last year when the ramp forbids carrying it forward; to the unit's last
/// year when it ended).
#[inline(never)]
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
    let mut to = ctx.as_of.year.max(years.last().map_or(ctx.as_of.year, |uy| uy.year));
    if ramp.after_last_year == crate::plan::AfterLastYear::Error {
        to = to.min(ramp.last_year);
    }
    let mut out = Vec::new();
    for year in from..=to {
        let e = judged_in(judged, year);
        let (floor, f, floor_year) = match e {
            Some(e) => (e.requirement, e.floor, e.requirement_year),
            None => {
                let previous = judged_in(judged, year - 1).and_then(|p| p.value);
                judge::requirement(ctx, rules, level, year, previous, false)
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
            floor_year,
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
#[inline(never)]
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
        valid_from: None,
        valid_to: None,
        successors: Vec::new(),
        headline: true,
        status: Status::NoData,
        reason: None,
        provisional: None,
        after_deadline: None,
        year: None,
        period: None,
        value: None,
        numerator: None,
        denominator: None,
        count: None,
        baseline_count: None,
        out_of: None,
        basis: None,
        estimated: false,
        not_estimated_from: Vec::new(),
        rolled_up: None,
        requirement: None,
        requirement_year: None,
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
