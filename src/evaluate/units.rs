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
    children: Vec<Vec<usize>>,
    /// For each unit: the units its parent id names during its validity.
    parents: Vec<Vec<usize>>,
    /// Every unit, children before their parents.
    pub bottom_up: Vec<usize>,
    /// For each unit: the units it was formed from, with how much of each.
    pub predecessors: Vec<Vec<(usize, Share)>>,
    /// For each unit: the units formed (in whole or part) from it.
    pub successors: Vec<Vec<usize>>,
    /// The days the hierarchy changes on (a unit begins, or the day after one ends), sorted.
    change_days: Vec<Date>,
}

impl<'a> Hierarchy<'a> {
    pub fn new(units: &'a [Unit]) -> Hierarchy<'a> {
        let index = UnitIndex::new(units);
        let n = index.len();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut parents: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut predecessors: Vec<Vec<(usize, Share)>> = vec![Vec::new(); n];
        let mut successors: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (c, u) in index.units.iter().enumerate() {
            if let Some(p) = u.parent.as_deref() {
                for k in index.of_id(p) {
                    if index.get(k).is_some_and(|pu| pu.overlaps_unit(u)) && k != c {
                        if let Some(list) = children.get_mut(k) {
                            list.push(c);
                        }
                        if let Some(list) = parents.get_mut(c) {
                            list.push(k);
                        }
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
        for list in children.iter_mut().chain(successors.iter_mut()) {
            sort(list);
            list.dedup();
        }
        // In unit order, not the input's: sums of predecessors' figures are then added in the
        // same order whatever order the portal listed them in (floating-point addition is
        // not associative, and a shown 2 048,27 must not become 2 048,28).
        for list in &mut predecessors {
            crate::sort::sort_by(list, |a, b| a.0.cmp(&b.0));
        }
        let bottom_up = children_first(&children, &parents);
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

    /// The children of `unit` that exist on `day`.
    pub fn children_on(&self, unit: usize, day: Date) -> impl Iterator<Item = usize> + '_ {
        self.children
            .get(unit)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .copied()
            .filter(move |&c| self.unit(c).is_some_and(|u| u.valid_on(day)))
    }

    /// Whether `unit` has children at some time.
    pub fn has_children(&self, unit: usize) -> bool {
        self.children.get(unit).is_some_and(|c| !c.is_empty())
    }

    /// Whether `unit` has a parent at some time.
    pub fn has_parent(&self, unit: usize) -> bool {
        self.parents.get(unit).is_some_and(|p| !p.is_empty())
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

/// Every unit once, each after all its children (Kahn's algorithm on the child → parent
/// links; a unit on a cycle, which validation refuses, comes at the end).
fn children_first(children: &[Vec<usize>], parents: &[Vec<usize>]) -> Vec<usize> {
    let n = children.len();
    let mut waiting: Vec<usize> = children.iter().map(Vec::len).collect();
    let mut ready: Vec<usize> = (0..n).filter(|&u| waiting.get(u) == Some(&0)).collect();
    ready.reverse();
    let mut out = Vec::with_capacity(n);
    let mut placed = vec![false; n];
    while let Some(u) = ready.pop() {
        out.push(u);
        if let Some(p) = placed.get_mut(u) {
            *p = true;
        }
        for &p in parents.get(u).map(Vec::as_slice).unwrap_or_default() {
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
