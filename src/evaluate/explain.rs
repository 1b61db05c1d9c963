//! The sentences of a report, in Vietnamese and English, citing the clause of the decision.
//! Numbers are formatted per locale (`62,5 %`, `1.240` in Vietnamese; `62.5%`, `1,240` in
//! English); a value next to a verdict is the display-rounded one (see [`super::display`]).

use crate::messages::{push_number, push_percent_trimmed, push_trimmed, Locale, Text};
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
fn push_figure(out: &mut String, ind: &Indicator, v: f64, l: Locale) {
    match ind.measure {
        Measure::Rank => {
            out.push_str(match l {
                Locale::Vi => "hạng ",
                Locale::En => "rank ",
            });
            push_trimmed(out, v, 0, l);
        }
        _ => push_percent_trimmed(out, v, 2, l),
    }
}

fn figure(ind: &Indicator, v: f64, l: Locale) -> String {
    let mut out = String::new();
    push_figure(&mut out, ind, v, l);
    out
}

/// A positive gap is never shown as 0.
fn push_gap(out: &mut String, g: f64, decimals: u8, l: Locale) {
    let (v, d) = super::display::shown(
        g,
        decimals,
        &[super::display::Threshold {
            value: 0.0,
            comparator: crate::plan::Comparator::Lte,
        }],
    );
    push_trimmed(out, v, d, l);
}

/// Appends the decimal digits of `n`.
fn push_int(out: &mut String, n: i32) {
    use std::fmt::Write;
    let _ = write!(out, "{n}");
}

/// Whether `s` is the year `y` written out (what `y.to_string()` gives).
fn is_year_text(s: &str, y: i32) -> bool {
    y >= 0
        && !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_digit())
        && (s.len() == 1 || !s.starts_with('0'))
        && s.parse::<i32>().is_ok_and(|v| v == y)
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

fn push_status_clause(out: &mut String, f: &Facts, l: Locale) {
    let dl = f.ind.deadline;
    let t = f.target.map(|t| figure(f.ind, t, l)).unwrap_or_default();
    let (before, middle, after): (&str, &str, &str) = match (l, f.status) {
        (Locale::Vi, Status::Met) => ("đã đạt chỉ tiêu ", " đến năm ", ""),
        (Locale::En, Status::Met) => ("the ", " target of ", " is met"),
        (Locale::Vi, Status::OnTrack) => ("đúng tiến độ để đạt ", " vào năm ", ""),
        (Locale::En, Status::OnTrack) => ("on track for ", " by ", ""),
        (Locale::Vi, Status::NeedsAcceleration) => ("cần đẩy nhanh để đạt ", " vào năm ", ""),
        (Locale::En, Status::NeedsAcceleration) => ("needs to speed up to reach ", " by ", ""),
        (Locale::Vi, Status::LimitedProgress) => ("tiến độ còn hạn chế so với chỉ tiêu ", " năm ", ""),
        (Locale::En, Status::LimitedProgress) => ("limited progress towards ", " by ", ""),
        (Locale::Vi, Status::Deteriorating) => ("đang đi ngược chỉ tiêu ", " năm ", ""),
        (Locale::En, Status::Deteriorating) => ("moving away from the ", " target of ", ""),
        (Locale::Vi, Status::Missed) => ("không đạt chỉ tiêu ", " năm ", ""),
        (Locale::En, Status::Missed) => ("missed the ", " target of ", ""),
        (_, Status::InsufficientData) => {
            out.push_str(match l {
                Locale::Vi => "chưa đủ số liệu để đánh giá xu hướng (",
                Locale::En => "not enough data to judge the trend (",
            });
            if let Some(r) = f.reason {
                out.push_str(reason_text(r).get(l));
            }
            out.push(')');
            return;
        }
        (Locale::Vi, Status::NoData) => ("chưa có số liệu", "", ""),
        (Locale::En, Status::NoData) => ("no data reported", "", ""),
    };
    if f.status == Status::NoData {
        out.push_str(before);
        return;
    }
    out.push_str(before);
    // English puts the year first in "the 2025 target of 80%", Vietnamese the target first.
    let year_first = l == Locale::En && matches!(f.status, Status::Met | Status::Deteriorating | Status::Missed);
    if year_first {
        push_int(out, dl);
        out.push_str(middle);
        out.push_str(&t);
    } else {
        out.push_str(&t);
        out.push_str(middle);
        push_int(out, dl);
    }
    out.push_str(after);
}

/// Appends `sep` and the requirement clause, when there is one.
fn push_requirement_clause(out: &mut String, sep: &str, f: &Facts, l: Locale) {
    // A milestone's requirement is "done": the value already says it.
    if f.ind.measure == Measure::Milestone {
        return;
    }
    let (Some(req), Some(met)) = (f.requirement, f.met) else {
        return;
    };
    out.push_str(sep);
    let y = f.year;
    let (before, middle): (&str, &str) = match (l, f.is_floor, met) {
        (Locale::Vi, true, true) => ("đạt mức sàn ", " của năm "),
        (Locale::Vi, true, false) => ("dưới mức sàn ", " của năm "),
        (Locale::En, true, true) => ("meeting the ", " floor of "),
        (Locale::En, true, false) => ("below the ", " floor of "),
        (Locale::Vi, false, true) => ("đạt mức chỉ tiêu ", ""),
        (Locale::Vi, false, false) => ("chưa đạt mức chỉ tiêu ", ""),
        (Locale::En, false, true) => ("meeting the target of ", ""),
        (Locale::En, false, false) => ("short of the target of ", ""),
    };
    out.push_str(before);
    match (l, f.is_floor) {
        (Locale::Vi, true) => {
            push_figure(out, f.ind, req, l);
            out.push_str(middle);
            push_int(out, y);
        }
        (Locale::En, true) => {
            push_int(out, y);
            out.push_str(middle);
            push_figure(out, f.ind, req, l);
        }
        (_, false) => push_figure(out, f.ind, req, l),
    }
}

/// Appends `sep` and the gap clause, when there is one.
fn push_gap_clause(out: &mut String, sep: &str, f: &Facts, l: Locale) {
    // "Not done" already says all there is to say about a milestone without steps.
    if f.met != Some(false) || matches!(f.milestone, Some((false, None))) {
        return;
    }
    let noun = f.ind.counted.as_ref().map(|c| c.get(l));
    if let (Some(u), Some(noun)) = (f.gap_units, noun) {
        out.push_str(sep);
        match l {
            Locale::Vi => out.push_str(if f.ind.measure == Measure::Reduction {
                "cần giảm thêm "
            } else {
                "còn thiếu "
            }),
            Locale::En => {}
        }
        push_number(out, u.max(0.0), 0, l);
        out.push_str(match l {
            Locale::Vi => " ",
            Locale::En => " more ",
        });
        out.push_str(noun);
        match l {
            Locale::Vi => {}
            Locale::En => out.push_str(if f.ind.measure == Measure::Reduction {
                " to cut"
            } else {
                " needed"
            }),
        }
        return;
    }
    let Some(g) = f.gap_points else { return };
    out.push_str(sep);
    match (l, f.ind.measure) {
        (Locale::Vi, Measure::Rank) => {
            out.push_str("còn cách ");
            push_gap(out, g, 0, l);
            out.push_str(" bậc");
        }
        (Locale::En, Measure::Rank) => {
            let from = out.len();
            push_gap(out, g, 0, l);
            let one = out.get(from..) == Some("1");
            out.push_str(if one { " place away" } else { " places away" });
        }
        (Locale::Vi, _) => {
            out.push_str("còn cách ");
            push_gap(out, g, 1, l);
            out.push_str(" điểm phần trăm");
        }
        (Locale::En, _) => {
            out.push_str("a gap of ");
            push_gap(out, g, 1, l);
            out.push_str(" percentage points");
        }
    }
}

/// Appends what was measured: the value, the year and its period, the counts behind it.
fn push_what(out: &mut String, f: &Facts, l: Locale) {
    let shown = f.shown.map(|t| t.get(l)).unwrap_or_default();
    let y = f.year;
    let has_note = !is_year_text(f.period, y);
    let push_note = |out: &mut String| {
        out.push_str(match l {
            Locale::Vi => "kỳ ",
            Locale::En => "period ",
        });
        out.push_str(f.period);
    };
    // " năm {y} (kỳ …)" / " in {y} (period …)"
    let push_year = |out: &mut String| {
        out.push_str(match l {
            Locale::Vi => "năm ",
            Locale::En => "in ",
        });
        push_int(out, y);
        if has_note {
            out.push_str(" (");
            push_note(out);
            out.push(')');
        }
    };
    let noun = f.ind.counted.as_ref().map(|c| c.get(l)).unwrap_or_default();
    match f.ind.measure {
        Measure::Rank => {
            out.push_str(match l {
                Locale::Vi => "hạng ",
                Locale::En => "rank ",
            });
            out.push_str(shown);
            out.push(' ');
            push_year(out);
        }
        Measure::Milestone => {
            match (l, f.milestone) {
                (Locale::Vi, Some((true, _))) => out.push_str("đã hoàn thành "),
                (Locale::En, Some((true, _))) => out.push_str("done "),
                (Locale::Vi, Some((false, Some(_)))) => {
                    out.push_str("đã làm ");
                    out.push_str(shown);
                    out.push_str(" các bước ");
                }
                (Locale::En, Some((false, Some(_)))) => {
                    out.push_str(shown);
                    out.push_str(" of the steps done ");
                }
                (Locale::Vi, _) => out.push_str("chưa hoàn thành "),
                (Locale::En, _) => out.push_str("not done "),
            }
            push_year(out);
        }
        Measure::Reduction => {
            let Some((count, base, by)) = f.counts else {
                return;
            };
            match base {
                Some(b) => {
                    out.push_str(match l {
                        Locale::Vi => "giảm ",
                        Locale::En => "cut by ",
                    });
                    out.push_str(shown);
                    out.push_str(match l {
                        Locale::Vi => " so với năm ",
                        Locale::En => " against ",
                    });
                    push_int(out, by);
                    out.push_str(" (");
                    push_trimmed(out, count, 2, l);
                    out.push_str(match l {
                        Locale::Vi => " so với ",
                        Locale::En => " against ",
                    });
                    push_trimmed(out, b, 2, l);
                    out.push(' ');
                    out.push_str(noun);
                    out.push_str(") ");
                    push_year(out);
                }
                None => {
                    push_trimmed(out, count, 2, l);
                    out.push(' ');
                    out.push_str(noun);
                    out.push(' ');
                    push_year(out);
                    out.push_str(match l {
                        Locale::Vi => ", chưa có số liệu năm gốc ",
                        Locale::En => ", no count for the baseline year ",
                    });
                    push_int(out, by);
                }
            }
        }
        Measure::Percentage => {
            out.push_str(shown);
            out.push_str(match l {
                Locale::Vi => " năm ",
                Locale::En => " in ",
            });
            push_int(out, y);
            // Notes: the period, then the counts ("1.240/2.480 kết quả").
            if has_note || f.fraction.is_some() {
                out.push_str(" (");
                if has_note {
                    push_note(out);
                }
                if let Some((n, d)) = f.fraction {
                    if has_note {
                        out.push_str("; ");
                    }
                    push_trimmed(out, n, 2, l);
                    out.push('/');
                    push_trimmed(out, d, 2, l);
                    out.push(' ');
                    out.push_str(noun);
                }
                out.push(')');
            }
        }
    }
}

/// The sentence of one result.
pub(crate) fn result(f: &Facts) -> Text {
    let one = |l: Locale| {
        let title = f.ind.title.get(l);
        let mut out = String::with_capacity(f.unit_name.len() + title.len() + 200);
        out.push_str(f.unit_name);
        out.push_str(" – ");
        out.push_str(title);
        out.push_str(": ");
        push_what(&mut out, f, l);
        push_requirement_clause(&mut out, ", ", f, l);
        push_gap_clause(&mut out, ", ", f, l);
        out.push_str("; ");
        push_status_clause(&mut out, f, l);
        out.push_str(match l {
            Locale::Vi => " (khoản ",
            Locale::En => " (clause ",
        });
        out.push_str(&f.ind.clause);
        out.push(')');
        out
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
