#![cfg(not(target_arch = "wasm32"))]
//! Properties of the engine over generated inputs (proptest). Case counts are set per
//! property so that the whole file runs in a few seconds in debug builds; each property says
//! what it guards. The fuzz target in `fuzz/` explores the same doors without a time bound.
// Tests may unwrap and index: a failing test should fail loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use cchc_progress::plan::{Comparator, Level, RampReading};
use cchc_progress::report::{FindingCode, Report, ReviewCounts, Status};
use cchc_progress::Engine;
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{json, Map, Value};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::embedded().unwrap())
}

fn bytes(report: &Report) -> String {
    serde_json::to_string(report).unwrap()
}

fn cases(n: u32) -> Config {
    Config {
        cases: n,
        failure_persistence: None,
        ..Config::default()
    }
}

// ---- generators -------------------------------------------------------------------------

/// Field names of the formats, so that arbitrary JSON often reaches past the first check.
const KEYS: &[&str] = &[
    "asOf",
    "locale",
    "label",
    "options",
    "units",
    "observations",
    "id",
    "name",
    "level",
    "parent",
    "validFrom",
    "validTo",
    "indicator",
    "unit",
    "period",
    "value",
    "numerator",
    "denominator",
    "rank",
    "count",
    "done",
    "source",
    "rampReading",
    "baselineYear",
    "formatVersion",
    "plan",
    "areas",
    "indicators",
    "ramps",
    "target",
    "__proto__",
    "constructor",
];

const TEXTS: &[&str] = &[
    "2024-12-31",
    "2024-02-30",
    "vi",
    "en",
    "fr",
    "city",
    "district",
    "commune",
    "ct",
    "nk",
    "proc.internal_e_transfer",
    "rank.pci",
    "2024",
    "2023-13",
    "2023.5",
    "2024-Q2",
    "schedule",
    "increment",
    "",
    " ",
    "<b>x</b>",
    "\u{feff}",
];

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        (-10.0f64..3000.0).prop_map(Value::from),
        proptest::sample::select(TEXTS).prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![proptest::sample::select(KEYS).prop_map(String::from), "[a-z]{1,6}"],
                    inner
                ),
                0..8
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

const INDICATORS: &[&str] = &[
    "proc.internal_e_transfer",
    "proc.digitized_results",
    "proc.online_payment_enabled",
    "proc.online_payment_tx",
    "proc.online_l34",
    "proc.national_portal",
    "proc.satisfaction",
    "rank.pci",
    "org.public_units_cut",
    "proc.one_stop_renewed",
    "egov.meetings_district",
    "proc.not_in_the_plan",
];

/// id, level, parent: a city, two districts, three communes.
const UNITS: &[(&str, &str, Option<&str>)] = &[
    ("ct", "city", None),
    ("nk", "district", Some("ct")),
    ("cr", "district", Some("ct")),
    ("nk.a", "commune", Some("nk")),
    ("nk.b", "commune", Some("nk")),
    ("cr.a", "commune", Some("cr")),
];

const PERIODS: &[&str] = &[
    "2021", "2022", "2023", "2024", "2025", "2024-H1", "2024-Q2", "2023-05", "2023-Q4", "2026",
];

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => 0.0f64..100.0,
        2 => (0u32..3000).prop_map(f64::from),
        1 => proptest::sample::select(&[0.0, -1.0, 100.0, 100.5, 59.95, 79.999, 1e12, 64.0, 12.5][..]),
    ]
}

fn observation() -> impl Strategy<Value = Value> {
    (
        proptest::sample::select(INDICATORS),
        prop_oneof![9 => proptest::sample::select(UNITS).prop_map(|u| u.0), 1 => Just("ghost")],
        proptest::sample::select(PERIODS),
        0u8..6,
        number(),
        number(),
        any::<bool>(),
    )
        .prop_map(|(indicator, unit, period, kind, a, b, done)| {
            let mut o = json!({"indicator": indicator, "unit": unit, "period": period});
            let (a, b) = (a.min(b), a.max(b));
            match kind {
                0 => o["value"] = json!(a),
                1 => {
                    o["numerator"] = json!(a.round());
                    o["denominator"] = json!(b.round());
                }
                2 => o["numerator"] = json!(a.round()),
                3 => o["rank"] = json!((a / 3.0).round()),
                4 => o["count"] = json!(b.round()),
                _ => {
                    o["done"] = json!(done);
                    if !done {
                        o["value"] = json!(a);
                    }
                }
            }
            o
        })
}

/// A structurally valid input with messy figures: the evaluation itself gets exercised.
fn plausible_input() -> impl Strategy<Value = Value> {
    (
        proptest::sample::select(&["2024-12-31", "2025-06-30", "2023-03-31", "2026-01-15"][..]),
        proptest::sample::select(&[None, Some("schedule"), Some("increment"), Some("relative")][..]),
        proptest::sample::select(&[None, Some(2021), Some(2022)][..]),
        any::<bool>(),
        prop::collection::vec(
            (prop::option::of(2021i32..2025), prop::option::of(2022i32..2026)),
            UNITS.len(),
        ),
        prop::collection::vec(observation(), 0..40),
    )
        .prop_map(|(as_of, reading, baseline, en, validity, observations)| {
            let units: Vec<Value> = UNITS
                .iter()
                .zip(validity)
                .map(|((id, level, parent), (from, to))| {
                    let mut u = json!({"id": id, "name": format!("Đơn vị {id}"), "level": level});
                    if let Some(p) = parent {
                        u["parent"] = json!(p);
                    }
                    // Only communes change; a broken validity would be a structural error.
                    if *level == "commune" {
                        if let (Some(f), Some(t)) = (from, to) {
                            if f <= t {
                                u["validFrom"] = json!(f);
                                u["validTo"] = json!(t);
                            }
                        }
                    }
                    u
                })
                .collect();
            let mut options = Map::new();
            if let Some(r) = reading {
                options.insert("rampReading".into(), json!(r));
            }
            if let Some(b) = baseline {
                options.insert("baselineYear".into(), json!(b));
            }
            json!({
                "asOf": as_of,
                "locale": if en { "en" } else { "vi" },
                "options": options,
                "units": units,
                "observations": observations,
            })
        })
}

fn csv_text() -> impl Strategy<Value = String> {
    let cell = prop_oneof![
        proptest::sample::select(INDICATORS).prop_map(String::from),
        proptest::sample::select(UNITS).prop_map(|u| u.0.to_string()),
        proptest::sample::select(PERIODS).prop_map(String::from),
        proptest::sample::select(
            &["62,5", "1.240", "1.240,5", "0.125", "NaN", "-inf", "có", "không", "\"a;b\"", "\"x\ny\"", "\"", ""][..]
        )
        .prop_map(String::from),
        "[0-9]{1,5}",
        ".{0,6}",
    ];
    let header = prop::sample::subsequence(
        &[
            "indicator",
            "unit",
            "period",
            "value",
            "numerator",
            "denominator",
            "rank",
            "count",
            "done",
            "source",
            "ghi chú",
        ][..],
        0..11,
    )
    .prop_shuffle();
    (
        header,
        prop::collection::vec(prop::collection::vec(cell, 0..8), 0..12),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(header, rows, semicolon, bom)| {
            let sep = if semicolon { ";" } else { "," };
            let mut s = if bom { "\u{feff}".to_string() } else { String::new() };
            s.push_str(&header.join(sep));
            for r in rows {
                s.push('\n');
                s.push_str(&r.join(sep));
            }
            s
        })
}

fn csv_options() -> Value {
    json!({"asOf": "2024-12-31", "units": UNITS.iter().map(|(id, level, parent)| {
        let mut u = json!({"id": id, "name": id, "level": level});
        if let Some(p) = parent { u["parent"] = json!(p); }
        u
    }).collect::<Vec<_>>()})
}

fn sample_pack() -> Value {
    serde_json::from_str(include_str!("fixtures/packs/sample_province.json")).unwrap()
}

/// Every path to a value in `v`, as JSON pointers.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => m.iter().for_each(|(k, x)| pointers(x, format!("{at}/{k}"), out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| pointers(x, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

// ---- properties ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(cases(512))]

    /// No JSON value, as a value or as text, panics evaluation or rule-pack loading.
    #[test]
    fn no_json_input_panics(v in arb_json()) {
        let e = engine();
        let _ = e.evaluate(&v);
        let _ = e.evaluate_json(&v.to_string());
        let _ = e.validate_input(&v);
        let _ = e.evaluate_csv("indicator,unit,period,value\nproc.internal_e_transfer,ct,2024,82", &v);
        let _ = Engine::from_value(v.clone());
        let _ = Engine::from_json(&v.to_string());
    }

    /// No text panics any text door.
    #[test]
    fn no_text_input_panics(s in ".{0,200}") {
        let e = engine();
        let _ = e.evaluate_json(&s);
        let _ = e.evaluate_csv(&s, &csv_options());
        let _ = Engine::from_json(&s);
    }

    /// No CSV-like text panics, and what is accepted serializes.
    #[test]
    fn no_csv_panics(csv in csv_text()) {
        if let Ok(report) = engine().evaluate_csv(&csv, &csv_options()) {
            bytes(&report);
        }
    }
}

proptest! {
    #![proptest_config(cases(256))]

    /// Evaluating messy but well-formed inputs never panics, twice gives the same bytes, and
    /// the JSON-text path agrees with the value path.
    #[test]
    fn evaluation_is_total_and_deterministic(input in plausible_input()) {
        let e = engine();
        let a = bytes(&e.evaluate(&input).unwrap());
        let b = bytes(&e.evaluate(&input).unwrap());
        prop_assert_eq!(&a, &b);
        let c = bytes(&e.evaluate_json(&input.to_string()).unwrap());
        prop_assert_eq!(&a, &c);
    }

    /// A shown (rounded) value agrees with `met` (against the year's requirement) and with the
    /// status (against the deadline target).
    #[test]
    fn a_shown_value_never_contradicts_its_verdict(input in plausible_input()) {
        let report = engine().evaluate(&input).unwrap();
        for r in &report.results {
            let (Some(display), Some(value)) = (&r.display, r.value) else { continue };
            let shown: f64 = display.en.replace(['%', ','], "").trim().parse().unwrap();
            let holds = |v: f64, t: f64| r.comparator.holds(v, t);
            if let (Some(req), Some(met)) = (r.requirement, r.met) {
                prop_assert_eq!(holds(shown, req.0), met, "{} {:?}: shown {} vs requirement {}", r.indicator, r.unit, shown, req.0);
            }
            if let Some(target) = r.target {
                prop_assert_eq!(holds(shown, target.0), holds(value.0, target.0), "{} {:?}: shown {} value {} target {}", r.indicator, r.unit, shown, value.0, target.0);
                if r.status == cchc_progress::report::Status::Met {
                    prop_assert!(holds(shown, target.0));
                }
            }
        }
    }

    /// A rule pack with random edits loads or fails with errors, never panics; a pack that
    /// loads evaluates inputs for its own indicators.
    #[test]
    fn edited_rule_packs_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), prop::option::of(arb_json())), 1..4),
        input in plausible_input(),
    ) {
        let mut pack = sample_pack();
        for (at, replacement) in edits {
            let mut all = Vec::new();
            pointers(&pack, String::new(), &mut all);
            let p = at.get(&all).clone();
            let Some((parent, key)) = p.rsplit_once('/') else { continue };
            match (pack.pointer_mut(parent), replacement) {
                (Some(Value::Object(o)), Some(v)) => { o.insert(key.to_string(), v); }
                (Some(Value::Object(o)), None) => { o.remove(key); }
                (Some(Value::Array(a)), Some(v)) => { if let Ok(i) = key.parse::<usize>() { a[i] = v; } }
                (Some(Value::Array(a)), None) => { if let Ok(i) = key.parse::<usize>() { a.remove(i); } }
                _ => {}
            }
        }
        let _ = Engine::from_json(&pack.to_string());
        if let Ok(e) = Engine::from_value(pack) {
            let ids: Vec<String> = e.plan().indicators.iter().map(|i| i.id.clone()).collect();
            let mut input = input;
            if let Some(Value::Array(obs)) = input.get_mut("observations") {
                for (i, o) in obs.iter_mut().enumerate() {
                    if let Some(id) = ids.get(i % ids.len().max(1)) {
                        o["indicator"] = json!(id);
                    }
                }
            }
            let _ = e.evaluate(&input);
        }
    }

    /// Ramp floors never fall from one year to the next and never pass the cap, under every
    /// reading, for any ramp a pack may declare.
    #[test]
    fn ramp_floors_never_fall_nor_pass_the_cap(
        floors in (0.0f64..=100.0, 0.0f64..=100.0),
        step in 0.0f64..40.0,
        factor in 1.0f64..2.0,
        cap in 0.0f64..=100.0,
        previous in prop::collection::vec(0.0f64..=100.0, 12),
    ) {
        let mut pack = sample_pack();
        let ramp = &mut pack["ramps"][0];
        ramp["firstFloors"] = json!({"city": floors.0, "commune": floors.1});
        ramp["step"] = json!(step);
        ramp["relativeFactor"] = json!(factor);
        ramp["cap"] = json!(cap);
        ramp["afterLastYear"] = json!("continue");
        let Ok(e) = Engine::from_value(pack) else { return Ok(()) };
        let r = e.plan().ramps[0].clone();
        for level in [Level::City, Level::Commune] {
            for reading in [RampReading::Schedule, RampReading::Relative] {
                let mut last = f64::NEG_INFINITY;
                for year in r.first_year..=r.last_year + 5 {
                    let f = e.ramp_floor(None, level, year, Some(reading), None).unwrap();
                    let v = f.floor.unwrap();
                    prop_assert!(v >= last, "{level:?} {reading:?} {year}: {v} < {last}");
                    prop_assert!(v <= r.cap + 1e-9, "{v} above the cap {}", r.cap);
                    last = v;
                }
            }
            for (year, prev) in (r.first_year + 1..=r.last_year + 5).zip(&previous) {
                let f = e.ramp_floor(None, level, year, Some(RampReading::Increment), Some(*prev)).unwrap();
                let v = f.floor.unwrap();
                // Floors are shown to 4 decimals, so one may sit up to one unit of the
                // fourth decimal under the previous value when the step is 0.
                prop_assert!(v <= r.cap + 1e-9 && v >= prev.min(r.cap) - 1e-4, "increment from {prev}: {v}");
            }
        }
    }
}

proptest! {
    #![proptest_config(cases(128))]

    /// A unit without its own figure shows the sums of its units' numerators and
    /// denominators; a level's aggregate is the sum over the level.
    #[test]
    fn roll_ups_equal_the_sums_of_their_parts(
        figures in prop::collection::vec((0u32..5000, 0u32..5000), 3),
        year in 2022i32..=2024,
    ) {
        let communes = ["nk.a", "nk.b", "cr.a"];
        let observations: Vec<Value> = communes.iter().zip(&figures).map(|(u, (a, b))| {
            let (n, d) = ((*a).min(*b), (*a).max(*b).max(1));
            json!({"indicator": "proc.internal_e_transfer", "unit": u, "period": year.to_string(), "numerator": n, "denominator": d})
        }).collect();
        let input = json!({"asOf": "2024-12-31", "units": csv_options()["units"], "observations": observations});
        let report = engine().evaluate(&input).unwrap();
        let sums = |units: &[usize]| -> (f64, f64) {
            units.iter().fold((0.0, 0.0), |(n, d), i| {
                let (a, b) = figures[*i];
                (n + f64::from(a.min(b)), d + f64::from(a.max(b).max(1)))
            })
        };
        let want: BTreeMap<&str, (f64, f64)> =
            [("ct", sums(&[0, 1, 2])), ("nk", sums(&[0, 1])), ("cr", sums(&[2]))].into_iter().collect();
        for (unit, (n, d)) in want {
            let r = report.results.iter()
                .find(|r| r.indicator == "proc.internal_e_transfer" && r.unit.as_deref() == Some(unit))
                .unwrap();
            prop_assert_eq!(r.numerator.map(|x| x.0), Some(n), "{}", unit);
            prop_assert_eq!(r.denominator.map(|x| x.0), Some(d), "{}", unit);
        }
        let commune = report.level_summaries.iter()
            .find(|s| s.indicator == "proc.internal_e_transfer" && s.level == Level::Commune)
            .unwrap();
        let (n, d) = sums(&[0, 1, 2]);
        prop_assert_eq!(commune.aggregate_numerator.map(|x| x.0), Some(n));
        prop_assert_eq!(commune.aggregate_denominator.map(|x| x.0), Some(d));
    }

    /// The order of units and observations does not change a single byte of the report.
    #[test]
    fn a_shuffled_input_gives_the_same_report(
        (input, units, observations) in plausible_input().prop_flat_map(|v| {
            let units = v["units"].as_array().unwrap().clone();
            let obs = v["observations"].as_array().unwrap().clone();
            (Just(v), Just(units).prop_shuffle(), Just(obs).prop_shuffle())
        })
    ) {
        let mut shuffled = input.clone();
        shuffled["units"] = Value::Array(units);
        shuffled["observations"] = Value::Array(observations);
        let e = engine();
        prop_assert_eq!(bytes(&e.evaluate(&input).unwrap()), bytes(&e.evaluate(&shuffled).unwrap()));
    }
}

/// Markup that hostile names could carry.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "&lt;b&gt;",
    "Phường <b>Tân An</b>",
    "`${alert(1)}`",
    "javascript:alert(1)",
    "</p><p>",
];

/// Every string in a JSON value.
fn strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(m) => m.iter().for_each(|(k, x)| {
            out.push(k);
            strings(x, out);
        }),
        _ => {}
    }
}

proptest! {
    #![proptest_config(cases(64))]

    /// The report never carries markup of the engine's own: with the caller's names (which
    /// it echoes verbatim, as data) taken out, no string of the report has `<` or `>`. (`&&`
    /// occurs, in the JSON-path filters that name observations.)
    #[test]
    fn the_report_never_adds_markup(
        names in prop::collection::vec(proptest::sample::select(HOSTILE), UNITS.len()),
        label in proptest::sample::select(HOSTILE),
        input in plausible_input(),
        en in any::<bool>(),
    ) {
        let mut input = input;
        for (u, name) in input["units"].as_array_mut().unwrap().iter_mut().zip(&names) {
            u["name"] = json!(name);
        }
        input["label"] = json!(label);
        input["locale"] = json!(if en { "en" } else { "vi" });
        let report = serde_json::to_value(engine().evaluate(&input).unwrap()).unwrap();
        let mut all = Vec::new();
        strings(&report, &mut all);
        for s in all {
            let mut rest = s.to_string();
            for h in HOSTILE {
                rest = rest.replace(h, "");
            }
            prop_assert!(!rest.contains(['<', '>']), "markup in `{}`", s);
        }
    }
}

#[test]
fn the_comparators_used_above_are_the_plans() {
    // The display property reads `comparator` from each row; make sure both kinds occur.
    let plan = engine().plan();
    assert!(plan.indicators.iter().any(|i| i.comparator == Comparator::Gte));
    assert!(plan.indicators.iter().any(|i| i.comparator == Comparator::Lte));
}

// ---- CSV read strictly (issue 13) --------------------------------------------------------

/// CSV text with the hostile cells of issue 13 in mostly well-formed rows: quotes opened and
/// never closed, quoted line breaks, quotes inside cells, numbers in both conventions and in
/// neither, either line end.
fn hostile_csv() -> impl Strategy<Value = String> {
    let hostile = proptest::sample::select(
        &[
            "\"khảo sát",
            "\"a\nb\"",
            "\"a;b\"",
            "\"a,b\"",
            "a\"b",
            "\"\"",
            "\"x\"\"y\"",
            "\"\r\n\"",
            "\"ok\"",
            "",
            " ",
            "khảo sát",
            "\"q\"x",
        ][..],
    );
    let number = proptest::sample::select(
        &[
            "62",
            "62,5",
            "62.5",
            "1.240",
            "1,234",
            "1,234.5",
            "1.240,5",
            "12.345.678",
            "1 240,5",
            "62 5",
            "1.24,5",
            "0.125",
            "-3,5",
            "1e3",
            "\"61\"",
            "\"6\n1\"",
        ][..],
    );
    let row = (
        proptest::sample::select(INDICATORS),
        proptest::sample::select(UNITS).prop_map(|u| u.0),
        proptest::sample::select(&["2022", "2023", "2024", "2023-Q2"][..]),
        number,
        hostile.clone(),
        hostile,
    )
        .prop_map(|(i, u, p, n, s, x)| {
            [
                i.to_string(),
                u.to_string(),
                p.to_string(),
                n.to_string(),
                s.to_string(),
                x.to_string(),
            ]
        });
    (
        prop::collection::vec(row, 0..8),
        any::<bool>(),
        proptest::sample::select(&["\n", "\r\n"][..]),
    )
        .prop_map(|(rows, semicolon, end)| {
            let sep = if semicolon { ";" } else { "," };
            let mut s = ["indicator", "unit", "period", "value", "source", "ghi chú"].join(sep);
            for r in rows {
                s.push_str(end);
                s.push_str(&r.join(sep));
            }
            s
        })
}

/// The lines of a CSV text that hold something, after the header.
fn data_lines(csv: &str) -> usize {
    csv.split('\n')
        .skip(1)
        .filter(|l| !l.trim_end_matches('\r').is_empty())
        .count()
}

proptest! {
    #![proptest_config(cases(1024))]

    /// Rows never vanish: an accepted CSV has exactly one observation per line that holds
    /// something (a quote that swallows lines is refused), and what is refused is refused
    /// with a structured error.
    #[test]
    fn an_accepted_csv_has_one_observation_per_line(csv in hostile_csv()) {
        match cchc_progress::data::read_csv(&csv, &csv_options()) {
            Ok(read) => prop_assert_eq!(read.input.observations.len(), data_lines(&csv), "{:?}", csv),
            Err(errors) => prop_assert!(errors.first().is_some_and(|e| e.path.starts_with('$'))),
        }
    }

    /// A number written in its delimiter's convention, in any of its accepted forms, reads
    /// back exactly as the decimal it writes.
    #[test]
    fn numbers_read_back_in_every_accepted_form(m in 0u64..1_000_000_000_000, d in 0u32..5, negative in any::<bool>(), semicolon in any::<bool>()) {
        let want = if negative { -1.0 } else { 1.0 } * (m as f64 / 10f64.powi(d as i32));
        let digits = m.to_string();
        let digits = format!("{digits:0>width$}", width = d as usize + 1);
        let (int, frac) = digits.split_at(digits.len() - d as usize);
        let grouped = |sep: &str| {
            let mut out = String::new();
            for (i, c) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    out.push_str(sep);
                }
                out.push(c);
            }
            out
        };
        let sign = if negative && m != 0 { "-" } else { "" };
        let (decimal, groups): (&str, &[&str]) = if semicolon { (",", &["", ".", " "]) } else { (".", &["", " "]) };
        for g in groups {
            let mut cell = format!("{sign}{}", if g.is_empty() { int.to_string() } else { grouped(g) });
            if d > 0 {
                cell.push_str(decimal);
                cell.push_str(frac);
            }
            let sep = if semicolon { ";" } else { "," };
            let csv = format!("indicator{sep}unit{sep}period{sep}count\nproc.internal_e_transfer{sep}ct{sep}2024{sep}{cell}\n");
            let read = cchc_progress::data::read_csv(&csv, &csv_options());
            let got = read.as_ref().ok().map(|r| r.input.observations[0].reading);
            // `1.240`-like cells of a `;` file read by the convention: the same number.
            prop_assert_eq!(got, Some(cchc_progress::data::Reading::Count(if want == 0.0 { 0.0 } else { want })), "{}", cell);
        }
    }

    /// English thousands never pass under `;`, and a `;` file that writes a decimal point
    /// never reads a `d.ddd` cell as thousands: refused, never rescaled.
    #[test]
    fn a_number_is_never_rescaled(a in 1u32..1000, b in 0u32..1000, c in 1u32..10) {
        let english = format!("{a},{b:03}.{c}");
        let csv = format!("indicator;unit;period;count\nproc.internal_e_transfer;ct;2024;{english}\n");
        prop_assert!(cchc_progress::data::read_csv(&csv, &csv_options()).is_err(), "{}", english);
        let mixed = format!("indicator;unit;period;count\nproc.internal_e_transfer;ct;2023;{a}.{c}5\nproc.internal_e_transfer;ct;2024;{a}.{b:03}\n");
        match cchc_progress::data::read_csv(&mixed, &csv_options()) {
            Err(e) => prop_assert_eq!(e.first().unwrap().code, "CSV_AMBIGUOUS_NUMBER"),
            Ok(_) => prop_assert!(false, "accepted {}", mixed),
        }
    }

    /// JSON text (read one observation at a time) and the same JSON as a value give the same
    /// errors, in the same order, cut at the same place; and the same report when accepted.
    #[test]
    fn the_json_text_and_value_doors_agree(v in arb_json()) {
        let e = engine();
        let by_value = e.evaluate(&v).map(|r| bytes(&r));
        let by_text = e.evaluate_json(&v.to_string()).map(|r| bytes(&r));
        prop_assert_eq!(by_value, by_text);
    }
}

/// The two JSON doors cut a long list of errors at the same place, with the rest of the
/// input's errors first, whatever the number of observations after the limit.
#[test]
fn the_json_doors_cut_long_error_lists_alike() {
    let bad = json!({"indicator": "x", "unit": "y", "period": "2023-13", "value": 1});
    for (top_errors, observations) in [(0, 1), (0, 999), (0, 1000), (0, 1001), (1, 999), (1, 1000), (2, 1500)] {
        let mut input = json!({"asOf": "2024-12-31", "observations": vec![bad.clone(); observations]});
        for k in 0..top_errors {
            input[format!("unknown{k}")] = json!(1);
        }
        let by_value = engine().evaluate(&input).unwrap_err();
        let by_text = engine().evaluate_json(&input.to_string()).unwrap_err();
        assert_eq!(
            by_value, by_text,
            "{top_errors} top-level errors, {observations} observations"
        );
        let cut = by_text.0.last().unwrap().code == "INPUT_TOO_MANY_ERRORS";
        assert_eq!(cut, top_errors + observations > 1000, "{top_errors} + {observations}");
    }
}

/// Validity spans a unit of the generated hierarchies may have, as (`validFrom`, `validTo`).
const SPANS: &[(Option<&str>, Option<&str>)] = &[
    (None, None),
    (None, Some("2025-06-30")),
    (None, Some("2023-12-31")),
    (Some("2022-01-01"), None),
    (Some("2022-01-01"), Some("2025-06-30")),
    (Some("2025-07-01"), None),
    (Some("2024-01-01"), Some("2024-06-30")),
];

fn valid_on(span: (Option<&str>, Option<&str>), day: &str) -> bool {
    span.0.map_or(true, |f| f <= day) && span.1.map_or(true, |t| day <= t)
}

proptest! {
    #![proptest_config(cases(256))]

    /// No figure of a unit valid on a day is lost from the roll-up of that day: whatever the
    /// days of the districts and communes (a commune left without `validTo` under a district
    /// that ended, one older than its district), each unit's figure of a year sums the
    /// communes under it on its reference day (the year's end, or its last day), the city's
    /// every commune valid at the year's end; and each commune valid on a day its district
    /// is not has a `parent_not_valid` finding.
    #[test]
    fn no_figure_of_a_valid_unit_is_lost_from_the_roll_up(
        districts in prop::collection::vec(proptest::sample::select(SPANS), 3),
        communes in prop::collection::vec((proptest::sample::select(SPANS), 0usize..4, 1u32..500, 0u32..500), 6),
        year in 2021i32..=2025,
    ) {
        let parent_id = |p: usize| if p == 3 { "ct".to_string() } else { format!("d{p}") };
        let with_span = |mut u: Value, span: (Option<&str>, Option<&str>)| {
            if let Some(f) = span.0 { u["validFrom"] = json!(f); }
            if let Some(t) = span.1 { u["validTo"] = json!(t); }
            u
        };
        let mut units = vec![json!({"id": "ct", "name": "ct", "level": "city"})];
        for (i, span) in districts.iter().enumerate() {
            units.push(with_span(json!({"id": format!("d{i}"), "name": "d", "level": "district", "parent": "ct"}), *span));
        }
        let (start, end) = (format!("{year}-01-01"), format!("{year}-12-31"));
        let mut observations = Vec::new();
        for (i, (span, parent, d, n)) in communes.iter().enumerate() {
            units.push(with_span(json!({"id": format!("c{i}"), "name": "c", "level": "commune", "parent": parent_id(*parent)}), *span));
            let in_year = span.0.map_or(true, |f| f <= end.as_str()) && span.1.map_or(true, |t| start.as_str() <= t);
            if in_year {
                observations.push(json!({"indicator": "proc.internal_e_transfer", "unit": format!("c{i}"),
                    "period": year.to_string(), "numerator": (*n).min(*d), "denominator": d}));
            }
        }
        let input = json!({"asOf": end, "units": units, "observations": observations});
        // A commune whose parent never exists while it does is refused, not evaluated.
        let report = engine().evaluate(&input);
        prop_assume!(report.is_ok());
        let report = report.unwrap();
        // The figure each unit must have: the sum over the communes under it on its day.
        let expect = |day: &str, under: &dyn Fn(usize) -> bool| -> (f64, f64) {
            communes.iter().enumerate()
                .filter(|(i, (span, ..))| under(*i) && valid_on(*span, day))
                .fold((0.0, 0.0), |(a, b), (_, (_, _, d, n))| (a + f64::from((*n).min(*d)), b + f64::from(*d)))
        };
        let mut checks: Vec<(String, (f64, f64))> = vec![("ct".into(), expect(&end, &|_| true))];
        for (k, span) in districts.iter().enumerate() {
            if !(span.0.map_or(true, |f| f <= end.as_str()) && span.1.map_or(true, |t| start.as_str() <= t)) {
                continue;
            }
            let day = span.1.filter(|t| *t < end.as_str()).unwrap_or(end.as_str()).to_string();
            checks.push((format!("d{k}"), expect(&day, &|i| communes[i].1 == k)));
        }
        for (unit, (n, d)) in checks {
            let row = report.results.iter()
                .find(|r| r.indicator == "proc.internal_e_transfer" && r.unit.as_deref() == Some(unit.as_str()))
                .filter(|r| r.year == Some(year));
            if d == 0.0 {
                prop_assert!(row.is_none(), "{} has a figure of {} without a commune under it", unit, year);
            } else {
                let row = row.unwrap_or_else(|| panic!("{unit} lost its {year} figure"));
                prop_assert_eq!(row.numerator.map(|x| x.0), Some(n), "{}", unit);
                prop_assert_eq!(row.denominator.map(|x| x.0), Some(d), "{}", unit);
            }
        }
        for (i, (span, parent, ..)) in communes.iter().enumerate() {
            let orphaned = *parent < 3 && valid_on(*span, &end) && !valid_on(districts[*parent], &end);
            if orphaned {
                let id = format!("c{i}");
                prop_assert!(
                    report.findings.iter().any(|f| f.code == FindingCode::ParentNotValid && f.unit.as_deref() == Some(id.as_str())),
                    "no parent_not_valid finding for {}", id
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(cases(128))]

    /// A level with no unit left is counted by the last figure of every unit it had in the
    /// year it ended, not only of those that lasted to its last day: a district that ended in
    /// March and fell short is one of the districts short.
    #[test]
    fn an_ended_level_counts_every_unit_by_its_last_figure(
        districts in prop::collection::vec(
            (proptest::sample::select(&["2025-01-31", "2025-03-31", "2025-06-30", "2025-09-30"][..]), 1u32..20, 0u32..20, any::<bool>()),
            1..6,
        ),
    ) {
        let mut units = vec![json!({"id": "ct", "name": "ct", "level": "city"})];
        let mut observations = Vec::new();
        for (i, (end, d, n, reported)) in districts.iter().enumerate() {
            units.push(json!({"id": format!("d{i}"), "name": "d", "level": "district", "parent": "ct", "validTo": end}));
            if *reported {
                observations.push(json!({"indicator": "egov.meetings_district", "unit": format!("d{i}"),
                    "period": &end[..4], "numerator": (*n).min(*d), "denominator": d}));
            }
        }
        let input = json!({"asOf": "2025-12-31", "units": units, "observations": observations});
        let report = engine().evaluate(&input).unwrap();
        let summary = report.level_summaries.iter()
            .find(|s| s.indicator == "egov.meetings_district" && s.level == Level::District);
        prop_assume!(summary.is_some());
        let summary = summary.unwrap();
        let last = districts.iter().map(|x| x.0).max().unwrap();
        let counted: Vec<usize> = (0..districts.len()).collect();
        let short: Vec<String> = counted.iter()
            .filter(|i| { let (_, d, n, r) = districts[**i]; r && n.min(d) * 5 < d * 4 })
            .map(|i| format!("d{i}")).collect();
        let no_data: Vec<String> = counted.iter().filter(|i| !districts[**i].3).map(|i| format!("d{i}")).collect();
        prop_assert_eq!(summary.last_day.as_deref(), Some(last));
        prop_assert_eq!(summary.units_total as usize, counted.len());
        prop_assert_eq!(&summary.units_short, &short);
        prop_assert_eq!(&summary.units_no_data, &no_data);
        prop_assert_eq!(summary.units_met as usize + short.len() + no_data.len(), counted.len());
    }
}

proptest! {
    #![proptest_config(cases(128))]

    /// The final review tells the cards' story (issue 24.3): a level without any card of its
    /// target is `no_data` (never `not_reported`), every unit without a card counts as
    /// `noData`, and the counts add up: each row's units to its total, the rows' verdicts to
    /// the review's counts.
    #[test]
    fn the_review_counts_what_the_cards_show(mut input in plausible_input()) {
        input["asOf"] = json!("2026-01-15");
        let report = engine().evaluate(&input).unwrap();
        let review = report.review.as_ref().unwrap();
        let sum = |c: &ReviewCounts| c.met + c.missed + c.not_reported + c.discontinued + c.no_data;
        let mut by_verdict = ReviewCounts::default();
        for row in &review.rows {
            by_verdict.add(row.verdict);
            prop_assert_eq!(sum(&row.units), row.units.total);
            let cards = report.results.iter()
                .filter(|r| r.indicator == row.indicator && r.level == Some(row.level))
                .count() as u32;
            prop_assert_eq!(row.units.total - row.units.no_data, cards, "{} {:?}", row.indicator, row.level);
            prop_assert_eq!(row.verdict == Status::NoData, cards == 0, "{} {:?}", row.indicator, row.level);
        }
        prop_assert_eq!(&by_verdict, &review.counts);
        prop_assert_eq!(sum(&review.counts), review.counts.total);
        prop_assert_eq!(review.counts.total as usize, review.rows.len());
    }
}

// ---- bidi controls in data (issue 25.5) -------------------------------------------------

/// The bidi controls of UAX #9 and letters of both directions, for names and ids.
const BIDI_ALPHABET: &[char] = &[
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    '\u{200E}', '\u{200F}', '\u{061C}', 'a', 'Q', 'ệ', 'đ', 'ا', 'ש', '1', '%', ' ', '.',
];

fn bidi_text() -> impl Strategy<Value = String> {
    prop::collection::vec(proptest::sample::select(BIDI_ALPHABET), 0..10).prop_map(|cs| cs.into_iter().collect())
}

/// Where `s` breaks the balance of the Unicode bidi algorithm (UAX #9, rules X1–X8, with its
/// stack of 125 levels and its overflow counts): an embedding, override or isolate left open
/// at the end of a paragraph, a PDF (U+202C) or PDI (U+2069) that closes nothing the
/// algorithm would match, or a PDI that ends an isolate over embeddings still open inside it
/// (closed, but not in order). `None` when balanced.
fn unbalanced(s: &str) -> Option<String> {
    const MAX_DEPTH: usize = 125;
    // The directional status stack: `true` for an isolate's entry (X5a–X5c), `false` for an
    // embedding's or override's (X2–X5); each entry's level is its depth + 1 or more, so
    // only the depth matters for overflow.
    let mut stack: Vec<bool> = Vec::new();
    let (mut overflow_isolates, mut overflow_embeddings, mut valid_isolates) = (0usize, 0usize, 0usize);
    for (at, c) in s.char_indices() {
        match c {
            // X2–X5: RLE, LRE, RLO, LRO.
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => {
                if stack.len() < MAX_DEPTH && overflow_isolates == 0 && overflow_embeddings == 0 {
                    stack.push(false);
                } else if overflow_isolates == 0 {
                    overflow_embeddings += 1;
                }
            }
            // X5a–X5c: LRI, RLI, FSI.
            '\u{2066}'..='\u{2068}' => {
                if stack.len() < MAX_DEPTH && overflow_isolates == 0 && overflow_embeddings == 0 {
                    valid_isolates += 1;
                    stack.push(true);
                } else {
                    overflow_isolates += 1;
                }
            }
            // X6a: PDI.
            '\u{2069}' => {
                if overflow_isolates > 0 {
                    overflow_isolates -= 1;
                } else if valid_isolates == 0 {
                    return Some(format!("a PDI at byte {at} matches no isolate"));
                } else {
                    // X6a pops every embedding still open inside the isolate (and forgets
                    // the overflowed ones): closed, but not in order.
                    if overflow_embeddings > 0 || stack.last() == Some(&false) {
                        return Some(format!(
                            "the PDI at byte {at} closes its isolate over an open embedding"
                        ));
                    }
                    stack.pop();
                    valid_isolates -= 1;
                }
            }
            // X7: PDF.
            '\u{202C}' => {
                if overflow_isolates > 0 {
                } else if overflow_embeddings > 0 {
                    overflow_embeddings -= 1;
                } else if stack.last() == Some(&false) {
                    stack.pop();
                } else {
                    return Some(format!("a PDF at byte {at} matches no embedding of its isolate"));
                }
            }
            // X8: a paragraph separator ends every embedding and isolate.
            '\n' | '\r' | '\u{1C}'..='\u{1E}' | '\u{85}' | '\u{2029}'
                if !stack.is_empty() || overflow_isolates + overflow_embeddings > 0 =>
            {
                return Some(format!("a paragraph ends at byte {at} with {} still open", stack.len()));
            }
            _ => {}
        }
    }
    (!stack.is_empty() || overflow_isolates + overflow_embeddings > 0).then(|| {
        format!(
            "{} left open at the end",
            stack.len() + overflow_isolates + overflow_embeddings
        )
    })
}

#[test]
fn the_balance_checker_reads_as_the_algorithm_does() {
    for ok in [
        "",
        "abc",
        "\u{2068}x\u{2069}",
        "\u{202E}x\u{202C}",
        "\u{2067}\u{202B}x\u{202C}\u{2069}",
        "a\u{200F}b",
    ] {
        assert_eq!(unbalanced(ok), None, "{ok:?}");
    }
    for bad in [
        "\u{202E}x",
        "x\u{2069}",
        "x\u{202C}",
        "\u{2068}\u{202E}x\u{2069}",
        // The engine's wrapper around a name with an unclosed isolate (issue 25.5).
        "\u{2068}Quận \u{2067}x\u{2069} đạt",
        // A PDF inside an isolate cannot close the embedding outside it.
        "\u{202B}\u{2066}\u{202C}\u{2069}\u{202C}",
        "\u{202E}x\ny\u{202C}",
    ] {
        assert!(unbalanced(bad).is_some(), "{bad:?}");
    }
    // 125 levels and the overflow counted beyond them.
    let deep = format!("{}{}", "\u{2066}".repeat(130), "\u{2069}".repeat(130));
    assert_eq!(unbalanced(&deep), None);
    assert!(unbalanced(&"\u{2066}".repeat(130)).is_some());
}

/// Every string of `v` but the ids it echoes as they are (keys: `ids`) and the paths built
/// from them, with its key.
fn sentences<'a>(v: &'a Value, key: &'a str, ids: &[&str], out: &mut Vec<(&'a str, &'a str)>) {
    match v {
        Value::String(s) if key != "path" && !ids.contains(&s.as_str()) => out.push((key, s)),
        Value::Array(a) => a.iter().for_each(|x| sentences(x, key, ids, out)),
        Value::Object(m) => m.iter().for_each(|(k, x)| sentences(x, k, ids, out)),
        _ => {}
    }
}

proptest! {
    #![proptest_config(cases(48))]

    /// Whatever bidi controls the data holds in names, ids and the label, every string of
    /// the report (sentences, names, findings; not the ids it echoes as keys) is balanced
    /// as UAX #9 reads it, holds no control of the data (each is a visible `[U+…]`), and
    /// each text that held one has its finding `bidi_control_in_text`.
    #[test]
    fn every_sentence_is_balanced_whatever_the_data_holds(
        names in prop::collection::vec(bidi_text(), UNITS.len()),
        ids in prop::collection::vec(bidi_text(), UNITS.len() + 1),
        label in bidi_text(),
        input in plausible_input(),
    ) {
        let mut input = input;
        let mut text = input.to_string();
        // Two ids made one by their suffixes (`nk` + `.a…` and `nk.a` + `…`) would be a
        // duplicate unit, an error and not what this property is about.
        let suffixed: std::collections::BTreeSet<String> = UNITS.iter().map(|u| u.0).chain(["ghost"]).zip(&ids).map(|(id, suffix)| format!("{id}{suffix}")).collect();
        prop_assume!(suffixed.len() == UNITS.len() + 1);
        // Each id gets its own suffix everywhere it occurs (units, parents, observations), in
        // two passes: `nk` made `nk.a…` must not then be taken for `nk.a` and suffixed again.
        let all_ids: Vec<&str> = UNITS.iter().map(|u| u.0).chain(["ghost"]).collect();
        for (i, id) in all_ids.iter().enumerate() {
            text = text.replace(&format!("\"{id}\""), &format!("\"\u{1}{i}\u{1}\""));
        }
        for (i, (id, suffix)) in all_ids.iter().zip(&ids).enumerate() {
            text = text.replace(&format!("\"\u{1}{i}\u{1}\""), &serde_json::to_string(&format!("{id}{suffix}")).unwrap());
        }
        input = serde_json::from_str(&text).unwrap();
        for (u, name) in input["units"].as_array_mut().unwrap().iter_mut().zip(&names) {
            u["name"] = json!(format!("Đơn vị {name}"));
        }
        input["label"] = json!(format!("Nhãn {label}"));
        let report = engine().evaluate(&input).unwrap();
        let findings: Vec<&str> = report.findings.iter().filter(|f| format!("{:?}", f.code) == "BidiControlInText").map(|f| f.path.as_str()).collect();
        let json = serde_json::to_value(&report).unwrap();
        let echoed: Vec<String> = UNITS.iter().map(|u| u.0).chain(["ghost"]).zip(&ids).map(|(id, suffix)| format!("{id}{suffix}")).collect();
        let echoed: Vec<&str> = echoed.iter().map(String::as_str).collect();
        let mut all = Vec::new();
        sentences(&json, "", &echoed, &mut all);
        for (key, s) in all {
            prop_assert_eq!(unbalanced(s), None, "{}: {:?}", key, s);
            let engine_own = |c: char| c == '\u{2068}' || c == '\u{2069}';
            let stray: Vec<char> = s.chars().filter(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}') && !engine_own(*c)).collect();
            prop_assert!(stray.is_empty(), "{}: {:?} holds {:?}", key, s, stray);
        }
        let has = |s: &str| s.chars().any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'));
        prop_assert_eq!(findings.contains(&"$.label"), has(&label), "{:?}", findings);
        for (u, name) in input["units"].as_array().unwrap().iter().zip(&names) {
            let id = u["id"].as_str().unwrap();
            let path = format!("$.units[?(@.id=='{}')]", id.replace('\\', "\\\\").replace('\'', "\\'"));
            prop_assert_eq!(findings.contains(&format!("{path}.name").as_str()), has(name), "{:?}", findings);
            prop_assert_eq!(findings.contains(&format!("{path}.id").as_str()), has(id), "{:?}", findings);
        }
    }
}

// ---- one number, three doors (issue 24.8) -----------------------------------------------

/// A decimal as a portal writes it: a sign, whole digits, a fraction; often at the ±10^15
/// limit (`1000000000000000.1`, `999999999999999.99`) and with more digits than a double holds.
fn decimal_text() -> impl Strategy<Value = String> {
    let digits = |n: std::ops::Range<usize>| prop::collection::vec(proptest::sample::select(&b"0123456789"[..]), n);
    let near_limit = (
        proptest::sample::select(
            &[
                "1000000000000000",
                "999999999999999",
                "100000000000000",
                "1000000000000001",
                "999999999999998",
            ][..],
        ),
        digits(0..6),
    )
        .prop_map(|(int, frac)| (int.to_string(), frac));
    let other = (digits(1..18), digits(0..10)).prop_map(|(int, frac)| {
        let int = String::from_utf8(int).unwrap().trim_start_matches('0').to_string();
        (if int.is_empty() { "0".to_string() } else { int }, frac)
    });
    (prop_oneof![near_limit, other], any::<bool>()).prop_map(|((int, frac), negative)| {
        let mut s = if negative { format!("-{int}") } else { int };
        if !frac.is_empty() {
            s.push('.');
            s.push_str(std::str::from_utf8(&frac).unwrap());
        }
        s
    })
}

/// What a door made of one number: the reading, or the first error's code.
fn door(
    read: Result<cchc_progress::data::Input, cchc_progress::error::Errors>,
) -> Result<cchc_progress::data::Reading, String> {
    read.map(|i| i.observations[0].reading)
        .map_err(|e| format!("{:?}", e.first().unwrap().code))
}

proptest! {
    #![proptest_config(cases(512))]

    /// The same decimal reads as the same double through JSON text and CSV, and that double
    /// is the one correctly rounded (the standard library's); at the ±10^15 limit both
    /// doors accept it or both refuse it with `INPUT_NUMBER_OUT_OF_RANGE`.
    #[test]
    fn json_text_and_csv_read_every_decimal_alike(d in decimal_text()) {
        let options = csv_options();
        let csv = format!("indicator,unit,period,count\nproc.internal_e_transfer,ct,2024,{d}\n");
        let by_csv = door(cchc_progress::data::read_csv(&csv, &options).map(|r| r.input));
        let mut input = options.clone();
        input["observations"] = json!([]);
        let text = input.to_string().replace("\"observations\":[]", &format!("\"observations\":[{{\"indicator\":\"proc.internal_e_transfer\",\"unit\":\"ct\",\"period\":\"2024\",\"count\":{d}}}]"));
        let by_json = door(cchc_progress::data::parse_input(&text));
        prop_assert_eq!(&by_json, &by_csv, "{}", d);
        let exact: f64 = d.parse().unwrap();
        if exact.abs() <= cchc_progress::data::MAX_NUMBER {
            prop_assert_eq!(by_json, Ok(cchc_progress::data::Reading::Count(exact)), "{}", d);
        } else {
            prop_assert_eq!(by_json, Err("InputNumberOutOfRange".to_string()), "{}", d);
        }
    }
}

#[test]
fn the_doors_agree_at_the_limit() {
    for d in [
        "1000000000000000.1",
        "-1000000000000000.1",
        "1000000000000000.0625",
        "999999999999999.99",
        "1e15",
    ] {
        let exact: f64 = d.parse().unwrap();
        let text = format!("{{\"asOf\":\"2024-12-31\",\"units\":[{{\"id\":\"ct\",\"name\":\"Cần Thơ\",\"level\":\"city\"}}],\"observations\":[{{\"indicator\":\"proc.internal_e_transfer\",\"unit\":\"ct\",\"period\":\"2024\",\"count\":{d}}}]}}");
        let by_json = door(cchc_progress::data::parse_input(&text));
        let by_value = door(cchc_progress::data::read_input(&serde_json::from_str(&text).unwrap()));
        let want = if exact.abs() <= cchc_progress::data::MAX_NUMBER {
            Ok(cchc_progress::data::Reading::Count(exact))
        } else {
            Err("InputNumberOutOfRange".to_string())
        };
        assert_eq!(by_json, want, "{d} as JSON text");
        assert_eq!(by_value, want, "{d} as a JSON value read from text");
    }
}
