//! The hierarchy as the evaluation walks it: every unit of the input (one per unit, not per
//! id: official codes are reused), the children each had, the order that meets children
//! before parents, and the lineage resolved to units. Built once per evaluation, linear in
//! the units up to one sort.

use crate::data::hierarchy::{Share, Unit, UnitIndex};
use crate::data::{Date, Period};
use crate::sort::sort;

pub(crate) struct Hierarchy<'a> {
    pub index: UnitIndex<'a>,
    /// For each unit: the units whose parent is its id and whose validity overlaps its own.
    children: Lists,
    /// For each unit: the units its parent id names during its validity.
    parents: Lists,
    /// For each unit: the units that may attach to it on days their own parent is not valid
    /// (it is a higher ancestor of theirs, by the parent ids); see [`Hierarchy::parent_on`].
    adopted: Vec<Vec<usize>>,
    /// For each unit valid on days its parent id names no valid unit: those spans of days.
    gaps: Vec<Vec<Span>>,
    /// Every unit, children before their parents.
    pub bottom_up: Vec<usize>,
    /// For each unit: the units it was formed from, with how much of each.
    pub predecessors: Vec<Vec<(usize, Share)>>,
    /// For each unit: the units formed (in whole or part) from it.
    pub successors: Vec<Vec<usize>>,
    /// The days the hierarchy changes on (a unit begins, or the day after one ends), sorted.
    change_days: Vec<Date>,
}

/// A list of units for each unit, all in one allocation (most units have one parent and a
/// few children: a `Vec` each was 200 000 allocations for 100 000 units).
struct Lists {
    /// The list of unit `u` is `items[starts[u]..starts[u + 1]]`.
    starts: Vec<usize>,
    items: Vec<usize>,
}

impl Lists {
    /// The lists of `n` units from (owner, item) pairs; each list keeps the pairs' order.
    fn from_pairs(n: usize, pairs: &[(usize, usize)]) -> Lists {
        let mut starts = vec![0usize; n.saturating_add(1)];
        for &(owner, _) in pairs {
            if let Some(s) = starts.get_mut(owner.saturating_add(1)) {
                *s += 1;
            }
        }
        for u in 0..n {
            let before = starts.get(u).copied().unwrap_or(0);
            if let Some(s) = starts.get_mut(u + 1) {
                *s += before;
            }
        }
        let mut next = starts.clone();
        let mut items = vec![0usize; pairs.len()];
        for &(owner, item) in pairs {
            if let Some(at) = next.get_mut(owner) {
                if let Some(slot) = items.get_mut(*at) {
                    *slot = item;
                }
                *at += 1;
            }
        }
        Lists { starts, items }
    }

    /// The list of `unit` (empty for a unit out of range).
    fn of(&self, unit: usize) -> &[usize] {
        match (self.starts.get(unit), self.starts.get(unit.saturating_add(1))) {
            (Some(&from), Some(&to)) => self.items.get(from..to).unwrap_or_default(),
            _ => &[],
        }
    }
}

impl<'a> Hierarchy<'a> {
    pub fn new(units: &'a [Unit]) -> Hierarchy<'a> {
        let index = UnitIndex::new(units);
        let n = index.len();
        // (parent, child): in order of the child, then of the parent's first day, so that each
        // unit's children and each unit's parents come sorted and once.
        let mut links: Vec<(usize, usize)> = Vec::with_capacity(n);
        let mut predecessors: Vec<Vec<(usize, Share)>> = vec![Vec::new(); n];
        let mut successors: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (c, u) in index.units.iter().enumerate() {
            if let Some(p) = u.parent.as_deref() {
                for k in index.of_id(p) {
                    if index.get(k).is_some_and(|pu| pu.overlaps_unit(u)) && k != c {
                        links.push((k, c));
                    }
                }
            }
            for p in &u.predecessors {
                if let Some(k) = index.predecessor(u, &p.unit) {
                    if let Some(list) = predecessors.get_mut(c) {
                        list.push((k, p.share));
                    }
                    if let Some(list) = successors.get_mut(k) {
                        list.push(c);
                    }
                }
            }
        }
        let children = Lists::from_pairs(n, &links);
        for link in &mut links {
            *link = (link.1, link.0);
        }
        let parents = Lists::from_pairs(n, &links);
        drop(links);
        let (adopted, adopters, gaps) = adoptions(&index);
        for list in &mut successors {
            if list.len() > 1 {
                sort(list);
                list.dedup();
            }
        }
        // In unit order, not the input's: sums of predecessors' figures are then added in the
        // same order whatever order the portal listed them in (floating-point addition is
        // not associative, and a shown 2 048,27 must not become 2 048,28).
        for list in &mut predecessors {
            if list.len() > 1 {
                crate::sort::sort_by(list, |a, b| a.0.cmp(&b.0));
            }
        }
        // Adoptive links order the units too: a unit before every ancestor it may attach to.
        let below = joined_lists(&children, &adopted);
        let above = joined_lists(&parents, &adopters);
        let bottom_up = children_first(&below, &above);
        let mut change_days: Vec<Date> = index
            .units
            .iter()
            .flat_map(|u| [u.valid_from, u.valid_to.map(Date::next_day)])
            .flatten()
            .collect();
        sort(&mut change_days);
        change_days.dedup();
        Hierarchy {
            index,
            children,
            parents,
            adopted,
            gaps,
            bottom_up,
            predecessors,
            successors,
            change_days,
        }
    }

    /// Whether any unit begins or ends between the two days (after `from`, up to `to`): if
    /// none does, the hierarchy is the same on both.
    pub fn changes_between(&self, from: Date, to: Date) -> bool {
        let first_after = self.change_days.partition_point(|d| *d <= from);
        self.change_days.get(first_after).is_some_and(|d| *d <= to)
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn unit(&self, at: usize) -> Option<&'a Unit> {
        self.index.get(at)
    }

    /// The unit a figure of `id` for `period` belongs to.
    pub fn for_period(&self, id: &str, period: Period) -> Option<usize> {
        self.index.for_period(id, period)
    }

    /// The children of `unit` that exist on `day`: the units whose parent it is, and the
    /// units that attach to it that day because their own parent is not valid.
    pub fn children_on(&self, unit: usize, day: Date) -> impl Iterator<Item = usize> + '_ {
        let own = self
            .children
            .of(unit)
            .iter()
            .copied()
            .filter(move |&c| self.unit(c).is_some_and(|u| u.valid_on(day)));
        let adopted = of(&self.adopted, unit)
            .iter()
            .copied()
            .filter(move |&c| self.unit(c).is_some_and(|u| u.valid_on(day)) && self.parent_on(c, day) == Some(unit));
        own.chain(adopted)
    }

    /// The unit `unit` belongs to on `day`: the unit its parent id names that day, or, when
    /// that id names no unit valid that day (a commune left without a `validTo` under a
    /// district that ended, or one older than its district), the nearest ancestor valid that
    /// day, going up through the parent of the parent's unit nearest in time. `None` at the
    /// top, or when no ancestor is valid that day.
    pub fn parent_on(&self, unit: usize, day: Date) -> Option<usize> {
        let mut id = self.unit(unit)?.parent.as_deref()?;
        // Bounded by the number of units: a hand-built cycle cannot loop.
        for _ in 0..self.len() {
            if let Some(k) = self.index.on(id, day) {
                return (k != unit).then_some(k);
            }
            id = self.nearest(id, day).and_then(|k| self.unit(k))?.parent.as_deref()?;
        }
        None
    }

    /// The unit of `id` nearest to `day` when none is valid that day: the last that ended
    /// before it, or else the first that begins after it.
    fn nearest(&self, id: &str, day: Date) -> Option<usize> {
        let range = self.index.of_id(id);
        let before = range
            .clone()
            .filter(|&k| self.unit(k).and_then(|u| u.valid_to).is_some_and(|t| t < day))
            .max_by_key(|&k| self.unit(k).and_then(|u| u.valid_to));
        before.or_else(|| {
            range
                .filter(|&k| self.unit(k).and_then(|u| u.valid_from).is_some_and(|f| day < f))
                .min_by_key(|&k| self.unit(k).and_then(|u| u.valid_from))
        })
    }

    /// The spans of days `unit` is valid while its parent id names no valid unit.
    pub fn parent_gaps(&self, unit: usize) -> &[Span] {
        self.gaps.get(unit).map(Vec::as_slice).unwrap_or_default()
    }

    /// Whether `unit` has children at some time.
    pub fn has_children(&self, unit: usize) -> bool {
        !self.children.of(unit).is_empty() || self.adopted.get(unit).is_some_and(|c| !c.is_empty())
    }

    /// Whether `unit` has a parent at some time.
    pub fn has_parent(&self, unit: usize) -> bool {
        !self.parents.of(unit).is_empty()
    }

    /// The units below `unit` on `day` that have no children that day (its territory, as
    /// the hierarchy sees it), or `unit` itself when it has none.
    pub fn leaves_on(&self, unit: usize, day: Date) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![unit];
        // Bounded by the number of units: a hand-built cycle cannot loop.
        let mut budget = self.len().saturating_add(1);
        while let Some(u) = stack.pop() {
            budget = budget.saturating_sub(1);
            if budget == 0 {
                break;
            }
            let before = stack.len();
            stack.extend(self.children_on(u, day));
            if stack.len() == before {
                out.push(u);
            }
        }
        sort(&mut out);
        out.dedup();
        out
    }
}

/// Days from `from` to `to`, both included, open where absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// For each unit whose parent id leaves days of its validity uncovered: the spans of those
/// days, and the links to every unit of a higher ancestor id that overlaps it (it may attach
/// to one of them on those days). Units whose parent covers them, the common case, cost one
/// scan of their parent id's units.
#[allow(clippy::type_complexity)]
fn adoptions(index: &UnitIndex) -> (Vec<Vec<usize>>, Vec<Vec<usize>>, Vec<Vec<Span>>) {
    let n = index.len();
    let mut adopted: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut adopters: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut gaps: Vec<Vec<Span>> = vec![Vec::new(); n];
    for (c, u) in index.units.iter().enumerate() {
        let Some(p) = u.parent.as_deref() else { continue };
        let spans = uncovered(u, index.of_id(p).filter_map(|k| index.get(k)));
        if spans.is_empty() {
            continue;
        }
        // The ancestor ids above the parent id, each once.
        let mut ids: Vec<&str> = vec![p];
        let mut at = 0;
        while let Some(id) = ids.get(at).copied() {
            at += 1;
            for k in index.of_id(id) {
                if let Some(next) = index.get(k).and_then(|x| x.parent.as_deref()) {
                    if !ids.contains(&next) && next != u.id {
                        ids.push(next);
                    }
                }
            }
        }
        for id in ids.iter().skip(1) {
            for k in index.of_id(id) {
                if k != c && index.get(k).is_some_and(|a| a.overlaps_unit(u)) {
                    if let Some(list) = adopted.get_mut(k) {
                        list.push(c);
                    }
                    if let Some(list) = adopters.get_mut(c) {
                        list.push(k);
                    }
                }
            }
        }
        if let Some(g) = gaps.get_mut(c) {
            *g = spans;
        }
    }
    (adopted, adopters, gaps)
}

/// The spans of `unit`'s validity on which none of `parents` is valid. `parents` come in
/// order of their first day (open first) and do not overlap one another.
fn uncovered<'a>(unit: &Unit, parents: impl Iterator<Item = &'a Unit>) -> Vec<Span> {
    let mut out = Vec::new();
    // The first day not yet covered (`None`: since always).
    let mut cursor = unit.valid_from;
    let before_end = |d: Date| unit.valid_to.map_or(true, |t| d <= t);
    for p in parents {
        if !p.overlaps_unit(unit) {
            continue;
        }
        if let Some(start) = p.valid_from.filter(|s| cursor.map_or(true, |c| c < *s)) {
            let to = start.previous_day();
            out.push(Span {
                from: cursor,
                to: Some(unit.valid_to.map_or(to, |t| t.min(to))),
            });
        }
        match p.valid_to {
            Some(t) => cursor = Some(cursor.map_or(t, |c| c.max(t)).next_day()),
            None => return out,
        }
        if cursor.is_some_and(|c| !before_end(c)) {
            return out;
        }
    }
    out.push(Span {
        from: cursor,
        to: unit.valid_to,
    });
    out
}

/// The list of `unit` in a table of lists by unit.
fn of(lists: &[Vec<usize>], unit: usize) -> &[usize] {
    lists.get(unit).map(Vec::as_slice).unwrap_or_default()
}

/// Each unit's list in `own` joined with its list in `more` (sorted, each once), as lists.
fn joined_lists(own: &Lists, more: &[Vec<usize>]) -> Lists {
    let n = own.starts.len().saturating_sub(1);
    let mut starts = Vec::with_capacity(n.saturating_add(1));
    let mut items = Vec::with_capacity(own.items.len());
    starts.push(0);
    for u in 0..n {
        let extra = more.get(u).map(Vec::as_slice).unwrap_or_default();
        if extra.is_empty() {
            items.extend_from_slice(own.of(u));
        } else {
            let mut list: Vec<usize> = own.of(u).iter().chain(extra).copied().collect();
            sort(&mut list);
            list.dedup();
            items.extend(list);
        }
        starts.push(items.len());
    }
    Lists { starts, items }
}

/// Every unit once, each after all its children (Kahn's algorithm on the child → parent
/// links; a unit on a cycle, which validation refuses, comes at the end).
fn children_first(children: &Lists, parents: &Lists) -> Vec<usize> {
    let n = children.starts.len().saturating_sub(1);
    let mut waiting: Vec<usize> = (0..n).map(|u| children.of(u).len()).collect();
    let mut ready: Vec<usize> = (0..n).filter(|&u| waiting.get(u) == Some(&0)).collect();
    ready.reverse();
    let mut out = Vec::with_capacity(n);
    let mut placed = vec![false; n];
    while let Some(u) = ready.pop() {
        out.push(u);
        if let Some(p) = placed.get_mut(u) {
            *p = true;
        }
        for &p in parents.of(u) {
            if let Some(w) = waiting.get_mut(p) {
                *w = w.saturating_sub(1);
                if *w == 0 {
                    ready.push(p);
                }
            }
        }
    }
    out.extend((0..n).filter(|&u| !placed.get(u).copied().unwrap_or(true)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Level;

    fn unit(id: &str, from: Option<&str>, to: Option<&str>) -> Unit {
        Unit {
            id: id.to_string(),
            name: id.to_string(),
            level: Level::District,
            parent: None,
            valid_from: from.and_then(Date::parse),
            valid_to: to.and_then(Date::parse),
            predecessors: Vec::new(),
        }
    }

    fn span(from: Option<&str>, to: Option<&str>) -> Span {
        Span {
            from: from.and_then(Date::parse),
            to: to.and_then(Date::parse),
        }
    }

    #[test]
    fn the_days_a_parent_leaves_uncovered() {
        let commune = unit("c", None, None);
        let ended = unit("d", None, Some("2025-06-30"));
        let late = unit("d", Some("2022-01-01"), None);
        assert_eq!(
            uncovered(&commune, [&ended].into_iter()),
            [span(Some("2025-07-01"), None)]
        );
        assert_eq!(
            uncovered(&commune, [&late].into_iter()),
            [span(None, Some("2021-12-31"))]
        );
        // A reused id with a hole between its two units.
        let first = unit("d", None, Some("2023-12-31"));
        let second = unit("d", Some("2024-07-01"), None);
        assert_eq!(
            uncovered(&commune, [&first, &second].into_iter()),
            [span(Some("2024-01-01"), Some("2024-06-30"))]
        );
        // Covered on every day of its own: nothing.
        let short = unit("c", Some("2022-01-01"), Some("2025-06-30"));
        assert!(uncovered(&short, [&ended].into_iter()).is_empty());
        assert!(uncovered(&short, [&late].into_iter()).is_empty());
        assert_eq!(
            uncovered(
                &unit("c", Some("2024-03-01"), Some("2024-09-30")),
                [&first, &second].into_iter()
            ),
            [span(Some("2024-03-01"), Some("2024-06-30"))]
        );
    }
}
