//! The one module that talks to JavaScript. It decodes JS values, calls the core, and
//! encodes results with one serializer ([`tape`]: plain objects, never `Map`); every failure becomes
//! a thrown `CchcError` through [`into_js_error`]. Nothing else in the crate knows about
//! wasm-bindgen.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::{Error, ErrorCode, Errors};
use crate::plan::{Level, RampReading};

mod depth;
mod tape;

#[wasm_bindgen(start)]
fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

// `CchcError` is a real `Error` subclass, so `instanceof Error` holds and stack traces work.
#[wasm_bindgen(inline_js = r#"
export class CchcError extends Error {
  constructor(code, path, messageVi, messageEn, errors) {
    super(messageEn);
    this.name = 'CchcError';
    this.code = code;
    this.path = path;
    this.messageVi = messageVi;
    this.messageEn = messageEn;
    this.errors = errors;
  }
}
export function makeError(code, path, vi, en, errors) { return new CchcError(code, path, vi, en, errors); }
const encoder = new TextEncoder();
export function utf8(s) { return typeof s === 'string' ? encoder.encode(s) : undefined; }
"#)]
extern "C" {
    fn utf8(s: &JsValue) -> Option<js_sys::Uint8Array>;

    #[wasm_bindgen(js_name = makeError)]
    fn make_error(code: &str, path: &str, vi: &str, en: &str, errors: JsValue) -> JsValue;
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    tape::to_js(value).map_err(|e| {
        into_js_error(
            Error::new(
                ErrorCode::InternalSerialize,
                "$",
                format!("lỗi nội bộ: {e}"),
                format!("internal error: {e}"),
            )
            .into(),
        )
    })
}

/// The single way a failure reaches JavaScript.
fn into_js_error(errors: Errors) -> JsValue {
    let list = tape::to_js(&errors).unwrap_or(JsValue::NULL);
    match errors.first() {
        Some(e) => make_error(e.code.as_str(), &e.path, &e.message.vi, &e.message.en, list),
        None => make_error(ErrorCode::Internal.as_str(), "$", "lỗi nội bộ", "internal error", list),
    }
}

fn bad_argument(path: &str, vi: String, en: String) -> JsValue {
    into_js_error(Error::new(ErrorCode::InvalidArgument, path, vi, en).into())
}

/// A JS value shown in a message: strings in backticks as they are, anything else by kind.
fn describe(v: &JsValue) -> String {
    match v.as_string() {
        Some(s) => s.chars().take(40).collect(),
        None if v.is_null() => "null".to_string(),
        None if v.is_undefined() => "undefined".to_string(),
        None => v
            .as_f64()
            .map_or_else(|| v.js_typeof().as_string().unwrap_or_default(), |n| n.to_string()),
    }
}

fn parse_level(v: &JsValue) -> Result<Level, JsValue> {
    v.as_string().as_deref().and_then(Level::parse).ok_or_else(|| {
        let shown = describe(v);
        bad_argument(
            "$.level",
            format!("cấp `{shown}` không hợp lệ; chỉ nhận `city`, `district`, `commune`"),
            format!("level `{shown}` is not valid; expected `city`, `district` or `commune`"),
        )
    })
}

fn parse_reading(v: &JsValue) -> Result<RampReading, JsValue> {
    v.as_string().as_deref().and_then(RampReading::parse).ok_or_else(|| {
        let shown = describe(v);
        bad_argument(
            "$.reading",
            format!("cách đọc `{shown}` không hợp lệ; chỉ nhận `schedule`, `increment`, `relative`"),
            format!("reading `{shown}` is not valid; expected `schedule`, `increment` or `relative`"),
        )
    })
}

/// A year: a whole number (2023, not 2023.5, `"2023"` or NaN).
fn whole_year(v: &JsValue) -> Result<i32, JsValue> {
    match v.as_f64() {
        Some(y) if y.is_finite() && y.fract() == 0.0 && (-1.0e6..=1.0e6).contains(&y) => {
            // Exact: a whole number well inside i32.
            #[allow(clippy::cast_possible_truncation)]
            Ok(y as i32)
        }
        _ => {
            let shown = describe(v);
            Err(bad_argument(
                "$.year",
                format!("năm `{shown}` phải là một số nguyên, ví dụ `2024`"),
                format!("year `{shown}` must be a whole number, such as `2024`"),
            ))
        }
    }
}

fn number_argument(path: &str, v: &JsValue) -> Result<f64, JsValue> {
    match v.as_f64() {
        Some(n) if n.is_finite() => Ok(n),
        _ => {
            let shown = describe(v);
            Err(bad_argument(
                path,
                format!("giá trị `{shown}` phải là một số hữu hạn"),
                format!("value `{shown}` must be a finite number"),
            ))
        }
    }
}

/// A JS string's text: one `TextEncoder.encode` and one copy. (`JsValue::as_string` copies
/// the ASCII start of a text one character at a time in JS: all of an ASCII CSV; the country's
/// 98 MB went from 7.9 to 5.3 s with this and the CSV cells borrowed.) A lone surrogate
/// becomes U+FFFD, as it does there.
fn js_text(v: &JsValue) -> Option<String> {
    String::from_utf8(utf8(v)?.to_vec()).ok()
}

fn string_argument(path: &str, what_vi: &str, what_en: &str, v: &JsValue) -> Result<String, JsValue> {
    js_text(v).ok_or_else(|| {
        let kind = if v.is_null() {
            "null".to_string()
        } else {
            v.js_typeof().as_string().unwrap_or_default()
        };
        bad_argument(
            path,
            format!("cần {what_vi} dạng chuỗi, nhận được `{kind}`"),
            format!("expected {what_en} as a string, got `{kind}`"),
        )
    })
}

/// The progress engine, holding one validated plan.
#[wasm_bindgen(js_name = Engine)]
pub struct JsEngine {
    inner: crate::Engine,
}

#[wasm_bindgen(js_class = Engine)]
impl JsEngine {
    /// An engine on the embedded Cần Thơ 2021–2025 plan.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<JsEngine, JsValue> {
        crate::Engine::embedded()
            .map(|inner| JsEngine { inner })
            .map_err(into_js_error)
    }

    /// An engine on another rule pack, given as an object or as JSON text.
    #[wasm_bindgen(js_name = fromPlan)]
    pub fn from_plan(
        #[wasm_bindgen(unchecked_param_type = "RulePack | string")] pack: JsValue,
    ) -> Result<JsEngine, JsValue> {
        let inner = if let Some(text) = pack.as_string() {
            crate::Engine::from_json(&text)
        } else {
            depth::check(&pack, depth::Door::RulePack)?;
            let value: serde_json::Value = serde_wasm_bindgen::from_value(pack).map_err(|e| {
                bad_argument(
                    "$",
                    format!("bộ quy tắc phải là đối tượng hoặc chuỗi JSON: {e}"),
                    format!("the rule pack must be an object or JSON text: {e}"),
                )
            })?;
            crate::Engine::from_value(value)
        };
        inner.map(|inner| JsEngine { inner }).map_err(into_js_error)
    }

    /// The validated plan, normalized.
    #[wasm_bindgen(unchecked_return_type = "Plan")]
    pub fn plan(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.plan())
    }

    /// The plan's indicators.
    #[wasm_bindgen(unchecked_return_type = "Indicator[]")]
    pub fn indicators(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.plan().indicators)
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
        let floor = self
            .inner
            .ramp_floor(None, level, year, reading, previous_actual)
            .map_err(|e| into_js_error(e.into()))?;
        to_js(&floor)
    }

    /// Package and rule-pack versions.
    #[wasm_bindgen(unchecked_return_type = "Versions")]
    pub fn version(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.versions())
    }

    /// Evaluates a portal's figures (an `EvaluateInput` object) into a progress report.
    /// Bad structure throws a `CchcError` listing every problem; problems with the figures
    /// are returned as `findings` in the report.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EvaluateInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = input_text(input)?;
        let report = self.inner.evaluate_json(&text).map_err(into_js_error)?;
        to_js(&report)
    }

    /// The same as `evaluate`, from the input as JSON text: faster for large exports, since
    /// the text is parsed inside WebAssembly instead of walking a JS object.
    #[wasm_bindgen(js_name = evaluateJson, unchecked_return_type = "Report")]
    pub fn evaluate_json(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = string_argument("$", "văn bản JSON", "JSON text", &text)?;
        let report = self.inner.evaluate_json(&text).map_err(into_js_error)?;
        to_js(&report)
    }

    /// Evaluates observations given as CSV text (a portal's export); `options` carries the
    /// rest of the input: `asOf`, `locale`, `options`, `units`, `label`.
    #[wasm_bindgen(js_name = evaluateCsv, unchecked_return_type = "Report")]
    pub fn evaluate_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] csv: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CsvOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let csv = string_argument("$", "văn bản CSV", "CSV text", &csv)?;
        let value = input_value(options)?;
        let report = self.inner.evaluate_csv(&csv, &value).map_err(into_js_error)?;
        to_js(&report)
    }

    /// Checks an input without showing results: never throws for bad input, returns
    /// `{ valid, errors, findings }`.
    #[wasm_bindgen(unchecked_return_type = "Validation")]
    pub fn validate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EvaluateInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let outcome = match input_text(input) {
            Err(e) => return Err(e),
            Ok(text) => match self.inner.findings_json(&text) {
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
            },
        };
        to_js(&outcome)
    }
}

#[derive(Serialize)]
struct Validation {
    valid: bool,
    errors: Vec<Error>,
    findings: Vec<crate::report::Finding>,
}

/// A JS input as JSON text, for the reader of `evaluateJson`. Walking a large object into a
/// `serde_json::Value` field by field cost about twice as much as `JSON.stringify` plus the
/// text reader (S: 107 against 55 ms). It is safe because `depth::check` has already refused
/// everything `JSON.stringify` would change or drop silently (NaN, Map, BigInt, functions,
/// broken text, throwing getters).
fn input_text(input: JsValue) -> Result<String, JsValue> {
    if input.is_undefined() || input.is_null() {
        return Err(not_an_object());
    }
    depth::check(&input, depth::Door::Input)?;
    let text = js_sys::JSON::stringify(&input).map_err(|e| {
        let detail = e.as_string().unwrap_or_default();
        into_js_error(
            Error::new(
                ErrorCode::InputInvalid,
                "$",
                format!("không đọc được dữ liệu đầu vào: {detail}"),
                format!("the input cannot be read: {detail}"),
            )
            .into(),
        )
    })?;
    // A primitive (a number, a string) stringifies too; the reader then says what is wrong.
    Ok(String::from(text))
}

fn not_an_object() -> JsValue {
    into_js_error(
        Error::new(
            ErrorCode::InputNotObject,
            "$",
            "dữ liệu đầu vào phải là một đối tượng",
            "the input must be an object",
        )
        .into(),
    )
}

/// A JS input as a JSON value. `undefined` and functions are refused here with a clear error
/// rather than deep inside the reader.
fn input_value(input: JsValue) -> Result<serde_json::Value, JsValue> {
    if input.is_undefined() || input.is_null() {
        return Err(not_an_object());
    }
    depth::check(&input, depth::Door::Input)?;
    serde_wasm_bindgen::from_value(input).map_err(|e| {
        let m = crate::error::serde_message(&e.to_string());
        into_js_error(Error::new(ErrorCode::InputInvalid, "$", m.vi, m.en).into())
    })
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::PACKAGE_VERSION.to_string()
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("types.d.ts");
