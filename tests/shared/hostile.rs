//! Every argument is read once (issue 24, point 4). A getter or a `Proxy` that answers a
//! valid value at its first read and something else afterwards (a MobX or Vue computed
//! value, a lazy loader) must give exactly what the valid value gives: the engine reads the
//! value once, into a copy that is then checked and converted. Had it read it twice, the
//! second answer (a `NaN`, a `Map`, a broken character, an object that contains itself or
//! one nested 100 000 deep) would slip past the checks into the conversion, and the last
//! two would overflow the WebAssembly stack: a trap that kills every engine of the page.
//!
//! The matrix: each of those second answers, from a getter and from a `Proxy`, at each
//! argument: the input's top level, a unit, an observation, `options.only`, the options of
//! `evaluateCsv` and a rule pack (`Engine.fromPlan`), through `evaluate` and `validate`.

use cchc_progress::wasm::JsEngine;
use js_sys::{Function, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[wasm_bindgen(inline_js = r#"
const second = {
  nan: () => NaN,
  map: () => new Map([['a', 1]]),
  lone: () => 'x\uD800',
  cycle: () => { const o = { a: 1 }; o.self = o; return o; },
  deep: () => { let o = {}; for (let i = 0; i < 100000; i++) o = { a: o }; return o; },
};
const reads = { n: 0 };
const answer = (good, bad) => (++reads.n === 1 ? good : second[bad]());
const at = (root, path) => path.reduce((o, k) => o[k], root);

/** How many times the hostile value was read since `hostile` made it. */
export function readCount() { return reads.n; }

/**
 * `root` (plain JSON data) with the value at `path` (a list of keys) made hostile: a getter
 * (`how` 'getter') or a Proxy over its container (`how` 'proxy') that answers the value
 * itself at the first read and `second[bad]()` at every later one. An empty path makes the
 * whole argument a Proxy whose `asOf` answers so.
 */
export function hostile(root, path, how, bad) {
  reads.n = 0;
  if (path.length === 0) {
    return new Proxy(root, { get: (t, k, r) => (k === 'asOf' ? answer(t[k], bad) : Reflect.get(t, k, r)) });
  }
  const key = path[path.length - 1];
  const parentPath = path.slice(0, -1);
  const parent = at(root, parentPath);
  const good = parent[key];
  if (how === 'getter') {
    Object.defineProperty(parent, key, { enumerable: true, configurable: true, get: () => answer(good, bad) });
    return root;
  }
  const proxy = new Proxy(parent, { get: (t, k, r) => (k === String(key) ? answer(t[k], bad) : Reflect.get(t, k, r)) });
  if (parentPath.length === 0) return proxy;
  at(root, parentPath.slice(0, -1))[parentPath[parentPath.length - 1]] = proxy;
  return root;
}
"#)]
extern "C" {
    fn hostile(root: &JsValue, path: &JsValue, how: &str, bad: &str) -> JsValue;
    #[wasm_bindgen(js_name = readCount)]
    fn read_count() -> u32;
}

const SECOND_ANSWERS: [&str; 5] = ["nan", "map", "lone", "cycle", "deep"];

const INPUT: &str = include_str!("../fixtures/eval/rollup_across_commune_merger_2024.json");
const CSV: &str = include_str!("../fixtures/eval/csv/rollup_across_commune_merger_2024.csv");
const CSV_OPTIONS: &str = include_str!("../fixtures/eval/csv/rollup_across_commune_merger_2024.options.json");
const PACK: &str = include_str!("../fixtures/packs/sample_province.json");

/// `text` parsed, with `extra` (a JavaScript expression over `o`) applied to it.
fn data(text: &str, extra: &str) -> JsValue {
    let o = JSON::parse(text).unwrap();
    Function::new_with_args("o", &format!("{extra}; return o;"))
        .call1(&JsValue::UNDEFINED, &o)
        .unwrap()
}

fn path(keys: &str) -> JsValue {
    JSON::parse(keys).unwrap()
}

fn json(v: &JsValue) -> String {
    JSON::stringify(v).unwrap().as_string().unwrap()
}

/// What a call gave: the result as JSON text, or the error's code.
fn outcome(r: Result<JsValue, JsValue>) -> String {
    match r {
        Ok(v) => json(&v),
        Err(e) => format!(
            "error {}",
            js_sys::Reflect::get(&e, &JsValue::from_str("code"))
                .unwrap()
                .as_string()
                .unwrap_or_default()
        ),
    }
}

/// Runs `call` on the plain argument and on each hostile one (every second answer, as a
/// getter and as a Proxy, at `at`), and checks that each gives what the plain one gives,
/// having read the hostile value once.
fn each_hostile(name: &str, plain: impl Fn() -> JsValue, at: &str, call: &dyn Fn(JsValue) -> String) {
    let want = call(plain());
    assert!(
        !want.starts_with("error"),
        "{name}: the plain argument is valid: {want}"
    );
    for how in ["getter", "proxy"] {
        for bad in SECOND_ANSWERS {
            let arg = hostile(&plain(), &path(at), how, bad);
            let got = call(arg);
            let reads = read_count();
            assert_eq!(
                reads, 1,
                "{name}, {how} answering `{bad}` the second time: read {reads} times"
            );
            assert!(
                got == want,
                "{name}, {how} answering `{bad}` the second time gave something else: {}",
                got.chars().take(300).collect::<String>()
            );
        }
    }
}

const ONLY: &str = "o.options = { only: { indicators: ['proc.internal_e_transfer'] } }";

#[wasm_bindgen_test]
fn evaluate_reads_each_value_of_its_input_once() {
    let engine = JsEngine::new().unwrap();
    let run = |arg: JsValue| outcome(engine.evaluate(arg));
    each_hostile("the input itself", || data(INPUT, ""), "[]", &run);
    each_hostile("the input's top level", || data(INPUT, ""), r#"["label"]"#, &run);
    each_hostile("a unit", || data(INPUT, ""), r#"["units", 1, "name"]"#, &run);
    each_hostile("the list of units", || data(INPUT, ""), r#"["units", 1]"#, &run);
    each_hostile(
        "an observation",
        || data(INPUT, ""),
        r#"["observations", 0, "numerator"]"#,
        &run,
    );
    each_hostile(
        "the list of observations",
        || data(INPUT, ""),
        r#"["observations", 2]"#,
        &run,
    );
    each_hostile("options.only", || data(INPUT, ONLY), r#"["options", "only"]"#, &run);
    each_hostile(
        "options.only's list",
        || data(INPUT, ONLY),
        r#"["options", "only", "indicators", 0]"#,
        &run,
    );
}

#[wasm_bindgen_test]
fn validate_reads_each_value_of_its_input_once() {
    let engine = JsEngine::new().unwrap();
    let run = |arg: JsValue| outcome(engine.validate(arg));
    each_hostile("the input's top level", || data(INPUT, ""), r#"["label"]"#, &run);
    each_hostile("a unit", || data(INPUT, ""), r#"["units", 1, "name"]"#, &run);
    each_hostile(
        "an observation",
        || data(INPUT, ""),
        r#"["observations", 0, "numerator"]"#,
        &run,
    );
    each_hostile("options.only", || data(INPUT, ONLY), r#"["options", "only"]"#, &run);
}

#[wasm_bindgen_test]
fn evaluate_csv_reads_each_value_of_its_options_once() {
    let engine = JsEngine::new().unwrap();
    let run = |arg: JsValue| outcome(engine.evaluate_csv(JsValue::from_str(CSV), arg));
    each_hostile("the CSV's options themselves", || data(CSV_OPTIONS, ""), "[]", &run);
    each_hostile(
        "the CSV's options' label",
        || data(CSV_OPTIONS, ""),
        r#"["label"]"#,
        &run,
    );
    each_hostile(
        "a unit of the CSV's options",
        || data(CSV_OPTIONS, ""),
        r#"["units", 1, "name"]"#,
        &run,
    );
    each_hostile(
        "options.only of the CSV's options",
        || data(CSV_OPTIONS, ONLY),
        r#"["options", "only"]"#,
        &run,
    );
}

#[wasm_bindgen_test]
fn a_rule_pack_is_read_once() {
    let run = |arg: JsValue| outcome(JsEngine::from_plan(arg).and_then(|e| e.plan()));
    each_hostile(
        "the rule pack's top level",
        || data(PACK, ""),
        r#"["formatVersion"]"#,
        &run,
    );
    each_hostile("the rule pack's plan", || data(PACK, ""), r#"["plan", "title"]"#, &run);
    each_hostile(
        "an indicator of the rule pack",
        || data(PACK, ""),
        r#"["indicators", 0, "id"]"#,
        &run,
    );
    each_hostile(
        "the list of indicators",
        || data(PACK, ""),
        r#"["indicators", 1]"#,
        &run,
    );
}

#[wasm_bindgen_test]
fn a_value_that_changes_under_the_walk_cannot_reach_the_conversion() {
    // The whole argument a Proxy whose every read of `units` answers a new, deeper object:
    // read once, it is one value, refused or taken as the first answer.
    let engine = JsEngine::new().unwrap();
    let changing = Function::new_no_args(
        r#"let n = 0; return new Proxy({ asOf: '2024-12-31', observations: [] }, {
             get: (t, k) => k === 'units' ? (n++ ? [{ id: 'x', get name() { const o = {}; o.o = o; return o; } }] : []) : t[k],
             ownKeys: (t) => [...Reflect.ownKeys(t), 'units'],
             getOwnPropertyDescriptor: (t, k) => k === 'units' ? { value: [], enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(t, k),
           });"#,
    )
    .call0(&JsValue::UNDEFINED)
    .unwrap();
    let got = outcome(engine.evaluate(changing));
    assert!(got.starts_with("error") || got.starts_with('{'), "{got}");
    // And the engine, and a new one, still work.
    assert!(engine.version().is_ok());
    assert!(JsEngine::new().is_ok());
}
