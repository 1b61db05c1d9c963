//! Breaks in a series: the units behind a unit's figures (its territory, as the hierarchy
//! sees it: the units below it without units of their own, on the day each year is read)
//! change between two of its years. The merged Cần Thơ of 2025 is the case: its 2024 figure
//! covers old Cần Thơ's communes, its 2025 figure the 103 communes of the new city. A trend
//! across such a break compares different territories, and the report says so.
//!
//! Lineage can put both years on the same territory: each unit behind the later year is
//! followed back through its predecessors (with their shares) to the units of the earlier
//! day. When that covers exactly the earlier units, each in full, there is no break.

use super::findings::unit_period_finding;
use super::units::Hierarchy;
use super::Ctx;
use crate::messages::Text;
use crate::report::{Finding, FindingCode};

/// A unit's territory changed between `before` and `after`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Break {
    pub before: i32,
    pub after: i32,
    /// Units behind the later year that do not come from the earlier territory.
    pub added: Vec<usize>,
    /// Units of the earlier territory not (wholly) behind the later year.
    pub removed: Vec<usize>,
    /// Some unit behind the later year came from a part of unknown size.
    pub unknown_share: bool,
}

/// How far lineage is followed back (a chain of reorganisations).
const MAX_GENERATIONS: usize = 8;

/// The break in `unit`'s territory between the end of `before` and the end of `after`, if
/// any.
pub(crate) fn between(units: &Hierarchy, unit: usize, before: i32, after: i32) -> Option<Break> {
    let u = units.unit(unit)?;
    let (r1, r2) = (u.reference_day(before), u.reference_day(after));
    // Nothing began or ended in between: the same hierarchy, the same territory (and no walk
    // of the unit's subtree for every row).
    if !units.changes_between(r1, r2) {
        return None;
    }
    let earlier = units.leaves_on(unit, r1);
    let later = units.leaves_on(unit, r2);
    if earlier == later {
        return None;
    }
    // Each later unit followed back to units existing on the earlier day.
    let mut coverage: Vec<(usize, f64)> = Vec::new();
    let mut added: Vec<usize> = Vec::new();
    let mut unknown_share = false;
    for &l in &later {
        let mut outside = false;
        let mut stack: Vec<(usize, f64, usize)> = vec![(l, 1.0, 0)];
        while let Some((x, w, depth)) = stack.pop() {
            if units.unit(x).is_some_and(|xu| xu.valid_on(r1)) {
                for leaf in units.leaves_on(x, r1) {
                    if earlier.binary_search(&leaf).is_ok() {
                        coverage.push((leaf, w));
                    } else {
                        outside = true;
                    }
                }
                continue;
            }
            let preds = units.predecessors.get(x).map(Vec::as_slice).unwrap_or_default();
            if preds.is_empty() || depth >= MAX_GENERATIONS {
                outside = true;
                continue;
            }
            for (p, share) in preds {
                match share.factor() {
                    Some(f) => stack.push((*p, w * f, depth + 1)),
                    None => {
                        unknown_share = true;
                        outside = true;
                    }
                }
            }
        }
        if outside {
            added.push(l);
        }
    }
    crate::sort::sort_by(&mut coverage, |a, b| a.0.cmp(&b.0));
    let covered = |e: usize| -> f64 {
        let from = coverage.partition_point(|c| c.0 < e);
        coverage
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.0 == e)
            .map(|c| c.1)
            .sum()
    };
    let removed: Vec<usize> = earlier.iter().copied().filter(|e| covered(*e) < 1.0 - 1e-9).collect();
    if added.is_empty() && removed.is_empty() && !unknown_share {
        return None;
    }
    Some(Break {
        before,
        after,
        added,
        removed,
        unknown_share,
    })
}

/// At most this many units are named in a break's message.
const NAMED: usize = 5;

/// The finding of a break.
pub(crate) fn finding(ctx: &Ctx, unit: usize, b: &Break) -> Option<Finding> {
    let u = ctx.unit(unit)?;
    let names = |list: &[usize]| -> String {
        let mut named: Vec<String> = list
            .iter()
            .take(NAMED)
            .filter_map(|x| ctx.unit(*x))
            .map(|x| format!("`{}`", super::clip(&x.id)))
            .collect();
        if list.len() > NAMED {
            named.push("…".to_string());
        }
        named.join(", ")
    };
    let mut vi: Vec<String> = Vec::new();
    let mut en: Vec<String> = Vec::new();
    if !b.added.is_empty() {
        vi.push(format!("thêm {} đơn vị ({})", b.added.len(), names(&b.added)));
        en.push(format!("{} added ({})", b.added.len(), names(&b.added)));
    }
    if !b.removed.is_empty() {
        vi.push(format!("bớt {} đơn vị ({})", b.removed.len(), names(&b.removed)));
        en.push(format!("{} removed ({})", b.removed.len(), names(&b.removed)));
    }
    if b.unknown_share {
        vi.push("có đơn vị hình thành từ một phần chưa biết tỷ lệ của đơn vị cũ".to_string());
        en.push("a unit was formed from a part of unknown size of an earlier one".to_string());
    }
    Some(unit_period_finding(
        FindingCode::SeriesBreak,
        &u.id,
        b.after,
        Text::new(
            format!(
                "các đơn vị tạo nên số liệu của `{}` thay đổi giữa năm {} và năm {}: {}; xu hướng giữa hai năm này so sánh hai địa bàn khác nhau",
                super::clip(&u.id),
                b.before,
                b.after,
                vi.join("; ")
            ),
            format!(
                "the units behind `{}` changed between {} and {}: {}; a trend across these years compares different territories",
                super::clip(&u.id),
                b.before,
                b.after,
                en.join("; ")
            ),
        ),
    ))
}
