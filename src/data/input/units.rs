//! The units of the administrative hierarchy: each unit read, then the hierarchy checked
//! (duplicate ids, unknown parents, cycles).

use serde_json::Value;

use super::fields::Field;
use super::limits::MAX_UNITS;
use super::reader::{clip, Reader, AN_ARRAY};
use crate::error::ErrorCode;
use crate::plan::Level;
use crate::sort::sort_by;

/// A unit of the administrative hierarchy ("đơn vị hành chính"), valid from `valid_from` to
/// `valid_to` (years, both included). A merger is a new unit valid from the merger's year,
/// and the merged units end the year before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub level: Level,
    pub parent: Option<String>,
    pub valid_from: Option<i32>,
    pub valid_to: Option<i32>,
}

impl Unit {
    pub fn valid_in(&self, year: i32) -> bool {
        self.valid_from.map_or(true, |f| f <= year) && self.valid_to.map_or(true, |t| year <= t)
    }
}

const UNIT_FIELDS: &[&str] = &["id", "name", "level", "parent", "validFrom", "validTo"];

impl Reader {
    pub(super) fn units(&mut self, v: &Value) -> Option<Vec<Unit>> {
        let Value::Array(items) = v else {
            self.wrong_type("$.units".to_string(), AN_ARRAY, Field::of(v));
            return None;
        };
        if items.len() > MAX_UNITS {
            self.push(
                ErrorCode::InputTooManyUnits,
                "$.units".to_string(),
                format!("có {} đơn vị, vượt giới hạn {MAX_UNITS}", items.len()),
                format!("there are {} units, above the limit of {MAX_UNITS}", items.len()),
            );
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
                    self.push(
                        ErrorCode::InputUnknownLevel,
                        format!("{path}.level"),
                        format!(
                            "cấp `{}` không hợp lệ; chỉ nhận `city`, `district`, `commune`",
                            clip(&s)
                        ),
                        format!(
                            "level `{}` is not valid; expected `city`, `district` or `commune`",
                            clip(&s)
                        ),
                    );
                }
                l
            }
        };
        let parent = self.string(map, "parent", &path, false);
        let valid_from = self.year(map, "validFrom", path);
        let valid_to = self.year(map, "validTo", path);
        if let (Some(f), Some(t)) = (valid_from, valid_to) {
            if f > t {
                self.push(
                    ErrorCode::InputInvalidValidity,
                    format!("{path}.validTo"),
                    format!("năm kết thúc `{t}` trước năm bắt đầu `{f}`"),
                    format!("the last year `{t}` is before the first year `{f}`"),
                );
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
        })
    }

    /// Duplicate ids, unknown parents and cycles, each reported once.
    fn hierarchy(&mut self, units: &[(usize, Unit)]) {
        // Each id once, with the position of its first unit, sorted by id; a unit is then
        // known by the position of its id here.
        let mut index: Vec<(&str, usize)> = units.iter().map(|(i, u)| (u.id.as_str(), *i)).collect();
        sort_by(&mut index, |a, b| a.0.cmp(b.0));
        index.dedup_by_key(|e| e.0);
        let find = |id: &str| index.binary_search_by(|e| e.0.cmp(id)).ok();
        let id_at = |k: usize| index.get(k).map_or("", |e| e.0);
        for (i, u) in units {
            let first = find(&u.id).and_then(|k| index.get(k)).map(|e| e.1);
            if let Some(first) = first.filter(|f| f != i) {
                self.push(
                    ErrorCode::InputDuplicateUnit,
                    format!("$.units[{i}].id"),
                    format!("mã đơn vị `{}` đã dùng ở `$.units[{first}]`", clip(&u.id)),
                    format!("unit id `{}` is already used at `$.units[{first}]`", clip(&u.id)),
                );
            }
        }
        // The parent of each id (of its last unit that names one).
        let mut parent_of: Vec<Option<&str>> = vec![None; index.len()];
        for (_, u) in units {
            if let (Some(p), Some(slot)) = (u.parent.as_deref(), find(&u.id).and_then(|k| parent_of.get_mut(k))) {
                *slot = Some(p);
            }
        }
        for (i, u) in units {
            if let Some(p) = &u.parent {
                if find(p).is_none() {
                    self.push(
                        ErrorCode::InputUnknownParent,
                        format!("$.units[{i}].parent"),
                        format!("đơn vị cấp trên `{}` không có trong danh sách đơn vị", clip(p)),
                        format!("parent unit `{}` is not in the list of units", clip(p)),
                    );
                }
            }
        }
        // Follow each chain of parents; a chain that comes back to a unit on it is a cycle.
        let mut done = vec![false; index.len()];
        let mut reported = vec![false; index.len()];
        let mut on_chain = vec![false; index.len()];
        for (_, u) in units {
            let mut chain: Vec<usize> = Vec::new();
            let mut cur = find(&u.id);
            while let Some(k) = cur {
                if done.get(k).copied().unwrap_or(true) {
                    break;
                }
                if on_chain.get(k).copied().unwrap_or(false) {
                    let start = chain.iter().position(|c| *c == k).unwrap_or(0);
                    let cycle: Vec<usize> = chain.iter().skip(start).copied().collect();
                    let first = cycle
                        .iter()
                        .copied()
                        .min_by(|a, b| id_at(*a).cmp(id_at(*b)))
                        .unwrap_or(k);
                    if reported.get_mut(first).is_some_and(|r| !std::mem::replace(r, true)) {
                        let at = index.get(first).map_or(0, |e| e.1);
                        let list = cycle
                            .iter()
                            .map(|c| format!("`{}`", clip(id_at(*c))))
                            .collect::<Vec<_>>()
                            .join(" → ");
                        self.push(
                            ErrorCode::InputUnitCycle,
                            format!("$.units[{at}].parent"),
                            format!("quan hệ cấp trên tạo thành vòng: {list} → `{}`", clip(id_at(k))),
                            format!("the parent links form a cycle: {list} → `{}`", clip(id_at(k))),
                        );
                    }
                    break;
                }
                chain.push(k);
                if let Some(o) = on_chain.get_mut(k) {
                    *o = true;
                }
                cur = parent_of.get(k).copied().flatten().and_then(find);
            }
            for k in chain {
                if let Some(o) = on_chain.get_mut(k) {
                    *o = false;
                }
                if let Some(d) = done.get_mut(k) {
                    *d = true;
                }
            }
        }
    }
}
