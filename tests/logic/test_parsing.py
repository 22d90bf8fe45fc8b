"""Plain mappings to history entries: types, unknown and missing keys, ISO dates."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest

from mmtracker.logic.codes import (
    Analyte,
    CalciumKind,
    Phase,
    Sex,
    TreatmentIntent,
)
from mmtracker.logic.history import (
    Cytogenetics,
    LabResult,
    Patient,
    PhaseChange,
    TreatmentLine,
    Weight,
)
from mmtracker.logic.parsing import Problem, join_path, parse_as, row_builder

LAB: dict[str, Any] = {
    "id": "0b7f3c1e-0000-4000-8000-000000000001",
    "date": "2024-03-05",
    "analyte": "calcium",
    "value": 2.45,
    "unit": "mmol/L",
    "calcium_kind": "total",
}


def paths(problems: list[Problem]) -> list[str]:
    return [p.path for p in problems]


def test_a_good_mapping_becomes_the_dataclass_with_enums_and_dates() -> None:
    entry, problems = parse_as(LabResult, LAB)
    assert problems == []
    assert entry == LabResult(
        id=LAB["id"],
        date=dt.date(2024, 3, 5),
        analyte=Analyte.CALCIUM,
        value=2.45,
        unit="mmol/L",
        calcium_kind=CalciumKind.TOTAL,
    )
    assert entry is not None
    assert type(entry.analyte) is Analyte
    assert type(entry.calcium_kind) is CalciumKind


def test_defaults_fill_what_is_left_out() -> None:
    entry, problems = parse_as(PhaseChange, {"id": "p", "date": "2024-01-01", "phase": "NDMM"})
    assert problems == []
    assert entry == PhaseChange(id="p", date=dt.date(2024, 1, 1), phase=Phase.NDMM)


def test_unknown_keys_are_refused_each_by_name() -> None:
    entry, problems = parse_as(LabResult, {**LAB, "colour": "red", "Value": 3})
    assert entry is None
    assert paths(problems) == ["Value", "colour"]
    assert all("not a known field" in p.message for p in problems)


def test_missing_required_keys_are_named_with_what_is_accepted() -> None:
    entry, problems = parse_as(Weight, {"id": "w"})
    assert entry is None
    by_path = {p.path: p.message for p in problems}
    assert set(by_path) == {"date", "weight_kg"}
    assert "required" in by_path["date"]
    assert "YYYY-MM-DD" in by_path["date"]
    assert "number" in by_path["weight_kg"]


def test_every_problem_is_reported_at_once_under_the_path() -> None:
    data = {"id": 5, "date": "yesterday", "weight_kg": "70", "extra": 1}
    entry, problems = parse_as(Weight, data, "weights[3]")
    assert entry is None
    assert sorted(paths(problems)) == [
        "weights[3].date",
        "weights[3].extra",
        "weights[3].id",
        "weights[3].weight_kg",
    ]


def test_missing_enum_names_every_accepted_code() -> None:
    _, problems = parse_as(PhaseChange, {"id": "p", "date": "2024-01-01", "phase": "MGUS"})
    assert paths(problems) == ["phase"]
    for phase in ("SMM", "NDMM", "ASCT", "MAINTENANCE", "RELAPSE"):
        assert repr(phase) in problems[0].message
    assert "'MGUS'" in problems[0].message


@pytest.mark.parametrize(
    ("cls", "base", "key", "value", "wanted"),
    [
        pytest.param(Weight, {"id": "w", "date": "2024-01-01"}, "weight_kg", "70", "number",
                     id="text for a number"),
        pytest.param(Weight, {"id": "w", "date": "2024-01-01"}, "weight_kg", [70], "number",
                     id="list for a number"),
        pytest.param(Weight, {"id": "w", "date": "2024-01-01"}, "weight_kg", True, "number",
                     id="bool for a number"),
        pytest.param(Weight, {"id": "w", "date": "2024-01-01"}, "weight_kg", math.nan, "finite",
                     id="NaN for a number"),
        pytest.param(Weight, {"id": "w", "date": "2024-01-01"}, "weight_kg", math.inf, "finite",
                     id="infinity for a number"),
        pytest.param(Weight, {"id": "w", "date": "2024-01-01"}, "weight_kg", None, "required",
                     id="null for a required number"),
        pytest.param(Weight, {"date": "2024-01-01", "weight_kg": 70}, "id", 7, "text",
                     id="number for text"),
        pytest.param(PhaseChange, {"id": "p", "date": "2024-01-01", "phase": "RELAPSE"},
                     "line_number", 2.0, "whole number", id="float for a whole number"),
        pytest.param(PhaseChange, {"id": "p", "date": "2024-01-01", "phase": "RELAPSE"},
                     "line_number", "2", "whole number", id="text for a whole number"),
        pytest.param(PhaseChange, {"id": "p", "date": "2024-01-01", "phase": "RELAPSE"},
                     "line_number", True, "whole number", id="bool true for a whole number"),
        pytest.param(PhaseChange, {"id": "p", "date": "2024-01-01", "phase": "RELAPSE"},
                     "line_number", False, "whole number", id="bool false for a whole number"),
        pytest.param(Cytogenetics, {"id": "c", "date": "2024-01-01"}, "del_17p", 1,
                     "true or false", id="1 for a bool"),
        pytest.param(Cytogenetics, {"id": "c", "date": "2024-01-01"}, "del_17p", "true",
                     "true or false", id="text for a bool"),
        pytest.param(LabResult, {"id": "l", "date": "2024-01-01"}, "analyte", 3, "one of",
                     id="number for a code"),
    ],
)  # fmt: skip
def test_wrong_type_is_refused_naming_what_is_accepted(
    cls: type, base: dict[str, Any], key: str, value: Any, wanted: str
) -> None:
    data = {**base, key: value}
    if cls is LabResult:
        data.update(value=1.0, unit="g/L")
    entry, problems = parse_as(cls, data)
    assert entry is None
    assert paths(problems) == [key]
    assert wanted in problems[0].message


def test_whole_number_is_accepted_as_a_number_and_stored_as_float() -> None:
    entry, problems = parse_as(Weight, {"id": "w", "date": "2024-01-01", "weight_kg": 70})
    assert problems == []
    assert entry is not None
    assert type(entry.weight_kg) is float


def test_null_is_accepted_for_an_optional_field() -> None:
    entry, problems = parse_as(Cytogenetics, {"id": "c", "date": "2024-01-01", "del_17p": None})
    assert problems == []
    assert entry is not None
    assert entry.del_17p is None


LINE = {
    "id": "t",
    "line_number": 1,
    "regimen": "D-VRd",
    "intent": "induction",
    "start_date": "2024-01-01",
}


def test_drugs_become_a_tuple_of_text() -> None:
    entry, problems = parse_as(TreatmentLine, {**LINE, "drugs": ["daratumumab", "bortezomib"]})
    assert problems == []
    assert entry is not None
    assert entry.drugs == ("daratumumab", "bortezomib")
    assert isinstance(entry.drugs, tuple)
    assert entry.intent is TreatmentIntent.INDUCTION


@pytest.mark.parametrize(
    "drugs",
    [
        pytest.param("daratumumab", id="text instead of a list"),
        pytest.param(["daratumumab", 3], id="a number in the list"),
        pytest.param({"a": 1}, id="an object"),
    ],
)
def test_drugs_must_be_a_list_of_text(drugs: Any) -> None:
    entry, problems = parse_as(TreatmentLine, {**LINE, "drugs": drugs})
    assert entry is None
    assert paths(problems) == ["drugs"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2024-02-29", dt.date(2024, 2, 29), id="leap day"),
        pytest.param("1999-12-31", dt.date(1999, 12, 31), id="last day of a year"),
        pytest.param("2023-02-29", None, id="no leap day in 2023"),
        pytest.param("2024-13-01", None, id="month 13"),
        pytest.param("2024-04-31", None, id="April 31"),
        pytest.param("2024-1-5", None, id="no leading zeros"),
        pytest.param("20240105", None, id="basic format without dashes"),
        pytest.param("2024-W01-1", None, id="ISO week date"),
        pytest.param("2024-01-05T10:00", None, id="date with a time"),
        pytest.param("2024-01-05 ", None, id="trailing space"),
        pytest.param("05/01/2024", None, id="day/month/year"),
        pytest.param("", None, id="empty text"),
        pytest.param(20240105, None, id="a number"),
    ],
)
def test_iso_dates(text: Any, expected: dt.date | None) -> None:
    entry, problems = parse_as(Weight, {"id": "w", "date": text, "weight_kg": 70})
    if expected is None:
        assert entry is None
        assert paths(problems) == ["date"]
        assert "YYYY-MM-DD" in problems[0].message
    else:
        assert problems == []
        assert entry is not None
        assert entry.date == expected


def test_date_objects_pass_but_a_datetime_is_refused() -> None:
    entry, problems = parse_as(Weight, {"id": "w", "date": dt.date(2024, 1, 5), "weight_kg": 70})
    assert problems == []
    assert entry is not None
    assert entry.date == dt.date(2024, 1, 5)
    stamped = dt.datetime(2024, 1, 5, 10, 0)
    entry, problems = parse_as(Weight, {"id": "w", "date": stamped, "weight_kg": 70})
    assert entry is None
    assert paths(problems) == ["date"]


def test_patient_parsing() -> None:
    patient, problems = parse_as(
        Patient, {"mrn": "A1", "name": "N", "sex": "F", "date_of_birth": "1950-03-01"}
    )
    assert problems == []
    assert patient == Patient(mrn="A1", name="N", sex=Sex.FEMALE, date_of_birth=dt.date(1950, 3, 1))
    _, problems = parse_as(
        Patient, {"mrn": "A1", "name": "N", "sex": "female", "date_of_birth": "1950-03-01"}
    )
    assert paths(problems) == ["sex"]
    assert "'F'" in problems[0].message
    assert "'M'" in problems[0].message


@pytest.mark.parametrize(
    ("base", "key", "expected"),
    [
        pytest.param("", "value", "value", id="top level"),
        pytest.param("lab_results", 3, "lab_results[3]", id="index"),
        pytest.param("lab_results[3]", "value", "lab_results[3].value", id="nested key"),
    ],
)
def test_join_path(base: str, key: str | int, expected: str) -> None:
    assert join_path(base, key) == expected


def test_problem_text_names_the_path() -> None:
    assert str(Problem("weights[0].date", "is in the future")) == (
        "weights[0].date: is in the future"
    )
    assert str(Problem("", "the record clashes")) == "the record clashes"


def test_row_builder_turns_stored_rows_into_entries() -> None:
    row = {
        "id": "t",
        "patient_id": 4,  # bookkeeping columns are ignored
        "version": 2,
        "line_number": 1,
        "regimen": "VRd",
        "intent": "induction",
        "start_date": dt.date(2024, 1, 1),
        "end_date": None,
        "drugs": ["bortezomib", "lenalidomide", "dexamethasone"],
    }
    entry = row_builder(TreatmentLine)(row)
    assert entry == TreatmentLine(
        id="t",
        line_number=1,
        regimen="VRd",
        intent=TreatmentIntent.INDUCTION,
        start_date=dt.date(2024, 1, 1),
        drugs=("bortezomib", "lenalidomide", "dexamethasone"),
    )
    assert type(entry.intent) is TreatmentIntent
    assert type(entry.drugs) is tuple
