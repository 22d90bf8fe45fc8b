"""imaging.baseline, imaging.smm_mri and imaging.smm_followup (clinical-rules.md §11, §5 Imaging).

Dates are worked out by hand from the §11 rows and the shipped policy: baseline
due diagnosis + 30 d, from 60 d before the diagnosis; SMM MRI due CT + 60 d;
SMM follow-up last imaging + 12 months for 5 years; due_soon from due − 14 d (D18
for months).
"""

from __future__ import annotations

import pytest
from builders import context, day, imaging, phase, policy
from items_builders import history, item_on, rule, snooze

from mmtracker.logic.care import Status
from mmtracker.logic.codes import ImagingModality, Phase
from mmtracker.logic.history import Imaging
from mmtracker.logic.items import imaging as imaging_items

BASELINE = rule(imaging_items.RULES, "imaging.baseline")
SMM_MRI = rule(imaging_items.RULES, "imaging.smm_mri")
SMM_FOLLOWUP = rule(imaging_items.RULES, "imaging.smm_followup")

WBLDCT = ImagingModality.WBLDCT
PET_CT = ImagingModality.PET_CT
WB_MRI = ImagingModality.WB_MRI
SURVEY = ImagingModality.SKELETAL_SURVEY


def test_sources_name_the_rows() -> None:
    assert [r.id for r in imaging_items.RULES] == [
        "imaging.baseline",
        "imaging.smm_mri",
        "imaging.smm_followup",
    ]
    assert BASELINE.source == "§5 Imaging"
    assert SMM_MRI.source == "§5 Imaging (SMM at diagnosis)"
    assert SMM_FOLLOWUP.source == "§5 Imaging"


# imaging.baseline: SMM diagnosed 2025-03-10 (due 2025-04-09, due_soon from 03-26; closes
# 2026-03-10, D42), WBLDCT on 2025-04-20; NDMM on 2026-05-04 (imaging counts from 2026-03-05; due
# 2026-06-03, due_soon from 05-20), PET-CT on 2026-06-10.
BASELINE_VIGNETTE = history(
    phase("2025-03-10", Phase.SMM),
    imaging("2025-04-20", WBLDCT, lytic_lesions=0),
    snooze("imaging.baseline", "2026-06-05", "2026-06-08"),
    phase("2026-05-04", Phase.NDMM),
    imaging("2026-06-10", PET_CT),
)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2025-03-09", Status.NOT_APPLICABLE, id="imaging.baseline: no diagnosis yet"),
        pytest.param("2025-03-10", Status.OK, id="imaging.baseline: SMM diagnosed, due far off"),
        pytest.param("2025-03-25", Status.OK, id="imaging.baseline: the day before due - lead"),
        pytest.param(
            "2025-03-26", Status.DUE_SOON, id="imaging.baseline: due_soon exactly at due - lead"
        ),
        pytest.param("2025-04-09", Status.DUE_SOON, id="imaging.baseline: due_soon on the due day"),
        pytest.param("2025-04-10", Status.OVERDUE, id="imaging.baseline: overdue the day after"),
        pytest.param("2025-04-20", Status.OK, id="imaging.baseline: WBLDCT satisfies it"),
        pytest.param(
            "2026-03-09", Status.OK, id="D42 imaging.baseline: SMM, the day before closing"
        ),
        pytest.param(
            "2026-03-10", Status.NOT_APPLICABLE, id="D42 imaging.baseline: closes at SMM + 12 mo"
        ),
        pytest.param(
            "2026-05-03", Status.NOT_APPLICABLE, id="D42 imaging.baseline: closed until NDMM"
        ),
        pytest.param(
            "2026-05-04", Status.OK, id="imaging.baseline: NDMM reopens it, SMM imaging too old"
        ),
        pytest.param("2026-05-20", Status.DUE_SOON, id="imaging.baseline: NDMM due_soon"),
        pytest.param("2026-06-04", Status.OVERDUE, id="imaging.baseline: NDMM overdue"),
        pytest.param("2026-06-05", Status.SNOOZED, id="imaging.baseline: snoozed"),
        pytest.param("2026-06-08", Status.SNOOZED, id="imaging.baseline: snoozed until inclusive"),
        pytest.param("2026-06-09", Status.OVERDUE, id="imaging.baseline: snooze over"),
        pytest.param("2026-06-10", Status.OK, id="imaging.baseline: PET-CT satisfies it"),
    ],
)
def test_baseline_vignette(on: str, expected: Status) -> None:
    assert item_on(BASELINE, BASELINE_VIGNETTE, on).status is expected


def test_baseline_messages_follow_the_vignette() -> None:
    due = item_on(BASELINE, BASELINE_VIGNETTE, "2026-06-04")
    assert due.message.id == "imaging.baseline.due"
    assert due.message.as_dict() == {
        "phase": "NDMM",
        "diagnosis": day("2026-05-04"),
        "since": day("2026-03-05"),
        "due": day("2026-06-03"),
    }
    assert due.due == day("2026-06-03")
    assert due.days_overdue == 1
    done = item_on(BASELINE, BASELINE_VIGNETTE, "2026-06-10")
    assert done.message.id == "imaging.baseline.done"
    assert done.message.as_dict()["modality"] == "PET_CT"
    assert done.last is not None
    assert done.last.date == day("2026-06-10")


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        pytest.param(
            imaging("2026-03-05", WB_MRI), Status.OK, id="imaging.baseline: exactly 60 d before"
        ),
        pytest.param(
            imaging("2026-03-04", WB_MRI), Status.OVERDUE, id="imaging.baseline: 61 d before"
        ),
        pytest.param(
            imaging("2026-06-01", ImagingModality.OTHER),
            Status.OVERDUE,
            id="imaging.baseline: other imaging does not count",
        ),
    ],
)
def test_baseline_window(image: Imaging, expected: Status) -> None:
    hist = history(phase("2026-05-04", Phase.NDMM), image)
    assert item_on(BASELINE, hist, "2026-06-04").status is expected


def test_skeletal_survey_satisfies_baseline_as_suboptimal() -> None:
    hist = history(phase("2026-05-04", Phase.NDMM), imaging("2026-05-10", SURVEY))
    item = item_on(BASELINE, hist, "2026-06-04")
    assert item.status is Status.OK
    assert item.message.id == "imaging.baseline.suboptimal"
    assert item.message.as_dict() == {
        "phase": "NDMM",
        "diagnosis": day("2026-05-04"),
        "date": day("2026-05-10"),
    }


def test_whole_body_ct_after_a_survey_is_the_baseline() -> None:
    hist = history(
        phase("2026-05-04", Phase.NDMM),
        imaging("2026-05-10", SURVEY),
        imaging("2026-05-20", WBLDCT),
    )
    item = item_on(BASELINE, hist, "2026-06-04")
    assert item.message.id == "imaging.baseline.done"
    assert item.last is not None
    assert item.last.date == day("2026-05-20")


def test_baseline_without_any_phase_is_not_applicable() -> None:
    item = item_on(BASELINE, history(imaging("2026-05-04", WBLDCT)), "2026-06-04")
    assert item.status is Status.NOT_APPLICABLE
    assert item.message.id == "imaging.baseline.no_diagnosis"


@pytest.mark.parametrize(
    "first",
    [
        pytest.param(Phase.MAINTENANCE, id="D22 imaging.baseline: transferred in at maintenance"),
        pytest.param(Phase.ASCT, id="D22 imaging.baseline: transferred in at ASCT"),
        pytest.param(Phase.RELAPSE, id="D22 imaging.baseline: first recorded at relapse"),
    ],
)
def test_baseline_for_a_patient_transferred_in_counts_from_the_first_episode(
    first: Phase,
) -> None:
    """§11 imaging.baseline at a transferred-in patient's first episode start: 2026-05-04,
    due 2026-06-03."""
    item = item_on(BASELINE, history(phase("2026-05-04", first)), "2026-06-04")
    assert item.status is Status.OVERDUE
    assert item.due == day("2026-06-03")
    assert item.message.as_dict()["phase"] == first.value


@pytest.mark.parametrize(
    ("on", "expected", "message"),
    [
        pytest.param("2027-05-03", Status.OVERDUE, "due", id="D42 imaging.baseline: day before"),
        pytest.param(
            "2027-05-04",
            Status.NOT_APPLICABLE,
            "not_done_at_diagnosis",
            id="D42 imaging.baseline: closes on NDMM + 12 mo",
        ),
        pytest.param(
            "2029-01-01",
            Status.NOT_APPLICABLE,
            "not_done_at_diagnosis",
            id="D42 imaging.baseline: never overdue for years",
        ),
    ],
)
def test_baseline_closes_12_months_after_diagnosis(on: str, expected: Status, message: str) -> None:
    item = item_on(BASELINE, history(phase("2026-05-04", Phase.NDMM)), on)
    assert (item.status, item.message.id) == (expected, f"imaging.baseline.{message}")
    if expected is Status.NOT_APPLICABLE:
        assert item.message.as_dict() == {
            "phase": "NDMM",
            "diagnosis": day("2026-05-04"),
            "closed": day("2027-05-04"),
        }


def test_baseline_closed_after_imaging_keeps_the_scan() -> None:
    hist = history(phase("2026-05-04", Phase.NDMM), imaging("2026-05-10", SURVEY))
    item = item_on(BASELINE, hist, "2027-05-04")
    assert item.status is Status.NOT_APPLICABLE
    assert item.message.id == "imaging.baseline.closed"
    assert item.message.as_dict()["modality"] == "skeletal_survey"
    assert item.last is not None
    assert item.last.date == day("2026-05-10")


@pytest.mark.parametrize(
    "on",
    [
        pytest.param("2026-05-04", id="D42 imaging.baseline changes_on: diagnosis day"),
        pytest.param("2027-05-03", id="D42 imaging.baseline changes_on: the day before closing"),
    ],
)
def test_baseline_changes_on_the_closure_date(on: str) -> None:
    hist = history(phase("2026-05-04", Phase.NDMM))
    assert BASELINE.evaluate(context(hist, on)).changes_on == day("2027-05-04")


# imaging.smm_mri: SMM on 2025-03-10, WBLDCT without lytic lesions on 2025-03-20
# (MRI due 2025-05-19, due_soon from 05-05), whole-body MRI on 2025-06-01 (satisfied:
# the due date acknowledged is gone, so the snooze ends, D40), NDMM on 2025-09-01.
SMM_MRI_VIGNETTE = history(
    phase("2025-03-10", Phase.SMM),
    imaging("2025-03-20", WBLDCT, lytic_lesions=0),
    snooze("imaging.smm_mri", "2025-05-25", "2025-06-30"),
    imaging("2025-06-01", WB_MRI),
    phase("2025-09-01", Phase.NDMM),
)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2025-03-09", Status.NOT_APPLICABLE, id="imaging.smm_mri: before SMM"),
        pytest.param("2025-03-15", Status.NOT_APPLICABLE, id="imaging.smm_mri: no imaging yet"),
        pytest.param("2025-03-20", Status.OK, id="imaging.smm_mri: after a negative WBLDCT"),
        pytest.param("2025-05-04", Status.OK, id="imaging.smm_mri: the day before due - lead"),
        pytest.param(
            "2025-05-05", Status.DUE_SOON, id="imaging.smm_mri: due_soon exactly at due - lead"
        ),
        pytest.param("2025-05-19", Status.DUE_SOON, id="imaging.smm_mri: due day, CT + 60 d"),
        pytest.param("2025-05-20", Status.OVERDUE, id="imaging.smm_mri: overdue"),
        pytest.param("2025-05-25", Status.SNOOZED, id="imaging.smm_mri: snoozed"),
        pytest.param("2025-06-01", Status.OK, id="D40 imaging.smm_mri: MRI done ends the snooze"),
        pytest.param("2025-07-01", Status.OK, id="imaging.smm_mri: satisfied by whole-body MRI"),
        pytest.param(
            "2025-09-01", Status.NOT_APPLICABLE, id="imaging.smm_mri: leaving SMM closes it"
        ),
    ],
)
def test_smm_mri_vignette(on: str, expected: Status) -> None:
    assert item_on(SMM_MRI, SMM_MRI_VIGNETTE, on).status is expected


def test_smm_mri_message_names_the_ct() -> None:
    item = item_on(SMM_MRI, SMM_MRI_VIGNETTE, "2025-05-20")
    assert item.message.id == "imaging.smm_mri.due"
    assert item.message.as_dict() == {
        "modality": "WBLDCT",
        "date": day("2025-03-20"),
        "days": 60,
        "due": day("2025-05-19"),
    }


@pytest.mark.parametrize(
    ("images", "expected", "message"),
    [
        pytest.param(
            [imaging("2025-03-20", WBLDCT, lytic_lesions=2)],
            Status.NOT_APPLICABLE,
            "imaging.smm_mri.lytic",
            id="imaging.smm_mri: CT with lytic lesions",
        ),
        pytest.param(
            [imaging("2025-03-20", WB_MRI)],
            Status.NOT_APPLICABLE,
            "imaging.smm_mri.not_needed",
            id="imaging.smm_mri: whole-body MRI first",
        ),
        pytest.param(
            [imaging("2025-03-20", PET_CT), imaging("2025-04-01", WBLDCT)],
            Status.NOT_APPLICABLE,
            "imaging.smm_mri.not_needed",
            id="imaging.smm_mri: PET-CT first, a later CT changes nothing",
        ),
        pytest.param(
            [imaging("2025-03-20", SURVEY)],
            Status.OVERDUE,
            "imaging.smm_mri.due",
            id="imaging.smm_mri: skeletal survey only",
        ),
        pytest.param(
            [imaging("2025-03-20", WBLDCT), imaging("2025-05-01", PET_CT)],
            Status.OK,
            "imaging.smm_mri.done",
            id="imaging.smm_mri: satisfied by PET-CT",
        ),
        pytest.param(
            [imaging("2025-03-20", WBLDCT), imaging("2025-04-01", ImagingModality.OTHER)],
            Status.OVERDUE,
            "imaging.smm_mri.due",
            id="imaging.smm_mri: other imaging does not satisfy it",
        ),
    ],
)
def test_smm_mri_depends_on_the_imaging_so_far(
    images: list[Imaging], expected: Status, message: str
) -> None:
    hist = history(phase("2025-03-10", Phase.SMM), *images)
    item = item_on(SMM_MRI, hist, "2025-06-30")
    assert (item.status, item.message.id) == (expected, message)


# imaging.smm_followup: SMM on 2024-01-15, WBLDCT on 2024-01-31 (next due
# 2025-01-31, due_soon from 2025-01-17), whole-body MRI on 2025-02-10 (next due
# 2026-02-10), NDMM on 2025-06-01.
FOLLOWUP_VIGNETTE = history(
    phase("2024-01-15", Phase.SMM),
    imaging("2024-01-31", WBLDCT, lytic_lesions=0),
    snooze("imaging.smm_followup", "2025-02-03", "2025-02-05"),
    imaging("2025-02-10", WB_MRI),
    phase("2025-06-01", Phase.NDMM),
)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param(
            "2024-01-20", Status.NOT_APPLICABLE, id="imaging.smm_followup: no imaging yet"
        ),
        pytest.param("2024-06-01", Status.OK, id="imaging.smm_followup: imaged, next far off"),
        pytest.param("2025-01-16", Status.OK, id="imaging.smm_followup: the day before due - lead"),
        pytest.param(
            "2025-01-17",
            Status.DUE_SOON,
            id="imaging.smm_followup: due_soon exactly at due - lead",
        ),
        pytest.param(
            "2025-01-31", Status.DUE_SOON, id="imaging.smm_followup: due day, last + 12 mo"
        ),
        pytest.param("2025-02-01", Status.OVERDUE, id="imaging.smm_followup: overdue"),
        pytest.param("2025-02-03", Status.SNOOZED, id="imaging.smm_followup: snoozed"),
        pytest.param("2025-02-06", Status.OVERDUE, id="imaging.smm_followup: snooze over"),
        pytest.param("2025-02-10", Status.OK, id="imaging.smm_followup: MRI, next in 12 mo"),
        pytest.param(
            "2025-06-01", Status.NOT_APPLICABLE, id="imaging.smm_followup: leaving SMM closes it"
        ),
    ],
)
def test_smm_followup_vignette(on: str, expected: Status) -> None:
    assert item_on(SMM_FOLLOWUP, FOLLOWUP_VIGNETTE, on).status is expected


def test_smm_followup_message_and_due() -> None:
    item = item_on(SMM_FOLLOWUP, FOLLOWUP_VIGNETTE, "2025-02-10")
    assert item.due == day("2026-02-10")
    assert item.message.id == "imaging.smm_followup.due"
    assert item.message.as_dict() == {
        "modality": "WB_MRI",
        "last": day("2025-02-10"),
        "months": 12,
        "due": day("2026-02-10"),
    }


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2025-02-28", Status.DUE_SOON, id="D18: 2024-02-29 + 12 mo = 2025-02-28"),
        pytest.param("2025-03-01", Status.OVERDUE, id="D18: overdue from 2025-03-01"),
    ],
)
def test_smm_followup_month_end(on: str, expected: Status) -> None:
    hist = history(phase("2024-01-15", Phase.SMM), imaging("2024-02-29", WBLDCT))
    assert item_on(SMM_FOLLOWUP, hist, on).status is expected


def test_smm_followup_interval_from_policy_clamps_to_month_end() -> None:
    """D18 with imaging.smm_interval_months = 3: 2024-11-30 + 3 mo = 2025-02-28."""
    hist = history(phase("2024-01-15", Phase.SMM), imaging("2024-11-30", WBLDCT))
    item = item_on(SMM_FOLLOWUP, hist, "2025-03-01", policy(**{"imaging.smm_interval_months": 3}))
    assert item.due == day("2025-02-28")
    assert item.status is Status.OVERDUE


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param(
            "2025-02-28", Status.OK, id="imaging.smm_followup: SMM 2020-02-29 + 5 y, last day"
        ),
        pytest.param(
            "2025-03-01", Status.NOT_APPLICABLE, id="imaging.smm_followup: beyond 5 years"
        ),
    ],
)
def test_smm_followup_only_within_smm_years(on: str, expected: Status) -> None:
    """D18: 2020-02-29 + 60 months = 2025-02-28."""
    hist = history(phase("2020-02-29", Phase.SMM), imaging("2024-06-01", WBLDCT))
    item = item_on(SMM_FOLLOWUP, hist, on)
    assert item.status is expected


def test_smm_followup_ended_message() -> None:
    hist = history(phase("2020-02-29", Phase.SMM), imaging("2024-06-01", WBLDCT))
    item = item_on(SMM_FOLLOWUP, hist, "2025-03-01")
    assert item.message.id == "imaging.smm_followup.ended"
    assert item.message.as_dict() == {"diagnosis": day("2020-02-29"), "years": 5}


def test_smm_followup_years_from_policy() -> None:
    hist = history(phase("2020-02-29", Phase.SMM), imaging("2024-06-01", WBLDCT))
    item = item_on(SMM_FOLLOWUP, hist, "2025-03-01", policy(**{"imaging.smm_years": 6}))
    assert item.status is Status.OK
