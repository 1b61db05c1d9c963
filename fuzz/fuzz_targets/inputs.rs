//! One target over every way text enters the engine. The first byte picks the door, the rest
//! is the text (lossily decoded, as a browser's `TextDecoder` would):
//!
//! - `0`: a rule pack (`Engine::from_json`); a pack that loads also evaluates a small input;
//! - `1`: an evaluation input as JSON text (`evaluate_json`);
//! - `2`: observations as CSV text (`evaluate_csv`, fixed options with units);
//! - `3`: JSON text parsed first, then the value path (`evaluate`, as JavaScript objects go);
//! - `4`: a rule pack and an input separated by a 0 byte: the input evaluated on that plan.
//!
//! Besides not panicking, every report must serialize, and evaluating twice gives the same
//! bytes. CSV text read without an error has one observation per line that holds something
//! (no quote swallowed a row), and JSON text gives the same answer as the JSON value it
//! parses to (the text is read one observation at a time, the value whole).
#![no_main]

use std::sync::OnceLock;

use cchc_progress::Engine;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

/// The embedded plan, parsed once: it is immutable, and parsing it per run would dominate.
fn embedded() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::embedded().expect("the embedded plan is valid"))
}

fn check(engine: &Engine, input: &Value) {
    if let Ok(report) = engine.evaluate(input) {
        let a = serde_json::to_string(&report).expect("a report always serializes");
        let b = serde_json::to_string(&engine.evaluate(input).expect("the same input is accepted twice"))
            .expect("a report always serializes");
        assert_eq!(a, b, "evaluating twice gives the same bytes");
    }
}

fn small_input() -> Value {
    json!({
        "asOf": "2024-12-31",
        "units": [
            {"id": "ct", "name": "Cần Thơ", "level": "city"},
            {"id": "nk", "name": "Ninh Kiều", "level": "district", "parent": "ct"}
        ],
        "observations": []
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&door, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let embedded = embedded();
    match door % 5 {
        0 => {
            if let Ok(engine) = Engine::from_json(&text) {
                let mut input = small_input();
                // Observations for every indicator of the pack, so evaluation runs its rules.
                let obs: Vec<Value> = engine
                    .plan()
                    .indicators
                    .iter()
                    .flat_map(|i| {
                        [2022, 2024].map(|y| json!({"indicator": i.id, "unit": "nk", "period": y.to_string(), "numerator": 61, "denominator": 100}))
                    })
                    .collect();
                input["observations"] = Value::Array(obs);
                check(&engine, &input);
            }
        }
        1 => {
            if let Ok(report) = embedded.evaluate_json(&text) {
                serde_json::to_string(&report).expect("a report always serializes");
            }
        }
        2 => {
            let options = small_input();
            let mut options = options.as_object().cloned().unwrap_or_default();
            options.remove("observations");
            let options = Value::Object(options);
            if let Ok(read) = cchc_progress::data::read_csv(&text, &options) {
                let lines = text
                    .strip_prefix('\u{feff}')
                    .unwrap_or(&text)
                    .split('\n')
                    .skip(1)
                    .filter(|l| !l.trim_end_matches('\r').is_empty())
                    .count();
                // Lines ended by a lone `\r` are one line to the CSV reader too: compare only
                // texts without one.
                if !text.replace("\r\n", "").contains('\r') {
                    assert_eq!(read.input.observations.len(), lines, "one observation per line");
                }
            }
            if let Ok(report) = embedded.evaluate_csv(&text, &options) {
                serde_json::to_string(&report).expect("a report always serializes");
            }
        }
        3 => {
            if let Ok(value) = serde_json::from_str::<Value>(&text) {
                check(embedded, &value);
                let by_value = embedded.evaluate(&value).map(|r| serde_json::to_string(&r).ok());
                let by_text = embedded.evaluate_json(&text).map(|r| serde_json::to_string(&r).ok());
                assert_eq!(by_value, by_text, "the JSON text and its value give the same answer");
            }
        }
        _ => {
            let (pack, input) = text.split_once('\0').unwrap_or((&text, ""));
            if let (Ok(engine), Ok(value)) = (Engine::from_json(pack), serde_json::from_str::<Value>(input)) {
                check(&engine, &value);
            }
        }
    }
});
