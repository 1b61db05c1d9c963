//! `engine.report(source)` and its `ProgressReport` (`src/wasm/report.js`), as JavaScript
//! uses them, under Node and in browsers: the whole report is today's bytes, each accessor
//! reads the row the full report holds, filters find the same rows, bad indexes and bad
//! sources are structured errors, and a report outlives its engine.

use cchc_progress::wasm::JsEngine;
use js_sys::{Array, Function, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

use super::scenarios::SCENARIOS;
use super::{code_of, get};

fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = get(target, name)
        .dyn_into()
        .unwrap_or_else(|_| panic!("no method {name}"));
    f.apply(target, &args.iter().collect::<Array>())
}

fn text(v: &JsValue) -> String {
    JSON::stringify(v).unwrap().as_string().unwrap()
}

fn parse(s: &str) -> JsValue {
    JSON::parse(s).unwrap()
}

fn count(report: &JsValue, name: &str) -> u32 {
    get(report, name).as_f64().unwrap() as u32
}

/// Every `step`-th row through its accessor equals the full report's row, and each list's
/// count. (A browser's test runner gives up on a page busy for about 20 s at a stretch: the
/// copies of a report are checked on a sample.)
fn rows_agree(report: &JsValue, whole: &JsValue, name: &str, step: usize) {
    for (list, single, counter) in [
        ("results", "result", "resultCount"),
        ("levelSummaries", "levelSummary", "levelSummaryCount"),
        ("findings", "finding", "findingCount"),
    ] {
        let want: Array = get(whole, list).dyn_into().unwrap();
        assert_eq!(count(report, counter), want.length(), "{name}: {counter}");
        for i in (0..want.length()).step_by(step) {
            let got = call(report, single, &[JsValue::from(i)]).unwrap();
            assert_eq!(text(&got), text(&want.get(i)), "{name}: {single}({i})");
        }
    }
    let review = get(whole, "review");
    let rows = if review.is_undefined() {
        Array::new()
    } else {
        get(&review, "rows").dyn_into().unwrap()
    };
    assert_eq!(count(report, "reviewRowCount"), rows.length(), "{name}: reviewRowCount");
    for i in 0..rows.length() {
        assert_eq!(
            text(&call(report, "reviewRow", &[JsValue::from(i)]).unwrap()),
            text(&rows.get(i))
        );
    }
    for member in [
        "plan", "asOf", "locale", "options", "summary", "areas", "review", "label",
    ] {
        let (got, want) = (get(report, member), get(whole, member));
        assert_eq!(got.is_undefined(), want.is_undefined(), "{name}: {member}");
        if !want.is_undefined() {
            assert_eq!(text(&got), text(&want), "{name}: {member}");
        }
    }
}

/// The rows a filter finds, found by hand in the full report, for about 24 (indicator, unit)
/// pairs spread over the report.
fn filter_agrees(report: &JsValue, whole: &JsValue, name: &str) {
    let results: Array = get(whole, "results").dyn_into().unwrap();
    let mut pairs = std::collections::BTreeSet::new();
    for row in results.iter() {
        pairs.insert((
            get(&row, "indicator").as_string().unwrap(),
            get(&row, "unit").as_string(),
        ));
    }
    let step = pairs.len() / 24 + 1;
    for (indicator, unit) in pairs.into_iter().step_by(step) {
        let filter = js_sys::Object::new();
        Reflect::set(&filter, &"indicator".into(), &indicator.clone().into()).unwrap();
        Reflect::set(
            &filter,
            &"unit".into(),
            &unit.clone().map_or(JsValue::NULL, JsValue::from),
        )
        .unwrap();
        let got: Array = call(report, "results", &[filter.into()]).unwrap().dyn_into().unwrap();
        let want: Array = results
            .iter()
            .filter(|r| {
                get(r, "indicator").as_string().as_ref() == Some(&indicator) && get(r, "unit").as_string() == unit
            })
            .collect();
        assert_eq!(text(&got), text(&want), "{name}: results of {indicator} {unit:?}");
    }
    let headline = parse(r#"{"headline": true}"#);
    let got: Array = call(report, "results", &[headline]).unwrap().dyn_into().unwrap();
    let want = results
        .iter()
        .filter(|r| get(r, "headline").as_bool() == Some(true))
        .count();
    assert_eq!(got.length() as usize, want, "{name}: headline rows");
}

// Four tests of a quarter of the scenarios each: a browser's test runner gives up on a page
// kept busy for about 20 s, which all of them at once came close to in Firefox.
#[wasm_bindgen_test]
fn every_scenario_reads_back_through_the_packed_report_1() {
    scenarios_read_back(0);
}

#[wasm_bindgen_test]
fn every_scenario_reads_back_through_the_packed_report_2() {
    scenarios_read_back(1);
}

#[wasm_bindgen_test]
fn every_scenario_reads_back_through_the_packed_report_3() {
    scenarios_read_back(2);
}

#[wasm_bindgen_test]
fn every_scenario_reads_back_through_the_packed_report_4() {
    scenarios_read_back(3);
}

/// The scenarios of quarter `q` (every fourth, from the `q`-th).
fn scenarios_read_back(q: usize) {
    let engine = JsEngine::new().unwrap();
    let core = cchc_progress::Engine::embedded().unwrap();
    for (name, input) in SCENARIOS.iter().skip(q).step_by(4) {
        let report = engine.report(parse(input), JsValue::UNDEFINED).unwrap();
        let inside = core.evaluate_json(input).unwrap();
        // `text()` is the engine's own bytes; `toJSON()` today's full report.
        assert_eq!(
            call(&report, "text", &[]).unwrap().as_string().unwrap(),
            serde_json::to_string(&inside).unwrap(),
            "{name}"
        );
        let whole = call(&report, "toJSON", &[]).unwrap();
        assert_eq!(
            text(&whole),
            text(&engine.evaluate(parse(input)).unwrap()),
            "{name}: toJSON"
        );
        rows_agree(&report, &whole, name, 1);
        filter_agrees(&report, &whole, name);
        // The same through `{ json }`, through the bytes alone, and through a report made from JSON.
        let source = js_sys::Object::new();
        Reflect::set(&source, &"json".into(), &JsValue::from_str(input)).unwrap();
        let from_text = engine.report(source.into(), JsValue::UNDEFINED).unwrap();
        assert_eq!(text(&call(&from_text, "toJSON", &[]).unwrap()), text(&whole));
        let class = Reflect::get_prototype_of(&report).unwrap().constructor();
        let again = call(&class, "fromBuffer", &[get(&report, "buffer")]).unwrap();
        rows_agree(&again, &whole, name, 7);
        let plain = call(&class, "fromJSON", &[parse(&text(&whole))]).unwrap();
        rows_agree(&plain, &whole, name, 7);
        filter_agrees(&plain, &whole, name);
    }
}

#[wasm_bindgen_test]
fn bad_indexes_filters_and_bytes_are_structured_errors() {
    let engine = JsEngine::new().unwrap();
    let (_, input) = SCENARIOS[0];
    let report = engine.report(parse(input), JsValue::UNDEFINED).unwrap();
    let n = count(&report, "resultCount");
    for bad in [
        JsValue::from(-1),
        JsValue::from(n),
        JsValue::from(0.5),
        JsValue::from_str("0"),
        JsValue::UNDEFINED,
    ] {
        let err = call(&report, "result", &[bad]).unwrap_err();
        assert_eq!(code_of(&err), "REPORT_INDEX_OUT_OF_RANGE");
        assert!(get(&err, "messageVi").as_string().unwrap().contains("ngoài phạm vi"));
    }
    let err = call(&report, "results", &[parse(r#"{"province": "ct"}"#)]).unwrap_err();
    assert_eq!(code_of(&err), "INVALID_ARGUMENT");
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("$.province"));
    let class = Reflect::get_prototype_of(&report).unwrap().constructor();
    let buffer: js_sys::Uint8Array = get(&report, "buffer").dyn_into().unwrap();
    for broken in [
        js_sys::Uint8Array::new_with_length(3).into(),
        buffer.slice(0, buffer.length() - 1).into(),
        {
            let b = buffer.slice(0, buffer.length());
            b.set_index(0, b'X');
            b.into()
        },
        JsValue::from_str("bytes"),
    ] {
        let err = call(&class, "fromBuffer", &[broken]).unwrap_err();
        assert_eq!(code_of(&err), "REPORT_INVALID");
    }
    let err = call(&class, "fromJSON", &[parse(r#"{"results": 1}"#)]).unwrap_err();
    assert_eq!(code_of(&err), "REPORT_INVALID");
    // Nothing broke: the same report reads as before.
    assert_eq!(count(&report, "resultCount"), n);
}

#[wasm_bindgen_test]
fn a_report_outlives_its_engine() {
    let engine = JsEngine::new().unwrap();
    let (_, input) = SCENARIOS[0];
    let report = engine.report(parse(input), JsValue::UNDEFINED).unwrap();
    let want = text(&call(&report, "result", &[JsValue::from(0)]).unwrap());
    drop(engine);
    assert_eq!(text(&call(&report, "result", &[JsValue::from(0)]).unwrap()), want);
}

const CSV_MERGER: &str = include_str!("../fixtures/eval/csv/rollup_across_commune_merger_2024.csv");
const CSV_MERGER_OPTIONS: &str = include_str!("../fixtures/eval/csv/rollup_across_commune_merger_2024.options.json");

#[wasm_bindgen_test]
fn sources_are_named_by_their_key() {
    let engine = JsEngine::new().unwrap();
    let source = js_sys::Object::new();
    Reflect::set(&source, &"csv".into(), &CSV_MERGER.into()).unwrap();
    Reflect::set(&source, &"options".into(), &parse(CSV_MERGER_OPTIONS)).unwrap();
    let report = engine.report(source.clone().into(), JsValue::UNDEFINED).unwrap();
    let want = engine
        .evaluate_csv(CSV_MERGER.into(), parse(CSV_MERGER_OPTIONS))
        .unwrap();
    assert_eq!(text(&call(&report, "toJSON", &[]).unwrap()), text(&want));
    // Two kinds at once, an unknown field, a CSV that is not text, an unknown plan.
    Reflect::set(&source, &"json".into(), &"{}".into()).unwrap();
    assert_eq!(
        code_of(&engine.report(source.into(), JsValue::UNDEFINED).unwrap_err()),
        "INPUT_INVALID"
    );
    let err = engine
        .report(parse(r#"{"csv": "a", "units": []}"#), JsValue::UNDEFINED)
        .unwrap_err();
    assert_eq!(code_of(&err), "INPUT_UNKNOWN_FIELD");
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("$.units"));
    let err = engine
        .report(parse(r#"{"csv": 5, "options": {}}"#), JsValue::UNDEFINED)
        .unwrap_err();
    assert_eq!(code_of(&err), "INPUT_INVALID_TYPE");
    let err = engine
        .report(parse(r#"{"json": "{}"}"#), parse(r#"{"plan": "nope"}"#))
        .unwrap_err();
    assert_eq!(code_of(&err), "UNKNOWN_PLAN");
    let err = engine
        .report(parse(r#"{"json": "{}"}"#), parse(r#"{"plans": "x"}"#))
        .unwrap_err();
    assert_eq!(code_of(&err), "INVALID_ARGUMENT");
    assert_eq!(
        code_of(&engine.report(JsValue::NULL, JsValue::UNDEFINED).unwrap_err()),
        "INPUT_NOT_OBJECT"
    );
    // The engine still works.
    let (_, input) = SCENARIOS[0];
    assert!(engine.report(parse(input), JsValue::UNDEFINED).is_ok());
}

#[wasm_bindgen_test]
fn reports_of_every_plan_are_keyed_by_plan_id() {
    let plans: Array = ["can-tho-2021-2025", "can-tho-2026-2030"]
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect();
    let engine = JsEngine::from_plans(plans.into()).unwrap();
    let (_, input) = SCENARIOS[0];
    let all = engine.reports(parse(input)).unwrap();
    let want = engine.evaluate_plans(parse(input)).unwrap();
    same(
        &text(&all),
        &text(&want),
        "JSON.stringify of the reports is evaluatePlans'",
    );
    let second = engine
        .report(parse(input), parse(r#"{"plan": "can-tho-2026-2030"}"#))
        .unwrap();
    let want = engine.evaluate_plan("can-tho-2026-2030".into(), parse(input)).unwrap();
    same(&text(&second), &text(&want), "report(…, { plan }) is evaluatePlan");
}

/// Equal texts, or the place where they part (reports are too long to print whole).
fn same(got: &str, want: &str, what: &str) {
    if got != want {
        let (g, w): (Vec<char>, Vec<char>) = (got.chars().collect(), want.chars().collect());
        let at = g.iter().zip(&w).take_while(|(a, b)| a == b).count();
        let cut = |v: &[char]| {
            v[at.saturating_sub(150)..(at + 150).min(v.len())]
                .iter()
                .collect::<String>()
        };
        panic!(
            "{what}: they part at character {at}:\n got: {}\nwant: {}",
            cut(&g),
            cut(&w)
        );
    }
}
