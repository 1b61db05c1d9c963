//! The result tape (`src/wasm/tape.rs`) tested for itself, in the style of
//! serde-wasm-bindgen's own tests: each value of a matrix goes through the tape and through
//! `serde_wasm_bindgen`'s JSON-compatible serializer, and the two JavaScript values must be the
//! same (same types, same numbers by `Object.is`, same keys in the same order, plain objects
//! and arrays only), sent whole and in pieces of a few steps, so that every kind of step
//! (a key, a string and its index, a number, an open or a close) meets a piece's end.

use std::collections::{BTreeMap, HashMap};

use js_sys::{Function, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

use cchc_progress::wasm::tape_to_js;

/// Deep sameness of two JavaScript values, as JSON would see them, and stricter: numbers by
/// `Object.is` (so `-0` and `NaN` count), prototypes compared (never a `Map`).
fn same(a: &JsValue, b: &JsValue) -> bool {
    let f = Function::new_with_args(
        "a, b",
        "const same = (a, b) => {
           if (typeof a !== typeof b) return false;
           if (typeof a === 'number') return Object.is(a, b);
           if (a === null || typeof a !== 'object') return a === b;
           if (Array.isArray(a) !== Array.isArray(b)) return false;
           if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
           if (!Array.isArray(a) && Object.getPrototypeOf(a) !== Object.prototype) return false;
           const ka = Object.keys(a), kb = Object.keys(b);
           if (ka.length !== kb.length) return false;
           for (let i = 0; i < ka.length; i++) {
             if (ka[i] !== kb[i] || !same(a[ka[i]], b[kb[i]])) return false;
           }
           return true;
         };
         return same(a, b);",
    );
    f.call2(&JsValue::UNDEFINED, a, b).unwrap().as_bool().unwrap()
}

fn reference<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap()
}

fn show(v: &JsValue) -> String {
    js_sys::JSON::stringify(v)
        .map(String::from)
        .unwrap_or_else(|_| format!("{v:?}"))
}

/// The tape gives what serde-wasm-bindgen gives, whole and in pieces of 1, 2, 3, 5 and 8 steps.
fn round_trip<T: Serialize + ?Sized>(name: &str, value: &T) {
    compare(name, value, &reference(value));
}

/// The tape gives what `JSON.parse` makes of serde_json's text: for map keys that are integers
/// or characters, which serde-wasm-bindgen refuses and JSON writes as text.
fn json_round_trip<T: Serialize + ?Sized>(name: &str, value: &T) {
    let text = serde_json::to_string(value).unwrap();
    compare(name, value, &js_sys::JSON::parse(&text).unwrap());
}

fn compare<T: Serialize + ?Sized>(name: &str, value: &T, want: &JsValue) {
    let want = want.clone();
    for pieces in [0, 1, 2, 3, 5, 8] {
        let got = tape_to_js(value, pieces).unwrap();
        assert!(
            same(&got, &want),
            "{name} (pieces of {pieces}): tape {} against {}",
            show(&got),
            show(&want)
        );
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Row<'a> {
    indicator: &'a str,
    unit_name: Option<&'a str>,
    value: f64,
    missing: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<u8>,
    tags: Vec<&'a str>,
}

#[derive(Serialize)]
enum Kind {
    Unit,
    Newtype(i32),
    Tuple(u8, &'static str),
    Struct { a: bool, b: Vec<f64> },
}

#[derive(Serialize)]
struct Newtype(String);

#[derive(Serialize)]
struct UnitStruct;

#[derive(Serialize)]
struct TupleStruct(i8, Option<&'static str>);

#[wasm_bindgen_test]
fn scalars_are_what_serde_wasm_bindgen_makes() {
    round_trip("true", &true);
    round_trip("false", &false);
    round_trip("unit", &());
    round_trip("none", &Option::<i32>::None);
    round_trip("some", &Some(5));
    for x in [
        0.0,
        -0.0,
        1.5,
        -2.25,
        f64::MAX,
        f64::MIN_POSITIVE,
        5e-324,
        9_007_199_254_740_993.0,
        f64::NAN,
        f64::INFINITY,
    ] {
        round_trip(&format!("f64 {x}"), &x);
    }
    round_trip("f32", &1.1f32);
    round_trip("i8", &i8::MIN);
    round_trip("i16", &i16::MAX);
    round_trip("i32", &i32::MIN);
    round_trip("i64 safe", &(-(1i64 << 53) + 1));
    round_trip("u8", &u8::MAX);
    round_trip("u16", &u16::MAX);
    round_trip("u32", &u32::MAX);
    round_trip("u64 safe", &((1u64 << 53) - 1));
    round_trip("char", &'đ');
    round_trip("char outside the BMP", &'😀');
}

#[wasm_bindgen_test]
fn strings_outside_the_basic_plane_keep_their_surrogate_pairs() {
    let texts = [
        "",
        "a",
        "Cần Thơ",
        "😀",
        "a😀b",
        "𝒳𝒴𝒵",
        "\u{10FFFF}",
        "e\u{301}",
        "tab\tline\nquote\"backslash\\",
        "\u{0}",
        "\u{feff}",
    ];
    for s in texts {
        round_trip(&format!("string {s:?}"), s);
        // The same string many times: sent once, referred to after.
        round_trip(&format!("string {s:?} repeated"), &vec![s; 20]);
    }
    // Texts around the length up to which strings are shared (160 bytes), with a 4-byte
    // character across it, and long explanations (never shared).
    for n in [155usize, 156, 157, 158, 159, 160, 161, 162, 400] {
        let s: String = "x".repeat(n - 2) + "😀";
        round_trip(
            &format!("{n}-byte text"),
            &vec![s.clone(), s.clone(), format!("{s}!"), s],
        );
    }
    // The JavaScript side slices one text by UTF-16 ends: every string must come back whole.
    let mixed: Vec<String> = (0..300)
        .map(|i| format!("{}{}", "😀".repeat(i % 7), "ế".repeat(i % 5)))
        .collect();
    round_trip("300 strings of astral and combining characters", &mixed);
}

#[wasm_bindgen_test]
fn maps_become_plain_objects_with_their_keys_in_order() {
    let mut by_text = BTreeMap::new();
    for k in ["b", "a", "😀", "Cần", "", "1", "constructor", "toString"] {
        by_text.insert(k.to_string(), k.len());
    }
    round_trip("text keys", &by_text);
    let by_number: BTreeMap<i32, &str> = [(-1, "a"), (0, "b"), (20, "c")].into_iter().collect();
    json_round_trip("integer keys", &by_number);
    let by_u64: BTreeMap<u64, bool> = [(7, true), (u64::from(u32::MAX) + 1, false)].into_iter().collect();
    json_round_trip("u64 keys", &by_u64);
    let by_char: BTreeMap<char, u8> = [('a', 1), ('😀', 2)].into_iter().collect();
    json_round_trip("char keys", &by_char);
    // And text keys the same way as JSON writes them.
    json_round_trip("text keys, as JSON", &by_text);
    let one: HashMap<String, Vec<u8>> = [("k".to_string(), vec![1, 2])].into_iter().collect();
    round_trip("a hash map", &one);
    let nested: BTreeMap<&str, BTreeMap<&str, Option<f64>>> =
        [("x", [("y", None), ("z", Some(1.0))].into_iter().collect())]
            .into_iter()
            .collect();
    round_trip("nested maps", &nested);
}

#[wasm_bindgen_test]
fn a_proto_key_is_an_own_property_as_json_parse_makes_it() {
    let map: BTreeMap<&str, i32> = [("__proto__", 1), ("a", 2)].into_iter().collect();
    let got = tape_to_js(&map, 0).unwrap();
    let parsed = js_sys::JSON::parse(r#"{"__proto__": 1, "a": 2}"#).unwrap();
    assert!(same(&got, &parsed), "{}", show(&got));
    let own = Reflect::get_own_property_descriptor(&Object::from(got), &"__proto__".into()).unwrap();
    assert!(!own.is_undefined(), "`__proto__` is an own property");
}

#[wasm_bindgen_test]
fn keys_that_are_not_text_or_integers_are_refused() {
    let by_bool: BTreeMap<bool, u8> = [(true, 1)].into_iter().collect();
    assert!(tape_to_js(&by_bool, 0).is_err());
    let by_unit: BTreeMap<(), u8> = [((), 1)].into_iter().collect();
    assert!(tape_to_js(&by_unit, 0).is_err());
}

#[wasm_bindgen_test]
fn structs_enums_and_sequences_nest_as_serde_wasm_bindgen_nests_them() {
    let row = Row {
        indicator: "proc.online_l34",
        unit_name: Some("Quận Ninh Kiều"),
        value: 62.5,
        missing: None,
        skipped: None,
        tags: vec!["a", "", "😀"],
    };
    round_trip("a struct", &row);
    round_trip("a list of structs", &vec![&row, &row, &row]);
    round_trip("unit variant", &Kind::Unit);
    round_trip("newtype variant", &Kind::Newtype(-3));
    round_trip("tuple variant", &Kind::Tuple(7, "t"));
    round_trip(
        "struct variant",
        &Kind::Struct {
            a: true,
            b: vec![1.0, -0.0],
        },
    );
    round_trip(
        "variants in a list",
        &vec![Kind::Unit, Kind::Newtype(1), Kind::Tuple(0, ""), Kind::Unit],
    );
    round_trip("newtype struct", &Newtype("n".into()));
    round_trip("unit struct", &UnitStruct);
    round_trip("tuple struct", &TupleStruct(-1, None));
    round_trip("tuple", &(1, "two", 3.0, None::<u8>));
    round_trip("empty list", &Vec::<u8>::new());
    round_trip("empty map", &BTreeMap::<String, u8>::new());
    round_trip(
        "lists of lists",
        &vec![vec![vec![1u8]], vec![], vec![vec![], vec![2, 3]]],
    );
}

/// More steps than one piece holds (2^20): the tape is sent in several pieces, and the last
/// key of a piece finds its value in the next.
#[wasm_bindgen_test]
fn a_result_larger_than_one_piece_arrives_whole() {
    let rows: Vec<BTreeMap<String, f64>> = (0..120_000)
        .map(|i| {
            [(format!("k{}", i % 50), f64::from(i)), ("v".to_string(), -f64::from(i))]
                .into_iter()
                .collect()
        })
        .collect();
    let got = tape_to_js(&rows, 0).unwrap();
    let want = reference(&rows);
    assert!(same(&got, &want));
    assert_eq!(js_sys::Array::from(&got).length(), 120_000);
}

/// Whole reports, as the engine sends them, through pieces of a few steps too.
#[wasm_bindgen_test]
fn a_report_arrives_the_same_in_pieces() {
    let engine = cchc_progress::Engine::embedded().unwrap();
    let input: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/eval/locale_en_ramp_and_rank.json")).unwrap();
    let report = engine.evaluate(&input).unwrap();
    let want = reference(&report);
    for pieces in [0, 1, 7, 1000] {
        assert!(same(&tape_to_js(&report, pieces).unwrap(), &want), "pieces of {pieces}");
    }
}
