"""The header's response is the one the rules use (D19, D23: recorded or computed, whichever
is dated later) and says which it is and whether it is confirmed."""

from __future__ import annotations

import datetime as dt

import pytest
from logic.bone_builders import DEFAULT_POLICY, phase
from logic.builders import history
from pytestqt.qtbot import QtBot

from mmtracker.logic.codes import ResponseCategory
from mmtracker.logic.history import ResponseAssessment
from mmtracker.logic.units import UnitSystem
from mmtracker.ui.patient.data import patient_data
from mmtracker.ui.patient.header import PatientHeader

AS_OF = dt.date(2026, 3, 1)


def recorded(date: str, category: ResponseCategory) -> ResponseAssessment:
    return ResponseAssessment(id=f"r-{date}", date=dt.date.fromisoformat(date), category=category)


@pytest.mark.parametrize(
    ("responses", "shown"),
    [
        (
            [
                recorded("2026-01-10", ResponseCategory.PR),
                recorded("2026-02-10", ResponseCategory.VGPR),
            ],
            "VGPR on 2026-02-10 (as recorded, unconfirmed)",
        ),
        (
            [
                recorded("2026-01-10", ResponseCategory.VGPR),
                recorded("2026-02-10", ResponseCategory.VGPR),
            ],
            "VGPR on 2026-02-10 (as recorded, confirmed)",
        ),
        ([], "not recorded"),
    ],
    ids=["d23-recorded-unconfirmed", "d23-recorded-confirmed-by-the-one-before", "none"],
)
def test_the_header_says_whether_the_response_is_recorded_and_confirmed(
    qtbot: QtBot, responses: list[ResponseAssessment], shown: str
) -> None:
    h = history(phase_changes=[phase("2025-12-01")], responses=responses)
    header = PatientHeader()
    qtbot.addWidget(header)
    header.show_data(patient_data(h, AS_OF, DEFAULT_POLICY), UnitSystem.SI)
    assert header.values["risk"].text() == shown
