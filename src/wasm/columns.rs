//! The fast way in for `engine.evaluate(object)`: the one reading of the input
//! (`inspect.js`) reads its observations with `columns.js` in one JavaScript loop into
//! columns (each distinct text once, the numbers in a typed array), and they are read here as
//! the rows of a CSV export are, by the same reader with the same checks. At the city scale
//! this replaces a walk over the observations, their JSON text and the reading of that text
//! (most of the time of an evaluation from an object).
//!
//! Only an input the reader accepts whole is taken this way: anything `columns.js` does not
//! expect is read on by the walk as any value is, and any error at all sends the input down
//! the JSON way ([`whole`], [`super::snapshot_text`]), which finds and words every error
//! exactly as before. Both take what the one reading read: the caller's object is read once.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::depth::Read;
use crate::data::{CsvRow, Input, RowReader};

#[wasm_bindgen(module = "/src/wasm/columns.js")]
extern "C" {
    #[wasm_bindgen(js_name = restoreObservations)]
    fn restore_observations(copy: &JsValue, kept: &JsValue) -> JsValue;
}

/// Absent text and number cells (see `columns.js`).
const NONE: u32 = u32::MAX;

/// The whole input as plain data: the copy, with its observations put back when they were
/// read into columns (for the JSON way).
pub(super) fn whole(read: &Read) -> JsValue {
    if read.kept.is_undefined() {
        read.copy.clone()
    } else {
        restore_observations(&read.copy, &read.kept)
    }
}

/// The input, when it comes whole through the columns; `None`: take the JSON way. `read` is
/// what `depth::check_input` read (plain data, checked), never the caller's value.
pub(super) fn input(read: &Read) -> Option<Input> {
    let parts = read.columns.dyn_ref::<js_sys::Array>()?;
    let texts = parts.get(2).dyn_into::<js_sys::Uint32Array>().ok()?.to_vec();
    super::arguments::reserve_for(unit_count(&read.copy), texts.len() / 4);
    // The rest (units above all: 100 000 of them at the limit) as JSON text, which reads
    // faster than a walk over the JS objects. Its observations are `undefined`: left out.
    let rest: serde_json::Value = serde_json::from_str(&super::snapshot_text(&read.copy).ok()?).ok()?;
    let text = String::from_utf8(parts.get(0).dyn_into::<js_sys::Uint8Array>().ok()?.to_vec()).ok()?;
    let ends = parts.get(1).dyn_into::<js_sys::Uint32Array>().ok()?.to_vec();
    let numbers = parts.get(3).dyn_into::<js_sys::Float64Array>().ok()?.to_vec();
    let done = parts.get(4).dyn_into::<js_sys::Uint8Array>().ok()?.to_vec();
    let mut strings: Vec<&str> = Vec::with_capacity(ends.len());
    let mut start = 0usize;
    for &end in &ends {
        let end = usize::try_from(end).ok()?;
        strings.push(text.get(start..end)?);
        start = end;
    }
    let serde_json::Value::Object(rest) = rest else {
        return None;
    };
    if rest.contains_key("observations") {
        return None;
    }
    let text_at = |i: u32| -> Option<Option<&str>> {
        if i == NONE {
            return Some(None);
        }
        strings.get(usize::try_from(i).ok()?).copied().map(Some)
    };
    let mut reader = RowReader::new(&rest);
    for (i, d) in done.iter().enumerate() {
        let t = texts.get(i * 4..i * 4 + 4)?;
        let n = numbers.get(i * 6..i * 6 + 6)?;
        let &[ti, tu, tp, ts] = <&[u32; 4]>::try_from(t).ok()?;
        let &[v, nu, de, ra, co, ou] = <&[f64; 6]>::try_from(n).ok()?;
        let number = |x: f64| (!x.is_nan()).then_some(x);
        let row = CsvRow {
            indicator: text_at(ti)?,
            unit: text_at(tu)?,
            period: text_at(tp)?,
            source: text_at(ts)?,
            numbers: [number(v), number(nu), number(de), number(ra), number(co), number(ou)],
            done: match d {
                0 => None,
                1 => Some(false),
                _ => Some(true),
            },
        };
        reader.row(&row);
    }
    reader.finish().ok()
}

/// How many units the input lists, for the memory reserved before it is read.
fn unit_count(copy: &JsValue) -> usize {
    js_sys::Reflect::get(copy, &JsValue::from_str("units"))
        .ok()
        .and_then(|u| u.dyn_into::<js_sys::Array>().ok())
        .map_or(0, |u| u.length() as usize)
}
