//! The plan as data: the embedded Cần Thơ plan, the ramp in its three readings, and the
//! validation of rule packs. Native only: insta reads and writes files.
#![cfg(not(target_arch = "wasm32"))]

use cchc_progress::plan::{Level, RampReading};
use cchc_progress::Engine;

mod view;

#[test]
fn embedded_plan_is_valid_and_normalized() {
    let engine = Engine::embedded().expect("the embedded plan must validate");
    insta::assert_snapshot!("embedded_plan", view::plan(engine.plan()));
}

#[test]
fn ramp_table_all_levels_2021_2026_all_readings() {
    let engine = Engine::embedded().unwrap();
    // One line per level, year and reading, then the sentence in both languages.
    let mut table = String::new();
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
                let key = format!("{} {} {year}", reading.code(), level.code());
                let line = match engine.ramp_floor(None, level, year, Some(reading), prev) {
                    Ok(f) => {
                        let v = serde_json::to_value(&f).unwrap();
                        format!(
                            "{key}: floor {} · basis {} · capped {} · extrapolated {}{}\n  vi: {}\n  en: {}",
                            v["floor"],
                            v["basis"].as_str().unwrap(),
                            v["capped"],
                            v["extrapolated"],
                            prev.map(|p| format!(" · previous actual {p}")).unwrap_or_default(),
                            v["explanation"]["vi"].as_str().unwrap(),
                            v["explanation"]["en"].as_str().unwrap(),
                        )
                    }
                    Err(e) => format!("{key}: error {} at {}\n  en: {}", e.code, e.path, e.message.en),
                };
                table.push_str(&line);
                table.push('\n');
            }
        }
    }
    insta::assert_snapshot!("ramp_table", table);
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

/// The rows of `../shared/INDICATORS.md`'s target table, copied once into
/// `tests/fixtures/indicators_md_rows.md`. When the shared file is beside the checkout (as in
/// CI), the copy must still equal it.
#[test]
fn every_target_of_indicators_md_is_embedded_with_its_number() {
    let rows = std::fs::read_to_string("tests/fixtures/indicators_md_rows.md").unwrap();
    if let Ok(shared) = std::fs::read_to_string("../shared/INDICATORS.md") {
        for row in rows.lines() {
            assert!(
                shared.contains(row),
                "INDICATORS.md changed; row no longer there: {row}"
            );
        }
    }
    let engine = Engine::embedded().unwrap();
    let plan = engine.plan();
    let mut seen = 0;
    for row in rows.lines() {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let (id, clause, rule) = (cells[1], cells[2], cells[5]);
        let ind = plan
            .indicator(id)
            .unwrap_or_else(|| panic!("`{id}` is missing from the embedded plan"));
        assert_eq!(ind.clause, clause, "{id}: clause");
        let numbers: Vec<f64> = rule
            .split(|c: char| !c.is_ascii_digit() && c != '.')
            .filter_map(|s| s.trim_matches('.').parse().ok())
            .collect();
        use cchc_progress::plan::Measure;
        if rule.starts_with("rank") {
            assert_eq!(ind.measure, Measure::Rank, "{id}");
            assert_eq!(ind.target, numbers[0], "{id}: rank target");
        } else if rule.starts_with("milestone") {
            assert_eq!(ind.measure, Measure::Milestone, "{id}");
        } else if rule.starts_with("the digitization ramp") {
            assert_eq!(ind.ramp.as_deref(), Some("digitization"), "{id}");
            assert_eq!(ind.levels, Level::ALL.to_vec(), "{id}: levels");
        } else if rule.starts_with("per level") {
            // "per level: city ≥ 90 %, district ≥ 80 %, commune ≥ 60 %"
            for (level, want) in Level::ALL.iter().zip(&numbers) {
                assert_eq!(ind.target_for(*level), *want, "{id}: {level:?}");
            }
        } else if rule.starts_with("reduction") {
            assert_eq!(ind.measure, Measure::Reduction, "{id}");
            assert_eq!(ind.target, numbers[0], "{id}: reduction");
            assert_eq!(ind.baseline_year, Some(2021), "{id}: baseline");
        } else {
            assert_eq!(ind.measure, Measure::Percentage, "{id}");
            assert_eq!(ind.target, numbers[0], "{id}: target");
            if rule.contains("(level city)") {
                assert_eq!(ind.levels, vec![Level::City], "{id}");
            }
            if rule.contains("(level district)") {
                assert_eq!(ind.levels, vec![Level::District], "{id}");
            }
            if rule.contains("nested") {
                assert!(ind.parent.is_some(), "{id}: nested targets name their parent");
            }
        }
        seen += 1;
    }
    assert_eq!(seen, 34);
    assert_eq!(
        plan.indicators.len(),
        34,
        "the embedded plan has exactly the decision's 34 targets"
    );
}

#[test]
fn a_second_plan_loads_and_is_not_tied_to_can_tho() {
    let json = std::fs::read_to_string("tests/fixtures/packs/sample_province.json").unwrap();
    let engine = Engine::from_json(&json).unwrap();
    assert!(engine.plan().plan.sample, "the sample pack is labelled as made up");
    insta::assert_snapshot!("sample_province_plan", view::plan(engine.plan()));
    let floor = engine.ramp_floor(None, Level::Commune, 2028, None, None).unwrap();
    assert_eq!(floor.floor, Some(70.0));
    let err = engine.ramp_floor(None, Level::City, 2031, None, None).unwrap_err();
    assert_eq!(
        err.code, "RAMP_YEAR_OUTSIDE_PLAN",
        "this pack's ramp stops at its last year"
    );
    let err = engine.ramp_floor(None, Level::District, 2027, None, None).unwrap_err();
    assert_eq!(err.code, "RAMP_LEVEL_NOT_COVERED");
}

/// One invalid pack per validation error class; the snapshot lists every error it gets.
#[test]
fn invalid_rule_packs_get_structured_errors() {
    insta::glob!("fixtures/packs/invalid/*.json", |path| {
        let json = std::fs::read_to_string(path).unwrap();
        let errors = Engine::from_json(&json).expect_err("an invalid pack must be refused");
        insta::assert_json_snapshot!(errors);
    });
}

#[test]
fn every_defect_is_reported_not_only_the_first() {
    let json = std::fs::read_to_string("tests/fixtures/packs/invalid/every_defect_at_once.json").unwrap();
    let errors = Engine::from_json(&json).unwrap_err();
    let mut codes = errors.codes();
    codes.sort();
    codes.dedup();
    assert!(codes.len() >= 7, "{codes:?}");
}
