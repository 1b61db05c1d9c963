//! The National Public Service Portal's 766 answers as input, specified by snapshots: every
//! file of `tests/fixtures/portal766/` is one scenario (named for what it shows), whose
//! snapshot is the readable view of its report (`tests/view/`) followed by the portal's side
//! (each figure as the portal gave it, its official score, what became of it). The files of
//! `tests/fixtures/portal766/errors/` are refused; their snapshots are the errors. Native
//! only: insta reads and writes files.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fmt::Write;
use std::fs;
use std::path::Path;

use cchc_progress::portal766::{Portal766Report, EMBEDDED_PORTAL766_MAPPING_JSON, PORTAL766_MAPPING_SCHEMA_JSON};
use cchc_progress::report::FindingCode;
use cchc_progress::Engine;
use serde_json::{json, Value};

mod view;

fn engine() -> Engine {
    Engine::embedded().expect("the embedded plan must validate")
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// The portal's side, one line per figure.
fn side(r: &Portal766Report) -> String {
    let v = serde_json::to_value(&r.portal766).unwrap();
    let mut out = String::from("## portal766\nmappings:\n");
    for m in v["mappings"].as_array().unwrap() {
        let metric = m.get("metric").cloned().unwrap_or_else(|| {
            json!(format!(
                "{}/{}",
                m["numerator"].as_str().unwrap_or(""),
                m["denominator"].as_str().unwrap_or("")
            ))
        });
        writeln!(
            out,
            "  {} <- {} {} · used {}",
            m["indicator"].as_str().unwrap(),
            m["endpoint"].as_str().unwrap(),
            metric.as_str().unwrap_or(""),
            m["used"]
        )
        .unwrap();
    }
    out.push_str("periods:\n");
    for p in v["periods"].as_array().unwrap() {
        writeln!(
            out,
            "  {} {} · answers {} · rows {} · total {}",
            p["endpoint"].as_str().unwrap(),
            p["period"].as_str().unwrap(),
            p["answers"],
            p["rows"],
            p.get("total").unwrap_or(&Value::Null)
        )
        .unwrap();
    }
    out.push_str("rows (unit · kind · endpoint period · portal score/max ratio), then each metric (→ indicator · num/den ratio · portal score/max · use):\n");
    let s = |f: &Value, k: &str| {
        f.get(k).map_or("-".to_string(), |v| {
            v.as_str().map_or_else(|| v.to_string(), str::to_string)
        })
    };
    for r in v["rows"].as_array().unwrap() {
        writeln!(
            out,
            "  {} · {} · {} {} · {}/{} {}",
            s(r, "unit"),
            s(r, "kind"),
            s(r, "endpoint"),
            s(r, "period"),
            s(r, "portalScore"),
            s(r, "portalMaxScore"),
            s(r, "ratio"),
        )
        .unwrap();
        for f in r["metrics"].as_array().unwrap() {
            writeln!(
                out,
                "    {} → {} · {}/{} {} · {}/{} · {}",
                s(f, "metric"),
                s(f, "indicator"),
                s(f, "numerator"),
                s(f, "denominator"),
                s(f, "ratio"),
                s(f, "portalScore"),
                s(f, "portalMaxScore"),
                s(f, "used"),
            )
            .unwrap();
        }
    }
    out
}

#[test]
fn answers() {
    let engine = engine();
    insta::glob!("fixtures/portal766/*.json", |path| {
        let input = read_json(path);
        let r = engine
            .evaluate_portal766(&input)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        insta::assert_snapshot!(format!("{}\n{}", view::report(&r.report), side(&r)));
    });
}

#[test]
fn refused_answers() {
    let engine = engine();
    insta::glob!("fixtures/portal766/errors/*.json", |path| {
        let input = read_json(path);
        let errors = match engine.evaluate_portal766(&input) {
            Ok(_) => panic!("{}: accepted", path.display()),
            Err(e) => e,
        };
        let mut out = String::new();
        for e in &errors.0 {
            writeln!(
                out,
                "{} at {}\n  vi: {}\n  en: {}",
                e.code, e.path, e.message.vi, e.message.en
            )
            .unwrap();
        }
        insta::assert_snapshot!(out);
    });
}

/// JSON text and a JSON value give the same report.
#[test]
fn text_and_value_agree() {
    let engine = engine();
    let path = Path::new("tests/fixtures/portal766/two_pages_make_one_period.json");
    let text = fs::read_to_string(path).unwrap();
    let a = serde_json::to_string(&engine.evaluate_portal766_json(&text).unwrap()).unwrap();
    let b = serde_json::to_string(&engine.evaluate_portal766(&read_json(path)).unwrap()).unwrap();
    assert_eq!(a, b);
    let err = engine.evaluate_portal766_json("<html>").unwrap_err();
    assert_eq!(err.codes(), ["INPUT_INVALID_JSON"]);
}

/// A figure of 0/0 never becomes 0 % or 100 %, and null/null never gets a count.
#[test]
fn no_dossiers_and_ratio_without_counts() {
    let engine = engine();
    let r = engine
        .evaluate_portal766(&read_json(Path::new(
            "tests/fixtures/portal766/zero_over_zero_is_no_data.json",
        )))
        .unwrap();
    for unit in ["ct.ninh_kieu", "ct.cai_rang"] {
        let row = r
            .report
            .results
            .iter()
            .find(|x| x.indicator == "proc.digitized_results" && x.unit.as_deref() == Some(unit));
        assert!(
            row.map_or(true, |row| row.value.is_none() && row.series.is_empty()),
            "{unit}: {row:?}"
        );
        assert!(r
            .report
            .findings
            .iter()
            .any(|f| f.code == FindingCode::PortalNoDossiers && f.unit.as_deref() == Some(unit)));
    }
    let r = engine
        .evaluate_portal766(&read_json(Path::new(
            "tests/fixtures/portal766/null_numerator_and_denominator_with_ratio_100.json",
        )))
        .unwrap();
    let row = r
        .report
        .results
        .iter()
        .find(|x| x.indicator == "proc.digitized_results" && x.unit.as_deref() == Some("ct.ninh_kieu"))
        .unwrap();
    assert!(row.numerator.is_none() && row.denominator.is_none());
    assert!(r
        .report
        .findings
        .iter()
        .any(|f| f.code == FindingCode::PortalRatioWithoutCounts && f.unit.as_deref() == Some("ct.ninh_kieu")));
}

/// The embedded mapping is valid for the embedded plan, follows its schema's shape, and says
/// in both languages how each pair of measures differs.
#[test]
fn the_embedded_mapping_reads_and_matches_its_schema() {
    let engine = engine();
    let value: Value = serde_json::from_str(EMBEDDED_PORTAL766_MAPPING_JSON).unwrap();
    let mapping = cchc_progress::portal766::read_mapping(&value, engine.plan(), "$").unwrap();
    assert!(mapping.mappings.len() >= 3);
    let schema: Value = serde_json::from_str(PORTAL766_MAPPING_SCHEMA_JSON).unwrap();
    let entry_fields = schema["properties"]["mappings"]["items"]["properties"]
        .as_object()
        .unwrap();
    for e in value["mappings"].as_array().unwrap() {
        for k in e.as_object().unwrap().keys() {
            assert!(entry_fields.contains_key(k), "{k} is not in the schema");
        }
    }
    let endpoints: Vec<&str> = schema["properties"]["mappings"]["items"]["properties"]["endpoint"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let known: Vec<&str> = cchc_progress::portal766::answer::ENDPOINTS
        .iter()
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(endpoints, known);
}

/// Another rule pack has no embedded mapping: the input must give one.
#[test]
fn another_plan_needs_its_own_mapping() {
    let mut pack: Value = serde_json::from_str(cchc_progress::plan::EMBEDDED_PLAN_JSON).unwrap();
    pack["plan"]["id"] = json!("vn-other-2026-2030");
    let engine = Engine::from_value(pack).unwrap();
    let input = read_json(Path::new("tests/fixtures/portal766/two_pages_make_one_period.json"));
    assert_eq!(
        engine.evaluate_portal766(&input).unwrap_err().codes(),
        ["PORTAL766_NO_MAPPING"]
    );
    let mut with_mapping = input.clone();
    let mut mapping: Value = serde_json::from_str(EMBEDDED_PORTAL766_MAPPING_JSON).unwrap();
    mapping["plan"] = json!("vn-other-2026-2030");
    with_mapping["mapping"] = mapping;
    assert!(engine.evaluate_portal766(&with_mapping).is_ok());
}

/// The demo's sample (`www/data/can-tho-766-sample.json`, a manifest naming its answer files)
/// evaluates, every endpoint read, with the awkward cases it holds as findings.
#[test]
fn the_demo_sample_evaluates() {
    let mut manifest = read_json(Path::new("www/data/can-tho-766-sample.json"));
    for a in manifest["answers"].as_array_mut().unwrap() {
        let file = a["file"].as_str().unwrap().to_string();
        let text = fs::read_to_string(Path::new("www/data").join(&file)).unwrap();
        let o = a.as_object_mut().unwrap();
        o.remove("file");
        o.insert("name".into(), json!(file));
        o.insert("answer".into(), json!(text));
    }
    let r = engine().evaluate_portal766(&manifest).unwrap();
    assert_eq!(r.portal766.periods.len(), 8, "{:?}", r.portal766.periods);
    let codes: Vec<FindingCode> = r.report.findings.iter().map(|f| f.code).collect();
    for code in [FindingCode::PortalRatioWithoutCounts, FindingCode::PortalDataQuality] {
        assert!(codes.contains(&code), "{code:?} not in {codes:?}");
    }
    assert!(!codes.contains(&FindingCode::PortalPageMissing), "{codes:?}");
    let review = r.report.review.as_ref().unwrap();
    let digitized = review
        .rows
        .iter()
        .find(|x| x.indicator == "proc.digitized_results")
        .unwrap();
    assert!(digitized.value.is_some());
}

/// `options.only` keeps the reading's findings of the chosen indicators and units alone, as it
/// does the engine's.
#[test]
fn only_some_rows_keeps_their_findings() {
    let mut input = read_json(Path::new("tests/fixtures/portal766/zero_over_zero_is_no_data.json"));
    input["options"] = json!({ "only": { "units": ["ct.ninh_kieu"] } });
    let r = engine().evaluate_portal766(&input).unwrap();
    let units: Vec<Option<&str>> = r.report.findings.iter().map(|f| f.unit.as_deref()).collect();
    assert_eq!(units, [Some("ct.ninh_kieu")]);
}
