//! The administrative hierarchy over time: units with a validity (from a day to a day), their
//! parents, and their lineage (the units each was formed from).
//!
//! Cần Thơ's 2025 reorganisation is the case this is built for: districts ended on 30 June
//! 2025; 80 old communes became 32 new ones on 1 July 2025, each taking the official code of
//! one of the units it was formed from. So one id may name several units whose validities do
//! not overlap; a figure belongs to the unit of its id valid in its period (the one valid at
//! the period's end when two are), and the hierarchy on a day is made of the units valid that
//! day.

use std::collections::HashMap;

use super::period::{Date, Period};
use crate::sort::sort_by;
use crate::vocab::Level;

/// A unit of the administrative hierarchy ("đơn vị hành chính"), valid from `valid_from` to
/// `valid_to`, both days included, open where absent. A year given as `validFrom` means its
/// 1 January, as `validTo` its 31 December.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub level: Level,
    pub parent: Option<String>,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    /// The units it was formed from ("hình thành trên cơ sở"), empty for most.
    pub predecessors: Vec<Predecessor>,
}

/// One unit another was formed from, and how much of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Predecessor {
    pub unit: String,
    pub share: Share,
}

/// How much of a predecessor went into its successor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Share {
    /// All of it (a predecessor named by its id alone).
    Whole,
    /// A part, above 0 and at most 1: its numerators, denominators and counts are scaled.
    Part(f64),
    /// A part of unknown size (a divided ward whose split the resolution does not give): its
    /// history is not estimated.
    Unknown,
}

impl Share {
    /// The factor, where it is known.
    pub fn factor(self) -> Option<f64> {
        match self {
            Share::Whole => Some(1.0),
            Share::Part(s) => Some(s),
            Share::Unknown => None,
        }
    }
}

impl Unit {
    /// Whether the unit exists on `day`.
    pub fn valid_on(&self, day: Date) -> bool {
        self.valid_from.map_or(true, |f| f <= day) && self.valid_to.map_or(true, |t| day <= t)
    }

    /// Whether the unit exists on some day from `from` to `to`.
    pub fn overlaps(&self, from: Date, to: Date) -> bool {
        self.valid_from.map_or(true, |f| f <= to) && self.valid_to.map_or(true, |t| from <= t)
    }

    /// Whether the unit exists on some day of `year`.
    pub fn valid_in(&self, year: i32) -> bool {
        self.overlaps(Date::start_of_year(year), Date::end_of_year(year))
    }

    /// Whether the unit exists on some day of `period`.
    pub fn valid_in_period(&self, period: Period) -> bool {
        self.overlaps(period.start(), period.end())
    }

    /// Whether two units exist on a common day.
    pub fn overlaps_unit(&self, other: &Unit) -> bool {
        let from = match (self.valid_from, other.valid_from) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let to = match (self.valid_to, other.valid_to) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match (from, to) {
            (Some(f), Some(t)) => f <= t,
            _ => true,
        }
    }

    /// The day the hierarchy of `year` is read for this unit: the year's last day, or the
    /// unit's own last day when it ends before.
    pub fn reference_day(&self, year: i32) -> Date {
        let end = Date::end_of_year(year);
        self.valid_to.map_or(end, |t| t.min(end))
    }
}

/// Whether `parent` may be the parent of `child`: a higher level, or a city-level unit under
/// the city (its departments and People's Committee are city-level too); a unit of the kind
/// `department` (format 2) has the city as its parent, and no units under it.
pub fn parent_level_allowed(parent: Level, child: Level) -> bool {
    match (parent, child) {
        (Level::City, Level::Department) => true,
        (_, Level::Department) | (Level::Department, _) => false,
        _ => parent < child || (parent == Level::City && child == Level::City),
    }
}

/// The units sorted by id and then by first day, for finding the unit of an id on a day.
/// Ids of several units (reused codes) are few and short-lived, so every query is one hash
/// lookup of the id's units and a scan of them: constant time, where a binary search over
/// 100 000 ids compared strings 34 times per query (a tenth of an evaluation at that size).
#[derive(Debug, Clone)]
pub struct UnitIndex<'a> {
    /// Sorted by (id, first day); `None` (open) first.
    pub units: Vec<&'a Unit>,
    /// The position of each unit in the list it was made from.
    pub positions: Vec<usize>,
    /// Each id: the first and one past the last of its units in `units`.
    ids: HashMap<&'a str, (u32, u32)>,
}

impl<'a> UnitIndex<'a> {
    pub fn new(units: impl IntoIterator<Item = &'a Unit>) -> UnitIndex<'a> {
        let mut pairs: Vec<(usize, &Unit)> = units.into_iter().enumerate().collect();
        sort_by(&mut pairs, |(_, a), (_, b)| {
            (a.id.as_str(), a.valid_from).cmp(&(b.id.as_str(), b.valid_from))
        });
        let mut ids: HashMap<&'a str, (u32, u32)> = HashMap::with_capacity(pairs.len());
        // At most `MAX_UNITS` units reach here; positions beyond `u32` are never looked up.
        for (at, (_, u)) in (0u32..).zip(&pairs) {
            ids.entry(u.id.as_str())
                .and_modify(|range| range.1 = at.saturating_add(1))
                .or_insert((at, at.saturating_add(1)));
        }
        UnitIndex {
            positions: pairs.iter().map(|(i, _)| *i).collect(),
            units: pairs.into_iter().map(|(_, u)| u).collect(),
            ids,
        }
    }

    /// The position in the original list of the unit at `at`.
    pub fn position(&self, at: usize) -> usize {
        self.positions.get(at).copied().unwrap_or(0)
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    pub fn get(&self, at: usize) -> Option<&'a Unit> {
        self.units.get(at).copied()
    }

    /// The positions of the units of `id`, in order of their first day (empty for an id no
    /// unit has).
    pub fn of_id(&self, id: &str) -> std::ops::Range<usize> {
        match self.ids.get(id) {
            Some(&(start, end)) => start as usize..end as usize,
            None => 0..0,
        }
    }

    /// Whether some unit has the id.
    pub fn knows(&self, id: &str) -> bool {
        !self.of_id(id).is_empty()
    }

    /// The unit of `id` that exists on `day`.
    pub fn on(&self, id: &str, day: Date) -> Option<usize> {
        self.of_id(id).find(|&i| self.get(i).is_some_and(|u| u.valid_on(day)))
    }

    /// The unit of `id` a figure for `period` belongs to: the one valid at the period's end,
    /// or else the last one that exists during the period.
    pub fn for_period(&self, id: &str, period: Period) -> Option<usize> {
        let range = self.of_id(id);
        let end = period.end();
        range
            .clone()
            .find(|&i| self.get(i).is_some_and(|u| u.valid_on(end)))
            .or_else(|| {
                range
                    .rev()
                    .find(|&i| self.get(i).is_some_and(|u| u.valid_in_period(period)))
            })
    }

    /// The unit a predecessor reference of `successor` names: the unit of that id that
    /// existed on the day before the successor began (`None` without such a unit, or when the
    /// successor has no first day).
    pub fn predecessor(&self, successor: &Unit, id: &str) -> Option<usize> {
        let day = successor.valid_from?.previous_day();
        self.on(id, day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, from: Option<&str>, to: Option<&str>) -> Unit {
        Unit {
            id: id.to_string(),
            name: id.to_string(),
            level: Level::Commune,
            parent: None,
            valid_from: from.and_then(Date::parse),
            valid_to: to.and_then(Date::parse),
            predecessors: Vec::new(),
        }
    }

    #[test]
    fn a_reused_id_names_the_unit_of_the_period() {
        let old = unit("tan_an", None, Some("2025-06-30"));
        let new = unit("tan_an", Some("2025-07-01"), None);
        let other = unit("an_hoa", None, None);
        let index = UnitIndex::new([&new, &other, &old]);
        let at = |p: &str| {
            index
                .for_period("tan_an", Period::parse(p).unwrap())
                .and_then(|i| index.get(i))
        };
        assert_eq!(at("2024").map(|u| u.valid_to), Some(old.valid_to));
        assert_eq!(at("2025-H1").map(|u| u.valid_to), Some(old.valid_to));
        // A year across the change belongs to the unit valid at its end.
        assert_eq!(at("2025").map(|u| u.valid_from), Some(new.valid_from));
        assert_eq!(at("2025-Q3").map(|u| u.valid_from), Some(new.valid_from));
        // Its predecessor of the same id is the earlier unit.
        let p = index.predecessor(&new, "tan_an").and_then(|i| index.get(i));
        assert_eq!(p.map(|u| u.valid_to), Some(old.valid_to));
        assert!(index.of_id("nowhere").is_empty());
        assert_eq!(index.of_id("tan_an"), 1..3);
    }

    #[test]
    fn validity_by_day() {
        let u = unit("x", Some("2025-07-01"), Some("2025-12-31"));
        assert!(!u.valid_on(Date::parse("2025-06-30").unwrap()));
        assert!(u.valid_in(2025) && !u.valid_in(2024));
        assert!(u.valid_in_period(Period::parse("2025-Q3").unwrap()));
        assert!(!u.valid_in_period(Period::parse("2025-H1").unwrap()));
        assert_eq!(u.reference_day(2025), Date::parse("2025-12-31").unwrap());
        let ended = unit("d", None, Some("2025-06-30"));
        assert_eq!(ended.reference_day(2025), Date::parse("2025-06-30").unwrap());
        assert!(!ended.overlaps_unit(&u));
        assert!(ended.overlaps_unit(&unit("e", None, None)));
    }

    #[test]
    fn parents_sit_higher_except_within_the_city() {
        assert!(parent_level_allowed(Level::City, Level::District));
        assert!(parent_level_allowed(Level::City, Level::Commune));
        assert!(parent_level_allowed(Level::City, Level::City));
        assert!(parent_level_allowed(Level::District, Level::Commune));
        assert!(!parent_level_allowed(Level::District, Level::District));
        assert!(!parent_level_allowed(Level::Commune, Level::City));
        assert!(!parent_level_allowed(Level::Commune, Level::Commune));
        assert!(parent_level_allowed(Level::City, Level::Department));
        assert!(!parent_level_allowed(Level::Commune, Level::Department));
        assert!(!parent_level_allowed(Level::District, Level::Department));
        assert!(!parent_level_allowed(Level::Department, Level::Commune));
    }
}
