//! A look at a JavaScript value before it is converted: the conversion recurses, so an object
//! nested 100 000 deep, or one that contains itself, would overflow the WebAssembly stack and
//! kill the module for the whole page. The walk here is iterative and runs in JavaScript (one
//! crossing, not one per value). It also refuses what the conversion would silently change or
//! could not survive:
//! - `NaN` and `±Infinity`, which the conversion turns into `null` (an absent value);
//! - a list longer than the input could ever need (a sparse `new Array(2 ** 32 - 1)`), and
//!   more values in all than [`MAX_VALUES`] (an object graph that shares its parts can
//!   be exponentially larger than it looks);
//! - text with a broken character (an unpaired UTF-16 surrogate, which is not Unicode);
//! - functions, symbols, BigInts, `Map`s and `Set`s, which are not JSON data (converted
//!   through JSON, a `Map` would become `{}` and its entries would be lost);
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

#[wasm_bindgen(inline_js = r#"
const clip = (k) => (k.length > 80 ? k.slice(0, 80) + '…' : k);
const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const broken = (s) => (typeof s.isWellFormed === 'function' ? !s.isWellFormed() : lone.test(s));
// Returns [kind, path, detail]: kind `ok` (detail: the length of every string and key),
// `too_deep`, `not_finite`, `broken_text`, `not_data` (a function, a symbol, a BigInt, a Map or a Set;
// detail: which), `too_long` (detail: the length), `too_many`, `unreadable` (detail: the
// message). Paths are built only when `paths` is true: the second walk, after
// a problem was found.
export function inspect(root, maxDepth, maxItems, maxValues, paths) {
  const values = [root], depths = [0], names = [paths ? '$' : ''];
  let size = 0, count = 0, p = '$', at = '$';
  try {
    while (values.length > 0) {
      const v = values.pop(), d = depths.pop();
      p = at = names.pop();
      if (++count > maxValues) return ['too_many', '$', count];
      const t = typeof v;
      if (t === 'number') {
        if (!Number.isFinite(v)) return ['not_finite', p, 0];
        continue;
      }
      if (t === 'string') {
        if (broken(v)) return ['broken_text', p, 0];
        size += v.length;
        continue;
      }
      if (t === 'function' || t === 'symbol') return ['not_data', p, t];
      if (t === 'bigint') return ['not_data', p, 'BigInt'];
      if (v === null || t !== 'object' || ArrayBuffer.isView(v) || v instanceof ArrayBuffer) continue;
      if (d >= maxDepth) return ['too_deep', p, 0];
      if (Array.isArray(v)) {
        if (v.length > maxItems) return ['too_long', p, v.length];
        for (let i = v.length - 1; i >= 0; i--) {
          if (paths) at = p + '[' + i + ']';
          values.push(v[i]); depths.push(d + 1); names.push(at);
        }
      } else if (v instanceof Map || v instanceof Set) {
        // JSON has no such thing: `JSON.stringify` would make it `{}`, losing its entries.
        return ['not_data', p, v instanceof Map ? 'Map' : 'Set'];
      } else {
        const keys = Object.keys(v);
        for (let i = keys.length - 1; i >= 0; i--) {
          const k = keys[i];
          if (broken(k)) return ['broken_text', p, 0];
          size += k.length;
          if (paths) at = p + '.' + clip(k);
          values.push(v[k]); depths.push(d + 1); names.push(at);
        }
      }
    }
  } catch (e) {
    return ['unreadable', paths ? at : '$', String((e && e.message) || e)];
  }
  return ['ok', '$', size];
}
"#)]
extern "C" {
    fn inspect(root: &JsValue, max_depth: usize, max_items: usize, max_values: usize, paths: bool) -> js_sys::Array;
}

/// What the value is about to become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Door {
    /// An evaluation input (or a CSV's options).
    Input,
    /// A rule pack.
    RulePack,
}

/// Refuses a value the conversion could not take faithfully, with a structured error.
pub(super) fn check(value: &JsValue, door: Door) -> Result<(), JsValue> {
    let depth = match door {
        Door::Input => MAX_DEPTH,
        Door::RulePack => MAX_RULE_PACK_DEPTH,
    };
    let found = inspect(value, depth, MAX_OBSERVATIONS, MAX_VALUES, false);
    let kind = found.get(0).as_string().unwrap_or_default();
    if kind == "ok" {
        let size = found.get(2).as_f64().unwrap_or(0.0);
        #[allow(clippy::cast_precision_loss)]
        if door == Door::RulePack && size > MAX_RULE_PACK_BYTES as f64 {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            return Err(super::into_js_error(crate::plan::too_large(size as usize).into()));
        }
        return Ok(());
    }
    // Walk again, this time naming the path (rare, so the common case builds no strings).
    let found = inspect(value, depth, MAX_OBSERVATIONS, MAX_VALUES, true);
    let path = found.get(1).as_string().unwrap_or_else(|| "$".to_string());
    let detail = found.get(2);
    Err(super::into_js_error(problem(&kind, path, &detail, door).into()))
}

fn problem(kind: &str, path: String, detail: &JsValue, door: Door) -> Error {
    let number = detail.as_f64().unwrap_or(0.0);
    let input = door == Door::Input;
    let (vi_what, en_what) = if input {
        ("dữ liệu đầu vào", "the input")
    } else {
        ("bộ quy tắc", "the rule pack")
    };
    match kind {
        "too_deep" if input => crate::data::too_deep(path),
        "too_deep" => crate::plan::too_deep(path),
        "not_finite" => Error::new(
            if input {
                ErrorCode::InputNotANumber
            } else {
                ErrorCode::RulePackNotANumber
            },
            path,
            "giá trị phải là một số hữu hạn, không phải `NaN` hay `Infinity`",
            "the value must be a finite number, not `NaN` or `Infinity`",
        ),
        "broken_text" => Error::new(
            if input {
                ErrorCode::InputInvalidText
            } else {
                ErrorCode::RulePackInvalidJson
            },
            path,
            "chuỗi có ký tự hỏng (nửa cặp UTF-16 đứng một mình), không đọc được",
            "the text has a broken character (an unpaired UTF-16 surrogate) and cannot be read",
        ),
        "not_data" => {
            let what = detail.as_string().unwrap_or_default();
            Error::new(
                if input {
                    ErrorCode::InputInvalidType
                } else {
                    ErrorCode::RulePackInvalidJson
                },
                path,
                format!(
                    "giá trị phải là dữ liệu JSON (chuỗi, số, true/false, đối tượng hoặc mảng), không phải `{what}`"
                ),
                format!("the value must be JSON data (a string, number, true/false, object or array), not a `{what}`"),
            )
        }
        "too_long" | "too_many" => {
            let (vi, en) = if kind == "too_long" {
                (
                    format!("danh sách có {number} phần tử, vượt giới hạn {MAX_OBSERVATIONS}"),
                    format!("the list has {number} items, above the limit of {MAX_OBSERVATIONS}"),
                )
            } else {
                (
                    format!("{vi_what} có hơn {MAX_VALUES} giá trị"),
                    format!("{en_what} has more than {MAX_VALUES} values"),
                )
            };
            Error::new(
                if input {
                    ErrorCode::InputTooLarge
                } else {
                    ErrorCode::RulePackTooLarge
                },
                path,
                vi,
                en,
            )
        }
        _ => {
            let message = crate::data::clip(&detail.as_string().unwrap_or_default());
            Error::new(
                if input {
                    ErrorCode::InputInvalid
                } else {
                    ErrorCode::RulePackInvalidJson
                },
                path,
                format!("không đọc được {vi_what}: `{message}`"),
                format!("{en_what} cannot be read: `{message}`"),
            )
        }
    }
}
