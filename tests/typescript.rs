//! The package's TypeScript declarations of the engine's data are generated from its Rust
//! types, and this test fails when the committed file is stale.
//!
//! It reads the Rust sources with `syn` (nothing of it is built into the library, so the
//! `.wasm` is the same bytes) and writes `src/wasm/types.d.ts` from the types listed in
//! [`TYPES`], following what serde writes: `rename_all` and `rename`, `skip`, `flatten`
//! (`extends`), `transparent`; a field with `skip_serializing_if` is optional (`field?: T`), an
//! `Option` without it is `T | null`, a `bool` skipped when false is `true` when present; enums
//! of unit variants are unions of their names. The docs are the Rust doc comments. What serde
//! cannot say (a `&'static str` that holds one of a few words, a type serialized by hand) is in
//! [`FIELD_TYPES`] and [`TYPE_NAMES`]; the error codes come from the `error_codes!` table.
//!
//! `RulePack` (what a portal writes) comes from `src/plan/rule-pack.schema.json`, the schema
//! whose keys the rule-pack reader accepts: its properties in order, their English
//! descriptions, what every format requires and what format 1 adds; its `text` and `level`
//! must say what the Rust `Text` and `Level` say.
//!
//! The declarations nothing else describes (the inputs, read by hand-written readers; the
//! `ProgressReport` class; `CchcError`) are hand-written in `src/wasm/api.d.ts`; wasm-bindgen
//! writes both files into the package's `.d.ts`. The fields of its input types are checked
//! against the readers' tables of keys ([`INPUT_TABLES`]).
//!
//! After changing a type: `TYPES_UPDATE=1 cargo test --test typescript` rewrites the file (and
//! the elements' attribute properties in `www/elements/index.d.ts`, from their tables).

#![cfg(not(target_arch = "wasm32"))]
// A test's helpers, like its tests, fail loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use syn::{Attribute, Fields, GenericArgument, Item, PathArguments, Type};

#[path = "common/generated.rs"]
mod generated;
use generated::check_generated;

const OUT: &str = "src/wasm/types.d.ts";

/// The declarations, in order: a section title, or (file under `src/`, Rust name, TypeScript
/// name). The TypeScript names are the package's public API: keep them.
const TYPES: &[Entry] = &[
    Section("Words shared by the plan, the data and the report"),
    Ty("messages/mod.rs", "Locale", "Locale"),
    Ty("vocab.rs", "Level", "Level"),
    Ty("vocab.rs", "RampReading", "RampReading"),
    Ty("messages/mod.rs", "Text", "Text"),
    Ty("report/mod.rs", "Status", "Status"),
    Ty("report/mod.rs", "Reason", "Reason"),
    Ty("vocab.rs", "Measure", "Measure"),
    Ty("plan/model.rs", "Direction", "Direction"),
    Ty("vocab.rs", "Comparator", "Comparator"),
    Ty("plan/model.rs", "Aggregation", "Aggregation"),
    Section("A rule pack as a portal writes it (`Engine.fromPlan`), from rule-pack.schema.json"),
    RulePackSchema,
    Section("The validated plan (`engine.plan()`)"),
    Ty("plan/model.rs", "Plan", "Plan"),
    Ty("plan/model.rs", "PlanInfo", "PlanInfo"),
    Ty("plan/model.rs", "Decision", "Decision"),
    Ty("plan/model.rs", "Period", "Period"),
    Ty("plan/model.rs", "Methods", "Methods"),
    Ty("plan/model.rs", "TrendParams", "TrendParams"),
    Ty("plan/model.rs", "Area", "Area"),
    Ty("plan/model.rs", "Document", "Document"),
    Ty("plan/model.rs", "Phase", "Phase"),
    Ty("plan/model.rs", "Ramp", "Ramp"),
    Ty("plan/model.rs", "AfterLastYear", "AfterLastYear"),
    Ty("plan/model.rs", "Indicator", "Indicator"),
    Ty("plan/model.rs", "DenominatorFrom", "DenominatorFrom"),
    Ty("plan/model.rs", "Source", "Source"),
    Ty("plan/model.rs", "SourceKind", "SourceKind"),
    Ty("vocab.rs", "FloorBasis", "FloorBasis"),
    Ty("ramp/mod.rs", "RampFloor", "RampFloor"),
    Ty("lib.rs", "Versions", "Versions"),
    Section("The report (`engine.evaluate`)"),
    Ty("report/mod.rs", "Report", "Report"),
    Ty("report/mod.rs", "PlanRef", "PlanRef"),
    Ty("report/mod.rs", "ResolvedOptions", "ResolvedOptions"),
    Ty("data/input/model.rs", "Selection", "Selection"),
    Ty("report/mod.rs", "Summary", "Summary"),
    Ty("report/mod.rs", "StatusCounts", "StatusCounts"),
    Ty("report/mod.rs", "AreaSummary", "AreaSummary"),
    Ty("report/mod.rs", "IndicatorResult", "IndicatorResult"),
    Ty("report/mod.rs", "FigureBasis", "FigureBasis"),
    Ty("report/mod.rs", "AfterDeadline", "AfterDeadline"),
    Ty("report/mod.rs", "RollUpCoverage", "RollUpCoverage"),
    Ty("report/mod.rs", "Method", "Method"),
    Ty("report/mod.rs", "SeriesBreak", "SeriesBreak"),
    Ty("report/mod.rs", "SeriesPoint", "SeriesPoint"),
    Ty("report/mod.rs", "RampYear", "RampYear"),
    Ty("report/mod.rs", "LevelSummary", "LevelSummary"),
    Ty("report/mod.rs", "Review", "Review"),
    Ty("report/mod.rs", "ReviewRow", "ReviewRow"),
    Ty("report/mod.rs", "ReviewCounts", "ReviewCounts"),
    Ty("report/finding.rs", "Finding", "Finding"),
    Ty("report/finding.rs", "Severity", "Severity"),
    Ty("report/finding.rs", "FindingCode", "FindingCode"),
    Section("Errors (`CchcError.errors`, `engine.validate`)"),
    Ty("wasm/mod.rs", "Validation", "Validation"),
    Ty("error/mod.rs", "Error", "ErrorDetail"),
    Ty("error/mod.rs", "ErrorCode", "ErrorCode"),
    Section("Sheets read with a mapping (`evaluateSheet`, `readSheet`)"),
    Ty("lib.rs", "SheetReport", "SheetReport"),
    Ty("wasm/mod.rs", "SheetRead", "SheetRead"),
    Ty("data/sheet/mod.rs", "SheetObservation", "SheetObservation"),
    Ty("data/sheet/mod.rs", "SheetReading", "SheetReading"),
    Ty("data/sheet/mod.rs", "MappedColumn", "SheetColumnRead"),
    Ty("data/sheet/findings.rs", "SheetFinding", "SheetFinding"),
    Ty("data/sheet/findings.rs", "SheetFindingCode", "SheetFindingCode"),
    Section("The National Public Service Portal's 766 answers (`evaluatePortal766`)"),
    Ty("portal766/side.rs", "Portal766Report", "Portal766Report"),
    Ty("portal766/side.rs", "Portal766Side", "Portal766Side"),
    Ty("portal766/side.rs", "MappingNote", "Portal766MappingNote"),
    Ty("portal766/mapping.rs", "Entry", "Portal766MappingEntry"),
    Ty("portal766/side.rs", "PeriodNote", "Portal766PeriodNote"),
    Ty("portal766/side.rs", "PortalRow", "Portal766Row"),
    Ty("portal766/answer.rs", "Kind", "Portal766RowKind"),
    Ty("portal766/side.rs", "PortalMetric", "Portal766Metric"),
    Ty("portal766/side.rs", "FigureUse", "Portal766FigureUse"),
];

enum Entry {
    Section(&'static str),
    /// `RulePack`, from `plan/rule-pack.schema.json` (the schema the reader checks packs with).
    RulePackSchema,
    Ty(&'static str, &'static str, &'static str),
}
use Entry::{RulePackSchema, Section, Ty};

/// Rust types written by hand (their own `Serialize`), or the same shape under another name.
const TYPE_NAMES: &[(&str, &str, &str)] = &[
    (
        "Num",
        "number",
        "a computed number, rounded to 4 decimals (`report/mod.rs`)",
    ),
    ("TextOrd", "Text", "`Text` with an order, serialized as `Text`"),
];

/// Fields whose Rust type says less than what they hold: (TypeScript type, field, type, why).
const FIELD_TYPES: &[(&str, &str, &str, &str)] = &[
    ("TrendParams", "method", "\"cagr_ratio\"", "the one trend method"),
    (
        "ResolvedOptions",
        "trendMethod",
        "\"cagr_ratio\"",
        "the one trend method",
    ),
    ("Method", "name", "\"cagr_ratio\"", "the one trend method"),
    ("ResolvedOptions", "text", "TextMode", "`TextMode::as_str`"),
    (
        "LevelSummary",
        "requirementKind",
        "\"floor\" | \"target\"",
        "written in evaluate/",
    ),
    (
        "Portal766MappingEntry",
        "endpoint",
        "Portal766Endpoint",
        "checked against `ENDPOINTS`",
    ),
    (
        "Portal766PeriodNote",
        "endpoint",
        "Portal766Endpoint",
        "checked against `ENDPOINTS`",
    ),
    (
        "Portal766Row",
        "endpoint",
        "Portal766Endpoint",
        "checked against `ENDPOINTS`",
    ),
];

/// `skip_serializing_if` predicates of fields that are not `Option`s: (predicate, the value it
/// skips). The field's type then leaves that value out: `basis?: Exclude<FigureBasis, "reported">`.
const SKIPPED_VALUES: &[(&str, &str)] = &[("FigureBasis::is_reported", "\"reported\"")];

/// The declarations as this test writes them.
fn generate(src: &Path) -> String {
    let mut files: BTreeMap<&str, syn::File> = BTreeMap::new();
    for entry in TYPES {
        if let Ty(file, _, _) = entry {
            if !files.contains_key(file) {
                let text = fs::read_to_string(src.join(file)).unwrap();
                files.insert(file, syn::parse_file(&text).unwrap_or_else(|e| panic!("{file}: {e}")));
            }
        }
    }
    let mut by_rust: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for entry in TYPES {
        if let Ty(file, rust, ts) = entry {
            by_rust.entry(rust).or_default().push((file, ts));
        }
    }
    let mut g = Gen {
        by_rust,
        enums: BTreeSet::new(),
        used_overrides: BTreeSet::new(),
        problems: Vec::new(),
    };
    // Enums first, so that maps keyed by one are typed by its names.
    for entry in TYPES {
        if let Ty(file, rust, ts) = entry {
            if let Some(Item::Enum(_)) = find(&files[file], rust) {
                g.enums.insert(ts.to_string());
            }
        }
    }
    g.enums.insert("ErrorCode".to_string());

    let mut out = String::from(
        "// The engine's data as JSON gives it, generated by tests/typescript.rs from its Rust types\n\
         // (and `RulePack` from rule-pack.schema.json): do not edit. After changing a type,\n\
         // `TYPES_UPDATE=1 cargo test --test typescript` rewrites this file. The inputs,\n\
         // `ProgressReport` and `CchcError` are in api.d.ts, written by hand.\n",
    );
    for entry in TYPES {
        match entry {
            Section(title) => {
                let _ = write!(out, "\n// ---- {title} ");
                out.push_str(&"-".repeat(92usize.saturating_sub(10 + title.chars().count())));
                out.push('\n');
            }
            RulePackSchema => {
                out.push('\n');
                let text = fs::read_to_string(src.join("plan/rule-pack.schema.json")).unwrap();
                let schema: Json = serde_json::from_str(&text).unwrap();
                let mut r = RulePackTs::new(&schema);
                out.push_str(&r.declaration());
                g.problems.append(&mut r.problems);
            }
            Ty(file, rust, ts) => {
                out.push('\n');
                if *rust == "ErrorCode" {
                    out.push_str(&error_codes(&fs::read_to_string(src.join(file)).unwrap()));
                    continue;
                }
                match find(&files[file], rust) {
                    Some(item) => out.push_str(&g.item(file, ts, item)),
                    None => g.problems.push(format!("{file} has no type {rust}")),
                }
            }
        }
    }
    let schema: Json =
        serde_json::from_str(&fs::read_to_string(src.join("plan/rule-pack.schema.json")).unwrap()).unwrap();
    for (def, ts) in SCHEMA_DEFS {
        let d = &schema["$defs"][*def];
        let said: Vec<String> = match (d["enum"].as_array(), d["properties"].as_object()) {
            (Some(values), _) => values.iter().map(Json::literal).collect(),
            (None, Some(props)) => props.iter().map(|(k, _)| k.clone()).collect(),
            _ => Vec::new(),
        };
        let decl = declared(&out, ts);
        if said != decl {
            g.problems.push(format!(
                "rule-pack.schema.json's {def} says {said:?}, the Rust {ts} {decl:?}: make them agree"
            ));
        }
    }
    for (ts, field, _, _) in FIELD_TYPES {
        if !g.used_overrides.contains(&format!("{ts}.{field}")) {
            g.problems
                .push(format!("FIELD_TYPES names {ts}.{field}, which is not a field"));
        }
    }
    assert!(
        g.problems.is_empty(),
        "tests/typescript.rs cannot write the types:\n{}",
        g.problems.join("\n")
    );
    out
}

/// The members of `ts` in `out`: the names of a union, or the fields of an interface.
fn declared(out: &str, ts: &str) -> Vec<String> {
    let (union, interface) = (format!("export type {ts} =\n"), format!("export interface {ts} {{\n"));
    let (start, end) = match (out.find(&union), out.find(&interface)) {
        (Some(at), _) => (at + union.len(), ";\n"),
        (None, Some(at)) => (at + interface.len(), "\n}\n"),
        _ => return Vec::new(),
    };
    let body = &out[start..];
    let body = &body[..body.find(end).map_or(body.len(), |e| e + 1)];
    body.lines()
        .map(str::trim)
        .filter_map(|l| match l.strip_prefix("| ") {
            Some(name) => Some(name.trim_end_matches(';').to_string()),
            None if !l.starts_with('/') && !l.starts_with('*') => {
                l.split_once(':').map(|(k, _)| k.trim_end_matches('?').to_string())
            }
            None => None,
        })
        .collect()
}

fn find<'a>(file: &'a syn::File, name: &str) -> Option<&'a Item> {
    file.items.iter().find(|i| match i {
        Item::Struct(s) => s.ident == name,
        Item::Enum(e) => e.ident == name,
        _ => false,
    })
}

struct Gen<'a> {
    by_rust: BTreeMap<&'a str, Vec<(&'a str, &'a str)>>,
    enums: BTreeSet<String>,
    used_overrides: BTreeSet<String>,
    problems: Vec<String>,
}

/// What `#[serde(...)]` says of an item or a field.
#[derive(Default)]
struct Serde {
    rename: Option<String>,
    rename_all: Option<String>,
    skip: bool,
    skip_if: Option<String>,
    flatten: bool,
    transparent: bool,
    other: Vec<String>,
}

fn serde_attrs(attrs: &[Attribute]) -> Serde {
    let mut s = Serde::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(|i| i.to_string()).unwrap_or_default();
            let value = if meta.input.peek(syn::Token![=]) {
                let lit: syn::LitStr = meta.value()?.parse()?;
                Some(lit.value())
            } else {
                None
            };
            match key.as_str() {
                "rename" => s.rename = value,
                "rename_all" => s.rename_all = value,
                "skip" | "skip_serializing" => s.skip = true,
                "skip_serializing_if" => s.skip_if = value,
                "flatten" => s.flatten = true,
                "transparent" => s.transparent = true,
                // Deserialization only.
                "expecting" | "default" | "deny_unknown_fields" | "skip_deserializing" => {}
                _ => s.other.push(key),
            }
            Ok(())
        })
        .unwrap();
    }
    s
}

fn docs(attrs: &[Attribute]) -> Vec<String> {
    let mut lines = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("doc")) {
        if let syn::Meta::NameValue(nv) = &attr.meta {
            if let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s), ..
            }) = &nv.value
            {
                let line = s.value();
                lines.push(line.strip_prefix(' ').unwrap_or(&line).trim_end().to_string());
            }
        }
    }
    // Rust's intra-doc links read as code in TypeScript: [`Num`] → `Num`.
    lines
        .into_iter()
        .map(|l| l.replace("[`", "`").replace("`]", "`"))
        .collect()
}

/// A JSDoc comment at `indent`, or nothing.
fn jsdoc(lines: &[String], indent: &str) -> String {
    match lines {
        [] => String::new(),
        [one] => format!("{indent}/** {one} */\n"),
        many => {
            let mut s = format!("{indent}/**\n");
            for l in many {
                if l.is_empty() {
                    let _ = writeln!(s, "{indent} *");
                } else {
                    let _ = writeln!(s, "{indent} * {l}");
                }
            }
            let _ = writeln!(s, "{indent} */");
            s
        }
    }
}

/// A name as serde writes it under `rename_all`.
fn renamed(name: &str, rule: Option<&str>, is_variant: bool) -> String {
    let words: Vec<String> = if is_variant {
        let mut w: Vec<String> = Vec::new();
        for c in name.chars() {
            if c.is_uppercase() || w.is_empty() {
                w.push(c.to_lowercase().collect());
            } else if let Some(last) = w.last_mut() {
                last.push(c);
            }
        }
        w
    } else {
        name.split('_').map(str::to_string).collect()
    };
    match rule {
        None => name.to_string(),
        Some("lowercase") => words.concat(),
        Some("snake_case") => words.join("_"),
        Some("SCREAMING_SNAKE_CASE") => words.join("_").to_uppercase(),
        Some("kebab-case") => words.join("-"),
        Some("camelCase") => {
            let mut s = String::new();
            for (i, w) in words.iter().enumerate() {
                let mut c = w.chars();
                match (i, c.next()) {
                    (0, Some(f)) => {
                        s.push(f);
                        s.extend(c);
                    }
                    (_, Some(f)) => {
                        s.extend(f.to_uppercase());
                        s.extend(c);
                    }
                    _ => {}
                }
            }
            s
        }
        Some(other) => panic!("rename_all = {other:?} is not known to tests/typescript.rs"),
    }
}

impl Gen<'_> {
    fn item(&mut self, file: &str, ts: &str, item: &Item) -> String {
        match item {
            Item::Enum(e) => {
                let attrs = serde_attrs(&e.attrs);
                self.unsupported(ts, &attrs);
                // Each documented name is listed in the type's comment, so that the union itself
                // holds only the names (a reader may take it apart with a regular expression).
                let mut doc = docs(&e.attrs);
                let mut union = String::new();
                let mut listed = false;
                for v in &e.variants {
                    if !matches!(v.fields, Fields::Unit) {
                        self.problems
                            .push(format!("{ts}::{}: only enums of unit variants are written", v.ident));
                    }
                    let va = serde_attrs(&v.attrs);
                    if va.skip {
                        continue;
                    }
                    let name = va
                        .rename
                        .unwrap_or_else(|| renamed(&v.ident.to_string(), attrs.rename_all.as_deref(), true));
                    let vdoc = docs(&v.attrs).join(" ");
                    if !vdoc.is_empty() {
                        if !listed {
                            doc.push(String::new());
                            listed = true;
                        }
                        let mut lines = wrap(&format!("- `{name}`: {vdoc}"), 92).into_iter();
                        doc.extend(lines.next());
                        doc.extend(lines.map(|l| format!("  {l}")));
                    }
                    let _ = writeln!(union, "  | {name:?}");
                }
                let mut s = jsdoc(&doc, "");
                let _ = writeln!(s, "export type {ts} =");
                s.push_str(union.trim_end());
                s.push_str(";\n");
                s
            }
            Item::Struct(st) => {
                let attrs = serde_attrs(&st.attrs);
                self.unsupported(ts, &attrs);
                let mut s = jsdoc(&docs(&st.attrs), "");
                let newtype = match &st.fields {
                    Fields::Unnamed(u) if u.unnamed.len() == 1 => u.unnamed.first(),
                    _ => None,
                };
                if let Some(inner) = newtype {
                    let _ = writeln!(s, "export type {ts} = {};", self.ty(file, &inner.ty));
                    return s;
                }
                let Fields::Named(named) = &st.fields else {
                    self.problems.push(format!("{ts}: a struct without named fields"));
                    return s;
                };
                let mut extends = Vec::new();
                let mut body = String::new();
                for f in &named.named {
                    let fa = serde_attrs(&f.attrs);
                    if !fa.other.is_empty() {
                        self.problems.push(format!(
                            "{ts}: serde({}) is not known to tests/typescript.rs",
                            fa.other.join(", ")
                        ));
                    }
                    if fa.skip {
                        continue;
                    }
                    if fa.flatten {
                        extends.push(self.ty(file, &f.ty));
                        continue;
                    }
                    let rust_name = f.ident.as_ref().map(|i| i.to_string()).unwrap_or_default();
                    let name = fa
                        .rename
                        .clone()
                        .unwrap_or_else(|| renamed(&rust_name, attrs.rename_all.as_deref(), false));
                    let (optional, ty) = self.field(file, ts, &name, &f.ty, fa.skip_if.as_deref());
                    body.push_str(&jsdoc(&docs(&f.attrs), "  "));
                    let _ = writeln!(body, "  {name}{}: {ty};", if optional { "?" } else { "" });
                }
                let ext = if extends.is_empty() {
                    String::new()
                } else {
                    format!(" extends {}", extends.join(", "))
                };
                let _ = writeln!(s, "export interface {ts}{ext} {{");
                s.push_str(&body);
                s.push_str("}\n");
                s
            }
            _ => {
                self.problems.push(format!("{ts}: only structs and enums are written"));
                String::new()
            }
        }
    }

    fn unsupported(&mut self, ts: &str, attrs: &Serde) {
        if !attrs.other.is_empty() || attrs.skip_if.is_some() || attrs.flatten {
            self.problems.push(format!(
                "{ts}: serde({}) is not known to tests/typescript.rs",
                attrs.other.join(", ")
            ));
        }
    }

    /// Whether a field may be absent, and its type.
    fn field(&mut self, file: &str, owner: &str, name: &str, ty: &Type, skip_if: Option<&str>) -> (bool, String) {
        let key = format!("{owner}.{name}");
        if let Some((_, _, t, _)) = FIELD_TYPES.iter().find(|(o, f, _, _)| *o == owner && *f == name) {
            self.used_overrides.insert(key);
            return (skip_if.is_some(), t.to_string());
        }
        let option = generic(ty, "Option");
        match (skip_if, option) {
            (Some("Option::is_none"), Some(inner)) => (true, self.ty(file, inner)),
            (Some(_), Some(inner)) => (true, format!("{} | null", self.ty(file, inner))),
            (None, Some(inner)) => (false, format!("{} | null", self.ty(file, inner))),
            (Some("std::ops::Not::not" | "Not::not"), None) if self.ty(file, ty) == "boolean" => (true, "true".into()),
            (Some(p), None) => match SKIPPED_VALUES.iter().find(|(q, _)| *q == p) {
                Some((_, value)) => (true, format!("Exclude<{}, {value}>", self.ty(file, ty))),
                None => (true, self.ty(file, ty)),
            },
            (None, None) => (false, self.ty(file, ty)),
        }
    }

    /// The TypeScript of a Rust type.
    fn ty(&mut self, file: &str, ty: &Type) -> String {
        match ty {
            Type::Reference(r) => self.ty(file, &r.elem),
            Type::Slice(s) => array(self.ty(file, &s.elem)),
            Type::Array(a) => array(self.ty(file, &a.elem)),
            Type::Tuple(t) => {
                let items: Vec<String> = t.elems.iter().map(|e| self.ty(file, e)).collect();
                format!("[{}]", items.join(", "))
            }
            Type::Path(p) => {
                let Some(last) = p.path.segments.last() else {
                    return "unknown".into();
                };
                let name = last.ident.to_string();
                let args: Vec<&Type> = match &last.arguments {
                    PathArguments::AngleBracketed(a) => a
                        .args
                        .iter()
                        .filter_map(|g| match g {
                            GenericArgument::Type(t) => Some(t),
                            _ => None,
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                match (name.as_str(), args.as_slice()) {
                    ("String" | "str" | "char", _) => "string".into(),
                    ("bool", _) => "boolean".into(),
                    (
                        "f32" | "f64" | "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize",
                        _,
                    ) => "number".into(),
                    ("Option", [t]) => format!("{} | null", self.ty(file, t)),
                    ("Vec" | "VecDeque" | "BTreeSet" | "HashSet", [t]) => array(self.ty(file, t)),
                    ("Box" | "Rc" | "Arc" | "Cow", [t]) => self.ty(file, t),
                    ("BTreeMap" | "HashMap", [k, v]) => {
                        let key = self.ty(file, k);
                        let value = self.ty(file, v);
                        if self.enums.contains(&key) {
                            format!("Partial<Record<{key}, {value}>>")
                        } else {
                            format!("Record<string, {value}>")
                        }
                    }
                    _ => self.named(file, &name),
                }
            }
            _ => {
                self.problems
                    .push(format!("a type tests/typescript.rs cannot write: {}", quote_type(ty)));
                "unknown".into()
            }
        }
    }

    fn named(&mut self, file: &str, name: &str) -> String {
        if let Some((_, ts, _)) = TYPE_NAMES.iter().find(|(r, _, _)| *r == name) {
            return ts.to_string();
        }
        match self.by_rust.get(name).map(Vec::as_slice) {
            Some([(_, ts)]) => ts.to_string(),
            Some(several) => match several.iter().find(|(f, _)| *f == file) {
                Some((_, ts)) => ts.to_string(),
                None => {
                    self.problems
                        .push(format!("{file}: `{name}` names several listed types"));
                    "unknown".into()
                }
            },
            None => {
                self.problems.push(format!(
                    "{file}: `{name}` is not in TYPES (add it) nor in TYPE_NAMES (a type serialized by hand)"
                ));
                "unknown".into()
            }
        }
    }
}

fn array(item: String) -> String {
    if item.contains(' ') && !(item.starts_with('{') && item.ends_with('}')) {
        format!("({item})[]")
    } else {
        format!("{item}[]")
    }
}

fn generic<'t>(ty: &'t Type, wrapper: &str) -> Option<&'t Type> {
    let Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if last.ident != wrapper {
        return None;
    }
    let PathArguments::AngleBracketed(a) = &last.arguments else {
        return None;
    };
    a.args.iter().find_map(|g| match g {
        GenericArgument::Type(t) => Some(t),
        _ => None,
    })
}

fn quote_type(ty: &Type) -> String {
    format!("{}", quote::ToTokens::to_token_stream(ty))
}

/// `ErrorCode` from the `error_codes!` table of `error/mod.rs`: its codes in order, each group
/// under its comment.
fn error_codes(error_rs: &str) -> String {
    let start = error_rs
        .find("\nerror_codes! {")
        .expect("error.rs has its error_codes! table");
    let body = &error_rs[start..];
    let body = &body[..body.find("\n}").unwrap_or(body.len())];
    let mut s = String::from(
        "/**\n * The stable code of an error (`CchcError.code`, `ErrorDetail.code`): portals match on it. The\n \
         * same codes as the engine's Rust `ErrorCode`, in the order of the README's list.\n */\nexport type ErrorCode =\n",
    );
    for line in body.lines().skip(2) {
        let line = line.trim();
        if let Some(comment) = line.strip_prefix("// ") {
            let _ = writeln!(s, "  // {}", comment.replace(';', ","));
        } else if let Some((_, code)) = line.split_once(" = \"") {
            let code = code.trim_end_matches("\",");
            let _ = writeln!(s, "  | \"{code}\"");
        }
    }
    s.pop();
    s.push_str(";\n");
    s
}

/// `RulePack` from the rule-pack schema: each property with its English description (the
/// part after ` — `), required or optional as the schema says for every format, and "Required
/// in format 1." where its `formatVersion: 1` condition requires it. `$defs` named in
/// [`SCHEMA_DEFS`] are the generated types of the same shape; the others are written inline.
struct RulePackTs<'a> {
    schema: &'a Json,
    /// Paths (`plan.decision`, `indicators[].clause`) that format 1 requires.
    format1: BTreeSet<String>,
    problems: Vec<String>,
}

/// Definitions of the schema written as a type of [`TYPES`]: (definition, TypeScript name).
const SCHEMA_DEFS: &[(&str, &str)] = &[("text", "Text"), ("level", "Level")];

impl<'a> RulePackTs<'a> {
    fn new(schema: &'a Json) -> Self {
        let mut format1 = BTreeSet::new();
        for cond in schema["allOf"].as_array().into_iter().flatten() {
            if cond["if"]["properties"]["formatVersion"]["const"].literal() == "1" {
                Self::required_paths(&cond["then"], "", &mut format1);
            }
        }
        RulePackTs {
            schema,
            format1,
            problems: Vec::new(),
        }
    }

    fn required_paths(s: &Json, at: &str, out: &mut BTreeSet<String>) {
        for r in s["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r.as_str())
        {
            out.insert(format!("{at}{r}"));
        }
        if let Some(props) = s["properties"].as_object() {
            for (k, v) in props {
                Self::required_paths(v, &format!("{at}{k}."), out);
            }
        }
        if s["items"].as_object().is_some() {
            Self::required_paths(&s["items"], &format!("{}[].", at.trim_end_matches('.')), out);
        }
    }

    fn declaration(&mut self) -> String {
        let mut s = jsdoc(&[english(&self.schema["description"])], "");
        let body = self.object(self.schema, "", "");
        let _ = writeln!(s, "export interface RulePack {body}");
        s
    }

    /// The TypeScript of a schema at `at` (a path such as `indicators[].`), indented by `indent`.
    fn ty(&mut self, s: &Json, at: &str, indent: &str) -> String {
        if let Some(r) = s["$ref"].as_str() {
            let name = r.trim_start_matches("#/$defs/");
            if let Some((_, ts)) = SCHEMA_DEFS.iter().find(|(d, _)| *d == name) {
                return ts.to_string();
            }
            let def = &self.schema["$defs"][name];
            if matches!(def, Json::Null) {
                self.problems.push(format!("rule-pack.schema.json: no definition {r}"));
            }
            return self.ty(def, at, indent);
        }
        if let Some(values) = s["enum"].as_array() {
            let names: Vec<String> = values.iter().map(Json::literal).collect();
            return names.join(" | ");
        }
        if !matches!(s["const"], Json::Null) {
            return s["const"].literal();
        }
        match s["type"].as_str() {
            Some("string") => "string".into(),
            Some("number" | "integer") => "number".into(),
            Some("boolean") => "boolean".into(),
            Some("array") => array(self.ty(&s["items"], &format!("{}[].", at.trim_end_matches('.')), indent)),
            Some("object") if s["properties"].as_object().is_some() => self.object(s, at, indent),
            Some("object") if s["additionalProperties"].as_object().is_some() => {
                format!("Record<string, {}>", self.ty(&s["additionalProperties"], at, indent))
            }
            _ => {
                self.problems.push(format!(
                    "rule-pack.schema.json at {at}: a schema tests/typescript.rs cannot write"
                ));
                "unknown".into()
            }
        }
    }

    fn object(&mut self, s: &Json, at: &str, indent: &str) -> String {
        let required: BTreeSet<&str> = s["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r.as_str())
            .collect();
        let inner = format!("{indent}  ");
        let mut out = String::from("{\n");
        for (name, prop) in s["properties"].as_object().unwrap_or_default() {
            let path = format!("{at}{name}");
            let mut doc = english(&prop["description"]);
            let optional = !required.contains(name.as_str());
            if optional && self.format1.contains(&path) && !doc.to_lowercase().contains("required in format 1") {
                doc = format!("{doc} Required in format 1.").trim().to_string();
            }
            let ty = self.ty(prop, &format!("{path}."), &inner);
            out.push_str(&jsdoc(&wrap(&doc, 96usize.saturating_sub(inner.len() + 3)), &inner));
            let key = if name.starts_with('$') {
                format!("{name:?}")
            } else {
                name.clone()
            };
            let _ = writeln!(out, "{inner}{key}{}: {ty};", if optional { "?" } else { "" });
        }
        let _ = write!(out, "{indent}}}");
        out
    }
}

/// A JSON value that keeps its keys in the file's order (serde_json's maps sort them).
enum Json {
    Null,
    Other(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

static NULL: Json = Json::Null;

impl Json {
    fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
    fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(a) => Some(a),
            _ => None,
        }
    }
    fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Obj(o) => Some(o),
            _ => None,
        }
    }
    /// A string, number or boolean as a TypeScript literal.
    fn literal(&self) -> String {
        match self {
            Json::Str(s) => format!("{s:?}"),
            Json::Other(o) => o.clone(),
            _ => "unknown".into(),
        }
    }
}

impl std::ops::Index<&str> for Json {
    type Output = Json;
    fn index(&self, key: &str) -> &Json {
        self.as_object()
            .and_then(|o| o.iter().find(|(k, _)| k == key))
            .map_or(&NULL, |(_, v)| v)
    }
}

impl<'de> serde::Deserialize<'de> for Json {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Json;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_unit<E>(self) -> Result<Json, E> {
                Ok(Json::Null)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
                Ok(Json::Other(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
                Ok(Json::Other(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
                Ok(Json::Other(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
                Ok(Json::Other(v.to_string()))
            }
            fn visit_str<E>(self, v: &str) -> Result<Json, E> {
                Ok(Json::Str(v.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Json, A::Error> {
                let mut items = Vec::new();
                while let Some(v) = a.next_element()? {
                    items.push(v);
                }
                Ok(Json::Arr(items))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Json, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = a.next_entry()? {
                    pairs.push(pair);
                }
                Ok(Json::Obj(pairs))
            }
        }
        d.deserialize_any(V)
    }
}

/// The English half of a bilingual description (`"… — …"`).
fn english(d: &Json) -> String {
    let d = d.as_str().unwrap_or_default();
    d.rsplit_once(" — ").map_or(d, |(_, en)| en).trim().to_string()
}

/// Words in lines of at most `width` characters (none when `text` is empty).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[test]
fn the_typescript_declarations_are_generated_from_the_rust_types() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let generated = generate(&root.join("src"));
    check_generated(
        OUT,
        &generated,
        "TYPES_UPDATE",
        "the Rust types",
        "TYPES_UPDATE=1 cargo test --test typescript",
    );
}

/// The elements' attribute properties in `www/elements/index.d.ts` follow their `static
/// properties` tables (`pkg-config/elements-types.mjs --check`, which needs Node, as the
/// package does; without it the check is skipped, except in CI).
#[test]
fn the_elements_declarations_follow_their_property_tables() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("pkg-config/elements-types.mjs");
    let mut node = std::process::Command::new("node");
    node.arg(&script).current_dir(root);
    if std::env::var_os("TYPES_UPDATE").is_none() {
        node.arg("--check");
    }
    match node.output() {
        Ok(out) => assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) if std::env::var_os("CI").is_none() => {
            eprintln!("skipped: node pkg-config/elements-types.mjs --check cannot run ({e})");
        }
        Err(e) => panic!("node pkg-config/elements-types.mjs --check cannot run: {e}"),
    }
}

/// The hand-written input types of `api.d.ts` name the fields the readers accept, in their
/// order: each interface against the reader's table of keys (the reader refuses any other
/// key with `INPUT_UNKNOWN_FIELD`, so a key missing here is one TypeScript users cannot write).
const INPUT_TABLES: &[(&str, &str, &str)] = &[
    ("data/input/top_level.rs", "TOP_FIELDS", "EvaluateInput"),
    ("data/input/top_level.rs", "OPTION_FIELDS", "EvaluateOptions"),
    ("data/input/top_level.rs", "ONLY_FIELDS", "Selection"),
    ("data/input/units.rs", "UNIT_FIELDS", "UnitInput"),
    ("data/input/fields.rs", "OBSERVATION_FIELDS", "ObservationInput"),
];

#[test]
fn the_input_types_name_the_fields_the_readers_accept() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let ts = fs::read_to_string(src.join("wasm/api.d.ts")).unwrap()
        + &fs::read_to_string(src.join("wasm/types.d.ts")).unwrap();
    let mut wrong = Vec::new();
    for (file, table, interface) in INPUT_TABLES {
        let rust = fs::read_to_string(src.join(file)).unwrap();
        let head = format!("const {table}: &[&str] = &[");
        let at = rust.find(&head).unwrap_or_else(|| panic!("{file} has no {head}"));
        let list = &rust[at + head.len()..];
        let list = &list[..list.find("];").unwrap()];
        let keys: Vec<&str> = list
            .split(',')
            .map(|k| k.trim().trim_matches('"'))
            .filter(|k| !k.is_empty())
            .collect();
        let start = format!("export interface {interface} ");
        let at = ts.find(&start).unwrap_or_else(|| panic!("no interface {interface}"));
        let body = &ts[at..];
        let body = &body[..body.find("\n}\n").unwrap()];
        let fields: Vec<&str> = body
            .lines()
            .filter_map(|l| l.strip_prefix("  "))
            .filter(|l| !l.starts_with(' ') && !l.starts_with('/') && !l.starts_with('*'))
            .filter_map(|l| l.split_once(':').map(|(k, _)| k.trim_end_matches('?')))
            .collect();
        if fields != keys {
            wrong.push(format!("{interface} has {fields:?}, {file}'s {table} {keys:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "the input types differ from the readers:\n{}",
        wrong.join("\n")
    );
}
