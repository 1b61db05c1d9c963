//! The plan as data: the embedded Cần Thơ plan, the ramp in its three readings, and the
//! validation of rule packs. Native only: insta reads and writes files.
#![cfg(not(target_arch = "wasm32"))]

use cchc_progress::plan::{Level, RampReading};
use cchc_progress::Engine;

#[test]
fn embedded_plan_is_valid_and_normalized() {
    let engine = Engine::embedded().expect("the embedded plan must validate");
    insta::assert_json_snapshot!("embedded_plan", engine.plan());
}

#[test]
fn ramp_table_all_levels_2021_2026_all_readings() {
    let engine = Engine::embedded().unwrap();
    let mut rows = Vec::new();
    for reading in RampReading::ALL {
        for level in Level::ALL {
            for year in 2021..=2026 {
                // The increment reading is shown with a previous actual equal to the schedule
                // floor of the year before, so its arithmetic is visible in the table.
                let prev = if reading == RampReading::Increment {
                    engine
                        .ramp_floor(None, level, year - 1, Some(RampReading::Schedule), None)
                        .ok()
                        .and_then(|f| f.floor)
                } else {
                    None
                };
                let row = match engine.ramp_floor(None, level, year, Some(reading), prev) {
                    Ok(f) => serde_json::to_value(&f).unwrap(),
                    Err(e) => serde_json::json!({ "level": level, "year": year, "reading": reading, "error": e }),
                };
                rows.push(row);
            }
        }
    }
    insta::assert_json_snapshot!("ramp_table", rows);
}

#[test]
fn schedule_floors_match_the_decision() {
    let engine = Engine::embedded().unwrap();
    let expected = [
        (Level::City, [50.0, 70.0, 90.0, 100.0]),
        (Level::District, [40.0, 60.0, 80.0, 100.0]),
        (Level::Commune, [35.0, 55.0, 75.0, 95.0]),
    ];
    for (level, floors) in expected {
        for (i, want) in floors.iter().enumerate() {
            let year = 2022 + i as i32;
            let got = engine.ramp_floor(None, level, year, None, None).unwrap();
            assert_eq!(got.floor, Some(*want), "{level:?} {year}");
            assert_eq!(got.reading, RampReading::Schedule);
        }
    }
}

#[test]
fn year_before_the_plan_is_an_error() {
    let engine = Engine::embedded().unwrap();
    let err = engine.ramp_floor(None, Level::City, 2020, None, None).unwrap_err();
    assert_eq!(err.code, "RAMP_YEAR_OUTSIDE_PLAN");
    assert_eq!(err.path, "$.year");
}
