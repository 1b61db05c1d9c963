//! Validation of a raw rule pack into a [`Plan`]: every problem is reported, each with a
//! stable code and the JSON path of the value at fault.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// The largest step of a ramp: percentage points a year.
pub const MAX_RAMP_STEP: f64 = 100.0;
/// The largest factor of a ramp's relative reading.
pub const MAX_RAMP_FACTOR: f64 = 100.0;

struct Collector {
    errors: Vec<Error>,
    /// The pack's format version (1 or 2; 1 when it is not one the engine reads).
    format: u32,
}

impl Collector {
    /// An error, its message followed by where a form shows the field ("chỉ tiêu thứ 3, ô
    /// «Thời hạn»"): a plan owner reads the form, not the JSON path.
    fn push(&mut self, code: ErrorCode, path: String, vi: String, en: String) {
        let (vi, en) = super::form::placed(&path, vi, en);
        self.errors.push(Error::new(code, path, vi, en));
    }

    /// The levels a pack of this format may name.
    fn levels(&self) -> &'static [&'static str] {
        if self.format >= 2 {
            &["city", "district", "commune", "department"]
        } else {
            &["city", "district", "commune"]
        }
    }

    /// A level of this format, or an error at `path`.
    fn level(&mut self, path: String, key: &str) -> Option<Level> {
        let level = Level::parse(key).filter(|l| *l != Level::Department || self.format >= 2);
        if level.is_none() {
            let allowed = self.levels();
            self.unknown_value(path, key, allowed);
        }
        level
    }

    /// A field of format 2 in a pack of format 1.
    fn needs_format_2(&mut self, path: String, key: &str) {
        self.push(
            ErrorCode::RulePackUnsupportedFormat,
            path,
            format!("trường `{key}` chỉ có từ định dạng phiên bản 2: hãy đặt `formatVersion` là 2"),
            format!("field `{key}` exists from format version 2 on: set `formatVersion` to 2"),
        );
    }

    fn unknown_value(&mut self, path: String, value: &str, allowed: &[&str]) {
        let list = allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
        self.push(
            ErrorCode::RulePackUnknownValue,
            path,
            format!("giá trị `{value}` không hợp lệ; chỉ nhận {list}"),
            format!("value `{value}` is not allowed; expected one of {list}"),
        );
    }

    fn finite(&mut self, path: String, v: f64) -> bool {
        if v.is_finite() {
            true
        } else {
            self.push(
                ErrorCode::RulePackNotANumber,
                path,
                "giá trị phải là một số hữu hạn".to_string(),
                "the value must be a finite number".to_string(),
            );
            false
        }
    }

    fn id(&mut self, path: String, id: &str) {
        let ok = !id.is_empty()
            && id.len() <= 64
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_' || c == '-');
        if !ok {
            self.push(
                ErrorCode::RulePackBadId,
                path,
                format!(
                    "mã `{}` không hợp lệ: chỉ dùng chữ thường a–z, chữ số, `.`, `_`, `-`, tối đa 64 ký tự",
                    truncate(id)
                ),
                format!(
                    "id `{}` is not valid: use lower-case a–z, digits, `.`, `_`, `-`, at most 64 characters",
                    truncate(id)
                ),
            );
        }
    }
}

fn truncate(s: &str) -> String {
    if s.chars().count() > 40 {
        let mut t: String = s.chars().take(40).collect();
        t.push('…');
        t
    } else {
        s.to_string()
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    match (num(0..4), num(5..7), num(8..10)) {
        (Some(y), Some(m), Some(d)) => (1..=12).contains(&m) && d >= 1 && d <= crate::vocab::days_in_month(y as i32, m),
        _ => false,
    }
}

/// Checks a raw rule pack and builds the [`Plan`], or returns every problem found.
pub fn validate(raw: RawRulePack) -> Result<Plan, Errors> {
    validate_with(raw, Vec::new())
}

/// As [`validate`], after problems already found in the pack's JSON (unknown keys).
pub(crate) fn validate_with(raw: RawRulePack, prior: Vec<Error>) -> Result<Plan, Errors> {
    let format = raw.format_version;
    let mut c = Collector {
        errors: prior,
        format: if (1..=LATEST_FORMAT_VERSION).contains(&format) {
            format
        } else {
            1
        },
    };

    if format > LATEST_FORMAT_VERSION {
        // A newer format's fields and rules are unknown here: its one error is that.
        c.errors.clear();
        c.push(
            ErrorCode::RulePackUnsupportedFormat,
            "$.formatVersion".into(),
            format!(
                "bộ quy tắc viết theo định dạng phiên bản `{format}`, mới hơn phiên bản mà thư viện này đọc được (1–{LATEST_FORMAT_VERSION}): hãy cập nhật cchc-progress"
            ),
            format!(
                "the rule pack is written in format version `{format}`, newer than this library reads (1–{LATEST_FORMAT_VERSION}): update cchc-progress"
            ),
        );
        return Err(Errors(c.errors));
    } else if format != 1 && format != 2 {
        c.push(
            ErrorCode::RulePackUnsupportedFormat,
            "$.formatVersion".into(),
            format!("phiên bản định dạng `{format}` không được hỗ trợ; phiên bản hỗ trợ: `1`, `2`"),
            format!("format version `{format}` is not supported; supported: `1`, `2`"),
        );
    }

    // The plan's identity.
    let p = &raw.plan;
    c.id("$.plan.id".into(), &p.id);
    match &p.decision {
        Some(d) if !is_iso_date(&d.date) => c.push(
            ErrorCode::RulePackBadDate,
            "$.plan.decision.date".into(),
            format!("ngày `{}` không đúng dạng `YYYY-MM-DD`", truncate(&d.date)),
            format!("date `{}` is not a valid `YYYY-MM-DD` date", truncate(&d.date)),
        ),
        Some(_) => {}
        None if c.format < 2 || raw.documents.is_empty() => c.push(
            ErrorCode::RulePackMissingField,
            "$.plan.decision".into(),
            "kế hoạch cần văn bản ban hành `decision` (số và ngày), hoặc danh sách văn bản `documents` (định dạng 2)"
                .into(),
            "the plan needs its `decision` (number and date), or a list of `documents` (format 2)".into(),
        ),
        None => {}
    }
    let period = Period {
        from: p.period.from,
        to: p.period.to,
    };
    let period_ok = period.from <= period.to && period.from >= 1900 && period.to <= 2200;
    if !period_ok {
        c.push(
            ErrorCode::RulePackBadPeriod,
            "$.plan.period".into(),
            format!("giai đoạn `{}–{}` không hợp lệ", period.from, period.to),
            format!("period `{}–{}` is not valid", period.from, period.to),
        );
    }

    // Format 2: the documents and the sub-periods.
    let documents = documents(&mut c, &raw.documents);
    let phases = phases(&mut c, &raw.phases, period_ok.then_some(period));

    // Status-method parameters.
    let mut methods = Methods {
        trend: TrendParams::default(),
        stale_after_months: 12,
    };
    if let Some(m) = &raw.methods {
        if let Some(months) = m.stale_after_months {
            methods.stale_after_months = months;
        }
        if let Some(t) = &m.trend {
            if t.method != "cagr_ratio" {
                c.unknown_value("$.methods.trend.method".into(), &t.method, &["cagr_ratio"]);
            }
            let all_finite = c.finite("$.methods.trend.onTrack".into(), t.on_track)
                & c.finite("$.methods.trend.needsAcceleration".into(), t.needs_acceleration)
                & c.finite("$.methods.trend.limitedProgress".into(), t.limited_progress);
            if all_finite && !(t.on_track > t.needs_acceleration && t.needs_acceleration > t.limited_progress) {
                c.push(
                    ErrorCode::RulePackBadThresholds,
                    "$.methods.trend".into(),
                    "ngưỡng phải giảm dần: onTrack > needsAcceleration > limitedProgress".into(),
                    "thresholds must fall: onTrack > needsAcceleration > limitedProgress".into(),
                );
            }
            methods.trend.on_track = t.on_track;
            methods.trend.needs_acceleration = t.needs_acceleration;
            methods.trend.limited_progress = t.limited_progress;
        }
    }

    // Areas.
    let mut area_ids = BTreeSet::new();
    let mut areas = Vec::with_capacity(raw.areas.len());
    for (i, a) in raw.areas.iter().enumerate() {
        let path = format!("$.areas[{i}]");
        c.id(format!("{path}.id"), &a.id);
        if !area_ids.insert(a.id.as_str()) {
            duplicate(&mut c, format!("{path}.id"), &a.id);
        }
        if a.clause.is_none() && c.format < 2 {
            c.push(
                ErrorCode::RulePackMissingField,
                format!("{path}.clause"),
                "lĩnh vực cần khoản `clause` của văn bản (định dạng 2 cho phép bỏ trống)".into(),
                "the area needs the document's `clause` (format 2 may leave it out)".into(),
            );
        }
        areas.push(Area {
            id: a.id.clone(),
            clause: a.clause.clone().unwrap_or_default(),
            title: a.title.clone(),
        });
    }

    // Ramps.
    let mut ramp_ids = BTreeSet::new();
    let mut ramps = Vec::with_capacity(raw.ramps.len());
    for (i, r) in raw.ramps.iter().enumerate() {
        let path = format!("$.ramps[{i}]");
        c.id(format!("{path}.id"), &r.id);
        if !ramp_ids.insert(r.id.as_str()) {
            duplicate(&mut c, format!("{path}.id"), &r.id);
        }
        let mut first_floors = BTreeMap::new();
        for (key, v) in &r.first_floors {
            let fpath = format!("{path}.firstFloors.{key}");
            if let Some(level) = c.level(fpath.clone(), key) {
                if c.finite(fpath.clone(), *v) {
                    percent_range(&mut c, fpath, *v);
                }
                first_floors.insert(level, *v);
            }
        }
        if first_floors.is_empty() {
            c.push(
                ErrorCode::RulePackMissingField,
                format!("{path}.firstFloors"),
                "lộ trình phải có mức sàn năm đầu cho ít nhất một cấp".into(),
                "a ramp needs a first-year floor for at least one level".into(),
            );
        }
        if c.finite(format!("{path}.cap"), r.cap) {
            percent_range(&mut c, format!("{path}.cap"), r.cap);
        }
        let step_ok = c.finite(format!("{path}.step"), r.step);
        let factor_ok = c.finite(format!("{path}.relativeFactor"), r.relative_factor);
        if (step_ok && r.step < 0.0) || (factor_ok && r.relative_factor < 1.0) {
            c.push(
                ErrorCode::RulePackRampFalls,
                format!(
                    "{path}.{}",
                    if step_ok && r.step < 0.0 {
                        "step"
                    } else {
                        "relativeFactor"
                    }
                ),
                "mức sàn của lộ trình không được giảm qua các năm (bước ≥ 0, hệ số ≥ 1)".into(),
                "a ramp's floors must not fall from year to year (step ≥ 0, factor ≥ 1)".into(),
            );
        }
        // Beyond these a floor passes any cap in one year, and its explanation would print
        // numbers like `2 × 10^308`.
        for (key, v, max) in [
            ("step", r.step, MAX_RAMP_STEP),
            ("relativeFactor", r.relative_factor, MAX_RAMP_FACTOR),
        ] {
            if v.is_finite() && v > max {
                let shown = crate::messages::format_value(v);
                c.push(
                    ErrorCode::RulePackRampTooSteep,
                    format!("{path}.{key}"),
                    format!("`{key}` của lộ trình là `{shown}`, vượt giới hạn {max}: mức sàn sẽ vượt mọi mức trần ngay trong một năm"),
                    format!("the ramp's `{key}` is `{shown}`, above the limit of {max}: its floor would pass any cap within a year"),
                );
            }
        }
        for (level, v) in &first_floors {
            if v.is_finite() && r.cap.is_finite() && *v > r.cap {
                c.push(
                    ErrorCode::RulePackRampFalls,
                    format!("{path}.firstFloors.{}", level.code()),
                    format!("mức sàn năm đầu `{v}` cao hơn mức trần `{}`: lộ trình sẽ giảm", r.cap),
                    format!(
                        "first-year floor `{v}` is above the cap `{}`: the ramp would fall",
                        r.cap
                    ),
                );
            }
        }
        if r.first_year > r.last_year || (period_ok && (r.first_year < period.from || r.last_year > period.to)) {
            c.push(
                ErrorCode::RulePackYearOutsidePeriod,
                format!("{path}.firstYear"),
                format!(
                    "lộ trình `{}–{}` phải nằm trong giai đoạn của kế hoạch `{}–{}`",
                    r.first_year, r.last_year, period.from, period.to
                ),
                format!(
                    "ramp years `{}–{}` must lie within the plan's period `{}–{}`",
                    r.first_year, r.last_year, period.from, period.to
                ),
            );
        }
        let default_reading = match r.default_reading.as_deref() {
            None => RampReading::Schedule,
            Some(s) => RampReading::parse(s).unwrap_or_else(|| {
                c.unknown_value(
                    format!("{path}.defaultReading"),
                    s,
                    &["schedule", "increment", "relative"],
                );
                RampReading::Schedule
            }),
        };
        let after_last_year = AfterLastYear::parse(&r.after_last_year).unwrap_or_else(|| {
            c.unknown_value(
                format!("{path}.afterLastYear"),
                &r.after_last_year,
                &["continue", "error"],
            );
            AfterLastYear::Error
        });
        ramps.push(Ramp {
            id: r.id.clone(),
            clause: r.clause.clone(),
            title: r.title.clone(),
            quote: r.quote.clone(),
            first_year: r.first_year,
            last_year: r.last_year,
            first_floors,
            step: r.step,
            relative_factor: r.relative_factor,
            cap: r.cap,
            default_reading,
            after_last_year,
        });
    }

    // Indicators.
    let default_out_of = if c.format >= 2 { PROVINCES_FROM_2025 } else { 63 };
    let mut ids = BTreeSet::new();
    let mut indicators = Vec::with_capacity(raw.indicators.len());
    for (i, r) in raw.indicators.iter().enumerate() {
        let path = format!("$.indicators[{i}]");
        c.id(format!("{path}.id"), &r.id);
        if !ids.insert(r.id.as_str()) {
            duplicate(&mut c, format!("{path}.id"), &r.id);
        }
        if !area_ids.contains(r.area.as_str()) {
            c.push(
                ErrorCode::RulePackUnknownReference,
                format!("{path}.area"),
                format!("lĩnh vực `{}` không có trong `areas`", truncate(&r.area)),
                format!("area `{}` is not listed in `areas`", truncate(&r.area)),
            );
        }
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
            check_target(&mut c, format!("{path}.target"), target);
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
                check_target(&mut c, tpath.clone(), *t);
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

        let phase = indicator_phase(&mut c, &path, r, &phases);
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
        let source = indicator_source(&mut c, &path, r, &documents);
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

        if period_ok && (deadline < period.from || deadline > period.to) {
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
            (_, Some(y)) if period_ok && (y < period.from - 10 || y >= deadline) => c.push(
                ErrorCode::RulePackYearOutsidePeriod,
                format!("{path}.baselineYear"),
                format!("năm gốc `{y}` phải trước thời hạn `{deadline}`"),
                format!("baseline year `{y}` must come before the deadline `{deadline}`"),
            ),
            _ => {}
        }

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
            if !ramp_ids.contains(ramp.as_str()) {
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

        indicators.push(Indicator {
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
                Some(r.rank_out_of.unwrap_or(default_out_of))
            } else {
                r.rank_out_of
            },
            counted: r.counted.clone(),
            note: r.note.clone(),
            phase: phase.map(|p| p.id.clone()),
            scope: r.scope.clone(),
            source,
        });
    }

    // Parents: they must exist and never loop back.
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

    if c.errors.is_empty() {
        Ok(Plan {
            format_version: raw.format_version,
            plan: PlanInfo {
                id: p.id.clone(),
                version: p.version.clone(),
                issuer: p.issuer.clone(),
                decision: p.decision.as_ref().map(|d| Decision {
                    number: d.number.clone(),
                    date: d.date.clone(),
                }),
                title: p.title.clone(),
                period,
                sample: p.sample,
            },
            methods,
            areas,
            ramps,
            indicators,
            documents,
            phases,
        })
    } else {
        Err(Errors(c.errors))
    }
}

fn duplicate(c: &mut Collector, path: String, id: &str) {
    c.push(
        ErrorCode::RulePackDuplicateId,
        path,
        format!("mã `{}` bị trùng", truncate(id)),
        format!("id `{}` appears more than once", truncate(id)),
    );
}

fn percent_range(c: &mut Collector, path: String, v: f64) {
    if !(0.0..=100.0).contains(&v) {
        c.push(
            ErrorCode::RulePackTargetOutOfRange,
            path,
            format!("tỷ lệ `{v}` phải nằm trong khoảng 0–100"),
            format!("percentage `{v}` must lie between 0 and 100"),
        );
    }
}

/// The documents of a format-2 pack: ids, names and dates.
fn documents(c: &mut Collector, raw: &[RawDocument]) -> Vec<Document> {
    if !raw.is_empty() && c.format < 2 {
        c.needs_format_2("$.documents".into(), "documents");
    }
    let mut ids = BTreeSet::new();
    let mut out = Vec::with_capacity(raw.len());
    for (i, d) in raw.iter().enumerate() {
        let path = format!("$.documents[{i}]");
        c.id(format!("{path}.id"), &d.id);
        if !ids.insert(d.id.as_str()) {
            duplicate(c, format!("{path}.id"), &d.id);
        }
        if d.name.vi.trim().is_empty() || d.name.en.trim().is_empty() {
            c.push(
                ErrorCode::RulePackMissingField,
                format!("{path}.name"),
                "văn bản cần tên để trích dẫn, bằng tiếng Việt và tiếng Anh (\"Quyết định 282/QĐ-TTg\")".into(),
                "the document needs the name it is cited by, in Vietnamese and English (\"Decision 282/QĐ-TTg\")"
                    .into(),
            );
        }
        if !is_iso_date(&d.date) {
            c.push(
                ErrorCode::RulePackBadDate,
                format!("{path}.date"),
                format!("ngày `{}` không đúng dạng `YYYY-MM-DD`", truncate(&d.date)),
                format!("date `{}` is not a valid `YYYY-MM-DD` date", truncate(&d.date)),
            );
        }
        out.push(Document {
            id: d.id.clone(),
            name: d.name.clone(),
            date: d.date.clone(),
            title: d.title.clone(),
            note: d.note.clone(),
        });
    }
    out
}

/// The sub-periods of a format-2 pack: inside the plan's period, in order, without overlap.
fn phases(c: &mut Collector, raw: &[RawPhase], period: Option<Period>) -> Vec<Phase> {
    if !raw.is_empty() && c.format < 2 {
        c.needs_format_2("$.phases".into(), "phases");
    }
    let mut ids = BTreeSet::new();
    let mut out: Vec<Phase> = Vec::with_capacity(raw.len());
    for (i, p) in raw.iter().enumerate() {
        let path = format!("$.phases[{i}]");
        c.id(format!("{path}.id"), &p.id);
        if !ids.insert(p.id.as_str()) {
            duplicate(c, format!("{path}.id"), &p.id);
        }
        let inside = period.map_or(true, |pp| p.from >= pp.from && p.to <= pp.to);
        if p.from > p.to || !inside {
            let (vi_period, en_period) = match period {
                Some(pp) => (
                    format!(" và nằm trong giai đoạn `{}–{}` của kế hoạch", pp.from, pp.to),
                    format!(" and lie within the plan's period `{}–{}`", pp.from, pp.to),
                ),
                None => (String::new(), String::new()),
            };
            c.push(
                ErrorCode::RulePackBadPeriod,
                format!("{path}.from"),
                format!(
                    "giai đoạn `{}–{}` phải bắt đầu không muộn hơn khi kết thúc{vi_period}",
                    p.from, p.to
                ),
                format!("phase `{}–{}` must not end before it starts{en_period}", p.from, p.to),
            );
        } else if let Some(prev) = out.last().filter(|prev| p.from <= prev.to) {
            c.push(
                ErrorCode::RulePackBadPeriod,
                format!("{path}.from"),
                format!(
                    "giai đoạn `{}–{}` phải bắt đầu sau khi giai đoạn trước (`{}–{}`) kết thúc",
                    p.from, p.to, prev.from, prev.to
                ),
                format!(
                    "phase `{}–{}` must start after the one before it (`{}–{}`) ends",
                    p.from, p.to, prev.from, prev.to
                ),
            );
        }
        let title = p
            .title
            .clone()
            .unwrap_or_else(|| Text::new(format!("Giai đoạn {}–{}", p.from, p.to), format!("{}–{}", p.from, p.to)));
        out.push(Phase {
            id: p.id.clone(),
            from: p.from,
            to: p.to,
            title,
        });
    }
    out
}

/// The phase an indicator names, if it names one that exists.
fn indicator_phase<'p>(c: &mut Collector, path: &str, r: &RawIndicator, phases: &'p [Phase]) -> Option<&'p Phase> {
    let id = r.phase.as_deref()?;
    if c.format < 2 {
        c.needs_format_2(format!("{path}.phase"), "phase");
        return None;
    }
    let found = phases.iter().find(|p| p.id == id);
    if found.is_none() {
        c.push(
            ErrorCode::RulePackUnknownReference,
            format!("{path}.phase"),
            format!("giai đoạn `{}` không có trong `phases`", truncate(id)),
            format!("phase `{}` is not listed in `phases`", truncate(id)),
        );
    }
    found
}

/// The source an indicator cites: a listed document, a known kind, the words quoted.
fn indicator_source(c: &mut Collector, path: &str, r: &RawIndicator, documents: &[Document]) -> Option<Source> {
    let s = r.source.as_ref()?;
    if c.format < 2 {
        c.needs_format_2(format!("{path}.source"), "source");
        return None;
    }
    let document = documents.iter().find(|d| d.id == s.document);
    if document.is_none() {
        c.push(
            ErrorCode::RulePackUnknownReference,
            format!("{path}.source.document"),
            format!("văn bản `{}` không có trong `documents`", truncate(&s.document)),
            format!("document `{}` is not listed in `documents`", truncate(&s.document)),
        );
    }
    let kind = SourceKind::parse(&s.kind);
    if kind.is_none() {
        c.unknown_value(
            format!("{path}.source.kind"),
            &s.kind,
            &["document_text", "press_summary"],
        );
    }
    if s.quoted.trim().is_empty() {
        c.push(
            ErrorCode::RulePackMissingField,
            format!("{path}.source.quoted"),
            "cần trích nguyên văn câu nêu chỉ tiêu".into(),
            "the sentence that states the target must be quoted".into(),
        );
    }
    Some(Source {
        document: s.document.clone(),
        document_name: document.map(|d| d.name.clone()).unwrap_or_else(|| Text::new("", "")),
        part: s.part.clone(),
        kind: kind.unwrap_or(SourceKind::DocumentText),
        quoted: s.quoted.clone(),
    })
}
