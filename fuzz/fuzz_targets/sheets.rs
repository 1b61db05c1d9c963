//! The sheet mapping (`src/data/sheet/`) over arbitrary cells and mappings. The input is a
//! mapping and a grid separated by a 0 byte (both lossily decoded): the mapping is JSON text;
//! the grid is JSON text when it parses as JSON, CSV text otherwise. A seed is a fixture of
//! `tests/fixtures/sheets/` split that way (`make_seeds.py`).
//!
//! Besides not panicking: a sheet read without an error has at least one observation, as
//! its cell on each observation, and evaluates (or is refused with errors) the same way
//! twice; every result serializes.
#![no_main]

use std::sync::OnceLock;

use cchc_progress::data::sheet::{read_sheet, read_sheet_csv};
use cchc_progress::Engine;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

fn embedded() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::embedded().expect("the embedded plan is valid"))
}

fn options() -> Value {
    json!({
        "asOf": "2026-12-07",
        "units": [
            {"id": "ct", "name": "Cần Thơ", "level": "city"},
            {"id": "nk", "name": "Ninh Kiều", "level": "commune", "parent": "ct"}
        ],
        "options": {"text": "none"}
    })
}

fuzz_target!(|data: &[u8]| {
    let (mapping, grid) = match data.iter().position(|b| *b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &b""[..]),
    };
    let Ok(mapping) = serde_json::from_str::<Value>(&String::from_utf8_lossy(mapping)) else {
        return;
    };
    let text = String::from_utf8_lossy(grid);
    let engine = embedded();
    let (read, evaluated) = match serde_json::from_str::<Value>(&text) {
        Ok(grid) => (read_sheet(&grid, &mapping), engine.evaluate_sheet(&grid, &mapping, &options())),
        Err(_) => (read_sheet_csv(&text, &mapping), engine.evaluate_sheet_csv(&text, &mapping, &options())),
    };
    if let Ok(read) = &read {
        assert!(!read.observations.is_empty(), "a sheet read without an error has observations");
        assert!(read.observations.iter().all(|o| !o.source.is_empty()), "each observation names its cell");
        assert_eq!(read.reading.observations, read.observations.len());
    }
    match evaluated {
        Ok(report) => {
            let read = read.expect("a sheet that evaluates was read");
            assert_eq!(report.sheet, read.reading);
            serde_json::to_string(&report).expect("a report always serializes");
        }
        Err(errors) => {
            assert!(!errors.0.is_empty());
            serde_json::to_string(&errors).expect("errors always serialize");
        }
    }
});
