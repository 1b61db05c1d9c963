#!/usr/bin/env python3
"""Writes the seed corpus (seeds/inputs/) from the test fixtures: each file is the door byte
of fuzz_targets/inputs.rs followed by a fixture's text. Run from fuzz/."""
import json, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(__file__).resolve().parent / "seeds" / "inputs"
out.mkdir(parents=True, exist_ok=True)
fx = root / "tests" / "fixtures"

def put(name, door, text):
    (out / name).write_bytes(bytes([door]) + text.encode("utf-8"))

packs = [root / "src/plan/can_tho_2021_2025.json", fx / "packs/sample_province.json"]
packs += sorted((fx / "packs/invalid").glob("*.json"))
for p in packs:
    put(f"pack_{p.stem}", 0, p.read_text())
for p in sorted((fx / "eval").glob("*.json")) + sorted((fx / "eval/errors").glob("*.json")):
    put(f"json_{p.stem}", 1, p.read_text())
for p in sorted((fx / "eval/errors").glob("*.json")):
    put(f"value_{p.stem}", 3, p.read_text())
for p in sorted((fx / "eval/csv").glob("*.csv")):
    put(f"csv_{p.stem}", 2, p.read_text())
sample = (fx / "packs/sample_province.json").read_text()
one = (fx / "eval/status_met_internal_e_transfer.json").read_text()
put("pack_and_input_sample", 4, sample + "\0" + one)
# The catalogue's CSV and JSON texts (quotes never closed, numbers in both conventions,
# escaped surrogates, …), where they are plain text.
catalogue = json.loads((fx / "catalogue.json").read_text())
for i, e in enumerate(catalogue["entries"]):
    if e["target"] == "evaluate_csv" and isinstance(e.get("csv"), str):
        put(f"catalogue_csv_{i:03}", 2, e["csv"])
    if e["target"] == "evaluate_json" and isinstance(e.get("input"), str):
        put(f"catalogue_json_{i:03}", 1, e["input"])
        put(f"catalogue_value_{i:03}", 3, e["input"])

# The sheet target (fuzz_targets/sheets.rs): a mapping, a 0 byte, then the grid as JSON text
# or the CSV text, from tests/fixtures/sheets/.
sheets = pathlib.Path(__file__).resolve().parent / "seeds" / "sheets"
sheets.mkdir(parents=True, exist_ok=True)
for p in sorted((fx / "sheets").glob("*.json")) + sorted((fx / "sheets/errors").glob("*.json")):
    f = json.loads(p.read_text())
    grid = f["csv"] if "csv" in f else json.dumps(f["grid"], ensure_ascii=False)
    (sheets / p.stem).write_bytes(json.dumps(f["mapping"], ensure_ascii=False).encode("utf-8") + b"\0" + grid.encode("utf-8"))
