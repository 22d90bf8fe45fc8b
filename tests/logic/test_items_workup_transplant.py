"""workup.staging, imaging.pre_asct_pet and mrd.pre_asct (clinical-rules.md §11, §3, seed 000).

Dates are worked out by hand from the §11 rows and the shipped policy: staging
inputs within 60 d before or after the first NDMM date, due NDMM + 30 d; PET-CT and
MRD within 60 d before the planned transplant (asct.pre_window_days), due on the
planned date; due_soon from due − 14 d.
"""

from __future__ import annotations

import pytest
from builders import cytogenetics, day, imaging, lab, phase, policy
from items_builders import history, item_on, mrd, rule, snooze, transplant

from mmtracker.logic.care import ItemRule, Status
from mmtracker.logic.codes import (
    Analyte,
    CopyNumber1q,
    CytogeneticMethod,
    ImagingModality,
    Phase,
    ResponseCategory,
)
from mmtracker.logic.history import Cytogenetics, Entry, ResponseAssessment
from mmtracker.logic.items import transplant as transplant_items
from mmtracker.logic.items import workup as workup_items

STAGING = rule(workup_items.RULES, "workup.staging")
PRE_ASCT_PET = rule(transplant_items.RULES, "imaging.pre_asct_pet")
PRE_ASCT_MRD = rule(transplant_items.RULES, "mrd.pre_asct")


def all_fish(on: str, method: CytogeneticMethod = CytogeneticMethod.FISH) -> Cytogenetics:
    """Every finding §11 workup.staging asks for, tested and absent."""
    return cytogenetics(
        on, method=method, del_17p=False, t_4_14=False, t_14_16=False, gain_1q=CopyNumber1q.NORMAL
    )


def test_sources_name_the_rows() -> None:
    assert STAGING.source == "§3 (inputs of ISS/R-ISS/R2-ISS)"
    assert PRE_ASCT_PET.source == "seed 000 (Mirgh 2026)"
    assert PRE_ASCT_MRD.source == "seed 000"


# workup.staging: SMM on 2025-01-10, NDMM on 2025-03-01 (due 2025-03-31, due_soon from
# 03-17). β2M 59 d before, albumin and LDH around the date, FISH without 1q on 03-10,
# FISH 1q on 2025-04-15; relapse in 2026.
STAGING_VIGNETTE = history(
    phase("2025-01-10", Phase.SMM),
    lab("2025-01-01", Analyte.B2M, 4.2, "mg/L"),
    phase("2025-03-01", Phase.NDMM),
    lab("2025-03-01", Analyte.ALBUMIN, 33, "g/L"),
    lab("2025-03-02", Analyte.LDH, 3.1, "ukat/L"),
    cytogenetics("2025-03-10", del_17p=True, t_4_14=False, t_14_16=False),
    snooze("workup.staging", "2025-04-05", "2025-04-10"),
    cytogenetics("2025-04-15", gain_1q=CopyNumber1q.GAIN),
    phase("2026-02-01", Phase.RELAPSE),
)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2025-02-15", Status.NOT_APPLICABLE, id="workup.staging: SMM, not active MM"),
        pytest.param("2025-03-01", Status.OK, id="workup.staging: NDMM, due far off"),
        pytest.param("2025-03-16", Status.OK, id="workup.staging: the day before due - lead"),
        pytest.param(
            "2025-03-17", Status.DUE_SOON, id="workup.staging: due_soon exactly at due - lead"
        ),
        pytest.param("2025-03-31", Status.DUE_SOON, id="workup.staging: due day, NDMM + 30 d"),
        pytest.param("2025-04-01", Status.OVERDUE, id="workup.staging: overdue"),
        pytest.param("2025-04-05", Status.SNOOZED, id="workup.staging: snoozed"),
        pytest.param("2025-04-11", Status.OVERDUE, id="workup.staging: snooze over"),
        pytest.param("2025-04-15", Status.OK, id="workup.staging: FISH 1q completes it"),
        pytest.param("2026-03-01", Status.OK, id="workup.staging: still complete at relapse"),
    ],
)
def test_staging_vignette(on: str, expected: Status) -> None:
    assert item_on(STAGING, STAGING_VIGNETTE, on).status is expected


def test_staging_message_lists_what_is_missing() -> None:
    item = item_on(STAGING, STAGING_VIGNETTE, "2025-04-01")
    assert item.message.id == "workup.staging.missing"
    assert item.message.as_dict() == {
        "ndmm": day("2025-03-01"),
        "window_days": 60,
        "missing": "FISH 1q",
        "due": day("2025-03-31"),
    }
    assert item.days_overdue == 1


def test_staging_complete_cites_the_last_input() -> None:
    item = item_on(STAGING, STAGING_VIGNETTE, "2025-04-15")
    assert item.message.id == "workup.staging.complete"
    assert item.message.as_dict()["completed"] == day("2025-04-15")
    assert item.last is not None
    assert (item.last.kind, item.last.date) == ("cytogenetics", day("2025-04-15"))


def test_staging_with_nothing_lists_every_input() -> None:
    item = item_on(STAGING, history(phase("2025-03-01", Phase.NDMM)), "2025-03-02")
    assert item.message.as_dict()["missing"] == (
        "β2M, albumin, LDH, FISH del(17p), FISH t(4;14), FISH t(14;16), FISH 1q"
    )


def complete_workup_on(labs_day: str, fish_day: str) -> list[Entry]:
    return [
        lab(labs_day, Analyte.B2M, 2.0, "mg/L"),
        lab(labs_day, Analyte.ALBUMIN, 40, "g/L"),
        lab(labs_day, Analyte.LDH, 180, "U/L"),
        all_fish(fish_day),
    ]


@pytest.mark.parametrize(
    ("labs_day", "fish_day", "expected"),
    [
        pytest.param(
            "2024-12-31",
            "2025-04-30",
            Status.OK,
            id="workup.staging: exactly 60 d before and after",
        ),
        pytest.param(
            "2024-12-30", "2025-03-01", Status.OVERDUE, id="workup.staging: labs 61 d before"
        ),
        pytest.param(
            "2025-03-01", "2025-05-01", Status.OVERDUE, id="workup.staging: FISH 61 d after"
        ),
    ],
)
def test_staging_window(labs_day: str, fish_day: str, expected: Status) -> None:
    hist = history(phase("2025-03-01", Phase.NDMM), *complete_workup_on(labs_day, fish_day))
    assert item_on(STAGING, hist, "2025-06-01").status is expected


def test_staging_needs_fish_not_a_karyotype() -> None:
    hist = history(
        phase("2025-03-01", Phase.NDMM),
        *complete_workup_on("2025-03-01", "2025-03-01")[:3],
        all_fish("2025-03-05", CytogeneticMethod.KARYOTYPE),
    )
    item = item_on(STAGING, hist, "2025-06-01")
    assert item.status is Status.OVERDUE
    assert item.message.as_dict()["missing"] == (
        "FISH del(17p), FISH t(4;14), FISH t(14;16), FISH 1q"
    )


def test_staging_applies_from_the_first_ndmm_date_only() -> None:
    """A patient recorded from relapse, without an NDMM date: nothing to anchor the work-up."""
    item = item_on(STAGING, history(phase("2025-03-01", Phase.RELAPSE)), "2025-06-01")
    assert item.status is Status.NOT_APPLICABLE
    assert item.message.id == "workup.staging.no_ndmm"


# imaging.pre_asct_pet and mrd.pre_asct: NDMM on 2025-01-02, transplant planned for
# 2025-06-30 (tests count from 2025-05-01; due_soon from 06-16), performed 2025-07-02.
PLAN: list[Entry] = [
    phase("2025-01-02", Phase.NDMM),
    transplant(planned="2025-06-30", performed="2025-07-02"),
    phase("2025-07-02", Phase.ASCT),
]


@pytest.mark.parametrize(
    ("on", "expected", "message"),
    [
        pytest.param(
            "2025-06-15", Status.OK, "due", id="imaging.pre_asct_pet: the day before due - lead"
        ),
        pytest.param(
            "2025-06-16",
            Status.DUE_SOON,
            "due",
            id="imaging.pre_asct_pet: due_soon exactly at due - lead",
        ),
        pytest.param(
            "2025-06-30", Status.DUE_SOON, "due", id="imaging.pre_asct_pet: the planned date"
        ),
        pytest.param(
            "2025-07-01", Status.OVERDUE, "due", id="imaging.pre_asct_pet: planned date passed"
        ),
        pytest.param(
            "2025-07-02",
            Status.NOT_APPLICABLE,
            "not_done_before_asct",
            id="imaging.pre_asct_pet: closes when performed, not done before ASCT",
        ),
    ],
)
def test_pre_asct_pet_not_done(on: str, expected: Status, message: str) -> None:
    item = item_on(PRE_ASCT_PET, history(*PLAN), on)
    assert (item.status, item.message.id) == (expected, f"imaging.pre_asct_pet.{message}")


def test_pre_asct_pet_messages() -> None:
    hist = history(*PLAN)
    due = item_on(PRE_ASCT_PET, hist, "2025-07-01")
    assert due.message.as_dict() == {
        "planned": day("2025-06-30"),
        "since": day("2025-05-01"),
        "days": 60,
    }
    assert due.days_overdue == 1
    closed = item_on(PRE_ASCT_PET, hist, "2025-07-02")
    assert closed.message.as_dict() == {"performed": day("2025-07-02"), "days": 60}


@pytest.mark.parametrize(
    ("pet_day", "expected"),
    [
        pytest.param("2025-05-01", Status.OK, id="imaging.pre_asct_pet: exactly 60 d before"),
        pytest.param("2025-04-30", Status.DUE_SOON, id="imaging.pre_asct_pet: 61 d before"),
        pytest.param("2025-06-20", Status.OK, id="imaging.pre_asct_pet: 10 d before"),
    ],
)
def test_pre_asct_pet_window(pet_day: str, expected: Status) -> None:
    hist = history(*PLAN, imaging(pet_day, ImagingModality.PET_CT))
    assert item_on(PRE_ASCT_PET, hist, "2025-06-20").status is expected


def test_pre_asct_pet_on_the_planned_date_counts() -> None:
    hist = history(*PLAN, imaging("2025-06-30", ImagingModality.PET_CT))
    assert item_on(PRE_ASCT_PET, hist, "2025-06-30").status is Status.OK


def test_pre_asct_pet_needs_pet_ct() -> None:
    hist = history(*PLAN, imaging("2025-06-01", ImagingModality.WBLDCT))
    assert item_on(PRE_ASCT_PET, hist, "2025-06-20").status is Status.DUE_SOON


def test_pre_asct_pet_done_is_kept_after_the_transplant() -> None:
    hist = history(*PLAN, imaging("2025-06-01", ImagingModality.PET_CT))
    before = item_on(PRE_ASCT_PET, hist, "2025-06-20")
    assert (before.status, before.message.id) == (Status.OK, "imaging.pre_asct_pet.done")
    assert before.message.as_dict() == {
        "date": day("2025-06-01"),
        "planned": day("2025-06-30"),
        "days": 60,
    }
    after = item_on(PRE_ASCT_PET, hist, "2025-08-01")
    assert after.status is Status.NOT_APPLICABLE
    assert after.message.id == "imaging.pre_asct_pet.done_before_asct"
    assert after.message.as_dict() == {"date": day("2025-06-01"), "performed": day("2025-07-02")}
    assert after.last is not None
    assert after.last.date == day("2025-06-01")


def test_pre_asct_pet_after_an_early_transplant_was_not_done_before_it() -> None:
    """Performed before the planned date: a PET-CT after the transplant is not pre-ASCT."""
    hist = history(
        phase("2025-01-02", Phase.NDMM),
        transplant(planned="2025-06-30", performed="2025-06-20"),
        imaging("2025-06-25", ImagingModality.PET_CT),
    )
    item = item_on(PRE_ASCT_PET, hist, "2025-07-01")
    assert item.status is Status.NOT_APPLICABLE
    assert item.message.id == "imaging.pre_asct_pet.not_done_before_asct"


def test_pre_asct_pet_snoozed() -> None:
    hist = history(*PLAN, snooze("imaging.pre_asct_pet", "2025-06-20", "2025-07-01"))
    assert item_on(PRE_ASCT_PET, hist, "2025-06-25").status is Status.SNOOZED
    assert item_on(PRE_ASCT_PET, hist, "2025-07-01").status is Status.SNOOZED


def test_pre_asct_pet_window_from_policy() -> None:
    """asct.pre_window_days = 30: a PET-CT 31 d before the planned date no longer counts."""
    hist = history(*PLAN, imaging("2025-05-30", ImagingModality.PET_CT))
    pol = policy(**{"asct.pre_window_days": 30})
    assert item_on(PRE_ASCT_PET, hist, "2025-06-20", pol).status is Status.DUE_SOON
    assert item_on(PRE_ASCT_PET, hist, "2025-06-20").status is Status.OK


def test_pre_asct_pet_for_the_second_of_a_tandem() -> None:
    hist = history(
        *PLAN,
        transplant(planned="2025-10-15"),
        imaging("2025-06-01", ImagingModality.PET_CT),
    )
    item = item_on(PRE_ASCT_PET, hist, "2025-10-20")
    assert item.status is Status.OVERDUE
    assert item.message.as_dict()["planned"] == day("2025-10-15")


@pytest.mark.parametrize(
    "rule_under_test",
    [
        pytest.param(PRE_ASCT_PET, id="imaging.pre_asct_pet: no transplant planned"),
        pytest.param(PRE_ASCT_MRD, id="mrd.pre_asct: no transplant planned"),
    ],
)
def test_pre_asct_without_a_plan(rule_under_test: ItemRule) -> None:
    item = item_on(rule_under_test, history(phase("2025-01-02", Phase.NDMM)), "2025-06-01")
    assert item.status is Status.NOT_APPLICABLE
    assert item.message.id.endswith(".no_plan")


# mrd.pre_asct: the same plan, with a PR recorded (the item applies whatever the response).
MRD_VIGNETTE = history(
    *PLAN,
    ResponseAssessment(id="resp-1", date=day("2025-04-01"), category=ResponseCategory.PR),
    snooze("mrd.pre_asct", "2025-06-18", "2025-06-22"),
    mrd("2025-06-25"),
)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2025-01-01", Status.OK, id="mrd.pre_asct: plan far off"),
        pytest.param("2025-06-15", Status.OK, id="mrd.pre_asct: the day before due - lead"),
        pytest.param(
            "2025-06-16", Status.DUE_SOON, id="mrd.pre_asct: due_soon exactly at due - lead"
        ),
        pytest.param("2025-06-18", Status.SNOOZED, id="mrd.pre_asct: snoozed"),
        pytest.param("2025-06-23", Status.DUE_SOON, id="mrd.pre_asct: snooze over"),
        pytest.param("2025-06-25", Status.OK, id="mrd.pre_asct: MRD test in PR satisfies it"),
        pytest.param("2025-07-02", Status.NOT_APPLICABLE, id="mrd.pre_asct: closes when performed"),
    ],
)
def test_mrd_pre_asct_vignette(on: str, expected: Status) -> None:
    assert item_on(PRE_ASCT_MRD, MRD_VIGNETTE, on).status is expected


def test_mrd_pre_asct_overdue_then_closed_not_done() -> None:
    hist = history(*PLAN)
    assert item_on(PRE_ASCT_MRD, hist, "2025-07-01").status is Status.OVERDUE
    closed = item_on(PRE_ASCT_MRD, hist, "2025-07-02")
    assert closed.message.id == "mrd.pre_asct.not_done_before_asct"


@pytest.mark.parametrize(
    ("mrd_day", "expected"),
    [
        pytest.param("2025-05-01", Status.OK, id="mrd.pre_asct: exactly 60 d before"),
        pytest.param("2025-04-30", Status.DUE_SOON, id="mrd.pre_asct: 61 d before"),
    ],
)
def test_mrd_pre_asct_window(mrd_day: str, expected: Status) -> None:
    hist = history(*PLAN, mrd(mrd_day))
    assert item_on(PRE_ASCT_MRD, hist, "2025-06-20").status is expected


def test_mrd_pre_asct_done_is_kept_after_the_transplant() -> None:
    item = item_on(PRE_ASCT_MRD, MRD_VIGNETTE, "2025-07-02")
    assert item.message.id == "mrd.pre_asct.done_before_asct"
    assert item.message.as_dict() == {"date": day("2025-06-25"), "performed": day("2025-07-02")}
    assert item.last is not None
    assert item.last.kind == "mrd_tests"
