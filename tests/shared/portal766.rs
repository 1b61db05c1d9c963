//! `engine.evaluatePortal766(answers, options)`: the national portal's 766 answers through the
//! JavaScript door give the native report, from a list or its JSON text, and refuse what the
//! native reader refuses, with the same codes.

use cchc_progress::wasm::JsEngine;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

use super::{code_of, get};

const TWO_PAGES: &str = include_str!("../fixtures/portal766/two_pages_make_one_period.json");
const TREE: &str = include_str!("../fixtures/portal766/tree_online_payment_without_department_code.json");
const HTML: &str = include_str!("../fixtures/portal766/errors/answer_is_an_html_login_page.json");

/// `(answers, options)` as JavaScript would pass them, from a fixture of the native suite.
fn split(fixture: &str) -> (JsValue, JsValue, String) {
    let mut v: serde_json::Value = serde_json::from_str(fixture).unwrap();
    let answers = v.as_object_mut().unwrap().remove("answers").unwrap();
    let text = answers.to_string();
    let parse = |s: &str| js_sys::JSON::parse(s).unwrap();
    (parse(&text), parse(&v.to_string()), text)
}

fn native(fixture: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(fixture).unwrap();
    let engine = cchc_progress::Engine::embedded().unwrap();
    serde_json::to_string(&engine.evaluate_portal766(&v).unwrap()).unwrap()
}

fn stringify(v: &JsValue) -> String {
    js_sys::JSON::stringify(v).unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
fn answers_give_the_native_report_from_a_list_and_from_text() {
    let engine = JsEngine::new().unwrap();
    for fixture in [TWO_PAGES, TREE] {
        let want = native(fixture);
        let (answers, options, text) = split(fixture);
        let report = engine.evaluate_portal766(answers, options.clone()).unwrap();
        assert_eq!(stringify(&report), want);
        let from_text = engine.evaluate_portal766(JsValue::from_str(&text), options).unwrap();
        assert_eq!(stringify(&from_text), want);
        // The portal's side is a plain object with the portal's scores.
        let figures = js_sys::Array::from(&get(&get(&report, "portal766"), "figures"));
        assert!(figures.length() > 0);
        assert!(get(&figures.get(0), "portalMaxScore").as_f64().is_some());
    }
}

#[wasm_bindgen_test]
fn a_saved_login_page_and_answers_in_the_options_are_refused() {
    let engine = JsEngine::new().unwrap();
    let (answers, options, _) = split(HTML);
    let err = engine.evaluate_portal766(answers.clone(), options.clone()).unwrap_err();
    assert_eq!(code_of(&err), "PORTAL766_HTML");
    js_sys::Reflect::set(&options, &JsValue::from_str("answers"), &answers).unwrap();
    let err = engine.evaluate_portal766(answers, options).unwrap_err();
    assert_eq!(code_of(&err), "INPUT_UNKNOWN_FIELD");
    let err = engine
        .evaluate_portal766(JsValue::from_str("[{"), js_sys::Object::new().into())
        .unwrap_err();
    assert_eq!(code_of(&err), "INPUT_INVALID_JSON");
}
