//! Evaluation: from the figures a portal holds to where each target stands.
//!
//! The steps, each in its own module, in the order they run:
//! 1. [`units`]: the hierarchy over time (one entry per unit, ids may be reused), children
//!    before parents, lineage resolved;
//! 2. [`screen`]: check every observation against the plan and the unit of its id valid in
//!    its period (findings for what cannot be used), settle duplicates, fill nested
//!    denominators, and choose each unit's value for a year (the latest-ending period; the
//!    annual report wins ties);
//! 3. [`rollup`]: a unit without its own figure sums its units' numerators and
//!    denominators, with the hierarchy as it stood at the end of the year (or on the unit's
//!    last day);
//! 4. [`lineage`]: a unit formed from others gets, for the years before it existed, the sums
//!    of what it was formed from;
//! 5. [`result`]: per indicator and unit, each year judged against its requirement
//!    ([`judge`]), the verdict ([`verdict`]: the trend method before the deadline, the
//!    deadline year's figure after it, `discontinued` for a unit that ended), the series and
//!    its breaks ([`breaks`]), and the sentence ([`explain`], with values rounded by
//!    [`display`] so that they never contradict the verdict);
//! 6. [`levels`]: level summaries ("7 of 9 districts meet the 2024 floor of 80 %");
//! 7. here: the headline row of each indicator and the counts by status per reform area and
//!    for the plan; and after the plan's period, the final review ([`review`]).
//!
//! The output is sorted and every computed number is rounded to 4 decimals, so the same
//! input in any order gives the same report, byte for byte.
//!
//! The steps stay functions of their own in the `.wasm` (`#[inline(never)]` on each, and
//! wasm-opt's `--no-inline` in Cargo.toml, which says what was measured): inlined, they made
//! one function of 48 KiB, slow in WebKit and where its JIT trapped.

mod bidi;
mod breaks;
pub mod display;
mod explain;
mod findings;
mod judge;
mod levels;
mod lineage;
mod result;
mod review;
mod rollup;
mod screen;
pub mod trend;
mod units;
mod verdict;

use crate::data::{Date, Input, Unit};
use crate::messages::Text;
use crate::plan::{Plan, RampReading};
use crate::report::{
    AreaSummary, Finding, FindingCode, IndicatorResult, PlanRef, Report, ResolvedOptions, Rows, Status, StatusCounts,
    Summary,
};
use crate::sort::{sort, sort_by};

use judge::{Rules, YearEval};

pub(crate) use crate::data::clip;

/// What every step reads: the plan, the input, and the unit hierarchy.
///
/// Units and indicators are interned once per evaluation: a unit is its position in
/// [`Ctx::units`] (sorted by id and first day), an indicator its position in the plan. The
/// steps key their tables by these small numbers instead of cloning ids per observation.
pub(crate) struct Ctx<'a> {
    pub plan: &'a Plan,
    pub input: &'a Input,
    pub units: units::Hierarchy<'a>,
    /// The plan's indicator ids, sorted, with the position of the first indicator of each.
    indicator_ids: Vec<(&'a str, usize)>,
    pub as_of: Date,
    /// By the plan's position: the indicators the report keeps (`options.only`), and those
    /// screened (the kept ones and their parents, whose numerators feed nested denominators).
    kept: Vec<bool>,
    screened: Vec<bool>,
}

impl<'a> Ctx<'a> {
    #[inline(never)]
    fn new(plan: &'a Plan, input: &'a Input) -> Ctx<'a> {
        let mut indicator_ids: Vec<(&str, usize)> = plan
            .indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| (ind.id.as_str(), i))
            .collect();
        sort(&mut indicator_ids);
        indicator_ids.dedup_by_key(|(id, _)| *id);
        let only = input.options.only.as_ref();
        let kept: Vec<bool> = plan
            .indicators
            .iter()
            .map(|ind| only.map_or(true, |o| o.keeps_indicator(&ind.id)))
            .collect();
        let mut screened = kept.clone();
        for (ind, k) in plan.indicators.iter().zip(&kept) {
            if let (true, Some(parent)) = (*k, ind.parent.as_deref()) {
                for (other, s) in plan.indicators.iter().zip(screened.iter_mut()) {
                    *s |= other.id == parent;
                }
            }
        }
        Ctx {
            plan,
            input,
            units: units::Hierarchy::new(&input.units),
            indicator_ids,
            as_of: input.as_of,
            kept,
            screened,
        }
    }

    /// Whether the report keeps the indicator at the plan's position `at`.
    pub fn keeps_indicator(&self, at: usize) -> bool {
        self.kept.get(at).copied().unwrap_or(false)
    }

    /// Whether the observations of the indicator at `at` are screened (it, or a nested
    /// indicator that reads its numerators, is kept).
    pub fn screens_indicator(&self, at: usize) -> bool {
        self.screened.get(at).copied().unwrap_or(false)
    }

    /// Whether the report keeps the rows of the unit at `index`.
    pub fn keeps_unit(&self, index: usize) -> bool {
        match (&self.input.options.only, self.unit(index)) {
            (Some(only), Some(u)) => only.keeps_unit(&u.id),
            _ => true,
        }
    }

    /// The unit at `index`.
    pub fn unit(&self, index: usize) -> Option<&'a Unit> {
        self.units.unit(index)
    }

    /// The plan's position of the indicator `id` (the first, as [`Plan::indicator`] finds).
    pub fn indicator_index(&self, id: &str) -> Option<usize> {
        let i = self.indicator_ids.binary_search_by(|(k, _)| (*k).cmp(id)).ok()?;
        self.indicator_ids.get(i).map(|(_, at)| *at)
    }

    /// Whether the as-of date is past the end of `deadline` (a year).
    pub fn past(&self, deadline: i32) -> bool {
        self.as_of > Date::end_of_year(deadline)
    }
}

/// Evaluates `input` against `plan`.
pub fn evaluate(plan: &Plan, input: &Input) -> Report {
    evaluate_with(plan, input, &[])
}

/// Evaluates an input read from CSV; the ignored columns become one finding.
pub fn evaluate_with(plan: &Plan, input: &Input, extra_csv_columns: &[String]) -> Report {
    let (input, mut findings) = bidi::shown(input);
    let ctx = Ctx::new(plan, &input);
    findings.extend(extra_columns_finding(extra_csv_columns));
    let own = screen::screen(&ctx, &input.observations, &mut findings);
    let mut keep = Keep::default();
    let mut report = report(&ctx, &own, findings, &mut keep);
    report.results = keep.0;
    report
}

/// Evaluates an input given away by the caller: its observations are freed as soon as they
/// are screened, before the report is built (at country scale they are a third of the
/// peak memory, and WebAssembly memory never shrinks).
pub(crate) fn evaluate_owned(plan: &Plan, input: Input, extra_csv_columns: &[String]) -> Report {
    let mut keep = Keep::default();
    let mut report = evaluate_owned_into(plan, input, extra_csv_columns, &mut keep);
    report.results = keep.0;
    report
}

/// As [`evaluate_owned`], each row given to `rows` as it is made: the report returned has no
/// rows.
pub(crate) fn evaluate_owned_into(
    plan: &Plan,
    mut input: Input,
    extra_csv_columns: &[String],
    rows: &mut dyn Rows,
) -> Report {
    let observations = std::mem::take(&mut input.observations);
    let mut findings = bidi::show(&mut input);
    let ctx = Ctx::new(plan, &input);
    findings.extend(extra_columns_finding(extra_csv_columns));
    let own = screen::screen(&ctx, &observations, &mut findings);
    drop(observations);
    report(&ctx, &own, findings, rows)
}

/// The rows kept, for a report of objects.
#[derive(Default)]
struct Keep(Vec<IndicatorResult>);

impl Rows for Keep {
    fn head(&mut self, _: &Report) {}

    fn row(&mut self, row: IndicatorResult) {
        self.0.push(row);
    }
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

/// One indicator's rows, each with its unit's position and its judged years.
pub(crate) struct Row {
    pub result: IndicatorResult,
    pub unit: usize,
    pub judged: Vec<YearEval>,
}

/// The report from the screened figures.
fn report(ctx: &Ctx, own: &screen::OwnYearly, mut findings: Vec<Finding>, out: &mut dyn Rows) -> Report {
    let (plan, input) = (ctx.plan, ctx.input);
    let mut report = head(ctx);
    out.head(&report);
    findings.extend(orphan_findings(ctx));
    findings.extend(parent_gap_findings(ctx));
    let mut result_counts = StatusCounts::default();
    let mut level_summaries = Vec::new();
    let mut review_rows = Vec::new();
    // The headline status of each indicator, by its position in the plan.
    let mut headline: Vec<Status> = vec![Status::NoData; plan.indicators.len()];
    let no_own = Vec::new();
    let in_review = ctx.past(plan.plan.period.to);
    for (ind_at, ind) in plan.indicators.iter().enumerate() {
        if !ctx.keeps_indicator(ind_at) {
            continue;
        }
        let ramp = ind.ramp.as_deref().and_then(|r| plan.ramp(r));
        let rules = Rules {
            ind,
            ramp,
            reading: resolved_reading(input, ramp.map(|r| r.default_reading)),
        };
        let own_figures = own.get(ind_at).unwrap_or(&no_own);
        // Without a figure of its own anywhere, no unit has one by roll-up or lineage either.
        let (rows, figures) = if own_figures.is_empty() {
            (Vec::new(), Vec::new())
        } else {
            let mut figures = rollup::figures(ctx, ind, own_figures, &mut findings);
            lineage::extend(ctx, &mut figures);
            (rows_of(ctx, &rules, &figures, &mut findings), figures)
        };
        let mut rows = rows;
        if rows.is_empty() {
            let row = result::no_data_row(ctx, ind);
            if let Some(h) = headline.get_mut(ind_at) {
                *h = row.status;
            }
            if in_review {
                review_rows.extend(review::rows(ctx, &rules, &[], &[]));
            }
            result_counts.add(row.status);
            out.row(row);
            continue;
        }
        if let Some(i) = pick_headline(ctx, &rows) {
            if let Some(r) = rows.get_mut(i) {
                r.result.headline = true;
                if let Some(h) = headline.get_mut(ind_at) {
                    *h = r.result.status;
                }
            }
        }
        let summaries = levels::summarize(ctx, &rules, &rows, &figures);
        if in_review {
            review_rows.extend(review::rows(ctx, &rules, &rows, &summaries));
        }
        level_summaries.extend(summaries);
        for r in rows.into_iter().filter(|r| ctx.keeps_unit(r.unit)) {
            result_counts.add(r.result.status);
            out.row(r.result);
        }
    }

    let (areas, counts) = area_summaries(ctx, &headline);
    sort_findings(&mut findings, input);
    let kept_indicators = ctx.kept.iter().filter(|k| **k).count();
    report.level_summaries = level_summaries;
    report.areas = areas;
    report.summary = Summary {
        indicators: u32::try_from(kept_indicators).unwrap_or(u32::MAX),
        counts,
        result_counts,
    };
    report.review = in_review.then(|| review::review(plan, review_rows));
    report.findings = findings;
    report
}

/// A report's head (what comes before its rows), its lists empty.
fn head(ctx: &Ctx) -> Report {
    let (plan, input) = (ctx.plan, ctx.input);
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
            only: input.options.only.clone(),
        },
        results: Vec::new(),
        level_summaries: Vec::new(),
        areas: Vec::new(),
        summary: Summary {
            indicators: 0,
            counts: StatusCounts::default(),
            result_counts: StatusCounts::default(),
        },
        review: None,
        findings: Vec::new(),
    }
}

/// One indicator's rows, one per unit with a figure at a level the indicator covers, in
/// the report's order: by level, unit id and first day.
#[inline(never)]
fn rows_of(ctx: &Ctx, rules: &Rules, figures: &rollup::Figures, findings: &mut Vec<Finding>) -> Vec<Row> {
    // At most one row per unit with figures: a row is large, and doubling copied them all.
    let mut rows: Vec<Row> = Vec::with_capacity(figures.iter().filter(|y| !y.is_empty()).count());
    for (unit_at, years) in figures.iter().enumerate() {
        let Some(unit) = ctx.unit(unit_at) else {
            continue;
        };
        if years.is_empty() || !rules.ind.covers(unit.level) {
            continue;
        }
        let years = years
            .get(..years.partition_point(|uy| uy.year <= ctx.as_of.year))
            .unwrap_or_default();
        if let Some(row) = result::row(ctx, rules, unit_at, years, findings) {
            rows.push(row);
        }
    }
    // Units are indexed in order of id and first day, so the unit's index stands for both
    // (the rows' ids and first days as strings compared 100 000 times for a flat city).
    let level_rank = |l: Option<crate::plan::Level>| {
        l.and_then(|l| crate::plan::Level::EVERY.iter().position(|x| *x == l))
            .map_or(0, |p| p as u64 + 1)
    };
    let packed = |r: &Row| {
        u64::try_from(r.unit)
            .ok()
            .filter(|u| *u < 1 << 32)
            .map(|u| level_rank(r.result.level) << 32 | u)
    };
    if !crate::sort::sort_by_u64_key(&mut rows, packed) {
        sort_by(&mut rows, |a, b| {
            (a.result.level, &a.result.unit, &a.result.valid_from).cmp(&(
                b.result.level,
                &b.result.unit,
                &b.result.valid_from,
            ))
        });
    }
    rows
}

/// Each area's indicators counted by their headline status, and the plan's counts.
#[inline(never)]
fn area_summaries(ctx: &Ctx, headline: &[Status]) -> (Vec<AreaSummary>, StatusCounts) {
    let (plan, input) = (ctx.plan, ctx.input);
    let mut areas = Vec::new();
    let mut counts = StatusCounts::default();
    for area in &plan.areas {
        let mut c = StatusCounts::default();
        let mut n = 0u32;
        for (at, _) in plan
            .indicators
            .iter()
            .enumerate()
            .filter(|(at, i)| i.area == area.id && ctx.keeps_indicator(*at))
        {
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

    (areas, counts)
}

/// The findings in a stable order, each once, those of the rows asked for (`options.only`).
#[inline(never)]
fn sort_findings(findings: &mut Vec<Finding>, input: &Input) {
    sort_by(findings, |a, b| {
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
    if let Some(only) = &input.options.only {
        findings.retain(|f| {
            f.indicator.as_deref().map_or(true, |i| only.keeps_indicator(i))
                && f.unit.as_deref().map_or(true, |u| only.keeps_unit(u))
        });
    }
}

fn resolved_reading(input: &Input, ramp_default: Option<RampReading>) -> RampReading {
    input.options.ramp_reading.or(ramp_default).unwrap_or_default()
}

/// The row the area and plan summaries count: the top of the hierarchy (a unit without a
/// parent) if it has a row and still exists (the newest such unit when a code was reused);
/// otherwise, among the rows of the highest level present, the worst status (an indicator
/// counts as met only when every unit at that level meets it; a unit that ended counts
/// last).
#[inline(never)]
fn pick_headline(ctx: &Ctx, rows: &[Row]) -> Option<usize> {
    let is_root = |r: &Row| !ctx.units.has_parent(r.unit) && r.result.status != Status::Discontinued;
    if let Some(i) = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| is_root(r))
        .max_by_key(|(i, r)| (ctx.unit(r.unit).and_then(|u| u.valid_from), std::cmp::Reverse(*i)))
        .map(|(i, _)| i)
    {
        return Some(i);
    }
    let top = rows.iter().filter_map(|r| r.result.level).min()?;
    rows.iter()
        .enumerate()
        .filter(|(_, r)| r.result.level == Some(top))
        .min_by_key(|(i, r)| (r.result.status.severity(), *i))
        .map(|(i, _)| i)
}

/// Districts and communes without a parent in an input whose hierarchy has a city-level
/// unit with children: they are left out of every roll-up, which is seldom what a portal
/// meant (a district's own portal, sending its district as the top, gets no finding).
#[inline(never)]
fn orphan_findings(ctx: &Ctx) -> Vec<Finding> {
    let units = &ctx.units;
    let has_city_top = (0..units.len()).any(|u| {
        units.unit(u).is_some_and(|x| x.level == crate::plan::Level::City)
            && !units.has_parent(u)
            && units.has_children(u)
    });
    if !has_city_top {
        return Vec::new();
    }
    let mut out = Vec::new();
    for u in 0..units.len() {
        let Some(unit) = units.unit(u) else { continue };
        if unit.level == crate::plan::Level::City || unit.parent.is_some() {
            continue;
        }
        let name = unit.level.name();
        out.push(findings::unit_finding(
            FindingCode::UnitWithoutParent,
            &unit.id,
            Text::new(
                format!(
                    "đơn vị {} `{}` không có đơn vị cấp trên (`parent`), nên không được cộng vào số liệu của đơn vị nào",
                    name.vi,
                    clip(&unit.id)
                ),
                format!(
                    "the {} unit `{}` has no `parent`, so it is left out of every roll-up",
                    name.en,
                    clip(&unit.id)
                ),
            ),
        ));
    }
    out
}

/// Units valid on days their parent is not (a commune left without a `validTo` under a
/// district that ended on 30 June 2025, a commune older than its district): on those days
/// they attach to the nearest ancestor valid that day ([`units::Hierarchy::parent_on`]), so
/// that no figure of theirs is lost from the roll-up, and one finding per span of days says
/// where their figures went.
#[inline(never)]
fn parent_gap_findings(ctx: &Ctx) -> Vec<Finding> {
    let units = &ctx.units;
    let mut out = Vec::new();
    for u in 0..units.len() {
        let Some(unit) = units.unit(u) else { continue };
        let Some(parent) = unit.parent.as_deref() else { continue };
        for span in units.parent_gaps(u) {
            let (days_vi, days_en) = match (span.from, span.to) {
                (Some(f), Some(t)) if f == t => (format!("ngày {f}"), format!("on {f}")),
                (Some(f), Some(t)) => (format!("từ {f} đến {t}"), format!("from {f} to {t}")),
                (Some(f), None) => (format!("từ {f}"), format!("from {f}")),
                (None, Some(t)) => (format!("đến {t}"), format!("until {t}")),
                (None, None) => ("mọi ngày".to_string(), "on every day".to_string()),
            };
            let adopter = span
                .from
                .or(span.to)
                .and_then(|day| units.parent_on(u, day))
                .and_then(|k| units.unit(k));
            let (went_vi, went_en) = match adopter {
                Some(a) => (
                    format!(
                        "những ngày đó số liệu của nó được cộng vào `{}`, đơn vị cấp trên gần nhất còn hiệu lực",
                        clip(&a.id)
                    ),
                    format!(
                        "on those days its figures roll up into `{}`, the nearest unit above it that is valid",
                        clip(&a.id)
                    ),
                ),
                None => (
                    "những ngày đó không có đơn vị cấp trên nào còn hiệu lực để cộng số liệu của nó vào".to_string(),
                    "on those days no unit above it is valid, so its figures roll up into none".to_string(),
                ),
            };
            // After the parent ended: the unit's `validTo` or its new parent is likely missing;
            // before the parent began: its `validFrom`.
            let after = span.from.is_some_and(|f| {
                units
                    .index
                    .of_id(parent)
                    .any(|k| units.unit(k).and_then(|p| p.valid_to).is_some_and(|t| t < f))
            });
            let (hint_vi, hint_en) = if after {
                (
                    "thiếu `validTo` của nó, hoặc thiếu đơn vị cấp trên mới?",
                    "a missing `validTo`, or a missing new parent?",
                )
            } else {
                (
                    "thiếu `validFrom` của nó, hoặc đơn vị cấp trên bắt đầu muộn hơn?",
                    "a missing `validFrom`, or a parent that began later?",
                )
            };
            let name = unit.level.name();
            out.push(findings::unit_finding(
                FindingCode::ParentNotValid,
                &unit.id,
                Text::new(
                    format!(
                        "đơn vị {} `{}` có hiệu lực {days_vi} nhưng đơn vị cấp trên `{}` thì không ({hint_vi}): {went_vi}",
                        name.vi,
                        clip(&unit.id),
                        clip(parent)
                    ),
                    format!(
                        "the {} unit `{}` is valid {days_en} but its parent `{}` is not ({hint_en}): {went_en}",
                        name.en,
                        clip(&unit.id),
                        clip(parent)
                    ),
                ),
            ));
        }
    }
    out
}
