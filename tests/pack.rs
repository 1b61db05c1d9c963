//! The packed report (`src/report/pack.rs`): for every scenario of every door, the packed JSON
//! is the same bytes `serde_json` writes for the report, and every span and key of the index
//! reads back the member or row it names. The JavaScript reader (`src/wasm/report.js`) is
//! tested on the same buffers by the wasm suites (`tests/shared/packed.rs`).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fs;
use std::path::Path;

#[cfg(any(feature = "portal766", feature = "sheet"))]
use cchc_progress::report::pack::Extra;
use cchc_progress::report::pack::{self, FORMAT, LISTS, MAGIC, MEMBERS, NONE};
use cchc_progress::report::Report;
use cchc_progress::Engine;
use serde_json::Value;

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("json") && !p.ends_with("expectations.json"))
        .collect();
    out.sort();
    out
}

/// A reader of the layout, written from the module's documentation, apart from the packer.
struct Read<'a> {
    words: Vec<u32>,
    json: &'a [u8],
    extra: &'a [u8],
    strings: Vec<String>,
}

impl<'a> Read<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let word = |i: usize| u32::from_le_bytes(bytes[i * 4..i * 4 + 4].try_into().unwrap());
        assert_eq!(word(0), MAGIC);
        assert_eq!(word(1), FORMAT);
        let (w, j, e, s) = (word(2) as usize, word(3) as usize, word(4) as usize, word(5) as usize);
        let words: Vec<u32> = (0..w).map(word).collect();
        let json = &bytes[4 * w..4 * w + j];
        let extra = &bytes[4 * w + j..4 * w + j + e];
        let strings = serde_json::from_slice(&bytes[4 * w + j + e..4 * w + j + e + s]).unwrap();
        assert_eq!(bytes.len(), 4 * w + j + e + s, "nothing after the string table");
        Read {
            words,
            json,
            extra,
            strings,
        }
    }

    fn member(&self, name: &str) -> Option<Value> {
        let slot = MEMBERS.iter().position(|m| *m == name).unwrap();
        let (a, b) = (self.words[7 + 2 * slot], self.words[8 + 2 * slot]);
        (a != NONE).then(|| serde_json::from_slice(&self.json[a as usize..b as usize]).unwrap())
    }

    /// Each row of a list: its value and its keys as texts (`None` for an absent key; the
    /// keys named in `numbers` as numbers).
    fn list(&self, name: &str, numbers: &[usize]) -> Vec<(Value, Vec<Option<String>>)> {
        let mut at = 35;
        for (list, width) in LISTS {
            let (n, k) = (self.words[at] as usize, self.words[at + 1] as usize);
            assert_eq!(k, width);
            at += 2;
            if list == name {
                return (0..n)
                    .map(|i| {
                        let row = &self.words[at + i * (2 + k)..at + (i + 1) * (2 + k)];
                        let value = serde_json::from_slice(&self.json[row[0] as usize..row[1] as usize]).unwrap();
                        let keys = row[2..]
                            .iter()
                            .enumerate()
                            .map(|(j, &w)| {
                                (w != NONE).then(|| {
                                    if numbers.contains(&j) {
                                        w.to_string()
                                    } else {
                                        self.text(w)
                                    }
                                })
                            })
                            .collect();
                        (value, keys)
                    })
                    .collect();
            }
            at += n * (2 + k);
        }
        panic!("no list {name}");
    }

    fn text(&self, w: u32) -> String {
        self.strings[w as usize].clone()
    }
}

fn key(v: &Value, field: &str) -> Option<String> {
    match &v[field] {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(u32::from(*b).to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Checks one packed report against the report it was made from (`whole` is what the door
/// returned before: the report, with a `portal766` member for that door).
fn check(name: &str, bytes: &[u8], report: &Report, whole: &Value, whole_json: &[u8]) {
    let r = Read::new(bytes);
    assert_eq!(r.json, whole_json, "{name}: JSON bytes");
    let full = serde_json::to_value(report).unwrap();
    for m in &MEMBERS[..11] {
        assert_eq!(r.member(m).as_ref(), full.get(*m), "{name}: member {m}");
    }
    let lists = [
        (
            "results",
            &full["results"],
            vec!["indicator", "unit", "level", "headline"],
        ),
        (
            "levelSummaries",
            &full["levelSummaries"],
            vec!["indicator", "level", "year"],
        ),
        ("areas", &full["areas"], vec!["id"]),
        ("findings", &full["findings"], vec!["indicator", "unit", "code"]),
        ("reviewRows", &full["review"]["rows"], vec!["indicator", "level"]),
    ];
    for (list, want, fields) in lists {
        let numbers: Vec<usize> = fields
            .iter()
            .enumerate()
            .filter(|(_, f)| matches!(**f, "headline" | "year"))
            .map(|(j, _)| j)
            .collect();
        let got = r.list(list, &numbers);
        let want = want.as_array().cloned().unwrap_or_default();
        assert_eq!(got.len(), want.len(), "{name}: {list} count");
        for ((value, keys), w) in got.iter().zip(&want) {
            assert_eq!(value, w, "{name}: a row of {list}");
            let expected: Vec<_> = fields.iter().map(|f| key(w, f)).collect();
            assert_eq!(keys, &expected, "{name}: the keys of a row of {list}");
        }
    }
    match full.get("review") {
        Some(review) => {
            assert_eq!(u64::from(r.words[31]), review["from"].as_u64().unwrap());
            assert_eq!(u64::from(r.words[32]), review["to"].as_u64().unwrap());
            let counts: Value = serde_json::from_slice(&r.json[r.words[33] as usize..r.words[34] as usize]).unwrap();
            assert_eq!(counts, review["counts"]);
        }
        None => assert_eq!(&r.words[31..35], &[NONE; 4]),
    }
    if let Some(side) = whole.get("portal766") {
        assert_eq!(r.member("portal766").as_ref(), Some(side), "{name}: the portal's side");
        assert_eq!(r.words[6], 1);
    }
    assert!(r.extra.is_empty() || r.words[6] == 2);
}

#[test]
fn every_scenario_packs_to_its_own_bytes() {
    let engine = Engine::embedded().unwrap();
    let mut n = 0;
    for path in files("tests/fixtures/eval") {
        let report = engine.evaluate(&read_json(&path)).unwrap();
        let bytes = pack::pack(&report).unwrap();
        let json = serde_json::to_vec(&report).unwrap();
        check(
            &path.display().to_string(),
            &bytes,
            &report,
            &serde_json::to_value(&report).unwrap(),
            &json,
        );
        n += 1;
    }
    let plans = Engine::embedded_plans(&["can-tho-2026-2030"]).unwrap();
    for path in files("tests/fixtures/plans_2026") {
        let report = plans.evaluate(&read_json(&path)).unwrap();
        let bytes = pack::pack(&report).unwrap();
        let json = serde_json::to_vec(&report).unwrap();
        check(
            &path.display().to_string(),
            &bytes,
            &report,
            &serde_json::to_value(&report).unwrap(),
            &json,
        );
        n += 1;
    }
    assert!(n > 40, "only {n} scenarios");
}

#[cfg(feature = "portal766")]
#[test]
fn portal766_reports_pack_with_their_side() {
    let engine = Engine::embedded().unwrap();
    let mut n = 0;
    for path in files("tests/fixtures/portal766") {
        let r = engine.evaluate_portal766(&read_json(&path)).unwrap();
        let bytes = pack::pack_with(&r.report, &Extra::Member(&r.portal766)).unwrap();
        let whole = serde_json::to_value(&r).unwrap();
        // The report and its side, as the door wrote them before, are the JSON with the side
        // as its last member.
        check(
            &path.display().to_string(),
            &bytes,
            &r.report,
            &whole,
            &serde_json::to_vec(&r).unwrap(),
        );
        n += 1;
    }
    assert!(n >= 10, "only {n} scenarios");
}

#[cfg(feature = "sheet")]
#[test]
fn sheet_reports_keep_the_reading_beside() {
    let engine = Engine::embedded().unwrap();
    let mut n = 0;
    for path in files("tests/fixtures/sheets") {
        let fixture = read_json(&path);
        let r = match fixture.get("csv").and_then(Value::as_str) {
            Some(csv) => engine.evaluate_sheet_csv(csv, &fixture["mapping"], &fixture["options"]),
            None => engine.evaluate_sheet(&fixture["grid"], &fixture["mapping"], &fixture["options"]),
        };
        let Ok(r) = r else { continue };
        let bytes = pack::pack_with(&r.report, &Extra::Beside(&r.sheet)).unwrap();
        let json = serde_json::to_vec(&r.report).unwrap();
        check(
            &path.display().to_string(),
            &bytes,
            &r.report,
            &serde_json::to_value(&r.report).unwrap(),
            &json,
        );
        let read = Read::new(&bytes);
        assert_eq!(read.words[6], 2);
        let beside: Value = serde_json::from_slice(read.extra).unwrap();
        assert_eq!(beside, serde_json::to_value(&r.sheet).unwrap());
        n += 1;
    }
    assert!(n >= 1, "no sheet scenario evaluated");
}

/// `Engine::report` is each door's report, packed: the same bytes as packing what the
/// `evaluate…` method returns (with a plan named: `evaluate_plan`). `Engine::report` packs
/// each row as the evaluation makes it (`pack::Streamer`); `pack::pack` packs the whole
/// report of objects: every door, every fixture, both ways, byte for byte.
#[test]
fn one_method_for_every_door() {
    use cchc_progress::Source;
    let engine = Engine::embedded().unwrap();
    let both = Engine::embedded_plans(&["can-tho-2021-2025", "can-tho-2026-2030"]).unwrap();
    for path in files("tests/fixtures/eval") {
        let v = read_json(&path);
        let text = serde_json::to_string(&v).unwrap();
        let want = pack::pack(&engine.evaluate(&v).unwrap()).unwrap();
        assert_eq!(
            engine.report(None, Source::Value(&v)).unwrap().to_vec(),
            want,
            "{}",
            path.display()
        );
        assert_eq!(engine.report(None, Source::Json(&text)).unwrap().to_vec(), want);
        let input = cchc_progress::data::read_input(&v).unwrap();
        assert_eq!(
            engine.report(None, Source::Input(input.clone())).unwrap().to_vec(),
            want
        );
        let second = pack::pack(&both.evaluate_plan("can-tho-2026-2030", &v).unwrap()).unwrap();
        assert_eq!(
            both.report(Some("can-tho-2026-2030"), Source::Value(&v))
                .unwrap()
                .to_vec(),
            second
        );
        assert_eq!(
            both.report(Some("can-tho-2026-2030"), Source::Input(input))
                .unwrap()
                .to_vec(),
            second
        );
        let all = both.reports(&Source::Json(&text)).unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(
            all[0].1.to_vec(),
            pack::pack(&both.evaluate_plan("vn-cantho-cchc-2021-2025", &v).unwrap()).unwrap()
        );
        assert_eq!(all[1].0, "can-tho-2026-2030");
        assert_eq!(all[1].1.to_vec(), second);
    }
    let mut csvs = 0;
    for options_path in files("tests/fixtures/eval/csv") {
        let name = options_path.file_name().unwrap().to_str().unwrap();
        let path = options_path.with_file_name(name.replace(".options.json", ".csv"));
        let csv = fs::read_to_string(&path).unwrap();
        let options = read_json(&options_path);
        let want = pack::pack(&engine.evaluate_csv(&csv, &options).unwrap()).unwrap();
        let got = engine
            .report(
                None,
                Source::Csv {
                    text: &csv,
                    options: &options,
                },
            )
            .unwrap();
        assert_eq!(got.len(), want.len(), "{}", path.display());
        assert_eq!(got.to_vec(), want, "{}", path.display());
        let read = cchc_progress::data::read_csv(&csv, &options).unwrap();
        assert_eq!(engine.report(None, Source::CsvRead(read)).unwrap().to_vec(), want);
        csvs += 1;
    }
    assert!(csvs >= 3, "{csvs} CSV fixtures");
    let err = both.report(Some("no-such-plan"), Source::Json("{}")).unwrap_err();
    assert_eq!(err.codes(), vec!["UNKNOWN_PLAN"]);
    #[cfg(feature = "portal766")]
    for path in files("tests/fixtures/portal766") {
        let v = read_json(&path);
        let r = engine.evaluate_portal766(&v).unwrap();
        let want = pack::pack_with(&r.report, &Extra::Member(&r.portal766)).unwrap();
        assert_eq!(engine.report(None, Source::Portal766(&v)).unwrap().to_vec(), want);
    }
}
