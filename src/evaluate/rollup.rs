//! Roll-ups up the hierarchy: a unit without its own figure takes the sum of its units'
//! numerators and denominators (counts for reductions), using the hierarchy as it stood at
//! the end of the year, or on the unit's last day when it ended during the year (the 2025
//! city sums the new communes, not the districts that ended on 30 June). Percentages are
//! never averaged: where a unit below gave only a percentage, the roll-up is not possible and
//! a finding says which units stand in the way.

use super::findings::unit_year_finding;
use super::screen::{Figure, OwnYear};
use super::Ctx;
use crate::data::Period;
use crate::messages::Text;
use crate::plan::{Aggregation, Indicator};
use crate::report::{FigureBasis, Finding, FindingCode, RollUpCoverage};

/// A unit's figure for one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct UnitYear {
    pub year: i32,
    pub figure: Figure,
    /// The period of the value (for a roll-up: the common period of its parts, or the year).
    pub period: Period,
    pub basis: FigureBasis,
    pub coverage: Option<RollUpCoverage>,
    /// Estimated from a part (`share`) of a divided predecessor.
    pub estimated: bool,
}

/// Per unit (by index in [`Ctx::units`]): its figures, sorted by year.
pub(crate) type Figures = Vec<Vec<UnitYear>>;

/// The figure of `year` among a unit's figures sorted by year.
pub(crate) fn in_year(years: &[UnitYear], year: i32) -> Option<&UnitYear> {
    let i = years.binary_search_by_key(&year, |uy| uy.year).ok()?;
    years.get(i)
}

enum State {
    Have(UnitYear),
    NotPossible,
}

/// Every unit's figure in every year with data, for one indicator.
#[inline(never)]
pub(crate) fn figures(ctx: &Ctx, ind: &Indicator, own: &[OwnYear], findings: &mut Vec<Finding>) -> Figures {
    let mut out: Figures = vec![Vec::new(); ctx.units.len()];
    if own.is_empty() {
        return out;
    }
    for o in own {
        if let Some(slot) = out.get_mut(o.unit) {
            slot.push(UnitYear {
                year: o.year,
                figure: o.chosen.figure,
                period: o.chosen.period,
                basis: FigureBasis::Reported,
                coverage: None,
                estimated: false,
            });
        }
    }
    if ind.aggregation != Aggregation::Hierarchy {
        return out;
    }
    // By unit, then year: the years repeat once per unit. A radix pass on the year's bytes
    // sorts them in one or two passes where the merge sort compared them 17 times each.
    let mut years: Vec<i32> = own.iter().map(|o| o.year).collect();
    if !crate::sort::sort_by_u64_key(&mut years, |y| u64::try_from(i64::from(*y) - i64::from(i32::MIN)).ok()) {
        crate::sort::sort(&mut years);
    }
    years.dedup();
    let mut rolled: Vec<(usize, UnitYear)> = Vec::new();
    let mut states: Vec<Option<State>> = Vec::new();
    let mut children: Vec<usize> = Vec::new();
    for year in years {
        states.clear();
        states.resize_with(ctx.units.len(), || None);
        for &unit in &ctx.units.bottom_up {
            let Some(u) = ctx.unit(unit) else { continue };
            if !u.valid_in(year) {
                continue;
            }
            // Only the unit's own figures are in `out` until every year is rolled up.
            if let Some(uy) = out.get(unit).and_then(|y| in_year(y, year)) {
                if let Some(s) = states.get_mut(unit) {
                    *s = Some(State::Have(*uy));
                }
                continue;
            }
            children.clear();
            children.extend(ctx.units.children_on(unit, u.reference_day(year)));
            if children.is_empty() {
                continue;
            }
            // Children with only a percentage, and children whose own roll-up failed.
            let mut shares: Vec<&str> = Vec::new();
            let mut blocked: Vec<&str> = Vec::new();
            let mut parts: Vec<&UnitYear> = Vec::new();
            for &c in &children {
                let id = ctx.unit(c).map_or("", |u| u.id.as_str());
                match states.get(c).and_then(Option::as_ref) {
                    Some(State::NotPossible) => blocked.push(id),
                    Some(State::Have(uy)) => match uy.figure {
                        Figure::Fraction { .. } | Figure::Count(_) => parts.push(uy),
                        _ => shares.push(id),
                    },
                    None => {}
                }
            }
            let state = if !shares.is_empty() || !blocked.is_empty() {
                findings.push(unit_year_finding(
                    FindingCode::RollupNotPossible,
                    &ind.id,
                    &u.id,
                    year,
                    not_possible_message(&u.id, year, &shares, &blocked),
                ));
                Some(State::NotPossible)
            } else {
                sum(&parts, year, &children).map(State::Have)
            };
            if let (Some(state), Some(s)) = (state, states.get_mut(unit)) {
                *s = Some(state);
            }
        }
        for (unit, state) in states.iter().enumerate() {
            if let Some(State::Have(uy)) = state {
                if uy.basis == FigureBasis::RolledUp {
                    rolled.push((unit, *uy));
                }
            }
        }
    }
    for (unit, uy) in rolled {
        if let Some(slot) = out.get_mut(unit) {
            let at = slot.partition_point(|y| y.year < uy.year);
            slot.insert(at, uy);
        }
    }
    out
}

fn not_possible_message(unit: &str, year: i32, shares: &[&str], blocked: &[&str]) -> Text {
    let list = |ids: &[&str]| {
        ids.iter()
            .map(|b| format!("`{}`", super::clip(b)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let unit = super::clip(unit);
    let mut vi = Vec::new();
    let mut en = Vec::new();
    if !shares.is_empty() {
        vi.push(format!(
            "{} chỉ có tỷ lệ, không có tử số và mẫu số (không lấy trung bình các tỷ lệ)",
            list(shares)
        ));
        en.push(format!(
            "{} gave only a percentage, without numerator and denominator (percentages are never averaged)",
            list(shares)
        ));
    }
    if !blocked.is_empty() {
        vi.push(format!("{} cũng không tổng hợp được", list(blocked)));
        en.push(format!("{} could not be rolled up either", list(blocked)));
    }
    Text::new(
        format!(
            "không tổng hợp được số liệu năm {year} của `{unit}` từ các đơn vị trực thuộc: {}",
            vi.join("; ")
        ),
        format!(
            "the {year} figure of `{unit}` cannot be rolled up from its units: {}",
            en.join("; ")
        ),
    )
}

fn sum(parts: &[&UnitYear], year: i32, children: &[usize]) -> Option<UnitYear> {
    let first = parts.first()?;
    let figure = match first.figure {
        Figure::Fraction { .. } => {
            let (mut n, mut d) = (0.0, 0.0);
            for p in parts {
                let Figure::Fraction { numerator, denominator } = p.figure else {
                    return None;
                };
                n += numerator;
                d += denominator;
            }
            Figure::Fraction {
                numerator: n,
                denominator: d,
            }
        }
        Figure::Count(_) => {
            let mut c = 0.0;
            for p in parts {
                let Figure::Count(v) = p.figure else { return None };
                c += v;
            }
            Figure::Count(c)
        }
        _ => return None,
    };
    let period = if parts.iter().all(|p| p.period == first.period) {
        first.period
    } else {
        Period::year(year)
    };
    Some(UnitYear {
        year,
        figure,
        period,
        basis: FigureBasis::RolledUp,
        coverage: Some(RollUpCoverage {
            reporting: u32::try_from(parts.len()).unwrap_or(u32::MAX),
            total: u32::try_from(children.len()).unwrap_or(u32::MAX),
        }),
        estimated: false,
    })
}
