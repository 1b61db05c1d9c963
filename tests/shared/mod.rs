//! The JavaScript-facing API, tested from inside wasm. This one module runs twice: under Node
//! (`tests/node.rs`) and in headless Chromium (`tests/browser.rs`).

use cchc_progress::wasm::JsEngine;
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod catalogue;
mod hostile;
mod javascript;
mod packed;
mod plans_2026;
mod portal766;
mod scenarios;
mod tape;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// `engine.ramp(level, year, reading?, previousActual?)` as JavaScript calls it.
fn ramp(
    engine: &JsEngine,
    level: &str,
    year: i32,
    reading: Option<&str>,
    prev: Option<f64>,
) -> Result<JsValue, JsValue> {
    engine.ramp(
        JsValue::from_str(level),
        JsValue::from_f64(f64::from(year)),
        reading.map_or(JsValue::UNDEFINED, JsValue::from_str),
        prev.map_or(JsValue::UNDEFINED, JsValue::from_f64),
    )
}

fn code_of(err: &JsValue) -> String {
    get(err, "code").as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
fn ramp_floor_matches_the_schedule_table() {
    let engine = JsEngine::new().unwrap();
    let cases = [
        ("city", 2022, 50.0),
        ("city", 2024, 90.0),
        ("district", 2023, 60.0),
        ("commune", 2025, 95.0),
    ];
    for (level, year, want) in cases {
        let f = ramp(&engine, level, year, None, None).unwrap();
        assert_eq!(get(&f, "floor").as_f64(), Some(want), "{level} {year}");
        assert_eq!(get(&f, "reading").as_string().as_deref(), Some("schedule"));
        // Plain objects, never a Map: the explanation is reachable as a property.
        let text = get(&get(&f, "explanation"), "vi").as_string().unwrap();
        assert!(text.contains("II.2.c.2"), "{text}");
    }
}

#[wasm_bindgen_test]
fn ramp_readings_relative_and_increment() {
    let engine = JsEngine::new().unwrap();
    let f = ramp(&engine, "district", 2024, Some("relative"), None).unwrap();
    assert_eq!(get(&f, "floor").as_f64(), Some(57.6));
    let f = ramp(&engine, "commune", 2024, Some("increment"), Some(61.0)).unwrap();
    assert_eq!(get(&f, "floor").as_f64(), Some(81.0));
    let f = ramp(&engine, "commune", 2024, Some("increment"), None).unwrap();
    assert!(get(&f, "floor").is_null());
    assert_eq!(get(&f, "basis").as_string().as_deref(), Some("needs_previous_actual"));
}

#[wasm_bindgen_test]
fn errors_are_structured_and_the_engine_keeps_working() {
    let engine = JsEngine::new().unwrap();
    let err = ramp(&engine, "province", 2023, None, None).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(code_of(&err), "INVALID_ARGUMENT");
    assert_eq!(get(&err, "name").as_string().as_deref(), Some("CchcError"));
    assert!(get(&err, "messageVi").as_string().unwrap().contains("province"));

    let err = ramp(&engine, "city", 2019, None, None).unwrap_err();
    assert_eq!(code_of(&err), "RAMP_YEAR_OUTSIDE_PLAN");
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("$.year"));

    let err = ramp(&engine, "city", 2023, Some("yearly"), None).unwrap_err();
    assert_eq!(code_of(&err), "INVALID_ARGUMENT");

    // The same instance still answers correctly.
    let f = ramp(&engine, "city", 2023, None, None).unwrap();
    assert_eq!(get(&f, "floor").as_f64(), Some(70.0));
}

#[wasm_bindgen_test]
fn indicators_and_versions_are_listed() {
    let engine = JsEngine::new().unwrap();
    let list: js_sys::Array = engine.indicators().unwrap().dyn_into().unwrap();
    assert_eq!(list.length(), 34);
    let v = engine.version().unwrap();
    assert_eq!(
        get(&v, "planId").as_string().as_deref(),
        Some("vn-cantho-cchc-2021-2025")
    );
    assert_eq!(cchc_progress::wasm::version(), env!("CARGO_PKG_VERSION"));
}

const SAMPLE_PACK: &str = include_str!("../fixtures/packs/sample_province.json");
const EVERY_DEFECT: &str = include_str!("../fixtures/packs/invalid/every_defect_at_once.json");

#[wasm_bindgen_test]
fn a_second_rule_pack_loads_from_text_and_from_an_object() {
    let from_text = JsEngine::from_plan(JsValue::from_str(SAMPLE_PACK)).unwrap();
    let object = js_sys::JSON::parse(SAMPLE_PACK).unwrap();
    let from_object = JsEngine::from_plan(object).unwrap();
    for engine in [from_text, from_object] {
        let plan = engine.plan().unwrap();
        assert_eq!(get(&get(&plan, "plan"), "sample").as_bool(), Some(true));
        let f = ramp(&engine, "commune", 2028, None, None).unwrap();
        assert_eq!(get(&f, "floor").as_f64(), Some(70.0));
        let list: js_sys::Array = engine.indicators().unwrap().dyn_into().unwrap();
        assert_eq!(list.length(), 6);
    }
}

#[wasm_bindgen_test]
fn an_invalid_rule_pack_throws_every_error_and_nothing_breaks() {
    let err = JsEngine::from_plan(JsValue::from_str(EVERY_DEFECT)).err().unwrap();
    assert!(err.is_instance_of::<js_sys::Error>());
    let errors: js_sys::Array = get(&err, "errors").dyn_into().unwrap();
    assert!(errors.length() >= 9, "all errors are reported, got {}", errors.length());
    let first = errors.get(0);
    assert_eq!(code_of(&err), get(&first, "code").as_string().unwrap());
    assert!(get(&get(&first, "message"), "vi").is_string());
    assert!(get(&first, "path").as_string().unwrap().starts_with('$'));

    let err = JsEngine::from_plan(JsValue::from_str("{ not json")).err().unwrap();
    assert_eq!(code_of(&err), "RULE_PACK_INVALID_JSON");
    let err = JsEngine::from_plan(JsValue::from_f64(42.0)).err().unwrap();
    assert_eq!(code_of(&err), "RULE_PACK_INVALID_JSON");
    let err = JsEngine::from_plan(JsValue::NULL).err().unwrap();
    assert_eq!(code_of(&err), "RULE_PACK_INVALID_JSON");

    // Engines made before and after the errors still work.
    let engine = JsEngine::new().unwrap();
    let f = ramp(&engine, "district", 2025, None, None).unwrap();
    assert_eq!(get(&f, "floor").as_f64(), Some(100.0));
    assert!(JsEngine::from_plan(JsValue::from_str(SAMPLE_PACK)).is_ok());
}

const CSV_MERGER: &str = include_str!("../fixtures/eval/csv/rollup_across_commune_merger_2024.csv");
const CSV_MERGER_OPTIONS: &str = include_str!("../fixtures/eval/csv/rollup_across_commune_merger_2024.options.json");
const JSON_MERGER: &str = include_str!("../fixtures/eval/rollup_across_commune_merger_2024.json");

#[wasm_bindgen_test]
fn evaluate_csv_gives_the_same_report_as_json() {
    let engine = JsEngine::new().unwrap();
    let from_csv = engine
        .evaluate_csv(
            JsValue::from_str(CSV_MERGER),
            js_sys::JSON::parse(CSV_MERGER_OPTIONS).unwrap(),
        )
        .unwrap();
    let from_json = engine.evaluate(js_sys::JSON::parse(JSON_MERGER).unwrap()).unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&from_csv).unwrap().as_string(),
        js_sys::JSON::stringify(&from_json).unwrap().as_string()
    );
    let err = engine
        .evaluate_csv(
            JsValue::from_str("unit,period\nct,2024\n"),
            js_sys::JSON::parse(CSV_MERGER_OPTIONS).unwrap(),
        )
        .unwrap_err();
    assert_eq!(code_of(&err), "CSV_MISSING_COLUMN");
}

#[wasm_bindgen_test]
fn validate_never_throws_for_bad_input_and_lists_findings() {
    let engine = JsEngine::new().unwrap();
    let good = engine.validate(js_sys::JSON::parse(JSON_MERGER).unwrap()).unwrap();
    assert_eq!(get(&good, "valid").as_bool(), Some(true));
    let bad = engine
        .validate(js_sys::JSON::parse(r#"{"asOf": "2024-02-30", "units": [], "observations": []}"#).unwrap())
        .unwrap();
    assert_eq!(get(&bad, "valid").as_bool(), Some(false));
    let errors: js_sys::Array = get(&bad, "errors").dyn_into().unwrap();
    assert!(errors.length() >= 1);
    let findings = engine
        .validate(
            js_sys::JSON::parse(
                r#"{"asOf": "2024-12-31", "units": [{"id": "ct", "name": "Cần Thơ", "level": "city"}],
                    "observations": [{"indicator": "proc.online_dossiers", "unit": "ct", "period": "2024",
                                      "numerator": 12, "denominator": 10}]}"#,
            )
            .unwrap(),
        )
        .unwrap();
    let list: js_sys::Array = get(&findings, "findings").dyn_into().unwrap();
    assert_eq!(
        get(&list.get(0), "code").as_string().as_deref(),
        Some("numerator_above_denominator")
    );
}

#[wasm_bindgen_test]
fn bad_calls_throw_their_codes_and_the_engine_survives() {
    let engine = JsEngine::new().unwrap();
    let err = engine.evaluate(JsValue::UNDEFINED).unwrap_err();
    assert_eq!(code_of(&err), "INPUT_NOT_OBJECT");
    let err = engine.evaluate(JsValue::from_str("not an object")).unwrap_err();
    assert!(!code_of(&err).is_empty());
    let err = engine.evaluate_json(JsValue::from_str("{ broken")).unwrap_err();
    assert!(!code_of(&err).is_empty());
    let err = ramp(&engine, "city", 2023, Some("increment"), Some(140.0)).unwrap_err();
    assert_eq!(code_of(&err), "VALUE_OUT_OF_RANGE");
    let sample = JsEngine::from_plan(JsValue::from_str(SAMPLE_PACK)).unwrap();
    let err = ramp(&sample, "district", 2027, None, None).unwrap_err();
    assert_eq!(code_of(&err), "RAMP_LEVEL_NOT_COVERED");
    // Still answering, and the same report as before the errors.
    let a = engine.evaluate(js_sys::JSON::parse(JSON_MERGER).unwrap()).unwrap();
    let b = engine.evaluate_json(JsValue::from_str(JSON_MERGER)).unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&a).unwrap().as_string(),
        js_sys::JSON::stringify(&b).unwrap().as_string()
    );
}

#[wasm_bindgen_test]
fn a_plan_without_a_ramp_answers_ramp_calls_with_unknown_ramp() {
    let mut pack: serde_json::Value = serde_json::from_str(SAMPLE_PACK).unwrap();
    pack["ramps"] = serde_json::json!([]);
    pack["indicators"]
        .as_array_mut()
        .unwrap()
        .retain(|i| i.get("ramp").is_none());
    let engine = JsEngine::from_plan(JsValue::from_str(&pack.to_string())).unwrap();
    let err = ramp(&engine, "city", 2027, None, None).unwrap_err();
    assert_eq!(code_of(&err), "UNKNOWN_RAMP");
    assert!(engine.indicators().is_ok(), "the engine keeps working");
}
