"""parse_record and load_record_file: every problem of a file, each named by its JSON path."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mmtracker.logic.parsing import Problem
from mmtracker.record import load_record_file, parse_record

TOMORROW = dt.date.today() + dt.timedelta(days=1)


def _problems(document: object) -> list[Problem]:
    record, problems = parse_record(document)
    assert record is None
    return problems


def test_a_valid_record_has_no_problem(full_document: dict[str, Any]) -> None:
    record, problems = parse_record(full_document)
    assert problems == []
    assert record is not None
    assert record.patient.mrn == "MRN-0042"
    assert {kind: len(entries) for kind, entries in record.entries.items()}["lab_results"] == 4


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        target: Any = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _drop(path: tuple[str | int, ...]) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        target: Any = document
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            _set(("notes",), "x"), Problem("notes", "is not a known field"), id="unknown top key"
        ),
        pytest.param(
            _set(("lab_results", 1, "colour"), "red"),
            Problem("lab_results[1].colour", "is not a known field"),
            id="unknown entry key",
        ),
        pytest.param(
            _set(("patient", "ward"), "B2"),
            Problem("patient.ward", "is not a known field"),
            id="unknown patient key",
        ),
        pytest.param(
            _set(("lab_results", 0, "unit"), "mg/dl"),
            Problem("lab_results[0].unit", 'must be one of "mmol/L", "mg/dL"; not "mg/dl"'),
            id="unit code of another spelling",
        ),
        pytest.param(
            _set(("lab_results", 1, "unit"), "mmol/L"),
            Problem("lab_results[1].unit", 'must be one of "g/L", "g/dL"; not "mmol/L"'),
            id="unit code of another analyte",
        ),
        pytest.param(
            _set(("lab_results", 1, "analyte"), "igg"),
            Problem(
                "lab_results[1].analyte",
                'must be one of "serum_m_protein", "urine_m_protein", "serum_immunofixation", '
                '"urine_immunofixation", "flc_kappa", "flc_lambda", "bm_plasma_cells", '
                '"hemoglobin", "calcium", "albumin", "creatinine", "beta2_microglobulin", "ldh", '
                '"vitamin_d_25oh"; not "igg"',
            ),
            id="analyte code",
        ),
        pytest.param(
            _drop(("weights", 0, "weight_kg")),
            Problem("weights[0].weight_kg", "is required"),
            id="missing field",
        ),
        pytest.param(_drop(("patient",)), Problem("patient", "is required"), id="missing patient"),
        pytest.param(
            _set(("format_version",), 2),
            Problem("format_version", "must be 1, not 2"),
            id="format version",
        ),
        pytest.param(
            _set(("patient", "height_cm"), "162"),
            Problem("patient.height_cm", 'must be a number or null, not "162"'),
            id="number as text",
        ),
        pytest.param(
            _set(("imaging", 0, "fdg_avid"), "yes"),
            Problem("imaging[0].fdg_avid", 'must be true or false or null, not "yes"'),
            id="yes for true",
        ),
        pytest.param(
            _set(("weights", 0, "date"), "03/02/2025"),
            Problem("weights[0].date", 'must be a date YYYY-MM-DD, not "03/02/2025"'),
            id="date format",
        ),
        pytest.param(
            _set(("weights", 0, "date"), "2025-02-30"),
            Problem("weights[0].date", "must be a date YYYY-MM-DD, not '2025-02-30'"),
            id="no such day",
        ),
        pytest.param(
            _set(("weights", 0, "created_at"), "2025-01-10T08:15:00"),
            Problem(
                "weights[0].created_at",
                "must be a date-time with its UTC offset, e.g. 2025-03-01T09:30:00+00:00, "
                'not "2025-01-10T08:15:00"',
            ),
            id="date-time without offset",
        ),
        pytest.param(
            _set(("patient", "revision"), -1),
            Problem("patient.revision", "must be at least 0, not -1"),
            id="negative revision",
        ),
        pytest.param(
            _set(("weights", 0, "version"), 2**31),
            Problem("weights[0].version", "must be at most 2147483647, not 2147483648"),
            id="version too large for the database",
        ),
        pytest.param(
            _set(("weights", 0, "id"), "weight-1"),
            Problem(
                "weights[0].id",
                'must be a UUID, e.g. 5f0c9a52-3c1e-4d8e-9b7a-2f4e6d8c1a03, not "weight-1"',
            ),
            id="id not a UUID",
        ),
        pytest.param(
            _set(("treatment_lines", 0, "regimen"), "V" * 201),
            Problem("treatment_lines[0].regimen", "must be at most 200 characters long"),
            id="text too long for its column",
        ),
        pytest.param(
            _set(("visits", 0, "ecog"), 1.5),
            Problem("visits[0].ecog", "must be a whole number or null, not 1.5"),
            id="fraction for a whole number",
        ),
        pytest.param(
            _set(("weights", 0, "id"), "10000000-0000-4000-8000-000000000001"),
            Problem(
                "weights[0].id",
                "10000000-0000-4000-8000-000000000001 is already the id of phase_changes[0]",
            ),
            id="id used twice",
        ),
        pytest.param(
            _set(("weights", 0, "weight_kg"), 640),
            Problem("weights[0].weight_kg", "640 is outside the accepted range 20–300 kg"),
            id="weight out of range",
        ),
        pytest.param(
            _set(("lab_results", 0, "value"), 30),
            Problem(
                "lab_results[0].value",
                "30 mg/dL (= 7.485 mmol/L) is outside the accepted range 0.5–6 mmol/L",
            ),
            id="calcium out of range after conversion",
        ),
        pytest.param(
            _set(("lab_results", 2, "unit"), "g/L"),
            Problem("lab_results[2].unit", "must be empty for an immunofixation result"),
            id="unit on an immunofixation",
        ),
        pytest.param(
            _set(("weights", 0, "date"), TOMORROW.isoformat()),
            Problem(
                "weights[0].date",
                f"{TOMORROW.isoformat()} is in the future (today is {dt.date.today()})",
            ),
            id="future date",
        ),
        pytest.param(
            _set(("weights", 0, "date"), "1960-01-01"),
            Problem("weights[0].date", "1960-01-01 is before the date of birth 1961-04-09"),
            id="before birth",
        ),
        pytest.param(
            _set(("phase_changes", 3, "phase"), "NDMM"),
            Problem(
                "phase_changes.phase",
                "MAINTENANCE → NDMM on 2026-02-01 is not allowed; after MAINTENANCE comes RELAPSE",
            ),
            id="phase transition",
        ),
    ],
)
def test_each_problem_is_named_by_its_path(
    full_document: dict[str, Any],
    change: Callable[[dict[str, Any]], None],
    expected: Problem,
) -> None:
    change(full_document)
    assert expected in _problems(full_document)


def test_every_problem_is_reported_at_once_in_file_order(full_document: dict[str, Any]) -> None:
    full_document["lab_results"][0]["unit"] = "mg/dl"  # schema
    full_document["lab_results"][1]["colour"] = "red"  # schema
    full_document["lab_results"][3]["value"] = 500  # sanity: 44200 µmol/L
    full_document["weights"][0]["weight_kg"] = 640  # sanity
    full_document["visits"][0]["date"] = TOMORROW.isoformat()  # sanity
    full_document["visits"][0]["next_visit"] = (TOMORROW + dt.timedelta(days=7)).isoformat()
    full_document["phase_changes"][1]["phase"] = "SMM"  # sequence

    assert [p.path for p in _problems(full_document)] == [
        "phase_changes.phase",
        "phase_changes.phase",
        "weights[0].weight_kg",
        "lab_results[0].unit",
        "lab_results[1].colour",
        "lab_results[3].value",
        "visits[0].date",
    ]


def test_entries_are_judged_only_once_the_patient_is_readable(
    full_document: dict[str, Any],
) -> None:
    full_document["patient"]["sex"] = "female"
    full_document["weights"][0]["weight_kg"] = 640  # reported once the patient is fixed
    assert _problems(full_document) == [
        Problem("patient.sex", 'must be one of "F", "M"; not "female"')
    ]


def test_an_entry_the_schema_refuses_is_not_judged_again(full_document: dict[str, Any]) -> None:
    # Without phase_changes[1] the sequence NDMM → MAINTENANCE → RELAPSE would look fine or
    # wrong by accident; only the real mistake is reported.
    full_document["phase_changes"][1]["phase"] = "transplant"
    assert _problems(full_document) == [
        Problem(
            "phase_changes[1].phase",
            'must be one of "SMM", "NDMM", "ASCT", "MAINTENANCE", "RELAPSE"; not "transplant"',
        )
    ]


def test_a_document_that_is_not_an_object() -> None:
    assert _problems([1, 2]) == [Problem("", "must be an object, not [1, 2]")]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(
            '{"format_version": 1,\n "patient": {"mrn": "X",}\n}',
            "is not valid JSON: Expecting property name enclosed in double quotes "
            "at line 2, column 25",
            id="trailing comma",
        ),
        pytest.param("", "is not valid JSON: Expecting value at line 1, column 1", id="empty file"),
        pytest.param(
            '{"format_version": 1, "format_version": 1}',
            "the key 'format_version' appears twice in one object",
            id="repeated key",
        ),
        pytest.param(b"\xff\xfe{}", "is not UTF-8 text (byte 0 cannot be decoded)", id="UTF-16"),
    ],
)
def test_unreadable_files_are_problems_not_exceptions(
    tmp_path: Path, content: str | bytes, expected: str
) -> None:
    path = tmp_path / "record.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    assert load_record_file(path) == (None, [Problem("", expected)])


def test_a_missing_file_is_a_problem(tmp_path: Path) -> None:
    assert load_record_file(tmp_path / "absent.json") == (
        None,
        [Problem("", "cannot be read: No such file or directory")],
    )


def test_a_byte_order_mark_is_accepted(tmp_path: Path, full_document: dict[str, Any]) -> None:
    path = tmp_path / "record.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(full_document).encode("utf-8"))
    record, problems = load_record_file(path)
    assert problems == []
    assert record is not None
