//! One place per message: every error of the crate is made by a constructor of its code, and
//! each code's constructors are in one file.
//!
//! The constructors are the files of `src/error/` (all but `mod.rs`, which defines the codes)
//! and `src/plan/validate/problems.rs` (the checks of a rule pack's content). This test reads
//! every other file under `src/`, comments and strings left out, and fails when one
//!
//! - builds an error itself (`Error::new(…)`, or an `Error { … }` literal), or
//! - names a code (`ErrorCode::InputUnknownField`) other than in the comparisons listed below;
//!
//! and it fails when a code is named in two constructor files (its wording would be in two
//! places), or in none while Rust makes it.

#![cfg(not(target_arch = "wasm32"))]
// A test's helpers, like its tests, fail loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

#[path = "common/source.rs"]
mod source;
use source::{blanked, rs_files, src};

/// Whether a `src/`-relative file holds constructors.
fn is_constructor_file(rel: &str) -> bool {
    (rel.starts_with("error/") && rel != "error/mod.rs") || rel == "plan/validate/problems.rs"
}

/// Codes named outside the constructors, and why: (file, code, reason). Only to compare.
const NAMED_ELSEWHERE: &[(&str, &str, &str)] = &[
    (
        "data/input/json_text.rs",
        "InputTooManyErrors",
        "compares: the streamed observations' errors, without the list's last one",
    ),
    (
        "data/sheet/read.rs",
        "SheetMergedDataCells",
        "compares: one error per merged range",
    ),
];

/// Files that build an `Error` from words made elsewhere, and why: (file, reason).
const BUILT_ELSEWHERE: &[(&str, &str)] = &[(
    "plan/validate/mod.rs",
    "turns a check's `Problem` (code and words from problems.rs) into an error at its path",
)];

/// Codes with constructors in two files, and why: (code, reason).
const TWO_FILES: &[(&str, &str)] = &[
    (
        "RulePackDuplicateId",
        "problems.rs words two ids of one pack; rule_pack.rs a plan loaded twice into one engine",
    ),
    (
        "RulePackNotANumber",
        "problems.rs words a pack's number that is not finite; rule_pack.rs a JavaScript `NaN` \
         in a pack object, in the sentence values.rs shares with the input's door",
    ),
];

/// Codes no Rust code makes, and why: (code, reason).
const NOT_MADE_IN_RUST: &[(&str, &str)] = &[
    (
        "ReportIndexOutOfRange",
        "thrown by the packed report's JavaScript (src/wasm/report.js)",
    ),
    (
        "ReportInvalid",
        "thrown by the packed report's JavaScript (src/wasm/report.js)",
    ),
    (
        "XlsxEncrypted",
        "thrown by the workbook reader (www/xlsx/), in JavaScript",
    ),
    (
        "XlsxInvalid",
        "thrown by the workbook reader (www/xlsx/), in JavaScript",
    ),
];

/// The codes a text names as `ErrorCode::Variant` (or through `use ErrorCode as C`).
fn codes_named(code: &str, variants: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut prefixes = vec!["ErrorCode::".to_string()];
    if let Some(at) = code.find("use ErrorCode as ") {
        let alias: String = code[at + "use ErrorCode as ".len()..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        prefixes.push(format!("{alias}::"));
    }
    for prefix in &prefixes {
        for (at, _) in code.match_indices(prefix.as_str()) {
            if at > 0 && code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let name: String = code[at + prefix.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if variants.contains(&name) {
                out.insert(name);
            }
        }
    }
    out
}

/// Whether a text builds an `Error` itself: `Error::new(` or an `Error { … }` literal.
fn builds_an_error(code: &str) -> bool {
    let squeezed: String = code.split_whitespace().collect::<Vec<_>>().join(" ");
    let literal = [
        "= Error {",
        "(Error {",
        ", Error {",
        "return Error {",
        "=> Error {",
        "[Error {",
    ]
    .iter()
    .any(|p| squeezed.contains(p) || squeezed.contains(&p.replace("Error", "crate::error::Error")));
    let new = squeezed.match_indices("Error::new(").any(|(at, _)| {
        // Not `PackError::new(`, `TapeError::new(`: only the crate's `Error`.
        !squeezed[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
    });
    literal || new
}

/// The variants of `ErrorCode`, read from its declaration (`Variant = "CODE",`).
fn variants() -> BTreeSet<String> {
    let text = fs::read_to_string(src().join("error/mod.rs")).unwrap();
    let start = text.find("error_codes! {").unwrap();
    let end = start + text[start..].find("\n}\n").unwrap();
    text[start..end]
        .lines()
        .filter_map(|l| {
            let (name, rest) = l.trim().split_once(" = \"")?;
            (rest.ends_with("\",") && name.chars().all(|c| c.is_alphanumeric())).then(|| name.to_string())
        })
        .collect()
}

/// The problems of one file (`rel`, its text) against the rules above; `named` collects the
/// codes each constructor file names.
fn check_file(
    rel: &str,
    text: &str,
    variants: &BTreeSet<String>,
    named: &mut BTreeMap<String, BTreeSet<String>>,
) -> Vec<String> {
    let code = blanked(text);
    let mut problems = Vec::new();
    if is_constructor_file(rel) {
        for v in codes_named(&code, variants) {
            named.entry(v).or_default().insert(rel.to_string());
        }
        return problems;
    }
    if builds_an_error(&code) && !BUILT_ELSEWHERE.iter().any(|(f, _)| *f == rel) {
        problems.push(format!(
            "src/{rel} builds an error itself: call the constructor of its code (src/error/…)"
        ));
    }
    for v in codes_named(&code, variants) {
        if !NAMED_ELSEWHERE.iter().any(|(f, c, _)| *f == rel && *c == v) {
            problems.push(format!(
                "src/{rel} names ErrorCode::{v}: its wording belongs to the constructor of the code"
            ));
        }
    }
    problems
}

#[test]
fn every_error_is_made_by_the_constructor_of_its_code_and_each_code_is_worded_in_one_file() {
    let root = src();
    let variants = variants();
    assert!(
        variants.len() >= 90,
        "read {} codes from src/error/mod.rs",
        variants.len()
    );
    let mut paths = Vec::new();
    rs_files(&root, &mut paths);
    let mut problems = Vec::new();
    let mut named: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for p in &paths {
        let rel = p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        let text = fs::read_to_string(p).unwrap();
        problems.extend(check_file(&rel, &text, &variants, &mut named));
    }
    for v in &variants {
        let files = named.get(v).cloned().unwrap_or_default();
        if files.len() > 1 && !TWO_FILES.iter().any(|(c, _)| c == v) {
            let list: Vec<String> = files.iter().map(|f| format!("src/{f}")).collect();
            problems.push(format!(
                "{v} is worded in {}: keep one file per code",
                list.join(" and ")
            ));
        }
        if files.is_empty() && !NOT_MADE_IN_RUST.iter().any(|(c, _)| c == v) {
            problems.push(format!(
                "{v} has no constructor in src/error/ or plan/validate/problems.rs"
            ));
        }
    }
    for (c, _) in TWO_FILES.iter().chain(NOT_MADE_IN_RUST) {
        assert!(variants.contains(*c), "{c}, listed here, is not a code");
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The checker on small texts, so that the test above can fail.
#[test]
fn the_checker_sees_errors_made_outside_their_constructors() {
    let variants: BTreeSet<String> = ["InputNotObject", "CsvInvalidRow"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut named = BTreeMap::new();
    let inline = r#"fn f() -> Error { Error::new(ErrorCode::InputNotObject, "$", "vi", "en") }"#;
    let problems = check_file("data/x.rs", inline, &variants, &mut named);
    assert_eq!(problems.len(), 2, "{problems:?}");
    let literal = "let e = Error { code: ErrorCode::CsvInvalidRow, path, message };";
    assert_eq!(check_file("lib.rs", literal, &variants, &mut named).len(), 2);
    // Comments, strings and other types' `new` are not errors made.
    let fine = r#"// Error::new(ErrorCode::InputNotObject, …)
        let s = "ErrorCode::InputNotObject"; let p = PackError::new(1); fn g() -> Error { h() }"#;
    assert!(check_file("data/x.rs", fine, &variants, &mut named).is_empty());
    // A constructor file records what it words.
    assert!(check_file("error/input.rs", inline, &variants, &mut named).is_empty());
    assert_eq!(named.get("InputNotObject").map(BTreeSet::len), Some(1));
}
