//! The final review (tổng kết), once the as-of date is past the plan's period: each target,
//! at each level it covers and the input has units of, judged at its deadline. A row counts the units of the level that
//! existed during the plan's period by their verdict (a unit without any figure counts as
//! `no_data`, as the card of a target without any figure does), and gives the level's
//! figure of the deadline year (its one unit's value, or all its units together).

use super::judge::Rules;
use super::{Ctx, Row};
use crate::data::Date;
use crate::plan::Plan;
use crate::report::{LevelSummary, Num, Review, ReviewCounts, ReviewRow, Status};

/// The review rows of one indicator.
#[inline(never)]
pub(crate) fn rows(ctx: &Ctx, rules: &Rules, rows: &[Row], summaries: &[LevelSummary]) -> Vec<ReviewRow> {
    let ind = rules.ind;
    let period = &ctx.plan.plan.period;
    let (from, to) = (Date::start_of_year(period.from), Date::end_of_year(period.to));
    let deadline_end = Date::end_of_year(ind.deadline);
    let mut by_unit: Vec<(usize, usize)> = rows.iter().enumerate().map(|(i, r)| (r.unit, i)).collect();
    crate::sort::sort(&mut by_unit);
    let row_of = |u: usize| -> Option<&Row> {
        let k = by_unit.binary_search_by(|e| e.0.cmp(&u)).ok()?;
        by_unit.get(k).and_then(|e| rows.get(e.1))
    };
    let mut out = Vec::new();
    for &level in &ind.levels {
        let mut units = ReviewCounts::default();
        let mut single: Option<&Row> = None;
        // The names behind the rule's sentence.
        let (mut met, mut missed, mut unreported) = (Vec::new(), Vec::new(), Vec::new());
        let (mut ended_count, mut ended_met, mut ended_short) = (0u32, 0u32, Vec::new());
        let mut alive = 0u32;
        // Whether a unit still there at the deadline did not meet the target.
        let mut alive_short = false;
        for u in 0..ctx.units.len() {
            let Some(unit) = ctx.unit(u).filter(|x| x.level == level && x.overlaps(from, to)) else {
                continue;
            };
            let ended = unit.valid_to.is_some_and(|t| t < deadline_end && t < ctx.as_of);
            let row = row_of(u);
            // A unit without any figure has no card of its own: it is `no_data`, as the
            // indicator's card is when no unit has one, whether or not the unit ended.
            let status = row.map_or(Status::NoData, |r| r.result.status);
            units.add(status);
            let name = unit.name.as_str();
            if ended {
                ended_count = ended_count.saturating_add(1);
                match row.and_then(|r| r.result.met) {
                    Some(true) => ended_met = ended_met.saturating_add(1),
                    Some(false) => ended_short.push(name),
                    None => {}
                }
            } else {
                alive = alive.saturating_add(1);
                alive_short |= status != Status::Met;
                single = row;
                match status {
                    Status::Met => met.push(name),
                    Status::Missed => missed.push(name),
                    _ => unreported.push(name),
                }
            }
        }
        let summary = summaries.iter().find(|s| s.level == level);
        let one = (alive == 1).then_some(single).flatten();
        let value = summary
            .filter(|s| s.year == ind.deadline)
            .and_then(|s| s.aggregate_value)
            .or_else(|| {
                one.filter(|r| r.result.year == Some(ind.deadline))
                    .and_then(|r| r.result.value)
            });
        let requirement = summary.and_then(|s| s.requirement).or_else(|| {
            super::judge::requirement(ctx, rules, level, ind.deadline, None, false)
                .0
                .map(Num)
        });
        // A level the input has no unit of says nothing about the target.
        if units.total == 0 {
            continue;
        }
        let verdict = level_verdict(&units, alive, alive_short);
        // As shown beside the verdict: never on the other side of the requirement.
        let words = ctx.input.options.text.words();
        let display = value
            .filter(|_| words)
            .map(|v| super::result::shown(ind, v.0, &[requirement.map(|r| r.0)]));
        let out_of = one.and_then(|r| r.result.out_of).filter(|_| value.is_some());
        let last_day = summary.and_then(|s| s.last_day.as_deref()).and_then(Date::parse);
        let rule = words.then(|| {
            super::explain::review_rule(&super::explain::ReviewFacts {
                level,
                year: ind.deadline,
                verdict,
                met,
                missed,
                unreported,
                ended: ended_count,
                ended_met,
                ended_short,
                last_day,
            })
        });
        out.push(ReviewRow {
            indicator: ind.id.clone(),
            clause: ind.clause.clone(),
            title: ind.title.get(ctx.input.locale).to_string(),
            level,
            deadline: ind.deadline,
            year: summary.map_or(ind.deadline, |s| s.year),
            last_day: summary.and_then(|s| s.last_day.clone()),
            requirement,
            requirement_year: summary.and_then(|s| s.requirement_year),
            comparator: ind.comparator,
            value,
            out_of,
            display,
            verdict,
            rule,
            units,
        });
    }
    out
}

/// A level's verdict from its units': no unit with a figure → `no_data` (as the card of a
/// target without any figure); any unit missed → `missed`; no unit left at the deadline →
/// `discontinued`; a unit left at the deadline that did not meet it (no figure of the
/// deadline year, or none at all) → `not_reported`; otherwise `met`.
fn level_verdict(units: &ReviewCounts, alive: u32, alive_short: bool) -> Status {
    if units.no_data == units.total {
        Status::NoData
    } else if units.missed > 0 {
        Status::Missed
    } else if alive == 0 {
        Status::Discontinued
    } else if alive_short {
        Status::NotReported
    } else {
        Status::Met
    }
}

/// The review from every indicator's rows, with the verdicts counted.
#[inline(never)]
pub(crate) fn review(plan: &Plan, rows: Vec<ReviewRow>) -> Review {
    let mut counts = ReviewCounts::default();
    for r in &rows {
        counts.add(r.verdict);
    }
    Review {
        from: plan.plan.period.from,
        to: plan.plan.period.to,
        rows,
        counts,
    }
}
