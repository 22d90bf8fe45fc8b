"""``mmtracker evaluate RECORD.json``: the assessment as JSON on standard output.

Exit codes (ARCHITECTURE.md, Commands): 0 success; 2 bad input — a refused record
(every problem with its JSON path), a bad --as-of, a refused or unreadable policy
file. The end-to-end test evaluates every record exported from a 200-patient demo
database, in both languages.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from mmtracker.cli import main
from mmtracker.logic.items import ITEM_ORDER

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "record-example.json"
AS_OF = "2026-03-01"


def evaluate(capsysbinary: pytest.CaptureFixture[bytes], *args: str) -> tuple[int, bytes, str]:
    """Run the command in this process: exit code, standard output, standard error."""
    code = main(["evaluate", *args])
    captured = capsysbinary.readouterr()
    return code, captured.out, captured.err.decode("utf-8")


def document(out: bytes) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(out.decode("utf-8"))
    return loaded


def test_prints_the_assessment_with_every_item(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, err = evaluate(capsysbinary, str(EXAMPLE), "--as-of", AS_OF)
    assert (code, err) == (0, "")
    found = document(out)
    assert [item["id"] for item in found["items"]] == list(ITEM_ORDER)
    assert (found["as_of"], found["units"], found["lang"]) == (AS_OF, "si", "en")
    assert found["patient"]["mrn"] == "EX-000123"


def test_output_is_deterministic_utf8_indented_json(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    args = (str(EXAMPLE), "--as-of", AS_OF, "--units", "conventional", "--lang", "zh_CN")
    _, first, _ = evaluate(capsysbinary, *args)
    _, second, _ = evaluate(capsysbinary, *args)
    assert first == second
    assert "§".encode() in first  # not escaped as \u00a7
    assert b"\\u00a7" not in first
    assert first.startswith(b'{\n  "format_version": 2,\n  "as_of"')
    assert first.endswith(b"}\n")


# NDMM 2025-02-17 with β2M 6.0 mg/L and LDH 300 U/L (ULN 214) before it, β2M 2.0 on
# treatment in September, calcium 2.9 mmol/L on 2026-02-20.
STAGED_RECORD: dict[str, Any] = {
    "format_version": 1,
    "patient": {"mrn": "ST-1", "name": "Staged", "sex": "F", "date_of_birth": "1960-01-01"},
    "phase_changes": [
        {"id": "7b0c6c1e-0001-4000-8000-000000000001", "date": "2025-02-17", "phase": "NDMM"}
    ],
    "lab_results": [
        {
            "id": "7b0c6c1e-0002-4000-8000-000000000002",
            "date": "2025-02-11",
            "analyte": "beta2_microglobulin",
            "value": 6.0,
            "unit": "mg/L",
        },
        {
            "id": "7b0c6c1e-0003-4000-8000-000000000003",
            "date": "2025-02-11",
            "analyte": "ldh",
            "value": 300.0,
            "unit": "U/L",
            "ref_high": 214.0,
        },
        {
            "id": "7b0c6c1e-0004-4000-8000-000000000004",
            "date": "2025-09-01",
            "analyte": "beta2_microglobulin",
            "value": 2.0,
            "unit": "mg/L",
        },
        {
            "id": "7b0c6c1e-0005-4000-8000-000000000005",
            "date": "2026-02-20",
            "analyte": "calcium",
            "value": 2.9,
            "unit": "mmol/L",
            "calcium_kind": "total",
        },
    ],
}


def test_stage_at_diagnosis_and_mayo_figures_in_the_document(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    """D29: ISS III from the β2M at diagnosis, not the later 2.0; D31: Mayo additive ≥2
    points (β2M ≥5.5, LDH > ULN) with median PFS 28.6 months and OS 4.5 years (§3e)."""
    record = tmp_path / "staged.json"
    record.write_text(json.dumps(STAGED_RECORD), encoding="utf-8")
    code, out, err = evaluate(capsysbinary, str(record), "--as-of", AS_OF)
    assert (code, err) == (0, "")
    staging = document(out)["staging"]
    assert staging["diagnosis"] == "2025-02-17"
    assert staging["iss"]["stage"] == 3
    mayo = staging["mayo_additive"]
    assert (mayo["group"], mayo["median_pfs_months"], mayo["median_os_years"]) == (2, 28.6, 4.5)
    assert mayo["source"] == "Abdallah 2022, Blood Cancer J 12:21"
    assert mayo["message"]["id"] == "staging.mayo_additive.group_2"


def test_an_alert_has_its_since_date_and_no_due_date(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    """D45: the hypercalcaemia alert began with the calcium of 2026-02-20; no due date."""
    record = tmp_path / "staged.json"
    record.write_text(json.dumps(STAGED_RECORD), encoding="utf-8")
    _, out, _ = evaluate(capsysbinary, str(record), "--as-of", AS_OF)
    items = {item["id"]: item for item in document(out)["items"]}
    alert = items["alert.hypercalcaemia"]
    assert (alert["status"], alert["severity"]) == ("alert", "urgent")
    assert (alert["since"], alert["due"]) == ("2026-02-20", None)
    closed = items["workup.staging"]  # D42: NDMM 2025-02-17 + 12 months has passed
    assert (closed["status"], closed["since"]) == ("not_applicable", None)
    assert closed["message"]["id"] == "workup.staging.not_done_at_diagnosis"


def test_units_change_quantities_but_not_statuses(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    _, si, _ = evaluate(capsysbinary, str(EXAMPLE), "--as-of", AS_OF)
    _, conventional, _ = evaluate(
        capsysbinary, str(EXAMPLE), "--as-of", AS_OF, "--units", "conventional"
    )
    si_doc, conv_doc = document(si), document(conventional)
    assert conv_doc["units"] == "conventional"
    assert [(i["status"], i["due"]) for i in si_doc["items"]] == [
        (i["status"], i["due"]) for i in conv_doc["items"]
    ]
    assert si_doc["renal"]["current"]["creatinine"]["unit"] == "umol/L"
    assert conv_doc["renal"]["current"]["creatinine"]["unit"] == "mg/dL"


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["evaluate", str(EXAMPLE), "--as-of", AS_OF, "--lang", "zh_CN"], id="after"),
        pytest.param(["--lang", "zh_CN", "evaluate", str(EXAMPLE), "--as-of", AS_OF], id="before"),
    ],
)
def test_language_option_before_or_after_the_command(
    argv: list[str], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(argv) == 0
    assert document(capsysbinary.readouterr().out)["lang"] == "zh_CN"


def test_as_of_defaults_to_today(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, _ = evaluate(capsysbinary, str(EXAMPLE))
    assert code == 0
    assert document(out)["as_of"] == dt.date.today().isoformat()


def test_a_bad_as_of_is_a_usage_error(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["evaluate", str(EXAMPLE), "--as-of", "2026-02-30"])
    assert exited.value.code == 2
    assert "expected a date YYYY-MM-DD" in capsysbinary.readouterr().err.decode()


def test_a_bad_record_gives_every_problem_with_its_path(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    record = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    record["lab_results"][0]["unit"] = "mg/dl"
    record["weights"][0]["weight_kg"] = 640
    record["visits"][0]["colour"] = "blue"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(record), encoding="utf-8")
    code, out, err = evaluate(capsysbinary, str(bad), "--as-of", AS_OF)
    assert (code, out) == (2, b"")
    lines = err.splitlines()
    for path in ("lab_results[0].unit", "weights[0].weight_kg", "visits[0].colour"):
        assert any(line.startswith(f"error: {bad}: {path}: ") for line in lines), (path, err)


def test_a_file_that_is_not_json_is_refused(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": 1,', encoding="utf-8")
    code, out, err = evaluate(capsysbinary, str(bad))
    assert (code, out) == (2, b"")
    assert "is not valid JSON" in err


@pytest.mark.parametrize(
    ("toml", "words"),
    [
        pytest.param(
            '"dental.interval_months" = 3\n',
            "dental.interval_months: 3 is outside the accepted range 6–12",
            id="out of range",
        ),
        pytest.param('"dental.every" = 6\n', "dental.every: unknown policy key", id="unknown key"),
        pytest.param('"mrd.min_response" = "PR"\n', "mrd.min_response: 'PR'", id="bad choice"),
        pytest.param("lead_days = \n", "not a valid TOML file", id="not TOML"),
    ],
)
def test_a_refused_policy_file_names_the_key(
    toml: str, words: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    clinic = tmp_path / "clinic.toml"
    clinic.write_text(toml, encoding="utf-8")
    code, out, err = evaluate(capsysbinary, str(EXAMPLE), "--policy", str(clinic))
    assert (code, out) == (2, b"")
    assert err.startswith("error: policy: ")
    assert words in err


def test_a_missing_policy_file_is_bad_input(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code, out, err = evaluate(capsysbinary, str(EXAMPLE), "--policy", str(tmp_path / "none.toml"))
    assert (code, out) == (2, b"")
    assert "cannot be read" in err


def test_a_clinic_policy_is_used_and_recorded(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    clinic = tmp_path / "clinic.toml"
    clinic.write_text('lead_days = 30\n"dental.interval_months" = 12\n', encoding="utf-8")
    _, shipped, _ = evaluate(capsysbinary, str(EXAMPLE), "--as-of", AS_OF)
    code, own, _ = evaluate(capsysbinary, str(EXAMPLE), "--as-of", AS_OF, "--policy", str(clinic))
    assert code == 0
    values = document(own)["policy"]["values"]
    assert (values["lead_days"], values["dental.interval_months"]) == (30, 12)
    assert document(own)["policy"]["digest"] != document(shipped)["policy"]["digest"]


@pytest.mark.slow
def test_every_demo_record_evaluates_in_both_languages(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    from mmtracker.config import sqlite_url
    from mmtracker.record import record_document
    from mmtracker.storage.loaders import load_record_rows
    from mmtracker.workflows import fill_demo, open_engine

    demo_day = dt.date(2026, 3, 31)  # before any day the test runs: no record date is in the future
    engine = open_engine(sqlite_url(tmp_path / "demo.sqlite"))
    ids = fill_demo(engine, 200, 1, demo_day, "test")
    rows = load_record_rows(engine, ids)
    engine.dispose()
    files = []
    for patient_id in ids:
        path = tmp_path / f"{rows[patient_id].patient['mrn']}.json"
        path.write_text(
            json.dumps(record_document(rows[patient_id]), ensure_ascii=False), encoding="utf-8"
        )
        files.append(path)
    assert len(files) == 200
    for lang in ("en", "zh_CN"):
        for path in files:
            code, out, err = evaluate(
                capsysbinary, str(path), "--as-of", demo_day.isoformat(), "--lang", lang
            )
            assert (code, err) == (0, ""), path
            found = document(out)
            assert (found["lang"], len(found["items"])) == (lang, len(ITEM_ORDER)), path
