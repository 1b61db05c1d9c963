//! The sentences of a level summary ("7 of 9 districts meet the 2024 floor of 80%") and of a
//! row of the final review (the rule, and who did not meet it).

use super::push_citation;
use super::words::{capitalize, figure, level_noun, push_day};
use crate::data::Date;
use crate::messages::{isolate, Locale, Text};
use crate::plan::{Indicator, Level};
use crate::report::Status;

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
