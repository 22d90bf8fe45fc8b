"""MRD status (clinical-rules.md §4 MRD rows, §6 threshold and sustained negativity).

Expected values come from clinical-rules.md: a negative result counts at a
sensitivity of at least 1 in 10⁵; sustained negativity is two negatives at
least 365 days apart with no positive between, with imaging negativity noted.
"""

from __future__ import annotations

import pytest
from response_builders import line, mrd, on, response_context, scan

from mmtracker.logic.history import Imaging, MrdTest
from mmtracker.logic.messages import MESSAGE_PARAMS
from mmtracker.logic.response import MrdState, MrdStatus, mrd_status


def status_of(
    tests: list[MrdTest], imaging: list[Imaging] | None = None, as_of: int = 900
) -> MrdStatus:
    return mrd_status(response_context(mrd_tests=tests, imaging=imaging or [], as_of=as_of))


def test_no_mrd_test() -> None:
    status = status_of([])
    assert (status.state, status.latest, status.sustained) == (MrdState.NONE, None, False)
    assert [m.id for m in status.messages] == ["mrd_status.none"]
    assert status.criteria == "IMWG 2016"


@pytest.mark.parametrize(
    ("result", "sensitivity", "state"),
    [
        pytest.param("negative", 1e-5, MrdState.NEGATIVE, id="§4 MRD-negative at 1e-5 (1 in 10⁵)"),
        pytest.param("negative", 1e-6, MrdState.NEGATIVE, id="§6 MRD-negative at 1e-6"),
        pytest.param(
            "negative",
            1e-4,
            MrdState.NEGATIVE_INSUFFICIENT,
            id="§4 MRD-negative at 1e-4 does not count",
        ),
        pytest.param("positive", 1e-5, MrdState.POSITIVE, id="§4 MRD-positive"),
        pytest.param("positive", 1e-4, MrdState.POSITIVE, id="§4 MRD-positive at 1e-4"),
    ],
)
def test_latest_result_and_sensitivity(result: str, sensitivity: float, state: MrdState) -> None:
    test = mrd(100, result, sensitivity)
    status = status_of([mrd(30, "positive"), test])
    assert status.latest == test
    assert status.state is state
    first = status.messages[0]
    assert first.as_dict()["sensitivity"] == sensitivity
    assert first.as_dict()["date"] == on(100)


def test_insufficient_sensitivity_message_names_the_required_sensitivity() -> None:
    status = status_of([mrd(100, "negative", 1e-4)])
    assert status.messages[0].id == "mrd_status.negative_insufficient"
    assert status.messages[0].as_dict()["required"] == 1e-5
    assert status.first_negative is None


@pytest.mark.parametrize(
    ("apart", "sustained"),
    [
        pytest.param(364, False, id="§6 sustained MRD negativity 364 days apart is not"),
        pytest.param(365, True, id="§6 sustained MRD negativity 365 days apart at boundary"),
        pytest.param(366, True, id="§6 sustained MRD negativity 366 days apart"),
    ],
)
def test_sustained_negativity_needs_365_days(apart: int, sustained: bool) -> None:
    status = status_of([mrd(100), mrd(100 + apart)])
    assert status.sustained is sustained
    assert status.first_negative is not None
    assert status.first_negative.date == on(100)
    assert status.last_negative is not None
    assert status.last_negative.date == on(100 + apart)


def test_not_yet_sustained_says_when_it_could_be() -> None:
    status = status_of([mrd(100)])
    assert not status.sustained
    assert [(m.id, m.as_dict()) for m in status.messages[1:]] == [
        ("mrd_status.not_sustained", {"first": on(100), "last": on(100), "due": on(465)})
    ]


def test_a_positive_between_breaks_sustained_negativity() -> None:
    status = status_of([mrd(100), mrd(300, "positive"), mrd(500)])
    assert not status.sustained
    assert status.first_negative is not None
    assert status.first_negative.date == on(500)


def test_a_negative_at_1e4_neither_starts_nor_breaks_the_run() -> None:
    assert not status_of([mrd(100, sensitivity=1e-4), mrd(465)]).sustained
    assert status_of([mrd(100), mrd(300, sensitivity=1e-4), mrd(465)]).sustained


def test_a_positive_after_the_run_ends_it() -> None:
    status = status_of([mrd(100), mrd(465), mrd(600, "positive")])
    assert status.state is MrdState.POSITIVE
    assert not status.sustained
    assert status.first_negative is None


@pytest.mark.parametrize(
    ("imaging", "found"),
    [
        pytest.param([scan(300, "PET_CT", fdg_avid=False)], True, id="§6 PET-CT negative between"),
        pytest.param(
            [scan(100, "PET_CT", fdg_avid=False)], True, id="§6 PET-CT negative on the first day"
        ),
        pytest.param([scan(300, "PET_CT", fdg_avid=True)], False, id="§6 PET-CT FDG-avid between"),
        pytest.param([scan(50, "PET_CT", fdg_avid=False)], False, id="§6 PET-CT before the run"),
        pytest.param([scan(300, "WBLDCT", fdg_avid=False)], False, id="§6 not a PET-CT"),
    ],
)
def test_sustained_negativity_reports_imaging_negativity(
    imaging: list[Imaging], found: bool
) -> None:
    status = status_of([mrd(100), mrd(465)], imaging)
    assert status.sustained
    assert (status.sustained_imaging is not None) is found
    expected = "mrd_status.sustained_imaging" if found else "mrd_status.sustained_imaging_missing"
    assert [m.id for m in status.messages[1:3]] == ["mrd_status.sustained", expected]
    assert status.messages[1].as_dict() == {"first": on(100), "last": on(465), "days": 365}


@pytest.mark.parametrize(
    ("tests", "imaging", "plus"),
    [
        pytest.param(
            [mrd(100)],
            [scan(100, "PET_CT", fdg_avid=False)],
            True,
            id="§4 imaging-plus: PET-CT negative on the day of the MRD negative",
        ),
        pytest.param(
            [mrd(100, method="NGS")],
            [scan(150, "PET_CT", fdg_avid=False)],
            True,
            id="§4 imaging-plus: PET-CT negative after an NGS negative",
        ),
        pytest.param(
            [mrd(100)],
            [scan(99, "PET_CT", fdg_avid=False)],
            False,
            id="§4 imaging-plus: PET-CT before the MRD negative does not count",
        ),
        pytest.param(
            [mrd(100)],
            [scan(150, "PET_CT", fdg_avid=False), scan(200, "PET_CT", fdg_avid=True)],
            False,
            id="§4 imaging-plus: a later FDG-avid PET-CT ends it",
        ),
        pytest.param(
            [mrd(100, sensitivity=1e-4)],
            [scan(150, "PET_CT", fdg_avid=False)],
            False,
            id="§4 imaging-plus needs a negative at 1e-5",
        ),
        pytest.param(
            [mrd(100), mrd(120, "positive")],
            [scan(150, "PET_CT", fdg_avid=False)],
            False,
            id="§4 imaging-plus: the latest MRD is positive",
        ),
    ],
)
def test_imaging_plus_mrd_negative(
    tests: list[MrdTest], imaging: list[Imaging], plus: bool
) -> None:
    status = status_of(tests, imaging)
    assert status.imaging_plus is plus
    assert ("mrd_status.imaging_plus" in [m.id for m in status.messages]) is plus


def test_d22_a_new_episode_starts_a_new_course() -> None:
    """D22: a salvage line with no RELAPSE phase opens a new episode; its negatives count afresh."""
    ctx = response_context(
        mrd_tests=[mrd(100), mrd(300), mrd(500)],
        imaging=[scan(120, "PET_CT", fdg_avid=False)],
        lines=[line(0), line(400, number=2, intent="salvage")],
        as_of=900,
    )
    status = mrd_status(ctx)
    assert status.latest is not None
    assert status.latest.date == on(500)
    assert status.first_negative is not None
    assert status.first_negative.date == on(500)
    assert not status.sustained
    assert not status.imaging_plus


def test_without_an_episode_every_test_counts() -> None:
    ctx = response_context(mrd_tests=[mrd(100), mrd(465)], lines=[], as_of=900)
    assert mrd_status(ctx).sustained


def test_as_of_hides_later_tests() -> None:
    assert not status_of([mrd(100), mrd(465)], as_of=464).sustained


def test_every_mrd_message_is_declared_with_its_parameters() -> None:
    status = status_of([mrd(100), mrd(465)], [scan(200, "PET_CT", fdg_avid=False)])
    assert status.messages
    for message in status.messages:
        assert tuple(dict(message.params)) == MESSAGE_PARAMS[message.id]


def test_mrd_status_is_computed_once_per_context() -> None:
    ctx = response_context(mrd_tests=[mrd(100)])
    assert mrd_status(ctx) is mrd_status(ctx)
