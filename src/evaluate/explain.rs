//! The sentences of a report, in Vietnamese and English, citing the clause of the decision.
//! Numbers are formatted per locale (`62,5 %`, `1.240` in Vietnamese; `62.5%`, `1,240` in
//! English); a value next to a verdict is the display-rounded one (see [`super::display`]).

use crate::messages::{format_number, format_percent_trimmed, format_trimmed, Locale, Text};
use crate::plan::{Indicator, Level, Measure};
use crate::report::{Reason, Status};

/// What a result sentence says.
pub(crate) struct Facts<'a> {
    pub ind: &'a Indicator,
    pub unit_name: &'a str,
    pub year: i32,
    pub period: &'a str,
    /// The value as displayed.
    pub shown: Option<&'a Text>,
    pub fraction: Option<(f64, f64)>,
    /// Reductions: latest count, baseline count, baseline year.
    pub counts: Option<(f64, Option<f64>, i32)>,
    /// Milestones: done, share.
    pub milestone: Option<(bool, Option<f64>)>,
    pub requirement: Option<f64>,
    pub is_floor: bool,
    pub met: Option<bool>,
    pub gap_points: Option<f64>,
    pub gap_units: Option<f64>,
    pub target: Option<f64>,
    pub status: Status,
    pub reason: Option<Reason>,
}

/// A figure of the indicator's kind: a percentage, or a rank.
fn figure(ind: &Indicator, v: f64, l: Locale) -> String {
    match ind.measure {
        Measure::Rank => match l {
            Locale::Vi => format!("hạng {}", format_trimmed(v, 0, l)),
            Locale::En => format!("rank {}", format_trimmed(v, 0, l)),
        },
        _ => format_percent_trimmed(v, 2, l),
    }
}

/// A positive gap is never shown as 0.
fn gap_text(g: f64, decimals: u8, l: Locale) -> String {
    let (v, d) = super::display::shown(
        g,
        decimals,
        &[super::display::Threshold {
            value: 0.0,
            comparator: crate::plan::Comparator::Lte,
        }],
    );
    format_trimmed(v, d, l)
}

pub(crate) fn reason_text(r: Reason) -> Text {
    let (vi, en) = match r {
        Reason::NoBaseline => (
            "thiếu số liệu năm gốc, không ước đoán",
            "the baseline year's count is missing and is not guessed",
        ),
        Reason::SinglePoint => ("mới có số liệu của một năm", "only one year has data"),
        Reason::BaselineIsLatest => ("năm gốc cũng là năm mới nhất", "the baseline year is the latest year"),
        Reason::BaselineNotPositive => (
            "giá trị năm gốc bằng 0, không tính được tốc độ tăng",
            "the baseline value is 0, so no growth rate exists",
        ),
        Reason::NoRequiredGrowth => (
            "giá trị năm gốc đã bằng chỉ tiêu",
            "the baseline value already equals the target",
        ),
        Reason::DeadlineNotAfterBaseline => (
            "năm gốc không trước thời hạn",
            "the baseline year is not before the deadline",
        ),
        Reason::NoValueInBaselineYear => (
            "không có số liệu trong năm gốc đã chọn",
            "the chosen baseline year has no data",
        ),
        Reason::MilestoneWithoutShare => (
            "chưa hoàn thành và không báo cáo tỷ lệ các bước đã làm",
            "not done, and no share of steps was reported",
        ),
        Reason::NoFloor => ("chưa xác định được mức sàn", "no floor can be set"),
    };
    Text::new(vi, en)
}

fn status_clause(f: &Facts, l: Locale) -> String {
    let dl = f.ind.deadline;
    let t = f.target.map(|t| figure(f.ind, t, l)).unwrap_or_default();
    match (l, f.status) {
        (Locale::Vi, Status::Met) => format!("đã đạt chỉ tiêu {t} đến năm {dl}"),
        (Locale::En, Status::Met) => format!("the {dl} target of {t} is met"),
        (Locale::Vi, Status::OnTrack) => format!("đúng tiến độ để đạt {t} vào năm {dl}"),
        (Locale::En, Status::OnTrack) => format!("on track for {t} by {dl}"),
        (Locale::Vi, Status::NeedsAcceleration) => format!("cần đẩy nhanh để đạt {t} vào năm {dl}"),
        (Locale::En, Status::NeedsAcceleration) => format!("needs to speed up to reach {t} by {dl}"),
        (Locale::Vi, Status::LimitedProgress) => format!("tiến độ còn hạn chế so với chỉ tiêu {t} năm {dl}"),
        (Locale::En, Status::LimitedProgress) => format!("limited progress towards {t} by {dl}"),
        (Locale::Vi, Status::Deteriorating) => format!("đang đi ngược chỉ tiêu {t} năm {dl}"),
        (Locale::En, Status::Deteriorating) => format!("moving away from the {dl} target of {t}"),
        (Locale::Vi, Status::Missed) => format!("không đạt chỉ tiêu {t} năm {dl}"),
        (Locale::En, Status::Missed) => format!("missed the {dl} target of {t}"),
        (_, Status::InsufficientData) => {
            let why = f.reason.map(|r| reason_text(r).get(l).to_string()).unwrap_or_default();
            match l {
                Locale::Vi => format!("chưa đủ số liệu để đánh giá xu hướng ({why})"),
                Locale::En => format!("not enough data to judge the trend ({why})"),
            }
        }
        (Locale::Vi, Status::NoData) => "chưa có số liệu".to_string(),
        (Locale::En, Status::NoData) => "no data reported".to_string(),
    }
}

fn requirement_clause(f: &Facts, l: Locale) -> Option<String> {
    // A milestone's requirement is "done": the value already says it.
    if f.ind.measure == Measure::Milestone {
        return None;
    }
    let req = f.requirement?;
    let met = f.met?;
    let r = figure(f.ind, req, l);
    let y = f.year;
    Some(match (l, f.is_floor, met) {
        (Locale::Vi, true, true) => format!("đạt mức sàn {r} của năm {y}"),
        (Locale::Vi, true, false) => format!("dưới mức sàn {r} của năm {y}"),
        (Locale::En, true, true) => format!("meeting the {y} floor of {r}"),
        (Locale::En, true, false) => format!("below the {y} floor of {r}"),
        (Locale::Vi, false, true) => format!("đạt mức chỉ tiêu {r}"),
        (Locale::Vi, false, false) => format!("chưa đạt mức chỉ tiêu {r}"),
        (Locale::En, false, true) => format!("meeting the target of {r}"),
        (Locale::En, false, false) => format!("short of the target of {r}"),
    })
}

fn gap_clause(f: &Facts, l: Locale) -> Option<String> {
    // "Not done" already says all there is to say about a milestone without steps.
    if f.met != Some(false) || matches!(f.milestone, Some((false, None))) {
        return None;
    }
    let noun = f.ind.counted.as_ref().map(|c| c.get(l).to_string());
    if let (Some(u), Some(noun)) = (f.gap_units, noun.as_deref()) {
        let n = format_number(u.max(0.0), 0, l);
        return Some(match (l, f.ind.measure) {
            (Locale::Vi, Measure::Reduction) => format!("cần giảm thêm {n} {noun}"),
            (Locale::En, Measure::Reduction) => format!("{n} more {noun} to cut"),
            (Locale::Vi, _) => format!("còn thiếu {n} {noun}"),
            (Locale::En, _) => format!("{n} more {noun} needed"),
        });
    }
    let g = f.gap_points?;
    Some(match (l, f.ind.measure) {
        (Locale::Vi, Measure::Rank) => format!("còn cách {} bậc", gap_text(g, 0, l)),
        (Locale::En, Measure::Rank) => {
            let n = gap_text(g, 0, l);
            let noun = if n == "1" { "place" } else { "places" };
            format!("{n} {noun} away")
        }
        (Locale::Vi, _) => format!("còn cách {} điểm phần trăm", gap_text(g, 1, l)),
        (Locale::En, _) => format!("a gap of {} percentage points", gap_text(g, 1, l)),
    })
}

fn what(f: &Facts, l: Locale) -> String {
    let shown = f.shown.map(|t| t.get(l).to_string()).unwrap_or_default();
    let y = f.year;
    let period_note = (f.period != y.to_string()).then(|| match l {
        Locale::Vi => format!("kỳ {}", f.period),
        Locale::En => format!("period {}", f.period),
    });
    let period = period_note.as_ref().map(|p| format!(" ({p})")).unwrap_or_default();
    let noun = f.ind.counted.as_ref().map(|c| c.get(l).to_string()).unwrap_or_default();
    match f.ind.measure {
        Measure::Rank => match l {
            Locale::Vi => format!("hạng {shown} năm {y}{period}"),
            Locale::En => format!("rank {shown} in {y}{period}"),
        },
        Measure::Milestone => match (l, f.milestone) {
            (Locale::Vi, Some((true, _))) => format!("đã hoàn thành năm {y}{period}"),
            (Locale::En, Some((true, _))) => format!("done in {y}{period}"),
            (Locale::Vi, Some((false, Some(_)))) => format!("đã làm {shown} các bước năm {y}{period}"),
            (Locale::En, Some((false, Some(_)))) => format!("{shown} of the steps done in {y}{period}"),
            (Locale::Vi, _) => format!("chưa hoàn thành năm {y}{period}"),
            (Locale::En, _) => format!("not done in {y}{period}"),
        },
        Measure::Reduction => {
            let Some((count, base, by)) = f.counts else {
                return String::new();
            };
            let c = format_trimmed(count, 2, l);
            match (l, base) {
                (Locale::Vi, Some(b)) => format!(
                    "giảm {shown} so với năm {by} ({c} so với {} {noun}) năm {y}{period}",
                    format_trimmed(b, 2, l)
                ),
                (Locale::En, Some(b)) => format!(
                    "cut by {shown} against {by} ({c} against {} {noun}) in {y}{period}",
                    format_trimmed(b, 2, l)
                ),
                (Locale::Vi, None) => format!("{c} {noun} năm {y}{period}, chưa có số liệu năm gốc {by}"),
                (Locale::En, None) => format!("{c} {noun} in {y}{period}, no count for the baseline year {by}"),
            }
        }
        Measure::Percentage => {
            let frac = f
                .fraction
                .map(|(n, d)| format!("{}/{} {noun}", format_trimmed(n, 2, l), format_trimmed(d, 2, l)));
            let notes: Vec<String> = period_note.into_iter().chain(frac).collect();
            let notes = if notes.is_empty() {
                String::new()
            } else {
                format!(" ({})", notes.join("; "))
            };
            match l {
                Locale::Vi => format!("{shown} năm {y}{notes}"),
                Locale::En => format!("{shown} in {y}{notes}"),
            }
        }
    }
}

/// The sentence of one result.
pub(crate) fn result(f: &Facts) -> Text {
    let one = |l: Locale| {
        let title = f.ind.title.get(l);
        let mut parts = vec![what(f, l)];
        if let Some(r) = requirement_clause(f, l) {
            parts.push(r);
        }
        if let Some(g) = gap_clause(f, l) {
            parts.push(g);
        }
        let head = parts.join(", ");
        let status = status_clause(f, l);
        match l {
            Locale::Vi => format!("{} – {title}: {head}; {status} (khoản {})", f.unit_name, f.ind.clause),
            Locale::En => format!("{} – {title}: {head}; {status} (clause {})", f.unit_name, f.ind.clause),
        }
    };
    Text::new(one(Locale::Vi), one(Locale::En))
}

/// The sentence of an indicator nobody reported.
pub(crate) fn no_data(ind: &Indicator) -> Text {
    let one = |l: Locale| match l {
        Locale::Vi => format!(
            "{}: chưa có số liệu nào sử dụng được (khoản {})",
            ind.title.get(l),
            ind.clause
        ),
        Locale::En => format!("{}: no usable data reported (clause {})", ind.title.get(l), ind.clause),
    };
    Text::new(one(Locale::Vi), one(Locale::En))
}

fn level_noun(level: Level, n: u32, l: Locale) -> &'static str {
    match (l, level, n == 1) {
        (Locale::Vi, Level::City, _) => "đơn vị cấp thành phố",
        (Locale::Vi, Level::District, _) => "đơn vị cấp huyện",
        (Locale::Vi, Level::Commune, _) => "đơn vị cấp xã",
        (Locale::En, Level::City, true) => "city-level unit",
        (Locale::En, Level::City, false) => "city-level units",
        (Locale::En, Level::District, true) => "district",
        (Locale::En, Level::District, false) => "districts",
        (Locale::En, Level::Commune, true) => "commune",
        (Locale::En, Level::Commune, false) => "communes",
    }
}

/// What a level summary says: "7 of 9 districts meet the 2024 floor of 80%".
pub(crate) struct LevelFacts<'a> {
    pub ind: &'a Indicator,
    pub level: Level,
    pub year: i32,
    pub met: u32,
    pub total: u32,
    pub no_data: u32,
    pub requirement: Option<f64>,
    pub is_floor: bool,
}

pub(crate) fn level_sentence(f: &LevelFacts) -> Text {
    let one = |l: Locale| {
        let noun = level_noun(f.level, f.total, l);
        let y = f.year;
        let what = match (l, f.requirement, f.is_floor) {
            (Locale::Vi, Some(r), true) => format!("mức sàn {} của năm {y}", figure(f.ind, r, l)),
            (Locale::En, Some(r), true) => format!("the {y} floor of {}", figure(f.ind, r, l)),
            (Locale::Vi, None, true) => format!("mức sàn năm {y} của mình"),
            (Locale::En, None, true) => format!("their own {y} floor"),
            (Locale::Vi, Some(r), false) => format!("mức chỉ tiêu {} năm {y}", figure(f.ind, r, l)),
            (Locale::En, Some(r), false) => format!("the target of {} in {y}", figure(f.ind, r, l)),
            (Locale::Vi, None, false) => format!("mức chỉ tiêu năm {y}"),
            (Locale::En, None, false) => format!("the target in {y}"),
        };
        let mut s = match l {
            Locale::Vi => format!("{}/{} {noun} đạt {what}", f.met, f.total),
            Locale::En => {
                let verb = if f.met == 1 || f.total == 1 { "meets" } else { "meet" };
                format!("{} of {} {noun} {verb} {what}", f.met, f.total)
            }
        };
        if f.no_data > 0 {
            s.push_str(&match l {
                Locale::Vi => format!("; {} đơn vị chưa có số liệu", f.no_data),
                Locale::En if f.no_data == 1 => "; 1 has no data".to_string(),
                Locale::En => format!("; {} have no data", f.no_data),
            });
        }
        match l {
            Locale::Vi => format!("{s} (khoản {})", f.ind.clause),
            Locale::En => format!("{s} (clause {})", f.ind.clause),
        }
    };
    Text::new(one(Locale::Vi), one(Locale::En))
}
