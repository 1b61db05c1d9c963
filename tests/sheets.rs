//! Portal exports read with a mapping (`src/data/sheet/`): each scenario of
//! `fixtures/sheets/` is a file holding a grid (cells as the `.xlsx` reader gives them) or CSV
//! text, a mapping and the rest of the input; its snapshot shows how the sheet was read (the
//! columns found, every skipped row and every guess, with its cell) and the observations made.
//! `fixtures/sheets/errors/` holds the sheets that are refused: their snapshot is the list of
//! errors, with code, cell and both languages.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use cchc_progress::Engine;
use serde_json::{json, Value};

fn read_json(path: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn units() -> Value {
    json!({
        "asOf": "2026-12-07",
        "units": [
            {"id": "ct", "name": "Thành phố Cần Thơ", "level": "city"},
            {"id": "nk", "name": "Phường Ninh Kiều", "level": "commune", "parent": "ct"},
            {"id": "ta", "name": "Phường Tân An", "level": "commune", "parent": "ct"},
            {"id": "ck", "name": "Phường Cái Khế", "level": "commune", "parent": "ct"}
        ]
    })
}

fn read(fixture: &Value) -> Result<cchc_progress::data::sheet::SheetInput, cchc_progress::error::Errors> {
    let mapping = &fixture["mapping"];
    match fixture.get("csv").and_then(Value::as_str) {
        Some(csv) => cchc_progress::data::sheet::read_sheet_csv(csv, mapping),
        None => cchc_progress::data::sheet::read_sheet(&fixture["grid"], mapping),
    }
}

#[test]
fn sheets() {
    let engine = Engine::embedded().unwrap_or_else(|e| panic!("{e}"));
    insta::glob!("fixtures/sheets/*.json", |path| {
        let fixture = read_json(path);
        let read = read(&fixture).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // The whole input goes through the engine too, and every observation is usable.
        let report = match fixture.get("csv").and_then(Value::as_str) {
            Some(csv) => engine.evaluate_sheet_csv(csv, &fixture["mapping"], &fixture["options"]),
            None => engine.evaluate_sheet(&fixture["grid"], &fixture["mapping"], &fixture["options"]),
        }
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(report.sheet, read.reading);
        let unusable: Vec<_> = report.report.findings.iter().filter(|f| f.unusable).collect();
        assert!(unusable.is_empty(), "{}: {unusable:?}", path.display());
        insta::assert_json_snapshot!(json!({
            "reading": read.reading,
            "observations": read.observations,
        }));
    });
}

#[test]
fn refused_sheets() {
    let engine = Engine::embedded().unwrap_or_else(|e| panic!("{e}"));
    insta::glob!("fixtures/sheets/errors/*.json", |path| {
        let fixture = read_json(path);
        let errors = engine
            .evaluate_sheet(&fixture["grid"], &fixture["mapping"], &units())
            .err()
            .unwrap_or_else(|| panic!("{} was accepted", path.display()));
        let list: Vec<Value> = errors
            .0
            .iter()
            .map(|e| json!({"code": e.code, "at": e.path, "vi": e.message.vi, "en": e.message.en}))
            .collect();
        insta::assert_json_snapshot!(list);
    });
}

/// A CSV and the grid of the same cells read alike (the CSV door and the xlsx door).
#[test]
fn a_csv_reads_as_its_grid() {
    let mapping = json!({
        "unit": {"column": "Tên đơn vị"},
        "period": {"column": "Kỳ báo cáo"},
        "indicators": [{"indicator": "proc.online_l34", "value": "Tỷ lệ (%)"}]
    });
    let csv = "Tên đơn vị;Kỳ báo cáo;Tỷ lệ (%)\nnk;Quý 3/2026;85,3\nta;Quý 3/2026;\"1.000,5\"\n";
    let grid = json!([
        ["Tên đơn vị", "Kỳ báo cáo", "Tỷ lệ (%)"],
        ["nk", "Quý 3/2026", "85,3"],
        ["ta", "Quý 3/2026", "1.000,5"]
    ]);
    let a = cchc_progress::data::sheet::read_sheet_csv(csv, &mapping).map(|r| r.observations);
    let b = cchc_progress::data::sheet::read_sheet(&grid, &mapping).map(|r| r.observations);
    assert_eq!(a, b);
    assert_eq!(a.map(|o| o.len()).ok(), Some(2));
}

/// Cells of every kind a portal's sheet holds, after a fixed heading row: the reader never
/// panics, a sheet it accepts has observations each naming its cell, and the engine either
/// evaluates it or refuses it with errors (the fuzz target `sheets` goes further).
mod random_sheets {
    use super::*;
    use proptest::prelude::*;

    fn cell() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            "[0-9]{1,4}([.,][0-9]{1,3})?( ?%)?".prop_map(Value::from),
            "[-–x ]{0,2}".prop_map(Value::from),
            prop::sample::select(vec![
                "nk",
                "ta",
                "Tổng cộng",
                "Cộng",
                "Ghi chú",
                "(1)",
                "Quý 3/2026",
                "Tháng 13/2026",
                "9 tháng đầu năm 2026",
                "2026"
            ])
            .prop_map(Value::from),
            (-1.0e6f64..1.0e6).prop_map(Value::from),
            (1.0f64..80_000.0).prop_map(|n| json!({"value": n.floor(), "format": "date"})),
            (0.0f64..1.0).prop_map(|n| json!({"value": n, "format": "percent", "formula": "A1/B1"})),
            any::<bool>().prop_map(Value::from),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_cells(rows in prop::collection::vec(prop::collection::vec(cell(), 0..5), 0..12), merge in prop::option::of((0usize..12, 0usize..4))) {
            let mut grid = vec![json!(["Tên đơn vị", "Kỳ báo cáo", "Tiếp nhận", "Đúng hạn", "Tỷ lệ (%)"])];
            grid.extend(rows.into_iter().map(Value::from));
            let merges: Vec<String> = merge.map(|(r, c)| format!("{}{}:{}{}", (b'A' + c as u8) as char, r + 1, (b'A' + c as u8) as char, r + 2)).into_iter().collect();
            let grid = json!({"name": "Biểu 01", "rows": grid, "merges": merges});
            let mapping = json!({
                "unit": {"column": "Tên đơn vị"},
                "period": {"column": "Kỳ báo cáo", "date": "quarter"},
                "totals": {"unit": "ct"},
                "indicators": [
                    {"indicator": "proc.online_dossiers", "numerator": "Đúng hạn", "denominator": "Tiếp nhận"},
                    {"indicator": "proc.no_resubmission", "value": "Tỷ lệ (%)"}
                ]
            });
            let read = cchc_progress::data::sheet::read_sheet(&grid, &mapping);
            if let Ok(read) = &read {
                prop_assert!(!read.observations.is_empty());
                prop_assert!(read.observations.iter().all(|o| !o.source.is_empty()));
            }
            let engine = Engine::embedded().unwrap();
            match engine.evaluate_sheet(&grid, &mapping, &units()) {
                Ok(r) => prop_assert_eq!(Some(&r.sheet), read.as_ref().ok().map(|r| &r.reading)),
                Err(e) => prop_assert!(!e.0.is_empty()),
            }
        }
    }
}
