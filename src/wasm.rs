//! The one module that talks to JavaScript. It decodes JS values, calls the core, and
//! encodes results with one serializer (plain objects, never `Map`); every failure becomes
//! a thrown `CchcError` through [`into_js_error`]. Nothing else in the crate knows about
//! wasm-bindgen.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::{Error, Errors};
use crate::plan::{Level, RampReading};

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
"#)]
extern "C" {
    #[wasm_bindgen(js_name = makeError)]
    fn make_error(code: &str, path: &str, vi: &str, en: &str, errors: JsValue) -> JsValue;
}

fn serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::json_compatible()
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serializer()).map_err(|e| {
        into_js_error(
            Error::new(
                "INTERNAL_SERIALIZE",
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
    let list = errors.serialize(&serializer()).unwrap_or(JsValue::NULL);
    match errors.first() {
        Some(e) => make_error(e.code, &e.path, &e.message.vi, &e.message.en, list),
        None => make_error("INTERNAL", "$", "lỗi nội bộ", "internal error", list),
    }
}

fn bad_argument(path: &str, vi: String, en: String) -> JsValue {
    into_js_error(Error::new("INVALID_ARGUMENT", path, vi, en).into())
}

fn parse_level(v: &str) -> Result<Level, JsValue> {
    Level::parse(v).ok_or_else(|| {
        bad_argument(
            "$.level",
            format!("cấp `{v}` không hợp lệ; chỉ nhận `city`, `district`, `commune`"),
            format!("level `{v}` is not valid; expected `city`, `district` or `commune`"),
        )
    })
}

fn parse_reading(v: Option<String>) -> Result<Option<RampReading>, JsValue> {
    match v {
        None => Ok(None),
        Some(s) => RampReading::parse(&s).map(Some).ok_or_else(|| {
            bad_argument(
                "$.reading",
                format!("cách đọc `{s}` không hợp lệ; chỉ nhận `schedule`, `increment`, `relative`"),
                format!("reading `{s}` is not valid; expected `schedule`, `increment` or `relative`"),
            )
        }),
    }
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
    pub fn from_plan(pack: JsValue) -> Result<JsEngine, JsValue> {
        let inner = if let Some(text) = pack.as_string() {
            crate::Engine::from_json(&text)
        } else {
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
    pub fn plan(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.plan())
    }

    /// The plan's indicators.
    pub fn indicators(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.plan().indicators)
    }

    /// The ramp floor for a level and year; `reading` defaults to the ramp's own default,
    /// `previousActual` feeds the increment reading.
    pub fn ramp(
        &self,
        level: String,
        year: i32,
        reading: Option<String>,
        #[wasm_bindgen(js_name = previousActual)] previous_actual: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        let level = parse_level(&level)?;
        let reading = parse_reading(reading)?;
        let floor = self
            .inner
            .ramp_floor(None, level, year, reading, previous_actual)
            .map_err(|e| into_js_error(e.into()))?;
        to_js(&floor)
    }

    /// Package and rule-pack versions.
    pub fn version(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.versions())
    }
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::PACKAGE_VERSION.to_string()
}
