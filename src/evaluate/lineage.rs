//! Lineage: a unit formed from others continues their history. For a year before it existed
//! (or the year it began, when it has no figure of its own for it), its figure is the sum of
//! its predecessors' numerators and denominators (counts for reductions; a part of a divided
//! unit scales both by its `share`), marked `predecessors`, and `estimated` when a share was
//! used. A new commune's 2024 digitization rate is then its three old wards' digitized
//! results over their valid results, and its series, trend and ramp years run on across the
//! merger.
//!
//! Nothing is guessed: a year gets no figure from predecessors when one of them has no
//! figure that year (of its own, or from its own predecessors), gave only a percentage, or
//! went in with a share of unknown size. One predecessor taken whole (a renamed unit) passes
//! on any kind of figure.

use super::rollup::{in_year, Figures, UnitYear};
use super::screen::Figure;
use super::Ctx;
use crate::data::{Date, Period};
use crate::report::FigureBasis;
use crate::sort::sort_by;

/// Adds the predecessors' figures to every unit formed from others, for the years before it
/// existed. Units are taken in order of their first day, so that a chain (A formed from B
/// formed from C) is followed: B's own history from C is there when A reads B.
#[inline(never)]
pub(crate) fn extend(ctx: &Ctx, figures: &mut Figures) {
    let units = &ctx.units;
    let mut successors: Vec<usize> = (0..units.len())
        .filter(|&u| units.predecessors.get(u).is_some_and(|p| !p.is_empty()))
        .collect();
    if successors.is_empty() {
        return;
    }
    sort_by(&mut successors, |a, b| {
        let from = |u: &usize| units.unit(*u).and_then(|x| x.valid_from);
        from(a).cmp(&from(b)).then(a.cmp(b))
    });
    for s in successors {
        let Some(unit) = units.unit(s) else { continue };
        let Some(from) = unit.valid_from else { continue };
        let preds = units.predecessors.get(s).map(Vec::as_slice).unwrap_or_default();
        // The years any predecessor has a figure for, up to the year the unit began.
        let mut years: Vec<i32> = preds
            .iter()
            .filter_map(|(p, _)| figures.get(*p))
            .flat_map(|ys| ys.iter().map(|uy| uy.year))
            .filter(|y| *y <= from.year)
            .collect();
        crate::sort::sort(&mut years);
        years.dedup();
        let mut added: Vec<UnitYear> = Vec::new();
        for year in years {
            // A whole year of its own, or a figure of its own for the year it began.
            let began_before = from <= Date::start_of_year(year);
            let own = figures.get(s).and_then(|ys| in_year(ys, year)).is_some();
            if began_before || own {
                continue;
            }
            if let Some(uy) = from_predecessors(figures, preds, year) {
                added.push(uy);
            }
        }
        if let Some(slot) = figures.get_mut(s) {
            for uy in added {
                let at = slot.partition_point(|y| y.year < uy.year);
                slot.insert(at, uy);
            }
        }
    }
}

/// The sum of the predecessors' figures of `year`, or `None` when it cannot be told.
fn from_predecessors(
    figures: &Figures,
    preds: &[(usize, crate::data::hierarchy::Share)],
    year: i32,
) -> Option<UnitYear> {
    // Every predecessor must have a figure that year, its own or from its own predecessors:
    // a sum without one of them would cover less territory than the unit.
    let mut parts: Vec<(&UnitYear, Option<f64>)> = Vec::new();
    for (p, share) in preds {
        let f = figures.get(*p).and_then(|ys| in_year(ys, year))?;
        parts.push((f, share.factor()));
    }
    if parts.iter().any(|(_, factor)| factor.is_none()) {
        return None;
    }
    let first = parts.first()?;
    let estimated = parts
        .iter()
        .any(|(f, factor)| f.estimated || factor.is_some_and(|x| x < 1.0));
    let period = if parts.iter().all(|(f, _)| f.period == first.0.period) {
        first.0.period
    } else {
        Period::year(year)
    };
    let figure = match (first.0.figure, parts.len()) {
        // One whole predecessor: the same territory, whatever kind of figure.
        (f, 1) if first.1 == Some(1.0) => f,
        (Figure::Fraction { .. }, _) => {
            let (mut n, mut d) = (0.0, 0.0);
            for (f, factor) in &parts {
                let (Figure::Fraction { numerator, denominator }, Some(x)) = (f.figure, factor) else {
                    return None;
                };
                n += numerator * x;
                d += denominator * x;
            }
            Figure::Fraction {
                numerator: n,
                denominator: d,
            }
        }
        (Figure::Count(_), _) => {
            let mut c = 0.0;
            for (f, factor) in &parts {
                let (Figure::Count(v), Some(x)) = (f.figure, factor) else {
                    return None;
                };
                c += v * x;
            }
            Figure::Count(c)
        }
        _ => return None,
    };
    Some(UnitYear {
        year,
        figure,
        period,
        basis: FigureBasis::Predecessors,
        coverage: None,
        estimated,
    })
}
