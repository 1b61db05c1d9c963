//! The plans after 2025 through the JavaScript API: `Engine.embedded(name)`, and an engine
//! holding several plans (`Engine.fromPlans`, `planIds`, `evaluatePlans`, `evaluatePlan`).

use cchc_progress::wasm::JsEngine;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

use super::{code_of, get};

const SAMPLE_2026: &str = include_str!("../fixtures/plans_2026/sample_2026_city_departments_communes.json");

fn sample() -> JsValue {
    js_sys::JSON::parse(SAMPLE_2026).unwrap()
}

#[wasm_bindgen_test]
fn an_embedded_plan_by_name_and_an_unknown_name() {
    let engine = JsEngine::embedded(JsValue::from_str("can-tho-2026-2030")).unwrap();
    let plan = engine.plan().unwrap();
    assert_eq!(
        get(&get(&plan, "plan"), "id").as_string().as_deref(),
        Some("can-tho-2026-2030")
    );
    assert_eq!(get(&plan, "formatVersion").as_f64(), Some(2.0));
    let report = engine.evaluate(sample()).unwrap();
    let results = js_sys::Array::from(&get(&report, "results"));
    let explanation = get(&get(&results.get(0), "explanation"), "en").as_string().unwrap();
    assert!(
        explanation.ends_with("(as reported in the press on Decision 282/QĐ-TTg)"),
        "{explanation}"
    );

    let err = JsEngine::embedded(JsValue::from_str("can-tho-2031")).err().unwrap();
    assert_eq!(code_of(&err), "UNKNOWN_PLAN");
    let err = JsEngine::embedded(JsValue::from_f64(2026.0)).err().unwrap();
    assert_eq!(code_of(&err), "INVALID_ARGUMENT");
    let names = js_sys::Array::from(&JsEngine::embedded_plans().unwrap());
    assert_eq!(names.length(), 2);
}

#[wasm_bindgen_test]
fn several_plans_one_evaluation() {
    let list = js_sys::Array::of2(
        &JsValue::from_str("can-tho-2021-2025"),
        &JsValue::from_str("can-tho-2026-2030"),
    );
    let engine = JsEngine::from_plans(list.into()).unwrap();
    let ids = js_sys::Array::from(&engine.plan_ids().unwrap());
    assert_eq!(ids.get(1).as_string().as_deref(), Some("can-tho-2026-2030"));
    let all = engine.evaluate_plans(sample()).unwrap();
    let reports = get(&all, "reports");
    let new = get(&reports, "can-tho-2026-2030");
    assert_eq!(js_sys::Array::from(&get(&new, "findings")).length(), 0);
    let old = get(&reports, "vn-cantho-cchc-2021-2025");
    assert!(old.is_object());
    // The named plan alone gives the same report as the reports' entry.
    let one = engine
        .evaluate_plan(JsValue::from_str("can-tho-2026-2030"), sample())
        .unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&one).unwrap().as_string(),
        js_sys::JSON::stringify(&new).unwrap().as_string()
    );
    let err = engine
        .evaluate_plan(JsValue::from_str("other-plan"), sample())
        .err()
        .unwrap();
    assert_eq!(code_of(&err), "UNKNOWN_PLAN");
    // The same plan twice, and a list that is not one.
    let twice = js_sys::Array::of2(
        &JsValue::from_str("can-tho-2026-2030"),
        &JsValue::from_str("can-tho-2026-2030"),
    );
    assert_eq!(
        code_of(&JsEngine::from_plans(twice.into()).err().unwrap()),
        "RULE_PACK_DUPLICATE_ID"
    );
    assert_eq!(
        code_of(&JsEngine::from_plans(JsValue::from_str("x")).err().unwrap()),
        "INVALID_ARGUMENT"
    );
}
