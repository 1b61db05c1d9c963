//! The verdict of one unit on one indicator, in a fixed order:
//!
//! 1. a unit that ended before the as-of date and before the deadline is `discontinued`:
//!    its last figure is shown against the requirement of its period, never against a
//!    deadline it did not live to see;
//! 2. before the deadline, the latest figure: it meets the deadline target → `met`, else the
//!    trend method's verdict ([`super::trend`]), or `insufficient_data` with its reason;
//! 3. after the deadline, only a figure of the deadline year decides (the latest period
//!    ending in it; the annual report wins ties): it meets the target → `met`, else `missed`.
//!    A milestone done by then stays done. Without a figure of the deadline year the status
//!    is `not_reported`, and `provisional` is what step 2 makes of the latest earlier figure.
//!    Figures of later years are shown (`afterDeadline`) and never change the verdict.

use super::judge::{judged_in, Rules, YearEval};
use super::rollup::UnitYear;
use super::screen::Figure;
use super::trend::{self, Trend, TrendInput};
use super::Ctx;
use crate::data::{Date, Unit};
use crate::plan::Measure;
use crate::report::{Reason, Status};

/// Where the as-of date stands for one unit and indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    /// The deadline has not passed.
    BeforeDeadline,
    /// The deadline has passed and the unit lived to see it.
    AfterDeadline,
    /// The unit ended before the as-of date and before the deadline.
    Discontinued,
}

impl Stage {
    pub fn of(ctx: &Ctx, deadline: i32, unit: &Unit) -> Stage {
        let deadline_end = Date::end_of_year(deadline);
        match unit.valid_to {
            Some(end) if end < ctx.as_of && end < deadline_end => Stage::Discontinued,
            _ if ctx.as_of > deadline_end => Stage::AfterDeadline,
            _ => Stage::BeforeDeadline,
        }
    }
}

/// The figures of a unit as the verdict reads them.
pub(crate) struct Split<'y> {
    /// The figure the row is about: the latest (before the deadline, or for a unit that
    /// ended), the deadline year's, or the latest earlier one (`None` when every figure is
    /// after the deadline).
    pub main: Option<&'y UnitYear>,
    /// The figures the trend reads: up to the deadline year once it has passed.
    pub for_trend: &'y [UnitYear],
    /// The latest figure of a year after the deadline.
    pub after_deadline: Option<&'y UnitYear>,
}

pub(crate) fn split<'y>(stage: Stage, deadline: i32, years: &'y [UnitYear]) -> Split<'y> {
    let mut s = match stage {
        Stage::BeforeDeadline | Stage::Discontinued => Split {
            main: years.last(),
            for_trend: years,
            after_deadline: None,
        },
        Stage::AfterDeadline => {
            let upto = years.partition_point(|uy| uy.year <= deadline);
            let for_trend = years.get(..upto).unwrap_or_default();
            Split {
                main: for_trend.last(),
                for_trend,
                after_deadline: years.get(upto..).and_then(<[UnitYear]>::last),
            }
        }
    };
    // A milestone done once stays done: a later "not done" does not undo it.
    let done = |uy: &&UnitYear| matches!(uy.figure, Figure::Milestone { done: true, .. });
    if !s.main.is_some_and(|m| done(&m)) {
        if let Some(d) = s.for_trend.iter().rev().find(done) {
            s.main = Some(d);
        }
    }
    s
}

/// The trend method on a unit's series, with the points it used.
pub(crate) struct TrendOf {
    pub trend: Trend,
    pub baseline: Result<(i32, f64), Reason>,
    pub last_point: Option<(i32, f64)>,
    /// The target in the trend's own scale (a count for a reduction).
    pub target_value: Option<f64>,
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

#[inline(never)]
pub(crate) fn trend_of(
    ctx: &Ctx,
    rules: &Rules,
    years: &[UnitYear],
    judged: &[YearEval],
    base: Option<f64>,
    target: f64,
) -> TrendOf {
    let ind = rules.ind;
    let is_reduction = ind.measure == Measure::Reduction;
    let points = trend_points(years, judged);
    let (target_value, sign) = if is_reduction {
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
    let trend = match (baseline, last_point, target_value) {
        _ if is_reduction && base.is_none() => Trend::insufficient(Reason::NoBaseline),
        (Err(r), _, _) => Trend::insufficient(r),
        (Ok(_), _, _) if points.len() < 2 => Trend::insufficient(Reason::SinglePoint),
        (Ok((t0, y0)), Some((ti, yi)), Some(yt)) => trend::cagr_ratio(
            &ctx.plan.methods.trend,
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
    TrendOf {
        trend,
        baseline,
        last_point,
        target_value,
    }
}

/// The status of a row and why, with `provisional` for `not_reported`.
pub(crate) struct Verdict {
    pub status: Status,
    pub reason: Option<Reason>,
    pub provisional: Option<Status>,
}

/// What the method says of `main` before the deadline (step 2 of the module's order).
#[inline(never)]
fn before_deadline(
    rules: &Rules,
    main: &UnitYear,
    value: Option<f64>,
    target: f64,
    t: &TrendOf,
    base: Option<f64>,
) -> (Status, Option<Reason>) {
    let ind = rules.ind;
    let meets_target = value.is_some_and(|v| ind.comparator.holds(v, target));
    let (mut status, mut reason) = trend::status(meets_target, false, &t.trend);
    if ind.measure == Measure::Reduction && base.is_none() {
        (status, reason) = (Status::InsufficientData, Some(Reason::NoBaseline));
    }
    if matches!(
        main.figure,
        Figure::Milestone {
            done: false,
            share: None
        }
    ) {
        (status, reason) = (Status::InsufficientData, Some(Reason::MilestoneWithoutShare));
    }
    (status, reason)
}

#[inline(never)]
pub(crate) fn decide(
    rules: &Rules,
    stage: Stage,
    split: &Split,
    judged: &[YearEval],
    target: f64,
    t: &TrendOf,
    base: Option<f64>,
) -> Verdict {
    let ind = rules.ind;
    let value_of = |uy: &UnitYear| judged_in(judged, uy.year).and_then(|e| e.value);
    let Some(main) = split.main else {
        // Only figures after the deadline: nothing of the deadline year.
        return Verdict {
            status: Status::NotReported,
            reason: None,
            provisional: None,
        };
    };
    match stage {
        Stage::Discontinued => Verdict {
            status: Status::Discontinued,
            reason: None,
            provisional: None,
        },
        Stage::BeforeDeadline => {
            let (status, reason) = before_deadline(rules, main, value_of(main), target, t, base);
            Verdict {
                status,
                reason,
                provisional: None,
            }
        }
        Stage::AfterDeadline => {
            if matches!(main.figure, Figure::Milestone { done: true, .. }) {
                return Verdict {
                    status: Status::Met,
                    reason: None,
                    provisional: None,
                };
            }
            if main.year == ind.deadline {
                let met = value_of(main).is_some_and(|v| ind.comparator.holds(v, target));
                return Verdict {
                    status: if met { Status::Met } else { Status::Missed },
                    reason: None,
                    provisional: None,
                };
            }
            let (provisional, reason) = before_deadline(rules, main, value_of(main), target, t, base);
            Verdict {
                status: Status::NotReported,
                reason,
                provisional: Some(provisional),
            }
        }
    }
}

/// On the straight path from the baseline to the target, the value due at the as-of date;
/// and the value at the deadline if the observed growth holds. Neither for a unit that
/// ended: it has no deadline to be on the way to.
#[inline(never)]
pub(crate) fn path(
    ctx: &Ctx,
    rules: &Rules,
    stage: Stage,
    t: &TrendOf,
    base: Option<f64>,
) -> (Option<f64>, Option<f64>) {
    let ind = rules.ind;
    if stage == Stage::Discontinued {
        return (None, None);
    }
    let is_reduction = ind.measure == Measure::Reduction;
    let to_value = |x: f64| -> Option<f64> {
        if is_reduction {
            base.filter(|b| *b > 0.0).map(|b| (b - x) / b * 100.0)
        } else {
            Some(x)
        }
    };
    match (t.baseline, t.last_point, t.target_value) {
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
    }
}
