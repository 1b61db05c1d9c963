//! Readable views of reports and plans for snapshots: what a scenario is about on its first
//! screen, one line per row or field group, instead of the full JSON.
//!
//! A view is generic over the JSON (a field the engine adds shows up without a change here);
//! it only leaves out what the plan fixes for every row of an indicator (area, clause, titles,
//! measure, comparator, counted noun, deadline, the trend thresholds) and the `no_data` rows
//! of indicators a scenario never mentions. The full bytes of every report stay guarded by
//! `evaluate__full_report_digests.snap` (natively and through the JS API).
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fmt::Write as _;

use serde_json::{Map, Value};

/// Row fields the plan fixes for every unit of an indicator: shown once by the plan view.
const ROW_PLAN_FIELDS: &[&str] = &[
    "indicator",
    "unit",
    "unitName",
    "level",
    "headline",
    "area",
    "clause",
    "title",
    "titles",
    "measure",
    "comparator",
    "counted",
    "deadline",
];
/// Method fields that are the plan's thresholds or the options' method name.
const METHOD_PLAN_FIELDS: &[&str] = &["name", "onTrack", "needsAcceleration", "limitedProgress"];
/// Texts written as two lines (`vi:` / `en:`) rather than `a | b`.
const SENTENCES: &[&str] = &["explanation", "sentence", "message"];
/// Fields written first, in this order (what a reader looks for first); the others follow in
/// the order of their names.
const FIRST: &[&str] = &[
    "status",
    "reason",
    "year",
    "period",
    "floor",
    "value",
    "numerator",
    "denominator",
    "count",
    "baselineCount",
    "basis",
    "rolledUp",
    "requirement",
    "requirementKind",
    "met",
    "gapPoints",
    "gapUnits",
    "display",
    "target",
    "expected",
    "projection",
    "unitsTotal",
    "unitsMet",
    "unitsShort",
    "unitsNoData",
];
/// Above this many rows with data, a report is written as a table, one line per row.
const TABLE_ROWS: usize = 40;

/// The fields of an object in view order.
fn ordered(map: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let rank = |k: &str| FIRST.iter().position(|f| *f == k).unwrap_or(FIRST.len());
    let mut items: Vec<(&String, &Value)> = map.iter().collect();
    items.sort_by(|a, b| (rank(a.0), a.0).cmp(&(rank(b.0), b.0)));
    items
}

/// A scalar as written in a view: strings bare (quoted when empty), everything else as JSON.
fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) if s.is_empty() => "\"\"".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn is_text(v: &Value) -> Option<(&str, &str)> {
    let m = v.as_object()?;
    if m.len() != 2 {
        return None;
    }
    Some((m.get("vi")?.as_str()?, m.get("en")?.as_str()?))
}

/// `key value · key value …` for the scalar fields, wrapped at about `width` characters;
/// nested values are written by `nested` after them.
fn fields(out: &mut String, indent: &str, map: &Map<String, Value>, skip: &[&str]) {
    const WIDTH: usize = 100;
    let mut line = String::new();
    let mut later: Vec<(&String, &Value)> = Vec::new();
    for (k, v) in ordered(map) {
        if skip.contains(&k.as_str()) {
            continue;
        }
        let piece = match v {
            Value::Object(_) | Value::Array(_) => {
                if let Some((vi, en)) = is_text(v).filter(|_| !SENTENCES.contains(&k.as_str())) {
                    format!("{k} {vi} | {en}")
                } else if v
                    .as_array()
                    .is_some_and(|a| a.iter().all(|x| !x.is_object() && !x.is_array()))
                {
                    let items: Vec<String> = v.as_array().unwrap().iter().map(scalar).collect();
                    format!("{k} [{}]", items.join(", "))
                } else {
                    later.push((k, v));
                    continue;
                }
            }
            other => format!("{k} {}", scalar(other)),
        };
        if !line.is_empty() && line.chars().count() + piece.chars().count() + 3 > WIDTH {
            writeln!(out, "{indent}{line}").unwrap();
            line.clear();
        }
        if !line.is_empty() {
            line.push_str(" · ");
        }
        line.push_str(&piece);
    }
    if !line.is_empty() {
        writeln!(out, "{indent}{line}").unwrap();
    }
    for (k, v) in later {
        nested(out, indent, k, v);
    }
}

fn nested(out: &mut String, indent: &str, key: &str, v: &Value) {
    if let Some((vi, en)) = is_text(v) {
        writeln!(out, "{indent}vi: {vi}").unwrap();
        writeln!(out, "{indent}en: {en}").unwrap();
        return;
    }
    match v {
        Value::Object(m) => {
            let skip: &[&str] = if key == "method" { METHOD_PLAN_FIELDS } else { &[] };
            writeln!(out, "{indent}{key}:").unwrap();
            fields(out, &format!("{indent}  "), m, skip);
        }
        Value::Array(items) => {
            writeln!(out, "{indent}{key}:").unwrap();
            for item in items {
                match item {
                    Value::Object(m) => {
                        let mut one = String::new();
                        fields(&mut one, "", m, &[]);
                        // One line per element where it fits; its own nested lines indented.
                        for (i, l) in one.lines().enumerate() {
                            let mark = if i == 0 { "- " } else { "  " };
                            writeln!(out, "{indent}  {mark}{l}").unwrap();
                        }
                    }
                    other => writeln!(out, "{indent}  - {}", scalar(other)).unwrap(),
                }
            }
        }
        other => writeln!(out, "{indent}{key} {}", scalar(other)).unwrap(),
    }
}

fn counts(c: &Value) -> String {
    let nonzero: Vec<String> = c
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, n)| n.as_u64() != Some(0))
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    if nonzero.is_empty() {
        "none".to_string()
    } else {
        nonzero.join(" · ")
    }
}

/// The view of a report: header, rows with data, level summaries, areas and summary,
/// findings.
pub fn report(report: &impl serde::Serialize) -> String {
    let v = serde_json::to_value(report).unwrap();
    let mut out = String::new();
    let plan = &v["plan"];
    writeln!(
        out,
        "plan {} {}{} · as of {} · locale {}",
        scalar(&plan["id"]),
        scalar(&plan["version"]),
        if plan["sample"] == Value::Bool(true) {
            " (sample)"
        } else {
            ""
        },
        scalar(&v["asOf"]),
        scalar(&v["locale"]),
    )
    .unwrap();
    let options: Vec<String> = v["options"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, x)| format!("{k} {}", scalar(x)))
        .collect();
    writeln!(out, "options {}", options.join(" · ")).unwrap();
    if let Some(label) = v.get("label") {
        writeln!(out, "label {}", scalar(label)).unwrap();
    }
    // Any other top-level field (a review, say) is written generically.
    let known = [
        "plan",
        "asOf",
        "locale",
        "options",
        "label",
        "results",
        "levelSummaries",
        "areas",
        "summary",
        "findings",
    ];
    for (k, x) in v.as_object().unwrap() {
        if k == "review" {
            review(&mut out, x);
        } else if !known.contains(&k.as_str()) {
            writeln!(out).unwrap();
            nested(&mut out, "", k, x);
        }
    }

    let results = v["results"].as_array().unwrap();
    let (no_data, with_data): (Vec<&Value>, Vec<&Value>) = results
        .iter()
        .partition(|r| r["status"] == "no_data" && r.get("unit").is_none());
    writeln!(
        out,
        "\n## results: rows with data {}; indicators without any {} (not shown)",
        with_data.len(),
        no_data.len()
    )
    .unwrap();
    let table = with_data.len() > TABLE_ROWS;
    if table {
        // A large report: its headline rows one per line, then every row counted by status
        // for each indicator and level (every field of every row is in the digest).
        writeln!(out, "headline rows:").unwrap();
        for r in with_data.iter().filter(|r| r["headline"] == Value::Bool(true)) {
            let pick = |k: &str| r.get(k).map(scalar).unwrap_or_else(|| "-".to_string());
            writeln!(
                out,
                "  {} @ {} ({}): {} · {} ({}) · value {} · requirement {} · met {} · target {}",
                pick("indicator"),
                pick("unit"),
                pick("level"),
                pick("status"),
                pick("year"),
                pick("period"),
                pick("value"),
                pick("requirement"),
                pick("met"),
                pick("target"),
            )
            .unwrap();
        }
        writeln!(out, "rows by indicator and level:").unwrap();
        let mut groups: Vec<(String, String, std::collections::BTreeMap<String, u32>)> = Vec::new();
        for r in &with_data {
            let (i, l) = (scalar(&r["indicator"]), r.get("level").map(scalar).unwrap_or_default());
            if !groups.last().is_some_and(|g| g.0 == i && g.1 == l) {
                groups.push((i.clone(), l.clone(), Default::default()));
            }
            if let Some(g) = groups.last_mut() {
                *g.2.entry(scalar(&r["status"])).or_default() += 1;
            }
        }
        for (i, l, c) in groups {
            let list: Vec<String> = c.iter().map(|(k, n)| format!("{k} {n}")).collect();
            writeln!(out, "  {i} · {l}: {}", list.join(" · ")).unwrap();
        }
    }
    for r in with_data.iter().filter(|_| !table) {
        let m = r.as_object().unwrap();
        let name = r
            .get("unitName")
            .map(|n| format!(", {}", scalar(n)))
            .unwrap_or_default();
        writeln!(
            out,
            "\n{} @ {} ({}{}){}",
            scalar(&r["indicator"]),
            r.get("unit").map_or("-".to_string(), scalar),
            r.get("level").map_or("-".to_string(), scalar),
            name,
            if r["headline"] == Value::Bool(true) {
                " · headline"
            } else {
                ""
            },
        )
        .unwrap();
        fields(&mut out, "  ", m, ROW_PLAN_FIELDS);
    }

    let summaries = v["levelSummaries"].as_array().unwrap();
    if !summaries.is_empty() {
        writeln!(out, "\n## level summaries").unwrap();
        for s in summaries.iter().filter(|_| table) {
            let en = s.get("sentence").and_then(is_text).map_or("-", |t| t.1);
            writeln!(
                out,
                "{} · {} · {}: {en}",
                scalar(&s["indicator"]),
                scalar(&s["level"]),
                s["year"]
            )
            .unwrap();
        }
        for s in summaries.iter().filter(|_| !table) {
            writeln!(
                out,
                "\n{} · {} · {}",
                scalar(&s["indicator"]),
                scalar(&s["level"]),
                scalar(&s["year"])
            )
            .unwrap();
            fields(&mut out, "  ", s.as_object().unwrap(), &["indicator", "level", "year"]);
        }
    }

    writeln!(out, "\n## areas (headline status of each indicator)").unwrap();
    for a in v["areas"].as_array().unwrap() {
        writeln!(
            out,
            "{} {} (indicators {}): {}",
            scalar(&a["id"]),
            scalar(&a["clause"]),
            a["indicators"],
            counts(&a["counts"])
        )
        .unwrap();
    }
    let s = &v["summary"];
    writeln!(out, "plan (indicators {}): {}", s["indicators"], counts(&s["counts"])).unwrap();
    writeln!(out, "every row: {}", counts(&s["resultCounts"])).unwrap();

    let findings = v["findings"].as_array().unwrap();
    writeln!(out, "\n## findings: {}", findings.len()).unwrap();
    for f in findings {
        let at: Vec<String> = ["indicator", "unit", "period"]
            .iter()
            .filter_map(|k| f.get(*k).map(scalar))
            .collect();
        writeln!(
            out,
            "\n{} ({}{}) {}",
            scalar(&f["code"]),
            scalar(&f["severity"]),
            if f["unusable"] == Value::Bool(true) {
                ", unusable"
            } else {
                ""
            },
            at.join(" · ")
        )
        .unwrap();
        writeln!(out, "  path {}", scalar(&f["path"])).unwrap();
        let extra: Map<String, Value> = f
            .as_object()
            .unwrap()
            .iter()
            .filter(|(k, _)| {
                !["code", "severity", "unusable", "indicator", "unit", "period", "path"].contains(&k.as_str())
            })
            .map(|(k, x)| (k.clone(), x.clone()))
            .collect();
        fields(&mut out, "  ", &extra, &[]);
    }
    out
}

/// The final review as a table: one line per target and level.
fn review(out: &mut String, r: &Value) {
    writeln!(out, "\n## review {}–{}: {}", r["from"], r["to"], counts(&r["counts"])).unwrap();
    // Rows where nothing was reported at all (no figure of any unit, or none of the deadline
    // year) are counted, not written out.
    let rows = r["rows"].as_array().unwrap();
    let silent = |row: &&Value| {
        row.get("value").is_none()
            && ((row["verdict"] == "not_reported" && row["units"]["notReported"] == row["units"]["total"])
                || (row["verdict"] == "no_data" && row["units"]["noData"] == row["units"]["total"]))
    };
    let quiet = rows.iter().filter(silent).count();
    writeln!(out, "(rows whose units reported nothing, not shown: {quiet})").unwrap();
    for row in rows.iter().filter(|r| !silent(r)) {
        let pick = |k: &str| row.get(k).map(scalar).unwrap_or_else(|| "-".to_string());
        let shown = row
            .get("display")
            .and_then(is_text)
            .map(|t| format!(" ({})", t.0))
            .unwrap_or_default();
        writeln!(
            out,
            "{} {} · {}: {} · {} value {}{shown} · requirement {} {} · units {}",
            pick("indicator"),
            pick("clause"),
            pick("level"),
            pick("verdict"),
            pick("year"),
            pick("value"),
            pick("comparator"),
            pick("requirement"),
            counts(&row["units"]),
        )
        .unwrap();
        // The rule and who did not meet it, in both languages.
        if let Some((vi, en)) = row.get("rule").and_then(is_text) {
            writeln!(out, "  vi: {vi}\n  en: {en}").unwrap();
        }
    }
}

/// The view of a plan: identity, methods, areas, ramps, then each indicator in two or three
/// lines.
pub fn plan(plan: &impl serde::Serialize) -> String {
    let v = serde_json::to_value(plan).unwrap();
    let mut out = String::new();
    writeln!(out, "formatVersion {}", v["formatVersion"]).unwrap();
    let p = v["plan"].as_object().unwrap();
    fields(&mut out, "", p, &[]);
    writeln!(out).unwrap();
    nested(&mut out, "", "methods", &v["methods"]);
    writeln!(out, "\n## areas").unwrap();
    for a in v["areas"].as_array().unwrap() {
        let (vi, en) = is_text(&a["title"]).unwrap();
        writeln!(out, "{} {}: {vi} | {en}", scalar(&a["id"]), scalar(&a["clause"])).unwrap();
    }
    writeln!(out, "\n## ramps").unwrap();
    for r in v["ramps"].as_array().unwrap() {
        writeln!(out, "\n{}", scalar(&r["id"])).unwrap();
        fields(&mut out, "  ", r.as_object().unwrap(), &["id"]);
    }
    let indicators = v["indicators"].as_array().unwrap();
    writeln!(out, "\n## indicators: {}", indicators.len()).unwrap();
    for i in indicators {
        writeln!(
            out,
            "\n{} ({} {})",
            scalar(&i["id"]),
            scalar(&i["area"]),
            scalar(&i["clause"])
        )
        .unwrap();
        fields(&mut out, "  ", i.as_object().unwrap(), &["id", "area", "clause"]);
    }
    out
}

/// 64-bit FNV-1a of a text: the digest of a full report's bytes.
pub fn fnv1a(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
