//! The catalogue of bad inputs (`tests/fixtures/catalogue.json`, its format is in its
//! `format` field), run through the JavaScript API: every call goes through the generated
//! `Engine` class (its JS glue included), on one engine instance that must evaluate the good
//! input correctly after every entry.

use js_sys::{Array, Function, JsString, Object, Reflect};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

use cchc_progress::wasm::JsEngine;

const CATALOGUE: &str = include_str!("../fixtures/catalogue.json");

#[path = "../common/base64.rs"]
mod base64;
#[path = "../common/not_for_users.rs"]
mod not_for_users;
use not_for_users::NOT_FOR_USERS;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// Calls `target.method(...args)` the way JavaScript does.
fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = get(target, method).dyn_into().unwrap();
    f.apply(target, &args.iter().collect::<Array>())
}

/// An own, enumerable property, whatever its name (`__proto__` included).
fn define(obj: &Object, key: &str, value: &JsValue) {
    let desc = Object::new();
    for (k, v) in [
        ("value", value.clone()),
        ("writable", JsValue::TRUE),
        ("enumerable", JsValue::TRUE),
        ("configurable", JsValue::TRUE),
    ] {
        Reflect::set(&desc, &k.into(), &v).unwrap();
    }
    Object::define_property(obj, &key.into(), &desc);
}

fn repeat(pair: &Value) -> String {
    pair[0].as_str().unwrap().repeat(pair[1].as_u64().unwrap() as usize)
}

/// The rule pack `basePack` edited by `[op, pointer, value]` steps.
fn patched(base: &Value, ops: &[Value]) -> Value {
    let mut pack = base.clone();
    for op in ops {
        let (parent, key) = op[1].as_str().unwrap().rsplit_once('/').unwrap();
        match (op[0].as_str().unwrap(), pack.pointer_mut(parent).unwrap()) {
            ("set", Value::Object(o)) => {
                o.insert(key.to_string(), op[2].clone());
            }
            ("set", Value::Array(a)) => a[key.parse::<usize>().unwrap()] = op[2].clone(),
            ("remove", Value::Object(o)) => {
                o.remove(key);
            }
            other => panic!("bad $basePack step {other:?}"),
        }
    }
    pack
}

/// A JS value from catalogue JSON, markers expanded.
fn js(v: &Value, base: &Value) -> JsValue {
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => JsValue::from_f64(n.as_f64().unwrap()),
        Value::String(s) => match s.as_str() {
            "$NaN" => JsValue::from_f64(f64::NAN),
            "$Infinity" => JsValue::from_f64(f64::INFINITY),
            "$-Infinity" => JsValue::from_f64(f64::NEG_INFINITY),
            "$undefined" => JsValue::UNDEFINED,
            "$function" => Function::new_no_args("return '2024-12-31'").into(),
            "$loneSurrogate" => JsString::from_char_code(&[0x43, 0xd800, 0x54]).into(),
            "$hugeSparseArray" => Array::new_with_length(u32::MAX).into(),
            "$hugeBigInt" => js_sys::eval("2n ** 70n").unwrap(),
            "$smallBigInt" => js_sys::eval("120n").unwrap(),
            "$mapOptions" => js_sys::eval("new Map([['rampReading', 'relative']])").unwrap(),
            _ => JsValue::from_str(s),
        },
        Value::Array(items) => items.iter().map(|x| js(x, base)).collect::<Array>().into(),
        Value::Object(m) => {
            if let Some(r) = m.get("$repeat") {
                return JsValue::from_str(&repeat(r));
            }
            if let Some(Value::Array(parts)) = m.get("$repeatConcat") {
                return JsValue::from_str(&parts.iter().map(repeat).collect::<String>());
            }
            if let Some(r) = m.get("$repeatItem") {
                let item = js(&r[0], base);
                let n = r[1].as_u64().unwrap() as u32;
                let a = Array::new_with_length(n);
                for i in 0..n {
                    a.set(i, item.clone());
                }
                return a.into();
            }
            if let Some(Value::Array(parts)) = m.get("$loneSurrogateIn") {
                let mut units: Vec<u16> = parts[0].as_str().unwrap().encode_utf16().collect();
                units.push(0xd800);
                units.extend(parts[1].as_str().unwrap().encode_utf16());
                return JsString::from_char_code(&units).into();
            }
            if let Some(inner) = m.get("$json") {
                return js_sys::JSON::stringify(&js(inner, base)).unwrap().into();
            }
            if let Some(Value::Array(ops)) = m.get("$basePack") {
                return js(&patched(base, ops), base);
            }
            if let Some(n) = m.get("$nest") {
                let array = n[1] == "array";
                let mut cur: JsValue = if array {
                    Array::new().into()
                } else {
                    Object::new().into()
                };
                for _ in 0..n[0].as_u64().unwrap() {
                    cur = if array {
                        Array::of1(&cur).into()
                    } else {
                        let o = Object::new();
                        define(&o, "a", &cur);
                        o.into()
                    };
                }
                return cur;
            }
            if let Some(inner) = m.get("$cycle") {
                let o = js(inner, base);
                define(o.unchecked_ref(), "self", &o);
                return o;
            }
            let obj = Object::new();
            for (k, x) in m {
                match k.as_str() {
                    "$repeatKey" => define(&obj, &repeat(x), &JsValue::from(1)),
                    "$throwingGetter" => {
                        let desc = Object::new();
                        let getter = Function::new_no_args("throw new Error('the getter failed')");
                        Reflect::set(&desc, &"get".into(), &getter).unwrap();
                        Reflect::set(&desc, &"enumerable".into(), &JsValue::TRUE).unwrap();
                        Object::define_property(&obj, &x.as_str().unwrap().into(), &desc);
                    }
                    _ => define(&obj, k, &js(x, base)),
                }
            }
            obj.into()
        }
    }
}

/// Bytes decoded as a browser's `TextDecoder('utf-8')` does: invalid bytes become U+FFFD.
fn decode(bytes: &[u8]) -> JsValue {
    let decoder = js_sys::eval("new TextDecoder('utf-8')").unwrap();
    call(&decoder, "decode", &[js_sys::Uint8Array::from(bytes).into()]).unwrap()
}

fn check_error(name: &str, expect: &Value, err: &JsValue) -> Result<(), String> {
    if !err.is_instance_of::<js_sys::Error>() || get(err, "name").as_string().as_deref() != Some("CchcError") {
        return Err(format!("{name}: not a CchcError: {err:?}"));
    }
    let code = get(err, "code").as_string().unwrap_or_default();
    let want = expect["error"].as_str().unwrap();
    if code != want {
        return Err(format!(
            "{name}: code {code}, expected {want}: {:?}",
            get(err, "messageEn").as_string()
        ));
    }
    let path = get(err, "path").as_string().unwrap_or_default();
    if let Some(p) = expect.get("path").and_then(Value::as_str) {
        if path != p {
            return Err(format!("{name}: path {path}, expected {p}"));
        }
    }
    let errors: Array = get(err, "errors")
        .dyn_into()
        .map_err(|_| format!("{name}: no errors list"))?;
    let codes: Vec<String> = errors
        .iter()
        .map(|e| get(&e, "code").as_string().unwrap_or_default())
        .collect();
    for c in expect.get("errors").and_then(Value::as_array).into_iter().flatten() {
        if !codes.iter().any(|x| x == c.as_str().unwrap()) {
            return Err(format!("{name}: {c} missing from {codes:?}"));
        }
    }
    if let Some(part) = expect.get("messageContains").and_then(Value::as_str) {
        let en = get(err, "messageEn").as_string().unwrap_or_default();
        if !en.contains(part) {
            return Err(format!("{name}: `{part}` not in `{en}`"));
        }
    }
    let mut messages = vec![get(err, "messageVi"), get(err, "messageEn")];
    for e in errors.iter() {
        if !get(&e, "path").as_string().unwrap_or_default().starts_with('$') {
            return Err(format!("{name}: an error without a path"));
        }
        messages.push(get(&get(&e, "message"), "vi"));
        messages.push(get(&get(&e, "message"), "en"));
    }
    for m in messages {
        let m = m.as_string().unwrap_or_default();
        if m.trim().is_empty() {
            return Err(format!("{name}: an empty message"));
        }
        if m.trim_end().ends_with(':') {
            return Err(format!("{name}: `{m}` ends before its detail"));
        }
        for bad in NOT_FOR_USERS {
            if m.contains(bad) {
                return Err(format!("{name}: `{bad}` in `{m}`"));
            }
        }
    }
    Ok(())
}

/// A `validate` call: never a throw; `valid: false` with the expected first error.
fn check_validation(name: &str, expect: &Value, outcome: Result<JsValue, JsValue>) -> Result<(), String> {
    let v = outcome.map_err(|e| format!("{name}: validate threw {:?}", get(&e, "code").as_string()))?;
    if get(&v, "valid") != JsValue::FALSE {
        return Err(format!("{name}: validate said valid"));
    }
    let errors: Array = get(&v, "errors").dyn_into().map_err(|_| format!("{name}: no errors"))?;
    let first = errors.get(0);
    let code = get(&first, "code").as_string().unwrap_or_default();
    if code != expect["error"].as_str().unwrap() {
        return Err(format!("{name}: validate gave {code}, expected {}", expect["error"]));
    }
    if let Some(p) = expect.get("path").and_then(Value::as_str) {
        let path = get(&first, "path").as_string().unwrap_or_default();
        if path != p {
            return Err(format!("{name}: path {path}, expected {p}"));
        }
    }
    Ok(())
}

fn row(report: &JsValue, indicator: &str, unit: &str) -> Option<JsValue> {
    let results: Array = get(report, "results").dyn_into().ok()?;
    results.iter().find(|r| {
        get(r, "indicator").as_string().as_deref() == Some(indicator)
            && get(r, "unit").as_string().as_deref() == Some(unit)
    })
}

fn check_row(name: &str, want: &Value, report: &JsValue) -> Result<(), String> {
    let r = row(
        report,
        want["indicator"].as_str().unwrap(),
        want["unit"].as_str().unwrap(),
    )
    .ok_or_else(|| format!("{name}: no row for {want}"))?;
    if let Some(s) = want.get("status").and_then(Value::as_str) {
        let got = get(&r, "status").as_string().unwrap_or_default();
        if got != s {
            return Err(format!("{name}: status {got}, expected {s}"));
        }
    }
    if let Some(v) = want.get("value").and_then(Value::as_f64) {
        if get(&r, "value").as_f64() != Some(v) {
            return Err(format!("{name}: value {:?}, expected {v}", get(&r, "value").as_f64()));
        }
    }
    if let Some(part) = want.get("explanation").and_then(Value::as_str) {
        let en = get(&get(&r, "explanation"), "en").as_string().unwrap_or_default();
        if !en.contains(part) {
            return Err(format!("{name}: `{part}` not in `{en}`"));
        }
    }
    Ok(())
}

fn check_report(name: &str, expect: &Value, report: &JsValue) -> Result<(), String> {
    if let Some(code) = expect.get("finding").and_then(Value::as_str) {
        let findings: Array = get(report, "findings").dyn_into().unwrap();
        let codes: Vec<String> = findings
            .iter()
            .map(|f| get(&f, "code").as_string().unwrap_or_default())
            .collect();
        if !codes.iter().any(|c| c == code) {
            return Err(format!("{name}: finding {code} not in {codes:?}"));
        }
        return Ok(());
    }
    match expect.get("status") {
        Some(want) => check_row(name, want, report),
        None => Err(format!("{name}: expected {expect}, got a report")),
    }
}

fn run(engine: &JsValue, entry: &Value, base: &Value) -> Result<(), String> {
    let name = entry["name"].as_str().unwrap();
    let input = || js(&entry["input"], base);
    let outcome = match entry["target"].as_str().unwrap() {
        "rule_pack" => call(&get(engine, "constructor"), "fromPlan", &[input()]),
        "evaluate" => call(engine, "evaluate", &[input()]),
        "validate" => call(engine, "validate", &[input()]),
        // A function body run with the class as `Engine` and the shared engine as `engine`.
        "js" => {
            let body = entry["input"].as_str().unwrap();
            let f = Function::new_with_args("Engine, engine", body);
            f.call2(&JsValue::UNDEFINED, &get(engine, "constructor"), engine)
        }
        "evaluate_json" => call(engine, "evaluateJson", &[input()]),
        "evaluate_csv" => {
            let csv = match entry.get("csvBase64").and_then(Value::as_str) {
                Some(b) => decode(&base64::decode(b)),
                None => js(&entry["csv"], base),
            };
            call(engine, "evaluateCsv", &[csv, js(&entry["options"], base)])
        }
        "ramp" => {
            let i = input();
            let args = ["level", "year", "reading", "previousActual"].map(|k| get(&i, k));
            call(engine, "ramp", &args)
        }
        other => return Err(format!("{name}: unknown target {other}")),
    };
    let expect = &entry["expect"];
    if entry["target"] == "validate" {
        return check_validation(name, expect, outcome);
    }
    if let (Some(want), Ok(got)) = (expect.get("returns"), &outcome) {
        let got = js_sys::JSON::stringify(got).map(String::from).unwrap_or_default();
        return if serde_json::from_str::<Value>(&got).ok().as_ref() == Some(want) {
            Ok(())
        } else {
            Err(format!("{name}: returned {got}, expected {want}"))
        };
    }
    match outcome {
        Err(err) if expect.get("error").is_some() => check_error(name, expect, &err),
        Err(err) => Err(format!(
            "{name}: unexpected error {:?} {:?}",
            get(&err, "code").as_string(),
            get(&err, "message").as_string()
        )),
        Ok(_) if entry["target"] == "rule_pack" => Err(format!("{name}: the rule pack was accepted")),
        Ok(_) if entry["target"] == "js" => Err(format!("{name}: expected {expect}, the code returned")),
        Ok(report) => check_report(name, expect, &report),
    }
}

#[wasm_bindgen_test]
fn every_bad_input_gets_a_structured_error_and_the_engine_keeps_working() {
    let catalogue: Value = serde_json::from_str(CATALOGUE).unwrap();
    let base = &catalogue["basePack"];
    let good = &catalogue["good"];
    // One instance for the whole run, used through its JavaScript class.
    let engine: JsValue = JsEngine::new().unwrap().into();
    let good_input = js(&good["input"], base);
    let entries = catalogue["entries"].as_array().unwrap();
    let mut failed = Vec::new();
    for entry in entries {
        let name = entry["name"].as_str().unwrap();
        if let Err(e) = run(&engine, entry, base) {
            failed.push(e);
        }
        let after = call(&engine, "evaluate", std::slice::from_ref(&good_input))
            .map_err(|e| format!("{name}: the good input failed after it: {e:?}"))
            .and_then(|report| check_row(name, &good["expect"], &report));
        if let Err(e) = after {
            failed.push(e);
        }
    }
    console_log!("catalogue: {} entries, {} failed", entries.len(), failed.len());
    assert!(failed.is_empty(), "{} failed:\n{}", failed.len(), failed.join("\n"));
    assert!(entries.len() >= 250, "{}", entries.len());
}

// ---- one number, three doors (issue 24.8) -----------------------------------------------

/// Decimals at the ±10^15 limit, with more digits than a double holds, and a seeded spread of
/// others (plain decimals: the one grammar JSON and CSV share).
fn decimals() -> Vec<String> {
    let mut out: Vec<String> = [
        "1000000000000000.1",
        "-1000000000000000.1",
        "1000000000000000",
        "-1000000000000000",
        "1000000000000000.0625",
        "1000000000000000.0624",
        "999999999999999.99",
        "999999999999998.1875",
        "0.1",
        "123456789.123456789",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut seed: u64 = 0x2024_1207;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    for _ in 0..200 {
        let mut s = String::new();
        if next(4) == 0 {
            s.push('-');
        }
        let near_limit = next(3) == 0;
        if near_limit {
            s.push_str(["1000000000000000", "999999999999999", "999999999999998"][next(3) as usize]);
        } else {
            s.push(char::from(b'1' + next(9) as u8));
            for _ in 0..next(17) {
                s.push(char::from(b'0' + next(10) as u8));
            }
        }
        let frac = next(8);
        if frac > 0 {
            s.push('.');
            for _ in 0..frac {
                s.push(char::from(b'0' + next(10) as u8));
            }
        }
        out.push(s);
    }
    out
}

/// What a door made of the input: the report's JSON, or the first error's code.
fn outcome(r: Result<JsValue, JsValue>) -> Result<String, String> {
    r.map(|report| String::from(js_sys::JSON::stringify(&report).unwrap()))
        .map_err(|e| get(&e, "code").as_string().unwrap_or_default())
}

/// A door's outcome in a line: the error's code, or the count the report read.
fn brief(outcome: &Result<String, String>) -> String {
    match outcome {
        Err(code) => code.clone(),
        Ok(report) => {
            let at = report.find("\"count\":").map_or(report.len(), |i| i + 8);
            let count: String = report
                .get(at..)
                .unwrap_or_default()
                .chars()
                .take_while(|c| *c != ',')
                .collect();
            format!("count {count}")
        }
    }
}

/// `evaluate(object)` (its numbers parsed by JavaScript, exactly), `evaluateJson(text)` and
/// `evaluateCsv(csv, options)` give the same report for the same decimal, or the same error:
/// at ±10^15 all three accept or all three refuse.
#[wasm_bindgen_test]
fn the_three_doors_read_every_decimal_alike() {
    let engine: JsValue = JsEngine::new().unwrap().into();
    let options = r#"{"asOf":"2024-12-31","units":[{"id":"ct","name":"Thành phố Cần Thơ","level":"city"}]}"#;
    let mut failed = Vec::new();
    let cases = decimals();
    for d in &cases {
        let text = format!(
            r#"{{"asOf":"2024-12-31","units":[{{"id":"ct","name":"Thành phố Cần Thơ","level":"city"}}],"observations":[{{"indicator":"org.public_units_cut","unit":"ct","period":"2024","count":{d}}}]}}"#
        );
        let csv = format!("indicator,unit,period,count\norg.public_units_cut,ct,2024,{d}\n");
        let object = js_sys::JSON::parse(&text).unwrap();
        let exact = js_sys::JSON::parse(d).unwrap().as_f64().unwrap();
        let by_object = outcome(call(&engine, "evaluate", &[object]));
        let by_json = outcome(call(&engine, "evaluateJson", &[JsValue::from_str(&text)]));
        let by_csv = outcome(call(
            &engine,
            "evaluateCsv",
            &[JsValue::from_str(&csv), js_sys::JSON::parse(options).unwrap()],
        ));
        let refused = exact.abs() > 1e15;
        if by_object != by_json || by_json != by_csv || by_json.is_err() != refused {
            failed.push(format!(
                "{d}: object {}, json {}, csv {}",
                brief(&by_object),
                brief(&by_json),
                brief(&by_csv)
            ));
        }
        if refused && by_json.as_ref().err().map(String::as_str) != Some("INPUT_NUMBER_OUT_OF_RANGE") {
            failed.push(format!("{d}: {by_json:?}"));
        }
    }
    console_log!("three doors: {} decimals, {} failed", cases.len(), failed.len());
    assert!(failed.is_empty(), "{} failed:\n{}", failed.len(), failed.join("\n"));
}
