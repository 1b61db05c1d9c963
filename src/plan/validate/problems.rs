//! The wording of every error a rule pack's validation reports: one constructor per error
//! code, each holding its sentences in Vietnamese and English, so that the checks say what is
//! wrong and this file says how it reads. (Where a form shows the field is added by the
//! collector, `super::Collector::report`.)

use super::truncate;
use crate::error::ErrorCode;

/// An error's code and its message in both languages.
pub(super) struct Problem {
    pub(super) code: ErrorCode,
    pub(super) vi: String,
    pub(super) en: String,
}

fn problem(code: ErrorCode, vi: impl Into<String>, en: impl Into<String>) -> Problem {
    Problem {
        code,
        vi: vi.into(),
        en: en.into(),
    }
}

/// Why a format is not read (`RULE_PACK_UNSUPPORTED_FORMAT`).
pub(super) enum Format<'a> {
    /// Newer than this library reads.
    Newer { format: u32, latest: u32 },
    /// Neither 1 nor 2.
    Unsupported(u32),
    /// A field of format 2 in a pack of format 1.
    FieldOfFormat2(&'a str),
}

pub(super) fn unsupported_format(why: Format) -> Problem {
    let code = ErrorCode::RulePackUnsupportedFormat;
    match why {
        Format::Newer { format, latest } => problem(
            code,
            format!("bộ quy tắc viết theo định dạng phiên bản `{format}`, mới hơn phiên bản mà thư viện này đọc được (1–{latest}): hãy cập nhật cchc-progress"),
            format!("the rule pack is written in format version `{format}`, newer than this library reads (1–{latest}): update cchc-progress"),
        ),
        Format::Unsupported(format) => problem(
            code,
            format!("phiên bản định dạng `{format}` không được hỗ trợ; phiên bản hỗ trợ: `1`, `2`"),
            format!("format version `{format}` is not supported; supported: `1`, `2`"),
        ),
        Format::FieldOfFormat2(key) => problem(
            code,
            format!("trường `{key}` chỉ có từ định dạng phiên bản 2: hãy đặt `formatVersion` là 2"),
            format!("field `{key}` exists from format version 2 on: set `formatVersion` to 2"),
        ),
    }
}

pub(super) fn unknown_value(value: &str, allowed: &[&str]) -> Problem {
    let list = allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
    problem(
        ErrorCode::RulePackUnknownValue,
        format!("giá trị `{value}` không hợp lệ; chỉ nhận {list}"),
        format!("value `{value}` is not allowed; expected one of {list}"),
    )
}

pub(super) fn not_a_number() -> Problem {
    problem(
        ErrorCode::RulePackNotANumber,
        "giá trị phải là một số hữu hạn",
        "the value must be a finite number",
    )
}

pub(super) fn bad_id(id: &str) -> Problem {
    problem(
        ErrorCode::RulePackBadId,
        format!(
            "mã `{}` không hợp lệ: chỉ dùng chữ thường a–z, chữ số, `.`, `_`, `-`, tối đa 64 ký tự",
            truncate(id)
        ),
        format!(
            "id `{}` is not valid: use lower-case a–z, digits, `.`, `_`, `-`, at most 64 characters",
            truncate(id)
        ),
    )
}

pub(super) fn duplicate_id(id: &str) -> Problem {
    problem(
        ErrorCode::RulePackDuplicateId,
        format!("mã `{}` bị trùng", truncate(id)),
        format!("id `{}` appears more than once", truncate(id)),
    )
}

pub(super) fn bad_date(date: &str) -> Problem {
    problem(
        ErrorCode::RulePackBadDate,
        format!("ngày `{}` không đúng dạng `YYYY-MM-DD`", truncate(date)),
        format!("date `{}` is not a valid `YYYY-MM-DD` date", truncate(date)),
    )
}

/// A field a pack must give (`RULE_PACK_MISSING_FIELD`), by what lacks it.
pub(super) enum Missing {
    PlanDecision,
    AreaClause,
    DocumentName,
    SourceQuoted,
    RampFirstFloors,
    Target,
    Levels,
    Deadline,
    IndicatorClause,
    ScopeParent,
    BaselineYear,
    DenominatorParent,
}

pub(super) fn missing_field(what: Missing) -> Problem {
    let (vi, en) = match what {
        Missing::PlanDecision => (
            "kế hoạch cần văn bản ban hành `decision` (số và ngày), hoặc danh sách văn bản `documents` (định dạng 2)",
            "the plan needs its `decision` (number and date), or a list of `documents` (format 2)",
        ),
        Missing::AreaClause => (
            "lĩnh vực cần khoản `clause` của văn bản (định dạng 2 cho phép bỏ trống)",
            "the area needs the document's `clause` (format 2 may leave it out)",
        ),
        Missing::DocumentName => (
            "văn bản cần tên để trích dẫn, bằng tiếng Việt và tiếng Anh (\"Quyết định 282/QĐ-TTg\")",
            "the document needs the name it is cited by, in Vietnamese and English (\"Decision 282/QĐ-TTg\")",
        ),
        Missing::SourceQuoted => (
            "cần trích nguyên văn câu nêu chỉ tiêu",
            "the sentence that states the target must be quoted",
        ),
        Missing::RampFirstFloors => (
            "lộ trình phải có mức sàn năm đầu cho ít nhất một cấp",
            "a ramp needs a first-year floor for at least one level",
        ),
        Missing::Target => ("chỉ tiêu cần giá trị `target`", "the indicator needs a `target`"),
        Missing::Levels => (
            "chỉ tiêu phải áp dụng cho ít nhất một cấp",
            "the indicator must apply to at least one level",
        ),
        Missing::Deadline => (
            "chỉ tiêu cần thời hạn `deadline` (năm), hoặc giai đoạn `phase` (định dạng 2) mà thời hạn là năm cuối",
            "the indicator needs a `deadline` (a year), or a `phase` (format 2) whose last year is its deadline",
        ),
        Missing::IndicatorClause => (
            "chỉ tiêu cần khoản `clause` của văn bản, hoặc nguồn `source` (định dạng 2)",
            "the indicator needs the document's `clause`, or a `source` (format 2)",
        ),
        Missing::ScopeParent => (
            "chỉ tiêu thành phần (`scope`, \"trong đó\") cần chỉ tiêu cha `parent`",
            "a sub-target (`scope`, \"of which\") needs its `parent`",
        ),
        Missing::BaselineYear => (
            "chỉ tiêu giảm so với năm gốc cần `baselineYear`",
            "a reduction against a baseline needs `baselineYear`",
        ),
        Missing::DenominatorParent => (
            "`denominatorFrom` chỉ dùng cho chỉ tiêu lồng có `parent`",
            "`denominatorFrom` needs a `parent` (it is for nested targets)",
        ),
    };
    problem(ErrorCode::RulePackMissingField, vi, en)
}

/// A period that is not one (`RULE_PACK_BAD_PERIOD`).
pub(super) enum BadPeriod {
    /// The plan's own period.
    Plan { from: i32, to: i32 },
    /// A phase ending before it starts, or outside the plan's period (when that is valid).
    Phase {
        from: i32,
        to: i32,
        plan: Option<(i32, i32)>,
    },
    /// A phase starting before the one before it ends.
    PhaseOverlap { from: i32, to: i32, before: (i32, i32) },
}

pub(super) fn bad_period(why: BadPeriod) -> Problem {
    let code = ErrorCode::RulePackBadPeriod;
    match why {
        BadPeriod::Plan { from, to } => problem(
            code,
            format!("giai đoạn `{from}–{to}` không hợp lệ"),
            format!("period `{from}–{to}` is not valid"),
        ),
        BadPeriod::Phase { from, to, plan } => {
            let (vi_period, en_period) = match plan {
                Some((pf, pt)) => (
                    format!(" và nằm trong giai đoạn `{pf}–{pt}` của kế hoạch"),
                    format!(" and lie within the plan's period `{pf}–{pt}`"),
                ),
                None => (String::new(), String::new()),
            };
            problem(
                code,
                format!("giai đoạn `{from}–{to}` phải bắt đầu không muộn hơn khi kết thúc{vi_period}"),
                format!("phase `{from}–{to}` must not end before it starts{en_period}"),
            )
        }
        BadPeriod::PhaseOverlap { from, to, before } => problem(
            code,
            format!(
                "giai đoạn `{from}–{to}` phải bắt đầu sau khi giai đoạn trước (`{}–{}`) kết thúc",
                before.0, before.1
            ),
            format!(
                "phase `{from}–{to}` must start after the one before it (`{}–{}`) ends",
                before.0, before.1
            ),
        ),
    }
}

pub(super) fn bad_thresholds() -> Problem {
    problem(
        ErrorCode::RulePackBadThresholds,
        "ngưỡng phải giảm dần: onTrack > needsAcceleration > limitedProgress",
        "thresholds must fall: onTrack > needsAcceleration > limitedProgress",
    )
}

/// How a ramp would fall (`RULE_PACK_RAMP_FALLS`).
pub(super) enum Falls {
    /// A negative step or a factor below 1.
    StepOrFactor,
    /// A first-year floor above the cap.
    FirstFloorAboveCap { floor: f64, cap: f64 },
}

pub(super) fn ramp_falls(how: Falls) -> Problem {
    let code = ErrorCode::RulePackRampFalls;
    match how {
        Falls::StepOrFactor => problem(
            code,
            "mức sàn của lộ trình không được giảm qua các năm (bước ≥ 0, hệ số ≥ 1)",
            "a ramp's floors must not fall from year to year (step ≥ 0, factor ≥ 1)",
        ),
        Falls::FirstFloorAboveCap { floor, cap } => problem(
            code,
            format!("mức sàn năm đầu `{floor}` cao hơn mức trần `{cap}`: lộ trình sẽ giảm"),
            format!("first-year floor `{floor}` is above the cap `{cap}`: the ramp would fall"),
        ),
    }
}

pub(super) fn ramp_too_steep(key: &str, shown: &str, max: f64) -> Problem {
    problem(
        ErrorCode::RulePackRampTooSteep,
        format!(
            "`{key}` của lộ trình là `{shown}`, vượt giới hạn {max}: mức sàn sẽ vượt mọi mức trần ngay trong một năm"
        ),
        format!(
            "the ramp's `{key}` is `{shown}`, above the limit of {max}: its floor would pass any cap within a year"
        ),
    )
}

/// A year outside the period it belongs to (`RULE_PACK_YEAR_OUTSIDE_PERIOD`).
pub(super) enum Outside {
    /// A ramp's years outside the plan's period `(from, to)`.
    RampYears { first: i32, last: i32, period: (i32, i32) },
    /// A deadline outside the indicator's phase.
    DeadlineOfPhase { deadline: i32, phase: (i32, i32) },
    /// A deadline outside the plan's period.
    DeadlineOfPlan { deadline: i32, period: (i32, i32) },
    /// A baseline year not before the deadline.
    Baseline { year: i32, deadline: i32 },
}

pub(super) fn year_outside_period(what: Outside) -> Problem {
    let (vi, en) = match what {
        Outside::RampYears { first, last, period } => (
            format!(
                "lộ trình `{first}–{last}` phải nằm trong giai đoạn của kế hoạch `{}–{}`",
                period.0, period.1
            ),
            format!(
                "ramp years `{first}–{last}` must lie within the plan's period `{}–{}`",
                period.0, period.1
            ),
        ),
        Outside::DeadlineOfPhase { deadline, phase } => (
            format!(
                "thời hạn `{deadline}` nằm ngoài giai đoạn `{}–{}` của chỉ tiêu",
                phase.0, phase.1
            ),
            format!(
                "deadline `{deadline}` is outside the indicator's phase `{}–{}`",
                phase.0, phase.1
            ),
        ),
        Outside::DeadlineOfPlan { deadline, period } => (
            format!(
                "thời hạn `{deadline}` nằm ngoài giai đoạn `{}–{}` của kế hoạch",
                period.0, period.1
            ),
            format!(
                "deadline `{deadline}` is outside the plan's period `{}–{}`",
                period.0, period.1
            ),
        ),
        Outside::Baseline { year, deadline } => (
            format!("năm gốc `{year}` phải trước thời hạn `{deadline}`"),
            format!("baseline year `{year}` must come before the deadline `{deadline}`"),
        ),
    };
    problem(ErrorCode::RulePackYearOutsidePeriod, vi, en)
}

/// What a reference names that is not listed (`RULE_PACK_UNKNOWN_REFERENCE`).
pub(super) enum Listed {
    Area,
    Ramp,
    Phase,
    Document,
}

pub(super) fn unknown_reference(list: Listed, id: &str) -> Problem {
    let id = truncate(id);
    let (vi, en) = match list {
        Listed::Area => (
            format!("lĩnh vực `{id}` không có trong `areas`"),
            format!("area `{id}` is not listed in `areas`"),
        ),
        Listed::Ramp => (
            format!("lộ trình `{id}` không có trong `ramps`"),
            format!("ramp `{id}` is not listed in `ramps`"),
        ),
        Listed::Phase => (
            format!("giai đoạn `{id}` không có trong `phases`"),
            format!("phase `{id}` is not listed in `phases`"),
        ),
        Listed::Document => (
            format!("văn bản `{id}` không có trong `documents`"),
            format!("document `{id}` is not listed in `documents`"),
        ),
    };
    problem(ErrorCode::RulePackUnknownReference, vi, en)
}

/// A kind of indicator not known, or not allowed where it is (`RULE_PACK_UNKNOWN_KIND`).
pub(super) enum Kind<'a> {
    Measure(&'a str),
    /// An indicator with a ramp that is not a percentage.
    RampNeedsPercentage,
}

pub(super) fn unknown_kind(kind: Kind) -> Problem {
    let code = ErrorCode::RulePackUnknownKind;
    match kind {
        Kind::Measure(m) => problem(
            code,
            format!(
                "loại đo lường `{}` không hợp lệ; chỉ nhận `percentage`, `rank`, `reduction`, `milestone`",
                truncate(m)
            ),
            format!(
                "measure kind `{}` is not known; expected `percentage`, `rank`, `reduction` or `milestone`",
                truncate(m)
            ),
        ),
        Kind::RampNeedsPercentage => problem(
            code,
            "chỉ tiêu theo lộ trình phải là tỷ lệ (`percentage`)",
            "an indicator with a ramp must be a `percentage`",
        ),
    }
}

/// A direction that contradicts the comparator or the measure (`RULE_PACK_DIRECTION_MISMATCH`).
pub(super) enum Mismatch<'a> {
    Comparator {
        comparator: &'a str,
        direction: &'a str,
    },
    /// A rank whose direction is not `lower_is_better`.
    Rank,
}

pub(super) fn direction_mismatch(m: Mismatch) -> Problem {
    let code = ErrorCode::RulePackDirectionMismatch;
    match m {
        Mismatch::Comparator { comparator, direction } => problem(
            code,
            format!("so sánh `{comparator}` mâu thuẫn với hướng `{direction}`"),
            format!("comparator `{comparator}` contradicts direction `{direction}`"),
        ),
        Mismatch::Rank => problem(
            code,
            "xếp hạng càng thấp càng tốt: hướng phải là `lower_is_better`",
            "a rank is better when lower: direction must be `lower_is_better`",
        ),
    }
}

pub(super) fn percent_out_of_range(v: f64) -> Problem {
    problem(
        ErrorCode::RulePackTargetOutOfRange,
        format!("tỷ lệ `{v}` phải nằm trong khoảng 0–100"),
        format!("percentage `{v}` must lie between 0 and 100"),
    )
}

pub(super) fn rank_out_of_range(t: f64, out_of: u32) -> Problem {
    problem(
        ErrorCode::RulePackRankOutOfRange,
        format!("thứ hạng mục tiêu `{t}` phải là số nguyên từ 1 đến {out_of}"),
        format!("target rank `{t}` must be a whole number from 1 to {out_of}"),
    )
}

pub(super) fn level_not_covered(key: &str) -> Problem {
    problem(
        ErrorCode::RulePackLevelNotCovered,
        format!("có mục tiêu cho `{key}` nhưng `levels` không gồm cấp này"),
        format!("a target is given for `{key}` but `levels` does not include that level"),
    )
}

pub(super) fn unknown_parent(id: &str) -> Problem {
    problem(
        ErrorCode::RulePackUnknownParent,
        format!("chỉ tiêu cha `{}` không tồn tại", truncate(id)),
        format!("parent `{}` does not exist", truncate(id)),
    )
}

pub(super) fn parent_cycle(id: &str) -> Problem {
    problem(
        ErrorCode::RulePackParentCycle,
        format!("chuỗi chỉ tiêu cha của `{id}` tạo thành vòng lặp"),
        format!("the parents of `{id}` form a cycle"),
    )
}
