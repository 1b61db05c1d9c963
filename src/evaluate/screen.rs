//! Screening: every observation is checked against the plan and the units, duplicates are
//! settled, nested denominators are filled from the parent indicator, and each unit's value
//! for a year is chosen. What cannot be used becomes a finding.

use super::findings::Key;
use super::Ctx;
use crate::data::{Date, Observation, Period, Reading};
use crate::messages::{format_trimmed, Locale, Text};
use crate::plan::{Aggregation, DenominatorFrom, Indicator, Measure};
use crate::report::{Finding, FindingCode};
use crate::sort::{sort, sort_by};

/// A usable figure, in the form the indicator measures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Figure {
    /// A percentage given without counts: it cannot be summed.
    Share(f64),
    Fraction {
        numerator: f64,
        denominator: f64,
    },
    Rank {
        rank: f64,
        out_of: Option<f64>,
    },
    Count(f64),
    Milestone {
        done: bool,
        share: Option<f64>,
    },
}

/// The value chosen for one unit in one year, and the period it came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Chosen {
    pub period: Period,
    pub figure: Figure,
}

/// One unit's own value in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct OwnYear {
    /// The unit's index in [`Ctx::units`].
    pub unit: usize,
    pub year: i32,
    pub chosen: Chosen,
}

/// Per indicator (by its position in the plan): every unit's own value of each year, sorted
/// by unit and year.
pub(crate) type OwnYearly = Vec<Vec<OwnYear>>;

/// An observation's key, interned: indicator position in the plan, unit index, period.
type ObsKey = (usize, usize, Period);

/// The checked figures by key, and the nested numerators still waiting for their parent's.
type CheckedKeys = (Vec<(ObsKey, Figure)>, Vec<(ObsKey, f64)>);

fn n(v: f64) -> (String, String) {
    (format_trimmed(v, 4, Locale::Vi), format_trimmed(v, 4, Locale::En))
}

/// The figures of a kept observation, sorted by key.
fn find_figure(figures: &[(ObsKey, Figure)], key: &ObsKey) -> Option<Figure> {
    let i = figures.binary_search_by(|(k, _)| k.cmp(key)).ok()?;
    figures.get(i).map(|(_, f)| *f)
}

/// An observation key as one number in the same order: indicator (30 bits), unit (17: at
/// most [`crate::data::MAX_UNITS`]), period (17); `None` when one does not fit.
fn packed_key(ind: usize, unit: usize, period: crate::data::Period) -> Option<u64> {
    let ind = u64::try_from(ind).ok().filter(|i| *i < 1 << 30)?;
    let unit = u64::try_from(unit).ok().filter(|u| *u < 1 << 17)?;
    let period = u64::from(period.order_key()?);
    Some(ind << 34 | unit << 17 | period)
}

/// Screens every observation: the steps below, in order.
#[inline(never)]
pub(crate) fn screen(ctx: &Ctx, observations: &[Observation], findings: &mut Vec<Finding>) -> OwnYearly {
    let keyed = key_observations(ctx, observations, findings);
    let (mut figures, pending) = check_each_key(ctx, observations, &keyed, findings);
    fill_nested_denominators(ctx, &mut figures, &pending, findings);
    choose_yearly_values(ctx, &figures, findings)
}

/// Keys every observation by indicator, unit and period, after the checks that need no key
/// partner (after the as-of date, unknown indicator, unknown unit); sorted, so that the
/// observations of one key are next to each other, in the input's order.
fn key_observations(ctx: &Ctx, observations: &[Observation], findings: &mut Vec<Finding>) -> Vec<(ObsKey, usize)> {
    let mut keyed: Vec<(ObsKey, usize)> = Vec::with_capacity(observations.len());
    // Exports list an indicator's or a unit's rows together: the last lookup is often the
    // next one's answer, found with one comparison instead of a binary search.
    let mut last_indicator: Option<(&str, Option<usize>)> = None;
    let mut last_unit: Option<(&str, std::ops::Range<usize>)> = None;
    for (at, o) in observations.iter().enumerate() {
        let key = Key {
            indicator: &o.indicator,
            unit: &o.unit,
            period: o.period,
        };
        if o.period.start() > ctx.input.as_of {
            findings.push(key.finding(
                FindingCode::AfterAsOf,
                None,
                Text::new(
                    format!(
                        "kỳ `{}` bắt đầu sau ngày đánh giá {}, không được tính",
                        o.period, ctx.input.as_of
                    ),
                    format!(
                        "period `{}` starts after the as-of date {}, so it is left out",
                        o.period, ctx.input.as_of
                    ),
                ),
            ));
            continue;
        }
        let ind = match last_indicator {
            Some((id, found)) if id == o.indicator => found,
            _ => ctx.indicator_index(&o.indicator),
        };
        last_indicator = Some((&o.indicator, ind));
        if ind.is_some_and(|i| !ctx.screens_indicator(i)) {
            continue;
        }
        let Some(ind) = ind else {
            findings.push(key.finding(
                FindingCode::UnknownIndicator,
                Some("indicator"),
                Text::new(
                    format!("kế hoạch không có chỉ tiêu `{}`", super::clip(&o.indicator)),
                    format!("the plan has no indicator `{}`", super::clip(&o.indicator)),
                ),
            ));
            continue;
        };
        let units = match &last_unit {
            Some((id, found)) if *id == o.unit => found.clone(),
            _ => ctx.units.index.of_id(&o.unit),
        };
        last_unit = Some((&o.unit, units.clone()));
        // The unit of the id valid in the period; with none, the last unit of the id, so
        // that the finding names it (after duplicates are settled, as for any figure).
        let unit = if units.len() == 1 {
            Some(units.start)
        } else {
            ctx.units.for_period(&o.unit, o.period).or(units.clone().last())
        };
        let Some(unit) = unit else {
            findings.push(key.finding(
                FindingCode::UnknownUnit,
                Some("unit"),
                Text::new(
                    format!("đơn vị `{}` không có trong danh sách đơn vị", super::clip(&o.unit)),
                    format!("unit `{}` is not in the list of units", super::clip(&o.unit)),
                ),
            ));
            continue;
        };
        keyed.push(((ind, unit, o.period), at));
    }
    // `at` only grows, so a stable sort by the key is the sort by (key, at).
    if !crate::sort::sort_by_u64_key(&mut keyed, |((ind, unit, period), _)| packed_key(*ind, *unit, *period)) {
        sort(&mut keyed);
    }
    keyed
}

/// Settles the duplicates of each key, then checks its one observation against its unit's
/// validity, the levels of the indicator and the kind and range of its value. A nested
/// figure whose denominator is its parent's numerator waits in the second list.
fn check_each_key(
    ctx: &Ctx,
    observations: &[Observation],
    keyed: &[(ObsKey, usize)],
    findings: &mut Vec<Finding>,
) -> CheckedKeys {
    let plan = ctx.plan;
    let mut figures: Vec<(ObsKey, Figure)> = Vec::with_capacity(keyed.len());
    let mut pending: Vec<(ObsKey, f64)> = Vec::new();
    for group in keyed.chunk_by(|a, b| a.0 == b.0) {
        let Some(&((ind_at, unit_at, period), first_at)) = group.first() else {
            continue;
        };
        let (Some(first), Some(ind), Some(unit)) = (
            observations.get(first_at),
            plan.indicators.get(ind_at),
            ctx.unit(unit_at),
        ) else {
            continue;
        };
        let key = Key {
            indicator: &first.indicator,
            unit: &first.unit,
            period,
        };
        if let Some(f) = duplicates(observations, group, first, &key, findings) {
            findings.push(f);
            continue;
        }
        if !unit.valid_in_period(period) {
            let span = validity(unit.valid_from, unit.valid_to);
            findings.push(key.finding(
                FindingCode::UnitNotValidInPeriod,
                Some("unit"),
                Text::new(
                    format!(
                        "đơn vị `{}` chỉ tồn tại {}, không có trong kỳ `{period}`",
                        super::clip(&unit.id),
                        span.0
                    ),
                    format!(
                        "unit `{}` only exists {}, not in period `{period}`",
                        super::clip(&unit.id),
                        span.1
                    ),
                ),
            ));
            continue;
        }
        if ind.aggregation != Aggregation::Hierarchy && !ind.covers(unit.level) {
            let lvl = unit.level.name();
            findings.push(key.finding(
                FindingCode::LevelNotCovered,
                Some("unit"),
                Text::new(
                    format!("chỉ tiêu `{}` không áp dụng cho {}", ind.id, lvl.vi),
                    format!("indicator `{}` does not apply at the {}", ind.id, lvl.en),
                ),
            ));
            continue;
        }
        match check(ind, &first.reading, &key) {
            Ok(Checked::Figure(f)) => figures.push(((ind_at, unit_at, period), f)),
            Ok(Checked::NeedsParent(numerator)) => pending.push(((ind_at, unit_at, period), numerator)),
            Err(f) => findings.push(*f),
        }
    }
    (figures, pending)
}

/// Several observations of one key: the same figure is kept once (with a warning); different
/// figures are all left out (the returned finding).
fn duplicates(
    observations: &[Observation],
    group: &[(ObsKey, usize)],
    first: &Observation,
    key: &Key,
    findings: &mut Vec<Finding>,
) -> Option<Finding> {
    if group.len() < 2 {
        return None;
    }
    let same = group
        .iter()
        .all(|(_, at)| observations.get(*at).is_some_and(|o| o.reading == first.reading));
    if same {
        findings.push(key.finding(
            FindingCode::Duplicate,
            None,
            Text::new(
                format!("số liệu lặp lại {} lần với cùng giá trị, chỉ tính một lần", group.len()),
                format!("the same figure is given {} times; it is counted once", group.len()),
            ),
        ));
        return None;
    }
    Some(key.finding(
        FindingCode::ConflictingDuplicate,
        None,
        Text::new(
            format!(
                "có {} số liệu khác nhau cho cùng chỉ tiêu, đơn vị và kỳ; không dùng số liệu nào",
                group.len()
            ),
            format!(
                "{} different figures for the same indicator, unit and period; none is used",
                group.len()
            ),
        ),
    ))
}

/// Nested indicators whose population is the parent's numerator, in the order of their ids,
/// so that a nested parent filled here is seen by its own nested children. A parent is never
/// the indicator itself, so each indicator's batch only reads earlier ones.
fn fill_nested_denominators(
    ctx: &Ctx,
    figures: &mut Vec<(ObsKey, Figure)>,
    pending: &[(ObsKey, f64)],
    findings: &mut Vec<Finding>,
) {
    let plan = ctx.plan;
    let mut pending = pending.to_vec();
    sort_by(&mut pending, |a, b| {
        let id = |k: &ObsKey| plan.indicators.get(k.0).map(|i| i.id.as_str());
        id(&a.0).cmp(&id(&b.0)).then(a.0.cmp(&b.0))
    });
    for batch in pending.chunk_by(|a, b| a.0 .0 == b.0 .0) {
        let mut filled: Vec<(ObsKey, Figure)> = Vec::new();
        for &((ind_at, unit_at, period), numerator) in batch {
            let (Some(ind), Some(unit)) = (plan.indicators.get(ind_at), ctx.unit(unit_at)) else {
                continue;
            };
            let key = Key {
                indicator: &ind.id,
                unit: &unit.id,
                period,
            };
            let parent_id = ind.parent.as_deref().unwrap_or_default();
            let parent = ctx
                .indicator_index(parent_id)
                .and_then(|p| find_figure(figures, &(p, unit_at, period)));
            let Some(Figure::Fraction {
                numerator: parent_numerator,
                ..
            }) = parent
            else {
                findings.push(key.finding(
                    FindingCode::NestedDenominatorMissing,
                    Some("denominator"),
                    Text::new(
                        format!(
                            "thiếu mẫu số: chỉ tiêu này tính trên tử số của `{parent_id}`, nhưng `{parent_id}` không có tử số dùng được cho cùng đơn vị và kỳ"
                        ),
                        format!(
                            "no denominator: this indicator is measured within the numerator of `{parent_id}`, which has no usable numerator for the same unit and period"
                        ),
                    ),
                ));
                continue;
            };
            match fraction(numerator, parent_numerator, &key) {
                Ok(f) => filled.push(((ind_at, unit_at, period), f)),
                Err(f) => findings.push(*f),
            }
        }
        if !filled.is_empty() {
            merge_in(figures, filled);
        }
    }
}

/// Merges `more` (sorted by key, no key of `figures`) into `figures` (sorted by key): one
/// pass, where sorting again took a province's 100 000 figures through every merge pass
/// for each nested indicator.
fn merge_in(figures: &mut Vec<(ObsKey, Figure)>, more: Vec<(ObsKey, Figure)>) {
    let old = std::mem::take(figures);
    figures.reserve(old.len() + more.len());
    let (mut a, mut b) = (old.into_iter().peekable(), more.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if y.0 < x.0 => b.next(),
            (Some(_), _) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(f) => figures.push(f),
            None => break,
        }
    }
}

/// The value of a year: the latest-ending period, the longer one on a tie. Figures are
/// sorted by indicator, unit and period (by start), so a unit's years come in order. Data
/// that has gone stale is a finding here.
fn choose_yearly_values(ctx: &Ctx, figures: &[(ObsKey, Figure)], findings: &mut Vec<Finding>) -> OwnYearly {
    let mut own: OwnYearly = vec![Vec::new(); ctx.plan.indicators.len()];
    for pair in figures.chunk_by(|a, b| (a.0 .0, a.0 .1) == (b.0 .0, b.0 .1)) {
        let Some(&((ind_at, unit_at, first_period), _)) = pair.first() else {
            continue;
        };
        let Some(slot) = own.get_mut(ind_at) else { continue };
        let mut latest = first_period;
        let mut done = false;
        for &((_, _, period), figure) in pair {
            let chosen = Chosen { period, figure };
            match slot.last_mut() {
                Some(last) if last.unit == unit_at && last.year == period.year => {
                    if period.yearly_precedence() > last.chosen.period.yearly_precedence() {
                        last.chosen = chosen;
                    }
                }
                _ => slot.push(OwnYear {
                    unit: unit_at,
                    year: period.year,
                    chosen,
                }),
            }
            // A milestone once done stays done: its age is no sign of staleness.
            if matches!(figure, Figure::Milestone { done: true, .. }) {
                done = true;
            }
            if period.end() > latest.end() {
                latest = period;
            }
        }
        if !done {
            stale(ctx, ind_at, unit_at, latest, findings);
        }
    }
    own
}

/// Data whose latest period ended more than `staleAfterMonths` before the as-of date, for
/// units that still exist.
fn stale(ctx: &Ctx, ind_at: usize, unit_at: usize, period: Period, findings: &mut Vec<Finding>) {
    let (Some(ind), Some(unit)) = (ctx.plan.indicators.get(ind_at), ctx.unit(unit_at)) else {
        return;
    };
    let months = ctx.plan.methods.stale_after_months;
    let limit: Date = ctx.input.as_of.months_before(months);
    if unit.valid_on(ctx.as_of) && period.end() < limit {
        let key = Key {
            indicator: &ind.id,
            unit: &unit.id,
            period,
        };
        findings.push(key.finding(
            FindingCode::StaleData,
            None,
            Text::new(
                format!(
                    "số liệu mới nhất là kỳ `{period}` (hết ngày {}), cũ hơn {months} tháng so với ngày đánh giá {}",
                    period.end(),
                    ctx.input.as_of
                ),
                format!(
                    "the latest figure is for `{period}` (ending {}), more than {months} months before the as-of date {}",
                    period.end(),
                    ctx.input.as_of
                ),
            ),
        ));
    }
}

fn validity(from: Option<Date>, to: Option<Date>) -> (String, String) {
    match (from, to) {
        (Some(f), Some(t)) => (format!("từ {f} đến {t}"), format!("from {f} to {t}")),
        (Some(f), None) => (format!("từ {f}"), format!("from {f}")),
        (None, Some(t)) => (format!("đến {t}"), format!("until {t}")),
        (None, None) => (String::new(), String::new()),
    }
}

enum Checked {
    Figure(Figure),
    /// A numerator whose denominator is the parent indicator's numerator.
    NeedsParent(f64),
}

fn kind_mismatch(ind: &Indicator, reading: &Reading, key: &Key) -> Box<Finding> {
    let (vi, en) = match ind.measure {
        Measure::Percentage => (
            "`value` hoặc `numerator`/`denominator`",
            "`value` or `numerator`/`denominator`",
        ),
        Measure::Rank => ("`rank`", "`rank`"),
        Measure::Reduction => ("`count`", "`count`"),
        Measure::Milestone => ("`done` (có thể kèm `value`)", "`done` (optionally with `value`)"),
    };
    let field = reading.field();
    key.boxed(
        FindingCode::KindMismatch,
        Some(field),
        Text::new(
            format!("chỉ tiêu `{}` cần {vi}, không nhận `{field}`", ind.id),
            format!("indicator `{}` takes {en}, not `{field}`", ind.id),
        ),
    )
}

fn check(ind: &Indicator, reading: &Reading, key: &Key) -> Result<Checked, Box<Finding>> {
    match (ind.measure, *reading) {
        (Measure::Percentage, Reading::Value(v)) => {
            percentage(v, key, "value").map(|v| Checked::Figure(Figure::Share(v)))
        }
        (Measure::Percentage, Reading::Fraction { numerator, denominator }) => match denominator {
            Some(d) => fraction(numerator, d, key).map(Checked::Figure),
            None if ind.parent.is_some() && ind.denominator_from == Some(DenominatorFrom::ParentNumerator) => {
                if numerator < 0.0 {
                    Err(negative(numerator, key, "numerator"))
                } else {
                    Ok(Checked::NeedsParent(numerator))
                }
            }
            None => Err(key.boxed(
                FindingCode::MissingDenominator,
                Some("denominator"),
                Text::new(
                    format!("chỉ tiêu `{}` cần mẫu số `denominator` đi kèm tử số", ind.id),
                    format!("indicator `{}` needs a `denominator` with the numerator", ind.id),
                ),
            )),
        },
        (Measure::Rank, Reading::Rank { rank: r, out_of }) => {
            let plan_out_of = ind.rank_out_of.map(f64::from);
            if r < 1.0 || r.fract() != 0.0 || (out_of.is_none() && plan_out_of.is_some_and(|m| r > m)) {
                let (vi, en) = n(r);
                let (range_vi, range_en) = match ind.rank_out_of.filter(|_| out_of.is_none()) {
                    Some(m) => (format!("từ 1 đến {m}"), format!("from 1 to {m}")),
                    None => ("từ 1 trở lên".to_string(), "of 1 or more".to_string()),
                };
                Err(key.boxed(
                    FindingCode::RankOutOfRange,
                    Some("rank"),
                    Text::new(
                        format!("thứ hạng `{vi}` phải là số nguyên {range_vi}"),
                        format!("rank `{en}` must be a whole number {range_en}"),
                    ),
                ))
            } else if let Some(m) = out_of.filter(|m| r > *m) {
                let ((vi, en), (mvi, men)) = (n(r), n(m));
                Err(key.boxed(
                    FindingCode::RankBeyondOutOf,
                    Some("rank"),
                    Text::new(
                        format!("thứ hạng `{vi}` vượt quá số tỉnh được xếp hạng `outOf` = `{mvi}`"),
                        format!("rank `{en}` is beyond the number ranked, `outOf` = `{men}`"),
                    ),
                ))
            } else {
                Ok(Checked::Figure(Figure::Rank { rank: r, out_of }))
            }
        }
        (Measure::Reduction, Reading::Count(c)) => {
            if c < 0.0 {
                Err(negative(c, key, "count"))
            } else {
                Ok(Checked::Figure(Figure::Count(c)))
            }
        }
        (Measure::Milestone, Reading::Done { done, share }) => {
            let share = match share {
                Some(s) => Some(percentage(s, key, "value")?),
                None => None,
            };
            Ok(Checked::Figure(Figure::Milestone { done, share }))
        }
        (Measure::Milestone, Reading::Value(v)) => {
            let v = percentage(v, key, "value")?;
            Ok(Checked::Figure(Figure::Milestone {
                done: v >= 100.0,
                share: Some(v),
            }))
        }
        _ => Err(kind_mismatch(ind, reading, key)),
    }
}

fn percentage(v: f64, key: &Key, field: &str) -> Result<f64, Box<Finding>> {
    if (0.0..=100.0).contains(&v) {
        Ok(v)
    } else {
        let (vi, en) = n(v);
        Err(key.boxed(
            FindingCode::PercentageOutOfRange,
            Some(field),
            Text::new(
                format!("tỷ lệ `{vi}` nằm ngoài khoảng 0–100"),
                format!("percentage `{en}` is outside 0–100"),
            ),
        ))
    }
}

fn negative(v: f64, key: &Key, field: &str) -> Box<Finding> {
    let (vi, en) = n(v);
    key.boxed(
        FindingCode::NegativeCount,
        Some(field),
        Text::new(
            format!("số đếm `{vi}` không được âm"),
            format!("count `{en}` must not be negative"),
        ),
    )
}

fn fraction(numerator: f64, denominator: f64, key: &Key) -> Result<Figure, Box<Finding>> {
    if numerator < 0.0 {
        return Err(negative(numerator, key, "numerator"));
    }
    if denominator < 0.0 {
        return Err(negative(denominator, key, "denominator"));
    }
    if denominator == 0.0 {
        return Err(key.boxed(
            FindingCode::ZeroDenominator,
            Some("denominator"),
            Text::new(
                "mẫu số bằng 0, không tính được tỷ lệ".to_string(),
                "the denominator is 0, so no share can be computed".to_string(),
            ),
        ));
    }
    if numerator > denominator {
        return Err(key.boxed(
            FindingCode::NumeratorAboveDenominator,
            Some("numerator"),
            Text::new(
                format!("tử số `{}` lớn hơn mẫu số `{}`", n(numerator).0, n(denominator).0),
                format!(
                    "the numerator `{}` is above the denominator `{}`",
                    n(numerator).1,
                    n(denominator).1
                ),
            ),
        ));
    }
    Ok(Figure::Fraction { numerator, denominator })
}
