//! The indicators: what each measures, its targets, its deadline, what it cites, how it
//! nests; then their parents, which must exist and never loop back.

use std::collections::{BTreeMap, BTreeSet};

use super::documents::{indicator_phase, indicator_source};
use super::problems::{self, Kind, Listed, Mismatch, Missing, Outside};
use super::{duplicate, percent_range, Collector};
use crate::plan::{
    Aggregation, Comparator, DenominatorFrom, Direction, Document, Indicator, Level, Measure, Period, Phase,
    RawIndicator, Source,
};

/// What the indicators may name, from the sections before them.
pub(super) struct Known<'a> {
    pub(super) period: Period,
    pub(super) period_ok: bool,
    pub(super) area_ids: BTreeSet<&'a str>,
    pub(super) ramp_ids: BTreeSet<&'a str>,
    pub(super) phases: &'a [Phase],
    pub(super) documents: &'a [Document],
    /// The `rankOutOf` of a rank that gives none (63 provinces; 34 from format 2).
    pub(super) default_out_of: u32,
}

pub(super) fn indicators(c: &mut Collector, raw: &[RawIndicator], known: &Known) -> Vec<Indicator> {
    let mut ids = BTreeSet::new();
    let mut indicators = Vec::with_capacity(raw.len());
    for (i, r) in raw.iter().enumerate() {
        let path = format!("$.indicators[{i}]");
        c.id(format!("{path}.id"), &r.id);
        if !ids.insert(r.id.as_str()) {
            duplicate(c, format!("{path}.id"), &r.id);
        }
        indicators.push(indicator(c, &path, r, known));
    }
    indicators
}

/// One indicator, its checks in the order of its fields' meaning.
fn indicator(c: &mut Collector, path: &str, r: &RawIndicator, known: &Known) -> Indicator {
    if !known.area_ids.contains(r.area.as_str()) {
        c.report(
            format!("{path}.area"),
            problems::unknown_reference(Listed::Area, &r.area),
        );
    }
    let (measure, direction, comparator, aggregation) = kind(c, path, r);
    let (target, levels, level_targets) = targets(c, path, r, measure, known.default_out_of);
    let phase = indicator_phase(c, path, r, known.phases);
    let deadline = deadline(c, path, r, phase, known.period);
    let (source, clause) = citation(c, path, r, known.documents);
    scope(c, path, r);
    years(c, path, r, known, measure, deadline);
    let denominator_from = nesting(c, path, r, known, measure);
    Indicator {
        id: r.id.clone(),
        area: r.area.clone(),
        clause,
        title: r.title.clone(),
        measure,
        direction,
        comparator,
        target,
        level_targets,
        levels,
        aggregation,
        deadline,
        parent: r.parent.clone(),
        denominator_from,
        baseline_year: r.baseline_year,
        ramp: r.ramp.clone(),
        rank_out_of: if measure == Measure::Rank {
            Some(r.rank_out_of.unwrap_or(known.default_out_of))
        } else {
            r.rank_out_of
        },
        counted: r.counted.clone(),
        note: r.note.clone(),
        phase: phase.map(|p| p.id.clone()),
        scope: r.scope.clone(),
        source,
    }
}

/// What the indicator measures, which way is better, how it compares and how it rolls up;
/// the direction and the comparator must agree.
fn kind(c: &mut Collector, path: &str, r: &RawIndicator) -> (Measure, Direction, Comparator, Aggregation) {
    let measure = Measure::parse(&r.measure).unwrap_or_else(|| {
        c.report(
            format!("{path}.measure"),
            problems::unknown_kind(Kind::Measure(&r.measure)),
        );
        Measure::Percentage
    });
    let direction = Direction::parse(&r.direction).unwrap_or_else(|| {
        c.unknown_value(
            format!("{path}.direction"),
            &r.direction,
            &["higher_is_better", "lower_is_better"],
        );
        Direction::HigherIsBetter
    });
    let comparator = Comparator::parse(&r.comparator).unwrap_or_else(|| {
        c.unknown_value(format!("{path}.comparator"), &r.comparator, &["gte", "lte"]);
        Comparator::Gte
    });
    let aggregation = Aggregation::parse(&r.aggregation).unwrap_or_else(|| {
        c.unknown_value(
            format!("{path}.aggregation"),
            &r.aggregation,
            &["hierarchy", "level", "none"],
        );
        Aggregation::None
    });
    // Direction and comparator must agree: "at least" is good when higher is better.
    let consistent = matches!(
        (direction, comparator),
        (Direction::HigherIsBetter, Comparator::Gte) | (Direction::LowerIsBetter, Comparator::Lte)
    );
    if !consistent && Direction::parse(&r.direction).is_some() && Comparator::parse(&r.comparator).is_some() {
        c.report(
            format!("{path}.comparator"),
            problems::direction_mismatch(Mismatch::Comparator {
                comparator: &r.comparator,
                direction: &r.direction,
            }),
        );
    }
    if measure == Measure::Rank && direction != Direction::LowerIsBetter {
        c.report(
            format!("{path}.direction"),
            problems::direction_mismatch(Mismatch::Rank),
        );
    }
    (measure, direction, comparator, aggregation)
}

/// The target, the levels it applies to and the targets of single levels, each in the range
/// of what the indicator measures.
fn targets(
    c: &mut Collector,
    path: &str,
    r: &RawIndicator,
    measure: Measure,
    default_out_of: u32,
) -> (f64, Vec<Level>, BTreeMap<Level, f64>) {
    let target = match (r.target, measure) {
        (Some(t), _) => t,
        (None, Measure::Milestone) => 100.0,
        (None, _) => {
            c.report(format!("{path}.target"), problems::missing_field(Missing::Target));
            f64::NAN
        }
    };
    let check_target = |c: &mut Collector, tpath: String, t: f64| {
        if !c.finite(tpath.clone(), t) {
            return;
        }
        match measure {
            Measure::Percentage | Measure::Reduction | Measure::Milestone => percent_range(c, tpath, t),
            Measure::Rank => {
                let out_of = r.rank_out_of.unwrap_or(default_out_of);
                if t < 1.0 || t > f64::from(out_of) || t.fract() != 0.0 {
                    c.report(tpath, problems::rank_out_of_range(t, out_of));
                }
            }
        }
    };
    if r.target.is_some() {
        check_target(c, format!("{path}.target"), target);
    }

    let mut levels = Vec::new();
    for (j, l) in r.levels.iter().enumerate() {
        match c.level(format!("{path}.levels[{j}]"), l) {
            Some(level) if !levels.contains(&level) => levels.push(level),
            _ => {}
        }
    }
    crate::sort::sort(&mut levels);
    if r.levels.is_empty() {
        c.report(format!("{path}.levels"), problems::missing_field(Missing::Levels));
    }
    let mut level_targets = BTreeMap::new();
    for (key, t) in &r.level_targets {
        let tpath = format!("{path}.levelTargets.{key}");
        if let Some(level) = c.level(tpath.clone(), key) {
            check_target(c, tpath.clone(), *t);
            if !levels.contains(&level) {
                c.report(tpath, problems::level_not_covered(key));
            }
            level_targets.insert(level, *t);
        }
    }
    (target, levels, level_targets)
}

/// The deadline: the indicator's own, or its phase's last year, inside the phase.
fn deadline(c: &mut Collector, path: &str, r: &RawIndicator, phase: Option<&Phase>, period: Period) -> i32 {
    let deadline = match (r.deadline, phase) {
        (Some(d), _) => d,
        (None, Some(ph)) => ph.to,
        // An unknown phase is already said.
        (None, None) if r.phase.is_some() => period.to,
        (None, None) => {
            c.report(format!("{path}.deadline"), problems::missing_field(Missing::Deadline));
            period.to
        }
    };
    if let (Some(ph), Some(d)) = (phase, r.deadline) {
        if d < ph.from || d > ph.to {
            c.report(
                format!("{path}.deadline"),
                problems::year_outside_period(Outside::DeadlineOfPhase {
                    deadline: d,
                    phase: (ph.from, ph.to),
                }),
            );
        }
    }
    deadline
}

/// What the indicator cites: its source (format 2) and its clause, one of them at least.
fn citation(c: &mut Collector, path: &str, r: &RawIndicator, documents: &[Document]) -> (Option<Source>, String) {
    let source = indicator_source(c, path, r, documents);
    let clause = match (&r.clause, &source) {
        (Some(clause), _) => clause.clone(),
        (None, Some(_)) if c.format >= 2 => String::new(),
        (None, _) => {
            c.report(
                format!("{path}.clause"),
                problems::missing_field(Missing::IndicatorClause),
            );
            String::new()
        }
    };
    (source, clause)
}

/// A sub-target's scope ("trong đó"): format 2, under a parent.
fn scope(c: &mut Collector, path: &str, r: &RawIndicator) {
    if r.scope.is_some() {
        if c.format < 2 {
            c.needs_format_2(format!("{path}.scope"), "scope");
        } else if r.parent.is_none() {
            c.report(format!("{path}.parent"), problems::missing_field(Missing::ScopeParent));
        }
    }
}

/// The deadline inside the plan's period, and the baseline year before the deadline.
fn years(c: &mut Collector, path: &str, r: &RawIndicator, known: &Known, measure: Measure, deadline: i32) {
    let period = known.period;
    if known.period_ok && (deadline < period.from || deadline > period.to) {
        c.report(
            format!("{path}.deadline"),
            problems::year_outside_period(Outside::DeadlineOfPlan {
                deadline,
                period: (period.from, period.to),
            }),
        );
    }
    match (measure, r.baseline_year) {
        (Measure::Reduction, None) => c.report(
            format!("{path}.baselineYear"),
            problems::missing_field(Missing::BaselineYear),
        ),
        (_, Some(y)) if known.period_ok && (y < period.from - 10 || y >= deadline) => c.report(
            format!("{path}.baselineYear"),
            problems::year_outside_period(Outside::Baseline { year: y, deadline }),
        ),
        _ => {}
    }
}

/// Where a nested target's denominator comes from, and the ramp a percentage follows.
fn nesting(
    c: &mut Collector,
    path: &str,
    r: &RawIndicator,
    known: &Known,
    measure: Measure,
) -> Option<DenominatorFrom> {
    let denominator_from = match r.denominator_from.as_deref() {
        None => None,
        Some(s) => match DenominatorFrom::parse(s) {
            Some(d) => Some(d),
            None => {
                c.unknown_value(format!("{path}.denominatorFrom"), s, &["parent_numerator", "own"]);
                None
            }
        },
    };
    if denominator_from.is_some() && r.parent.is_none() {
        c.report(
            format!("{path}.parent"),
            problems::missing_field(Missing::DenominatorParent),
        );
    }
    if let Some(ramp) = &r.ramp {
        if !known.ramp_ids.contains(ramp.as_str()) {
            c.report(format!("{path}.ramp"), problems::unknown_reference(Listed::Ramp, ramp));
        }
        if measure != Measure::Percentage {
            c.report(
                format!("{path}.measure"),
                problems::unknown_kind(Kind::RampNeedsPercentage),
            );
        }
    }
    denominator_from
}

/// Parents: they must exist and never loop back.
pub(super) fn parents(c: &mut Collector, indicators: &[Indicator]) {
    let ids: BTreeSet<&str> = indicators.iter().map(|x| x.id.as_str()).collect();
    for (i, ind) in indicators.iter().enumerate() {
        let Some(parent) = &ind.parent else { continue };
        let path = format!("$.indicators[{i}].parent");
        if !ids.contains(parent.as_str()) {
            c.report(path, problems::unknown_parent(parent));
            continue;
        }
        // A duplicated id is already reported; following its parents would report it twice.
        if indicators.iter().filter(|x| x.id == ind.id).count() > 1 {
            continue;
        }
        let mut seen = BTreeSet::from([ind.id.as_str()]);
        let mut cur = Some(parent.as_str());
        while let Some(id) = cur {
            if !seen.insert(id) {
                c.report(path.clone(), problems::parent_cycle(&ind.id));
                break;
            }
            cur = indicators.iter().find(|x| x.id == id).and_then(|x| x.parent.as_deref());
        }
    }
}
