"""The assessment document (docs/assessment-format.md): complete, deterministic, in the unit
system and language asked for; the unit system never changes a status.

Expected conversions come from clinical-rules.md §9 (calcium mmol/L × 4.008 = mg/dL,
i.e. ÷ 0.2495; creatinine µmol/L ÷ 88.4 = mg/dL); values are given to 4 significant
digits. Message texts are not compared: the catalogues are translated separately.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mmtracker.assessment_json import assessment_document, significant
from mmtracker.config import load_policy
from mmtracker.demo import generate_records
from mmtracker.logic.assessment import Assessment, assess
from mmtracker.logic.codes import Analyte, CalciumKind, CopyNumber1q, Phase, Sex
from mmtracker.logic.history import (
    Cytogenetics,
    Entry,
    LabResult,
    Patient,
    PhaseChange,
    build_history,
)
from mmtracker.logic.items import ITEM_ORDER
from mmtracker.logic.units import UnitSystem
from mmtracker.record import load_record_file, record_history

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "record-example.json"
AS_OF = dt.date(2026, 3, 1)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SI, CONVENTIONAL = UnitSystem.SI, UnitSystem.CONVENTIONAL


def example_assessment(as_of: dt.date = AS_OF) -> Assessment:
    record, problems = load_record_file(EXAMPLE)
    assert record is not None, problems
    return assess(record_history(record), as_of, load_policy())


def calcium_assessment(mmol_l: float) -> Assessment:
    """An SMM patient whose only result is a total calcium (no albumin: not corrected, D12)."""
    patient = Patient(mrn="CA-1", name="Calcium", sex=Sex.FEMALE, date_of_birth=dt.date(1960, 1, 1))
    entries: dict[str, list[Entry]] = {
        "phase_changes": [PhaseChange(id="p1", date=dt.date(2025, 1, 10), phase=Phase.SMM)],
        "lab_results": [
            LabResult(
                id="ca1",
                date=dt.date(2025, 1, 10),
                analyte=Analyte.CALCIUM,
                value=mmol_l,
                unit="mmol/L",
                calcium_kind=CalciumKind.TOTAL,
            )
        ],
    }
    return assess(build_history(patient, entries), dt.date(2025, 2, 1), load_policy())


def text(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


def walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every (path, value) of a JSON document."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")


def test_every_item_is_present_in_section_11_order() -> None:
    document = assessment_document(example_assessment(), SI, "en")
    assert [item["id"] for item in document["items"]] == list(ITEM_ORDER)


def test_top_level_fields_and_order() -> None:
    document = assessment_document(example_assessment(), SI, "en")
    assert list(document) == [
        "format_version",
        "as_of",
        "units",
        "lang",
        "patient",
        "phase",
        "timeline",
        "items",
        "slim_crab",
        "staging",
        "smm_risk",
        "renal",
        "response",
        "current_response",
        "mrd",
        "policy",
    ]
    assert (document["as_of"], document["units"], document["lang"]) == ("2026-03-01", "si", "en")
    assert list(document["items"][0]) == [
        "id",
        "title",
        "status",
        "due",
        "since",
        "days_overdue",
        "last",
        "severity",
        "snoozed_until",
        "status_beneath_snooze",
        "message",
        "source",
    ]


def test_an_alert_has_a_since_date_and_no_due_date() -> None:
    """D45: the hypercalcaemia alert began on the date of the calcium that triggers it."""
    document = assessment_document(calcium_assessment(2.8), SI, "en")
    items = {item["id"]: item for item in document["items"]}
    alert = items["alert.hypercalcaemia"]
    assert (alert["status"], alert["severity"]) == ("alert", "urgent")
    assert (alert["since"], alert["due"]) == ("2025-01-10", None)
    assert all(item["since"] is None for item in document["items"] if item["severity"] is None)


# FISH on 2025-02-20 with every Mayo additive abnormality tested and absent (§3e).
NEGATIVE_FISH = Cytogenetics(
    id="fish1",
    date=dt.date(2025, 2, 20),
    del_17p=False,
    t_4_14=False,
    t_14_16=False,
    t_14_20=False,
    gain_1q=CopyNumber1q.NORMAL,
)


def ndmm_assessment(
    *results: tuple[str, Analyte, float, str, float | None], fish: bool = False
) -> Assessment:
    """NDMM on 2025-03-01 with these results (date, analyte, value, unit, ULN)."""
    patient = Patient(mrn="ST-1", name="Staged", sex=Sex.FEMALE, date_of_birth=dt.date(1960, 1, 1))
    entries: dict[str, list[Entry]] = {
        "phase_changes": [PhaseChange(id="p1", date=dt.date(2025, 3, 1), phase=Phase.NDMM)],
        "cytogenetics": [NEGATIVE_FISH] if fish else [],
        "lab_results": [
            LabResult(
                id=f"lab{n}",
                date=dt.date.fromisoformat(on),
                analyte=analyte,
                value=value,
                unit=unit,
                ref_high=uln,
            )
            for n, (on, analyte, value, unit, uln) in enumerate(results)
        ],
    }
    return assess(build_history(patient, entries), dt.date(2025, 6, 1), load_policy())


def test_staging_fields_and_order() -> None:
    document = assessment_document(
        ndmm_assessment(("2025-02-20", Analyte.B2M, 6.0, "mg/L", None)), SI, "en"
    )
    staging = document["staging"]
    assert list(staging) == [
        "diagnosis",
        "iss",
        "r_iss",
        "r2_iss",
        "mayo_additive",
        "ims_2025",
        "imwg_2016",
        "cytogenetic_risk",
    ]
    assert staging["diagnosis"] == "2025-03-01"
    assert list(staging["mayo_additive"]) == [
        "points",
        "group",
        "median_pfs_months",
        "median_os_years",
        "source",
        "message",
        "inputs",
        "missing",
        "notes",
    ]
    b2m = staging["iss"]["inputs"][0]
    assert (b2m["name"], b2m["date"], b2m["entry_id"]) == ("b2m", "2025-02-20", "lab0")


@pytest.mark.parametrize(
    ("ldh", "group", "pfs", "os_years"),
    [
        pytest.param(214.0, 1, 44.0, 7.0, id="D31 §3e 1 point (ISS III): 44 months, 7 years"),
        pytest.param(
            215.0, 2, 28.6, 4.5, id="D31 §3e 2 points (+ LDH > ULN): 28.6 months, 4.5 years"
        ),
    ],
)
def test_mayo_additive_figures_in_the_document(
    ldh: float, group: int, pfs: float, os_years: float
) -> None:
    assessment = ndmm_assessment(
        ("2025-02-20", Analyte.B2M, 6.0, "mg/L", None),
        ("2025-02-20", Analyte.LDH, ldh, "U/L", 214.0),
        fish=True,
    )
    mayo = assessment_document(assessment, SI, "en")["staging"]["mayo_additive"]
    assert (mayo["group"], mayo["median_pfs_months"], mayo["median_os_years"]) == (
        group,
        pfs,
        os_years,
    )
    assert mayo["message"]["params"]["source"] == "Abdallah 2022, Blood Cancer J 12:21"


def test_the_same_assessment_gives_the_same_bytes() -> None:
    first = text(assessment_document(example_assessment(), CONVENTIONAL, "zh_CN"))
    second = text(assessment_document(example_assessment(), CONVENTIONAL, "zh_CN"))
    assert first == second


def test_dates_are_iso_and_every_value_is_plain_json() -> None:
    document = assessment_document(example_assessment(), SI, "en")
    for path, value in walk(document):
        assert isinstance(value, str | int | float | bool | dict | list) or value is None, path
        key = path.rsplit(".", 1)[-1]
        if value is not None and (key in {"date", "due", "as_of"} or key.endswith("_date")):
            assert isinstance(value, str), path
            assert ISO_DATE.match(value), (path, value)


@pytest.mark.parametrize(
    ("units", "value", "unit"),
    [
        pytest.param(SI, 2.75, "mmol/L", id="§9 calcium in SI"),
        pytest.param(CONVENTIONAL, 11.02, "mg/dL", id="§9 calcium 2.75 mmol/L = 11.02 mg/dL"),
    ],
)
def test_calcium_quantities_in_the_unit_system_asked_for(
    units: UnitSystem, value: float, unit: str
) -> None:
    document = assessment_document(calcium_assessment(2.75), units, "en")
    items = {item["id"]: item for item in document["items"]}
    params = items["alert.hypercalcaemia"]["message"]["params"]
    assert params["value"] == {"value": value, "unit": unit}
    criterion = next(c for c in document["slim_crab"]["criteria"] if c["code"] == "C")
    assert (criterion["value"], criterion["unit"]) == (value, unit)
    assert criterion["message"]["params"]["value"] == {"value": value, "unit": unit}


def test_lab_values_convert_and_other_numbers_stay() -> None:
    """Creatinine µmol/L → mg/dL (§9 ÷ 88.4); CrCl, eGFR, ratios and percentages unchanged."""
    si = assessment_document(example_assessment(), SI, "en")
    conventional = assessment_document(example_assessment(), CONVENTIONAL, "en")
    renal_si, renal_conv = si["renal"]["current"], conventional["renal"]["current"]
    assert renal_si["creatinine"]["unit"] == "umol/L"
    assert renal_conv["creatinine"] == {
        "value": significant(renal_si["creatinine"]["value"] / 88.4),
        "unit": "mg/dL",
    }
    for key in ("crcl", "egfr", "kdigo", "age"):
        assert renal_si[key] == renal_conv[key]
    assert (
        si["response"]["baseline"]["flc"]["ratio"]
        == conventional["response"]["baseline"]["flc"]["ratio"]
    )
    assert si["policy"] == conventional["policy"]


@pytest.mark.parametrize(
    ("value", "shown"),
    [(11.022044, 11.02), (2.74725, 2.747), (12345.6, 12346.0), (0.0123456, 0.01235), (0.0, 0.0)],
)
def test_four_significant_digits_keeping_whole_numbers(value: float, shown: float) -> None:
    assert significant(value) == shown


def test_response_names_its_criteria() -> None:
    """D21: every response reported names the criteria set."""
    document = assessment_document(example_assessment(), SI, "en")
    assert document["response"]["criteria"] == "IMWG 2016"
    assert document["mrd"]["criteria"] == "IMWG 2016"


def test_policy_values_sorted_with_their_digest() -> None:
    assessment = example_assessment()
    document = assessment_document(assessment, SI, "en")
    assert document["policy"]["digest"] == assessment.policy_digest
    assert list(document["policy"]["values"]) == sorted(assessment.policy)
    assert document["policy"]["values"]["lead_days"] == 14


def test_both_languages_give_the_same_document_but_the_texts() -> None:
    def without_texts(document: dict[str, Any]) -> list[tuple[str, Any]]:
        return [
            (path, value)
            for path, value in walk(document)
            if not path.endswith((".text", ".title"))
            and path != ".lang"
            and not isinstance(value, dict | list)
        ]

    english = assessment_document(example_assessment(), SI, "en")
    chinese = assessment_document(example_assessment(), SI, "zh_CN")
    assert (english["lang"], chinese["lang"]) == ("en", "zh_CN")
    assert without_texts(english) == without_texts(chinese)
    texts = [value for path, value in walk(chinese) if path.endswith(".text")]
    assert texts
    assert all(isinstance(t, str) and t for t in texts)


def statuses(document: dict[str, Any]) -> list[tuple[Any, ...]]:
    """What the unit system must not change: each item's status, dates, severity and message id."""
    return [
        (
            item["id"],
            item["status"],
            item["due"],
            item["days_overdue"],
            item["severity"],
            item["snoozed_until"],
            item["status_beneath_snooze"],
            item["message"]["id"],
        )
        for item in document["items"]
    ]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    seed=st.integers(1, 10_000),
    index=st.integers(0, 4),
    days=st.integers(-900, 120),
)
def test_the_unit_system_never_changes_a_status(seed: int, index: int, days: int) -> None:
    """Any demo patient, any day: SI and conventional documents agree on every status."""
    today = dt.date(2026, 3, 31)
    record = generate_records(5, seed, today)[index]
    assessment = assess(record_history(record), today + dt.timedelta(days=days), load_policy())
    si = assessment_document(assessment, SI, "en")
    conventional = assessment_document(assessment, CONVENTIONAL, "en")
    assert statuses(si) == statuses(conventional)
    assert [c["met"] for c in si["slim_crab"]["criteria"]] == [
        c["met"] for c in conventional["slim_crab"]["criteria"]
    ]


def test_the_module_needs_neither_storage_nor_widgets() -> None:
    code = (
        "import sys, mmtracker.assessment_json\n"
        "bad = [m for m in sys.modules if m.startswith(('mmtracker.storage', 'mmtracker.ui',"
        " 'sqlalchemy', 'PySide6.QtWidgets'))]\n"
        "print(','.join(sorted(bad)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
