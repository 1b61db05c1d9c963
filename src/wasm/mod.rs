//! The one module that talks to JavaScript. It decodes JS values, calls the core, and
//! encodes results with one serializer ([`tape`]: plain objects, never `Map`); every failure
//! becomes a thrown `CchcError` through [`into_js_error`]. Nothing else in the crate knows
//! about wasm-bindgen.
//!
//! The generated `Engine` class is guarded on first use (`engine.js`): a method called after
//! `free()`, detached from its engine, or on a copy throws a `CchcError` of its own code
//! instead of reaching freed memory, and a frozen engine frees normally.
//! An engine inside a `Proxy` (Vue's `reactive()`) is the engine it stands for. Every
//! object argument is read once, into plain data that is then checked and converted
//! (`depth.rs`).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::calls::Argument;
use crate::error::{Error, Errors};

#[cfg(any(feature = "objects", feature = "sheet", feature = "portal766"))]
use arguments::input_value;
#[cfg(feature = "objects")]
use arguments::text_argument;
use arguments::{
    bad_argument, describe, input_snapshot, input_text, js_text, not_an_object, number_argument, parse_level,
    parse_reading, snapshot_text, value_by_text, whole_year, TextKind,
};
mod arguments;
mod columns;
mod depth;
mod source;
mod tape;

#[wasm_bindgen(start)]
fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
    // Guarded before the first call, so that `Engine.fromPlan` is guarded at its first call too.
    ensure_guarded();
}

#[wasm_bindgen(module = "/src/wasm/engine.js")]
extern "C" {
    #[wasm_bindgen(js_name = textInfo)]
    fn text_info(s: &JsValue) -> JsValue;

    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(s: &JsValue, from: u32, view: &js_sys::Uint8Array) -> js_sys::Array;

    #[wasm_bindgen(js_name = makeError)]
    fn make_error(code: &str, path: &str, vi: &str, en: &str, errors: JsValue) -> JsValue;

    fn guard(sample: &JsValue, texts: &JsValue) -> bool;

    #[wasm_bindgen(js_name = expectPointer)]
    fn expect_pointer();

    #[wasm_bindgen(js_name = trappedBy)]
    fn trapped_by() -> Option<String>;
}

/// The report of an input as objects, each row written as the evaluation makes it (the text
/// the input was read from already freed: at country scale, 98 MB of CSV).
#[cfg(feature = "objects")]
fn streamed(
    engine: &crate::Engine,
    input: crate::data::Input,
    extra_csv_columns: &[String],
) -> Result<JsValue, JsValue> {
    let mut rows = tape::ReportTape::new();
    let rest = engine.evaluate_input_into(input, extra_csv_columns, &mut rows);
    rows.finish(&rest)
        .map_err(|e| into_js_error(crate::error::calls::not_serialized(&e.to_string()).into()))
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    tape::to_js(value).map_err(|e| into_js_error(crate::error::calls::not_serialized(&e.to_string()).into()))
}

/// The single way a failure reaches JavaScript.
fn into_js_error(errors: Errors) -> JsValue {
    let list = tape::to_js(&errors).unwrap_or(JsValue::NULL);
    match errors.first() {
        Some(e) => make_error(e.code.as_str(), &e.path, &e.message.vi, &e.message.en, list),
        None => {
            let e = crate::error::calls::internal();
            make_error(e.code.as_str(), &e.path, &e.message.vi, &e.message.en, list)
        }
    }
}

/// The progress engine, holding one validated plan.
#[wasm_bindgen(js_name = Engine)]
pub struct JsEngine {
    /// `None` only for the sample the guard is installed with.
    inner: Option<crate::Engine>,
}

/// `new Engine()` and `Engine.fromPlan()` after a trap of this module instance: refused,
/// as every method is (see `engine.js`).
fn refuse_after_trap(method: &str) -> Result<(), JsValue> {
    let Some(cause) = trapped_by() else {
        return Ok(());
    };
    Err(into_js_error(crate::error::calls::trapped(method, &cause).into()))
}

/// Guards the generated class once, before its first object is made (see `engine.js`): with
/// a sample object of it, and the texts of the three errors of a call that has no engine and
/// of the one of a call the browser's WebAssembly stopped.
fn ensure_guarded() {
    thread_local!(static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if GUARDED.with(std::cell::Cell::get) {
        return;
    }
    let sample = JsValue::from(JsEngine { inner: None });
    let texts = js_sys::Object::new();
    for (kind, code, vi, en) in crate::error::calls::LIFECYCLE {
        let text: js_sys::Array = [code.as_str(), vi, en].iter().map(|s| JsValue::from_str(s)).collect();
        let _ = js_sys::Reflect::set(&texts, &JsValue::from_str(kind), &text);
    }
    let done = guard(&sample, &texts);
    GUARDED.with(|g| g.set(done));
}

#[wasm_bindgen(js_class = Engine)]
impl JsEngine {
    /// An engine on the embedded Cần Thơ 2021–2025 plan. It takes no argument: another plan
    /// is loaded with `Engine.fromPlan(pack)`.
    #[wasm_bindgen(constructor)]
    pub fn construct(
        #[wasm_bindgen(unchecked_optional_param_type = "never")] argument: JsValue,
    ) -> Result<JsEngine, JsValue> {
        ensure_guarded();
        refuse_after_trap("new Engine")?;
        if !argument.is_undefined() {
            let shown = describe(&argument);
            return Err(bad_argument("$", Argument::EngineTakesNone { shown: &shown }));
        }
        crate::Engine::embedded().map(JsEngine::made).map_err(into_js_error)
    }

    /// An engine on another rule pack, given as an object or as JSON text. Not in the widgets'
    /// build (Cargo.toml's `rule-packs`): the widgets load the full build for a pack.
    #[cfg(feature = "rule-packs")]
    #[wasm_bindgen(js_name = fromPlan)]
    pub fn from_plan(
        #[wasm_bindgen(unchecked_param_type = "RulePack | string")] pack: JsValue,
    ) -> Result<JsEngine, JsValue> {
        ensure_guarded();
        refuse_after_trap("Engine.fromPlan")?;
        let inner = match js_text(&pack, TextKind::RulePack) {
            Err(errors) => Err(errors),
            Ok(Some(text)) => crate::Engine::from_json(&text),
            Ok(None) => {
                // Read once: what is converted is the copy the checks saw.
                let pack = depth::check(&pack, depth::Door::RulePack).map_err(|e| into_js_error(e.into()))?;
                let value: serde_json::Value = serde_wasm_bindgen::from_value(pack).map_err(|e| {
                    let m = crate::error::serde_message(&e.to_string());
                    into_js_error(crate::error::rule_pack::not_object_or_json(&m).into())
                })?;
                crate::Engine::from_value(value)
            }
        };
        inner.map(JsEngine::made).map_err(into_js_error)
    }

    /// An engine on one of the embedded plans, by name: `"can-tho-2021-2025"` (what
    /// `new Engine()` loads) or `"can-tho-2026-2030"` (the national focus targets of
    /// Decision 282/QĐ-TTg and item 2.1.a of Plan 219/KH-UBND). Another name: `UNKNOWN_PLAN`.
    #[wasm_bindgen(js_name = embedded)]
    pub fn embedded(
        #[wasm_bindgen(unchecked_param_type = "EmbeddedPlanName")] name: JsValue,
    ) -> Result<JsEngine, JsValue> {
        ensure_guarded();
        refuse_after_trap("Engine.embedded")?;
        let Some(name) = name.as_string() else {
            let shown = describe(&name);
            return Err(bad_argument("$", Argument::EmbeddedName { shown: &shown }));
        };
        crate::Engine::embedded_plan(&name)
            .map(JsEngine::made)
            .map_err(into_js_error)
    }

    /// The names of the embedded plans, for `Engine.embedded(name)`.
    #[wasm_bindgen(js_name = embeddedPlans, unchecked_return_type = "EmbeddedPlanName[]")]
    pub fn embedded_plans() -> Result<JsValue, JsValue> {
        to_js(&crate::plan::embedded_pack_names())
    }

    /// An engine holding several plans, each an embedded plan's name (`"can-tho-2026-2030"`),
    /// a rule pack object or its JSON text; the first is the one the single-plan methods use.
    /// Two plans with one id: `RULE_PACK_DUPLICATE_ID`. Not in the widgets' build, as
    /// `fromPlan`.
    #[cfg(feature = "rule-packs")]
    #[wasm_bindgen(js_name = fromPlans)]
    pub fn from_plans(
        #[wasm_bindgen(unchecked_param_type = "(EmbeddedPlanName | RulePack | string)[]")] packs: JsValue,
    ) -> Result<JsEngine, JsValue> {
        ensure_guarded();
        refuse_after_trap("Engine.fromPlans")?;
        if !js_sys::Array::is_array(&packs) {
            let shown = describe(&packs);
            return Err(bad_argument("$", Argument::PlanList { shown: &shown }));
        }
        let mut plans = Vec::new();
        let mut errors = Vec::new();
        for (i, pack) in js_sys::Array::from(&packs).iter().enumerate() {
            match plan_of(&pack) {
                Ok(plan) => plans.push(plan),
                Err(e) => errors.extend(e.0.into_iter().map(|mut err| {
                    err.path = format!("$[{i}]{}", err.path.strip_prefix('$').unwrap_or(&err.path));
                    err
                })),
            }
        }
        if !errors.is_empty() {
            return Err(into_js_error(Errors(errors)));
        }
        crate::Engine::with_plans(plans)
            .map(JsEngine::made)
            .map_err(into_js_error)
    }

    /// The ids of the plans the engine holds, in order.
    #[wasm_bindgen(js_name = planIds, unchecked_return_type = "string[]")]
    pub fn plan_ids(&self) -> Result<JsValue, JsValue> {
        to_js(&self.engine()?.plan_ids())
    }

    /// Evaluates one input, read once, against every plan the engine holds: the reports
    /// keyed by plan id.
    #[cfg(feature = "objects")]
    #[wasm_bindgen(js_name = evaluatePlans, unchecked_return_type = "PlanReports")]
    pub fn evaluate_plans(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EvaluateInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let engine = self.engine()?;
        // Read once, as `evaluate` does: the columns and the JSON way take what the checks saw.
        if input.is_undefined() || input.is_null() {
            return Err(into_js_error(not_an_object()));
        }
        let read = depth::check_input(&input).map_err(|e| into_js_error(e.into()))?;
        if let Some(read) = columns::input(&read) {
            return to_js(&engine.evaluate_plans_input(&read));
        }
        let text = snapshot_text(&columns::whole(&read)).map_err(into_js_error)?;
        to_js(&engine.evaluate_plans_json(&text).map_err(into_js_error)?)
    }

    /// Evaluates an input against the loaded plan of this id only (`UNKNOWN_PLAN` if the
    /// engine does not hold it).
    #[cfg(feature = "objects")]
    #[wasm_bindgen(js_name = evaluatePlan, unchecked_return_type = "Report")]
    pub fn evaluate_plan(
        &self,
        #[wasm_bindgen(js_name = planId, unchecked_param_type = "string")] plan_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "EvaluateInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let engine = self.engine()?;
        let Some(id) = plan_id.as_string() else {
            let shown = describe(&plan_id);
            return Err(bad_argument("$.plan", Argument::PlanId { shown: &shown }));
        };
        let text = input_text(&input).map_err(into_js_error)?;
        to_js(&engine.evaluate_plan_json(&id, &text).map_err(into_js_error)?)
    }

    /// The validated plan, normalized.
    #[wasm_bindgen(unchecked_return_type = "Plan")]
    pub fn plan(&self) -> Result<JsValue, JsValue> {
        to_js(self.engine()?.plan())
    }

    /// The plan's indicators.
    #[wasm_bindgen(unchecked_return_type = "Indicator[]")]
    pub fn indicators(&self) -> Result<JsValue, JsValue> {
        to_js(&self.engine()?.plan().indicators)
    }

    /// The ramp floor for a level and year; `reading` defaults to the ramp's own default,
    /// `previousActual` feeds the increment reading.
    #[wasm_bindgen(unchecked_return_type = "RampFloor")]
    pub fn ramp(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Level")] level: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RampReading | null")] reading: JsValue,
        #[wasm_bindgen(js_name = previousActual, unchecked_optional_param_type = "number | null")]
        previous_actual: JsValue,
    ) -> Result<JsValue, JsValue> {
        let engine = self.engine()?;
        let level = parse_level(&level)?;
        let year = whole_year(&year)?;
        let reading = if reading.is_null() || reading.is_undefined() {
            None
        } else {
            Some(parse_reading(&reading)?)
        };
        let previous_actual = if previous_actual.is_null() || previous_actual.is_undefined() {
            None
        } else {
            Some(number_argument("$.previousActual", &previous_actual)?)
        };
        let floor = engine
            .ramp_floor(None, level, year, reading, previous_actual)
            .map_err(|e| into_js_error(e.into()))?;
        to_js(&floor)
    }

    /// Package and rule-pack versions.
    #[wasm_bindgen(unchecked_return_type = "Versions")]
    pub fn version(&self) -> Result<JsValue, JsValue> {
        to_js(&self.engine()?.versions())
    }

    /// Evaluates a portal's figures (an `EvaluateInput` object) into a progress report.
    /// Bad structure throws a `CchcError` listing every problem; problems with the figures
    /// are returned as `findings` in the report.
    #[cfg(feature = "objects")]
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EvaluateInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let engine = self.engine()?;
        // Read once: the columns and the JSON way both take what the checks saw.
        if input.is_undefined() || input.is_null() {
            return Err(into_js_error(not_an_object()));
        }
        let read = depth::check_input(&input).map_err(|e| into_js_error(e.into()))?;
        if let Some(read) = columns::input(&read) {
            return streamed(engine, read, &[]);
        }
        let text = snapshot_text(&columns::whole(&read)).map_err(into_js_error)?;
        let input = crate::data::parse_input(&text).map_err(into_js_error)?;
        drop(text);
        streamed(engine, input, &[])
    }

    /// The same as `evaluate`, from the input as JSON text: faster for large exports, since
    /// the text is parsed inside WebAssembly instead of walking a JS object.
    #[cfg(feature = "objects")]
    #[wasm_bindgen(js_name = evaluateJson, unchecked_return_type = "Report")]
    pub fn evaluate_json(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsValue> {
        let engine = self.engine()?;
        let text = text_argument(TextKind::Json, &text)?;
        let input = crate::data::parse_input(&text).map_err(into_js_error)?;
        drop(text);
        streamed(engine, input, &[])
    }

    /// Evaluates observations given as CSV text (a portal's export); `options` carries the
    /// rest of the input: `asOf`, `locale`, `options`, `units`, `label`.
    #[cfg(feature = "objects")]
    #[wasm_bindgen(js_name = evaluateCsv, unchecked_return_type = "Report")]
    pub fn evaluate_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] csv: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CsvOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let engine = self.engine()?;
        let csv = text_argument(TextKind::Csv, &csv)?;
        let value = input_value(&options).map_err(into_js_error)?;
        let read = crate::data::read_csv(&csv, &value).map_err(into_js_error)?;
        drop(csv);
        streamed(engine, read.input, &read.extra_columns)
    }

    /// Evaluates a portal's export as it is: `grid` is a workbook read by
    /// `cchc-progress/xlsx` (or one sheet, or rows of cells), or CSV text; `mapping` says
    /// which cells hold the unit, the period and each indicator's figures; `options` is the
    /// rest of the input. Returns `{ report, sheet }`, `sheet` listing every skipped row and
    /// every guess with its cell.
    #[cfg(feature = "sheet")]
    #[wasm_bindgen(js_name = evaluateSheet, unchecked_return_type = "SheetReport")]
    pub fn evaluate_sheet(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SheetGrid | string")] grid: JsValue,
        #[wasm_bindgen(unchecked_param_type = "SheetMapping")] mapping: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CsvOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let engine = self.engine()?;
        let mapping = input_value(&mapping).map_err(into_js_error)?;
        let options = value_by_text(&options).map_err(into_js_error)?;
        let report = match js_text(&grid, TextKind::Csv).map_err(into_js_error)? {
            Some(csv) => engine.evaluate_sheet_csv(&csv, &mapping, &options),
            None => {
                let grid = value_by_text(&grid).map_err(into_js_error)?;
                engine.evaluate_sheet(&grid, &mapping, &options)
            }
        };
        to_js(&report.map_err(into_js_error)?)
    }

    /// Reads a sheet with a mapping into observations, without evaluating: what
    /// `evaluateSheet` would evaluate, each observation with its cell as `source`, and how
    /// the sheet was read.
    #[cfg(feature = "sheet")]
    #[wasm_bindgen(js_name = readSheet, unchecked_return_type = "SheetRead")]
    pub fn read_sheet(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SheetGrid | string")] grid: JsValue,
        #[wasm_bindgen(unchecked_param_type = "SheetMapping")] mapping: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.engine()?;
        let mapping = input_value(&mapping).map_err(into_js_error)?;
        let read = match js_text(&grid, TextKind::Csv).map_err(into_js_error)? {
            Some(csv) => crate::data::sheet::read_sheet_csv(&csv, &mapping),
            None => {
                let grid = value_by_text(&grid).map_err(into_js_error)?;
                crate::data::sheet::read_sheet(&grid, &mapping)
            }
        }
        .map_err(into_js_error)?;
        to_js(&SheetRead {
            observations: read.observations,
            sheet: read.reading,
        })
    }

    /// Checks an input without showing results: never throws for bad input (whatever
    /// `evaluate` refuses comes back as `valid: false` with its errors), returns
    /// `{ valid, errors, findings }`.
    #[wasm_bindgen(unchecked_return_type = "Validation")]
    pub fn validate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EvaluateInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let engine = self.engine()?;
        let outcome = match input_text(&input).and_then(|text| engine.findings_json(&text)) {
            Ok(findings) => Validation {
                valid: true,
                errors: Vec::new(),
                findings,
            },
            Err(errors) => Validation {
                valid: false,
                errors: errors.0,
                findings: Vec::new(),
            },
        };
        to_js(&outcome)
    }
}

/// A plan of `Engine.fromPlans`: an embedded plan's name, or a rule pack as an object or JSON
/// text (text that starts with `{`).
#[cfg(feature = "rule-packs")]
fn plan_of(pack: &JsValue) -> Result<crate::plan::Plan, Errors> {
    if let Some(name) = pack
        .as_string()
        .filter(|s| !s.trim_start_matches('\u{feff}').trim_start().starts_with('{'))
    {
        return crate::Engine::embedded_plan(&name).map(|e| e.plan().clone());
    }
    match js_text(pack, TextKind::RulePack)? {
        Some(text) => crate::plan::parse_rule_pack(&text),
        None => {
            depth::check(pack, depth::Door::RulePack)?;
            let value: serde_json::Value = serde_wasm_bindgen::from_value(pack.clone()).map_err(|e| {
                let m = crate::error::serde_message(&e.to_string());
                Errors::from(crate::error::rule_pack::not_object_or_json(&m))
            })?;
            crate::plan::rule_pack_from_value(value)
        }
    }
}

impl JsEngine {
    /// An engine on the embedded plan (what `new Engine()` makes).
    pub fn new() -> Result<JsEngine, JsValue> {
        JsEngine::construct(JsValue::UNDEFINED)
    }

    /// An engine about to be handed to the class, which then sets its pointer (once).
    fn made(inner: crate::Engine) -> JsEngine {
        expect_pointer();
        JsEngine { inner: Some(inner) }
    }

    fn engine(&self) -> Result<&crate::Engine, JsValue> {
        self.inner
            .as_ref()
            .ok_or_else(|| into_js_error(crate::error::calls::engine_freed().into()))
    }
}

#[cfg(feature = "sheet")]
#[derive(Serialize)]
struct SheetRead {
    observations: Vec<crate::data::sheet::SheetObservation>,
    sheet: crate::data::sheet::SheetReading,
}

#[derive(Serialize)]
struct Validation {
    valid: bool,
    errors: Vec<Error>,
    findings: Vec<crate::report::Finding>,
}

/// The result serializer ([`tape`]), for the boundary's own tests (`tests/shared/tape.rs`):
/// `value` as JavaScript receives it, sent in pieces of `flush_steps` steps (0: the size a
/// result is sent in).
#[doc(hidden)]
pub fn tape_to_js<T: Serialize + ?Sized>(value: &T, flush_steps: usize) -> Result<JsValue, String> {
    let sent = if flush_steps == 0 {
        tape::to_js(value)
    } else {
        tape::to_js_in_pieces(value, flush_steps)
    };
    sent.map_err(|e| e.to_string())
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::PACKAGE_VERSION.to_string()
}

/// The data the engine returns, generated from the Rust types (`tests/typescript.rs`).
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("types.d.ts");

/// The inputs, `ProgressReport` and `CchcError`, written by hand.
#[wasm_bindgen(typescript_custom_section)]
const TS_API: &str = include_str!("api.d.ts");

/// The National Public Service Portal's 766 answers (see `portal766`), in a block of
/// its own.
#[cfg(feature = "portal766")]
#[wasm_bindgen(js_class = Engine)]
impl JsEngine {
    /// Evaluates the portal's saved answers: `answers` is the list `[{ endpoint, period,
    /// answer }]` (or its JSON text), each `answer` the API's JSON as saved (an object, or the
    /// file's text); `options` the rest of the input (`asOf`, `locale`, `label`, `options`,
    /// `units`, `unitMap`, `mapping`). Returns the report of `evaluate` with `portal766`, the
    /// portal's figures and scores, beside it.
    #[wasm_bindgen(js_name = evaluatePortal766, unchecked_return_type = "Portal766Report")]
    pub fn evaluate_portal766(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Portal766Answer[] | string")] answers: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Portal766Options")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let engine = self.engine()?;
        let answers = match js_text(&answers, TextKind::Json).map_err(into_js_error)? {
            Some(text) => {
                crate::data::check_text_size(&text, "JSON").map_err(into_js_error)?;
                serde_json::from_str::<serde_json::Value>(&text).map_err(|e| {
                    let m = crate::error::serde_message(&e.to_string());
                    into_js_error(crate::error::input::not_json("$.answers", m).into())
                })?
            }
            None => input_value(&answers).map_err(into_js_error)?,
        };
        let mut value = input_value(&options).map_err(into_js_error)?;
        let Some(object) = value.as_object_mut() else {
            return Err(into_js_error(not_an_object()));
        };
        if object.contains_key("answers") {
            return Err(into_js_error(crate::error::input::answers_in_options().into()));
        }
        object.insert("answers".to_string(), answers);
        let report = engine.evaluate_portal766(&value).map_err(into_js_error)?;
        to_js(&report)
    }
}
