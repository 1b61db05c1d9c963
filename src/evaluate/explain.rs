//! The sentences of a report, in Vietnamese and English, citing the clause of the decision.
//! Numbers are formatted per locale (`62,5 %`, `1.240` in Vietnamese; `62.5%`, `1,240` in
//! English); a value next to a verdict is the display-rounded one (see [`super::display`]).
//! Text from the portal's data (unit names) is isolated ([`crate::messages::isolate`]), so
//! that a right-to-left character or control in a name never reorders the sentence around it.

use crate::data::Date;
use crate::messages::{isolate, push_number, push_percent_trimmed, push_trimmed, Locale, Text};
use crate::plan::{Indicator, Level, Measure, SourceKind};
use crate::report::{FigureBasis, Reason, Status};

/// A figure of a year after the deadline, as a sentence names it.
pub(crate) struct After {
    pub year: i32,
    pub period: String,
    pub shown: Option<Text>,
    pub out_of: Option<f64>,
    pub met: Option<bool>,
}

/// Where the row's figure comes from, for a unit formed from others.
pub(crate) struct Lineage<'a> {
    pub basis: Option<FigureBasis>,
    pub estimated: bool,
    pub not_estimated_from: &'a [String],
    pub valid_from: Option<Date>,
}

/// What a result sentence says.
pub(crate) struct Facts<'a> {
    pub ind: &'a Indicator,
    pub unit_name: &'a str,
    /// The year of the figure the row is about (`None`: only figures after the deadline).
    pub year: Option<i32>,
    pub period: String,
    /// The value as displayed.
    pub shown: Option<&'a Text>,
    pub fraction: Option<(f64, f64)>,
    /// Reductions: latest count, baseline count, baseline year.
    pub counts: Option<(f64, Option<f64>, i32)>,
    /// Milestones: done, share.
    pub milestone: Option<(bool, Option<f64>)>,
    /// Ranks: how many the ranking ranked.
    pub out_of: Option<f64>,
    pub requirement: Option<f64>,
    /// The year whose floor `requirement` is, when not `year`.
    pub requirement_year: Option<i32>,
    pub is_floor: bool,
    pub met: Option<bool>,
    pub gap_points: Option<f64>,
    pub gap_units: Option<f64>,
    /// The gap to the deadline target (what `not_reported` says of the last figure).
    pub gap_to_target: Option<f64>,
    pub target: Option<f64>,
    pub status: Status,
    pub reason: Option<Reason>,
    pub provisional: Option<Status>,
    pub after: Option<After>,
    pub lineage: Lineage<'a>,
    /// The last day of a unit that ended (`discontinued`).
    pub ended: Option<Date>,
    /// The names of the units formed from it.
    pub successors: Vec<&'a str>,
    pub series_break: Option<(i32, i32)>,
}

/// A day as a sentence writes it: `30/06/2025`, `30 June 2025`.
fn push_day(out: &mut String, d: Date, l: Locale) {
    use std::fmt::Write;
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let _ = match l {
        Locale::Vi => write!(out, "{:02}/{:02}/{}", d.day, d.month, d.year),
        Locale::En => write!(
            out,
            "{} {} {}",
            d.day,
            MONTHS.get(d.month.saturating_sub(1) as usize).copied().unwrap_or(""),
            d.year
        ),
    };
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

/// The verdict in words: `status` (the row's, or what the trend method said provisionally).
fn push_status_clause(out: &mut String, f: &Facts, status: Status, l: Locale) {
    let dl = f.ind.deadline;
    let t = f.target.map(|t| figure(f.ind, t, l)).unwrap_or_default();
    let (before, middle, after): (&str, &str, &str) = match (l, status) {
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
        (Locale::Vi, Status::NotReported) => ("chưa có số liệu năm thời hạn của chỉ tiêu ", " năm ", ""),
        (Locale::En, Status::NotReported) => ("no figure of the deadline year for the ", " target of ", ""),
        (Locale::Vi, Status::Discontinued) => ("không đánh giá theo chỉ tiêu ", " năm ", ""),
        (Locale::En, Status::Discontinued) => ("not judged against the ", " target of ", ""),
    };
    if status == Status::NoData {
        out.push_str(before);
        return;
    }
    out.push_str(before);
    // English puts the year first in "the 2025 target of 80%", Vietnamese the target first.
    let year_first = l == Locale::En
        && matches!(
            status,
            Status::Met | Status::Deteriorating | Status::Missed | Status::NotReported | Status::Discontinued
        );
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
    let (Some(req), Some(met), Some(year)) = (f.requirement, f.met, f.year) else {
        return;
    };
    out.push_str(sep);
    // A unit that ended during its year is held to the floor of the year before.
    let y = f.requirement_year.unwrap_or(year);
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
        (Locale::Vi, _) => {
            out.push_str("còn cách ");
            push_gap_amount(out, f, g, l);
        }
        (Locale::En, Measure::Rank) => {
            push_gap_amount(out, f, g, l);
            out.push_str(" away");
        }
        (Locale::En, _) => {
            out.push_str("a gap of ");
            push_gap_amount(out, f, g, l);
        }
    }
}

/// Appends what was measured: the value, the year and its period, the counts behind it.
fn push_what(out: &mut String, f: &Facts, l: Locale) {
    let shown = f.shown.map(|t| t.get(l)).unwrap_or_default();
    let Some(y) = f.year else { return };
    let has_note = !is_year_text(&f.period, y);
    let push_note = |out: &mut String| {
        out.push_str(match l {
            Locale::Vi => "kỳ ",
            Locale::En => "period ",
        });
        out.push_str(&f.period);
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
            // "hạng 12/34": out of the provinces that ranking ranked.
            if let Some(n) = f.out_of {
                out.push('/');
                push_trimmed(out, n, 0, l);
            }
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

/// Where a figure summed from predecessors came from.
fn push_lineage_note(out: &mut String, f: &Facts, l: Locale) {
    if f.lineage.basis != Some(FigureBasis::Predecessors) {
        return;
    }
    out.push_str(match (l, f.lineage.estimated) {
        (Locale::Vi, false) => " (cộng từ các đơn vị tiền thân)",
        (Locale::Vi, true) => " (ước tính từ các đơn vị tiền thân, có đơn vị chỉ tính một phần)",
        (Locale::En, false) => " (summed from the units it was formed from)",
        (Locale::En, true) => " (estimated from the units it was formed from, some in part)",
    });
}

/// "No 2025 figure was given; the last, rank 22 in 2024, was 7 places short of the 2025
/// target of rank 15; provisionally: …".
fn push_not_reported(out: &mut String, f: &Facts, l: Locale) {
    let dl = f.ind.deadline;
    match l {
        Locale::Vi => {
            out.push_str("chưa có số liệu năm ");
            push_int(out, dl);
        }
        Locale::En => {
            out.push_str("no ");
            push_int(out, dl);
            out.push_str(" figure was given");
        }
    }
    if f.year.is_none() {
        return;
    }
    out.push_str(match l {
        Locale::Vi => "; số liệu gần nhất là ",
        Locale::En => "; the last, ",
    });
    push_what(out, f, l);
    push_lineage_note(out, f, l);
    let t = f.target.map(|t| figure(f.ind, t, l)).unwrap_or_default();
    let gap = f.gap_to_target.filter(|g| *g > 0.0);
    match (l, gap) {
        (Locale::Vi, None) => {
            out.push_str(", đạt chỉ tiêu ");
            out.push_str(&t);
        }
        (Locale::En, None) => {
            out.push_str(", met the target of ");
            out.push_str(&t);
        }
        (Locale::Vi, Some(g)) => {
            out.push_str(", còn cách chỉ tiêu ");
            out.push_str(&t);
            out.push(' ');
            push_gap_amount(out, f, g, l);
        }
        (Locale::En, Some(g)) => {
            out.push_str(", was ");
            push_gap_amount(out, f, g, l);
            out.push_str(" short of the target of ");
            out.push_str(&t);
        }
    }
    // "Met the target" already says what a provisional `met` would.
    if let Some(p) = f.provisional.filter(|p| *p != Status::Met) {
        out.push_str(match l {
            Locale::Vi => "; đánh giá tạm theo số liệu đó: ",
            Locale::En => "; provisionally, from that figure: ",
        });
        push_status_clause(out, f, p, l);
    }
}

/// A gap in the indicator's unit: "7 bậc", "7 places", "4,5 điểm phần trăm".
fn push_gap_amount(out: &mut String, f: &Facts, g: f64, l: Locale) {
    match (l, f.ind.measure) {
        (Locale::Vi, Measure::Rank) => {
            push_gap(out, g, 0, l);
            out.push_str(" bậc");
        }
        (Locale::En, Measure::Rank) => {
            let from = out.len();
            push_gap(out, g, 0, l);
            let one = out.get(from..) == Some("1");
            out.push_str(if one { " place" } else { " places" });
        }
        (Locale::Vi, _) => {
            push_gap(out, g, 1, l);
            out.push_str(" điểm phần trăm");
        }
        (Locale::En, _) => {
            push_gap(out, g, 1, l);
            out.push_str(" percentage points");
        }
    }
}

/// "The unit existed until 30 June 2025 (succeeded by …) and is not judged against the 2025
/// target".
fn push_discontinued(out: &mut String, f: &Facts, l: Locale) {
    let Some(end) = f.ended else { return };
    out.push_str(match l {
        Locale::Vi => "đơn vị tồn tại đến hết ngày ",
        Locale::En => "the unit existed until ",
    });
    push_day(out, end, l);
    if !f.successors.is_empty() {
        out.push_str(match l {
            Locale::Vi => " (đơn vị kế thừa: ",
            Locale::En => " (succeeded by ",
        });
        for (i, s) in f.successors.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&isolate(s));
        }
        out.push(')');
    }
    // Before the deadline: its last figure, not a verdict on a target it did not live to see.
    match l {
        Locale::Vi => {
            out.push_str(", trước thời hạn năm ");
            push_int(out, f.ind.deadline);
            out.push_str(" của chỉ tiêu, nên đây là số liệu cuối cùng, không phải kết quả đánh giá");
        }
        Locale::En => {
            out.push_str(", before the ");
            push_int(out, f.ind.deadline);
            out.push_str(" deadline, so this is its last figure, not a verdict");
        }
    }
}

/// "; after the deadline, 85,0 % in 2026 (meets the target; not part of the verdict)".
fn push_after_deadline(out: &mut String, f: &Facts, l: Locale) {
    let Some(a) = &f.after else { return };
    out.push_str(match l {
        Locale::Vi => "; sau thời hạn: ",
        Locale::En => "; after the deadline, ",
    });
    if let Some(t) = &a.shown {
        if f.ind.measure == Measure::Rank {
            out.push_str(match l {
                Locale::Vi => "hạng ",
                Locale::En => "rank ",
            });
        }
        out.push_str(t.get(l));
        if let Some(n) = a.out_of {
            out.push('/');
            push_trimmed(out, n, 0, l);
        }
        out.push(' ');
    }
    out.push_str(match l {
        Locale::Vi => "năm ",
        Locale::En => "in ",
    });
    push_int(out, a.year);
    if !is_year_text(&a.period, a.year) {
        out.push_str(match l {
            Locale::Vi => " (kỳ ",
            Locale::En => " (period ",
        });
        out.push_str(&a.period);
        out.push(')');
    }
    out.push_str(match (l, a.met) {
        (Locale::Vi, Some(true)) => " (đạt chỉ tiêu; không tính vào kết quả đánh giá)",
        (Locale::Vi, _) => " (chưa đạt chỉ tiêu; không tính vào kết quả đánh giá)",
        (Locale::En, Some(true)) => " (meets the target; not part of the verdict)",
        (Locale::En, _) => " (short of the target; not part of the verdict)",
    });
}

/// Notes after the verdict: a break in the series under the trend, a history not estimated.
fn push_notes(out: &mut String, f: &Facts, l: Locale) {
    let trend_said = matches!(
        f.status,
        Status::OnTrack | Status::NeedsAcceleration | Status::LimitedProgress | Status::Deteriorating
    ) || f.provisional.is_some();
    if let (Some((a, b)), true) = (f.series_break, trend_said) {
        match l {
            Locale::Vi => {
                out.push_str("; các đơn vị tạo nên số liệu thay đổi giữa năm ");
                push_int(out, a);
                out.push_str(" và năm ");
                push_int(out, b);
                out.push_str(", nên xu hướng so sánh hai địa bàn khác nhau");
            }
            Locale::En => {
                out.push_str("; the units behind the figures changed between ");
                push_int(out, a);
                out.push_str(" and ");
                push_int(out, b);
                out.push_str(", so the trend compares different territories");
            }
        }
    }
    if let (false, Some(from)) = (f.lineage.not_estimated_from.is_empty(), f.lineage.valid_from) {
        out.push_str(match l {
            Locale::Vi => "; chưa ước tính số liệu trước ngày ",
            Locale::En => "; figures before ",
        });
        push_day(out, from, l);
        out.push_str(match l {
            Locale::Vi => " vì chưa biết tỷ lệ phần được chuyển từ ",
            Locale::En => " are not estimated: the share that came from ",
        });
        for (i, id) in f.lineage.not_estimated_from.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push('`');
            out.push_str(&isolate(id));
            out.push('`');
        }
        if l == Locale::En {
            out.push_str(" is unknown");
        }
    }
}

/// The sentence of one result.
pub(crate) fn result(f: &Facts) -> Text {
    let one = |l: Locale| {
        let title = f.ind.title.get(l);
        let mut out = String::with_capacity(f.unit_name.len() + title.len() + 200);
        out.push_str(&isolate(f.unit_name));
        out.push_str(" – ");
        out.push_str(title);
        out.push_str(": ");
        if f.status == Status::NotReported {
            push_not_reported(&mut out, f, l);
        } else {
            push_what(&mut out, f, l);
            push_lineage_note(&mut out, f, l);
            push_requirement_clause(&mut out, ", ", f, l);
            push_gap_clause(&mut out, ", ", f, l);
            out.push_str("; ");
            if f.status == Status::Discontinued {
                push_discontinued(&mut out, f, l);
            } else {
                push_status_clause(&mut out, f, f.status, l);
            }
        }
        push_after_deadline(&mut out, f, l);
        push_notes(&mut out, f, l);
        push_citation(&mut out, f.ind, l);
        out
    };
    Text::new(one(Locale::Vi), one(Locale::En))
}

/// " (khoản II.2.c.5)" / " (clause II.2.c.5)"; for a target of a format-2 pack with its
/// `source`, the document and its part, and for a press summary that it was read in the
/// press: " (theo tin báo chí về Quyết định 282/QĐ-TTg)" / " (as reported in the press on
/// Decision 282/QĐ-TTg)".
fn push_citation(out: &mut String, ind: &Indicator, l: Locale) {
    let Some(source) = &ind.source else {
        out.push_str(match l {
            Locale::Vi => " (khoản ",
            Locale::En => " (clause ",
        });
        out.push_str(&ind.clause);
        out.push(')');
        return;
    };
    let document = source.document_name.get(l);
    let part = source.part.as_ref().map(|p| p.get(l)).filter(|p| !p.is_empty());
    out.push_str(" (");
    match (source.kind, l, part) {
        (SourceKind::PressSummary, Locale::Vi, _) => {
            out.push_str("theo tin báo chí về ");
            out.push_str(document);
            if let Some(p) = part {
                out.push_str(", ");
                out.push_str(p);
            }
        }
        (SourceKind::PressSummary, Locale::En, _) => {
            out.push_str("as reported in the press on ");
            out.push_str(document);
            if let Some(p) = part {
                out.push_str(", ");
                out.push_str(p);
            }
        }
        (SourceKind::DocumentText, Locale::Vi, Some(p)) => {
            out.push_str(p);
            out.push(' ');
            out.push_str(document);
        }
        (SourceKind::DocumentText, Locale::En, Some(p)) => {
            out.push_str(p);
            out.push_str(" of ");
            out.push_str(document);
        }
        (SourceKind::DocumentText, _, None) => out.push_str(document),
    }
    out.push(')');
}

/// The sentence of an indicator nobody reported.
pub(crate) fn no_data(ind: &Indicator) -> Text {
    let one = |l: Locale| {
        let mut out = String::new();
        out.push_str(ind.title.get(l));
        out.push_str(match l {
            Locale::Vi => ": chưa có số liệu nào sử dụng được",
            Locale::En => ": no usable data reported",
        });
        push_citation(&mut out, ind, l);
        out
    };
    Text::new(one(Locale::Vi), one(Locale::En))
}

/// The text with its first letter in upper case.
fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|first| first.to_uppercase().chain(c).collect())
        .unwrap_or_default()
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
        (Locale::Vi, Level::Department, _) => "sở, ban, ngành",
        (Locale::En, Level::Department, true) => "department",
        (Locale::En, Level::Department, false) => "departments",
    }
}

/// What a level summary says: "7 of 9 districts meet the 2024 floor of 80%".
pub(crate) struct LevelFacts<'a> {
    pub ind: &'a Indicator,
    pub level: Level,
    pub year: i32,
    /// The last day a unit of the level existed, for a level that ended before the end of
    /// `year`; the counts are then of its last figures.
    pub last_day: Option<Date>,
    /// The period of those last figures, when it is the same for all.
    pub period: Option<String>,
    /// The year whose floor `requirement` is, when not `year`.
    pub requirement_year: Option<i32>,
    pub met: u32,
    pub total: u32,
    pub no_data: u32,
    pub requirement: Option<f64>,
    pub is_floor: bool,
}

pub(crate) fn level_sentence(f: &LevelFacts) -> Text {
    let one = |l: Locale| {
        let noun = level_noun(f.level, f.total, l);
        let y = f.requirement_year.unwrap_or(f.year);
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
        let mut s = match (l, f.last_day) {
            (Locale::Vi, None) => format!("{}/{} {noun} đạt {what}", f.met, f.total),
            (Locale::En, None) => {
                let verb = if f.met == 1 || f.total == 1 { "meets" } else { "meet" };
                format!("{} of {} {noun} {verb} {what}", f.met, f.total)
            }
            // "The district level existed until 30 June 2025; last figures (2025-H1): 7 of 9
            // districts met the 2024 floor of 80%".
            (_, Some(day)) => {
                let mut d = String::new();
                push_day(&mut d, day, l);
                let period = f.period.as_deref().map(|p| format!(" ({p})")).unwrap_or_default();
                let level = f.level.name();
                match l {
                    Locale::Vi => format!(
                        "{} tồn tại đến hết ngày {d}; số liệu cuối cùng{period}: {}/{} {noun} đạt {what}",
                        capitalize(&level.vi),
                        f.met,
                        f.total
                    ),
                    Locale::En => format!(
                        "the {} existed until {d}; last figures{period}: {} of {} {noun} met {what}",
                        level.en, f.met, f.total
                    ),
                }
            }
        };
        if f.no_data > 0 {
            s.push_str(&match l {
                Locale::Vi => format!("; {} đơn vị chưa có số liệu", f.no_data),
                Locale::En if f.no_data == 1 => "; 1 has no data".to_string(),
                Locale::En => format!("; {} have no data", f.no_data),
            });
        }
        push_citation(&mut s, f.ind, l);
        s
    };
    Text::new(one(Locale::Vi), one(Locale::En))
}

/// What a row of the final review rests on: the rule (every unit of the level must meet the
/// target) and who did not, by name.
pub(crate) struct ReviewFacts<'a> {
    pub level: Level,
    /// The deadline year.
    pub year: i32,
    pub verdict: Status,
    /// The units still there at the deadline, by name: those that met it, missed it, and
    /// had no figure of the deadline year.
    pub met: Vec<&'a str>,
    pub missed: Vec<&'a str>,
    pub unreported: Vec<&'a str>,
    /// The units that ended before the deadline: how many, how many of their last figures
    /// met their requirement, and the names of those that did not.
    pub ended: u32,
    pub ended_met: u32,
    pub ended_short: Vec<&'a str>,
    /// The last day a unit of the level existed, when none is left.
    pub last_day: Option<Date>,
}

/// At most this many names in a review row's sentence; the rest are counted.
const REVIEW_NAMES: usize = 5;

fn push_names(out: &mut String, names: &[&str], l: Locale) {
    use std::fmt::Write;
    for (i, n) in names.iter().take(REVIEW_NAMES).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&isolate(n));
    }
    let rest = names.len().saturating_sub(REVIEW_NAMES);
    if rest > 0 {
        let _ = match l {
            Locale::Vi => write!(out, " và {rest} đơn vị khác"),
            Locale::En => write!(out, " and {rest} more"),
        };
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A review row's rule and who did not meet it, in words: "cần mọi đơn vị cấp xã đạt; 6/22
/// đơn vị cấp xã chưa đạt: A, B, C, D, E và 1 đơn vị khác" / "every commune must meet it; 6 of
/// 22 communes did not: …", so that a level figure above the requirement beside `missed`
/// never reads as a contradiction.
pub(crate) fn review_rule(f: &ReviewFacts) -> Text {
    use std::fmt::Write;
    let alive = f.met.len() + f.missed.len() + f.unreported.len();
    let n = count(alive);
    let one = |l: Locale| {
        let mut out = String::new();
        if alive == 0 {
            let with_figure = f.ended_met.saturating_add(count(f.ended_short.len()));
            if with_figure == 0 || f.verdict == Status::NoData {
                out.push_str(match l {
                    Locale::Vi => "chưa có số liệu nào",
                    Locale::En => "no figure at all",
                });
                return out;
            }
            let level = f.level.name();
            let noun = level_noun(f.level, f.ended, l);
            let _ = match l {
                Locale::Vi => write!(out, "{} chấm dứt trước thời hạn", capitalize(&level.vi)),
                Locale::En => write!(out, "the {} ended before the deadline", level.en),
            };
            if let Some(d) = f.last_day {
                out.push_str(match l {
                    Locale::Vi => " (ngày ",
                    Locale::En => " (on ",
                });
                push_day(&mut out, d, l);
                out.push(')');
            }
            let _ = match l {
                Locale::Vi => write!(out, "; số liệu cuối cùng: {}/{} {noun} đạt", f.ended_met, f.ended),
                Locale::En => write!(out, "; last figures: {} of {} {noun} met it", f.ended_met, f.ended),
            };
            if !f.ended_short.is_empty() {
                out.push_str(match l {
                    Locale::Vi => "; chưa đạt: ",
                    Locale::En => "; not: ",
                });
                push_names(&mut out, &f.ended_short, l);
            }
            let without = f.ended.saturating_sub(with_figure);
            if without > 0 {
                let _ = match l {
                    Locale::Vi => write!(out, "; {without} đơn vị chưa có số liệu"),
                    Locale::En if without == 1 => write!(out, "; 1 had no figure"),
                    Locale::En => write!(out, "; {without} had no figure"),
                };
            }
            return out;
        }
        if alive == 1 {
            if let Some(name) = f.met.first() {
                out.push_str(&isolate(name));
                out.push_str(match l {
                    Locale::Vi => " đạt",
                    Locale::En => " met it",
                });
            } else if let Some(name) = f.missed.first() {
                out.push_str(&isolate(name));
                out.push_str(match l {
                    Locale::Vi => " chưa đạt",
                    Locale::En => " did not meet it",
                });
            } else if let Some(name) = f.unreported.first() {
                out.push_str(&isolate(name));
                let _ = match (l, f.verdict) {
                    (Locale::Vi, Status::NoData) => write!(out, " chưa có số liệu nào"),
                    (Locale::En, Status::NoData) => write!(out, " has no figure at all"),
                    (Locale::Vi, _) => write!(out, " chưa có số liệu năm {}", f.year),
                    (Locale::En, _) => write!(out, " has no {} figure", f.year),
                };
            }
        } else {
            let _ = match l {
                Locale::Vi => write!(out, "cần mọi {} đạt", level_noun(f.level, 1, l)),
                Locale::En => write!(out, "every {} must meet it", level_noun(f.level, 1, l)),
            };
            let nouns = level_noun(f.level, n, l);
            if f.verdict == Status::NoData {
                let _ = match l {
                    Locale::Vi => write!(out, "; chưa {} nào có số liệu", level_noun(f.level, 1, l)),
                    Locale::En => write!(out, "; no {} has any figure", level_noun(f.level, 1, l)),
                };
            } else {
                if !f.missed.is_empty() {
                    let k = f.missed.len();
                    let _ = match l {
                        Locale::Vi => write!(out, "; {k}/{n} {nouns} chưa đạt: "),
                        Locale::En => write!(out, "; {k} of {n} {nouns} did not: "),
                    };
                    push_names(&mut out, &f.missed, l);
                }
                if !f.unreported.is_empty() {
                    let k = f.unreported.len();
                    let _ = match l {
                        Locale::Vi => write!(out, "; {k}/{n} {nouns} chưa có số liệu năm {}: ", f.year),
                        Locale::En if k == 1 => write!(out, "; 1 of {n} {nouns} has no {} figure: ", f.year),
                        Locale::En => write!(out, "; {k} of {n} {nouns} have no {} figure: ", f.year),
                    };
                    push_names(&mut out, &f.unreported, l);
                }
                if f.missed.is_empty() && f.unreported.is_empty() {
                    let _ = match l {
                        Locale::Vi => write!(out, "; {n}/{n} {nouns} đạt"),
                        Locale::En => write!(out, "; all {n} {nouns} met it"),
                    };
                }
            }
        }
        if f.ended > 0 {
            let _ = match l {
                Locale::Vi => write!(
                    out,
                    " (không tính {} {} đã chấm dứt trước thời hạn)",
                    f.ended,
                    level_noun(f.level, f.ended, l)
                ),
                Locale::En => write!(
                    out,
                    " ({} {} that ended before the deadline not counted)",
                    f.ended,
                    level_noun(f.level, f.ended, l)
                ),
            };
        }
        out
    };
    Text::new(one(Locale::Vi), one(Locale::En))
}
