//! The wording of the errors of an input's units (`INPUT_…` of units, their parents and
//! their lineage): one constructor per code (or per situation of a code), each with its
//! sentences in Vietnamese and English. `data::input::units` says what is wrong and where.

use super::{clip, Error, ErrorCode};
use crate::messages::{format_trimmed, Locale};
use crate::vocab::Level;

pub(crate) fn too_many_units(n: usize, max: usize) -> Error {
    Error::new(
        ErrorCode::InputTooManyUnits,
        "$.units",
        format!("có {n} đơn vị, vượt giới hạn {max}"),
        format!("there are {n} units, above the limit of {max}"),
    )
}

pub(crate) fn unknown_level(path: impl Into<String>, text: &str) -> Error {
    Error::new(
        ErrorCode::InputUnknownLevel,
        path,
        format!(
            "cấp `{}` không hợp lệ; chỉ nhận `city`, `district`, `commune`, `department`",
            clip(text)
        ),
        format!(
            "level `{}` is not valid; expected `city`, `district`, `commune` or `department`",
            clip(text)
        ),
    )
}

/// A unit whose last day (`to`) is before its first (`from`), both as dates are written.
pub(crate) fn invalid_validity(path: impl Into<String>, from: &str, to: &str) -> Error {
    Error::new(
        ErrorCode::InputInvalidValidity,
        path,
        format!("ngày kết thúc `{to}` trước ngày bắt đầu `{from}`"),
        format!("the last day `{to}` is before the first day `{from}`"),
    )
}

pub(crate) fn duplicate_predecessor(path: impl Into<String>, id: &str) -> Error {
    Error::new(
        ErrorCode::InputDuplicatePredecessor,
        path,
        format!("đơn vị `{}` đã có trong danh sách đơn vị tiền thân", clip(id)),
        format!("`{}` is already in the list of predecessors", clip(id)),
    )
}

/// A share that is not above 0 and at most 1 (`shown` as JSON wrote it).
pub(crate) fn invalid_share(path: impl Into<String>, shown: &str) -> Error {
    Error::new(
        ErrorCode::InputInvalidShare,
        path,
        format!("phần `{shown}` phải lớn hơn 0 và không quá 1 (hoặc `null` nếu chưa biết)"),
        format!("share `{shown}` must be above 0 and at most 1 (or `null` when unknown)"),
    )
}

/// Unit `id` at `$.units[at]` is used for a time that overlaps the one at `$.units[first]`.
pub(crate) fn duplicate_unit(at: usize, first: usize, id: &str) -> Error {
    let id = clip(id);
    Error::new(
        ErrorCode::InputDuplicateUnit,
        format!("$.units[{at}].id"),
        format!(
            "mã đơn vị `{id}` đã dùng ở `$.units[{first}]` trong cùng thời gian; một mã chỉ được dùng lại khi đơn vị trước đã kết thúc (`validTo`) trước ngày đơn vị sau bắt đầu (`validFrom`)"
        ),
        format!(
            "unit id `{id}` is already used at `$.units[{first}]` for an overlapping time; an id may be reused only when the earlier unit ends (`validTo`) before the later one begins (`validFrom`)"
        ),
    )
}

pub(crate) fn unknown_parent(at: usize, parent: &str) -> Error {
    Error::new(
        ErrorCode::InputUnknownParent,
        format!("$.units[{at}].parent"),
        format!("đơn vị cấp trên `{}` không có trong danh sách đơn vị", clip(parent)),
        format!("parent unit `{}` is not in the list of units", clip(parent)),
    )
}

pub(crate) fn parent_not_valid(at: usize, parent: &str, unit: &str) -> Error {
    Error::new(
        ErrorCode::InputParentNotValid,
        format!("$.units[{at}].parent"),
        format!(
            "đơn vị cấp trên `{}` không tồn tại vào bất kỳ lúc nào `{}` tồn tại",
            clip(parent),
            clip(unit)
        ),
        format!(
            "parent unit `{}` does not exist at any time `{}` exists",
            clip(parent),
            clip(unit)
        ),
    )
}

/// The unit at `$.units[at]` under `parent`, which is at a level that cannot hold it (the
/// parent of that level is at `$.units[parent_at]`).
pub(crate) fn parent_level(at: usize, parent: (&str, Level), unit: (&str, Level), parent_at: usize) -> Error {
    let (p, pl) = (parent.0, parent.1.name());
    let (u, cl) = (unit.0, unit.1.name());
    Error::new(
        ErrorCode::InputParentLevel,
        format!("$.units[{at}].parent"),
        format!(
            "`{}` ({}) không thể là đơn vị cấp trên của `{}` ({}): đơn vị cấp trên phải ở cấp cao hơn (riêng đơn vị cấp thành phố có thể trực thuộc thành phố; xem `$.units[{}]`)",
            clip(p),
            pl.vi,
            clip(u),
            cl.vi,
            parent_at
        ),
        format!(
            "`{}` ({}) cannot be the parent of `{}` ({}): a parent must be at a higher level (only a city-level unit may sit under the city; see `$.units[{}]`)",
            clip(p),
            pl.en,
            clip(u),
            cl.en,
            parent_at
        ),
    )
}

/// Parent links that loop back: `ids` are the first ids of the cycle, `len` its length; when
/// all are named, `back` is the id that closes it.
pub(crate) fn unit_cycle(at: usize, ids: &[&str], len: usize, back: &str) -> Error {
    let mut named: Vec<String> = ids.iter().map(|id| format!("`{}`", clip(id))).collect();
    let more = len.saturating_sub(named.len());
    let (list_vi, list_en) = if more > 0 {
        named.push("…".to_string());
        let l = named.join(" → ");
        (
            format!("{l} ({len} đơn vị trong vòng)"),
            format!("{l} ({len} units in the cycle)"),
        )
    } else {
        named.push(format!("`{}`", clip(back)));
        let l = named.join(" → ");
        (l.clone(), l)
    };
    Error::new(
        ErrorCode::InputUnitCycle,
        format!("$.units[{at}].parent"),
        format!("quan hệ cấp trên tạo thành vòng: {list_vi}"),
        format!("the parent links form a cycle: {list_en}"),
    )
}

pub(crate) fn predecessors_without_start(at: usize, unit: &str) -> Error {
    Error::new(
        ErrorCode::InputPredecessorsWithoutStart,
        format!("$.units[{at}].validFrom"),
        format!(
            "`{}` có đơn vị tiền thân nhưng thiếu ngày bắt đầu `validFrom` (ví dụ `2025-07-01`)",
            clip(unit)
        ),
        format!(
            "`{}` has predecessors but no first day `validFrom` (such as `2025-07-01`)",
            clip(unit)
        ),
    )
}

/// The shares of `unit` (at `$.units[at]`) over its successors (`list`: their paths) add
/// up to `sum`, more than 1.
pub(crate) fn predecessor_shares_above_one(at: usize, unit: &str, list: &str, sum: f64) -> Error {
    Error::new(
        ErrorCode::InputPredecessorSharesAboveOne,
        format!("$.units[{at}]"),
        format!(
            "các phần của `{}` chia cho các đơn vị kế thừa ({list}) cộng lại bằng {}, vượt quá 1",
            clip(unit),
            format_trimmed(sum, 4, Locale::Vi)
        ),
        format!(
            "the shares of `{}` given to its successors ({list}) add up to {}, more than 1",
            clip(unit),
            format_trimmed(sum, 4, Locale::En)
        ),
    )
}

/// Why a predecessor `id` of unit `unit` is not the unit it names on `day` (as written).
pub(crate) enum Unresolved {
    /// No unit has the id.
    Unknown,
    /// The unit names itself and no earlier unit of its id exists.
    OwnId,
    /// The id's units are formed (directly or not) from the unit.
    Cycle,
    /// The id's units did not exist on the day before the unit began.
    NotBefore,
}

pub(crate) fn unresolved_predecessor(
    path: impl Into<String>,
    why: Unresolved,
    unit: &str,
    id: &str,
    day: &str,
) -> Error {
    let (code, vi, en) = match why {
        Unresolved::Unknown => (
            ErrorCode::InputUnknownPredecessor,
            format!("đơn vị tiền thân `{}` không có trong danh sách đơn vị", clip(id)),
            format!("predecessor `{}` is not in the list of units", clip(id)),
        ),
        Unresolved::OwnId => (
            ErrorCode::InputSelfPredecessor,
            format!(
                "`{}` được ghi là hình thành từ chính nó, nhưng không có đơn vị nào cùng mã tồn tại ngày {day}, trước khi nó bắt đầu",
                clip(id)
            ),
            format!(
                "`{}` is named as formed from itself, but no unit of that id existed on {day}, before it began",
                clip(id)
            ),
        ),
        Unresolved::Cycle => (
            ErrorCode::InputLineageCycle,
            format!(
                "quan hệ tiền thân tạo thành vòng: `{}` hình thành từ `{}`, và `{}` (trực tiếp hay gián tiếp) hình thành từ `{}`",
                clip(unit),
                clip(id),
                clip(id),
                clip(unit)
            ),
            format!(
                "the predecessor links form a cycle: `{}` is formed from `{}`, which is formed (directly or not) from `{}`",
                clip(unit),
                clip(id),
                clip(unit)
            ),
        ),
        Unresolved::NotBefore => (
            ErrorCode::InputPredecessorNotBefore,
            format!(
                "đơn vị tiền thân `{}` không tồn tại ngày {day}, ngày trước khi `{}` bắt đầu; đơn vị tiền thân phải tồn tại đến trước đơn vị kế thừa",
                clip(id),
                clip(unit)
            ),
            format!(
                "predecessor `{}` did not exist on {day}, the day before `{}` began; a predecessor must exist up to its successor",
                clip(id),
                clip(unit)
            ),
        ),
    };
    Error::new(code, path, vi, en)
}
