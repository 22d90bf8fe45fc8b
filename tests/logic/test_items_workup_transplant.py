"""workup.staging, imaging.pre_asct_pet and mrd.pre_asct (clinical-rules.md §11, §3, seed 000;
D22, D30, D42).

Dates are worked out by hand from the §11 rows and the shipped policy: staging
inputs within 60 d before or after the diagnosis date (the first NDMM date, or for a
patient transferred in the first episode start, D22), due + 30 d, closing 12 months
after it (D42); cytogenetics by FISH, NGS or karyotype (D30); PET-CT and MRD within
60 d before the planned transplant (asct.pre_window_days), due on the planned date;
due_soon from due − 14 d.
"""

from __future__ import annotations

import pytest
from builders import context, cytogenetics, day, imaging, lab, phase, policy
from items_builders import history, item_on, mrd, rule, snooze, transplant

from mmtracker.logic.care import ItemRule, Status
from mmtracker.logic.codes import (
    Analyte,
    CopyNumber1q,
    CytogeneticMethod,
    ImagingModality,
    Phase,
    ResponseCategory,
    TreatmentIntent,
)
from mmtracker.logic.history import Cytogenetics, Entry, ResponseAssessment, TreatmentLine
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
# 03-17; closes 2026-03-01, D42). β2M 59 d before, albumin and LDH around the date,
# FISH without 1q on 03-10, FISH 1q on 2025-04-15; relapse in 2026.
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
        pytest.param(
            "2026-02-28",
            Status.OK,
            id="D42 workup.staging: complete at relapse, day before closing",
        ),
        pytest.param(
            "2026-03-01", Status.NOT_APPLICABLE, id="D42 workup.staging: closed at NDMM + 12 mo"
        ),
    ],
)
def test_staging_vignette(on: str, expected: Status) -> None:
    assert item_on(STAGING, STAGING_VIGNETTE, on).status is expected


def test_staging_message_lists_what_is_missing() -> None:
    item = item_on(STAGING, STAGING_VIGNETTE, "2025-04-01")
    assert item.message.id == "workup.staging.missing"
    assert item.message.as_dict() == {
        "phase": "NDMM",
        "diagnosis": day("2025-03-01"),
        "window_days": 60,
        "missing": "gain_1q",
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
        "β2M, albumin, LDH, del_17p, t_4_14, t_14_16, gain_1q"
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


@pytest.mark.parametrize(
    "method",
    [
        pytest.param(CytogeneticMethod.KARYOTYPE, id="D30 workup.staging: karyotype counts"),
        pytest.param(CytogeneticMethod.NGS, id="D30 workup.staging: NGS counts"),
        pytest.param(CytogeneticMethod.FISH, id="D30 workup.staging: FISH counts"),
    ],
)
def test_staging_takes_cytogenetics_by_any_method(method: CytogeneticMethod) -> None:
    """D30: each abnormality reported as tested by FISH, NGS or karyotype satisfies it."""
    hist = history(
        phase("2025-03-01", Phase.NDMM),
        *complete_workup_on("2025-03-01", "2025-03-01")[:3],
        all_fish("2025-03-05", method),
    )
    item = item_on(STAGING, hist, "2025-06-01")
    assert (item.status, item.message.id) == (Status.OK, "workup.staging.complete")


def test_staging_an_abnormality_no_result_reports_stays_not_tested() -> None:
    """D30: a karyotype that reports neither t(14;16) nor 1q leaves both open, by name."""
    hist = history(
        phase("2025-03-01", Phase.NDMM),
        *complete_workup_on("2025-03-01", "2025-03-01")[:3],
        cytogenetics("2025-03-05", method=CytogeneticMethod.KARYOTYPE, del_17p=False, t_4_14=False),
        cytogenetics("2025-03-06", method=CytogeneticMethod.NGS, tp53_mutation=False),
    )
    item = item_on(STAGING, hist, "2025-06-01")
    assert item.status is Status.OVERDUE
    assert item.message.as_dict()["missing"] == "t_14_16, gain_1q"


def test_staging_combines_methods() -> None:
    """D30: del(17p) and t(4;14) by FISH, t(14;16) by NGS, 1q by karyotype: complete."""
    hist = history(
        phase("2025-03-01", Phase.NDMM),
        *complete_workup_on("2025-03-01", "2025-03-01")[:3],
        cytogenetics("2025-03-05", del_17p=False, t_4_14=True),
        cytogenetics("2025-03-06", method=CytogeneticMethod.NGS, t_14_16=False),
        cytogenetics("2025-03-07", method=CytogeneticMethod.KARYOTYPE, gain_1q=CopyNumber1q.GAIN),
    )
    item = item_on(STAGING, hist, "2025-06-01")
    assert item.status is Status.OK
    assert item.last is not None
    assert item.last.date == day("2025-03-07")


def test_staging_for_a_patient_transferred_in_counts_from_the_first_episode() -> None:
    """D22, §11 workup.staging: no NDMM entry, first phase MAINTENANCE on 2025-03-01: the
    work-up is anchored there, due 2025-03-31."""
    hist = history(phase("2025-03-01", Phase.MAINTENANCE))
    item = item_on(STAGING, hist, "2025-04-01")
    assert item.status is Status.OVERDUE
    assert item.due == day("2025-03-31")
    assert item.message.as_dict()["phase"] == "MAINTENANCE"
    assert item.message.as_dict()["diagnosis"] == day("2025-03-01")


def test_staging_for_a_patient_recorded_from_relapse_counts_from_that_episode() -> None:
    """A patient recorded from relapse, without an NDMM date: the first episode start anchors
    the work-up (reading of D22 erring toward showing: this patient also came from elsewhere)."""
    item = item_on(STAGING, history(phase("2025-03-01", Phase.RELAPSE)), "2025-06-01")
    assert item.status is Status.OVERDUE
    assert item.message.as_dict()["phase"] == "RELAPSE"


def test_staging_anchors_at_the_ndmm_date_not_an_earlier_line() -> None:
    """D22: an induction line 20 d before the NDMM entry joins its episode; the work-up
    still counts from the NDMM date (due 2025-03-31)."""
    line = TreatmentLine(
        id="line-1",
        start_date=day("2025-02-09"),
        regimen="VRd",
        intent=TreatmentIntent.INDUCTION,
        line_number=1,
    )
    item = item_on(STAGING, history(phase("2025-03-01", Phase.NDMM), line), "2025-03-20")
    assert item.due == day("2025-03-31")


@pytest.mark.parametrize(
    ("on", "expected", "message"),
    [
        pytest.param(
            "2026-02-28", Status.OVERDUE, "missing", id="D42 workup.staging: overdue the day before"
        ),
        pytest.param(
            "2026-03-01",
            Status.NOT_APPLICABLE,
            "not_done_at_diagnosis",
            id="D42 workup.staging: closes on NDMM + 12 mo",
        ),
        pytest.param(
            "2028-01-01",
            Status.NOT_APPLICABLE,
            "not_done_at_diagnosis",
            id="D42 workup.staging: never overdue for years",
        ),
    ],
)
def test_staging_closes_12_months_after_diagnosis(on: str, expected: Status, message: str) -> None:
    hist = history(phase("2025-03-01", Phase.NDMM), lab("2025-03-01", Analyte.B2M, 2, "mg/L"))
    item = item_on(STAGING, hist, on)
    assert (item.status, item.message.id) == (expected, f"workup.staging.{message}")


def test_staging_not_done_at_diagnosis_keeps_what_was_missing() -> None:
    """D42: the closed item still says what was not done at diagnosis."""
    hist = history(phase("2025-03-01", Phase.NDMM), lab("2025-03-01", Analyte.B2M, 2, "mg/L"))
    item = item_on(STAGING, hist, "2026-03-01")
    assert item.message.as_dict() == {
        "phase": "NDMM",
        "diagnosis": day("2025-03-01"),
        "window_days": 60,
        "missing": "albumin, LDH, del_17p, t_4_14, t_14_16, gain_1q",
        "closed": day("2026-03-01"),
    }


def test_staging_closed_after_completion_keeps_the_last_input() -> None:
    item = item_on(STAGING, STAGING_VIGNETTE, "2026-03-01")
    assert item.message.id == "workup.staging.closed_complete"
    assert item.message.as_dict()["completed"] == day("2025-04-15")
    assert item.last is not None
    assert item.last.date == day("2025-04-15")


@pytest.mark.parametrize(
    "on",
    [
        pytest.param("2025-03-01", id="D42 workup.staging changes_on: NDMM day"),
        pytest.param("2026-02-28", id="D42 workup.staging changes_on: the day before closing"),
    ],
)
def test_staging_changes_on_the_closure_date(on: str) -> None:
    finding = STAGING.evaluate(context(STAGING_VIGNETTE, on))
    assert finding.changes_on == day("2026-03-01")


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


# --- D39: a planned transplant not performed ------------------------------------------

OUTCOME = rule(transplant_items.RULES, "asct.outcome")

# NDMM 2025-01-02; transplant planned for 2025-06-30 and never performed: the pre-ASCT
# items close at 2025-06-30 + 30 d = 2025-07-30; asct.outcome is due then (due soon
# from 2025-07-16), overdue from 2025-07-31.
NEVER_PERFORMED: list[Entry] = [phase("2025-01-02", Phase.NDMM), transplant(planned="2025-06-30")]


@pytest.mark.parametrize("item", [PRE_ASCT_PET, PRE_ASCT_MRD], ids=lambda r: r.id)
@pytest.mark.parametrize(
    ("on", "expected", "message"),
    [
        pytest.param("2025-07-01", Status.OVERDUE, "due", id="D39 planned + 1 d: overdue"),
        pytest.param("2025-07-29", Status.OVERDUE, "due", id="D39 planned + 29 d: still open"),
        pytest.param(
            "2025-07-30", Status.NOT_APPLICABLE, "plan_passed", id="D39 planned + 30 d: closed"
        ),
        pytest.param("2026-07-30", Status.NOT_APPLICABLE, "plan_passed", id="D39 closed for good"),
    ],
)
def test_d39_pre_asct_items_close_at_planned_plus_30_days(
    item: ItemRule, on: str, expected: Status, message: str
) -> None:
    found = item_on(item, history(*NEVER_PERFORMED), on)
    assert (found.status, found.message.id) == (expected, f"{item.id}.{message}")


def test_d39_closed_message_and_changes_on() -> None:
    hist = history(*NEVER_PERFORMED)
    closed = item_on(PRE_ASCT_PET, hist, "2025-07-30")
    assert closed.message.as_dict() == {"planned": day("2025-06-30"), "closed": day("2025-07-30")}
    open_finding = PRE_ASCT_MRD.evaluate(context(hist, "2025-07-01"))
    assert open_finding.changes_on == day("2025-07-30")


@pytest.mark.parametrize("item", [PRE_ASCT_PET, PRE_ASCT_MRD], ids=lambda r: r.id)
def test_d39_pre_asct_items_close_at_the_withdrawal(item: ItemRule) -> None:
    hist = history(
        phase("2025-01-02", Phase.NDMM), transplant(planned="2025-06-30", withdrawn="2025-06-20")
    )
    assert item_on(item, hist, "2025-06-19").status is Status.DUE_SOON
    withdrawn = item_on(item, hist, "2025-06-20")
    assert withdrawn.status is Status.NOT_APPLICABLE
    assert withdrawn.message.id == f"{item.id}.withdrawn"
    assert withdrawn.message.as_dict() == {"planned": day("2025-06-30"), "ended": day("2025-06-20")}


def test_d39_a_later_plan_opens_again_after_one_passed() -> None:
    hist = history(
        *NEVER_PERFORMED, transplant(planned="2025-10-15"), transplant(planned="2025-03-01")
    )
    item = item_on(PRE_ASCT_PET, hist, "2025-08-01")
    assert item.status is Status.OK
    assert item.message.as_dict()["planned"] == day("2025-10-15")


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2025-07-15", Status.OK, id="D39 asct.outcome planned + 15 d: ok"),
        pytest.param("2025-07-16", Status.DUE_SOON, id="D39 asct.outcome planned + 16 d: due soon"),
        pytest.param("2025-07-30", Status.DUE_SOON, id="D39 asct.outcome planned + 30 d: due"),
        pytest.param("2025-07-31", Status.OVERDUE, id="D39 asct.outcome planned + 31 d: overdue"),
    ],
)
def test_d39_outcome_due_at_planned_plus_30_days(on: str, expected: Status) -> None:
    item = item_on(OUTCOME, history(*NEVER_PERFORMED), on)
    assert (item.status, item.due) == (expected, day("2025-07-30"))
    assert item.message.id == "asct.outcome.due"
    assert item.message.as_dict() == {
        "planned": day("2025-06-30"),
        "days": 30,
        "due": day("2025-07-30"),
    }


@pytest.mark.parametrize(
    ("plan", "message", "params"),
    [
        pytest.param(
            {"planned": "2025-06-30", "performed": "2025-07-02"},
            "performed",
            {"planned": day("2025-06-30"), "performed": day("2025-07-02")},
            id="D39 asct.outcome satisfied by the transplant performed",
        ),
        pytest.param(
            {"planned": "2025-06-30", "withdrawn": "2025-08-20"},
            "withdrawn",
            {"planned": day("2025-06-30"), "ended": day("2025-08-20")},
            id="D39 asct.outcome satisfied by the withdrawal, even when late",
        ),
    ],
)
def test_d39_outcome_settled(plan: dict[str, str], message: str, params: dict[str, object]) -> None:
    hist = history(phase("2025-01-02", Phase.NDMM), transplant(**plan))
    before = item_on(OUTCOME, hist, "2025-08-19")
    settled = item_on(OUTCOME, hist, "2025-08-20")
    if message == "withdrawn":
        assert (before.status, before.days_overdue) == (Status.OVERDUE, 20)
    assert settled.status is Status.NOT_APPLICABLE
    assert settled.message.id == f"asct.outcome.{message}"
    assert settled.message.as_dict() == params
    assert settled.last is not None
    assert settled.last.kind == "transplants"


def test_d39_outcome_without_a_plan() -> None:
    item = item_on(OUTCOME, history(phase("2025-01-02", Phase.NDMM)), "2025-06-01")
    assert (item.status, item.message.id) == (Status.NOT_APPLICABLE, "asct.outcome.no_plan")
    performed_only = history(transplant(performed="2025-05-01"))
    assert item_on(OUTCOME, performed_only, "2025-06-01").message.id == "asct.outcome.no_plan"
