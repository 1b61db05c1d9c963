//! Every evaluation fixture, run through the JS API inside wasm (Node and browsers), must give
//! byte for byte the JSON of the native run: the same length and digest as the native row of
//! `evaluate__full_report_digests.snap`. `tests/evaluate.rs` checks that this list names every
//! file of `tests/fixtures/eval/`.

use cchc_progress::wasm::JsEngine;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

#[path = "../view/mod.rs"]
mod view;

macro_rules! scenario {
    ($name:literal) => {
        ($name, include_str!(concat!("../fixtures/eval/", $name, ".json")))
    };
}

const DIGESTS: &str = include_str!("../snapshots/evaluate__full_report_digests.snap");

pub const SCENARIOS: &[(&str, &str)] = &[
    scenario!("can_tho_sample"),
    scenario!("deadline_no_2025_figure_not_reported"),
    scenario!("deadline_year_figure_decides"),
    scenario!("discontinued_districts_after_june_2025"),
    scenario!("display_never_contradicts_the_floor"),
    scenario!("findings_duplicates"),
    scenario!("findings_stale_and_after_as_of"),
    scenario!("findings_unknowns_and_validity"),
    scenario!("findings_value_checks"),
    scenario!("level_summary_7_of_9_districts"),
    scenario!("level_summary_districts_ended_at_different_times"),
    scenario!("level_summary_city_departments_counted_once"),
    scenario!("lineage_commune_history_from_predecessors"),
    scenario!("merged_city_final_review"),
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
    scenario!("rank_out_of_changing_field"),
    scenario!("reduction_public_units_with_baseline"),
    scenario!("reduction_without_baseline"),
    scenario!("reused_code_one_id_two_units"),
    scenario!("rollup_across_commune_merger_2024"),
    scenario!("rollup_commune_outlives_its_district"),
    scenario!("rollup_not_possible_percentages_only"),
    scenario!("semicolon_decimal_comma_vi_export"),
    scenario!("series_break_merged_city"),
    scenario!("status_deteriorating_health_satisfaction"),
    scenario!("status_insufficient_data_single_year"),
    scenario!("status_limited_progress_org_satisfaction"),
    scenario!("status_met_internal_e_transfer"),
    scenario!("status_missed_after_deadline"),
    scenario!("status_needs_acceleration_satisfaction"),
    scenario!("status_no_data_nothing_reported"),
    scenario!("status_on_track_online_dossiers"),
    scenario!("units_dated_validity_hierarchy_at_period_end"),
];

/// The native run's `length digest` of a scenario's pretty JSON.
fn native_digest(name: &str) -> String {
    let body = DIGESTS.splitn(3, "---\n").nth(2).unwrap();
    let row = body
        .lines()
        .find(|l| l.split(' ').next() == Some(name))
        .unwrap_or_else(|| panic!("no digest for `{name}`: run the native tests"));
    row.split_once(' ').unwrap().1.to_string()
}

fn digest(json: &str) -> String {
    format!("{} {:016x}", json.len(), view::fnv1a(json))
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
    let core = cchc_progress::Engine::embedded().unwrap();
    for (name, input) in SCENARIOS {
        let want = native_digest(name);
        // The same core inside wasm, serialized by serde_json: where the JS output differs from
        // it, the assertion shows the text; where both differ from the native digest, the
        // arithmetic differs between the native and the wasm build.
        let inside = serde_json::to_string_pretty(&core.evaluate_json(input).unwrap()).unwrap();
        let object = js_sys::JSON::parse(input).unwrap();
        let got = pretty(&engine.evaluate(object).unwrap());
        assert_eq!(got, inside, "evaluate({name}) differs from the report inside wasm");
        let got = pretty(&engine.evaluate_json(JsValue::from_str(input)).unwrap());
        assert_eq!(got, inside, "evaluateJson({name}) differs from the report inside wasm");
        assert_eq!(
            digest(&got),
            want,
            "{name}: the wasm report differs from the native one"
        );
    }
}
