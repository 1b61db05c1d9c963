//! The arguments of the engine's methods as Rust values: levels, readings, years and numbers
//! (refused with `INVALID_ARGUMENT`), texts copied straight into WebAssembly memory, and
//! object inputs read once into plain data (`depth.rs`) and then into JSON.

use wasm_bindgen::prelude::*;

use super::{depth, encode_into, into_js_error, text_info};
use crate::error::calls::Argument;
use crate::error::Errors;
use crate::plan::{Level, RampReading};

pub(super) fn bad_argument(path: &str, what: Argument) -> JsValue {
    into_js_error(crate::error::calls::invalid_argument(path, what).into())
}

/// A JS value shown in a message: strings as they are (cut to 40 characters), numbers as
/// JavaScript writes them (`1e+21`, not 22 digits), anything else by kind.
pub(super) fn describe(v: &JsValue) -> String {
    match v.as_string() {
        Some(s) => s.chars().take(40).collect(),
        None if v.is_null() => "null".to_string(),
        None if v.is_undefined() => "undefined".to_string(),
        None => match v.as_f64() {
            Some(n) => js_sys::Number::from(n)
                .to_string_with_radix(10)
                .map_or_else(|_| crate::messages::display(n), String::from),
            None => v.js_typeof().as_string().unwrap_or_default(),
        },
    }
}

pub(super) fn parse_level(v: &JsValue) -> Result<Level, JsValue> {
    v.as_string().as_deref().and_then(Level::parse).ok_or_else(|| {
        let shown = describe(v);
        bad_argument("$.level", Argument::Level { shown: &shown })
    })
}

pub(super) fn parse_reading(v: &JsValue) -> Result<RampReading, JsValue> {
    v.as_string().as_deref().and_then(RampReading::parse).ok_or_else(|| {
        let shown = describe(v);
        bad_argument("$.reading", Argument::Reading { shown: &shown })
    })
}

/// A year: a whole number (2023, not 2023.5, `"2023"` or NaN).
pub(super) fn whole_year(v: &JsValue) -> Result<i32, JsValue> {
    match v.as_f64() {
        Some(y) if y.is_finite() && y.fract() == 0.0 && (-1.0e6..=1.0e6).contains(&y) => {
            // Exact: a whole number well inside i32.
            #[allow(clippy::cast_possible_truncation)]
            Ok(y as i32)
        }
        _ => {
            let shown = describe(v);
            Err(bad_argument("$.year", Argument::Year { shown: &shown }))
        }
    }
}

pub(super) fn number_argument(path: &str, v: &JsValue) -> Result<f64, JsValue> {
    match v.as_f64() {
        Some(n) if n.is_finite() => Ok(n),
        _ => {
            let shown = describe(v);
            Err(bad_argument(path, Argument::Number { shown: &shown }))
        }
    }
}

/// Which text a method reads, for its errors.
#[derive(Clone, Copy)]
pub(super) enum TextKind {
    Json,
    Csv,
    #[cfg(feature = "rule-packs")]
    RulePack,
}

/// A JS string's text, written by `TextEncoder.encodeInto` straight into the memory it is read
/// from (`JsValue::as_string` copies the ASCII start of a text one character at a time in
/// JS: all of an ASCII CSV; `TextEncoder.encode` made a JS copy first, then a second copy
/// came across, and the two took 17 ms of the city's 1.3 MB). The buffer starts at one byte
/// per UTF-16 unit (all an ASCII text needs) and grows by three per unit left when the text
/// needs more. `None` when the value is not a string. A string with an unpaired surrogate is
/// refused as an object's text would be, instead of becoming U+FFFD (two ids could then
/// merge).
pub(super) fn js_text(v: &JsValue, kind: TextKind) -> Result<Option<String>, Errors> {
    let info = text_info(v);
    if info.is_undefined() {
        return Ok(None);
    }
    if let Some(units) = info.as_f64() {
        return utf8_of(v, units)
            .map(Some)
            .ok_or_else(|| Errors::one(crate::error::calls::text_not_copied()));
    }
    let at = js_sys::Array::from(&info);
    let (line, column) = (describe(&at.get(0)), describe(&at.get(1)));
    Err(Errors::one(match kind {
        TextKind::Json => crate::error::input::broken_text(false, &line, &column),
        TextKind::Csv => crate::error::input::broken_text(true, &line, &column),
        #[cfg(feature = "rule-packs")]
        TextKind::RulePack => crate::error::rule_pack::broken_text(&line, &column),
    }))
}

/// The UTF-8 of a well-formed JS string of `units` UTF-16 units (see [`js_text`]).
fn utf8_of(v: &JsValue, units: f64) -> Option<String> {
    // A JS string is shorter than 2^32 units.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let units = units as usize;
    let memory = wasm_bindgen::memory().dyn_into::<js_sys::WebAssembly::Memory>().ok()?;
    let mut buf: Vec<u8> = vec![0; units];
    let (mut read, mut written) = (0usize, 0usize);
    while read < units {
        let at = u32::try_from(buf.as_ptr() as usize + written).ok()?;
        let room = u32::try_from(buf.len() - written).ok()?;
        let view = js_sys::Uint8Array::new_with_byte_offset_and_length(&memory.buffer(), at, room);
        let done = encode_into(v, u32::try_from(read).ok()?, &view);
        let (r, w) = (done.get(0).as_f64()?, done.get(1).as_f64()?);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let (r, w) = (r as usize, w as usize);
        read += r;
        written += w;
        if read < units {
            // What is left needs at most three bytes per unit (a pair of units is four).
            buf.resize(written + (units - read) * 3, 0);
        }
    }
    buf.truncate(written);
    String::from_utf8(buf).ok()
}

/// A text argument (`evaluateJson`, `evaluateCsv`): a string, and well formed.
#[cfg(feature = "objects")]
pub(super) fn text_argument(kind: TextKind, v: &JsValue) -> Result<String, JsValue> {
    match js_text(v, kind) {
        Ok(Some(text)) => Ok(text),
        Err(errors) => Err(into_js_error(errors)),
        Ok(None) => {
            let got = if v.is_null() {
                "null".to_string()
            } else {
                v.js_typeof().as_string().unwrap_or_default()
            };
            Err(bad_argument(
                "$",
                Argument::Text {
                    csv: matches!(kind, TextKind::Csv),
                    got: &got,
                },
            ))
        }
    }
}

/// A JS input read once into plain data (see `depth.rs`), after refusing `undefined` and
/// `null` with a clear error.
pub(super) fn input_snapshot(input: &JsValue) -> Result<JsValue, Errors> {
    if input.is_undefined() || input.is_null() {
        return Err(not_an_object());
    }
    Ok(depth::check(input, depth::Door::Input)?)
}

/// A JS input as JSON text, for the reader of `evaluateJson`.
pub(super) fn input_text(input: &JsValue) -> Result<String, Errors> {
    snapshot_text(&input_snapshot(input)?)
}

/// The JSON text of plain data read by `depth::check` (or of a part of it), for the reader of
/// `evaluateJson`. Walking a large object into a `serde_json::Value` field by field cost
/// about twice as much as `JSON.stringify` plus the text reader (S: 107 against 55 ms). It is
/// faithful because the copy holds nothing `JSON.stringify` would change or drop silently
/// (NaN, Map, BigInt, functions, `toJSON`, boxed numbers, typed arrays, broken text, getters).
pub(super) fn snapshot_text(snapshot: &JsValue) -> Result<String, Errors> {
    let text = js_sys::JSON::stringify(snapshot).map_err(|e| {
        let detail = crate::data::clip(&describe_thrown(&e));
        Errors::one(crate::error::input::unreadable_thrown(&detail))
    })?;
    // A primitive (a number, a string) stringifies too; the reader then says what is wrong.
    // The text is JSON.stringify's, so it is well formed; it crosses as the text arguments
    // do (`as_string` went one character at a time).
    let text = JsValue::from(text);
    text_info(&text)
        .as_f64()
        .and_then(|units| utf8_of(&text, units))
        .ok_or_else(|| Errors::one(crate::error::input::not_writable_as_json()))
}

/// What a thrown JS value says: an error's message, or the value itself.
fn describe_thrown(e: &JsValue) -> String {
    let message = js_sys::Reflect::get(e, &JsValue::from_str("message")).ok();
    match message.and_then(|m| m.as_string()) {
        Some(m) if !m.is_empty() => m,
        _ => describe(e),
    }
}

pub(super) fn not_an_object() -> Errors {
    Errors::one(crate::error::input::not_an_object())
}

/// A large JS value (a workbook's cells, the units of an input) as a JSON value, through
/// `JSON.stringify` and the text reader: a 10 000-row sheet crossed in a fraction of the time
/// a walk of the object takes (see [`input_text`], safe for the same reason).
pub(super) fn value_by_text(v: &JsValue) -> Result<serde_json::Value, Errors> {
    let text = input_text(v)?;
    serde_json::from_str(&text).map_err(|e| {
        let m = crate::error::serde_message(&e.to_string());
        Errors::one(crate::error::input::not_json("$", m))
    })
}

/// A JS input as a JSON value, converted from the copy read once. `undefined` and functions
/// are refused here with a clear error rather than deep inside the reader.
#[cfg(any(feature = "objects", feature = "sheet", feature = "portal766"))]
pub(super) fn input_value(input: &JsValue) -> Result<serde_json::Value, Errors> {
    serde_wasm_bindgen::from_value(input_snapshot(input)?).map_err(|e| {
        let m = crate::error::serde_message(&e.to_string());
        Errors::one(crate::error::input::unreadable("$", m))
    })
}

/// About what an evaluation holds in WebAssembly's memory at its peak: per unit (100 000
/// units, text `none`, peaked at 233–238 MiB for `report`, 176–201 MiB for `evaluate`), and per
/// observation (M: 701 units, 117 887 observations, 35 MiB).
const PEAK_BYTES_PER_UNIT: usize = 5 << 9;
const PEAK_BYTES_PER_OBSERVATION: usize = 320;
/// Smaller evaluations grow the memory a few times only and reserve nothing; larger ones
/// reserve no more than this (L, the country, peaks at 508 MB with its rows streamed).
const RESERVE: std::ops::RangeInclusive<usize> = (32 << 20)..=(512 << 20);

/// Grows WebAssembly's memory once, before an input of `units` units and `observations`
/// observations is read and evaluated, by about what its evaluation will hold at its peak,
/// when that is within [`RESERVE`] (capped at its end): the room is freed at once and the
/// allocator keeps it for what the reading and the evaluation allocate. The memory never
/// shrinks, so the estimate must not overshoot: counting a report row per two observations
/// reserved 144 MiB for M, whose evaluation holds 35.
///
/// Grown as it fills, the memory grows by a few pages at a time, and V8 answers every step
/// with a new `ArrayBuffer` counted as external memory: past a few tens of MiB, a full GC
/// every few steps. A first `report(obj)` of the 100 000-unit chain ran 51 such GCs, 3 with
/// the memory grown once (README, "A core that scales"). Memory that cannot grow so far is
/// left as it is: the evaluation then grows it as before.
pub(super) fn reserve_for(units: usize, observations: usize) {
    let bytes = units
        .saturating_mul(PEAK_BYTES_PER_UNIT)
        .saturating_add(observations.saturating_mul(PEAK_BYTES_PER_OBSERVATION))
        .min(*RESERVE.end());
    if bytes >= *RESERVE.start() {
        let mut room: Vec<u8> = Vec::new();
        // Dropped at once; an allocation that fails is only a reservation not made.
        let _ = room.try_reserve_exact(bytes);
    }
}
