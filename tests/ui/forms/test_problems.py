"""The checks' problems in the window's language: each known shape is matched on messages
the checks themselves write (so a reworded check fails here), and said in Chinese."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from mmtracker.logic.history import (
    Acknowledgement,
    BoneTherapyEvent,
    Cytogenetics,
    DentalExam,
    LabResult,
    MrdTest,
    Patient,
    Supplement,
    Transplant,
    TreatmentLine,
    Visit,
    Weight,
)
from mmtracker.logic.parsing import parse_as
from mmtracker.logic.validation import check_entry, check_patient
from mmtracker.ui.forms.problems import problem_text

TODAY = dt.date(2026, 3, 1)
BORN = dt.date(1960, 1, 1)


def messages(cls: type, data: dict[str, Any]) -> list[str]:
    """What the checks say of ``data`` as an entry of ``cls`` (the services' own checks)."""
    found, problems = parse_as(cls, {"id": "e-1", **data})
    if found is not None:
        problems = check_entry(found, BORN, TODAY)
    return [p.message for p in problems]


CASES = [
    (Weight, {"date": "2026-02-01", "weight_kg": 5}, "5 超出允许范围 20–300 kg"),
    (
        LabResult,
        {
            "date": "2026-02-01",
            "analyte": "calcium",
            "value": 25,
            "unit": "mmol/L",
            "calcium_kind": "total",
        },
        "25 mmol/L 超出允许范围 0.5–6 mmol/L",
    ),
    (
        Weight,
        {"date": "2026-04-01", "weight_kg": 70},
        "2026-04-01 是将来的日期（今天是 2026-03-01）",
    ),
    (Weight, {"date": "1950-01-01", "weight_kg": 70}, "1950-01-01 早于出生日期 1960-01-01"),
    (Weight, {"date": "2026-02-01", "weight_kg": None}, "必填：数值"),
    (Weight, {"date": "2026-02-01", "weight_kg": "heavy"}, "应为数值，而不是 'heavy'"),
    (Weight, {"date": "01/02/2026", "weight_kg": 70}, "应为日期 YYYY-MM-DD，而不是 '01/02/2026'"),
    (
        Visit,
        {"date": "2026-02-01", "next_visit": "2026-01-01"},
        "应晚于就诊日期 2026-02-01",
    ),
    (
        LabResult,
        {"date": "2026-02-01", "analyte": "creatinine", "unit": "umol/L"},
        "此检验项目必须填写数值",
    ),
]


@pytest.mark.parametrize(("cls", "data", "said"), CASES, ids=lambda c: repr(c)[:40])
def test_a_check_is_said_in_chinese(
    chinese: None, cls: type, data: dict[str, Any], said: str
) -> None:
    assert said in [problem_text(m) for m in messages(cls, data)]


def test_a_patient_check_is_said_in_chinese(chinese: None) -> None:
    patient, _ = parse_as(
        Patient, {"mrn": "", "name": "Li Na", "sex": "F", "date_of_birth": "1960-01-01"}
    )
    assert patient is not None
    said = [problem_text(p.message) for p in check_patient(patient, TODAY)]
    assert "应为 1–64 个字符" in said


def test_in_english_a_check_is_said_as_written() -> None:
    (message,) = messages(Weight, {"date": "2026-02-01", "weight_kg": 5})
    assert problem_text(message) == message == "5 is outside the accepted range 20–300 kg"


LAB = {"date": "2026-02-01"}
# Entries a form can be given that each of the rarer checks refuses
RARER = [
    (LabResult, {**LAB, "time": "25:00", "analyte": "hemoglobin", "value": 100, "unit": "g/L"}),
    (LabResult, {**LAB, "analyte": "serum_immunofixation"}),
    (LabResult, {**LAB, "analyte": "serum_immunofixation", "qualitative": "negative", "value": 1}),
    (LabResult, {**LAB, "analyte": "calcium", "value": 2.4, "unit": "mmol/L"}),
    (
        LabResult,
        {**LAB, "analyte": "ldh", "value": 200, "unit": "U/L", "calcium_kind": "total"},
    ),
    (LabResult, {**LAB, "analyte": "ldh", "value": 200, "unit": "U/L", "isotype": "IgG"}),
    (LabResult, {**LAB, "analyte": "ldh", "value": 200, "unit": "U/L", "qualitative": "positive"}),
    (LabResult, {**LAB, "analyte": "ldh", "value": 200, "unit": "g/L"}),
    (
        LabResult,
        {**LAB, "analyte": "ldh", "value": 200, "unit": "U/L", "ref_low": 250, "ref_high": 240},
    ),
    (Cytogenetics, {**LAB, "del_17p": False, "del_17p_clonal_fraction": 20}),
    (DentalExam, {**LAB, "outcome": "fit_for_bone_therapy", "procedure_date": "2026-01-01"}),
    (DentalExam, {**LAB, "outcome": "treatment_needed", "invasive_procedure": "planned"}),
    (
        DentalExam,
        {
            **LAB,
            "outcome": "fit_for_bone_therapy",
            "invasive_procedure": "done",
            "procedure_date": "2026-02-10",
        },
    ),
    (BoneTherapyEvent, {**LAB, "kind": "schedule"}),
    (BoneTherapyEvent, {**LAB, "kind": "review"}),
    (BoneTherapyEvent, {**LAB, "kind": "stop", "resume_date": "2026-03-01"}),
    (Supplement, {"start_date": "2026-02-01", "end_date": "2026-01-01", "calcium_mg": 500}),
    (MrdTest, {**LAB, "method": "NGF", "sensitivity": 2, "result": "negative"}),
    (
        TreatmentLine,
        {
            "line_number": 1,
            "regimen": "VRd",
            "intent": "induction",
            "start_date": "2026-02-01",
            "end_date": "2026-01-01",
        },
    ),
    (Transplant, {}),
    (Transplant, {"performed_date": "2026-01-01", "withdrawn_date": "2026-01-05"}),
    (Transplant, {"withdrawn_date": "2026-01-05"}),
    (Transplant, {"performed_date": "2026-01-01", "mucositis_grade": 2}),
    (Transplant, {"planned_date": "2026-05-01", "mucositis_grade": 2, "mucositis_scale": "WHO"}),
    (Visit, {**LAB, "note": "x" * 5000}),
    (
        Acknowledgement,
        {
            "item_id": "dental.periodic",
            "acknowledged_on": "2026-02-01",
            "until": "2026-01-01",
            "reason": "seen",
            "acknowledged_by": "nurse",
        },
    ),
]


@pytest.mark.parametrize(("cls", "data"), RARER, ids=lambda c: repr(c)[:60])
def test_every_rarer_check_is_said_in_chinese(
    chinese: None, cls: type, data: dict[str, Any]
) -> None:
    said = messages(cls, data)
    assert said, "the entry is refused"
    for message in said:
        text = problem_text(message)
        assert re.search("[\u4e00-\u9fff]", text), f"{message!r} is said in English"


def test_a_message_of_no_known_shape_is_shown_as_written(chinese: None) -> None:
    assert problem_text("something new the checks say") == "something new the checks say"


def test_a_phase_transition_not_allowed_is_said_in_chinese(chinese: None) -> None:
    """§11 Phases: NDMM does not go back to SMM."""
    from mmtracker.logic.codes import Phase
    from mmtracker.logic.history import PhaseChange
    from mmtracker.logic.validation import check_phase_sequence

    changes = [
        PhaseChange(id="p-1", date=dt.date(2025, 1, 1), phase=Phase.NDMM),
        PhaseChange(id="p-2", date=dt.date(2025, 6, 1), phase=Phase.SMM),
    ]
    (problem,) = check_phase_sequence(changes)
    said = problem_text(problem.message)
    assert said.startswith("2025-06-01 的 NDMM → SMM 不被允许；NDMM 之后只能是 ")
