//! The sentences of a report, in Vietnamese and English, citing the clause of the decision.
//! Numbers are formatted per locale (`62,5 %`, `1.240` in Vietnamese; `62.5%`, `1,240` in
//! English); a value next to a verdict is the display-rounded one (see [`super::display`]).
//! Text from the portal's data (unit names) is isolated ([`crate::messages::isolate`]), so
//! that a right-to-left character or control in a name never reorders the sentence around it.

mod levels;
mod words;

pub(crate) use levels::{level_sentence, review_rule, LevelFacts, ReviewFacts};
use words::{figure, is_year_text, push_day, push_figure, push_gap, push_int};

use crate::data::Date;
use crate::messages::{isolate, push_number, push_trimmed, Locale, Text};
use crate::plan::{Indicator, Measure, SourceKind};
use crate::report::{FigureBasis, IndicatorResult, Reason, Status};

/// A figure of a year after the deadline, as a sentence names it.
pub(crate) struct After {
    pub year: i32,
    pub period: String,
    pub shown: Option<Text>,
    pub out_of: Option<f64>,
    pub met: Option<bool>,
}

/// What a result sentence is written from: the finished row, and what the row does not hold.
pub(crate) struct Facts<'a> {
    pub ind: &'a Indicator,
    /// The finished row: every figure and verdict the sentence names, as the report holds it.
    pub row: &'a IndicatorResult,
    /// Whether the requirement is a ramp's floor.
    pub is_floor: bool,
    /// Milestones: done, share.
    pub milestone: Option<(bool, Option<f64>)>,
    /// The gap to the deadline target (what `not_reported` says of the last figure).
    pub gap_to_target: Option<f64>,
    /// The figure after the deadline, shown rounded against the target.
    pub after: Option<After>,
    /// The unit's first day (for a unit formed from others).
    pub valid_from: Option<Date>,
    /// The last day of a unit that ended (`discontinued`).
    pub ended: Option<Date>,
    /// The names of the units formed from it.
    pub successors: Vec<&'a str>,
}

/// The row's figures as the sentence names them.
impl Facts<'_> {
    fn unit_name(&self) -> &str {
        self.row.unit_name.as_deref().unwrap_or_default()
    }

    fn period(&self) -> &str {
        self.row.period.as_deref().unwrap_or_default()
    }

    fn fraction(&self) -> Option<(f64, f64)> {
        self.row.numerator.zip(self.row.denominator).map(|(n, d)| (n.0, d.0))
    }

    /// Reductions: latest count, baseline count, baseline year.
    fn counts(&self) -> Option<(f64, Option<f64>, i32)> {
        let r = self.row;
        r.count.map(|c| {
            (
                c.0,
                r.baseline_count.map(|b| b.0),
                self.ind.baseline_year.unwrap_or_else(|| r.year.unwrap_or(0)),
            )
        })
    }

    /// Ranks: how many the ranking ranked.
    fn out_of(&self) -> Option<f64> {
        self.row.out_of.map(|o| o.0)
    }

    fn requirement(&self) -> Option<f64> {
        self.row.requirement.map(|q| q.0)
    }

    fn gap_points(&self) -> Option<f64> {
        self.row.gap_points.map(|g| g.0)
    }

    fn gap_units(&self) -> Option<f64> {
        self.row.gap_units.map(|g| g.0)
    }

    fn target(&self) -> Option<f64> {
        self.row.target.map(|t| t.0)
    }

    /// The first series break inside the trend's span: the years before and after it.
    fn series_break(&self) -> Option<(i32, i32)> {
        let b = self.row.method.as_ref()?.series_break?;
        Some((b.before, b.after))
    }
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
    let t = f.target().map(|t| figure(f.ind, t, l)).unwrap_or_default();
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
            if let Some(r) = f.row.reason {
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
    let (Some(req), Some(met), Some(year)) = (f.requirement(), f.row.met, f.row.year) else {
        return;
    };
    out.push_str(sep);
    // A unit that ended during its year is held to the floor of the year before.
    let y = f.row.requirement_year.unwrap_or(year);
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
    if f.row.met != Some(false) || matches!(f.milestone, Some((false, None))) {
        return;
    }
    let noun = f.ind.counted.as_ref().map(|c| c.get(l));
    if let (Some(u), Some(noun)) = (f.gap_units(), noun) {
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
    let Some(g) = f.gap_points() else { return };
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
    let shown = f.row.display.as_ref().map(|t| t.get(l)).unwrap_or_default();
    let Some(y) = f.row.year else { return };
    let has_note = !is_year_text(f.period(), y);
    let push_note = |out: &mut String| {
        out.push_str(match l {
            Locale::Vi => "kỳ ",
            Locale::En => "period ",
        });
        out.push_str(f.period());
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
            if let Some(n) = f.out_of() {
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
            let Some((count, base, by)) = f.counts() else {
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
            if has_note || f.fraction().is_some() {
                out.push_str(" (");
                if has_note {
                    push_note(out);
                }
                if let Some((n, d)) = f.fraction() {
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
    if f.row.basis != Some(FigureBasis::Predecessors) {
        return;
    }
    out.push_str(match (l, f.row.estimated) {
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
    if f.row.year.is_none() {
        return;
    }
    out.push_str(match l {
        Locale::Vi => "; số liệu gần nhất là ",
        Locale::En => "; the last, ",
    });
    push_what(out, f, l);
    push_lineage_note(out, f, l);
    let t = f.target().map(|t| figure(f.ind, t, l)).unwrap_or_default();
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
    if let Some(p) = f.row.provisional.filter(|p| *p != Status::Met) {
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
            let from = out.len();
            push_gap(out, g, 1, l);
            let one = out.get(from..) == Some("1");
            out.push_str(if one { " percentage point" } else { " percentage points" });
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
        f.row.status,
        Status::OnTrack | Status::NeedsAcceleration | Status::LimitedProgress | Status::Deteriorating
    ) || f.row.provisional.is_some();
    if let (Some((a, b)), true) = (f.series_break(), trend_said) {
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
    if let (false, Some(from)) = (f.row.not_estimated_from.is_empty(), f.valid_from) {
        out.push_str(match l {
            Locale::Vi => "; chưa ước tính số liệu trước ngày ",
            Locale::En => "; figures before ",
        });
        push_day(out, from, l);
        out.push_str(match l {
            Locale::Vi => " vì chưa biết tỷ lệ phần được chuyển từ ",
            Locale::En => " are not estimated: the share that came from ",
        });
        for (i, id) in f.row.not_estimated_from.iter().enumerate() {
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
        let mut out = String::with_capacity(f.unit_name().len() + title.len() + 200);
        out.push_str(&isolate(f.unit_name()));
        out.push_str(" – ");
        out.push_str(title);
        out.push_str(": ");
        if f.row.status == Status::NotReported {
            push_not_reported(&mut out, f, l);
        } else {
            push_what(&mut out, f, l);
            push_lineage_note(&mut out, f, l);
            push_requirement_clause(&mut out, ", ", f, l);
            push_gap_clause(&mut out, ", ", f, l);
            out.push_str("; ");
            if f.row.status == Status::Discontinued {
                push_discontinued(&mut out, f, l);
            } else {
                push_status_clause(&mut out, f, f.row.status, l);
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
