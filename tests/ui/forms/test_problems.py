"""The checks' problems in the window's language: each known shape is matched on messages
the checks themselves write (so a reworded check fails here), and said in Chinese."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mmtracker.logic.history import LabResult, Patient, Visit, Weight
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
