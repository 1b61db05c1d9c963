//! The 2026–2030 pack (`can-tho-2026-2030`) on the national portal's 766 answers: its own
//! mapping (`src/plan/can_tho_2026_2030.portal766.json`) is chosen by the plan's id, and the
//! demo's third data set (`www/data/can-tho-766-2026.json`, the merged city's 2026 so far,
//! invented figures) is specified by a snapshot of its report. Native only: insta reads and
//! writes files.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fmt::Write;
use std::fs;
use std::path::Path;

use cchc_progress::portal766::{read_mapping, CAN_THO_2026_2030_PORTAL766_MAPPING_JSON, PORTAL766_MAPPING_SCHEMA_JSON};
use cchc_progress::Engine;
use serde_json::{json, Value};

mod view;

fn engine() -> Engine {
    Engine::embedded_plan("can-tho-2026-2030").expect("the 2026–2030 pack must validate")
}

/// A manifest of `www/data/` with its answer files read in, as the widgets send it.
fn manifest(name: &str) -> Value {
    let mut m: Value = serde_json::from_str(&fs::read_to_string(Path::new("www/data").join(name)).unwrap()).unwrap();
    for a in m["answers"].as_array_mut().unwrap() {
        let file = a["file"].as_str().unwrap().to_string();
        let text = fs::read_to_string(Path::new("www/data").join(&file)).unwrap();
        let o = a.as_object_mut().unwrap();
        o.remove("file");
        o.insert("name".into(), json!(file));
        o.insert("answer".into(), json!(text));
    }
    m
}

/// The mapping reads against the pack, keeps to its schema's fields, and every indicator it
/// names (mapped or left out) is one of the pack's.
#[test]
fn the_2026_mapping_reads_and_names_only_the_packs_indicators() {
    let engine = engine();
    let value: Value = serde_json::from_str(CAN_THO_2026_2030_PORTAL766_MAPPING_JSON).unwrap();
    let mapping = read_mapping(&value, engine.plan(), "$").unwrap();
    assert_eq!(mapping.plan, "can-tho-2026-2030");
    let schema: Value = serde_json::from_str(PORTAL766_MAPPING_SCHEMA_JSON).unwrap();
    let fields = schema["properties"]["mappings"]["items"]["properties"]
        .as_object()
        .unwrap();
    for e in value["mappings"].as_array().unwrap() {
        for k in e.as_object().unwrap().keys() {
            assert!(fields.contains_key(k), "{k} is not in the schema");
        }
    }
    for l in &mapping.left_out {
        for id in &l.indicators {
            assert!(engine.plan().indicator(id).is_some(), "left out: no indicator {id}");
        }
        assert!(!l.reason.vi.is_empty() && !l.reason.en.is_empty());
    }
    // Both full-process online targets are left out, with the reason.
    let online = mapping
        .left_out
        .iter()
        .find(|l| l.endpoint == "provide-online-tree")
        .unwrap();
    assert_eq!(online.indicators, ["qd282.proc.full_online", "kh219.proc.full_online"]);
}

/// Without a `mapping` in the input, a 766 evaluation against the 2026–2030 pack takes that
/// pack's embedded mapping (before, it was `PORTAL766_NO_MAPPING`).
#[test]
fn the_2026_pack_on_the_2026_sample() {
    let r = engine().evaluate_portal766(&manifest("can-tho-766-2026.json")).unwrap();
    let v = serde_json::to_value(&r.portal766).unwrap();
    let mut out = String::from("## portal766 mappings\n");
    for m in v["mappings"].as_array().unwrap() {
        writeln!(
            out,
            "  {} <- {} {} · used {}",
            m["indicator"].as_str().unwrap(),
            m["endpoint"].as_str().unwrap(),
            m["metric"].as_str().unwrap_or(""),
            m["used"]
        )
        .unwrap();
    }
    insta::assert_snapshot!(format!("{}\n{}", view::report(&r.report), out));
}
