//! The partial expectations of `tests/fixtures/expectations.json` and
//! `tests/fixtures/plans_2026/expectations.json`: what each scenario's report must show, checked
//! by `tests/evaluate.rs` and `tests/plans_2026.rs` with this one checker.
#![allow(dead_code, clippy::unwrap_used, clippy::indexing_slicing)]

use serde_json::Value;

/// Whether `got` matches the partial expectation `want` (the rules of
/// `tests/fixtures/expectations.json`); on a mismatch, the path of the first difference.
pub fn partial(got: Option<&Value>, want: &Value, at: &str) -> Result<(), String> {
    match (got, want) {
        (None, Value::String(s)) if s == "$absent" => Ok(()),
        (Some(_), Value::String(s)) if s == "$present" => Ok(()),
        (Some(g), Value::String(s)) if s == "$absent" => Err(format!("{at}: expected absent, got {g}")),
        (None, _) => Err(format!("{at}: missing, expected {want}")),
        (Some(Value::Object(g)), Value::Object(w)) => w
            .iter()
            .try_for_each(|(k, wv)| partial(g.get(k), wv, &format!("{at}.{k}"))),
        (Some(Value::Array(g)), Value::Array(w)) if g.len() == w.len() => g
            .iter()
            .zip(w)
            .enumerate()
            .try_for_each(|(i, (gv, wv))| partial(Some(gv), wv, &format!("{at}[{i}]"))),
        (Some(g), _) if g == want => Ok(()),
        (Some(Value::Number(g)), Value::Number(w)) if g.as_f64() == w.as_f64() => Ok(()),
        // A text expectation starting with `…` matches a text that contains the rest.
        // (Spaces compare as spaces: the sentences keep a value and its unit together with a
        // no-break space.)
        (Some(Value::String(g)), Value::String(w))
            if w.starts_with('…') && spaced(g).contains(&w['…'.len_utf8()..]) =>
        {
            Ok(())
        }
        (Some(g), _) => {
            let got: String = g.to_string().chars().take(400).collect();
            Err(format!("{at}: got {got}, expected {want}"))
        }
    }
}

fn spaced(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}'], " ")
}

/// The checks of one scenario's expectations against its report: the first failure.
pub fn check(report: &Value, list: &[Value]) -> Result<usize, String> {
    let matching = |key: &str, sel: &Value| -> Vec<Value> {
        report[key]
            .as_array()
            .unwrap()
            .iter()
            .filter(|item| partial(Some(item), sel, "").is_ok())
            .cloned()
            .collect()
    };
    for e in list {
        let outcome = if let Some(sel) = e.get("row") {
            match matching("results", sel).as_slice() {
                [one] => partial(Some(one), &e["has"], "row"),
                other => Err(format!("{} rows match {sel}", other.len())),
            }
        } else if let Some(sel) = e.get("noRow") {
            match matching("results", sel).len() {
                0 => Ok(()),
                n => Err(format!("{n} rows match {sel}")),
            }
        } else if let Some(sel) = e.get("reviewRow") {
            let rows: Vec<&Value> = report["review"]["rows"]
                .as_array()
                .map(|r| r.iter().filter(|item| partial(Some(item), sel, "").is_ok()).collect())
                .unwrap_or_default();
            match rows.as_slice() {
                [one] => partial(Some(one), &e["has"], "reviewRow"),
                other => Err(format!("{} review rows match {sel}", other.len())),
            }
        } else if let Some(sel) = e.get("levelSummary") {
            match matching("levelSummaries", sel).as_slice() {
                [one] => partial(Some(one), &e["has"], "levelSummary"),
                other => Err(format!("{} level summaries match {sel}", other.len())),
            }
        } else if let Some(want) = e.get("finding") {
            match matching("findings", want).len() {
                0 => Err(format!("no finding matches {want}")),
                _ => Ok(()),
            }
        } else if let Some(codes) = e.get("findingCodes") {
            let got: Vec<Value> = report["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["code"].clone())
                .collect();
            partial(Some(&Value::Array(got)), codes, "findings")
        } else if let Some(want) = e.get("report") {
            partial(Some(report), want, "report")
        } else {
            Err(format!("unknown expectation {e}"))
        };
        outcome.map_err(|why| format!("{why}\n  expectation: {e}"))?;
    }
    Ok(list.len())
}
