//! The plans after 2025: rule-pack format 2 (departments, phases with their own deadlines,
//! sub-targets, ranks out of 34, cited documents and press summaries) and the second embedded
//! pack, `can-tho-2026-2030` (Decision 282/QĐ-TTg as reported in the press, and item 2.1.a of
//! Cần Thơ's Plan 219/KH-UBND). Each scenario of `tests/fixtures/plans_2026/` is evaluated
//! against that pack, snapshotted (`plans_2026__report@<file>.snap`) and checked against the
//! partial expectations of `tests/fixtures/plans_2026/expectations.json` (the format of
//! `tests/fixtures/expectations.json`). Native only: insta reads and writes files.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fs;
use std::path::Path;

use cchc_progress::Engine;
use serde_json::{json, Value};

mod view;

#[path = "common/expect.rs"]
mod expect;
use expect::check;

const PACK: &str = "can-tho-2026-2030";

fn engine() -> Engine {
    Engine::embedded_plan(PACK).expect("the 2026–2030 pack must validate")
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// The quotes of `PLANS_2026.md` that state a target whole (value, what is measured, period),
/// exactly as they are written there: the only sentences the pack may embed.
const WHOLE_QUOTES: &[&str] = &[
    "100% thủ tục hành chính có đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình trên cổng Dịch vụ công quốc gia.",
    "100% bộ, ngành, địa phương đạt cấp độ 3 mức độ trưởng thành về quản trị dữ liệu.",
    "100% các nền tảng số quốc gia, nền tảng số dùng chung của ngành, lĩnh vực phục vụ Chính phủ số được hoàn thành và đưa vào sử dụng thống nhất từ trung ương đến địa phương theo đúng kế hoạch.",
    "Hoàn thành việc sắp xếp các đơn vị sự nghiệp, trường học, cơ sở y tế, doanh nghiệp nhà nước.",
    "mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính của người dân, doanh nghiệp đạt tối thiểu 95%, trong đó, mức độ hài lòng về giải quyết các thủ tục hành chính lĩnh vực đất đai, xây dựng, đầu tư đạt tối thiểu 90%",
    "100% dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện;",
    "100% thông tin, giấy tờ, tài liệu trong các thủ tục hành chính liên quan đến hoạt động sản xuất, kinh doanh chỉ cung cấp một lần cho cơ quan hành chính nhà nước;",
];

/// The quote of Plan 219/KH-UBND whose sentence is cut in the copy: listed, never embedded.
const CUT_QUOTE: &str = "95% người dân, doanh nghiệp đánh giá hài lòng khi sử dụng dịch v…";

#[test]
fn the_pack_loads_by_name_and_the_default_plan_too() {
    let engine = engine();
    let plan = engine.plan();
    assert_eq!(plan.format_version, 2);
    assert_eq!(plan.plan.id, PACK);
    insta::assert_snapshot!("can_tho_2026_2030_plan", view::plan(plan));
    // The 2021–2025 plan by either of its names is the default engine's plan.
    let default = Engine::embedded().unwrap();
    for name in ["can-tho-2021-2025", "vn-cantho-cchc-2021-2025"] {
        assert_eq!(Engine::embedded_plan(name).unwrap().plan(), default.plan(), "{name}");
    }
    let err = Engine::embedded_plan("can-tho-2031").unwrap_err();
    assert_eq!(err.codes(), vec!["UNKNOWN_PLAN"]);
    let e = err.first().unwrap();
    assert!(e.message.vi.contains("`can-tho-2026-2030`"), "{}", e.message.vi);
    assert!(e.message.en.contains("`can-tho-2021-2025`"), "{}", e.message.en);
}

#[test]
fn every_target_quotes_a_whole_sentence_and_cites_its_document() {
    let plan = engine().plan().clone();
    assert_eq!(
        plan.indicators.len(),
        8,
        "five targets of 282 (one with its sub-target), two of 219"
    );
    for ind in &plan.indicators {
        let source = ind.source.as_ref().unwrap_or_else(|| panic!("{}: no source", ind.id));
        assert!(
            WHOLE_QUOTES.contains(&source.quoted.as_str()),
            "{}: {}",
            ind.id,
            source.quoted
        );
        assert_ne!(source.quoted, CUT_QUOTE);
        let kind = serde_json::to_value(source.kind).unwrap();
        match source.document.as_str() {
            "qd-282" => {
                assert_eq!(kind, "press_summary", "{}", ind.id);
                assert!(ind.id.starts_with("qd282."), "{}", ind.id);
            }
            "kh-219" => {
                assert_eq!(kind, "document_text", "{}", ind.id);
                assert!(ind.id.starts_with("kh219."), "{}", ind.id);
                assert_eq!(ind.phase.as_deref(), Some("2026-2027"), "{}", ind.id);
            }
            other => panic!("{}: document {other}", ind.id),
        }
    }
    // Every whole quote is embedded (the satisfaction sentence twice: target and sub-target).
    for q in WHOLE_QUOTES {
        assert!(
            plan.indicators
                .iter()
                .any(|i| i.source.as_ref().is_some_and(|s| s.quoted == *q)),
            "not embedded: {q}"
        );
    }
    // The cut quote is listed in the note of Plan 219's document.
    let kh219 = plan.documents.iter().find(|d| d.id == "kh-219").unwrap();
    let note = kh219.note.as_ref().unwrap();
    assert!(note.vi.contains(CUT_QUOTE) && note.en.contains(CUT_QUOTE));
    // Deadlines are the ends of the phases.
    for ind in &plan.indicators {
        let phase = plan.phase(ind.phase.as_deref().unwrap()).unwrap();
        assert_eq!(ind.deadline, phase.to, "{}", ind.id);
    }
}

// ---- format 2 ------------------------------------------------------------------------------

/// A small format-2 pack: one phase, one document, a percentage with a sub-target, a rank.
fn pack() -> Value {
    json!({
        "formatVersion": 2,
        "plan": {
            "id": "test-2026",
            "version": "0.1.0",
            "issuer": {"vi": "Ủy ban nhân dân tỉnh A", "en": "People's Committee of A"},
            "title": {"vi": "Kế hoạch thử", "en": "Test plan"},
            "period": {"from": 2026, "to": 2030},
            "sample": true
        },
        "documents": [
            {"id": "kh-1", "name": {"vi": "Kế hoạch 1/KH-UBND", "en": "Plan 1/KH-UBND"}, "date": "2026-01-05"}
        ],
        "phases": [
            {"id": "2026-2027", "from": 2026, "to": 2027},
            {"id": "2028-2030", "from": 2028, "to": 2030}
        ],
        "areas": [{"id": "a", "title": {"vi": "Lĩnh vực", "en": "Area"}}],
        "indicators": [
            {
                "id": "sat", "area": "a", "title": {"vi": "Hài lòng", "en": "Satisfaction"},
                "measure": "percentage", "direction": "higher_is_better", "comparator": "gte",
                "target": 95, "levels": ["city", "department", "commune"], "aggregation": "level",
                "phase": "2028-2030",
                "source": {"document": "kh-1", "part": {"vi": "mục 1", "en": "item 1"}, "kind": "document_text", "quoted": "hài lòng đạt 95%"}
            },
            {
                "id": "sat.land", "area": "a", "title": {"vi": "Hài lòng, đất đai", "en": "Satisfaction, land"},
                "measure": "percentage", "direction": "higher_is_better", "comparator": "gte",
                "target": 90, "levels": ["city"], "aggregation": "none",
                "phase": "2028-2030", "parent": "sat",
                "scope": {"vi": "lĩnh vực đất đai", "en": "land"},
                "source": {"document": "kh-1", "kind": "press_summary", "quoted": "đất đai đạt 90%"}
            },
            {
                "id": "par", "area": "a", "clause": "1.b", "title": {"vi": "Chỉ số PAR INDEX", "en": "PAR INDEX"},
                "measure": "rank", "direction": "lower_is_better", "comparator": "lte",
                "target": 10, "levels": ["city"], "aggregation": "none", "deadline": 2027
            }
        ]
    })
}

fn load(v: &Value) -> Result<Engine, cchc_progress::error::Errors> {
    Engine::from_json(&v.to_string())
}

/// The one error of a pack: its code and path, and both messages.
fn only_error(v: &Value) -> (String, String, String, String) {
    let errors = load(v).expect_err("the pack must be refused");
    assert_eq!(errors.0.len(), 1, "{errors:?}");
    let e = errors.first().unwrap();
    (
        e.code.to_string(),
        e.path.clone(),
        e.message.vi.clone(),
        e.message.en.clone(),
    )
}

fn with(mut v: Value, pointer: &str, x: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match v.pointer_mut(parent).unwrap() {
        Value::Object(map) => {
            if x.is_null() {
                map.remove(key);
            } else {
                map.insert(key.to_string(), x);
            }
        }
        Value::Array(items) => items[key.parse::<usize>().unwrap()] = x,
        _ => panic!("{pointer}"),
    }
    v
}

#[test]
fn a_format_2_pack_reads_with_its_defaults() {
    let engine = load(&pack()).unwrap();
    let plan = engine.plan();
    let sat = plan.indicator("sat").unwrap();
    assert_eq!(sat.deadline, 2030, "the deadline is the end of the phase");
    assert_eq!(sat.clause, "", "a target with a source needs no clause");
    assert_eq!(
        plan.indicator("par").unwrap().rank_out_of,
        Some(34),
        "ranks are out of 34 from format 2"
    );
    assert_eq!(plan.phase("2026-2027").unwrap().title.vi, "Giai đoạn 2026–2027");
    assert_eq!(plan.indicator("sat.land").unwrap().scope.as_ref().unwrap().en, "land");
}

#[test]
fn a_newer_format_is_a_clear_error() {
    let (code, path, vi, en) = only_error(&with(pack(), "/formatVersion", json!(3)));
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("RULE_PACK_UNSUPPORTED_FORMAT", "$.formatVersion")
    );
    assert!(vi.contains("mới hơn") && vi.contains("cập nhật cchc-progress"), "{vi}");
    assert!(en.contains("newer than this library reads (1–2)"), "{en}");
    assert!(en.contains("field “Format version”"), "{en}");
}

#[test]
fn format_2_fields_in_a_format_1_pack_are_errors() {
    let v1 = serde_json::from_str::<Value>(cchc_progress::plan::EMBEDDED_PLAN_JSON).unwrap();
    let phases = with(v1.clone(), "/phases", json!([{"id": "p", "from": 2021, "to": 2022}]));
    let (code, path, vi, _) = only_error(&phases);
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("RULE_PACK_UNSUPPORTED_FORMAT", "$.phases")
    );
    assert!(vi.contains("`formatVersion` là 2"), "{vi}");
    let department = with(v1.clone(), "/indicators/0/levels", json!(["city", "department"]));
    let (code, path, vi, en) = only_error(&department);
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("RULE_PACK_UNKNOWN_VALUE", "$.indicators[0].levels[1]")
    );
    assert!(
        !vi.contains("`department`,") && vi.contains("ô «Cấp áp dụng», mục thứ 2"),
        "{vi}"
    );
    assert!(en.contains("target 1, field “Levels”, entry 2"), "{en}");
    // Format 1 still needs its clauses and deadlines.
    let (code, path, ..) = only_error(&with(v1, "/indicators/0/clause", Value::Null));
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("RULE_PACK_MISSING_FIELD", "$.indicators[0].clause")
    );
}

#[test]
fn format_2_mistakes_name_the_field_as_a_form_shows_it() {
    let cases: Vec<(Value, &str, &str, &str)> = vec![
        (
            with(pack(), "/indicators/2/target", json!(40)),
            "RULE_PACK_RANK_OUT_OF_RANGE",
            "$.indicators[2].target",
            "từ 1 đến 34 (chỉ tiêu thứ 3, ô «Mục tiêu»)",
        ),
        (
            with(pack(), "/indicators/0/deadline", json!(2027)),
            "RULE_PACK_YEAR_OUTSIDE_PERIOD",
            "$.indicators[0].deadline",
            "giai đoạn `2028–2030` của chỉ tiêu (chỉ tiêu thứ 1, ô «Thời hạn»)",
        ),
        (
            with(pack(), "/indicators/0/phase", json!("2031-2035")),
            "RULE_PACK_UNKNOWN_REFERENCE",
            "$.indicators[0].phase",
            "(chỉ tiêu thứ 1, ô «Giai đoạn»)",
        ),
        (
            with(pack(), "/phases/1/from", json!(2027)),
            "RULE_PACK_BAD_PERIOD",
            "$.phases[1].from",
            "sau khi giai đoạn trước (`2026–2027`) kết thúc (giai đoạn thứ 2, ô «Từ năm»)",
        ),
        (
            with(pack(), "/indicators/0/source/document", json!("qd-9")),
            "RULE_PACK_UNKNOWN_REFERENCE",
            "$.indicators[0].source.document",
            "(chỉ tiêu thứ 1, ô «Nguồn › Văn bản»)",
        ),
        (
            with(pack(), "/indicators/0/source/kind", json!("newspaper")),
            "RULE_PACK_UNKNOWN_VALUE",
            "$.indicators[0].source.kind",
            "`document_text`, `press_summary` (chỉ tiêu thứ 1, ô «Nguồn › Loại nguồn»)",
        ),
        (
            with(pack(), "/indicators/0/source/quoted", json!(" ")),
            "RULE_PACK_MISSING_FIELD",
            "$.indicators[0].source.quoted",
            "(chỉ tiêu thứ 1, ô «Nguồn › Trích nguyên văn»)",
        ),
        (
            with(pack(), "/indicators/1/parent", Value::Null),
            "RULE_PACK_MISSING_FIELD",
            "$.indicators[1].parent",
            "cần chỉ tiêu cha `parent` (chỉ tiêu thứ 2, ô «Chỉ tiêu cha»)",
        ),
        (
            with(
                with(pack(), "/indicators/0/source", Value::Null),
                "/indicators/1/parent",
                Value::Null,
            ),
            "",
            "",
            "",
        ),
        (
            with(pack(), "/indicators/0/phase", Value::Null),
            "RULE_PACK_MISSING_FIELD",
            "$.indicators[0].deadline",
            "(chỉ tiêu thứ 1, ô «Thời hạn»)",
        ),
        (
            with(pack(), "/documents/0/date", json!("12/02/2026")),
            "RULE_PACK_BAD_DATE",
            "$.documents[0].date",
            "(văn bản thứ 1, ô «Ngày ban hành»)",
        ),
        (
            with(pack(), "/indicators/0/source/page", json!(3)),
            "RULE_PACK_UNKNOWN_FIELD",
            "$.indicators[0].source.page",
            "(chỉ tiêu thứ 1, ô «Nguồn»)",
        ),
        (
            with(pack(), "/phases/0/until", json!(2027)),
            "RULE_PACK_UNKNOWN_FIELD",
            "$.phases[0].until",
            "(giai đoạn thứ 1)",
        ),
        (
            with(pack(), "/plan/documents", json!([])),
            "RULE_PACK_UNKNOWN_FIELD",
            "$.plan.documents",
            "(ô «Kế hoạch»)",
        ),
    ];
    for (i, (v, code, path, vi_tail)) in cases.into_iter().enumerate() {
        if code.is_empty() {
            // Without a source and a clause, and a sub-target without its parent: both said.
            let errors = load(&v).unwrap_err();
            assert_eq!(
                errors.codes(),
                vec!["RULE_PACK_MISSING_FIELD", "RULE_PACK_MISSING_FIELD"],
                "case {i}"
            );
            continue;
        }
        let (got_code, got_path, vi, en) = only_error(&v);
        assert_eq!((got_code.as_str(), got_path.as_str()), (code, path), "case {i}: {vi}");
        assert!(vi.ends_with(vi_tail), "case {i}: {vi}");
        assert!(
            en.contains("(target ") || en.contains("(document ") || en.contains("(phase ") || en.contains("(field "),
            "case {i}: {en}"
        );
    }
}

#[test]
fn a_rank_beyond_34_is_a_finding_under_format_2() {
    let engine = load(&pack()).unwrap();
    let input = json!({
        "asOf": "2026-12-07",
        "units": [{"id": "a", "name": "Tỉnh A", "level": "city"}],
        "observations": [{"indicator": "par", "unit": "a", "period": "2025", "rank": 40}]
    });
    let report = serde_json::to_value(engine.evaluate(&input).unwrap()).unwrap();
    let f = &report["findings"][0];
    assert_eq!(f["code"], "rank_out_of_range", "{f}");
    assert!(f["message"]["en"].as_str().unwrap().contains("34"), "{f}");
}

#[test]
fn a_department_unit_stands_under_the_city_only() {
    let input = |parent: &str| {
        json!({
            "asOf": "2026-12-07",
            "units": [
                {"id": "ct", "name": "Thành phố", "level": "city"},
                {"id": "x", "name": "Xã", "level": "commune", "parent": "ct"},
                {"id": "s", "name": "Sở", "level": "department", "parent": parent}
            ],
            "observations": []
        })
    };
    let engine = engine();
    assert!(engine.evaluate(&input("ct")).is_ok());
    let err = engine.evaluate(&input("x")).unwrap_err();
    assert_eq!(err.codes(), vec!["INPUT_PARENT_LEVEL"]);
}

// ---- the 2026 samples ----------------------------------------------------------------------

fn scenarios() -> Vec<(String, std::path::PathBuf)> {
    let mut out: Vec<_> = fs::read_dir("tests/fixtures/plans_2026")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("json"))
        .filter(|p| p.file_stem().and_then(|s| s.to_str()) != Some("expectations"))
        .map(|p| (p.file_stem().unwrap().to_str().unwrap().to_string(), p))
        .collect();
    out.sort();
    out
}

/// Each 2026 scenario's report, as the readable view of `tests/view/`.
#[test]
fn report() {
    let engine = engine();
    for (name, path) in scenarios() {
        let report = engine
            .evaluate(&read_json(&path))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        insta::assert_snapshot!(format!("report@{name}"), view::report(&report));
    }
}

fn expectations() -> Value {
    read_json(Path::new("tests/fixtures/plans_2026/expectations.json"))
}

/// Every 2026 scenario names what it checks, and its report has it.
#[test]
fn every_scenario_shows_what_it_is_about() {
    let table = expectations();
    let engine = engine();
    let mut checked = 0;
    for (name, path) in scenarios() {
        let list = table["scenarios"][&name]
            .as_array()
            .unwrap_or_else(|| panic!("`{name}` has no expectations"));
        let report = serde_json::to_value(engine.evaluate(&read_json(&path)).unwrap()).unwrap();
        checked += check(&report, list).unwrap_or_else(|why| panic!("{name}: {why}"));
    }
    assert!(checked >= 20, "only {checked} expectations");
}

/// The expectations fail on a pack whose target was changed: the 95 % satisfaction target
/// read as 94 %, the 90 % sub-target as 95 %, a 2026–2027 target moved to 2028–2030, a press
/// summary taken for the document's text.
#[test]
fn the_expectations_fail_on_a_mutated_pack() {
    let table = expectations();
    let original: Value = serde_json::from_str(cchc_progress::plan::CAN_THO_2026_2030_JSON).unwrap();
    let at = |id: &str| {
        original["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .position(|i| i["id"] == id)
            .unwrap()
    };
    let mutations = [
        (format!("/indicators/{}/target", at("qd282.satisfaction")), json!(94)),
        (
            format!(
                "/indicators/{}/target",
                at("qd282.satisfaction.land_construction_investment")
            ),
            json!(95),
        ),
        (
            format!("/indicators/{}/phase", at("kh219.proc.once_only_business")),
            json!("2028-2030"),
        ),
        (
            format!("/indicators/{}/source/kind", at("qd282.proc.full_online")),
            json!("document_text"),
        ),
    ];
    for (pointer, value) in mutations {
        let engine = Engine::from_value(with(original.clone(), &pointer, value.clone())).unwrap();
        let failed = scenarios().iter().any(|(name, path)| {
            let report = serde_json::to_value(engine.evaluate(&read_json(path)).unwrap()).unwrap();
            check(&report, table["scenarios"][name].as_array().unwrap()).is_err()
        });
        assert!(failed, "no expectation noticed {pointer} = {value}");
    }
}

// ---- several plans at once -----------------------------------------------------------------

fn bytes(v: &impl serde::Serialize) -> String {
    serde_json::to_string(v).unwrap()
}

/// The 2025 final review and the 2026 targets from one input, read once: each plan's report
/// is byte for byte the report of an engine holding that plan alone, and the other plan's
/// indicators are not its `unknown_indicator` findings.
#[test]
fn one_input_against_both_embedded_plans() {
    let both = Engine::embedded_plans(&["can-tho-2021-2025", PACK]).unwrap();
    assert_eq!(both.plan_ids(), vec!["vn-cantho-cchc-2021-2025", PACK]);
    let old = read_json(Path::new("tests/fixtures/eval/merged_city_final_review.json"));
    let new = read_json(Path::new(
        "tests/fixtures/plans_2026/sample_2026_city_departments_communes.json",
    ));
    for (input, plan) in [(&old, "vn-cantho-cchc-2021-2025"), (&new, PACK)] {
        let single = Engine::embedded_plan(plan).unwrap().evaluate(input).unwrap();
        let all = both.evaluate_plans(input).unwrap();
        assert_eq!(all.plans, vec!["vn-cantho-cchc-2021-2025", PACK]);
        assert_eq!(bytes(&all.reports[plan]), bytes(&single), "{plan}");
        assert_eq!(
            bytes(&both.evaluate_plan(plan, input).unwrap()),
            bytes(&single),
            "{plan}"
        );
    }
    // One input holding both plans' figures (the 2025 review's and 2026's) and one unknown.
    let mut merged = old.clone();
    let extra = new["observations"].as_array().unwrap().clone();
    merged["observations"].as_array_mut().unwrap().extend(extra);
    merged["units"].as_array_mut().unwrap().extend(
        new["units"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u["level"] == "department")
            .cloned(),
    );
    merged["observations"]
        .as_array_mut()
        .unwrap()
        .push(json!({"indicator": "nowhere.x", "unit": "ct", "period": "2026", "value": 5}));
    merged["asOf"] = json!("2026-12-07");
    let all = serde_json::to_value(both.evaluate_plans(&merged).unwrap()).unwrap();
    for plan in ["vn-cantho-cchc-2021-2025", PACK] {
        let unknown: Vec<&Value> = all["reports"][plan]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "unknown_indicator")
            .collect();
        assert_eq!(unknown.len(), 1, "{plan}: {unknown:?}");
        assert_eq!(unknown[0]["indicator"], "nowhere.x");
    }
    let old_report = &all["reports"]["vn-cantho-cchc-2021-2025"];
    assert!(
        old_report["review"].is_object(),
        "the 2021–2025 plan is past its period: its final review"
    );
    assert!(all["reports"][PACK]["review"].is_null(), "the 2026–2030 plan is not");
}

#[test]
fn two_plans_with_one_indicator_id_stay_apart() {
    let a = cchc_progress::plan::rule_pack_from_value(pack()).unwrap();
    let mut other = pack();
    other["plan"]["id"] = json!("test-2026-b");
    other["indicators"][0]["target"] = json!(90);
    let b = cchc_progress::plan::rule_pack_from_value(other).unwrap();
    let engine = Engine::with_plans(vec![a.clone(), b]).unwrap();
    let input = json!({
        "asOf": "2026-12-07",
        "units": [{"id": "a", "name": "Tỉnh A", "level": "city"}],
        "observations": [{"indicator": "sat", "unit": "a", "period": "2026", "value": 92}]
    });
    let all = serde_json::to_value(engine.evaluate_plans(&input).unwrap()).unwrap();
    let row = |plan: &str| {
        all["reports"][plan]["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["indicator"] == "sat")
            .unwrap()
            .clone()
    };
    assert_eq!(row("test-2026")["target"], 95);
    assert_eq!(row("test-2026")["met"], false);
    assert_eq!(row("test-2026-b")["target"], 90);
    assert_eq!(row("test-2026-b")["met"], true);

    // The same plan twice is an error; so is a plan the engine does not hold.
    let err = Engine::with_plans(vec![a.clone(), a]).unwrap_err();
    assert_eq!(err.codes(), vec!["RULE_PACK_DUPLICATE_ID"]);
    assert_eq!(err.first().unwrap().path, "$[1].plan.id");
    let e = engine.plan_named("can-tho-2026-2030").unwrap_err();
    assert_eq!(e.code.to_string(), "UNKNOWN_PLAN");
    assert!(
        e.message.en.contains("the loaded plans are `test-2026`, `test-2026-b`"),
        "{}",
        e.message.en
    );
    assert_eq!(
        engine.evaluate_plan("x", &input).unwrap_err().codes(),
        vec!["UNKNOWN_PLAN"]
    );
    assert_eq!(Engine::with_plans(vec![]).unwrap_err().codes(), vec!["UNKNOWN_PLAN"]);
}

/// The plan an engine gives (`plan()`, with `source.documentName` filled in for readers) is a
/// pack the engine takes back as it is, evaluating every scenario to the same bytes: a page
/// that edits a plan (`www/author.html`) starts from it.
#[test]
fn the_plan_an_engine_gives_is_read_back_to_the_same_reports() {
    let engine = engine();
    let given = serde_json::to_value(engine.plan()).unwrap();
    assert!(
        given.pointer("/indicators/0/source/documentName").is_some(),
        "plan() names the document"
    );
    let again = Engine::from_value(given).unwrap_or_else(|e| panic!("plan() read back: {e}"));
    for (name, path) in scenarios() {
        let input = read_json(&path);
        let a = serde_json::to_string(&engine.evaluate(&input).unwrap()).unwrap();
        let b = serde_json::to_string(&again.evaluate(&input).unwrap()).unwrap();
        assert!(a == b, "{name}: the report of the plan read back differs");
    }
}
