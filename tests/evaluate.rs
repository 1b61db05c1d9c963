//! Evaluation, specified by snapshots: every file of `tests/fixtures/eval/` is one scenario
//! (named for what it shows) and its report is the snapshot `evaluate__report@<file>.snap`.
//! Structural errors are snapshotted from `tests/fixtures/eval/errors/`. CSV fixtures in
//! `tests/fixtures/eval/csv/` must give the same report bytes as their JSON twins. Native
//! only: insta reads and writes files.
#![cfg(not(target_arch = "wasm32"))]
// Helpers outside `#[test]` functions fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::Path;

use cchc_progress::report::Report;
use cchc_progress::Engine;
use serde_json::Value;

fn engine() -> Engine {
    Engine::embedded().expect("the embedded plan must validate")
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn bytes(report: &Report) -> String {
    serde_json::to_string(report).unwrap()
}

#[test]
fn report() {
    let engine = engine();
    insta::glob!("fixtures/eval/*.json", |path| {
        let input = read_json(path);
        let report = engine
            .evaluate(&input)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        insta::assert_json_snapshot!(report);
    });
}

#[test]
fn structural_errors() {
    let engine = engine();
    insta::glob!("fixtures/eval/errors/*.json", |path| {
        let input = read_json(path);
        let errors = engine.evaluate(&input).expect_err("the input must be rejected");
        assert_eq!(engine.validate_input(&input).unwrap_err(), errors);
        insta::assert_json_snapshot!(errors);
    });
}

/// The same input with units and observations in reverse order gives the same bytes.
#[test]
fn order_of_the_input_does_not_matter() {
    let engine = engine();
    for entry in fs::read_dir("tests/fixtures/eval").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let input = read_json(&path);
        let mut reversed = input.clone();
        for key in ["units", "observations"] {
            if let Some(Value::Array(items)) = reversed.get_mut(key) {
                items.reverse();
            }
        }
        let a = bytes(&engine.evaluate(&input).unwrap());
        let b = bytes(&engine.evaluate(&reversed).unwrap());
        assert_eq!(a, b, "{}", path.display());
    }
}

/// Each CSV has a JSON twin of the same name; the reports are identical, except for the
/// one finding that lists ignored CSV columns.
#[test]
fn csv_and_json_give_identical_reports() {
    let engine = engine();
    let mut checked = 0;
    for entry in fs::read_dir("tests/fixtures/eval/csv").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("csv") {
            continue;
        }
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        let text = fs::read_to_string(&path).unwrap();
        let options = read_json(&path.with_file_name(format!("{stem}.options.json")));
        let mut from_csv = engine.evaluate_csv(&text, &options).unwrap();
        let twin = read_json(&Path::new("tests/fixtures/eval").join(format!("{stem}.json")));
        let from_json = engine.evaluate(&twin).unwrap();
        let extra: Vec<_> = from_csv
            .findings
            .iter()
            .filter(|f| f.code == cchc_progress::report::FindingCode::ExtraCsvColumns)
            .cloned()
            .collect();
        from_csv
            .findings
            .retain(|f| f.code != cchc_progress::report::FindingCode::ExtraCsvColumns);
        assert_eq!(bytes(&from_csv), bytes(&from_json), "{stem}");
        if stem.starts_with("semicolon") {
            assert_eq!(extra.len(), 1, "{stem}");
            insta::assert_json_snapshot!("csv_extra_columns_finding", extra);
        } else {
            assert!(extra.is_empty(), "{stem}");
        }
        checked += 1;
    }
    assert_eq!(checked, 2);
}

#[test]
fn csv_structural_errors() {
    let engine = engine();
    let options =
        serde_json::json!({ "asOf": "2024-12-31", "units": [{ "id": "ct", "name": "Cần Thơ", "level": "city" }] });
    let missing = engine
        .evaluate_csv("indicator,value\nrank.pci,3\n", &options)
        .unwrap_err();
    assert_eq!(missing.codes(), vec!["CSV_MISSING_COLUMN", "CSV_MISSING_COLUMN"]);
    let bad = engine
        .evaluate_csv(
            "indicator,unit,period,value,done\nproc.satisfaction,ct,2024,abc,\nproc.one_stop_renewed,ct,2024,,maybe\nproc.satisfaction,ct,2024-13,80,\n",
            &options,
        )
        .unwrap_err();
    insta::assert_json_snapshot!("csv_cell_errors", bad);
    let period = engine
        .evaluate_csv(
            "indicator,unit,period,value\nproc.satisfaction,ct,2024-13,80\n",
            &options,
        )
        .unwrap_err();
    assert_eq!(period.codes(), vec!["INPUT_INVALID_PERIOD"]);
    assert!(period.0[0].message.en.ends_with("(line 2 of the CSV)"), "{period}");
    let ragged = engine
        .evaluate_csv("indicator,unit,period,value\nproc.satisfaction,ct,2024\n", &options)
        .unwrap_err();
    assert_eq!(ragged.codes(), vec!["CSV_INVALID_ROW"]);
}

#[test]
fn limits_are_enforced_with_clear_errors() {
    let engine = engine();
    let long = "x".repeat(10_001);
    let input = serde_json::json!({
        "asOf": "2024-12-31",
        "units": [{ "id": "ct", "name": long, "level": "city" }],
    });
    let e = engine.evaluate(&input).unwrap_err();
    assert_eq!(e.codes(), vec!["INPUT_STRING_TOO_LONG"]);
    assert_eq!(e.0[0].path, "$.units[0].name");
}

#[test]
fn the_locale_only_changes_the_chosen_titles() {
    let engine = engine();
    let mut input = read_json(Path::new("tests/fixtures/eval/ramp_commune_2024_below_floor.json"));
    let vi = engine.evaluate(&input).unwrap();
    input["locale"] = Value::String("en".into());
    let en = engine.evaluate(&input).unwrap();
    assert_eq!(vi.results.len(), en.results.len());
    for (a, b) in vi.results.iter().zip(&en.results) {
        assert_eq!(a.explanation, b.explanation);
        assert_eq!(a.title, a.titles.as_ref().unwrap().vi);
        assert_eq!(b.title, b.titles.as_ref().unwrap().en);
    }
}

/// `options.text: "none"` leaves out exactly the words (titles in both languages, counted
/// items, shown values, explanations, level sentences) and nothing else, in every scenario.
#[test]
fn text_none_is_the_report_without_its_sentences() {
    const WORDS: [&str; 5] = ["titles", "counted", "display", "explanation", "sentence"];
    fn strip(v: &mut Value, depth: usize) {
        match v {
            Value::Object(map) => {
                // Plan and area titles stay: only result rows and level summaries lose words.
                if depth == 2 {
                    for k in WORDS {
                        map.remove(k);
                    }
                }
                for v in map.values_mut() {
                    strip(v, depth + 1);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| strip(v, depth)),
            _ => {}
        }
    }
    let engine = engine();
    let mut checked = 0;
    for entry in fs::read_dir("tests/fixtures/eval").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let mut input = read_json(&path);
        input["options"]["text"] = Value::String("both".into());
        let mut full = serde_json::to_value(engine.evaluate(&input).unwrap()).unwrap();
        input["options"]["text"] = Value::String("none".into());
        let lean = serde_json::to_value(engine.evaluate(&input).unwrap()).unwrap();
        assert_eq!(full["options"]["text"], "both", "{}", path.display());
        assert_eq!(lean["options"]["text"], "none", "{}", path.display());
        assert!(
            lean.to_string().len() * 4 < full.to_string().len() * 3,
            "{}",
            path.display()
        );
        full["options"]["text"] = Value::String("none".into());
        assert!(full["results"][0].get("explanation").is_some(), "{}", path.display());
        for key in ["results", "levelSummaries"] {
            for item in full[key].as_array_mut().unwrap() {
                strip(item, 2);
            }
        }
        assert_eq!(full, lean, "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} scenarios");
}

/// `validate` (findings only) reports exactly the findings of a full evaluation.
#[test]
fn findings_alone_are_the_findings_of_the_report() {
    let engine = engine();
    let mut with_findings = 0;
    for entry in fs::read_dir("tests/fixtures/eval").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let report = engine.evaluate_json(&text).unwrap();
        assert_eq!(
            engine.findings_json(&text).unwrap(),
            report.findings,
            "{}",
            path.display()
        );
        with_findings += usize::from(!report.findings.is_empty());
    }
    assert!(with_findings >= 5, "only {with_findings} scenarios have findings");
}

/// The example of the issue: Ninh Kiều digitized 1 240 of 2 480 results in 2023, below
/// the district floor of 60 %, 248 more results needed.
#[test]
fn ninh_kieu_2023_example() {
    let report = engine()
        .evaluate(&read_json(Path::new(
            "tests/fixtures/eval/ramp_commune_2024_below_floor.json",
        )))
        .unwrap();
    let nk = report
        .results
        .iter()
        .find(|r| r.unit.as_deref() == Some("nk") && r.indicator == "proc.digitized_results")
        .unwrap();
    let y2023 = nk.ramp_years.as_ref().unwrap().iter().find(|y| y.year == 2023).unwrap();
    assert_eq!(serde_json::to_value(y2023.floor).unwrap(), 60);
    assert_eq!(y2023.met, Some(false));
    assert_eq!(serde_json::to_value(y2023.gap_points).unwrap(), 10);
}

/// The wasm suites (`tests/shared/scenarios.rs`) replay every fixture of this folder through
/// the JS API and compare with these snapshots; a fixture missing from that list would go
/// unchecked in Node and Chromium.
#[test]
fn every_fixture_is_replayed_by_the_wasm_suites() {
    let list = std::fs::read_to_string("tests/shared/scenarios.rs").unwrap();
    for entry in std::fs::read_dir("tests/fixtures/eval").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) == Some("json") {
            let name = path.file_stem().unwrap().to_str().unwrap();
            assert!(
                list.contains(&format!("scenario!(\"{name}\")")),
                "add `{name}` to tests/shared/scenarios.rs"
            );
        }
    }
}

/// More observations than the limit are refused as a whole, with the count, before any is
/// read (5 000 001 empty objects: 15 MB of JSON text).
#[test]
fn more_observations_than_the_limit_are_refused() {
    let n = cchc_progress::data::MAX_OBSERVATIONS + 1;
    let mut text = String::with_capacity(n * 3 + 64);
    text.push_str(r#"{"asOf": "2024-12-31", "units": [], "observations": ["#);
    for i in 0..n {
        text.push_str(if i == 0 { "{}" } else { ",{}" });
    }
    text.push_str("]}");
    let errors = engine().evaluate_json(&text).unwrap_err();
    assert_eq!(errors.codes(), vec!["INPUT_TOO_MANY_OBSERVATIONS"]);
    assert_eq!(errors.first().unwrap().path, "$.observations");
}
