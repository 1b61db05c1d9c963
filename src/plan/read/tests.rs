//! The hand-written reader against serde's derive, over hand-picked values and mutated packs.

// Tests may unwrap and index: a failing test should fail loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{json, Map};

use super::values::*;
use super::*;
use crate::plan::{CAN_THO_2026_2030_JSON, EMBEDDED_PLAN_JSON};

/// What a reader gives: the raw pack (as its `Debug` text), or the path and serde's message.
type Outcome = Result<String, (String, String)>;

fn ours(v: &Value) -> Outcome {
    rule_pack(v)
        .map(|raw| format!("{raw:?}"))
        .map_err(|f| (f.path(), f.detail()))
}

/// The derived `Deserialize` read through `serde_path_to_error`, as the engine did before.
fn reference(v: &Value) -> Outcome {
    serde_path_to_error::deserialize::<_, RawRulePack>(v.clone())
        .map(|raw| format!("{raw:?}"))
        .map_err(|e| (json_path(&e.path().to_string()), e.inner().to_string()))
}

fn packs() -> Vec<Value> {
    [
        EMBEDDED_PLAN_JSON,
        include_str!("../../../tests/fixtures/packs/sample_province.json"),
        CAN_THO_2026_2030_JSON,
    ]
    .iter()
    .map(|t| serde_json::from_str(t).unwrap())
    .collect()
}

#[test]
fn hand_picked_values_read_as_the_derive_reads_them() {
    let base = &packs()[0];
    let mut cases: Vec<Value> = vec![
        json!(null),
        json!(42),
        json!(-1.5),
        json!("pack"),
        json!([]),
        json!([1]),
        json!({}),
        base.clone(),
    ];
    let with = |pointer: &str, v: Value| {
        // Sets the key, present or not, of the object at the pointer's parent.
        let mut pack = base.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        match pack.pointer_mut(parent).unwrap() {
            Value::Object(map) => map.insert(key.to_string(), v),
            Value::Array(items) => Some(std::mem::replace(&mut items[key.parse::<usize>().unwrap()], v)),
            _ => panic!("{pointer} is inside a scalar"),
        };
        pack
    };
    let period_as_array = with("/plan/period", json!([2021, 2025]));
    let title_as_array = with("/plan/title", json!(["vi", "en"]));
    cases.extend([
        period_as_array,
        title_as_array,
        with("/plan/period", json!([2021])),
        with("/plan/period", json!([2021, 2025, 2030])),
        with("/plan/period", json!([2021, "2025"])),
        with("/plan/title", json!(["vi"])),
        with("/plan/title", json!({"vi": "a"})),
        with("/plan/period/from", json!(2021.5)),
        with("/plan/period/from", json!(-0.0)),
        with("/plan/period/from", json!(1e21)),
        with("/plan/period/from", json!(4_294_967_296u64)),
        with("/plan/period/from", json!(-2_147_483_649i64)),
        with("/plan/period/from", json!(u64::MAX)),
        with("/formatVersion", json!(-1)),
        with("/formatVersion", json!(i64::MIN)),
        with("/formatVersion", json!(1.0)),
        with("/formatVersion", json!(null)),
        with("/plan/sample", json!("yes")),
        with("/indicators/0/target", json!("ninety \"quoted\" \n tab\t ư")),
        with("/indicators/0/levelTargets", json!({"city": "x", "": 1, "?": true})),
        with("/indicators/0/levels", json!(["city", 3])),
        with("/indicators/0/note", json!(null)),
        with("/indicators/0/counted", json!([])),
        with("/indicators/3", json!(["id", "area"])),
        with("/areas", json!({})),
        with("/ramps", json!(null)),
        with("/methods", json!({"trend": null, "staleAfterMonths": 3.5})),
        with("/methods", json!([null])),
        with("/methods", json!([{"method": "m"}, 12, 1])),
    ]);
    for (i, v) in cases.iter().enumerate() {
        assert_eq!(ours(v), reference(v), "case {i}: {v}");
    }
    // The pack in hand is read whole.
    assert!(ours(base).is_ok());
}

// ---- mutated packs ----------------------------------------------------------------------

/// Every node of `v` as a JSON pointer.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                pointers(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// Values to put in place of a node: every JSON type, numbers at the edges of the integer
/// types, strings that need escaping, and arrays and objects that may read as structs.
fn values() -> Vec<Value> {
    vec![
        json!(null),
        json!(true),
        json!(0),
        json!(1),
        json!(-1),
        json!(2021),
        json!(2.5),
        json!(-0.0),
        json!(1e300),
        json!(4_294_967_296u64),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(""),
        json!("city"),
        json!("a \"b\" \\ \n ư 😀"),
        json!([]),
        json!([2021, 2025]),
        json!(["vi", "en"]),
        json!(["a", "b", "c"]),
        json!([null, null]),
        json!([1, "x", null, {}]),
        json!({}),
        json!({"vi": "a", "en": "b"}),
        json!({"from": 2021, "to": "x"}),
        json!({"city": 1, "district": "2"}),
        json!({"method": "cagr_ratio", "onTrack": 1, "needsAcceleration": 0.5, "limitedProgress": 0}),
    ]
}

/// Keys to add: every field name of the format, and two unknown ones.
const KEYS: &[&str] = &[
    "$schema",
    "formatVersion",
    "plan",
    "methods",
    "areas",
    "ramps",
    "indicators",
    "id",
    "version",
    "issuer",
    "decision",
    "title",
    "period",
    "sample",
    "number",
    "date",
    "from",
    "to",
    "trend",
    "staleAfterMonths",
    "method",
    "onTrack",
    "clause",
    "quote",
    "firstYear",
    "firstFloors",
    "step",
    "cap",
    "defaultReading",
    "afterLastYear",
    "target",
    "levelTargets",
    "levels",
    "deadline",
    "baselineYear",
    "rankOutOf",
    "counted",
    "note",
    "documents",
    "phases",
    "phase",
    "scope",
    "source",
    "document",
    "part",
    "kind",
    "quoted",
    "name",
    "vi",
    "en",
    "unknown",
    "?",
];

#[derive(Debug, Clone)]
enum Edit {
    /// Put a value in place of the node.
    Replace(usize),
    /// Remove the node from its object or array.
    Remove,
    /// Add a key to the node (an object), or push onto it (an array).
    Add(usize, usize),
    /// Turn an object into the array of its values, the first `n` only.
    ToArray(usize),
}

fn edit() -> impl Strategy<Value = (usize, Edit)> {
    let n_values = values().len();
    let edit = prop_oneof![
        3 => (0..n_values).prop_map(Edit::Replace),
        2 => Just(Edit::Remove),
        2 => (0..KEYS.len(), 0..n_values).prop_map(|(k, v)| Edit::Add(k, v)),
        1 => (0..25usize).prop_map(Edit::ToArray),
    ];
    (any::<usize>(), edit)
}

fn apply(pack: &mut Value, node: usize, edit: &Edit) {
    let mut all = Vec::new();
    pointers(pack, String::new(), &mut all);
    let at = &all[node % all.len()];
    match edit {
        Edit::Replace(v) => *pack.pointer_mut(at).unwrap() = values()[*v].clone(),
        Edit::Remove => {
            let Some((parent, last)) = at.rsplit_once('/') else {
                return;
            };
            match pack.pointer_mut(parent).unwrap() {
                Value::Object(map) => {
                    map.remove(&last.replace("~1", "/").replace("~0", "~"));
                }
                Value::Array(items) => {
                    items.remove(last.parse::<usize>().unwrap());
                }
                _ => {}
            }
        }
        Edit::Add(k, v) => match pack.pointer_mut(at).unwrap() {
            Value::Object(map) => {
                map.insert(KEYS[*k].to_string(), values()[*v].clone());
            }
            Value::Array(items) => items.push(values()[*v].clone()),
            _ => {}
        },
        Edit::ToArray(n) => {
            let node = pack.pointer_mut(at).unwrap();
            if let Value::Object(map) = node {
                let map = std::mem::replace(map, Map::new());
                *node = Value::Array(map.into_iter().map(|(_, x)| x).take(*n).collect());
            }
        }
    }
}

proptest! {
    #![proptest_config(Config { cases: 2048, failure_persistence: None, ..Config::default() })]

    /// Packs with one to four edits anywhere read the same as with the derive: the same
    /// raw pack, or the same first error at the same path.
    #[test]
    fn mutated_packs_read_as_the_derive_reads_them(
        which in 0..3usize,
        edits in prop::collection::vec(edit(), 1..5),
    ) {
        let mut pack = packs().swap_remove(which);
        for (node, e) in &edits {
            apply(&mut pack, *node, e);
        }
        prop_assert_eq!(ours(&pack), reference(&pack));
    }
}
