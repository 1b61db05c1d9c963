//! Evaluation: from the figures a portal holds to where each target stands.
//!
//! The steps, each in its own module:
//! 1. [`screen`]: check every observation against the plan and the units (findings for what
//!    cannot be used), settle duplicates, fill nested denominators, and choose each unit's
//!    value for a year (the latest-ending period; the annual report wins ties);
//! 2. [`rollup`]: a unit without its own figure sums its units' numerators and
//!    denominators, with the hierarchy valid in that year;
//! 3. [`result`]: per indicator and unit, the value, the requirement of the year, the gap,
//!    and the status by the [`trend`] method, with a sentence from [`explain`] and a value
//!    rounded by [`display`] so that it never contradicts the status;
//! 4. here: level summaries ("7 of 9 districts meet the 2024 floor of 80 %"), the headline
//!    row of each indicator, and counts by status per reform area and for the plan.
//!
//! The output is sorted and every computed number is rounded to 4 decimals, so the same
//! input in any order gives the same report, byte for byte.

pub mod display;
mod explain;
mod findings;
mod result;
mod rollup;
mod screen;
pub mod trend;

use crate::data::{Input, Unit};
use crate::messages::Text;
use crate::plan::{Level, Plan, RampReading};
use crate::report::{
    AreaSummary, Finding, FindingCode, IndicatorResult, LevelSummary, Num, PlanRef, Report, ResolvedOptions, Status,
    StatusCounts, Summary,
};
use crate::sort::{sort, sort_by};

use result::{Rules, YearEval};
use rollup::Figures;
use screen::Figure;

pub(crate) use crate::data::clip;

/// What every step reads: the plan, the input, and the unit hierarchy.
///
/// Units and indicators are interned once per evaluation: a unit is its position in
/// [`Ctx::units`] (sorted by id, so index order is id order), an indicator its position in the
/// plan. The steps key their tables by these small numbers instead of cloning ids per
/// observation.
pub(crate) struct Ctx<'a> {
    pub plan: &'a Plan,
    pub input: &'a Input,
    /// One unit per id, sorted by id (the last of the input wins, as it would in a map).
    pub units: Vec<&'a Unit>,
    /// Children of each unit, by index, in id order.
    pub children: Vec<Vec<usize>>,
    /// Units, deepest first, so that a roll-up meets every child before its parent.
    pub bottom_up: Vec<usize>,
    /// The plan's indicator ids, sorted, with the position of the first indicator of each.
    indicator_ids: Vec<(&'a str, usize)>,
    pub as_of_year: i32,
}

impl<'a> Ctx<'a> {
    fn new(plan: &'a Plan, input: &'a Input) -> Ctx<'a> {
        let mut sorted: Vec<&Unit> = input.units.iter().collect();
        sort_by(&mut sorted, |a, b| a.id.cmp(&b.id)); // stable: equal ids keep the input's order
        let mut units: Vec<&Unit> = Vec::with_capacity(sorted.len());
        for u in sorted {
            match units.last_mut() {
                Some(last) if last.id == u.id => *last = u,
                _ => units.push(u),
            }
        }
        let index = |id: &str| units.binary_search_by(|u| u.id.as_str().cmp(id)).ok();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
        for u in &input.units {
            if let (Some(p), Some(c)) = (u.parent.as_deref().and_then(index), index(&u.id)) {
                if let Some(list) = children.get_mut(p) {
                    list.push(c);
                }
            }
        }
        for c in &mut children {
            sort(c);
            c.dedup();
        }
        // Depth by following parents; bounded, so a hand-built cyclic input cannot hang.
        let mut depth: Vec<(usize, usize)> = units
            .iter()
            .enumerate()
            .map(|(i, u)| {
                let mut d = 0usize;
                let mut cur = u.parent.as_deref();
                while let Some(p) = cur {
                    if d > units.len() {
                        break;
                    }
                    d += 1;
                    cur = index(p)
                        .and_then(|pi| units.get(pi))
                        .and_then(|pu| pu.parent.as_deref());
                }
                (d, i)
            })
            .collect();
        sort_by(&mut depth, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut indicator_ids: Vec<(&str, usize)> = plan
            .indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| (ind.id.as_str(), i))
            .collect();
        sort(&mut indicator_ids);
        indicator_ids.dedup_by_key(|(id, _)| *id);
        Ctx {
            plan,
            input,
            units,
            children,
            bottom_up: depth.into_iter().map(|(_, i)| i).collect(),
            indicator_ids,
            as_of_year: input.as_of.year,
        }
    }

    /// The index of the unit `id`.
    pub fn unit_index(&self, id: &str) -> Option<usize> {
        self.units.binary_search_by(|u| u.id.as_str().cmp(id)).ok()
    }

    /// The unit at `index`.
    pub fn unit(&self, index: usize) -> Option<&'a Unit> {
        self.units.get(index).copied()
    }

    /// The plan's position of the indicator `id` (the first, as [`Plan::indicator`] finds).
    pub fn indicator_index(&self, id: &str) -> Option<usize> {
        let i = self.indicator_ids.binary_search_by(|(k, _)| (*k).cmp(id)).ok()?;
        self.indicator_ids.get(i).map(|(_, at)| *at)
    }
}

/// Evaluates `input` against `plan`.
pub fn evaluate(plan: &Plan, input: &Input) -> Report {
    evaluate_with(plan, input, &[])
}

/// Evaluates an input read from CSV; the ignored columns become one finding.
pub fn evaluate_with(plan: &Plan, input: &Input, extra_csv_columns: &[String]) -> Report {
    let ctx = Ctx::new(plan, input);
    let mut findings = extra_columns_finding(extra_csv_columns);
    let own = screen::screen(&ctx, &input.observations, &mut findings);
    report(&ctx, &own, findings)
}

/// Evaluates an input given away by the caller: its observations are freed as soon as they
/// are screened, before the report is built (at country scale they are a third of the
/// peak memory, and WebAssembly memory never shrinks).
pub(crate) fn evaluate_owned(plan: &Plan, mut input: Input, extra_csv_columns: &[String]) -> Report {
    let observations = std::mem::take(&mut input.observations);
    let ctx = Ctx::new(plan, &input);
    let mut findings = extra_columns_finding(extra_csv_columns);
    let own = screen::screen(&ctx, &observations, &mut findings);
    drop(observations);
    report(&ctx, &own, findings)
}

fn extra_columns_finding(extra_csv_columns: &[String]) -> Vec<Finding> {
    let mut findings: Vec<Finding> = Vec::new();
    if !extra_csv_columns.is_empty() {
        let list = extra_csv_columns
            .iter()
            .map(|c| format!("`{}`", clip(c)))
            .collect::<Vec<_>>()
            .join(", ");
        findings.push(findings::input_finding(
            FindingCode::ExtraCsvColumns,
            "$",
            Text::new(
                format!("tệp CSV có cột không dùng đến, đã bỏ qua: {list}"),
                format!("the CSV has columns that are not used and were ignored: {list}"),
            ),
        ));
    }
    findings
}

/// The report from the screened figures.
fn report(ctx: &Ctx, own: &screen::OwnYearly, mut findings: Vec<Finding>) -> Report {
    let (plan, input) = (ctx.plan, ctx.input);
    let mut results: Vec<IndicatorResult> = Vec::new();
    let mut level_summaries: Vec<LevelSummary> = Vec::new();
    // The headline status of each indicator, by its position in the plan.
    let mut headline: Vec<Status> = vec![Status::NoData; plan.indicators.len()];
    let no_own = Vec::new();
    for (ind_at, ind) in plan.indicators.iter().enumerate() {
        let ramp = ind.ramp.as_deref().and_then(|r| plan.ramp(r));
        let rules = Rules {
            ind,
            ramp,
            reading: resolved_reading(input, ramp.map(|r| r.default_reading)),
        };
        let figures = rollup::figures(ctx, ind, own.get(ind_at).unwrap_or(&no_own), &mut findings);
        let mut rows: Vec<IndicatorResult> = Vec::new();
        // Per unit index: its judged years (empty without a row).
        let mut judged: Vec<Vec<YearEval>> = vec![Vec::new(); ctx.units.len()];
        for (unit_at, years) in figures.iter().enumerate() {
            let Some(unit) = ctx.unit(unit_at) else {
                continue;
            };
            if years.is_empty() || !ind.covers(unit.level) {
                continue;
            }
            let years = years
                .get(..years.partition_point(|uy| uy.year <= ctx.as_of_year))
                .unwrap_or_default();
            if let Some((row, j)) = result::row(ctx, &rules, unit, years) {
                rows.push(row);
                if let Some(slot) = judged.get_mut(unit_at) {
                    *slot = j;
                }
            }
        }
        sort_by(&mut rows, |a, b| (a.level, &a.unit).cmp(&(b.level, &b.unit)));
        if rows.is_empty() {
            let row = result::no_data_row(ctx, ind);
            if let Some(h) = headline.get_mut(ind_at) {
                *h = row.status;
            }
            results.push(row);
            continue;
        }
        if let Some(i) = pick_headline(ctx, &rows) {
            if let Some(r) = rows.get_mut(i) {
                r.headline = true;
                if let Some(h) = headline.get_mut(ind_at) {
                    *h = r.status;
                }
            }
        }
        level_summaries.extend(summarize_levels(ctx, &rules, &rows, &judged, &figures));
        results.extend(rows);
    }

    let mut areas = Vec::new();
    let mut counts = StatusCounts::default();
    let mut result_counts = StatusCounts::default();
    for r in &results {
        result_counts.add(r.status);
    }
    for area in &plan.areas {
        let mut c = StatusCounts::default();
        let mut n = 0u32;
        for (at, _) in plan.indicators.iter().enumerate().filter(|(_, i)| i.area == area.id) {
            n = n.saturating_add(1);
            let s = headline.get(at).copied().unwrap_or(Status::NoData);
            c.add(s);
            counts.add(s);
        }
        areas.push(AreaSummary {
            id: area.id.clone(),
            clause: area.clause.clone(),
            title: area.title.get(input.locale).to_string(),
            titles: area.title.clone(),
            indicators: n,
            counts: c,
        });
    }

    sort_by(&mut findings, |a, b| {
        (&a.indicator, &a.unit, &a.period, a.code, &a.path, &a.message).cmp(&(
            &b.indicator,
            &b.unit,
            &b.period,
            b.code,
            &b.path,
            &b.message,
        ))
    });
    findings.dedup();

    Report {
        plan: PlanRef {
            id: plan.plan.id.clone(),
            version: plan.plan.version.clone(),
            title: plan.plan.title.get(input.locale).to_string(),
            titles: plan.plan.title.clone(),
            sample: plan.plan.sample,
        },
        label: input.label.clone(),
        as_of: input.as_of.to_string(),
        locale: input.locale,
        options: ResolvedOptions {
            ramp_reading: resolved_reading(input, plan.default_ramp().map(|r| r.default_reading)),
            trend_method: input.options.trend_method.code(),
            baseline_year: input.options.baseline_year,
            text: input.options.text.code(),
        },
        results,
        level_summaries,
        areas,
        summary: Summary {
            indicators: u32::try_from(plan.indicators.len()).unwrap_or(u32::MAX),
            counts,
            result_counts,
        },
        findings,
    }
}

fn resolved_reading(input: &Input, ramp_default: Option<RampReading>) -> RampReading {
    input.options.ramp_reading.or(ramp_default).unwrap_or_default()
}

/// The row the area and plan summaries count: the top of the hierarchy (a unit without a
/// parent) if it has a row; otherwise, among the rows of the highest level present, the
/// worst status (an indicator counts as met only when every unit at that level meets it).
fn pick_headline(ctx: &Ctx, rows: &[IndicatorResult]) -> Option<usize> {
    let is_root = |r: &IndicatorResult| {
        r.unit
            .as_deref()
            .and_then(|u| ctx.unit_index(u))
            .and_then(|i| ctx.unit(i))
            .is_some_and(|u| u.parent.is_none())
    };
    if let Some(i) = rows.iter().position(is_root) {
        return Some(i);
    }
    let top = rows.iter().filter_map(|r| r.level).min()?;
    rows.iter()
        .enumerate()
        .filter(|(_, r)| r.level == Some(top))
        .min_by_key(|(i, r)| (r.status.severity(), *i))
        .map(|(i, _)| i)
}

/// For each level with rows, the latest year: how many units of the level (valid that year)
/// meet their requirement, which fall short, which have no data, and all of them together.
fn summarize_levels(
    ctx: &Ctx,
    rules: &Rules,
    rows: &[IndicatorResult],
    judged: &[Vec<YearEval>],
    figures: &Figures,
) -> Vec<LevelSummary> {
    let ind = rules.ind;
    let mut levels: Vec<Level> = rows.iter().filter_map(|r| r.level).collect();
    sort(&mut levels);
    levels.dedup();
    let mut out = Vec::new();
    for level in levels {
        let Some(year) = rows
            .iter()
            .filter(|r| r.level == Some(level))
            .filter_map(|r| r.year)
            .max()
        else {
            continue;
        };
        let units: Vec<&Unit> = ctx
            .input
            .units
            .iter()
            .filter(|u| u.level == level && u.valid_in(year))
            .collect();
        let mut met = 0u32;
        let mut short = Vec::new();
        let mut no_data = Vec::new();
        let (mut num, mut den, mut all_fractions, mut any) = (0.0, 0.0, true, false);
        for u in &units {
            let at = ctx.unit_index(&u.id);
            let e = at.and_then(|i| judged.get(i)).and_then(|j| result::judged_in(j, year));
            match e.and_then(|e| e.met) {
                Some(true) => met = met.saturating_add(1),
                Some(false) => short.push(u.id.clone()),
                None => no_data.push(u.id.clone()),
            }
            if let Some(uy) = at.and_then(|i| figures.get(i)).and_then(|y| rollup::in_year(y, year)) {
                any = true;
                match uy.figure {
                    Figure::Fraction { numerator, denominator } => {
                        num += numerator;
                        den += denominator;
                    }
                    _ => all_fractions = false,
                }
            }
        }
        sort(&mut short);
        sort(&mut no_data);
        // One requirement for the level, unless it differs by unit (increment reading).
        let requirement = if rules.ramp.is_some() && rules.reading == RampReading::Increment {
            None
        } else {
            result::requirement(ctx, rules, level, year, None).0
        };
        let aggregate = (any && all_fractions && den > 0.0).then(|| num / den * 100.0);
        let total = u32::try_from(units.len()).unwrap_or(u32::MAX);
        let sentence = ctx.input.options.text.words().then(|| {
            explain::level_sentence(&explain::LevelFacts {
                ind,
                level,
                year,
                met,
                total,
                no_data: u32::try_from(no_data.len()).unwrap_or(u32::MAX),
                requirement,
                is_floor: rules.ramp.is_some(),
            })
        });
        out.push(LevelSummary {
            indicator: ind.id.clone(),
            level,
            year,
            units_total: total,
            units_met: met,
            units_short: short,
            units_no_data: no_data,
            requirement: requirement.map(Num),
            requirement_kind: if rules.ramp.is_some() { "floor" } else { "target" },
            aggregate_value: aggregate.map(Num),
            aggregate_numerator: aggregate.map(|_| Num(num)),
            aggregate_denominator: aggregate.map(|_| Num(den)),
            sentence,
        });
    }
    out
}
