//! Generates what the crate embeds:
//! - the rule-pack JSON files without their indentation: the engine reads them, people read
//!   the files in `src/plan/` (and the npm package ships the schema as written there).
//!   Whitespace outside strings is not part of a JSON value, so the text means the same;
//! - the tables of `src/data/lowercase.rs`, read off this toolchain's own `to_lowercase`.

use std::error::Error;
use std::path::Path;

const FILES: [&str; 3] = [
    "can_tho_2021_2025.json",
    "rule-pack.schema.json",
    "can_tho_2026_2030.json",
];

/// The mappings of the national portal's 766 metrics to the embedded plans' indicators, and
/// their schema (`src/portal766/`), embedded the same way.
const PORTAL766_FILES: [&str; 3] = [
    "can_tho_2021_2025.portal766.json",
    "portal766-mapping.schema.json",
    "can_tho_2026_2030.portal766.json",
];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=build.rs");
    let out = std::env::var("OUT_DIR")?;
    for name in FILES.iter().chain(PORTAL766_FILES.iter()) {
        let source = Path::new("src/plan").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = std::fs::read_to_string(&source)?;
        let mut min = minify(&text);
        // The engine reads the schema for its field names only: its descriptions (for people
        // and editors, in the file the package ships) stay out of the wasm.
        if *name == "rule-pack.schema.json" {
            min = strip_descriptions(&min);
        }
        std::fs::write(Path::new(&out).join(name), min)?;
    }
    std::fs::write(Path::new(&out).join("lowercase_tables.rs"), lowercase_tables())?;
    Ok(())
}

/// `json` without the whitespace between its tokens; strings are copied as they are.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
            in_string = c == '"';
        }
    }
    out
}

/// Minified JSON without its `"description":"…"` members (the schema has no field of that name
/// in a pack, so every such key is the schema's own annotation).
fn strip_descriptions(json: &str) -> String {
    const KEY: &str = "\"description\":\"";
    let mut out = String::with_capacity(json.len());
    let mut rest = json;
    let (mut in_string, mut escaped) = (false, false);
    while let Some(c) = rest.chars().next() {
        if !in_string && rest.starts_with(KEY) {
            // Skip the key and its string value, then one comma beside it.
            let mut value = rest[KEY.len()..].char_indices();
            let mut esc = false;
            let end = loop {
                match value.next() {
                    Some((i, '"')) if !esc => break KEY.len() + i + 1,
                    Some((_, '\\')) if !esc => esc = true,
                    Some(_) => esc = false,
                    None => break rest.len(),
                }
            };
            rest = &rest[end..];
            if let Some(r) = rest.strip_prefix(',') {
                rest = r;
            } else if out.ends_with(',') {
                out.pop();
            }
            continue;
        }
        out.push(c);
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The tables of `src/data/lowercase.rs`, taken from the standard library that compiles the
/// crate, so that its lower-casing is `str::to_lowercase`'s, character for character:
/// - `LOWER_RUNS`: runs of characters `first, first + step, …` (`count` of them) whose lower
///   case is the one character `c + delta`, as `[first | (step - 1) << 21 | count << 22, delta]`;
/// - `LOWER_MULTI`: the characters whose lower case is several characters;
/// - `CASE_IGNORABLE` and `CASED`: the Unicode properties that decide a final sigma (`Σ` at
///   the end of a word is `ς`), as the code points where membership flips, each the LEB128
///   delta from the previous one. `CASED` is only asked about characters that are not case
///   ignorable, which is all that `str::to_lowercase` asks about.
fn lowercase_tables() -> String {
    let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new(); // first, count, step, delta
    let mut multi = String::new();
    let (mut ignorable, mut cased) = (Flips::default(), Flips::default());
    for c in (0..=0x10_ffffu32).filter_map(char::from_u32) {
        let cp = u32::from(c);
        let lower: Vec<char> = c.to_lowercase().collect();
        match lower.as_slice() {
            [l] if *l == c => {}
            [l] => {
                let delta = i64::from(u32::from(*l)) - i64::from(cp);
                match runs.last_mut() {
                    Some((first, count, step, d)) if *d == delta && extends(*first, *count, *step, cp) => {
                        if *count == 1 {
                            *step = cp - *first;
                        }
                        *count += 1;
                    }
                    _ => runs.push((cp, 1, 1, delta)),
                }
            }
            _ => {
                let text: String = lower.iter().collect();
                multi.push_str(&format!("    ({c:?}, {text:?}),\n"));
            }
        }
        // `str::to_lowercase` writes `ς` for a `Σ` with a cased letter before it (case
        // ignorable characters skipped) and none after. With nothing after the sigma:
        // "cΣ" ends in ς when c is cased and not case ignorable; "AcΣ" when c is either.
        let final_sigma = |s: String| s.to_lowercase().ends_with('ς');
        let alone = final_sigma(format!("{c}Σ"));
        let after_a = final_sigma(format!("A{c}Σ"));
        ignorable.set(cp, after_a && !alone);
        cased.set(cp, alone);
    }
    let mut out = String::from("// Generated by build.rs from the standard library's to_lowercase.\n\n");
    out.push_str(&format!("static LOWER_RUNS: [[u32; 2]; {}] = [\n", runs.len()));
    for (first, count, step, delta) in &runs {
        let word = first | (step - 1) << 21 | count << 22;
        // The delta's two's complement, read back as i32.
        let delta = delta.rem_euclid(1 << 32);
        out.push_str(&format!("    [{word:#x}, {delta:#x}],\n"));
    }
    out.push_str("];\n\nstatic LOWER_MULTI: &[(char, &str)] = &[\n");
    out.push_str(&multi);
    out.push_str("];\n\n");
    out.push_str(&format!("static CASE_IGNORABLE: &[u8] = &{:?};\n\n", ignorable.bytes));
    out.push_str(&format!("static CASED: &[u8] = &{:?};\n", cased.bytes));
    out
}

/// Whether `cp` continues the run of `count` characters from `first`, `step` apart (a run of
/// one takes a step of 1 or 2).
fn extends(first: u32, count: u32, step: u32, cp: u32) -> bool {
    let last = first + (count - 1) * step;
    if count == 1 {
        cp - last <= 2
    } else {
        cp - last == step && count < 1 << 10
    }
}

/// A set of code points as the points where membership flips, LEB128 deltas.
#[derive(Default)]
struct Flips {
    inside: bool,
    last: u32,
    bytes: Vec<u8>,
}

impl Flips {
    fn set(&mut self, cp: u32, member: bool) {
        if member != self.inside {
            self.inside = member;
            let mut delta = cp - self.last;
            self.last = cp;
            loop {
                let low = (delta & 0x7f) as u8;
                delta >>= 7;
                if delta == 0 {
                    self.bytes.push(low);
                    break;
                }
                self.bytes.push(low | 0x80);
            }
        }
    }
}
