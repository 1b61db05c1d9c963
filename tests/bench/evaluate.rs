//! Native evaluation benchmarks at the three scales of issue 7 (S one city, M a large
//! province, L the country), over the same generated data as the Node benchmark:
//! `tests/js/bench/generate.mjs` writes it into `target/bench-data/` (run here when missing).
//!
//! `cargo bench --bench evaluate` runs S and M; `CCHC_BENCH_L=1` adds L (seconds per run).
//! Each input is measured from text to report: `evaluate_json` (JSON text), `evaluate_csv`
//! (CSV text and its options), and `evaluate` on an already parsed `serde_json::Value`.

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

/// The text of a generated file, generating the data first if it is missing.
fn read(name: &str) -> String {
    let path = data_dir().join(name);
    if !path.exists() {
        let status = Command::new("node")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js/bench/generate.mjs"))
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

fn bench(c: &mut Criterion) {
    let engine = Engine::embedded().expect("the embedded plan is valid");
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
