//! The plan and its rules: the rule-pack format, the embedded Cần Thơ 2021–2025 plan
//! (Decision 4168/QĐ-UBND), and the validation that any rule pack passes before an engine
//! uses it.
//!
//! A rule pack is JSON (camelCase keys), documented in `src/plan/README.md` and described by
//! `src/plan/rule-pack.schema.json`. Parsing is lenient about *shape* only as far as needed to
//! report every problem at once: enum-like fields are read as text and unknown fields are
//! collected, then [`validate`] turns the raw pack into a [`Plan`] or returns all errors.
//!
//! The reader and the validator are Cargo.toml's `rule-packs` feature: the embedded plans
//! need neither, as they are built into the engine's model ahead of time (`embedded.rs`), so
//! the widgets' build leaves them out.

mod embedded;
mod embedded_model;
#[cfg(feature = "rule-packs")]
mod fields;
#[cfg(feature = "rule-packs")]
pub mod form;
mod model;
#[cfg(feature = "rule-packs")]
mod raw;
#[cfg(feature = "rule-packs")]
mod read;
mod static_model;
#[cfg(feature = "rule-packs")]
mod validate;

use crate::error::Error;
#[cfg(feature = "rule-packs")]
use crate::error::Errors;

pub use embedded::{default_plan, embedded_pack_names, embedded_plan};
#[cfg(feature = "rule-packs")]
pub use embedded::{embedded_pack, CAN_THO_2026_2030_JSON, EMBEDDED_PACKS, EMBEDDED_PLAN_JSON, RULE_PACK_SCHEMA_JSON};
pub use model::*;
#[cfg(feature = "rule-packs")]
pub use raw::*;
#[cfg(feature = "rule-packs")]
pub use validate::validate;

// The shared words, defined in the leaf `vocab` (`data` and `report` use them too).
pub use crate::vocab::{Comparator, Level, Measure, RampReading};

/// The error for a rule pack nested deeper than [`MAX_RULE_PACK_DEPTH`].
pub fn too_deep(path: String) -> Error {
    crate::error::rule_pack::too_deep(path, MAX_RULE_PACK_DEPTH)
}

/// The error for a rule pack over [`MAX_RULE_PACK_BYTES`].
pub fn too_large(bytes: usize) -> Error {
    crate::error::rule_pack::too_large(bytes, MAX_RULE_PACK_BYTES)
}

/// Parses and validates a rule pack from JSON text.
#[cfg(feature = "rule-packs")]
pub fn parse_rule_pack(json: &str) -> Result<Plan, Errors> {
    if json.len() > MAX_RULE_PACK_BYTES {
        return Err(too_large(json.len()).into());
    }
    // A byte-order mark, as editors on Windows write it, is not part of the JSON.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    // Text goes through a JSON value so the pack is read by one deserializer only (the one
    // with paths): a second instantiation for text cost ~40 KB of wasm.
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| {
        let detail = e.to_string();
        if detail.starts_with("recursion limit exceeded") {
            return Errors::one(too_deep("$".to_string()));
        }
        let m = crate::error::serde_message(&detail);
        let (line, column) = (e.line(), e.column());
        Errors::one(crate::error::rule_pack::unreadable_at(&m, line, column))
    })?;
    rule_pack_from_value(value)
}

/// Parses and validates a rule pack given as a JSON value (what JavaScript passes).
#[cfg(feature = "rule-packs")]
pub fn rule_pack_from_value(value: serde_json::Value) -> Result<Plan, Errors> {
    let unknown = fields::unknown_fields(&value);
    match read::rule_pack(&value) {
        Ok(raw) => validate::validate_with(raw, unknown),
        Err(e) => {
            let m = crate::error::serde_message(&e.detail());
            let mut errors = unknown;
            let path = e.path();
            let mut e = crate::error::rule_pack::unreadable(path.clone(), &m);
            (e.message.vi, e.message.en) = form::placed(&path, e.message.vi, e.message.en);
            errors.push(e);
            Err(Errors(errors))
        }
    }
}
