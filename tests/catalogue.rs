//! The catalogue of bad inputs (`tests/fixtures/catalogue.json`), run natively on the Rust
//! API. The JavaScript-facing run (Node and Chromium) is `tests/shared/catalogue.rs`; this one
//! skips what only JavaScript can express (NaN, undefined, cycles, …), the `ramp` entries,
//! whose argument checks live in the JS binding, and the `js` entries (calls on the class).
#![cfg(not(target_arch = "wasm32"))]
// Tests may unwrap and index: a failing test should fail loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use cchc_progress::error::Errors;
use cchc_progress::report::Report;
use cchc_progress::Engine;
use serde_json::Value;

#[path = "common/base64.rs"]
mod base64;
#[path = "common/not_for_users.rs"]
mod not_for_users;
use not_for_users::NOT_FOR_USERS;

const CATALOGUE: &str = include_str!("fixtures/catalogue.json");

/// Markers that only a JavaScript value can carry.
const JS_ONLY: &[&str] = &[
    "$NaN",
    "$Infinity",
    "$-Infinity",
    "$undefined",
    "$function",
    "$loneSurrogate",
    "$nest",
    "$cycle",
    "$throwingGetter",
    "$hugeSparseArray",
    "$hugeBigInt",
    "$smallBigInt",
    "$mapOptions",
    "$loneSurrogateIn",
];

fn js_only(v: &Value) -> bool {
    match v {
        Value::String(s) => JS_ONLY.contains(&s.as_str()),
        Value::Array(a) => a.iter().any(js_only),
        Value::Object(m) => m.iter().any(|(k, v)| JS_ONLY.contains(&k.as_str()) || js_only(v)),
        _ => false,
    }
}

/// Applies the markers that JSON can represent once expanded.
fn build(v: &Value, base_pack: &Value) -> Value {
    match v {
        Value::Array(a) => Value::Array(a.iter().map(|x| build(x, base_pack)).collect()),
        Value::Object(m) => {
            if let Some(Value::Array(r)) = m.get("$repeat") {
                return Value::String(r[0].as_str().unwrap().repeat(r[1].as_u64().unwrap() as usize));
            }
            if let Some(Value::Array(parts)) = m.get("$repeatConcat") {
                let mut s = String::new();
                for p in parts {
                    s.push_str(&p[0].as_str().unwrap().repeat(p[1].as_u64().unwrap() as usize));
                }
                return Value::String(s);
            }
            if let Some(Value::Array(r)) = m.get("$repeatItem") {
                let item = build(&r[0], base_pack);
                return Value::Array(vec![item; r[1].as_u64().unwrap() as usize]);
            }
            if let Some(j) = m.get("$json") {
                return Value::String(serde_json::to_string(&build(j, base_pack)).unwrap());
            }
            if let Some(Value::Array(ops)) = m.get("$basePack") {
                let mut pack = base_pack.clone();
                for op in ops {
                    let pointer = op[1].as_str().unwrap();
                    let (parent, key) = pointer.rsplit_once('/').unwrap();
                    let target = pack.pointer_mut(parent).unwrap();
                    match (op[0].as_str().unwrap(), target) {
                        ("set", Value::Object(o)) => {
                            o.insert(key.to_string(), build(&op[2], base_pack));
                        }
                        ("set", Value::Array(a)) => a[key.parse::<usize>().unwrap()] = build(&op[2], base_pack),
                        ("remove", Value::Object(o)) => {
                            o.remove(key);
                        }
                        other => panic!("bad $basePack op {other:?}"),
                    }
                }
                return pack;
            }
            let mut out = serde_json::Map::new();
            for (k, x) in m {
                if k == "$repeatKey" {
                    out.insert(
                        x[0].as_str().unwrap().repeat(x[1].as_u64().unwrap() as usize),
                        Value::from(1),
                    );
                } else {
                    out.insert(k.clone(), build(x, base_pack));
                }
            }
            Value::Object(out)
        }
        other => other.clone(),
    }
}

fn check_errors(name: &str, expect: &Value, errors: &Errors) {
    let first = errors.first().unwrap();
    assert_eq!(first.code, expect["error"].as_str().unwrap(), "{name}: {errors}");
    if let Some(path) = expect.get("path").and_then(Value::as_str) {
        assert_eq!(first.path, path, "{name}");
    }
    if let Some(part) = expect.get("messageContains").and_then(Value::as_str) {
        assert!(
            first.message.en.contains(part),
            "{name}: `{part}` not in `{}`",
            first.message.en
        );
    }
    for code in expect.get("errors").and_then(Value::as_array).into_iter().flatten() {
        assert!(
            errors.codes().contains(&code.as_str().unwrap()),
            "{name}: {code} missing from {:?}",
            errors.codes()
        );
    }
    for e in &errors.0 {
        assert!(e.path.starts_with('$'), "{name}: {}", e.path);
        for m in [&e.message.vi, &e.message.en] {
            assert!(!m.trim().is_empty(), "{name}: empty message");
            assert!(!m.trim_end().ends_with(':'), "{name}: `{m}` ends before its detail");
            for bad in NOT_FOR_USERS {
                assert!(!m.contains(bad), "{name}: `{bad}` in `{m}`");
            }
        }
    }
}

fn row<'a>(report: &'a Report, indicator: &str, unit: &str) -> Option<&'a cchc_progress::report::IndicatorResult> {
    report
        .results
        .iter()
        .find(|r| r.indicator == indicator && r.unit.as_deref() == Some(unit))
}

fn check_report(name: &str, expect: &Value, report: &Report) {
    if let Some(code) = expect.get("finding").and_then(Value::as_str) {
        let v = serde_json::to_value(report).unwrap();
        let codes: Vec<&str> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        assert!(codes.contains(&code), "{name}: finding {code} not in {codes:?}");
    } else if let Some(s) = expect.get("status") {
        check_row(name, s, report);
    } else {
        panic!("{name}: expected an error, got a report");
    }
}

fn check_row(name: &str, s: &Value, report: &Report) {
    let r = row(report, s["indicator"].as_str().unwrap(), s["unit"].as_str().unwrap())
        .unwrap_or_else(|| panic!("{name}: no row for {s}"));
    if let Some(status) = s.get("status").and_then(Value::as_str) {
        assert_eq!(r.status.code(), status, "{name}");
    }
    if let Some(value) = s.get("value").and_then(Value::as_f64) {
        assert_eq!(r.value.map(|n| n.0), Some(value), "{name}");
    }
    if let Some(part) = s.get("explanation").and_then(Value::as_str) {
        let en = r.explanation.as_ref().map(|t| t.en.as_str()).unwrap_or_default();
        assert!(en.contains(part), "{name}: `{part}` not in `{en}`");
    }
}

#[test]
fn every_bad_input_gets_a_structured_error_or_a_finding() {
    let catalogue: Value = serde_json::from_str(CATALOGUE).unwrap();
    let base_pack = &catalogue["basePack"];
    let good = &catalogue["good"];
    let engine = Engine::embedded().unwrap();
    let (mut ran, mut skipped) = (0, 0);
    let mut failed = Vec::new();
    // Failures are collected and listed together below.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    for entry in catalogue["entries"].as_array().unwrap() {
        let name = entry["name"].as_str().unwrap();
        let target = entry["target"].as_str().unwrap();
        if target == "ramp" || target == "js" || entry.get("jsOnly").is_some() || js_only(entry) {
            skipped += 1;
            continue;
        }
        let run = std::panic::catch_unwind(|| run_entry(&engine, entry, base_pack, good));
        match run {
            Ok(()) => ran += 1,
            Err(e) => failed.push(e.downcast_ref::<String>().cloned().unwrap_or_else(|| name.to_string())),
        }
    }
    std::panic::set_hook(hook);
    println!("catalogue: {ran} entries run natively, {skipped} left to the JavaScript run");
    assert!(failed.is_empty(), "{} failed:\n{}", failed.len(), failed.join("\n"));
    assert!(ran >= 150, "{ran}");
}

fn run_entry(engine: &Engine, entry: &Value, base_pack: &Value, good: &Value) {
    let name = entry["name"].as_str().unwrap();
    let target = entry["target"].as_str().unwrap();
    let expect = &entry["expect"];
    let input = build(&entry["input"], base_pack);
    let outcome: Result<Option<Report>, Errors> = match target {
        "rule_pack" => match &input {
            Value::String(text) => Engine::from_json(text).map(|_| None),
            other => Engine::from_value(other.clone()).map(|_| None),
        },
        "evaluate" => engine.evaluate(&input).map(Some),
        // What `validate` answers `valid: false` for is what `evaluate` refuses.
        "validate" => match engine.validate_input(&input) {
            Ok(()) => panic!("{name}: the input was valid"),
            Err(e) => Err(e),
        },
        "evaluate_json" => engine.evaluate_json(input.as_str().unwrap()).map(Some),
        "evaluate_csv" => {
            let csv = match entry.get("csvBase64") {
                Some(b) => String::from_utf8_lossy(&base64::decode(b.as_str().unwrap())).into_owned(),
                None => build(&entry["csv"], base_pack).as_str().unwrap().to_string(),
            };
            engine
                .evaluate_csv(&csv, &build(&entry["options"], base_pack))
                .map(Some)
        }
        other => panic!("{name}: unknown target {other}"),
    };
    match outcome {
        Err(errors) => {
            assert!(expect.get("error").is_some(), "{name}: unexpected error {errors}");
            check_errors(name, expect, &errors);
        }
        Ok(Some(report)) => check_report(name, expect, &report),
        Ok(None) => panic!("{name}: the rule pack was accepted"),
    }
    // The same engine still evaluates the good input.
    let report = engine.evaluate(&good["input"]).unwrap();
    check_row(name, &good["expect"], &report);
}

/// Too large to keep in the catalogue file or to build in a browser test: text over
/// `MAX_TEXT_BYTES` is refused before it is parsed, as JSON and as CSV.
#[test]
fn text_over_the_size_limit_is_refused_before_parsing() {
    let engine = Engine::embedded().unwrap();
    let text = " ".repeat(cchc_progress::data::MAX_TEXT_BYTES + 1);
    let e = engine.evaluate_json(&text).unwrap_err();
    assert_eq!(e.codes(), ["INPUT_TOO_LARGE"]);
    let e = engine
        .evaluate_csv(&text, &serde_json::json!({"asOf": "2024-12-31"}))
        .unwrap_err();
    assert_eq!(e.codes(), ["INPUT_TOO_LARGE"]);
    assert!(e.0[0].message.en.contains("256 MiB"), "{}", e.0[0].message.en);
}
