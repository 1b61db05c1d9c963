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

/// The second embedded rule pack (format 2): the national focus targets 2026–2030 of Decision
/// 282/QĐ-TTg (read in press summaries, and said so in every sentence) and item 2.1.a of Cần
/// Thơ's Plan 219/KH-UBND, each target citing its document (`can_tho_2026_2030.json`).
pub const CAN_THO_2026_2030_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/can_tho_2026_2030.json"));

/// The embedded packs: the names each is loaded by (its short name, then its plan id) and its
/// JSON text. The first is the default plan.
pub const EMBEDDED_PACKS: [(&[&str], &str); 2] = [
    (&["can-tho-2021-2025", "vn-cantho-cchc-2021-2025"], EMBEDDED_PLAN_JSON),
    (&["can-tho-2026-2030"], CAN_THO_2026_2030_JSON),
];

/// The JSON text of the embedded pack called `name` (a short name or its plan id).
pub fn embedded_pack(name: &str) -> Option<&'static str> {
    EMBEDDED_PACKS
        .iter()
        .find(|(names, _)| names.contains(&name))
        .map(|(_, json)| *json)
}

/// The short names of the embedded packs, in order (`can-tho-2021-2025`, `can-tho-2026-2030`).
pub fn embedded_pack_names() -> Vec<&'static str> {
    EMBEDDED_PACKS
        .iter()
        .filter_map(|(names, _)| names.first().copied())
        .collect()
}
