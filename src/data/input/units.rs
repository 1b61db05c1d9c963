//! The units of the administrative hierarchy: each unit read (its validity as years or days,
//! its lineage), then the hierarchy checked as a whole: one id for units whose validities
//! overlap, unknown parents, parents at the wrong level, cycles, and lineage that cannot be
//! followed. Every check is one pass over the units sorted by id: linear up to the sort.

use serde_json::Value;

use super::fields::Field;
use super::limits::{MAX_STRING_CHARS, MAX_UNITS};
use super::reader::{Reader, AN_ARRAY, A_PREDECESSOR, A_SHARE, A_YEAR_OR_DAY};
use crate::data::hierarchy::{parent_level_allowed, Predecessor, Share, Unit, UnitIndex};
use crate::data::period::Date;
use crate::error::input::{self as problem, Empty};
use crate::error::units::{self as units_problem, Unresolved};
use crate::vocab::Level;

const UNIT_FIELDS: &[&str] = &["id", "name", "level", "parent", "validFrom", "validTo", "predecessors"];
const PREDECESSOR_FIELDS: &[&str] = &["unit", "share"];
/// A cycle's message names this many units, then how many more.
const NAMED_IN_A_CYCLE: usize = 5;

/// Which end of a validity a year stands for.
#[derive(Clone, Copy)]
enum End {
    First,
    Last,
}

impl Reader {
    pub(super) fn units(&mut self, v: &Value) -> Option<Vec<Unit>> {
        let Value::Array(items) = v else {
            self.wrong_type("$.units".to_string(), AN_ARRAY, Field::of(v));
            return None;
        };
        if items.len() > MAX_UNITS {
            self.push(units_problem::too_many_units(items.len(), MAX_UNITS));
            return None;
        }
        let before = self.errors.len();
        let mut units = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if self.full() {
                self.stopped();
                break;
            }
            if let Some(u) = self.unit(item, &format!("$.units[{i}]")) {
                units.push((i, u));
            }
        }
        self.hierarchy(&units);
        (self.errors.len() == before).then(|| units.into_iter().map(|(_, u)| u).collect())
    }

    fn unit(&mut self, v: &Value, path: &str) -> Option<Unit> {
        let map = self.object(v, path, UNIT_FIELDS)?;
        let id = self.string(map, "id", &path, true);
        let name = self.string(map, "name", &path, true);
        let level = match self.string(map, "level", &path, true) {
            None => None,
            Some(s) => {
                let l = Level::parse(s.trim());
                if l.is_none() {
                    self.push(units_problem::unknown_level(format!("{path}.level"), &s));
                }
                l
            }
        };
        let parent = self.string(map, "parent", &path, false);
        // Most units have none of these: their paths are written only for a field present.
        let (from, to, preds) = (map.get("validFrom"), map.get("validTo"), map.get("predecessors"));
        let valid_from = match from {
            None | Some(Value::Null) => Some(None),
            _ => self.validity_day(from, &format!("{path}.validFrom"), End::First),
        };
        let valid_to = match to {
            None | Some(Value::Null) => Some(None),
            _ => self.validity_day(to, &format!("{path}.validTo"), End::Last),
        };
        let predecessors = match preds {
            None | Some(Value::Null) => Some(Vec::new()),
            _ => self.predecessors(preds, &format!("{path}.predecessors")),
        };
        let (valid_from, valid_to) = (valid_from?, valid_to?);
        if let (Some(f), Some(t)) = (valid_from, valid_to) {
            if f > t {
                self.push(units_problem::invalid_validity(
                    format!("{path}.validTo"),
                    &f.to_string(),
                    &t.to_string(),
                ));
                return None;
            }
        }
        Some(Unit {
            id: id?,
            name: name?,
            level: level?,
            parent,
            valid_from,
            valid_to,
            predecessors: predecessors?,
        })
    }

    /// `validFrom` or `validTo`: a year (a whole number, or its four digits as text) or a
    /// day `YYYY-MM-DD`. The outer option is `None` on an error.
    fn validity_day(&mut self, v: Option<&Value>, path: &str, end: End) -> Option<Option<Date>> {
        let year_day = |y: i32| match end {
            End::First => Date::start_of_year(y),
            End::Last => Date::end_of_year(y),
        };
        match v {
            None | Some(Value::Null) => Some(None),
            Some(Value::Number(_)) => {
                let y = self.year_value(v?, path)?;
                Some(Some(year_day(y)))
            }
            Some(Value::String(s)) => {
                let t = s.trim();
                if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
                    let y = self.year_value(&Value::from(t.parse::<i64>().ok()?), path)?;
                    return Some(Some(year_day(y)));
                }
                match Date::parse(t) {
                    Some(d) => Some(Some(d)),
                    None => {
                        self.push(problem::invalid_validity_day(path, s));
                        None
                    }
                }
            }
            Some(other) => {
                self.wrong_type(path.to_string(), A_YEAR_OR_DAY, Field::of(other));
                None
            }
        }
    }

    /// `predecessors`: a list of ids (whole units) or `{ "unit": id, "share": 0.4 }` (a part;
    /// `share` absent or `null` when its size is unknown). `None` on an error.
    fn predecessors(&mut self, v: Option<&Value>, path: &str) -> Option<Vec<Predecessor>> {
        let items = match v {
            None | Some(Value::Null) => return Some(Vec::new()),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(path.to_string(), AN_ARRAY, Field::of(other));
                return None;
            }
        };
        let before = self.errors.len();
        let mut out: Vec<Predecessor> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let at = format!("{path}[{i}]");
            let p = match item {
                Value::String(id) => self.predecessor_id(id, &at),
                Value::Object(_) => self.part(item, &at),
                other => {
                    self.wrong_type(at.clone(), A_PREDECESSOR, Field::of(other));
                    None
                }
            };
            let Some(p) = p else { continue };
            if out.iter().any(|q| q.unit == p.unit) {
                self.push(units_problem::duplicate_predecessor(at, &p.unit));
                continue;
            }
            out.push(p);
        }
        (self.errors.len() == before).then_some(out)
    }

    /// A whole predecessor given by its id alone: a text item of the list, so its errors are
    /// at the item's own path (`$.units[1].predecessors[0]`), which has no field `unit`.
    fn predecessor_id(&mut self, id: &str, at: &str) -> Option<Predecessor> {
        let n = id.chars().count();
        if n > MAX_STRING_CHARS {
            self.push(problem::string_too_long(at, n, MAX_STRING_CHARS));
            return None;
        }
        if id.trim().is_empty() {
            self.push(problem::empty(at, Empty::PredecessorId));
            return None;
        }
        Some(Predecessor {
            unit: id.to_string(),
            share: Share::Whole,
        })
    }

    fn part(&mut self, item: &Value, path: &str) -> Option<Predecessor> {
        let map = self.object(item, path, PREDECESSOR_FIELDS)?;
        let unit = self.string(map, "unit", &path, true);
        let share = match map.get("share") {
            None | Some(Value::Null) => Some(Share::Unknown),
            Some(Value::Number(n)) => match n.as_f64().filter(|s| s.is_finite() && *s > 0.0 && *s <= 1.0) {
                Some(1.0) => Some(Share::Whole),
                Some(s) => Some(Share::Part(s)),
                None => {
                    self.push(units_problem::invalid_share(format!("{path}.share"), &n.to_string()));
                    None
                }
            },
            Some(other) => {
                self.wrong_type(format!("{path}.share"), A_SHARE, Field::of(other));
                None
            }
        };
        Some(Predecessor {
            unit: unit?,
            share: share?,
        })
    }

    /// The checks over all units, each problem reported once, in the input's order.
    fn hierarchy(&mut self, units: &[(usize, Unit)]) {
        let index = UnitIndex::new(units.iter().map(|(_, u)| u));
        // The input position (`$.units[i]`) of the unit at a place of the index.
        let position = |at: usize| -> usize { units.get(index.position(at)).map_or(0, |(i, _)| *i) };
        self.overlapping_ids(&index, &position);
        if self.full() {
            return;
        }
        self.parents(units, &index, &position);
        if self.full() {
            return;
        }
        self.cycles(&index, &position);
        if self.full() {
            return;
        }
        self.lineage(units, &index, &position);
    }

    /// One id for units whose validities overlap (the same id for two units is fine when one
    /// ended before the other began: official codes are reused).
    fn overlapping_ids(&mut self, index: &UnitIndex, position: &dyn Fn(usize) -> usize) {
        let mut clashes: Vec<(usize, usize, &str)> = Vec::new();
        for (k, pair) in index.units.windows(2).enumerate() {
            let [a, b] = pair else { continue };
            if a.id == b.id && a.overlaps_unit(b) {
                let (pa, pb) = (position(k), position(k + 1));
                clashes.push((pa.max(pb), pa.min(pb), a.id.as_str()));
            }
        }
        crate::sort::sort(&mut clashes);
        for (at, first, id) in clashes {
            if self.full() {
                self.stopped();
                return;
            }
            self.push(units_problem::duplicate_unit(at, first, id));
        }
    }

    /// Each parent exists at some time the unit does, at a higher level (or as the city for a
    /// city-level unit).
    fn parents(&mut self, units: &[(usize, Unit)], index: &UnitIndex, position: &dyn Fn(usize) -> usize) {
        for (i, u) in units {
            if self.full() {
                self.stopped();
                return;
            }
            let Some(p) = &u.parent else { continue };
            let range = index.of_id(p);
            if range.is_empty() {
                self.push(units_problem::unknown_parent(*i, p));
                continue;
            }
            let mut overlapping = range
                .filter_map(|k| index.get(k).map(|pu| (k, pu)))
                .filter(|(_, pu)| pu.overlaps_unit(u))
                .peekable();
            if overlapping.peek().is_none() {
                self.push(units_problem::parent_not_valid(*i, p, &u.id));
                continue;
            }
            if let Some((bad_at, bad)) = overlapping.find(|(_, pu)| !parent_level_allowed(pu.level, u.level)) {
                self.push(units_problem::parent_level(
                    *i,
                    (p, bad.level),
                    (&u.id, u.level),
                    position(bad_at),
                ));
            }
        }
    }

    /// Parent links that loop back. Every other parent sits at a higher level, so only
    /// city-level units can form a cycle; each chain is followed once (linear).
    fn cycles(&mut self, index: &UnitIndex, position: &dyn Fn(usize) -> usize) {
        // Each id once: the parent id of its city-level units.
        let mut ids: Vec<(&str, Option<&str>)> = index
            .units
            .iter()
            .filter(|u| u.level == Level::City)
            .map(|u| (u.id.as_str(), u.parent.as_deref()))
            .collect();
        ids.dedup_by(|b, a| {
            a.0 == b.0 && {
                a.1 = a.1.or(b.1);
                true
            }
        });
        let find = |id: &str| ids.binary_search_by(|e| e.0.cmp(id)).ok();
        let mut done = vec![false; ids.len()];
        let mut on_chain = vec![false; ids.len()];
        for start in 0..ids.len() {
            let mut chain: Vec<usize> = Vec::new();
            let mut cur = Some(start);
            while let Some(k) = cur {
                if done.get(k).copied().unwrap_or(true) {
                    break;
                }
                if on_chain.get(k).copied().unwrap_or(false) {
                    let from = chain.iter().position(|c| *c == k).unwrap_or(0);
                    let cycle = chain.get(from..).unwrap_or_default();
                    let id_at = |c: usize| ids.get(c).map_or("", |e| e.0);
                    let first = cycle
                        .iter()
                        .copied()
                        .min_by(|a, b| id_at(*a).cmp(id_at(*b)))
                        .unwrap_or(k);
                    let at = index.of_id(id_at(first)).next().map_or(0, position);
                    let named: Vec<&str> = cycle.iter().take(NAMED_IN_A_CYCLE).map(|c| id_at(*c)).collect();
                    self.push(units_problem::unit_cycle(at, &named, cycle.len(), id_at(k)));
                    break;
                }
                chain.push(k);
                if let Some(o) = on_chain.get_mut(k) {
                    *o = true;
                }
                cur = ids.get(k).and_then(|e| e.1).and_then(find);
            }
            for k in chain {
                if let Some(o) = on_chain.get_mut(k) {
                    *o = false;
                }
                if let Some(d) = done.get_mut(k) {
                    *d = true;
                }
            }
            if self.full() {
                self.stopped();
                return;
            }
        }
    }

    /// Lineage: a successor has a first day; each predecessor existed on the day before it;
    /// a predecessor's shares over all its successors add up to at most 1.
    fn lineage(&mut self, units: &[(usize, Unit)], index: &UnitIndex, position: &dyn Fn(usize) -> usize) {
        // Shares given out by each unit of the index, and to whom.
        let mut given: Vec<(f64, Vec<usize>)> = vec![(0.0, Vec::new()); index.len()];
        for (i, u) in units {
            if u.predecessors.is_empty() {
                continue;
            }
            if self.full() {
                self.stopped();
                return;
            }
            let Some(from) = u.valid_from else {
                self.push(units_problem::predecessors_without_start(*i, &u.id));
                continue;
            };
            let day = from.previous_day();
            for (k, p) in u.predecessors.iter().enumerate() {
                let path = format!("$.units[{i}].predecessors[{k}]");
                match index.predecessor(u, &p.unit) {
                    Some(at) => {
                        if let Some(g) = given.get_mut(at) {
                            g.0 += p.share.factor().unwrap_or(0.0);
                            g.1.push(*i);
                        }
                    }
                    None => self.unresolved_predecessor(index, u, &p.unit, day, path),
                }
            }
        }
        for (at, (sum, successors)) in given.iter().enumerate() {
            // Shares are written with a few decimals: a sum of 1.0000000001 is still whole.
            if *sum <= 1.0 + 1e-9 {
                continue;
            }
            let Some(u) = index.get(at) else { continue };
            let list = successors
                .iter()
                .map(|s| format!("`$.units[{s}]`"))
                .collect::<Vec<_>>()
                .join(", ");
            self.push(units_problem::predecessor_shares_above_one(
                position(at),
                &u.id,
                &list,
                *sum,
            ));
        }
    }

    fn unresolved_predecessor(&mut self, index: &UnitIndex, u: &Unit, id: &str, day: Date, path: String) {
        let why = if !index.knows(id) {
            Unresolved::Unknown
        } else if id == u.id {
            Unresolved::OwnId
        } else if leads_back(index, id, &u.id) {
            Unresolved::Cycle
        } else {
            Unresolved::NotBefore
        };
        self.push(units_problem::unresolved_predecessor(
            path,
            why,
            &u.id,
            id,
            &day.to_string(),
        ));
    }
}

/// Whether the units of `from` are formed, through predecessors (by id, at most 64 ids
/// deep), from `target`.
fn leads_back(index: &UnitIndex, from: &str, target: &str) -> bool {
    let mut seen: Vec<&str> = Vec::new();
    let mut queue: Vec<&str> = vec![from];
    while let Some(id) = queue.pop() {
        if seen.len() >= 64 || seen.contains(&id) {
            continue;
        }
        seen.push(id);
        for at in index.of_id(id) {
            for p in index.get(at).map(|u| u.predecessors.as_slice()).unwrap_or_default() {
                if p.unit == target {
                    return true;
                }
                queue.push(&p.unit);
            }
        }
    }
    false
}
