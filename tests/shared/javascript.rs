//! The JavaScript of the boundary tested for itself: the safety walk (`src/wasm/inspect.js`)
//! on the values it must refuse or let through, with the path and detail it reports, and the
//! text reader (`utf8` in `src/wasm/engine.js`) on broken and whole strings.

use js_sys::{Array, Function};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[wasm_bindgen(module = "/src/wasm/inspect.js")]
extern "C" {
    fn inspect(root: &JsValue, max_depth: usize, max_items: usize, max_values: usize, paths: bool) -> Array;
}

// By value, not by reference as the library imports it: two identical imports of one module
// would be one symbol defined twice.
#[wasm_bindgen(module = "/src/wasm/engine.js")]
extern "C" {
    #[wasm_bindgen(js_name = utf8)]
    fn text_bytes(s: JsValue) -> JsValue;
}

fn utf8(s: &JsValue) -> JsValue {
    text_bytes(s.clone())
}

/// A JavaScript value from a JavaScript expression.
fn value(expr: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expr});"))
        .call0(&JsValue::UNDEFINED)
        .unwrap()
}

/// The walk's `[kind, path, detail]`, with paths, at the input's limits (128 deep).
fn walk(expr: &str) -> (String, String, JsValue) {
    let found = inspect(&value(expr), 128, 1_000, 10_000, true);
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
    // The first walk builds no paths: its path is `$` or empty.
    let found = inspect(&value("{ a: NaN }"), 128, 1_000, 10_000, false);
    assert_eq!(found.get(0).as_string().as_deref(), Some("not_finite"));
    assert_ne!(found.get(1).as_string().as_deref(), Some("$.a"));
}

#[wasm_bindgen_test]
fn text_becomes_utf8_or_the_place_of_its_broken_character() {
    let bytes = utf8(&value("'Cần Thơ 😀'"));
    let bytes: js_sys::Uint8Array = bytes.dyn_into().unwrap();
    assert_eq!(String::from_utf8(bytes.to_vec()).unwrap(), "Cần Thơ 😀");
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
