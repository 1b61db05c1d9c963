//! The embedded default plan: Cần Thơ city's administrative-reform plan 2021–2025
//! (Decision 4168/QĐ-UBND of 27 December 2021), as a rule pack compiled into the binary.
//!
//! The data lives in `can_tho_2021_2025.json` beside this file, reviewed like code: every
//! indicator cites its clause. Tests parse and validate it, so a bad edit fails the build's
//! tests, never a citizen's page. Both files are embedded without their indentation
//! (`build.rs`), which keeps a third of their bytes out of the wasm.

/// The embedded rule pack, as JSON text.
pub const EMBEDDED_PLAN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/can_tho_2021_2025.json"));

/// The JSON Schema of the rule-pack format (shipped in the npm package for editor validation).
pub const RULE_PACK_SCHEMA_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/rule-pack.schema.json"));
