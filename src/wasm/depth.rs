//! The one reading of a JavaScript argument (an input, a CSV's options, a rule pack): a walk
//! (`inspect.js`) that reads every value exactly once and copies it into plain data, which is
//! then what is converted. Reading the caller's value a second time would let a getter, a
//! `Proxy` or a reactive framework's computed value (MobX, Vue, a lazy loader) answer one
//! thing to the checks and another to the conversion: a `NaN`, a `Map`, a broken character,
//! or an object that contains itself, whose conversion recurses until the WebAssembly stack
//! overflows and the module dies for the whole page. The walk is iterative and runs in
//! JavaScript (one crossing, not one per value). It refuses what the conversion would
//! silently change or could not survive:
//! - an object nested deeper than the door allows, or one that contains itself;
//! - `NaN` and `±Infinity`, which the conversion turns into `null` (an absent value);
//! - a list longer than the input could ever need (a sparse `new Array(2 ** 32 - 1)`), and
//!   more values in all than [`MAX_VALUES`] (an object graph that shares its parts can
//!   be exponentially larger than it looks);
//! - text with a broken character (an unpaired UTF-16 surrogate, which is not Unicode);
//! - what is not JSON data: functions, symbols, BigInts, `Map`s and `Set`s, typed arrays,
//!   boxed numbers and strings, `Date`s and anything else with a `toJSON` (through JSON a
//!   `Map` would become `{}`, a `Number(NaN)` `null`, a `toJSON` whatever it returns);
//! - a value whose reading throws (a getter, a revoked `Proxy`): the error would otherwise
//!   unwind through Rust and leave the engine unusable;
//! - for rule packs, strings and keys longer together than a pack's text may be.

use wasm_bindgen::prelude::*;

use crate::data::{MAX_DEPTH, MAX_OBSERVATIONS};
use crate::error::{Error, ErrorCode};
use crate::plan::{MAX_RULE_PACK_BYTES, MAX_RULE_PACK_DEPTH};

/// At most this many values (objects, arrays, strings, numbers…) in one JavaScript input:
/// room for [`MAX_OBSERVATIONS`] observations of 10 fields each and their units.
pub const MAX_VALUES: usize = 12 * MAX_OBSERVATIONS;

#[wasm_bindgen(module = "/src/wasm/inspect.js")]
extern "C" {
    fn inspect(root: &JsValue, max_depth: usize, max_items: usize, max_values: usize, columns: bool) -> js_sys::Array;
}

/// What the value is about to become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Door {
    /// An evaluation input (or a CSV's options).
    Input,
    /// A rule pack.
    RulePack,
}

/// What the walk found wrong, by the names `inspect.js` gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    TooDeep,
    NotFinite,
    BrokenText,
    NotData,
    TooLong,
    TooMany,
    Unreadable,
}

impl Problem {
    fn parse(kind: &str) -> Problem {
        match kind {
            "too_deep" => Problem::TooDeep,
            "not_finite" => Problem::NotFinite,
            "broken_text" => Problem::BrokenText,
            "not_data" => Problem::NotData,
            "too_long" => Problem::TooLong,
            "too_many" => Problem::TooMany,
            _ => Problem::Unreadable,
        }
    }
}

impl Door {
    fn max_depth(self) -> usize {
        match self {
            Door::Input => MAX_DEPTH,
            Door::RulePack => MAX_RULE_PACK_DEPTH,
        }
    }

    /// The code of each problem at this door: the one table of them.
    fn code(self, problem: Problem) -> ErrorCode {
        use ErrorCode as C;
        match (self, problem) {
            (Door::Input, Problem::TooDeep) => C::InputTooDeep,
            (Door::Input, Problem::NotFinite) => C::InputNotANumber,
            (Door::Input, Problem::BrokenText) => C::InputInvalidText,
            (Door::Input, Problem::NotData) => C::InputInvalidType,
            (Door::Input, Problem::TooLong | Problem::TooMany) => C::InputTooLarge,
            (Door::Input, Problem::Unreadable) => C::InputInvalid,
            (Door::RulePack, Problem::TooDeep) => C::RulePackTooDeep,
            (Door::RulePack, Problem::NotFinite) => C::RulePackNotANumber,
            (Door::RulePack, Problem::TooLong | Problem::TooMany) => C::RulePackTooLarge,
            (Door::RulePack, Problem::BrokenText | Problem::NotData | Problem::Unreadable) => C::RulePackInvalidJson,
        }
    }

    /// What the value is, in both languages.
    fn what(self) -> (&'static str, &'static str) {
        match self {
            Door::Input => ("dữ liệu đầu vào", "the input"),
            Door::RulePack => ("bộ quy tắc", "the rule pack"),
        }
    }
}

/// The value read once, as plain data that nothing else can reach (see `inspect.js`), or a
/// structured error for what the conversion could not take faithfully.
pub(super) fn check(value: &JsValue, door: Door) -> Result<JsValue, Error> {
    read(value, door, false).map(|read| read.copy)
}

/// An evaluation input read once, its observations into columns when they are ordinary.
pub(super) fn check_input(value: &JsValue) -> Result<Read, Error> {
    read(value, Door::Input, true)
}

/// What [`check_input`] read (see `columns.rs`).
pub(super) struct Read {
    /// The input as plain data; its `observations` are `undefined` when they are in columns.
    pub copy: JsValue,
    /// The columns as `columns.rs` reads them, or `undefined`.
    pub columns: JsValue,
    /// The columns as `columns.js` keeps them, to put the observations back, or `undefined`.
    pub kept: JsValue,
}

fn read(value: &JsValue, door: Door, columns: bool) -> Result<Read, Error> {
    let found = inspect(value, door.max_depth(), MAX_OBSERVATIONS, MAX_VALUES, columns);
    let kind = found.get(0).as_string().unwrap_or_default();
    if kind == "ok" {
        let size = found.get(2).as_f64().unwrap_or(0.0);
        #[allow(clippy::cast_precision_loss)]
        if door == Door::RulePack && size > MAX_RULE_PACK_BYTES as f64 {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            return Err(crate::plan::too_large(size as usize));
        }
        return Ok(Read {
            copy: found.get(3),
            columns: found.get(4),
            kept: found.get(5),
        });
    }
    let path = found.get(1).as_string().unwrap_or_else(|| "$".to_string());
    Err(problem(Problem::parse(&kind), path, &found.get(2), door))
}

fn problem(problem: Problem, path: String, detail: &JsValue, door: Door) -> Error {
    let number = detail.as_f64().unwrap_or(0.0);
    let text = crate::data::clip(&detail.as_string().unwrap_or_default());
    let (vi_what, en_what) = door.what();
    let code = door.code(problem);
    match problem {
        Problem::TooDeep if door == Door::Input => crate::data::too_deep(path),
        Problem::TooDeep => crate::plan::too_deep(path),
        Problem::NotFinite => Error::new(
            code,
            path,
            "giá trị phải là một số hữu hạn, không phải `NaN` hay `Infinity`",
            "the value must be a finite number, not `NaN` or `Infinity`",
        ),
        Problem::BrokenText => Error::new(
            code,
            path,
            "chuỗi có ký tự hỏng (nửa cặp UTF-16 đứng một mình), không đọc được",
            "the text has a broken character (an unpaired UTF-16 surrogate) and cannot be read",
        ),
        Problem::NotData => {
            let what = match text.as_str() {
                "toJSON" => ("một đối tượng có `toJSON`", "an object with a `toJSON` method"),
                "Date" => (
                    "một `Date` (hãy ghi ngày dạng chuỗi `YYYY-MM-DD`)",
                    "a `Date` (give dates as text, `YYYY-MM-DD`)",
                ),
                _ => ("", ""),
            };
            let (vi, en) = if what.0.is_empty() {
                (format!("`{text}`"), format!("a `{text}`"))
            } else {
                (what.0.to_string(), what.1.to_string())
            };
            Error::new(
                code,
                path,
                format!("giá trị phải là dữ liệu JSON (chuỗi, số, true/false, đối tượng hoặc mảng), không phải {vi}"),
                format!("the value must be JSON data (a string, number, true/false, object or array), not {en}"),
            )
        }
        Problem::TooLong => Error::new(
            code,
            path,
            format!("danh sách có {number} phần tử, vượt giới hạn {MAX_OBSERVATIONS}"),
            format!("the list has {number} items, above the limit of {MAX_OBSERVATIONS}"),
        ),
        Problem::TooMany => Error::new(
            code,
            path,
            format!("{vi_what} có hơn {MAX_VALUES} giá trị"),
            format!("{en_what} has more than {MAX_VALUES} values"),
        ),
        Problem::Unreadable if text.is_empty() => Error::new(
            code,
            path,
            format!("không đọc được {vi_what}: đọc giá trị này gây ra lỗi"),
            format!("{en_what} cannot be read: reading this value throws"),
        ),
        Problem::Unreadable => Error::new(
            code,
            path,
            format!("không đọc được {vi_what}: đọc giá trị này gây ra lỗi `{text}`"),
            format!("{en_what} cannot be read: reading this value throws `{text}`"),
        ),
    }
}
