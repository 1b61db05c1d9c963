//! Screening: every observation is checked against the plan and the units, duplicates are
//! settled, nested denominators are filled from the parent indicator, and each unit's value
//! for a year is chosen. What cannot be used becomes a finding.

use std::collections::{BTreeMap, BTreeSet};

use super::findings::Key;
use super::Ctx;
use crate::data::{Date, Observation, Period, Reading};
use crate::messages::{format_trimmed, Locale, Text};
use crate::plan::{Aggregation, DenominatorFrom, Indicator, Measure};
use crate::report::{Finding, FindingCode};

/// A usable figure, in the form the indicator measures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Figure {
    /// A percentage given without counts: it cannot be summed.
    Share(f64),
    Fraction {
        numerator: f64,
        denominator: f64,
    },
    Rank(f64),
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

/// Per indicator: per (unit, year), the unit's own value for that year.
pub(crate) type OwnYearly = BTreeMap<String, BTreeMap<(String, i32), Chosen>>;

type ObsKey = (String, String, Period);

fn n(v: f64) -> (String, String) {
    (format_trimmed(v, 4, Locale::Vi), format_trimmed(v, 4, Locale::En))
}

pub(crate) fn screen(ctx: &Ctx, findings: &mut Vec<Finding>) -> OwnYearly {
    let plan = ctx.plan;
    // Group by key, after the checks that need no key partner.
    let mut groups: BTreeMap<ObsKey, Vec<&Observation>> = BTreeMap::new();
    for o in &ctx.input.observations {
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
        if plan.indicator(&o.indicator).is_none() {
            findings.push(key.finding(
                FindingCode::UnknownIndicator,
                Some("indicator"),
                Text::new(
                    format!("kế hoạch không có chỉ tiêu `{}`", super::clip(&o.indicator)),
                    format!("the plan has no indicator `{}`", super::clip(&o.indicator)),
                ),
            ));
            continue;
        }
        if !ctx.units.contains_key(o.unit.as_str()) {
            findings.push(key.finding(
                FindingCode::UnknownUnit,
                Some("unit"),
                Text::new(
                    format!("đơn vị `{}` không có trong danh sách đơn vị", super::clip(&o.unit)),
                    format!("unit `{}` is not in the list of units", super::clip(&o.unit)),
                ),
            ));
            continue;
        }
        groups
            .entry((o.indicator.clone(), o.unit.clone(), o.period))
            .or_default()
            .push(o);
    }

    // Settle duplicates, then check each kept observation.
    let mut figures: BTreeMap<ObsKey, Figure> = BTreeMap::new();
    let mut pending: Vec<(ObsKey, f64)> = Vec::new();
    for ((ind_id, unit_id, period), obs) in &groups {
        let key = Key {
            indicator: ind_id,
            unit: unit_id,
            period: *period,
        };
        let Some(first) = obs.first() else { continue };
        if obs.len() > 1 {
            if obs.iter().all(|o| o.reading == first.reading) {
                findings.push(key.finding(
                    FindingCode::Duplicate,
                    None,
                    Text::new(
                        format!("số liệu lặp lại {} lần với cùng giá trị, chỉ tính một lần", obs.len()),
                        format!("the same figure is given {} times; it is counted once", obs.len()),
                    ),
                ));
            } else {
                findings.push(key.finding(
                    FindingCode::ConflictingDuplicate,
                    None,
                    Text::new(
                        format!(
                            "có {} số liệu khác nhau cho cùng chỉ tiêu, đơn vị và kỳ; không dùng số liệu nào",
                            obs.len()
                        ),
                        format!(
                            "{} different figures for the same indicator, unit and period; none is used",
                            obs.len()
                        ),
                    ),
                ));
                continue;
            }
        }
        let (Some(ind), Some(unit)) = (plan.indicator(ind_id), ctx.units.get(unit_id.as_str())) else {
            continue;
        };
        if !unit.valid_in(period.year) {
            let span = validity(unit.valid_from, unit.valid_to);
            findings.push(key.finding(
                FindingCode::UnitNotValidInPeriod,
                Some("unit"),
                Text::new(
                    format!(
                        "đơn vị `{}` chỉ tồn tại {}, không có trong kỳ `{period}`",
                        unit.id, span.0
                    ),
                    format!("unit `{}` only exists {}, not in period `{period}`", unit.id, span.1),
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
            Ok(Checked::Figure(f)) => {
                figures.insert((ind_id.clone(), unit_id.clone(), *period), f);
            }
            Ok(Checked::NeedsParent(numerator)) => {
                pending.push(((ind_id.clone(), unit_id.clone(), *period), numerator));
            }
            Err(f) => findings.push(*f),
        }
    }

    // Nested indicators whose population is the parent's numerator.
    for ((ind_id, unit_id, period), numerator) in pending {
        let key = Key {
            indicator: &ind_id,
            unit: &unit_id,
            period,
        };
        let parent_id = plan
            .indicator(&ind_id)
            .and_then(|i| i.parent.clone())
            .unwrap_or_default();
        let parent = figures.get(&(parent_id.clone(), unit_id.clone(), period)).copied();
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
            Ok(f) => {
                figures.insert((ind_id.clone(), unit_id.clone(), period), f);
            }
            Err(f) => findings.push(*f),
        }
    }

    // The value of a year: the latest-ending period, the longer one on a tie.
    let mut own: OwnYearly = BTreeMap::new();
    let mut latest: BTreeMap<(String, String), Period> = BTreeMap::new();
    let mut done: BTreeSet<(String, String)> = BTreeSet::new();
    for ((ind_id, unit_id, period), figure) in figures {
        let slot = own.entry(ind_id.clone()).or_default();
        let entry = slot.entry((unit_id.clone(), period.year));
        let chosen = Chosen { period, figure };
        match entry {
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(chosen);
            }
            std::collections::btree_map::Entry::Occupied(mut o) => {
                if period.yearly_precedence() > o.get().period.yearly_precedence() {
                    o.insert(chosen);
                }
            }
        }
        // A milestone once done stays done: its age is no sign of staleness.
        if matches!(figure, Figure::Milestone { done: true, .. }) {
            done.insert((ind_id.clone(), unit_id.clone()));
        }
        let l = latest.entry((ind_id, unit_id)).or_insert(period);
        if period.end() > l.end() {
            *l = period;
        }
    }

    latest.retain(|k, _| !done.contains(k));
    stale(ctx, &latest, findings);
    own
}

/// Data whose latest period ended more than `staleAfterMonths` before the as-of date, for
/// units that still exist.
fn stale(ctx: &Ctx, latest: &BTreeMap<(String, String), Period>, findings: &mut Vec<Finding>) {
    let months = ctx.plan.methods.stale_after_months;
    let limit: Date = ctx.input.as_of.months_before(months);
    for ((ind_id, unit_id), period) in latest {
        let still_exists = ctx
            .units
            .get(unit_id.as_str())
            .is_some_and(|u| u.valid_in(ctx.as_of_year));
        if still_exists && period.end() < limit {
            let key = Key {
                indicator: ind_id,
                unit: unit_id,
                period: *period,
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
}

fn validity(from: Option<i32>, to: Option<i32>) -> (String, String) {
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
        (Measure::Rank, Reading::Rank(r)) => {
            let out_of = ind.rank_out_of.map(f64::from);
            if r < 1.0 || r.fract() != 0.0 || out_of.is_some_and(|m| r > m) {
                let (vi, en) = n(r);
                let (range_vi, range_en) = match ind.rank_out_of {
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
            } else {
                Ok(Checked::Figure(Figure::Rank(r)))
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
