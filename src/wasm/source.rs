//! `engine.report(source, { plan })` and `engine.reports(source)`: one door for every kind
//! of data, each named by its key, and a report read on demand (`report.js`) instead of
//! objects built for every row (issue 22).
//!
//! A source is an evaluation input (`{ asOf, units, observations, … }`), or an object with
//! exactly one of these keys, naming what it holds:
//! - `{ json }`: an input as JSON text;
//! - `{ csv, options }`: observations as CSV text, and the rest of the input;
//! - `{ portal766, options }`: the national portal's saved answers (`[{ endpoint, period,
//!   answer }]` or its JSON text) and the rest (`asOf`, `units`, `unitMap`, `mapping`, …);
//! - `{ sheet, mapping, options }`: a workbook read by `cchc-progress/xlsx` (or CSV text), the
//!   sheet mapping, and the rest of the input.
//!
//! The source is read once (`depth.rs`), as every argument is.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{
    columns, depth, input_snapshot, into_js_error, js_text, not_an_object, snapshot_text, value_by_text, JsEngine,
    TextKind,
};
use crate::error::calls::{invalid_argument, Argument};
use crate::error::Errors;
use crate::source::Source;

#[wasm_bindgen(module = "/src/wasm/report.js")]
extern "C" {
    #[wasm_bindgen(js_name = fromPacked)]
    fn from_packed(bytes: js_sys::Uint8Array) -> JsValue;

    #[wasm_bindgen(js_name = planReports)]
    fn plan_reports(ids: js_sys::Array, buffers: js_sys::Array, key_order: js_sys::Array) -> JsValue;
}

/// The keys that name a kind of source, and the other keys each kind takes.
const KINDS: [(&str, &[&str]); 4] = [
    ("json", &[]),
    ("csv", &["options"]),
    ("portal766", &["options"]),
    ("sheet", &["mapping", "options"]),
];

/// A source as the core takes it, owning what was read from JavaScript.
enum Read {
    Input(crate::data::Input),
    Json(String),
    Csv(String, serde_json::Value),
    #[cfg(feature = "portal766")]
    Portal766(serde_json::Value),
    #[cfg(feature = "sheet")]
    Sheet(serde_json::Value, serde_json::Value, serde_json::Value),
    #[cfg(feature = "sheet")]
    SheetCsv(String, serde_json::Value, serde_json::Value),
}

impl Read {
    fn source(&self) -> Source<'_> {
        match self {
            Read::Input(input) => Source::Input(input.clone()),
            Read::Json(text) => Source::Json(text),
            Read::Csv(text, options) => Source::Csv { text, options },
            #[cfg(feature = "portal766")]
            Read::Portal766(value) => Source::Portal766(value),
            #[cfg(feature = "sheet")]
            Read::Sheet(grid, mapping, options) => Source::Sheet { grid, mapping, options },
            #[cfg(feature = "sheet")]
            Read::SheetCsv(text, mapping, options) => Source::SheetCsv { text, mapping, options },
        }
    }
}

/// Errors of a part of the source, their paths under `at` (`$.options`).
trait Under {
    fn under(self, at: &str) -> Errors;
}

impl Under for Errors {
    fn under(mut self, at: &str) -> Errors {
        for e in &mut self.0 {
            e.path = format!("{at}{}", e.path.strip_prefix('$').unwrap_or(&e.path));
        }
        self
    }
}

fn unknown_field(path: String, kind: &str, allowed: &[&str]) -> Errors {
    Errors::one(crate::error::input::source_field(path, kind, allowed))
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A part of the copy as a JSON value; `undefined` is `{}` where `empty_object`.
fn part_value(part: &JsValue, empty_object: bool) -> Result<serde_json::Value, Errors> {
    if part.is_undefined() && empty_object {
        return Ok(serde_json::Value::Object(serde_json::Map::new()));
    }
    value_by_text(part)
}

fn text_part(part: &JsValue, kind: TextKind, path: &str) -> Result<String, Errors> {
    match js_text(part, kind)? {
        Some(text) => Ok(text),
        None => Err(Errors::one(crate::error::input::source_not_text(
            path,
            matches!(kind, TextKind::Csv),
        ))),
    }
}

/// Reads a source once into what the core takes.
fn read_source(source: &JsValue) -> Result<Read, Errors> {
    if source.is_undefined() || source.is_null() {
        return Err(not_an_object());
    }
    let kind = if source.is_object() && !js_sys::Array::is_array(source) {
        let named: Vec<_> = KINDS
            .iter()
            .filter(|(k, _)| js_sys::Reflect::has(source, &JsValue::from_str(k)).unwrap_or(false))
            .collect();
        if named.len() > 1 {
            let kinds: Vec<&str> = named.iter().map(|(k, _)| *k).collect();
            return Err(Errors::one(crate::error::input::several_sources(&kinds)));
        }
        named.first().copied()
    } else {
        None
    };
    let Some(&(kind, others)) = kind else {
        // An evaluation input, read as `evaluate` reads it: into columns when it can be.
        let read = depth::check_input(source)?;
        if let Some(input) = columns::input(&read) {
            return Ok(Read::Input(input));
        }
        return Ok(Read::Json(snapshot_text(&columns::whole(&read))?));
    };
    let copy = input_snapshot(source)?;
    let keys = js_sys::Object::keys(copy.unchecked_ref::<js_sys::Object>());
    for key in keys.iter().filter_map(|k| k.as_string()) {
        if key != kind && !others.contains(&key.as_str()) {
            return Err(unknown_field(format!("$.{key}"), kind, others));
        }
    }
    let data = get(&copy, kind);
    let options = get(&copy, "options");
    match kind {
        "json" => Ok(Read::Json(text_part(&data, TextKind::Json, "$.json")?)),
        "csv" => {
            let text = text_part(&data, TextKind::Csv, "$.csv")?;
            let options = part_value(&options, false).map_err(|e| e.under("$.options"))?;
            Ok(Read::Csv(text, options))
        }
        "portal766" => portal766_source(&data, &options),
        _ => sheet_source(&copy, &data, &options),
    }
}

#[cfg(feature = "portal766")]
fn portal766_source(data: &JsValue, options: &JsValue) -> Result<Read, Errors> {
    let answers = match js_text(data, TextKind::Json)? {
        Some(text) => {
            crate::data::check_text_size(&text, "JSON")?;
            serde_json::from_str::<serde_json::Value>(&text).map_err(|e| {
                let m = crate::error::serde_message(&e.to_string());
                Errors::one(crate::error::input::not_json("$.portal766", m))
            })?
        }
        None => part_value(data, false).map_err(|e| e.under("$.portal766"))?,
    };
    let mut value = part_value(options, true).map_err(|e| e.under("$.options"))?;
    let Some(object) = value.as_object_mut() else {
        return Err(not_an_object().under("$.options"));
    };
    if object.contains_key("answers") {
        return Err(Errors::one(crate::error::input::answers_in_source_options()));
    }
    object.insert("answers".to_string(), answers);
    Ok(Read::Portal766(value))
}

#[cfg(not(feature = "portal766"))]
fn portal766_source(_: &JsValue, _: &JsValue) -> Result<Read, Errors> {
    Err(not_in_this_build("portal766"))
}

#[cfg(feature = "sheet")]
fn sheet_source(copy: &JsValue, data: &JsValue, options: &JsValue) -> Result<Read, Errors> {
    let mapping = part_value(&get(copy, "mapping"), false).map_err(|e| e.under("$.mapping"))?;
    let options = part_value(options, true).map_err(|e| e.under("$.options"))?;
    match js_text(data, TextKind::Csv)? {
        Some(text) => Ok(Read::SheetCsv(text, mapping, options)),
        None => Ok(Read::Sheet(
            part_value(data, false).map_err(|e| e.under("$.sheet"))?,
            mapping,
            options,
        )),
    }
}

#[cfg(not(feature = "sheet"))]
fn sheet_source(_: &JsValue, _: &JsValue, _: &JsValue) -> Result<Read, Errors> {
    Err(not_in_this_build("sheet"))
}

/// A kind of source the widgets' smaller engine leaves out (`cchc_progress_lite`).
#[cfg(not(all(feature = "portal766", feature = "sheet")))]
fn not_in_this_build(kind: &str) -> Errors {
    Errors::one(invalid_argument(format!("$.{kind}"), Argument::NotInThisBuild { kind }))
}

/// `options.plan` of `report`: a loaded plan's id, or `None` for the first.
fn plan_option(options: &JsValue) -> Result<Option<String>, Errors> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    let copy = depth::check(options, depth::Door::Input)?;
    if !copy.is_object() || js_sys::Array::is_array(&copy) {
        return Err(Errors::one(invalid_argument("$", Argument::ReportOptions)));
    }
    let keys = js_sys::Object::keys(copy.unchecked_ref::<js_sys::Object>());
    for key in keys.iter().filter_map(|k| k.as_string()) {
        if key != "plan" {
            return Err(Errors::one(invalid_argument(
                format!("$.{key}"),
                Argument::ReportOption { key: &key },
            )));
        }
    }
    let plan = get(&copy, "plan");
    if plan.is_undefined() {
        return Ok(None);
    }
    plan.as_string()
        .map(Some)
        .ok_or_else(|| Errors::one(invalid_argument("$.plan", Argument::ReportPlan)))
}

/// A packed report as one JavaScript buffer, its parts copied in one after the other (never
/// put together in WebAssembly memory first).
fn bytes(packed: &crate::report::pack::Packed) -> js_sys::Uint8Array {
    let len = u32::try_from(packed.len()).unwrap_or(u32::MAX);
    let out = js_sys::Uint8Array::new_with_length(len);
    let mut at = 0u32;
    for part in packed.parts() {
        let n = u32::try_from(part.len()).unwrap_or(u32::MAX);
        out.subarray(at, at.saturating_add(n)).copy_from(part);
        at = at.saturating_add(n);
    }
    out
}

#[wasm_bindgen(js_class = Engine)]
impl JsEngine {
    /// The report of one source (an input, or `{ json }`, `{ csv, options }`, `{ portal766,
    /// options }`, `{ sheet, mapping, options }`) against the first loaded plan, or the one
    /// named by `options.plan`: a `ProgressReport`, read on demand, whose `toJSON()` is what the
    /// matching `evaluate…` method returns.
    #[wasm_bindgen(unchecked_return_type = "ProgressReport")]
    pub fn report(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ReportSource")] source: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReportOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let engine = self.engine()?;
        let plan = plan_option(&options).map_err(into_js_error)?;
        let read = read_source(&source).map_err(into_js_error)?;
        // An input read into columns is given away, not copied; CSV text is freed once read,
        // before the evaluation (an unknown plan is still the first error).
        let packed = match read {
            Read::Input(input) => engine.report(plan.as_deref(), Source::Input(input)),
            Read::Csv(text, options) => {
                if let Some(id) = plan.as_deref() {
                    engine.plan_named(id).map_err(|e| into_js_error(Errors::one(e)))?;
                }
                let csv = crate::data::read_csv(&text, &options);
                drop(text);
                csv.and_then(|csv| engine.report(plan.as_deref(), Source::CsvRead(csv)))
            }
            other => engine.report(plan.as_deref(), other.source()),
        }
        .map_err(into_js_error)?;
        Ok(from_packed(bytes(&packed)))
    }

    /// The reports of one source against every loaded plan: `{ plans, reports }`, each a
    /// `ProgressReport` under its plan's id (as `evaluatePlans`, read on demand).
    #[wasm_bindgen(unchecked_return_type = "PlanReports<ProgressReport>")]
    pub fn reports(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ReportSource")] source: JsValue,
    ) -> Result<JsValue, JsValue> {
        let engine = self.engine()?;
        let read = read_source(&source).map_err(into_js_error)?;
        let all = engine.reports(&read.source()).map_err(into_js_error)?;
        let ids = js_sys::Array::new();
        let buffers = js_sys::Array::new();
        for (id, packed) in &all {
            ids.push(&JsValue::from_str(id));
            buffers.push(&bytes(packed));
        }
        // Keyed as `evaluatePlans` keys them (its map is sorted by id).
        let mut sorted: Vec<&str> = all.iter().map(|(id, _)| id.as_str()).collect();
        crate::sort::sort(&mut sorted);
        let key_order: js_sys::Array = sorted.into_iter().map(JsValue::from_str).collect();
        Ok(plan_reports(ids, buffers, key_order))
    }
}
