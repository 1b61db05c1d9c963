//! Embeds the rule-pack JSON files without their indentation: the engine reads them, people
//! read the files in `src/plan/` (and the npm package ships the schema as written there).
//! Whitespace outside strings is not part of a JSON value, so the text means the same.

use std::error::Error;
use std::path::Path;

const FILES: [&str; 2] = ["can_tho_2021_2025.json", "rule-pack.schema.json"];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=build.rs");
    let out = std::env::var("OUT_DIR")?;
    for name in FILES {
        let source = Path::new("src/plan").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = std::fs::read_to_string(&source)?;
        std::fs::write(Path::new(&out).join(name), minify(&text))?;
    }
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
