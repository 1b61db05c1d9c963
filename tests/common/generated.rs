//! A file written by a test from the sources (`src/wasm/types.d.ts` by `typescript.rs`,
//! `src/plan/embedded_model.rs` by `embedded_plans.rs`): the test fails when the committed
//! file differs from what the sources say, naming the first line that differs, and rewrites it
//! when its environment variable is set.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::fs;
use std::path::Path;

/// Compares `generated` with the committed `out` (relative to the crate's root); rewrites it
/// when `update` (an environment variable) is set, else fails on the first line that differs.
/// `from` says what the file is generated from ("the Rust types"), `command` how to rewrite it.
pub fn check_generated(out: &str, generated: &str, update: &str, from: &str, command: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(out);
    let committed = fs::read_to_string(&path).unwrap_or_default();
    if committed == generated {
        return;
    }
    if std::env::var_os(update).is_some() {
        fs::write(&path, generated).unwrap();
        return;
    }
    let first = committed
        .lines()
        .zip(generated.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
    panic!(
        "{out} is stale: it differs from what {from} say from line {} on\n  committed: {:?}\n  generated: {:?}\n\
         Rewrite it with `{command}`, and read the diff.",
        first + 1,
        committed.lines().nth(first).unwrap_or("(end of file)"),
        generated.lines().nth(first).unwrap_or("(end of file)"),
    );
}
