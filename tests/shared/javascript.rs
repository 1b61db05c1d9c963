//! The JavaScript of the boundary tested for itself: the safety walk (`src/wasm/inspect.js`)
//! on the values it must refuse or let through, with the path and detail it reports and the
//! plain copy it makes of what it lets through, and the
//! text reader (`textInfo` and `encodeInto` in `src/wasm/engine.js`) on broken and whole
//! strings.

use js_sys::{Array, Function};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[wasm_bindgen(module = "/src/wasm/inspect.js")]
extern "C" {
    fn inspect(root: &JsValue, max_depth: usize, max_items: usize, max_values: usize, columns: bool) -> Array;
}

// By value, not by reference as the library imports it: two identical imports of one module
// would be one symbol defined twice.
#[wasm_bindgen(module = "/src/wasm/engine.js")]
extern "C" {
    #[wasm_bindgen(js_name = textInfo)]
    fn text_info_of(s: JsValue) -> JsValue;
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into_of(s: JsValue, from: u32, view: js_sys::Uint8Array) -> Array;
}

fn utf8(s: &JsValue) -> JsValue {
    text_info_of(s.clone())
}

/// The UTF-8 of `s` from UTF-16 unit `from`, written into a view of `room` bytes: what was
/// read (units), and the bytes.
fn encoded(s: &JsValue, from: u32, room: u32) -> (f64, Vec<u8>) {
    let view = js_sys::Uint8Array::new_with_length(room);
    let done = encode_into_of(s.clone(), from, view.clone());
    let written = done.get(1).as_f64().unwrap() as u32;
    (done.get(0).as_f64().unwrap(), view.subarray(0, written).to_vec())
}

/// A JavaScript value from a JavaScript expression.
fn value(expr: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expr});"))
        .call0(&JsValue::UNDEFINED)
        .unwrap()
}

/// The walk's `[kind, path, detail]` at the input's limits (128 deep).
fn walk(expr: &str) -> (String, String, JsValue) {
    let found = inspect(&value(expr), 128, 1_000, 10_000, false);
    (
        found.get(0).as_string().unwrap(),
        found.get(1).as_string().unwrap(),
        found.get(2),
    )
}

#[wasm_bindgen_test]
fn json_data_passes_with_the_length_of_its_texts() {
    for (expr, size) in [
        ("{}", 0.0),
        ("{ asOf: '2024-12-31' }", 14.0),
        ("[1, 'ab', null, true, { c: [] }]", 3.0),
        ("{ u: undefined }", 1.0),
        ("new (class Unit { constructor() { this.id = 'ct'; } })()", 4.0),
        ("Object.create(null)", 0.0),
        ("{ toJSONx: 1 }", 7.0),
    ] {
        let (kind, _, detail) = walk(expr);
        assert_eq!(kind, "ok", "{expr}");
        assert_eq!(detail.as_f64(), Some(size), "{expr}");
    }
}

#[wasm_bindgen_test]
fn what_json_would_change_is_named_with_its_path() {
    for (expr, kind, path, detail) in [
        ("{ a: [1, NaN] }", "not_finite", "$.a[1]", ""),
        ("{ a: { b: -Infinity } }", "not_finite", "$.a.b", ""),
        ("{ f: () => 1 }", "not_data", "$.f", "function"),
        ("{ s: Symbol('x') }", "not_data", "$.s", "symbol"),
        ("{ n: 5n }", "not_data", "$.n", "BigInt"),
        ("{ m: new Map() }", "not_data", "$.m", "Map"),
        ("{ s: new Set() }", "not_data", "$.s", "Set"),
        ("{ d: new Date(0) }", "not_data", "$.d", "Date"),
        ("{ t: new Float64Array(2) }", "not_data", "$.t", "Float64Array"),
        ("{ b: new ArrayBuffer(2) }", "not_data", "$.b", "ArrayBuffer"),
        ("{ n: new Number(NaN) }", "not_data", "$.n", "Number"),
        ("{ s: new String('x') }", "not_data", "$.s", "String"),
        ("{ r: /x/ }", "not_data", "$.r", "RegExp"),
        ("{ e: new Error('x') }", "not_data", "$.e", "Error"),
        (
            "{ o: new (class { toJSON() { return 1; } })() }",
            "not_data",
            "$.o",
            "toJSON",
        ),
        (
            "(() => { const a = [1]; a.toJSON = () => 2; return { a }; })()",
            "not_data",
            "$.a",
            "toJSON",
        ),
        ("{ a: 'x\\uD800' }", "broken_text", "$.a", ""),
        ("{ ['k\\uDC00']: 1 }", "broken_text", "$", ""),
        ("{ a: new Array(1001) }", "too_long", "$.a", "1001"),
        ("{ get a() { throw new Error('no') } }", "unreadable", "$.a", "no"),
        ("{ get a() { throw Object.create(null) } }", "unreadable", "$.a", ""),
    ] {
        let (k, p, d) = walk(expr);
        assert_eq!((k.as_str(), p.as_str()), (kind, path), "{expr}");
        let d = d
            .as_string()
            .or_else(|| d.as_f64().map(|n| n.to_string()))
            .unwrap_or_default();
        if !detail.is_empty() {
            assert_eq!(d, detail, "{expr}");
        }
    }
}

#[wasm_bindgen_test]
fn depth_cycles_and_counts_are_bounded() {
    let (kind, path, _) = walk("(() => { const o = { a: 1 }; o.self = o; return o; })()");
    assert_eq!(kind, "too_deep");
    assert!(path.starts_with("$.self.self"), "{path}");
    let nested = "(() => { let o = {}; for (let i = 0; i < 200; i++) o = { a: o }; return o; })()";
    assert_eq!(walk(nested).0, "too_deep");
    let shared = "(() => { let o = [1, 1]; for (let i = 0; i < 20; i++) o = [o, o]; return o; })()";
    assert_eq!(walk(shared).0, "too_many");
    let deep = "(() => { let o = { a: [1, { b: { c: NaN } }] }; return { x: [o] }; })()";
    assert_eq!(walk(deep).1, "$.x[0].a[1].b.c", "the path of a value deep inside");
}

#[wasm_bindgen_test]
fn what_passes_is_copied_into_plain_data_read_once() {
    let source = value(
        "(() => { let n = 0; const unit = { id: 'ct' }; Object.defineProperty(unit, 'name', { enumerable: true, get: () => (n++ ? NaN : 'Cần Thơ') });
                  const o = { b: [1, null, true, { u: undefined }], a: unit, ['__proto__']: { x: 1 }, k: new (class { constructor() { this.v = 2; } })() };
                  return { o, reads: () => n }; })()",
    );
    let o = js_sys::Reflect::get(&source, &"o".into()).unwrap();
    let found = inspect(&o, 128, 1_000, 10_000, false);
    assert_eq!(found.get(0).as_string().as_deref(), Some("ok"));
    let copy = found.get(3);
    let reads = js_sys::Reflect::get(&source, &"reads".into())
        .unwrap()
        .dyn_into::<Function>()
        .unwrap()
        .call0(&JsValue::UNDEFINED)
        .unwrap();
    assert_eq!(reads.as_f64(), Some(1.0), "the getter was read once");
    assert_eq!(
        js_sys::JSON::stringify(&copy).unwrap().as_string().unwrap(),
        r#"{"b":[1,null,true,{}],"a":{"id":"ct","name":"Cần Thơ"},"__proto__":{"x":1},"k":{"v":2}}"#,
        "the same data, in the same order, `__proto__` an own key"
    );
    // Plain data that is not the caller's: later reads of the source change nothing.
    let check = Function::new_with_args(
        "o, c",
        "return c !== o && c.a !== o.a && Object.getPrototypeOf(c) === Object.prototype && Object.getPrototypeOf(c.k) === Object.prototype
                && Object.getOwnPropertyDescriptor(c.a, 'name').value === 'Cần Thơ' && Array.isArray(c.b) && Number.isNaN(o.a.name);",
    );
    assert_eq!(
        check.call2(&JsValue::UNDEFINED, &o, &copy).unwrap().as_bool(),
        Some(true)
    );
}

#[wasm_bindgen_test]
fn text_becomes_utf8_or_the_place_of_its_broken_character() {
    let text = value("'Cần Thơ 😀'");
    assert_eq!(utf8(&text).as_f64(), Some(10.0), "its length in UTF-16 units");
    let (read, bytes) = encoded(&text, 0, 40);
    assert_eq!(
        (read, String::from_utf8(bytes).unwrap()),
        (10.0, "Cần Thơ 😀".to_string())
    );
    // Into too small a view: it stops at a whole character, and goes on from there.
    let (read, first) = encoded(&text, 0, 4);
    assert_eq!((read, first.as_slice()), (2.0, "Cầ".as_bytes()));
    let (rest_read, rest) = encoded(&text, 2, 40);
    assert_eq!(
        (rest_read, String::from_utf8(rest).unwrap()),
        (8.0, "n Thơ 😀".to_string())
    );
    for (expr, line, column) in [
        ("'a\\uD800b'", 1.0, 2.0),
        ("'ab\\ncd\\uDC00'", 2.0, 3.0),
        ("'\\uDBFF'", 1.0, 1.0),
        ("'😀\\n\\n😀\\uD800'", 3.0, 3.0),
    ] {
        let at = Array::from(&utf8(&value(expr)));
        assert_eq!(
            (at.get(0).as_f64(), at.get(1).as_f64()),
            (Some(line), Some(column)),
            "{expr}"
        );
    }
    assert!(utf8(&value("42")).is_undefined());
    assert!(utf8(&JsValue::NULL).is_undefined());
}

#[wasm_bindgen(module = "/src/wasm/columns.js")]
extern "C" {
    #[wasm_bindgen(js_name = restoreObservations)]
    fn restore_observations(copy: JsValue, kept: JsValue) -> JsValue;
}

#[wasm_bindgen_test]
fn observations_read_into_columns_are_the_same_data_and_a_stop_reads_on_from_there() {
    let base = "{ asOf: '2024-12-31', observations: [
        { indicator: 'a', unit: 'ct', period: '2024', value: 1, done: true },
        { unit: 'ct', indicator: 'a', period: '2023', numerator: null, denominator: 4, source: undefined },
        { indicator: 'b', unit: 'nk', period: '2024', rank: -0, count: 3, outOf: 9 },
      ], label: 'x' }";
    let json = |v: &JsValue| js_sys::JSON::stringify(v).unwrap().as_string().unwrap();
    let whole = value(base);
    let found = inspect(&whole, 128, 1_000, 10_000, true);
    assert_eq!(found.get(0).as_string().as_deref(), Some("ok"));
    assert!(found.get(4).is_object(), "ordinary observations come as columns");
    assert_eq!(json(&restore_observations(found.get(3), found.get(5))), json(&whole));
    // Each kind of stop: the copy is the generic walk's, and problems keep their paths.
    for (change, want) in [
        ("o.observations[1].note = 'x'", "ok"),
        ("o.observations[1].period = 2023", "ok"),
        ("o.observations[2] = null", "ok"),
        ("o.observations[2] = [1]", "ok"),
        ("o.observations[1].source = { a: [1] }", "ok"),
        ("o.observations[2].count = NaN", "not_finite $.observations[2].count"),
        (
            "o.observations[1].unit = 'x\\uD800'",
            "broken_text $.observations[1].unit",
        ),
        (
            "o.observations[0].source = { a: [Infinity] }",
            "not_finite $.observations[0].source.a[0]",
        ),
        ("o.observations[2] = new Map()", "not_data $.observations[2]"),
    ] {
        let o = value(&format!("(() => {{ const o = {base}; {change}; return o; }})()"));
        let fused = inspect(&o, 128, 1_000, 10_000, true);
        let generic = inspect(&o, 128, 1_000, 10_000, false);
        let kind = fused.get(0).as_string().unwrap();
        let got = if kind == "ok" {
            kind.clone()
        } else {
            format!("{kind} {}", fused.get(1).as_string().unwrap())
        };
        assert_eq!(got, want, "{change}");
        assert_eq!(fused.get(1).as_string(), generic.get(1).as_string(), "{change}");
        if kind == "ok" {
            assert!(fused.get(4).is_undefined(), "{change}: no columns after a stop");
            assert_eq!(json(&fused.get(3)), json(&generic.get(3)), "{change}");
            assert_eq!(json(&fused.get(3)), json(&o), "{change}");
        }
    }
}
