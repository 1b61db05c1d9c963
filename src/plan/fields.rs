//! Unknown-field detection for rule packs, driven by the shipped JSON Schema: the schema's
//! `properties` are the one list of allowed keys, so the format's documentation, editor
//! validation and the engine cannot disagree. Every unknown key is reported, with its path.
//!
//! (Collecting unknown keys with `#[serde(flatten)]` on every struct cost ~50 KB of wasm.)

use std::sync::OnceLock;

use serde_json::{Map, Value};

use super::RULE_PACK_SCHEMA_JSON;
use crate::error::Error;

fn schema() -> Option<&'static Value> {
    static SCHEMA: OnceLock<Option<Value>> = OnceLock::new();
    SCHEMA
        .get_or_init(|| serde_json::from_str(RULE_PACK_SCHEMA_JSON).ok())
        .as_ref()
}

/// Every key of `pack` that the rule-pack schema does not allow.
pub(crate) fn unknown_fields(pack: &Value) -> Vec<Error> {
    let mut out = Vec::new();
    if let Some(root) = schema() {
        walk(pack, root, root, "$", &mut out);
    }
    out
}

/// Follows a local `$ref` (`#/$defs/name`).
fn resolve<'a>(node: &'a Value, root: &'a Value) -> &'a Value {
    match node
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        Some(name) => root.get("$defs").and_then(|d| d.get(name)).unwrap_or(node),
        None => node,
    }
}

fn walk(value: &Value, node: &Value, root: &Value, path: &str, out: &mut Vec<Error>) {
    let node = resolve(node, root);
    match value {
        Value::Object(map) => {
            let Some(props) = node.get("properties").and_then(Value::as_object) else {
                return;
            };
            // Maps keyed by level are checked by validation, which names the allowed levels.
            if path.ends_with(".firstFloors") || path.ends_with(".levelTargets") {
                return;
            }
            let closed = matches!(node.get("additionalProperties"), Some(Value::Bool(false)));
            object(map, props, closed, root, path, out);
        }
        Value::Array(items) => {
            if let Some(item_node) = node.get("items") {
                for (i, item) in items.iter().enumerate() {
                    walk(item, item_node, root, &format!("{path}[{i}]"), out);
                }
            }
        }
        _ => {}
    }
}

fn object(
    map: &Map<String, Value>,
    props: &Map<String, Value>,
    closed: bool,
    root: &Value,
    path: &str,
    out: &mut Vec<Error>,
) {
    for (key, v) in map {
        match props.get(key) {
            Some(sub) => walk(v, sub, root, &format!("{path}.{key}"), out),
            None if closed => {
                let mut e = crate::error::rule_pack::unknown_field(format!("{path}.{key}"), key);
                (e.message.vi, e.message.en) = super::form::placed(path, e.message.vi, e.message.en);
                out.push(e);
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_parses_and_finds_nested_unknown_keys() {
        assert!(schema().is_some(), "rule-pack.schema.json must be valid JSON");
        let pack = serde_json::json!({
            "formatVersion": 1,
            "colour": "red",
            "plan": { "title": { "vi": "a", "en": "b", "fr": "c" } },
            "indicators": [{ "id": "x", "traget": 1, "levelTargets": { "province": 3 } }]
        });
        let paths: Vec<String> = unknown_fields(&pack).into_iter().map(|e| e.path).collect();
        assert_eq!(paths, vec!["$.colour", "$.indicators[0].traget", "$.plan.title.fr"]);
    }
}
