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
use crate::error::values::ValueProblem;
use crate::error::Error;
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
    /// A rule pack (`fromPlan`, `fromPlans`: not in the widgets' build).
    #[cfg_attr(not(feature = "rule-packs"), allow(dead_code))]
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
    let value = match problem {
        Problem::TooDeep if door == Door::Input => return crate::data::too_deep(path),
        Problem::TooDeep => return crate::plan::too_deep(path),
        Problem::NotFinite => ValueProblem::NotFinite,
        Problem::BrokenText => ValueProblem::BrokenText,
        Problem::NotData => ValueProblem::NotData { text: &text },
        Problem::TooLong => ValueProblem::TooLong {
            number,
            max: MAX_OBSERVATIONS,
        },
        Problem::TooMany => ValueProblem::TooMany { max: MAX_VALUES },
        Problem::Unreadable => ValueProblem::Unreadable { text: &text },
    };
    match door {
        Door::Input => crate::error::input::js_value(path, value),
        Door::RulePack => crate::error::rule_pack::js_value(path, value),
    }
}
