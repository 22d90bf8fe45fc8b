"""dental.before_bta, dental.periodic and alert.onj_risk (clinical-rules.md §11, §5 Dental, §5 ONJ risk, D8, D18).

Expected values come from clinical-rules.md and the shipped policy: a dental exam
within 180 d before the first dose (dental.pre_bta_lookback_days), then every 6 months
(D8, dental.interval_months); "+ 6 mo" clamps to the month end (D18); the ONJ alert
closes 90 d after the procedure. Dates were counted by hand.
"""

from __future__ import annotations

import pytest
from bone_builders import (
    ack,
    declined,
    dental_exam,
    dose,
    history,
    item,
    phase,
    policy,
    statuses,
    stop,
)

from mmtracker.logic.care import Severity, Status
from mmtracker.logic.codes import InvasiveProcedure, Phase
from mmtracker.logic.history import Entry

NDMM = phase("2026-01-05")
FIRST_DOSE = dose("2026-02-02")


# --- §11 dental.before_bta ---------------------------------------------------------------


def test_dental_before_bta_before_the_first_dose_due_at_the_bta_start_due_date() -> None:
    # bta.start applies: due NDMM 2026-01-05 + 30 d = 2026-02-04; due_soon from 2026-01-21.
    record = history(NDMM)
    assert statuses(
        "dental.before_bta", record, "2026-01-20", "2026-01-21", "2026-02-04", "2026-02-05"
    ) == {
        "2026-01-20": "ok",
        "2026-01-21": "due_soon",
        "2026-02-04": "due_soon",
        "2026-02-05": "overdue",
    }


@pytest.mark.parametrize(
    ("exam_date", "expected"),
    [
        pytest.param("2025-07-14", Status.OK, id="§5 Dental before: 180 d before as_of counts"),
        pytest.param("2025-07-13", Status.OVERDUE, id="§5 Dental before: 181 d before does not"),
    ],
)
def test_dental_before_bta_no_dose_yet_exam_within_180_days_before_as_of(
    exam_date: str, expected: Status
) -> None:
    record = history(phase("2025-12-01"), dental_exam(exam_date))
    assert item("dental.before_bta", record, "2026-01-10").status is expected


@pytest.mark.parametrize(
    ("exam_date", "expected"),
    [
        pytest.param("2025-08-06", Status.OK, id="§5 Dental before: 180 d before the first dose"),
        pytest.param("2025-08-05", Status.OVERDUE, id="§5 Dental before: 181 d before"),
        pytest.param("2026-02-02", Status.OK, id="§5 Dental before: on the first-dose day"),
    ],
)
def test_dental_before_bta_exam_within_180_days_before_the_first_dose(
    exam_date: str, expected: Status
) -> None:
    record = history(NDMM, dental_exam(exam_date), FIRST_DOSE)
    assert item("dental.before_bta", record, "2026-02-10").status is expected


def test_dental_before_bta_missing_is_due_on_the_first_dose_date() -> None:
    record = history(NDMM, FIRST_DOSE)
    assert statuses("dental.before_bta", record, "2026-02-02", "2026-02-03") == {
        "2026-02-02": "due_soon",
        "2026-02-03": "overdue",
    }


def test_dental_before_bta_closes_when_an_exam_follows_the_first_dose() -> None:
    record = history(NDMM, FIRST_DOSE, dental_exam("2026-03-01"))
    assert item("dental.before_bta", record, "2026-02-28").status is Status.OVERDUE
    closed = item("dental.before_bta", record, "2026-03-01")
    assert closed.status is Status.NOT_APPLICABLE
    assert closed.message.id == "dental.before_bta.after_start"


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param([phase("2026-01-05", Phase.SMM)], id="§5 Dental before: SMM"),
        pytest.param([NDMM, declined("2026-01-10")], id="§5 Dental before: BTA declined"),
        pytest.param(
            [NDMM, FIRST_DOSE, stop("2026-03-01")], id="§5 Dental before: stopped, no relapse"
        ),
    ],
)
def test_dental_before_bta_not_applicable(entries: list[Entry]) -> None:
    assert item("dental.before_bta", history(*entries), "2026-03-10").status is (
        Status.NOT_APPLICABLE
    )


def test_dental_before_bta_snoozed() -> None:
    record = history(NDMM, FIRST_DOSE, ack("dental.before_bta", "2026-02-05", "2026-02-28"))
    assert statuses("dental.before_bta", record, "2026-02-28", "2026-03-01") == {
        "2026-02-28": "snoozed",
        "2026-03-01": "overdue",
    }


# --- §11 dental.periodic (D8) ------------------------------------------------------------


def test_dental_periodic_d18_last_check_31_august_2027_due_29_february_2028() -> None:
    record = history(NDMM, dose("2027-03-01"), dental_exam("2027-08-31"))
    assert str(item("dental.periodic", record, "2027-09-01").due) == "2028-02-29"
    assert statuses(
        "dental.periodic", record, "2028-02-14", "2028-02-15", "2028-02-29", "2028-03-01"
    ) == {
        "2028-02-14": "ok",
        "2028-02-15": "due_soon",
        "2028-02-29": "due_soon",
        "2028-03-01": "overdue",
    }
    overdue = item("dental.periodic", record, "2028-03-27")
    assert overdue.days_overdue == 27
    assert overdue.message.id == "dental.periodic.due"
    assert overdue.message.as_dict()["months"] == 6


def test_dental_periodic_d18_31_march_plus_6_months_is_30_september() -> None:
    record = history(NDMM, FIRST_DOSE, dental_exam("2026-03-31"))
    assert str(item("dental.periodic", record, "2026-04-01").due) == "2026-09-30"


def test_dental_periodic_counts_from_the_pre_bta_exam() -> None:
    record = history(NDMM, dental_exam("2025-08-06"), FIRST_DOSE)
    assert str(item("dental.periodic", record, "2026-02-02").due) == "2026-02-06"


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param([NDMM, FIRST_DOSE], id="D8: no dental exam yet"),
        pytest.param(
            [NDMM, dental_exam("2025-08-05"), FIRST_DOSE],
            id="D8: the only exam is more than 180 d before the first dose",
        ),
        pytest.param([NDMM, dental_exam("2026-01-10")], id="D8: not on BTA"),
        pytest.param(
            [NDMM, dental_exam("2026-01-10"), FIRST_DOSE, stop("2026-03-01")],
            id="D8: closes at a stop entry",
        ),
    ],
)
def test_dental_periodic_not_applicable(entries: list[Entry]) -> None:
    assert item("dental.periodic", history(*entries), "2026-03-10").status is (
        Status.NOT_APPLICABLE
    )


def test_dental_periodic_snoozed() -> None:
    record = history(
        NDMM,
        FIRST_DOSE,
        dental_exam("2026-03-31"),
        ack("dental.periodic", "2026-10-01", "2026-10-15"),
    )
    assert statuses("dental.periodic", record, "2026-10-15", "2026-10-16") == {
        "2026-10-15": "snoozed",
        "2026-10-16": "overdue",
    }


# --- §11 alert.onj_risk ------------------------------------------------------------------


def test_alert_onj_risk_from_the_planning_entry_until_90_days_after_the_procedure() -> None:
    # Procedure 2026-05-20 + 90 d = 2026-08-18.
    record = history(
        NDMM,
        FIRST_DOSE,
        dental_exam("2026-05-01", InvasiveProcedure.PLANNED, "2026-05-20"),
    )
    assert statuses(
        "alert.onj_risk", record, "2026-04-30", "2026-05-01", "2026-08-18", "2026-08-19"
    ) == {
        "2026-04-30": "not_applicable",
        "2026-05-01": "alert",
        "2026-08-18": "alert",
        "2026-08-19": "not_applicable",
    }
    found = item("alert.onj_risk", record, "2026-05-01")
    assert found.severity is Severity.INFO
    assert found.message.id == "alert.onj_risk.planned"


def test_alert_onj_risk_procedure_done() -> None:
    record = history(
        NDMM, FIRST_DOSE, dental_exam("2026-05-01", InvasiveProcedure.DONE, "2026-04-28")
    )
    found = item("alert.onj_risk", record, "2026-05-02")
    assert found.status is Status.ALERT
    assert found.message.id == "alert.onj_risk.done"


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param([NDMM, FIRST_DOSE, dental_exam("2026-05-01")], id="§5 ONJ risk: no procedure"),
        pytest.param(
            [NDMM, dental_exam("2026-01-10", InvasiveProcedure.PLANNED, "2026-01-20")],
            id="§5 ONJ risk: not on BTA",
        ),
        pytest.param(
            [
                NDMM,
                FIRST_DOSE,
                stop("2026-03-01"),
                dental_exam("2026-05-01", InvasiveProcedure.PLANNED, "2026-05-20"),
            ],
            id="§5 ONJ risk: stopped",
        ),
    ],
)
def test_alert_onj_risk_not_applicable(entries: list[Entry]) -> None:
    assert item("alert.onj_risk", history(*entries), "2026-05-10").status is (Status.NOT_APPLICABLE)


def test_alert_onj_risk_info_alert_snoozed_until_the_acknowledged_date() -> None:
    record = history(
        NDMM,
        FIRST_DOSE,
        dental_exam("2026-05-01", InvasiveProcedure.PLANNED, "2026-05-20"),
        ack("alert.onj_risk", "2026-05-02", "2026-05-31"),
    )
    assert statuses("alert.onj_risk", record, "2026-05-31", "2026-06-01") == {
        "2026-05-31": "snoozed",
        "2026-06-01": "alert",
    }


def test_dental_periodic_d8_policy_interval_of_12_months() -> None:
    record = history(NDMM, FIRST_DOSE, dental_exam("2026-03-31"))
    used = policy({"dental.interval_months": 12})
    assert str(item("dental.periodic", record, "2026-04-01", used).due) == "2027-03-31"
