#![cfg(not(target_arch = "wasm32"))]
//! Properties of the final review across a reorganisation (issue 12), over generated merged
//! hierarchies: old wards ending on 30 June 2025, new wards from 1 July 2025 formed from them
//! (whole, or divided with shares), figures of random years. Each property says what it
//! guards; case counts keep the file to a few seconds in debug builds.
// Tests may unwrap and index: a failing test should fail loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::sync::OnceLock;

use cchc_progress::Engine;
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{json, Value};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::embedded().unwrap())
}

fn cases(n: u32) -> Config {
    Config {
        cases: n,
        failure_persistence: None,
        ..Config::default()
    }
}

const INDICATOR: &str = "proc.digitized_results";

/// One generated reorganisation: `old` wards (ending 30 June 2025) and new wards each formed
/// from some of them; a divided old ward's shares add up to 1 across its successors.
#[derive(Debug, Clone)]
struct Merger {
    old: usize,
    /// For each new ward: (old ward, share in thousandths) pairs.
    new: Vec<Vec<(usize, u32)>>,
    /// Figures of the old wards: (ward, year, numerator, denominator).
    figures: Vec<(usize, i32, u32, u32)>,
    /// New wards' own 2025 figures: (ward, numerator, denominator).
    own: Vec<(usize, u32, u32)>,
    as_of: &'static str,
}

fn merger() -> impl Strategy<Value = Merger> {
    (2usize..8, 1usize..4).prop_flat_map(|(old, new)| {
        // Each old ward goes to one new ward, or is divided between two (share in thousandths).
        let assignment = proptest::collection::vec((0..new, 0..new, 1u32..1000, any::<bool>()), old);
        let figures = proptest::collection::vec((0..old, 2022i32..=2025, 0u32..500, 500u32..1000), 0..20);
        let own = proptest::collection::vec((0..new, 0u32..500, 500u32..1000), 0..4);
        let as_of = prop_oneof![Just("2025-06-30"), Just("2025-12-31"), Just("2026-12-01")];
        (assignment, figures, own, as_of).prop_map(move |(assignment, figures, own, as_of)| {
            let mut parts: Vec<Vec<(usize, u32)>> = vec![Vec::new(); new];
            for (w, (a, b, share, divided)) in assignment.iter().enumerate() {
                if *divided && a != b {
                    parts[*a].push((w, *share));
                    parts[*b].push((w, 1000 - share));
                } else {
                    parts[*a].push((w, 1000));
                }
            }
            // A new ward formed from nothing is not part of this merger.
            let keep: Vec<usize> = (0..new).filter(|n| !parts[*n].is_empty()).collect();
            let own = own
                .into_iter()
                .filter_map(|(n, a, b)| keep.iter().position(|k| *k == n).map(|at| (at, a, b)))
                .collect();
            Merger {
                old,
                new: keep.into_iter().map(|n| parts[n].clone()).collect(),
                figures,
                own,
                as_of,
            }
        })
    })
}

fn input(m: &Merger) -> Value {
    let mut units = vec![json!({ "id": "ct", "name": "Thành phố", "level": "city" })];
    for w in 0..m.old {
        units.push(
            json!({ "id": format!("w{w}"), "name": format!("Phường cũ {w}"), "level": "commune",
            "parent": "ct", "validTo": "2025-06-30" }),
        );
    }
    for (n, parts) in m.new.iter().enumerate() {
        let preds: Vec<Value> = parts
            .iter()
            .map(|(w, s)| {
                if *s == 1000 {
                    json!(format!("w{w}"))
                } else {
                    json!({ "unit": format!("w{w}"), "share": f64::from(*s) / 1000.0 })
                }
            })
            .collect();
        units.push(
            json!({ "id": format!("n{n}"), "name": format!("Phường mới {n}"), "level": "commune",
            "parent": "ct", "validFrom": "2025-07-01", "predecessors": preds }),
        );
    }
    let mut observations = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (w, y, a, b) in &m.figures {
        // One figure per ward and year; a 2025 figure of an old ward is its first half.
        if seen.insert((*w, *y)) {
            let period = if *y == 2025 {
                "2025-H1".to_string()
            } else {
                y.to_string()
            };
            observations.push(
                json!({ "indicator": INDICATOR, "unit": format!("w{w}"), "period": period,
                "numerator": a, "denominator": b }),
            );
        }
    }
    let mut seen_own = std::collections::BTreeSet::new();
    for (n, a, b) in &m.own {
        if seen_own.insert(*n) {
            observations.push(
                json!({ "indicator": INDICATOR, "unit": format!("n{n}"), "period": "2025-H2",
                "numerator": a, "denominator": b }),
            );
        }
    }
    json!({ "asOf": m.as_of, "units": units, "observations": observations })
}

fn rows<'a>(report: &'a Value, unit: &str) -> Vec<&'a Value> {
    report["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["indicator"] == INDICATOR && r["unit"] == unit)
        .collect()
}

proptest! {
    #![proptest_config(cases(200))]

    /// The order of units, of their predecessor lists and of observations never changes the
    /// report: lineage is resolved by ids and days, not by position.
    #[test]
    fn shuffled_lineage_gives_the_same_report(m in merger(), seed in any::<u64>()) {
        let a = input(&m);
        let mut b = a.clone();
        let mut rng = seed;
        let mut next = || { rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1); (rng >> 33) as usize };
        for key in ["units", "observations"] {
            let items = b[key].as_array_mut().unwrap();
            for i in (1..items.len()).rev() {
                let j = next() % (i + 1);
                items.swap(i, j);
            }
        }
        for u in b["units"].as_array_mut().unwrap() {
            if let Some(p) = u.get_mut("predecessors").and_then(Value::as_array_mut) {
                p.reverse();
            }
        }
        let ra = serde_json::to_string(&engine().evaluate(&a).unwrap()).unwrap();
        let rb = serde_json::to_string(&engine().evaluate(&b).unwrap()).unwrap();
        prop_assert_eq!(ra, rb);
    }

    /// A new ward's figure of a year before it existed is exactly the sum of its
    /// predecessors' numerators and denominators, each scaled by its share; and it has one
    /// only when every predecessor has a figure that year.
    #[test]
    fn a_successors_history_is_its_predecessors_sums(m in merger()) {
        let v = input(&m);
        let report = serde_json::to_value(engine().evaluate(&v).unwrap()).unwrap();
        let figure = |w: usize, y: i32| -> Option<(f64, f64)> {
            m.figures.iter().find(|(fw, fy, _, _)| *fw == w && *fy == y).map(|(_, _, a, b)| (f64::from(*a), f64::from(*b)))
        };
        for (n, parts) in m.new.iter().enumerate() {
            let series: Vec<Value> = rows(&report, &format!("n{n}"))
                .first()
                .map(|r| r["series"].as_array().cloned().unwrap_or_default())
                .unwrap_or_default();
            for year in 2022..=2024 {
                let sums = parts.iter().try_fold((0.0, 0.0), |(sa, sb), (w, s)| {
                    let k = f64::from(*s) / 1000.0;
                    figure(*w, year).map(|(a, b)| (sa + a * k, sb + b * k))
                });
                let point = series.iter().find(|p| p["year"] == year);
                match (sums, point) {
                    (Some((a, b)), Some(p)) => {
                        prop_assert_eq!(&p["basis"], "predecessors");
                        let want = (a / b * 100.0 * 10_000.0).round() / 10_000.0;
                        prop_assert!((p["value"].as_f64().unwrap() - want).abs() < 1e-9, "{} vs {}", p["value"], want);
                        let divided = parts.iter().any(|(_, s)| *s < 1000);
                        prop_assert_eq!(p.get("estimated").is_some(), divided);
                    }
                    (None, None) => {}
                    (Some(_), None) => prop_assert!(false, "n{n} {year}: predecessors' sums missing"),
                    (None, Some(p)) => prop_assert!(false, "n{n} {year}: a figure without every predecessor: {p}"),
                }
            }
        }
    }

    /// After the deadline no verdict cites another year: `met` and `missed` come from a
    /// figure of the deadline year (or a done milestone), every other row of a unit that lived
    /// to see the deadline is `not_reported`, and a unit that ended before is `discontinued`.
    #[test]
    fn no_verdict_at_the_deadline_cites_another_year(m in merger()) {
        let v = input(&m);
        let report = serde_json::to_value(engine().evaluate(&v).unwrap()).unwrap();
        for r in report["results"].as_array().unwrap() {
            let status = r["status"].as_str().unwrap();
            if m.as_of == "2026-12-01" {
                match status {
                    "met" | "missed" => prop_assert_eq!(&r["year"], 2025, "{}", r),
                    "not_reported" => prop_assert!(r["year"] != 2025, "{}", r),
                    "discontinued" => prop_assert!(r["unit"].as_str().unwrap().starts_with('w'), "{}", r),
                    "no_data" => {}
                    other => prop_assert!(false, "after the deadline: {other} in {r}"),
                }
            }
            if r["unit"].as_str().is_some_and(|u| u.starts_with('w')) && m.as_of != "2025-06-30" {
                prop_assert_eq!(status, "discontinued", "{}", r);
            }
        }
    }
}
