"""Problems said while a required choice is blank: those that hold whatever is chosen,
never one that depends on the choice."""

from __future__ import annotations

import datetime as dt

from mmtracker.logic.history import BoneTherapyEvent, Entry, PhaseChange
from mmtracker.logic.parsing import Problem
from mmtracker.logic.validation import check_entry
from mmtracker.ui.forms.checking import problems_whatever_chosen

TODAY = dt.date(2026, 3, 1)
BORN = dt.date(1960, 1, 1)


def checks(entry: Entry) -> list[Problem]:
    return check_entry(entry, BORN, TODAY)


def test_a_date_in_the_future_is_said_before_the_phase_is_chosen() -> None:
    found = problems_whatever_chosen(PhaseChange, {"id": "p", "date": "2026-04-01"}, checks)
    assert [p.path for p in found] == ["phase", "date"]
    assert found[1].message == "2026-04-01 is in the future (today is 2026-03-01)"


def test_a_problem_that_depends_on_the_choice_waits_for_it() -> None:
    """A line number is wrong only if the phase is not RELAPSE (§11): not said yet."""
    data = {"id": "p", "date": "2026-02-01", "line_number": 2}
    assert [p.path for p in problems_whatever_chosen(PhaseChange, data, checks)] == ["phase"]
    data = {"id": "e", "date": "2026-02-01", "interval_days": 28}  # a schedule's, or not
    found = problems_whatever_chosen(BoneTherapyEvent, data, checks)
    assert [p.path for p in found] == ["kind"]


def test_a_value_that_cannot_be_read_is_said_alone() -> None:
    found = problems_whatever_chosen(PhaseChange, {"id": "p", "date": "01/04/2026"}, checks)
    assert {p.path: p.message.split(":")[0] for p in found} == {
        "date": "must be a date YYYY-MM-DD, not '01/04/2026'",
        "phase": "is required",
    }
