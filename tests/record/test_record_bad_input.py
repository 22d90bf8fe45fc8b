"""A record file is imported whole or refused with every problem and its JSON path, never a
traceback (issue 12, finding 3): deep nesting, huge numbers, control and invisible
characters, a 10-million-character drug name, ids repeated in another case."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from mmtracker.logic.parsing import Problem
from mmtracker.record import load_record_file
from mmtracker.record.reading import MAX_DEPTH


def problems_of(tmp_path: Path, document: Any) -> list[Problem]:
    path = tmp_path / "record.json"
    text = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    record, problems = load_record_file(path)
    assert record is None
    assert problems
    return problems


def test_nesting_a_thousand_levels_deep_is_refused_in_one_line(tmp_path: Path) -> None:
    deep = '{"format_version": 3, "patient": ' + "[" * 1000 + "]" * 1000 + "}"
    assert problems_of(tmp_path, deep) == [
        Problem("", f"nests 1001 levels deep; a record file nests at most {MAX_DEPTH}")
    ]


def test_an_integer_of_thousands_of_digits_is_refused(tmp_path: Path) -> None:
    text = '{"format_version": 3, "patient": {"height_cm": ' + "9" * 5000 + "}}"
    (problem,) = problems_of(tmp_path, text)
    assert problem.message.startswith("cannot be read as a record")


def test_an_integer_of_400_digits_is_said_without_a_traceback(
    tmp_path: Path, full_document: dict[str, Any]
) -> None:
    full_document["weights"][0]["weight_kg"] = int("9" * 400)
    full_document["visits"][0]["ecog"] = int("9" * 400)
    found = {p.path: p.message for p in problems_of(tmp_path, full_document)}
    assert found["weights[0].weight_kg"] == "must be a finite number"
    assert found["visits[0].ecog"] == "must be a whole number of at most 2147483647"


@pytest.mark.parametrize(
    ("field", "text", "code"),
    [
        pytest.param("name", "Li\x00 Na", "0000", id="NUL in a name"),
        pytest.param("name", "Li\u202eaN", "202E", id="right-to-left override in a name"),
        pytest.param("mrn", "EX-\u200b000123", "200B", id="zero-width space in an MRN"),
        pytest.param("mrn", "EX-000123\ufeff", "FEFF", id="byte-order mark in an MRN"),
    ],
)
def test_invisible_and_control_characters_in_mrns_and_names_are_refused(
    tmp_path: Path, full_document: dict[str, Any], field: str, text: str, code: str
) -> None:
    full_document["patient"][field] = text
    found = {p.path: p.message for p in problems_of(tmp_path, full_document)}
    assert found[f"patient.{field}"] == f"holds the invisible or control character U+{code}"


def test_a_note_may_break_lines_but_not_hide_text(
    tmp_path: Path, full_document: dict[str, Any]
) -> None:
    document = copy.deepcopy(full_document)
    document["visits"][0]["note"] = "seen\n\twell"
    path = tmp_path / "fine.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert load_record_file(path)[1] == []
    full_document["visits"][0]["note"] = "seen \u2066hidden\u2069"
    found = {p.path: p.message for p in problems_of(tmp_path, full_document)}
    assert found["visits[0].note"] == "holds the invisible or control character U+2066"


def test_a_drug_name_of_ten_million_characters_is_refused_and_not_echoed(
    tmp_path: Path, full_document: dict[str, Any]
) -> None:
    full_document["treatment_lines"][0]["drugs"] = ["x" * 10_000_000]
    problems = problems_of(tmp_path, full_document)
    found = {p.path: p.message for p in problems}
    assert found["treatment_lines[0].drugs[0]"] == "is longer than 200 characters"
    assert all(len(p.message) < 300 for p in problems)


def test_an_id_repeated_in_another_case_is_one_id(
    tmp_path: Path, full_document: dict[str, Any]
) -> None:
    first = full_document["weights"][0]["id"]
    full_document["visits"][0]["id"] = first.upper()
    found = {p.path: p.message for p in problems_of(tmp_path, full_document)}
    assert found["visits[0].id"] == f"{first.upper()} is already the id of weights[0]"


def test_text_is_kept_composed(tmp_path: Path, full_document: dict[str, Any]) -> None:
    """NFC: "José" typed with a combining accent is stored as the one-character é."""
    full_document["patient"]["name"] = "Jose\u0301 Silva"
    path = tmp_path / "record.json"
    path.write_text(json.dumps(full_document), encoding="utf-8")
    record, problems = load_record_file(path)
    assert problems == []
    assert record is not None
    assert record.patient.name == "José Silva"
