//! Level summaries: for each level with rows, how many of its units meet their requirement
//! in one year (the latest with data; after the deadline, the deadline year), which fall
//! short, which have no data, and all of them together. The units counted are those of the
//! level at the end of that year; a level with none left (the district level after 30 June
//! 2025) is summed up by the last figures of every unit it had in the year it ended (also
//! those that ended before its last day), and says so.

use super::explain;
use super::judge::{judged_in, requirement, Rules};
use super::rollup::{in_year, Figures};
use super::screen::Figure;
use super::{Ctx, Row};
use crate::data::{Date, Unit};
use crate::plan::{Level, RampReading};
use crate::report::{LevelSummary, Num, Status};
use crate::sort::sort;

/// The units of a level counted in a summary, and the day they were counted on.
struct Counted<'a> {
    units: Vec<(usize, &'a Unit)>,
    year: i32,
    /// Set when the level ended before the end of the summary's year.
    last_day: Option<Date>,
}

fn counted<'a>(ctx: &Ctx<'a>, level: Level, year: i32) -> Option<Counted<'a>> {
    let units = &ctx.units;
    let of_level = || {
        (0..units.len())
            .filter_map(|u| units.unit(u).map(|x| (u, x)))
            .filter(|(_, x)| x.level == level)
    };
    let end = Date::end_of_year(year);
    let at_end: Vec<(usize, &Unit)> = of_level().filter(|(_, x)| x.valid_on(end)).collect();
    if !at_end.is_empty() {
        return Some(Counted {
            units: at_end,
            year,
            last_day: None,
        });
    }
    // A level with no unit left: every unit of it that existed in the year it ended, each by
    // its last figure, not only those that lasted to its last day (a district that ended in
    // March counts beside one that ended in June). A unit replaced by another of the same
    // level that was still there on the last day is counted through its successor.
    let last_day = of_level().filter_map(|(_, x)| x.valid_to).filter(|d| *d < end).max()?;
    let replaced = |u: usize| {
        units.successors.get(u).is_some_and(|s| {
            s.iter()
                .filter_map(|&k| units.unit(k))
                .any(|k| k.level == level && k.valid_on(last_day))
        })
    };
    Some(Counted {
        units: of_level()
            .filter(|(u, x)| x.valid_in(last_day.year) && x.valid_from.map_or(true, |f| f <= last_day) && !replaced(*u))
            .collect(),
        year: last_day.year,
        last_day: Some(last_day),
    })
}

/// Whether the figure of `unit` is already inside that of a unit of the same level above it
/// that the summary counts (a department under the city, both city-level units): a figure of
/// its own stands for its whole subtree, as a roll-up does (`rollup.rs`), so adding both
/// would count the department twice. Only the city level nests (`parent_level_allowed`).
fn inside_counted(ctx: &Ctx, c: &Counted, figures: &Figures, unit: usize, year: i32) -> bool {
    let Some(level) = ctx.units.unit(unit).map(|u| u.level).filter(|l| *l == Level::City) else {
        return false;
    };
    let counted = |k: usize| c.units.binary_search_by_key(&k, |(at, _)| *at).is_ok();
    let mut at = unit;
    // Bounded by the number of units: a hand-built cycle cannot loop.
    for _ in 0..ctx.units.len() {
        let day = ctx
            .units
            .unit(at)
            .map_or(Date::end_of_year(year), |u| u.reference_day(year));
        let Some(parent) = ctx.units.parent_on(at, day) else {
            return false;
        };
        if ctx.units.unit(parent).map(|u| u.level) != Some(level) {
            return false;
        }
        if counted(parent) && figures.get(parent).and_then(|y| in_year(y, year)).is_some() {
            return true;
        }
        at = parent;
    }
    false
}

#[inline(never)]
pub(crate) fn summarize(ctx: &Ctx, rules: &Rules, rows: &[Row], figures: &Figures) -> Vec<LevelSummary> {
    let ind = rules.ind;
    let mut levels: Vec<Level> = rows.iter().filter_map(|r| r.result.level).collect();
    sort(&mut levels);
    levels.dedup();
    // The row of each unit, by unit index.
    let mut by_unit: Vec<(usize, usize)> = rows.iter().enumerate().map(|(i, r)| (r.unit, i)).collect();
    sort(&mut by_unit);
    let row_of = |u: usize| -> Option<&Row> {
        let k = by_unit.binary_search_by(|e| e.0.cmp(&u)).ok()?;
        by_unit.get(k).and_then(|e| rows.get(e.1))
    };
    let mut out = Vec::new();
    for level in levels {
        let latest = rows
            .iter()
            .filter(|r| r.result.level == Some(level))
            .filter_map(|r| r.result.year)
            .max();
        let year = if ctx.past(ind.deadline) {
            Some(ind.deadline)
        } else {
            latest
        };
        let Some(c) = year.and_then(|y| counted(ctx, level, y)) else {
            continue;
        };
        let mut met = 0u32;
        let mut short = Vec::new();
        let mut no_data = Vec::new();
        let (mut num, mut den, mut all_fractions, mut any) = (0.0, 0.0, true, false);
        let mut periods: Vec<crate::data::Period> = Vec::new();
        let mut years: Vec<i32> = Vec::new();
        let after_deadline = ctx.past(ind.deadline) && c.last_day.is_none();
        for (at, u) in &c.units {
            let row = row_of(*at);
            // The year of the unit's figure counted: the summary's, or for a level that ended,
            // each unit's last year up to its own end.
            let year = match (c.last_day, row) {
                (Some(day), Some(r)) => {
                    let own_end = u.valid_to.map_or(day, |t| t.min(day));
                    r.judged
                        .iter()
                        .rev()
                        .find(|e| e.year <= own_end.year)
                        .map_or(c.year, |e| e.year)
                }
                _ => c.year,
            };
            let e = row.and_then(|r| judged_in(&r.judged, year));
            // After the deadline a unit counts by its verdict (a milestone done earlier is met).
            let verdict = if after_deadline {
                match row.map(|r| r.result.status) {
                    Some(Status::Met) => Some(true),
                    Some(Status::Missed) => Some(false),
                    _ => None,
                }
            } else {
                e.and_then(|e| e.met)
            };
            match verdict {
                Some(true) => met = met.saturating_add(1),
                Some(false) => short.push(u.id.clone()),
                None => no_data.push(u.id.clone()),
            }
            let uy = figures.get(*at).and_then(|y| in_year(y, year));
            if let Some(uy) = uy.filter(|_| !inside_counted(ctx, &c, figures, *at, year)) {
                any = true;
                periods.push(uy.period);
                years.push(year);
                match uy.figure {
                    Figure::Fraction { numerator, denominator } => {
                        num += numerator;
                        den += denominator;
                    }
                    _ => all_fractions = false,
                }
            }
        }
        sort(&mut years);
        years.dedup();
        // The year the summary is about: the one year of its figures, or the counting year.
        let year = match years.as_slice() {
            [one] => *one,
            _ => c.year,
        };
        sort(&mut short);
        sort(&mut no_data);
        sort(&mut periods);
        periods.dedup();
        let ended_early = c.last_day.is_some_and(|d| d.year == year && !d.is_end_of_year());
        // One requirement for the level, unless it differs by unit (increment reading; the
        // last figures of an ended level from different years).
        let mixed_years = years.len() > 1;
        let (req, req_year) = if mixed_years || (rules.ramp.is_some() && rules.reading == RampReading::Increment) {
            (None, None)
        } else {
            let (r, _, ry) = requirement(ctx, rules, level, year, None, ended_early);
            (r, ry)
        };
        let aggregate = (any && all_fractions && den > 0.0).then(|| num / den * 100.0);
        let total = u32::try_from(c.units.len()).unwrap_or(u32::MAX);
        // What the sentence names the last figures by: their one period, or their one year.
        let period = match (periods.as_slice(), mixed_years) {
            ([one], _) => Some(one.code()),
            (_, false) => Some(year.to_string()),
            (_, true) => None,
        };
        let sentence = ctx.input.options.text.words().then(|| {
            explain::level_sentence(&explain::LevelFacts {
                ind,
                level,
                year,
                last_day: c.last_day,
                period,
                requirement_year: req_year,
                met,
                total,
                no_data: u32::try_from(no_data.len()).unwrap_or(u32::MAX),
                requirement: req,
                is_floor: rules.ramp.is_some(),
            })
        });
        out.push(LevelSummary {
            indicator: ind.id.clone(),
            level,
            year,
            last_day: c.last_day.map(|d| d.to_string()),
            units_total: total,
            units_met: met,
            units_short: short,
            units_no_data: no_data,
            requirement: req.map(Num),
            requirement_year: req_year,
            requirement_kind: if rules.ramp.is_some() { "floor" } else { "target" },
            aggregate_value: aggregate.map(Num),
            aggregate_numerator: aggregate.map(|_| Num(num)),
            aggregate_denominator: aggregate.map(|_| Num(den)),
            sentence,
        });
    }
    out
}
