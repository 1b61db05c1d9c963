//! The reader of the national portal's 766 answers (`Engine::evaluate_portal766_json`). The
//! input is JSON text of `{ asOf, unitMap?, units?, answers: [{ endpoint, period, answer }] }`;
//! the seeds are the native fixtures (`tests/fixtures/portal766/`), so the fuzzer starts from
//! both families, pages, the awkward cases and the refused answers.
//!
//! Besides not panicking: every report serializes, evaluating twice gives the same bytes, the
//! text and the value it parses to give the same answer, and every number of the side table
//! is finite.
#![no_main]

use std::sync::OnceLock;

use cchc_progress::Engine;
use libfuzzer_sys::fuzz_target;

fn embedded() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::embedded().expect("the embedded plan is valid"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let engine = embedded();
    let from_text = engine.evaluate_portal766_json(&text);
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) {
        let from_value = engine.evaluate_portal766(&value);
        match (&from_text, &from_value) {
            (Ok(a), Ok(b)) => {
                let a = serde_json::to_string(a).expect("a report always serializes");
                let b = serde_json::to_string(b).expect("a report always serializes");
                assert_eq!(a, b, "text and value give the same report");
            }
            (Err(a), Err(b)) => assert_eq!(a.codes(), b.codes(), "text and value give the same errors"),
            _ => panic!("text and value disagree on whether the input is accepted"),
        }
    }
    if let Ok(report) = from_text {
        let again = engine.evaluate_portal766_json(&text).expect("the same input is accepted twice");
        assert_eq!(
            serde_json::to_string(&report).expect("serializes"),
            serde_json::to_string(&again).expect("serializes"),
            "evaluating twice gives the same bytes"
        );
        for f in &report.portal766.figures {
            for n in [f.portal_score, f.portal_max_score, f.numerator, f.denominator, f.ratio].into_iter().flatten() {
                assert!(n.0.is_finite());
            }
        }
    }
});
