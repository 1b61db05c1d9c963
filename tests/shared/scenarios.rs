//! Every evaluation fixture, run through the JS API inside wasm (Node and Chromium), must give
//! byte for byte the JSON of the native run, i.e. the body of its insta snapshot.
//! `tests/evaluate.rs` checks that this list names every file of `tests/fixtures/eval/`.

use cchc_progress::wasm::JsEngine;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

macro_rules! scenario {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../fixtures/eval/", $name, ".json")),
            include_str!(concat!("../snapshots/evaluate__report@", $name, ".json.snap")),
        )
    };
}

pub const SCENARIOS: &[(&str, &str, &str)] = &[
    scenario!("can_tho_sample"),
    scenario!("display_never_contradicts_the_floor"),
    scenario!("findings_duplicates"),
    scenario!("findings_stale_and_after_as_of"),
    scenario!("findings_unknowns_and_validity"),
    scenario!("findings_value_checks"),
    scenario!("level_summary_7_of_9_districts"),
    scenario!("locale_en_ramp_and_rank"),
    scenario!("milestones_done_share_and_not_done"),
    scenario!("nested_own_denominator_online_payment"),
    scenario!("nested_parent_numerator_national_portal"),
    scenario!("options_baseline_year_2022"),
    scenario!("options_text_none_numbers_only"),
    scenario!("periods_quarters_halves_and_months"),
    scenario!("ramp_commune_2024_below_floor"),
    scenario!("ramp_increment_reading"),
    scenario!("ramp_relative_reading"),
    scenario!("rank_lower_is_better_pci_papi"),
    scenario!("reduction_public_units_with_baseline"),
    scenario!("reduction_without_baseline"),
    scenario!("rollup_across_commune_merger_2024"),
    scenario!("rollup_not_possible_percentages_only"),
    scenario!("semicolon_decimal_comma_vi_export"),
    scenario!("status_deteriorating_health_satisfaction"),
    scenario!("status_insufficient_data_single_year"),
    scenario!("status_limited_progress_org_satisfaction"),
    scenario!("status_met_internal_e_transfer"),
    scenario!("status_missed_after_deadline"),
    scenario!("status_needs_acceleration_satisfaction"),
    scenario!("status_no_data_nothing_reported"),
    scenario!("status_on_track_online_dossiers"),
];

/// The snapshot's body: what follows insta's header.
fn native_json(snap: &str) -> &str {
    let body = snap.splitn(3, "---\n").nth(2).unwrap();
    body.trim_end()
}

fn pretty(v: &JsValue) -> String {
    js_sys::JSON::stringify_with_replacer_and_space(v, &JsValue::NULL, &JsValue::from_f64(2.0))
        .unwrap()
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
fn every_scenario_gives_the_native_bytes_through_evaluate_and_evaluate_json() {
    let engine = JsEngine::new().unwrap();
    for (name, input, snap) in SCENARIOS {
        let want = native_json(snap);
        let object = js_sys::JSON::parse(input).unwrap();
        let got = pretty(&engine.evaluate(object).unwrap());
        assert_eq!(got, want, "evaluate({name}) differs from the native report");
        let got = pretty(&engine.evaluate_json(JsValue::from_str(input)).unwrap());
        assert_eq!(got, want, "evaluateJson({name}) differs from the native report");
    }
}
