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
    assert first.startswith(b'{\n  "format_version": 1,\n  "as_of"')
    assert first.endswith(b"}\n")


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
