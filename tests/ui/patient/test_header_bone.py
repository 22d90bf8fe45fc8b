"""The header's bone-targeted therapy: the latest course as the care items judge it
(clinical-rules.md §11 intervals, D32 declined, D33 stop and hold), never just the last dose."""

from __future__ import annotations

import datetime as dt

import pytest
from logic.bone_builders import DEFAULT_POLICY, dose, hold, phase, stop
from logic.builders import history
from pytestqt.qtbot import QtBot

from mmtracker.logic.codes import BoneTherapyEventKind
from mmtracker.logic.history import BoneTherapyEvent
from mmtracker.logic.units import UnitSystem
from mmtracker.ui.patient.data import patient_data
from mmtracker.ui.patient.header import PatientHeader

AS_OF = dt.date(2026, 3, 1)
LAST = "zoledronic acid, last dose 4 mg on 2026-02-01"


def declined(date: str) -> BoneTherapyEvent:
    return BoneTherapyEvent(
        id="declined-1", date=dt.date.fromisoformat(date), kind=BoneTherapyEventKind.DECLINED
    )


@pytest.mark.parametrize(
    ("doses", "events", "shown"),
    [
        # §11 intervals: ZA every 28 d (za.interval_days): 2026-02-01 + 28 d
        ([dose("2026-01-04"), dose("2026-02-01")], [], f"{LAST}; next due 2026-03-01"),
        # D33: a stop dated on (or after) the last dose ends the course
        ([dose("2026-02-01")], [stop("2026-02-01")], f"{LAST}; stopped on 2026-02-01"),
        # D33: a hold with its own resume date
        (
            [dose("2026-02-01")],
            [hold("2026-02-10", "2026-04-01")],
            f"{LAST}; on hold since 2026-02-10, resuming 2026-04-01",
        ),
        # D33: a hold without one resumes after bta.hold_days 90: 2026-02-10 + 90 d
        (
            [dose("2026-02-01")],
            [hold("2026-02-10")],
            f"{LAST}; on hold since 2026-02-10, resuming 2026-05-11",
        ),
        # a hold dated before the last dose is over: the next dose follows the interval
        ([dose("2026-02-01")], [hold("2026-01-20")], f"{LAST}; next due 2026-03-01"),
        # D32: declined and no dose since
        ([], [declined("2026-02-15")], "declined by the patient on 2026-02-15"),
        ([], [], "not recorded"),
        # a dose recorded ahead of the day shown is not yet known
        ([dose("2026-02-01"), dose("2026-03-20")], [], f"{LAST}; next due 2026-03-01"),
    ],
    ids=[
        "intervals-za-28d",
        "d33-stop-on-last-dose",
        "d33-hold-resume-date",
        "d33-hold-default-90d",
        "d33-hold-before-last-dose",
        "d32-declined",
        "none",
        "dose-ahead-unknown",
    ],
)
def test_the_header_names_the_course_as_the_care_items_judge_it(
    qtbot: QtBot, doses: list[object], events: list[object], shown: str
) -> None:
    h = history(
        phase_changes=[phase("2026-01-01")],
        bone_therapy_doses=doses,
        bone_therapy_events=events,
    )
    header = PatientHeader()
    qtbot.addWidget(header)
    header.show_data(patient_data(h, AS_OF, DEFAULT_POLICY), UnitSystem.SI)
    assert header.values["bone"].text() == shown
