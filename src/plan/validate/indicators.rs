//! The indicators: what each measures, its targets, its deadline, what it cites, how it
//! nests; then their parents, which must exist and never loop back.

use std::collections::{BTreeMap, BTreeSet};

use super::documents::{indicator_phase, indicator_source};
use super::{duplicate, percent_range, truncate, Collector};
use crate::error::ErrorCode;
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
        c.push(
            ErrorCode::RulePackUnknownReference,
            format!("{path}.area"),
            format!("lĩnh vực `{}` không có trong `areas`", truncate(&r.area)),
            format!("area `{}` is not listed in `areas`", truncate(&r.area)),
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
        c.push(
            ErrorCode::RulePackUnknownKind,
            format!("{path}.measure"),
            format!(
                "loại đo lường `{}` không hợp lệ; chỉ nhận `percentage`, `rank`, `reduction`, `milestone`",
                truncate(&r.measure)
            ),
            format!(
                "measure kind `{}` is not known; expected `percentage`, `rank`, `reduction` or `milestone`",
                truncate(&r.measure)
            ),
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
        c.push(
            ErrorCode::RulePackDirectionMismatch,
            format!("{path}.comparator"),
            format!("so sánh `{}` mâu thuẫn với hướng `{}`", r.comparator, r.direction),
            format!("comparator `{}` contradicts direction `{}`", r.comparator, r.direction),
        );
    }
    if measure == Measure::Rank && direction != Direction::LowerIsBetter {
        c.push(
            ErrorCode::RulePackDirectionMismatch,
            format!("{path}.direction"),
            "xếp hạng càng thấp càng tốt: hướng phải là `lower_is_better`".into(),
            "a rank is better when lower: direction must be `lower_is_better`".into(),
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
            c.push(
                ErrorCode::RulePackMissingField,
                format!("{path}.target"),
                "chỉ tiêu cần giá trị `target`".into(),
                "the indicator needs a `target`".into(),
            );
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
                    c.push(
                        ErrorCode::RulePackRankOutOfRange,
                        tpath,
                        format!("thứ hạng mục tiêu `{t}` phải là số nguyên từ 1 đến {out_of}"),
                        format!("target rank `{t}` must be a whole number from 1 to {out_of}"),
                    );
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
        c.push(
            ErrorCode::RulePackMissingField,
            format!("{path}.levels"),
            "chỉ tiêu phải áp dụng cho ít nhất một cấp".into(),
            "the indicator must apply to at least one level".into(),
        );
    }
    let mut level_targets = BTreeMap::new();
    for (key, t) in &r.level_targets {
        let tpath = format!("{path}.levelTargets.{key}");
        if let Some(level) = c.level(tpath.clone(), key) {
            check_target(c, tpath.clone(), *t);
            if !levels.contains(&level) {
                c.push(
                    ErrorCode::RulePackLevelNotCovered,
                    tpath,
                    format!("có mục tiêu cho `{key}` nhưng `levels` không gồm cấp này"),
                    format!("a target is given for `{key}` but `levels` does not include that level"),
                );
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
            c.push(
                ErrorCode::RulePackMissingField,
                format!("{path}.deadline"),
                "chỉ tiêu cần thời hạn `deadline` (năm), hoặc giai đoạn `phase` (định dạng 2) mà thời hạn là năm cuối"
                    .into(),
                "the indicator needs a `deadline` (a year), or a `phase` (format 2) whose last year is its deadline"
                    .into(),
            );
            period.to
        }
    };
    if let (Some(ph), Some(d)) = (phase, r.deadline) {
        if d < ph.from || d > ph.to {
            c.push(
                ErrorCode::RulePackYearOutsidePeriod,
                format!("{path}.deadline"),
                format!(
                    "thời hạn `{d}` nằm ngoài giai đoạn `{}–{}` của chỉ tiêu",
                    ph.from, ph.to
                ),
                format!(
                    "deadline `{d}` is outside the indicator's phase `{}–{}`",
                    ph.from, ph.to
                ),
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
            c.push(
                ErrorCode::RulePackMissingField,
                format!("{path}.clause"),
                "chỉ tiêu cần khoản `clause` của văn bản, hoặc nguồn `source` (định dạng 2)".into(),
                "the indicator needs the document's `clause`, or a `source` (format 2)".into(),
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
            c.push(
                ErrorCode::RulePackMissingField,
                format!("{path}.parent"),
                "chỉ tiêu thành phần (`scope`, \"trong đó\") cần chỉ tiêu cha `parent`".into(),
                "a sub-target (`scope`, \"of which\") needs its `parent`".into(),
            );
        }
    }
}

/// The deadline inside the plan's period, and the baseline year before the deadline.
fn years(c: &mut Collector, path: &str, r: &RawIndicator, known: &Known, measure: Measure, deadline: i32) {
    let period = known.period;
    if known.period_ok && (deadline < period.from || deadline > period.to) {
        c.push(
            ErrorCode::RulePackYearOutsidePeriod,
            format!("{path}.deadline"),
            format!(
                "thời hạn `{}` nằm ngoài giai đoạn `{}–{}` của kế hoạch",
                deadline, period.from, period.to
            ),
            format!(
                "deadline `{}` is outside the plan's period `{}–{}`",
                deadline, period.from, period.to
            ),
        );
    }
    match (measure, r.baseline_year) {
        (Measure::Reduction, None) => c.push(
            ErrorCode::RulePackMissingField,
            format!("{path}.baselineYear"),
            "chỉ tiêu giảm so với năm gốc cần `baselineYear`".into(),
            "a reduction against a baseline needs `baselineYear`".into(),
        ),
        (_, Some(y)) if known.period_ok && (y < period.from - 10 || y >= deadline) => c.push(
            ErrorCode::RulePackYearOutsidePeriod,
            format!("{path}.baselineYear"),
            format!("năm gốc `{y}` phải trước thời hạn `{deadline}`"),
            format!("baseline year `{y}` must come before the deadline `{deadline}`"),
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
        c.push(
            ErrorCode::RulePackMissingField,
            format!("{path}.parent"),
            "`denominatorFrom` chỉ dùng cho chỉ tiêu lồng có `parent`".into(),
            "`denominatorFrom` needs a `parent` (it is for nested targets)".into(),
        );
    }
    if let Some(ramp) = &r.ramp {
        if !known.ramp_ids.contains(ramp.as_str()) {
            c.push(
                ErrorCode::RulePackUnknownReference,
                format!("{path}.ramp"),
                format!("lộ trình `{}` không có trong `ramps`", truncate(ramp)),
                format!("ramp `{}` is not listed in `ramps`", truncate(ramp)),
            );
        }
        if measure != Measure::Percentage {
            c.push(
                ErrorCode::RulePackUnknownKind,
                format!("{path}.measure"),
                "chỉ tiêu theo lộ trình phải là tỷ lệ (`percentage`)".into(),
                "an indicator with a ramp must be a `percentage`".into(),
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
            c.push(
                ErrorCode::RulePackUnknownParent,
                path,
                format!("chỉ tiêu cha `{}` không tồn tại", truncate(parent)),
                format!("parent `{}` does not exist", truncate(parent)),
            );
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
                c.push(
                    ErrorCode::RulePackParentCycle,
                    path.clone(),
                    format!("chuỗi chỉ tiêu cha của `{}` tạo thành vòng lặp", ind.id),
                    format!("the parents of `{}` form a cycle", ind.id),
                );
                break;
            }
            cur = indicators.iter().find(|x| x.id == id).and_then(|x| x.parent.as_deref());
        }
    }
}
