//! The crate's hand-written replacements of library code, measured against the library they
//! replace (issue 23.5), natively, on the S and M data of `tests/js/bench/generate.mjs`:
//!
//! - `decimal`: `src/data/decimal.rs::parse_f64` against `str::parse::<f64>` (the standard
//!   library), `lexical-core` and `fast-float2`, on every number cell of the CSV, and on
//!   17-digit doubles (what a spreadsheet writes for 0.1 + 0.2, the reader's slow path);
//! - `sort`: `src/sort.rs::sort_by_u64_key` (the radix sort of every observation by
//!   indicator, unit and period) against `sort_by_key`, `sort_unstable_by_key` and
//!   `sort_by_cached_key` on the same keys, and `sort::sort` (the merge behind a `dyn`) against
//!   `slice::sort` on unit ids;
//! - `lowercase`: `src/data/lowercase.rs::to_lowercase` against `str::to_lowercase`, on the
//!   units' Vietnamese names, as written and in capitals.
//!
//! The three files are compiled into this benchmark as they are (`#[path]`), so that they need
//! not be public. Each contender's result is checked against the library's before it is timed.
//!
//! `cargo bench --bench replacements` runs Criterion. For instruction counts, which the shared
//! machine's load does not move: `REPLACEMENTS_ONCE=decimal/ours/S valgrind --tool=callgrind
//! --toggle-collect='*replacements::measured*' target/release/deps/replacements-*` runs that one
//! case once (names as in Criterion's, `REPLACEMENTS_ONCE=list` lists them).

// A benchmark stops at the first surprise: panicking on bad generated data is the point.
#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used, clippy::indexing_slicing)]
// The contenders share one signature, `&mut Vec` as the crate's sorts take it.
#![allow(clippy::ptr_arg)]

#[allow(dead_code, unused_imports)]
#[path = "../../src/data/decimal.rs"]
mod decimal;
#[allow(dead_code, unused_imports)]
#[path = "../../src/data/lowercase.rs"]
mod lowercase;
#[allow(dead_code, unused_imports)]
#[path = "../../src/sort.rs"]
mod sort;

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use cchc_progress::data::Period;
use criterion::{BenchmarkId, Criterion, Throughput};

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

/// One observation's sort element, as `src/evaluate/screen.rs` sorts them:
/// ((indicator index, unit index, period), position in the input).
type Keyed = ((usize, usize, Period), usize);

/// The inputs of one scale.
struct Scale {
    /// Every non-empty number cell of the CSV.
    cells: Vec<String>,
    /// Every observation's key, in the CSV's order.
    keyed: Vec<Keyed>,
    /// The unit ids, in the options' order.
    unit_ids: Vec<String>,
    /// The unit names as written, then in capitals.
    names: Vec<String>,
}

fn scale(name: &str) -> Scale {
    let csv = read(&format!("{name}.csv"));
    let options: serde_json::Value =
        serde_json::from_str(&read(&format!("{name}.options.json"))).expect("generated options are JSON");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("generated CSV")).collect();
    let cells = rows
        .iter()
        .flat_map(|r| (3..8).filter_map(|i| r.get(i).filter(|c| !c.is_empty()).map(str::to_string)))
        .collect();
    // Indices as the evaluation has them: the plan's indicators and the units, both sorted by id.
    let index = |column: usize| -> BTreeMap<String, usize> {
        let ids: std::collections::BTreeSet<&str> = rows.iter().map(|r| &r[column]).collect();
        ids.into_iter().enumerate().map(|(i, id)| (id.to_string(), i)).collect()
    };
    let (indicators, units) = (index(0), index(1));
    let keyed = rows
        .iter()
        .enumerate()
        .map(|(at, r)| {
            let period = Period::parse(&r[2]).expect("generated period");
            ((indicators[&r[0]], units[&r[1]], period), at)
        })
        .collect();
    let listed = options["units"].as_array().expect("units");
    let unit_ids = listed
        .iter()
        .map(|u| u["id"].as_str().expect("id").to_string())
        .collect();
    let written: Vec<String> = listed
        .iter()
        .map(|u| u["name"].as_str().expect("name").to_string())
        .collect();
    let names = written
        .iter()
        .cloned()
        .chain(written.iter().map(|n| n.to_uppercase()))
        .collect();
    Scale {
        cells,
        keyed,
        unit_ids,
        names,
    }
}

/// 17 significant digits of pseudo-random doubles of a portal's range (0.001 to 10^6).
fn long_numbers(n: usize) -> Vec<String> {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            #[allow(clippy::cast_precision_loss)]
            let unit = (seed >> 11) as f64 / (1u64 << 53) as f64;
            format!("{:.16e}", 10f64.powf(unit * 9.0 - 3.0))
        })
        .collect()
}

/// The key `src/evaluate/screen.rs` packs for the radix sort (`packed_key`; the period's
/// `order_key` is the crate's, so its ordering is reproduced from the period's fields).
fn packed_key(k: &Keyed) -> Option<u64> {
    use cchc_progress::data::{Part, YEARS};
    let ((ind, unit, period), _) = *k;
    let year = u64::try_from(period.year.checked_sub(*YEARS.start())?)
        .ok()
        .filter(|y| *y < 512)?;
    let (first, last) = match period.part {
        Part::Year => (1, 12),
        Part::Half(h) => (6 * u64::from(h) - 5, 6 * u64::from(h)),
        Part::Quarter(q) => (3 * u64::from(q) - 2, 3 * u64::from(q)),
        Part::Month(m) => (u64::from(m), u64::from(m)),
    };
    let ind = u64::try_from(ind).ok().filter(|i| *i < 1 << 30)?;
    let unit = u64::try_from(unit).ok().filter(|u| *u < 1 << 17)?;
    Some(ind << 34 | unit << 17 | (year << 8 | first << 4 | (15 - last)))
}

// ---- the contenders ----------------------------------------------------------------------------

type DecimalReader = fn(&str) -> Option<f64>;

fn std_parse(s: &str) -> Option<f64> {
    s.parse::<f64>().ok()
}

fn lexical(s: &str) -> Option<f64> {
    lexical_core::parse::<f64>(s.as_bytes()).ok()
}

fn fast_float(s: &str) -> Option<f64> {
    fast_float2::parse::<f64, _>(s).ok()
}

const DECIMAL: [(&str, DecimalReader); 4] = [
    ("ours", decimal::parse_f64),
    ("std", std_parse),
    ("lexical-core", lexical),
    ("fast-float2", fast_float),
];

fn read_all(cells: &[String], f: DecimalReader) -> f64 {
    cells.iter().map(|c| f(c).unwrap_or(0.0)).sum()
}

type Sorter = fn(&mut Vec<Keyed>);

fn radix(v: &mut Vec<Keyed>) {
    assert!(sort::sort_by_u64_key(v, packed_key));
}

fn std_stable(v: &mut Vec<Keyed>) {
    v.sort_by_key(packed_key);
}

fn std_unstable(v: &mut Vec<Keyed>) {
    // The position breaks ties: the same order as a stable sort.
    v.sort_unstable_by_key(|k| (packed_key(k), k.1));
}

fn std_cached(v: &mut Vec<Keyed>) {
    v.sort_by_cached_key(packed_key);
}

fn ours_merge(v: &mut Vec<Keyed>) {
    sort::sort_by(v, |a, b| packed_key(a).cmp(&packed_key(b)));
}

const SORT: [(&str, Sorter); 5] = [
    ("ours-radix", radix),
    ("std-sort_by_key", std_stable),
    ("std-sort_unstable_by_key", std_unstable),
    ("std-sort_by_cached_key", std_cached),
    ("ours-merge", ours_merge),
];

type IdSorter = fn(&mut Vec<String>);

fn ids_ours(v: &mut Vec<String>) {
    sort::sort(v);
}

fn ids_std(v: &mut Vec<String>) {
    v.sort();
}

const IDS: [(&str, IdSorter); 2] = [("ours", ids_ours), ("std", ids_std)];

type Lower = fn(&str) -> String;

fn std_lower(s: &str) -> String {
    s.to_lowercase()
}

const LOWER: [(&str, Lower); 2] = [("ours", lowercase::to_lowercase), ("std", std_lower)];

/// The unit ids in a fixed shuffled order (a sort of sorted input would measure little).
fn shuffled(ids: &[String]) -> Vec<String> {
    let mut seed = 0x9e37_79b9_u64;
    let mut v = ids.to_vec();
    for i in (1..v.len()).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        v.swap(i, (seed % (i as u64 + 1)) as usize);
    }
    v
}

// ---- checks, then Criterion ---------------------------------------------------------------------

/// Every contender gives the library's answer on these inputs (bit for bit for numbers).
fn check(s: &Scale, long: &[String]) {
    for cell in s.cells.iter().chain(long) {
        let expected = std_parse(cell).map(f64::to_bits);
        for (name, f) in DECIMAL {
            assert_eq!(f(cell).map(f64::to_bits), expected, "{name} reads {cell:?}");
        }
    }
    let mut expected = s.keyed.clone();
    std_stable(&mut expected);
    for (name, f) in SORT {
        let mut v = s.keyed.clone();
        f(&mut v);
        assert!(v == expected, "{name} sorts as sort_by_key");
    }
    let mut expected = shuffled(&s.unit_ids);
    expected.sort();
    for (name, f) in IDS {
        let mut v = shuffled(&s.unit_ids);
        f(&mut v);
        assert_eq!(v, expected, "{name} sorts the ids");
    }
    for n in &s.names {
        assert_eq!(lowercase::to_lowercase(n), n.to_lowercase(), "{n:?}");
    }
}

fn bench(c: &mut Criterion, scales: &[(&str, Scale)], long: &[String]) {
    let mut group = c.benchmark_group("decimal");
    group.sample_size(30).warm_up_time(Duration::from_secs(1));
    for (scale, s) in scales {
        group.throughput(Throughput::Elements(s.cells.len() as u64));
        for (name, f) in DECIMAL {
            group.bench_with_input(BenchmarkId::new(name, scale), &s.cells, |b, cells| {
                b.iter(|| read_all(black_box(cells), f));
            });
        }
    }
    group.throughput(Throughput::Elements(long.len() as u64));
    for (name, f) in DECIMAL {
        group.bench_with_input(BenchmarkId::new(name, "17-digits"), long, |b, cells| {
            b.iter(|| read_all(black_box(cells), f));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("sort");
    group.sample_size(20).warm_up_time(Duration::from_secs(1));
    for (scale, s) in scales {
        group.throughput(Throughput::Elements(s.keyed.len() as u64));
        for (name, f) in SORT {
            group.bench_with_input(BenchmarkId::new(name, scale), &s.keyed, |b, keyed| {
                b.iter_batched_ref(|| keyed.clone(), f, criterion::BatchSize::LargeInput);
            });
        }
        let ids = shuffled(&s.unit_ids);
        for (name, f) in IDS {
            group.bench_with_input(BenchmarkId::new(format!("ids-{name}"), scale), &ids, |b, ids| {
                b.iter_batched_ref(|| ids.clone(), f, criterion::BatchSize::SmallInput);
            });
        }
    }
    group.finish();

    let mut group = c.benchmark_group("lowercase");
    group.sample_size(30).warm_up_time(Duration::from_secs(1));
    for (scale, s) in scales {
        group.throughput(Throughput::Elements(s.names.len() as u64));
        for (name, f) in LOWER {
            group.bench_with_input(BenchmarkId::new(name, scale), &s.names, |b, names| {
                b.iter(|| names.iter().map(|n| f(black_box(n)).len()).sum::<usize>());
            });
        }
    }
    group.finish();
}

/// What callgrind counts (`--toggle-collect='*replacements::measured*'`): `f` alone, its
/// input prepared outside.
#[inline(never)]
fn measured<R>(f: impl FnOnce() -> R) -> R {
    f()
}

/// One case, once, for callgrind.
fn once(case: &str, scales: &[(&str, Scale)], long: &[String]) -> usize {
    let (group, rest) = case.split_once('/').expect("group/name/scale");
    let (name, scale) = rest.rsplit_once('/').expect("group/name/scale");
    let s = scales.iter().find(|(n, _)| *n == scale).map(|(_, s)| s);
    match group {
        "decimal" => {
            let (_, f) = DECIMAL.iter().find(|(n, _)| *n == name).expect("a reader");
            let cells = s.map_or(long, |s| &s.cells);
            measured(|| read_all(black_box(cells), *f)) as usize
        }
        "sort" => {
            let s = s.expect("a scale");
            if let Some(id) = name.strip_prefix("ids-") {
                let (_, f) = IDS.iter().find(|(n, _)| *n == id).expect("a sort");
                let mut v = shuffled(&s.unit_ids);
                measured(|| f(black_box(&mut v)));
                v.len()
            } else {
                let (_, f) = SORT.iter().find(|(n, _)| *n == name).expect("a sort");
                let mut v = s.keyed.clone();
                measured(|| f(black_box(&mut v)));
                v.len()
            }
        }
        "lowercase" => {
            let (_, f) = LOWER.iter().find(|(n, _)| *n == name).expect("a lower case");
            let s = s.expect("a scale");
            measured(|| s.names.iter().map(|n| f(black_box(n)).len()).sum())
        }
        _ => panic!("unknown group {group}"),
    }
}

fn main() {
    let long = long_numbers(20_000);
    if let Ok(case) = std::env::var("REPLACEMENTS_ONCE") {
        if case == "list" {
            for scale in ["S", "M"] {
                DECIMAL.iter().for_each(|(n, _)| println!("decimal/{n}/{scale}"));
                SORT.iter().for_each(|(n, _)| println!("sort/{n}/{scale}"));
                IDS.iter().for_each(|(n, _)| println!("sort/ids-{n}/{scale}"));
                LOWER.iter().for_each(|(n, _)| println!("lowercase/{n}/{scale}"));
            }
            DECIMAL.iter().for_each(|(n, _)| println!("decimal/{n}/17-digits"));
            return;
        }
        // Only the scale the case needs, and no checks (the Criterion run makes them).
        let scales: Vec<(&str, Scale)> = ["S", "M"]
            .into_iter()
            .filter(|s| case.ends_with(&format!("/{s}")))
            .map(|s| (s, scale(s)))
            .collect();
        println!("{case}: {}", once(&case, &scales, &long));
        return;
    }
    let scales = [("S", scale("S")), ("M", scale("M"))];
    for (_, s) in &scales {
        check(s, &long);
    }
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c, &scales, &long);
    c.final_summary();
}
