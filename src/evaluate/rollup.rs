//! Roll-ups up the hierarchy: a unit without its own figure takes the sum of its units'
//! numerators and denominators (counts for reductions), using the hierarchy valid in that
//! year. Percentages are never averaged: where a unit below gave only a percentage, the
//! roll-up is not possible and a finding says which units stand in the way.

use std::collections::{BTreeMap, BTreeSet};

use super::findings::unit_year_finding;
use super::screen::{Chosen, Figure};
use super::Ctx;
use crate::messages::Text;
use crate::plan::{Aggregation, Indicator};
use crate::report::{FigureBasis, Finding, FindingCode, RollUpCoverage};

/// A unit's figure for one year.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UnitYear {
    pub figure: Figure,
    /// The period of the value (for a roll-up: the common period of its parts, or the year).
    pub period: String,
    pub basis: FigureBasis,
    pub coverage: Option<RollUpCoverage>,
}

/// Per unit, per year.
pub(crate) type Figures = BTreeMap<String, BTreeMap<i32, UnitYear>>;

enum State {
    Have(UnitYear),
    NotPossible,
}

/// Every unit's figure in every year with data, for one indicator.
pub(crate) fn figures(
    ctx: &Ctx,
    ind: &Indicator,
    own: Option<&BTreeMap<(String, i32), Chosen>>,
    findings: &mut Vec<Finding>,
) -> Figures {
    let mut out: Figures = BTreeMap::new();
    let Some(own) = own else { return out };
    for ((unit, year), chosen) in own {
        out.entry(unit.clone()).or_default().insert(
            *year,
            UnitYear {
                figure: chosen.figure,
                period: chosen.period.code(),
                basis: FigureBasis::Reported,
                coverage: None,
            },
        );
    }
    if ind.aggregation != Aggregation::Hierarchy {
        return out;
    }
    let years: BTreeSet<i32> = own.keys().map(|(_, y)| *y).collect();
    for year in years {
        let mut states: BTreeMap<&str, State> = BTreeMap::new();
        for unit in &ctx.bottom_up {
            let Some(u) = ctx.units.get(unit) else { continue };
            if !u.valid_in(year) {
                continue;
            }
            if let Some(c) = own.get(&(unit.to_string(), year)) {
                states.insert(
                    unit,
                    State::Have(UnitYear {
                        figure: c.figure,
                        period: c.period.code(),
                        basis: FigureBasis::Reported,
                        coverage: None,
                    }),
                );
                continue;
            }
            let children: Vec<&str> = ctx
                .children
                .get(unit)
                .map(|c| {
                    c.iter()
                        .copied()
                        .filter(|c| ctx.units.get(c).is_some_and(|u| u.valid_in(year)))
                        .collect()
                })
                .unwrap_or_default();
            if children.is_empty() {
                continue;
            }
            // Children with only a percentage, and children whose own roll-up failed.
            let mut shares: Vec<&str> = Vec::new();
            let mut blocked: Vec<&str> = Vec::new();
            let mut parts: Vec<&UnitYear> = Vec::new();
            for c in &children {
                match states.get(c) {
                    Some(State::NotPossible) => blocked.push(c),
                    Some(State::Have(uy)) => match uy.figure {
                        Figure::Fraction { .. } | Figure::Count(_) => parts.push(uy),
                        _ => shares.push(c),
                    },
                    None => {}
                }
            }
            if !shares.is_empty() || !blocked.is_empty() {
                findings.push(unit_year_finding(
                    FindingCode::RollupNotPossible,
                    &ind.id,
                    unit,
                    year,
                    not_possible_message(unit, year, &shares, &blocked),
                ));
                states.insert(unit, State::NotPossible);
                continue;
            }
            if let Some(sum) = sum(&parts, year, &children) {
                states.insert(unit, State::Have(sum));
            }
        }
        for (unit, state) in states {
            if let State::Have(uy) = state {
                if uy.basis == FigureBasis::RolledUp {
                    out.entry(unit.to_string()).or_default().insert(year, uy);
                }
            }
        }
    }
    out
}

fn not_possible_message(unit: &str, year: i32, shares: &[&str], blocked: &[&str]) -> Text {
    let list = |ids: &[&str]| ids.iter().map(|b| format!("`{b}`")).collect::<Vec<_>>().join(", ");
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

fn sum(parts: &[&UnitYear], year: i32, children: &[&str]) -> Option<UnitYear> {
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
        first.period.clone()
    } else {
        year.to_string()
    };
    Some(UnitYear {
        figure,
        period,
        basis: FigureBasis::RolledUp,
        coverage: Some(RollUpCoverage {
            reporting: u32::try_from(parts.len()).unwrap_or(u32::MAX),
            total: u32::try_from(children.len()).unwrap_or(u32::MAX),
        }),
    })
}
