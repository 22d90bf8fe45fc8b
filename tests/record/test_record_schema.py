"""The shipped JSON Schema: generated from the code, valid, strict, and usable on its own."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from mmtracker.record import record_schema
from mmtracker.record.schema import schema_text
from mmtracker.record.write_schema import main as write_schema

DOCS = Path(__file__).resolve().parents[2] / "docs"
SHIPPED = DOCS / "record.schema.json"


def test_the_shipped_schema_is_the_generated_one() -> None:
    assert SHIPPED.read_text(encoding="utf-8") == schema_text(), (
        "docs/record.schema.json is stale: run python -m mmtracker.record.write_schema"
    )


def test_write_schema_writes_the_generated_schema(tmp_path: Path) -> None:
    target = tmp_path / "record.schema.json"
    assert write_schema([str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == record_schema()


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = record_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_every_object_refuses_unknown_keys() -> None:
    schema = record_schema()
    objects = [schema, *schema["$defs"].values()]
    assert len(objects) == 18  # the record, the patient and 16 entry kinds
    assert all(found["additionalProperties"] is False for found in objects)


@pytest.mark.parametrize(
    ("definition", "required"),
    [
        ("Patient", ["mrn", "name", "sex", "date_of_birth"]),
        ("Weight", ["id", "date", "weight_kg"]),
        ("LabResult", ["id", "date", "analyte"]),
        ("TreatmentLine", ["id", "line_number", "regimen", "intent", "start_date"]),
        ("Transplant", ["id"]),
        (
            "Acknowledgement",
            ["id", "item_id", "acknowledged_on", "until", "reason", "acknowledged_by"],
        ),
    ],
)
def test_fields_without_a_default_are_required_and_bookkeeping_is_not(
    definition: str, required: list[str]
) -> None:
    found = record_schema()["$defs"][definition]
    assert found["required"] == required
    for key in ("version", "created_at", "created_by", "updated_at", "updated_by"):
        assert key in found["properties"]


def test_codes_are_listed() -> None:
    defs = record_schema()["$defs"]
    # clinical-rules.md §11 Phases
    assert defs["PhaseChange"]["properties"]["phase"]["enum"] == [
        "SMM", "NDMM", "ASCT", "MAINTENANCE", "RELAPSE",
    ]  # fmt: skip
    # ARCHITECTURE.md: immunofixation results are positive / negative; optional here.
    assert defs["LabResult"]["properties"]["qualitative"]["enum"] == ["positive", "negative", None]
    assert defs["Patient"]["properties"]["sex"]["enum"] == ["F", "M"]


def test_unit_codes_are_listed_per_analyte() -> None:
    rules = record_schema()["$defs"]["LabResult"]["allOf"]
    units = {
        rule["if"]["properties"]["analyte"]["const"]: rule["then"]["properties"]["unit"]["enum"]
        for rule in rules
    }
    # ARCHITECTURE.md "Canonical units" (canonical first) and clinical-rules.md §9.
    assert units == {
        "serum_m_protein": ["g/L", "g/dL"],
        "urine_m_protein": ["mg/24h", "g/24h"],
        "flc_kappa": ["mg/L", "mg/dL"],
        "flc_lambda": ["mg/L", "mg/dL"],
        "bm_plasma_cells": ["%"],
        "hemoglobin": ["g/L", "g/dL", "mmol/L"],
        "calcium": ["mmol/L", "mg/dL"],
        "albumin": ["g/L", "g/dL"],
        "creatinine": ["umol/L", "mg/dL"],
        "beta2_microglobulin": ["mg/L", "ug/mL"],
        "ldh": ["U/L", "ukat/L"],
        "vitamin_d_25oh": ["nmol/L", "ng/mL"],
    }


def _lab(**changes: Any) -> dict[str, Any]:
    lab = {
        "id": "30000000-0000-4000-8000-000000000001",
        "date": "2025-01-08",
        "analyte": "creatinine",
        "value": 1.1,
        "unit": "mg/dL",
    }
    return {
        "format_version": 1,
        "patient": {"mrn": "A", "name": "B", "sex": "F", "date_of_birth": "1960-01-01"},
        "lab_results": [lab | changes],
    }


@pytest.mark.parametrize(
    ("document", "valid"),
    [
        (_lab(), True),
        (_lab(unit="umol/L", value=97.0), True),
        (_lab(unit="mmol/L"), False),
        (_lab(unit="µmol/L"), False),
        (_lab(analyte="serum_immunofixation", value=None, unit=None, qualitative="negative"), True),
        (_lab(date="2025-1-8"), False),
        (_lab(id="lab-1"), False),
        (_lab(created_at="2025-01-08T10:00:00Z"), True),
        (_lab(created_at="2025-01-08 10:00:00"), False),
        (_lab(comment="x"), False),
    ],
)
def test_the_shipped_schema_works_without_mmtracker(document: dict[str, Any], valid: bool) -> None:
    """What a clinic's own tools see when they validate against docs/record.schema.json."""
    validator = Draft202012Validator(json.loads(SHIPPED.read_text(encoding="utf-8")))
    assert validator.is_valid(document) is valid


@functools.cache
def _shipped() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SHIPPED.read_text(encoding="utf-8")))


def _unit_cases() -> list[tuple[str, object]]:
    rules = json.loads(SHIPPED.read_text(encoding="utf-8"))["$defs"]["LabResult"]["allOf"]
    codes = sorted({code for rule in rules for code in rule["then"]["properties"]["unit"]["enum"]})
    analytes = [rule["if"]["properties"]["analyte"]["const"] for rule in rules]
    return [
        (analyte, unit)
        for analyte in [*analytes, "serum_immunofixation"]
        for unit in [*codes, None, "mg/dl", 5]
    ]


@pytest.mark.parametrize(("analyte", "unit"), _unit_cases())
def test_the_import_check_refuses_the_units_the_shipped_schema_refuses(
    analyte: str, unit: object
) -> None:
    """check_schema states the unit rules in code (quicker); it must agree with the file."""
    from mmtracker.record.conformance import check_schema

    document = _lab(analyte=analyte, unit=unit, value=1.0)
    expected = {tuple(error.absolute_path) for error in _shipped().iter_errors(document)}
    report = check_schema(document)
    assert report.locations == expected
    assert bool(report.problems) == bool(expected)
