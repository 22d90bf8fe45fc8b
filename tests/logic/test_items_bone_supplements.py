"""supplement.ca_vitd and vitd.level (clinical-rules.md §11, §5 Ca / vitamin D, D9, D17).

Expected values come from clinical-rules.md: the supplement is due from the first
dose of the course, or the day after the last supplement ended (D43), unless the
latest calcium is above ULN (default 2.60 mmol/L, D17);
25-OH vitamin D is due at the first dose + 30 d, then the last result + 12 months;
< 50 nmol/L is deficient (urgent alert), 50–75 insufficient, ≥ 75 sufficient (D9).
"""

from __future__ import annotations

import pytest
from bone_builders import (
    ack,
    calcium,
    context,
    day,
    dose,
    history,
    item,
    phase,
    statuses,
    stop,
    supplement,
    vitamin_d,
)

from mmtracker.logic.care import Severity, Status
from mmtracker.logic.history import Entry
from mmtracker.logic.items import supplements

NDMM = phase("2026-01-05")
FIRST_DOSE = dose("2026-02-02")


# --- §11 supplement.ca_vitd --------------------------------------------------------------


def test_supplement_ca_vitd_due_at_the_first_dose() -> None:
    record = history(NDMM, FIRST_DOSE)
    assert statuses("supplement.ca_vitd", record, "2026-02-02", "2026-02-03") == {
        "2026-02-02": "due_soon",
        "2026-02-03": "overdue",
    }


def test_supplement_ca_vitd_satisfied_while_a_supplement_covers_as_of() -> None:
    # D43: ended 2026-05-31, so due the day after, 2026-06-01 (due_soon that day).
    record = history(NDMM, supplement("2026-01-20", "2026-05-31"), FIRST_DOSE)
    assert statuses(
        "supplement.ca_vitd", record, "2026-02-10", "2026-05-31", "2026-06-01", "2026-06-02"
    ) == {
        "2026-02-10": "ok",
        "2026-05-31": "ok",
        "2026-06-01": "due_soon",
        "2026-06-02": "overdue",
    }
    assert item("supplement.ca_vitd", record, "2026-06-01").message.id == (
        "supplement.ca_vitd.ended"
    )


@pytest.mark.parametrize(
    ("as_of", "status", "days_overdue"),
    [
        pytest.param("2026-06-01", "due_soon", None, id="D43: the day after the end is due"),
        pytest.param("2026-06-02", "overdue", 1, id="D43: 1 d overdue, not 120 from the dose"),
        pytest.param("2026-07-01", "overdue", 30, id="D43: 30 d after the due day"),
    ],
)
def test_supplement_ca_vitd_d43_days_overdue_count_from_the_day_after_it_ended(
    as_of: str, status: str, days_overdue: int | None
) -> None:
    record = history(NDMM, FIRST_DOSE, supplement("2026-02-02", "2026-05-31"))
    found = item("supplement.ca_vitd", record, as_of)
    assert (found.status.value, str(found.due), found.days_overdue) == (
        status,
        "2026-06-01",
        days_overdue,
    )


def test_supplement_ca_vitd_d43_the_latest_end_counts() -> None:
    # Two periods: the second ended 2026-08-15, so due 2026-08-16.
    record = history(
        NDMM,
        FIRST_DOSE,
        supplement("2026-02-02", "2026-04-30"),
        supplement("2026-05-10", "2026-08-15"),
    )
    assert str(item("supplement.ca_vitd", record, "2026-09-01").due) == "2026-08-16"


def test_supplement_ca_vitd_d43_ended_before_the_course_due_at_the_first_dose() -> None:
    # Reading: a gap cannot be due before the course that needs the supplement began.
    record = history(NDMM, supplement("2025-03-01", "2025-06-30"), FIRST_DOSE)
    assert str(item("supplement.ca_vitd", record, "2026-02-10").due) == "2026-02-02"


def test_supplement_ca_vitd_open_ended_supplement() -> None:
    record = history(NDMM, FIRST_DOSE, supplement("2026-02-05"))
    assert item("supplement.ca_vitd", record, "2027-02-05").status is Status.OK


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        pytest.param(
            [calcium("2026-02-20", 2.61)], Status.NOT_APPLICABLE, id="D17: 2.61 above ULN 2.60"
        ),
        pytest.param(
            [calcium("2026-02-20", 2.60)], Status.OVERDUE, id="D17: 2.60 is not above ULN"
        ),
        pytest.param(
            [calcium("2026-02-20", 2.55, low=2.10, high=2.50)],
            Status.NOT_APPLICABLE,
            id="D17: above the lab's ULN 2.50",
        ),
        pytest.param(
            [calcium("2026-02-10", 2.70), calcium("2026-02-20", 2.40)],
            Status.OVERDUE,
            id="§11 supplement.ca_vitd: the latest calcium counts",
        ),
    ],
)
def test_supplement_ca_vitd_not_applicable_while_calcium_above_uln(
    entries: list[Entry], expected: Status
) -> None:
    found = item("supplement.ca_vitd", history(NDMM, FIRST_DOSE, *entries), "2026-02-25")
    assert found.status is expected


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param([NDMM], id="§5 Ca/vitamin D: off BTA"),
        pytest.param([NDMM, FIRST_DOSE, stop("2026-02-20")], id="§5 Ca/vitamin D: stop entry"),
    ],
)
def test_supplement_ca_vitd_not_applicable_off_bta(entries: list[Entry]) -> None:
    assert item("supplement.ca_vitd", history(*entries), "2026-03-01").status is (
        Status.NOT_APPLICABLE
    )


def test_supplement_ca_vitd_snoozed() -> None:
    record = history(NDMM, FIRST_DOSE, ack("supplement.ca_vitd", "2026-02-03", "2026-02-17"))
    assert statuses("supplement.ca_vitd", record, "2026-02-17", "2026-02-18") == {
        "2026-02-17": "snoozed",
        "2026-02-18": "overdue",
    }


# --- §11 vitd.level (D9) -----------------------------------------------------------------


def test_vitd_level_first_due_30_days_after_the_first_dose() -> None:
    # 2026-02-02 + 30 d = 2026-03-04; due_soon from 2026-02-18.
    record = history(NDMM, FIRST_DOSE)
    assert statuses(
        "vitd.level", record, "2026-02-17", "2026-02-18", "2026-03-04", "2026-03-05"
    ) == {
        "2026-02-17": "ok",
        "2026-02-18": "due_soon",
        "2026-03-04": "due_soon",
        "2026-03-05": "overdue",
    }


def test_vitd_level_then_every_12_months() -> None:
    record = history(NDMM, FIRST_DOSE, vitamin_d("2026-02-20", 80))
    assert str(item("vitd.level", record, "2026-02-20").due) == "2027-02-20"
    assert statuses(
        "vitd.level", record, "2027-02-05", "2027-02-06", "2027-02-20", "2027-02-21"
    ) == {
        "2027-02-05": "ok",
        "2027-02-06": "due_soon",
        "2027-02-20": "due_soon",
        "2027-02-21": "overdue",
    }


def test_vitd_level_d18_leap_day_result_plus_12_months() -> None:
    record = history(NDMM, dose("2028-02-01"), vitamin_d("2028-02-29", 80))
    assert str(item("vitd.level", record, "2028-03-01").due) == "2029-02-28"


@pytest.mark.parametrize(
    ("value", "status", "message_id"),
    [
        pytest.param(49.9, Status.ALERT, "vitd.level.deficient", id="D9: 49.9 nmol/L deficient"),
        pytest.param(50.0, Status.OK, "vitd.level.insufficient", id="D9: 50 nmol/L insufficient"),
        pytest.param(74.9, Status.OK, "vitd.level.insufficient", id="D9: 74.9 insufficient"),
        pytest.param(75.0, Status.OK, "vitd.level.sufficient", id="D9: 75 nmol/L sufficient"),
    ],
)
def test_vitd_level_d9_thresholds(value: float, status: Status, message_id: str) -> None:
    found = item(
        "vitd.level", history(NDMM, FIRST_DOSE, vitamin_d("2026-02-20", value)), "2026-03-01"
    )
    assert found.status is status
    assert found.message.id == message_id
    if status is Status.ALERT:
        assert found.severity is Severity.URGENT


def test_vitd_level_d9_ng_per_ml_converted_before_comparing() -> None:
    # §9: 20 ng/mL × 2.496 = 49.92 nmol/L < 50 → deficient.
    result = vitamin_d("2026-02-20", 20, "ng/mL")
    found = item("vitd.level", history(NDMM, FIRST_DOSE, result), "2026-03-01")
    assert found.status is Status.ALERT


def test_vitd_level_a_result_long_before_this_course_does_not_move_the_first_due_date() -> None:
    record = history(NDMM, vitamin_d("2024-01-10", 80), FIRST_DOSE)
    assert str(item("vitd.level", record, "2026-02-10").due) == "2026-03-04"


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param([NDMM, vitamin_d("2026-01-10", 30)], id="D9: not on BTA"),
        pytest.param(
            [NDMM, FIRST_DOSE, vitamin_d("2026-02-10", 30), stop("2026-02-20")],
            id="D9: closes at a stop entry",
        ),
    ],
)
def test_vitd_level_not_applicable(entries: list[Entry]) -> None:
    assert item("vitd.level", history(*entries), "2026-03-01").status is Status.NOT_APPLICABLE


def test_vitd_level_deficient_alert_snoozed_but_a_newer_deficient_value_alerts() -> None:
    acknowledged = ack("vitd.level", "2026-02-22", "2026-03-31")
    record = history(NDMM, FIRST_DOSE, vitamin_d("2026-02-20", 30), acknowledged)
    assert statuses("vitd.level", record, "2026-02-21", "2026-03-31", "2026-04-01") == {
        "2026-02-21": "alert",
        "2026-03-31": "snoozed",
        "2026-04-01": "alert",
    }
    newer = history(
        NDMM, FIRST_DOSE, vitamin_d("2026-02-20", 30), acknowledged, vitamin_d("2026-03-10", 40)
    )
    assert item("vitd.level", newer, "2026-03-10").status is Status.ALERT


def test_vitd_level_snoozed_when_due() -> None:
    record = history(NDMM, FIRST_DOSE, ack("vitd.level", "2026-03-05", "2026-03-20"))
    assert statuses("vitd.level", record, "2026-03-20", "2026-03-21") == {
        "2026-03-20": "snoozed",
        "2026-03-21": "overdue",
    }


def test_vitd_level_d40_the_deficient_alert_cites_its_result_and_d45_since_its_date() -> None:
    result = vitamin_d("2026-02-20", 30)
    record = history(NDMM, FIRST_DOSE, result)
    finding = supplements.evaluate_vitd_level(context(record, "2026-03-01"))
    assert finding.cites == (result.id,)
    shown = item("vitd.level", record, "2026-03-01")
    assert (shown.since, shown.due) == (day("2026-02-20"), None)
