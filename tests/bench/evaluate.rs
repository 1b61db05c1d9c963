//! Native evaluation benchmarks at the three scales of issue 7 (S one city, M a large
//! province, L the country), over the same generated data as the Node benchmark:
//! `tests/js/bench/generate.mjs` writes it into `target/bench-data/` (run here when missing).
//!
//! `cargo bench --bench evaluate` runs S, M and the two 100 000-unit hierarchies of issue
//! 13.11 (`chain`, each unit under the one before; `flat`, one city and 99 999 communes);
//! `CCHC_BENCH_L=1` adds L (seconds per run). Each input is measured from text to report:
//! `evaluate_json` (JSON text), `evaluate_csv` (CSV text and its options), and `evaluate` on
//! an already parsed `serde_json::Value`.
//!
//! `CCHC_BENCH_ONCE=chain` (or `flat`, `S`, `M`, `L`) evaluates that input once and exits,
//! without Criterion: the driver to run under `valgrind --tool=callgrind` or
//! `/usr/bin/time -v` (peak memory), e.g.
//! `CCHC_BENCH_ONCE=L /usr/bin/time -v target/release/deps/evaluate-* --bench`.

// A benchmark stops at the first surprise: panicking on bad generated data is the point.
#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use cchc_progress::Engine;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data")
}

/// The text of a generated file, generating the data of its scale (`S.csv` → `S`) first if
/// it is missing.
fn read(name: &str) -> String {
    let path = data_dir().join(name);
    if !path.exists() {
        let scale = name.split('.').next().unwrap_or(name);
        let status = Command::new("node")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js/bench/generate.mjs"))
            .arg(scale)
            .status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "node tests/js/bench/generate.mjs failed: the benchmarks need Node.js"
        );
    }
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn observations(report_input: &serde_json::Value) -> u64 {
    report_input["observations"].as_array().map_or(0, |a| a.len() as u64)
}

/// One evaluation of one input, for a profiler: `CCHC_BENCH_ONCE=<scale or shape>`.
fn once(engine: &Engine, what: &str) {
    let start = std::time::Instant::now();
    let report = if matches!(what, "S" | "M" | "L") {
        let options: serde_json::Value =
            serde_json::from_str(&read(&format!("{what}.options.json"))).expect("generated options are JSON");
        engine.evaluate_csv(&read(&format!("{what}.csv")), &options)
    } else {
        engine.evaluate_json(&read(&format!("{what}.json")))
    }
    .expect("generated input is valid");
    eprintln!(
        "{what}: {} rows, {} findings in {:.1} ms (reading the file included)",
        report.results.len(),
        report.findings.len(),
        start.elapsed().as_secs_f64() * 1000.0
    );
}

fn bench(c: &mut Criterion) {
    let engine = Engine::embedded().expect("the embedded plan is valid");
    if let Ok(what) = std::env::var("CCHC_BENCH_ONCE") {
        once(&engine, &what);
        return;
    }
    c.bench_function("construct/embedded", |b| b.iter(|| Engine::embedded().expect("valid")));

    let mut scales = vec!["S", "M"];
    if std::env::var_os("CCHC_BENCH_L").is_some() {
        scales.push("L");
    }
    let mut group = c.benchmark_group("evaluate");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    for scale in scales {
        let csv = read(&format!("{scale}.csv"));
        let options: serde_json::Value =
            serde_json::from_str(&read(&format!("{scale}.options.json"))).expect("generated options are JSON");
        let rows = csv.lines().count().saturating_sub(1) as u64;
        group.throughput(Throughput::Elements(rows));
        let report = engine.evaluate_csv(&csv, &options).expect("generated CSV is valid");
        assert!(!report.results.is_empty(), "the {scale} report has results");
        group.bench_with_input(BenchmarkId::new("csv", scale), &csv, |b, csv| {
            b.iter(|| engine.evaluate_csv(csv, &options).expect("valid"))
        });
        if scale == "L" {
            continue; // L is CSV text only, as a national portal exports it
        }
        let json = read(&format!("{scale}.json"));
        let value: serde_json::Value = serde_json::from_str(&json).expect("generated input is JSON");
        assert_eq!(observations(&value), rows);
        group.bench_with_input(BenchmarkId::new("json_text", scale), &json, |b, json| {
            b.iter(|| engine.evaluate_json(json).expect("valid"))
        });
        group.bench_with_input(BenchmarkId::new("value", scale), &value, |b, value| {
            b.iter(|| engine.evaluate(value).expect("valid"))
        });
    }
    group.finish();

    // The hierarchies at the unit limit: linear in the units, or this takes minutes.
    let mut group = c.benchmark_group("hierarchy");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    for shape in ["chain", "flat"] {
        let json = read(&format!("{shape}.json"));
        let report = engine.evaluate_json(&json).expect("generated input is valid");
        assert!(!report.results.is_empty(), "the {shape} report has results");
        group.throughput(Throughput::Elements(100_000));
        group.bench_with_input(BenchmarkId::new("json_text", shape), &json, |b, json| {
            b.iter(|| engine.evaluate_json(json).expect("valid"))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
