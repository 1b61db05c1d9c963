//! Evaluation, specified by snapshots: every file of `tests/fixtures/eval/` is one scenario
//! (named for what it shows) and its report is the snapshot `evaluate__report@<file>.snap`.
//! Structural errors are snapshotted from `tests/fixtures/eval/errors/`. CSV fixtures in
//! `tests/fixtures/eval/csv/` must give the same report bytes as their JSON twins. Native
//! only: insta reads and writes files.
#![cfg(not(target_arch = "wasm32"))]
// Helpers outside `#[test]` functions fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fs;
use std::path::Path;

use cchc_progress::report::Report;
use cchc_progress::Engine;
use serde_json::Value;

mod view;

#[path = "common/expect.rs"]
mod expect;
use expect::{check, partial};

fn engine() -> Engine {
    Engine::embedded().expect("the embedded plan must validate")
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn bytes(report: &Report) -> String {
    serde_json::to_string(report).unwrap()
}

/// Each scenario's snapshot is the readable view of its report (`tests/view/mod.rs`): the
/// rows with data, the level summaries, the counts and the findings.
#[test]
fn report() {
    let engine = engine();
    insta::glob!("fixtures/eval/*.json", |path| {
        let input = read_json(path);
        let report = engine
            .evaluate(&input)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        insta::assert_snapshot!(view::report(&report));
    });
}

/// The fixtures of `tests/fixtures/eval/`, sorted by name.
fn scenarios() -> Vec<(String, std::path::PathBuf)> {
    let mut out: Vec<_> = fs::read_dir("tests/fixtures/eval")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("json"))
        .map(|p| (p.file_stem().unwrap().to_str().unwrap().to_string(), p))
        .collect();
    out.sort();
    out
}

/// The byte oracle: every scenario's full report (pretty JSON, as `JSON.stringify(report,
/// null, 2)` writes it) by length and 64-bit FNV-1a digest. The views leave fields out; this
/// table changes when any byte does, and the wasm suites (`tests/shared/scenarios.rs`) check
/// the JS API's output against it in Node and in browsers.
#[test]
fn full_report_digests() {
    let engine = engine();
    let mut table = String::new();
    for (name, path) in scenarios() {
        let full = serde_json::to_string_pretty(&engine.evaluate(&read_json(&path)).unwrap()).unwrap();
        table.push_str(&format!("{name} {} {:016x}\n", full.len(), view::fnv1a(&full)));
    }
    insta::assert_snapshot!("full_report_digests", table);
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
    assert_eq!(checked, 3);
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
/// items, shown values, explanations, level sentences, review rules) and nothing else, in
/// every scenario.
#[test]
fn text_none_is_the_report_without_its_sentences() {
    const WORDS: [&str; 6] = ["titles", "counted", "display", "explanation", "sentence", "rule"];
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
        if let Some(rows) = full.get_mut("review").and_then(|r| r["rows"].as_array_mut()) {
            for row in rows {
                strip(row, 2);
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

/// Every scenario names what it checks in `tests/fixtures/expectations.json`, and its report
/// has it: a broken rule fails here with the field at fault, not only as a changed snapshot.
#[test]
fn every_scenario_shows_what_it_is_about() {
    let expectations = read_json(Path::new("tests/fixtures/expectations.json"));
    let table = expectations["scenarios"].as_object().unwrap();
    let engine = engine();
    let mut checked = 0;
    for (name, path) in scenarios() {
        let list = table
            .get(&name)
            .and_then(Value::as_array)
            .unwrap_or_else(|| panic!("`{name}` has no expectations in tests/fixtures/expectations.json"));
        assert!(!list.is_empty(), "`{name}`: at least one expectation");
        let report = serde_json::to_value(engine.evaluate(&read_json(&path)).unwrap()).unwrap();
        checked += check(&report, list).unwrap_or_else(|why| panic!("{name}: {why}"));
    }
    assert!(checked >= 58, "only {checked} expectations");
}

/// The expectations cannot pass on anything: a scenario's report fails a wrong one.
#[test]
fn a_wrong_expectation_fails() {
    let report = serde_json::json!({ "status": "met", "value": 80, "series": [{ "year": 2024 }] });
    assert!(partial(
        Some(&report),
        &serde_json::json!({ "status": "met", "value": 80.0 }),
        ""
    )
    .is_ok());
    assert!(partial(Some(&report), &serde_json::json!({ "status": "missed" }), "").is_err());
    assert!(partial(Some(&report), &serde_json::json!({ "reason": "$absent" }), "").is_ok());
    assert!(partial(Some(&report), &serde_json::json!({ "value": "$absent" }), "").is_err());
    assert!(partial(Some(&report), &serde_json::json!({ "series": [] }), "").is_err());
}

/// `options.only` keeps the rows, level summaries, review rows and findings of the chosen
/// indicators and units, each exactly as the whole report has it (a roll-up still reads the
/// units below), and the counts cover the chosen indicators. A finding about a unit alone (a
/// series break) comes with the chosen indicators whose series show it.
#[test]
fn only_is_the_report_of_the_chosen_rows() {
    let engine = engine();
    let mut checked = 0;
    for (name, path) in scenarios() {
        let input = read_json(&path);
        let full = serde_json::to_value(engine.evaluate(&input).unwrap()).unwrap();
        let rows = full["results"].as_array().unwrap();
        // The first row with a unit, its indicator alone, and its unit among two indicators.
        let Some(first) = rows.iter().find(|r| r.get("unit").is_some()) else {
            continue;
        };
        let ind = first["indicator"].as_str().unwrap().to_string();
        let unit = first["unit"].as_str().unwrap().to_string();
        let other = rows
            .iter()
            .map(|r| r["indicator"].as_str().unwrap())
            .find(|i| *i != ind)
            .unwrap_or(&ind)
            .to_string();
        let selections = [
            serde_json::json!({ "indicators": [ind] }),
            serde_json::json!({ "indicators": [other, ind], "units": [unit] }),
            serde_json::json!({ "units": [unit, "no-such-unit"] }),
        ];
        for only in selections {
            let mut asked = input.clone();
            asked["options"]["only"] = only.clone();
            let got = serde_json::to_value(engine.evaluate(&asked).unwrap()).unwrap();
            let ids = |key: &str| -> Option<Vec<String>> {
                only.get(key).map(|l| {
                    l.as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_str().unwrap().to_string())
                        .collect()
                })
            };
            let (inds, units) = (ids("indicators"), ids("units"));
            let keeps = |v: &Value| {
                let by = |field: &str, list: &Option<Vec<String>>| match (v.get(field).and_then(Value::as_str), list) {
                    (Some(x), Some(l)) => l.iter().any(|y| y == x),
                    _ => true,
                };
                by("indicator", &inds) && by("unit", &units)
            };
            let filtered = |list: &Value| -> Vec<Value> {
                list.as_array().unwrap().iter().filter(|v| keeps(v)).cloned().collect()
            };
            let at = format!("{name} with {only}");
            assert_eq!(
                got["results"].as_array().unwrap(),
                &filtered(&full["results"]),
                "results of {at}"
            );
            assert!(!got["results"].as_array().unwrap().is_empty(), "{at} keeps a row");
            let by_indicator = |list: &Value| -> Vec<Value> {
                list.as_array()
                    .unwrap()
                    .iter()
                    .filter(|v| {
                        inds.as_ref()
                            .map_or(true, |l| l.iter().any(|i| Some(i.as_str()) == v["indicator"].as_str()))
                    })
                    .cloned()
                    .collect()
            };
            assert_eq!(
                got["levelSummaries"].as_array().unwrap(),
                &by_indicator(&full["levelSummaries"]),
                "level summaries of {at}"
            );
            // Findings about an indicator are exactly the whole report's; those about a unit
            // alone (a series break) are the ones the chosen indicators' rows raise.
            let want = filtered(&full["findings"]);
            let (with, without): (Vec<&Value>, Vec<&Value>) = got["findings"]
                .as_array()
                .unwrap()
                .iter()
                .partition(|f| f.get("indicator").is_some());
            assert_eq!(
                with,
                want.iter().filter(|f| f.get("indicator").is_some()).collect::<Vec<_>>(),
                "findings of {at}"
            );
            assert!(without.iter().all(|f| want.contains(f)), "findings of {at}");
            if inds.is_none() {
                assert_eq!(got["findings"].as_array().unwrap(), &want, "findings of {at}");
            }
            if let Some(review) = full.get("review") {
                assert_eq!(
                    got["review"]["rows"].as_array().unwrap(),
                    &by_indicator(&review["rows"]),
                    "review of {at}"
                );
            }
            let kept = inds
                .as_ref()
                .map_or(full["summary"]["indicators"].as_u64().unwrap(), |l| {
                    l.iter()
                        .filter(|i| rows.iter().any(|r| r["indicator"].as_str() == Some(i.as_str())))
                        .count() as u64
                });
            assert_eq!(got["summary"]["indicators"].as_u64(), Some(kept), "summary of {at}");
            let mut sorted = only.clone();
            for key in ["indicators", "units"] {
                if let Some(list) = sorted.get_mut(key).and_then(Value::as_array_mut) {
                    list.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
                    list.dedup();
                }
            }
            assert_eq!(got["options"]["only"], sorted, "options of {at}");
            checked += 1;
        }
    }
    assert!(checked >= 90, "only {checked} selections checked");
}

/// A bad `options.only` is a structural error at its path.
#[test]
fn only_must_be_lists_of_ids() {
    let engine = engine();
    let base = serde_json::json!({ "asOf": "2024-12-31", "observations": [] });
    for (only, code, path) in [
        (
            serde_json::json!(["proc.online_l34"]),
            "INPUT_INVALID_TYPE",
            "$.options.only",
        ),
        (
            serde_json::json!({ "indicators": "proc.online_l34" }),
            "INPUT_INVALID_TYPE",
            "$.options.only.indicators",
        ),
        (
            serde_json::json!({ "units": ["ct", 7] }),
            "INPUT_INVALID_TYPE",
            "$.options.only.units[1]",
        ),
        (
            serde_json::json!({ "units": [" "] }),
            "INPUT_EMPTY_FIELD",
            "$.options.only.units[0]",
        ),
        (
            serde_json::json!({ "unit": ["ct"] }),
            "INPUT_UNKNOWN_FIELD",
            "$.options.only.unit",
        ),
    ] {
        let mut input = base.clone();
        input["options"] = serde_json::json!({ "only": only });
        let errors = engine.evaluate(&input).unwrap_err();
        let first = errors.first().unwrap();
        assert_eq!((first.code.as_str(), first.path.as_str()), (code, path), "{only}");
    }
}

/// The final review tells the story the cards tell (issue 24.3), in every scenario with a
/// review: each row's units are the result rows of its target and level by status (a unit
/// without any figure, which has no card, is `noData`); its verdict follows from them (no
/// figure at any unit → `no_data`, as the target's card; any missed → `missed`; …); a target
/// whose card is `no_data` is `no_data` at every level; and every count adds up to its total.
#[test]
fn the_review_agrees_with_the_cards() {
    use cchc_progress::report::{ReviewCounts, Status};
    let engine = engine();
    let sum = |c: &ReviewCounts| c.met + c.missed + c.not_reported + c.discontinued + c.no_data;
    let mut reviewed = 0;
    for (name, path) in scenarios() {
        let report = engine.evaluate(&read_json(&path)).unwrap();
        let Some(review) = &report.review else { continue };
        reviewed += 1;
        let c = &review.counts;
        assert_eq!(sum(c), c.total, "{name}: review counts");
        assert_eq!(c.total as usize, review.rows.len(), "{name}: review total");
        let mut by_verdict = ReviewCounts::default();
        for row in &review.rows {
            by_verdict.add(row.verdict);
            let at = format!("{name}: {} · {:?}", row.indicator, row.level);
            let u = &row.units;
            assert_eq!(sum(u), u.total, "{at}: unit counts");
            let results: Vec<_> = report
                .results
                .iter()
                .filter(|r| r.indicator == row.indicator && r.level == Some(row.level))
                .collect();
            let count = |s: Status| results.iter().filter(|r| r.status == s).count() as u32;
            assert_eq!(u.met, count(Status::Met), "{at}: met");
            assert_eq!(u.missed, count(Status::Missed), "{at}: missed");
            assert_eq!(u.discontinued, count(Status::Discontinued), "{at}: discontinued");
            assert_eq!(u.total - u.no_data, results.len() as u32, "{at}: units with a card");
            match row.verdict {
                Status::NoData => assert!(results.is_empty(), "{at}: no_data with cards"),
                Status::Missed => assert!(u.missed > 0, "{at}"),
                Status::Met => assert!(
                    u.met > 0 && u.missed == 0 && u.not_reported == 0,
                    "{at}: met beside a unit that did not meet"
                ),
                Status::Discontinued => assert!(
                    u.discontinued > 0 && u.met == 0 && u.missed == 0 && u.not_reported == 0,
                    "{at}: discontinued beside a unit still there"
                ),
                Status::NotReported => assert!(
                    u.missed == 0 && u.not_reported + u.no_data > 0 && !results.is_empty(),
                    "{at}: not_reported"
                ),
                other => panic!("{at}: verdict {other:?} after the deadline"),
            }
            // The row says the rule and who did not meet it, in words (issue 25.4).
            let rule = row.rule.as_ref().unwrap_or_else(|| panic!("{at}: no rule"));
            if row.verdict == Status::Missed {
                assert!(
                    rule.vi.contains("chưa đạt") && rule.en.contains("did not"),
                    "{at}: {rule:?}"
                );
            }
            // The card of a target without any figure says `no_data`: so does every level.
            let card = report
                .results
                .iter()
                .find(|r| r.indicator == row.indicator && r.headline);
            if card.is_some_and(|r| r.status == Status::NoData) {
                assert_eq!(row.verdict, Status::NoData, "{at}: the card says no_data");
            }
        }
        assert_eq!(&by_verdict, c, "{name}: the counts are the rows' verdicts");
    }
    assert!(reviewed >= 5, "{reviewed} scenarios with a review");
}
