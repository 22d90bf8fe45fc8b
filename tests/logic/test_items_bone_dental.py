"""dental.before_bta, dental.periodic and alert.onj_risk (clinical-rules.md §11, §5 Dental, §5 ONJ risk, D8, D18, D33, D38).

Expected values come from clinical-rules.md and the shipped policy: a dental exam
that found the patient fit or treated (D38) within 180 d before the first dose
(dental.pre_bta_lookback_days), then every 6 months (D8, dental.interval_months), or
2 months after an exam that found treatment needed (D38,
dental.treatment_followup_months); "+ N mo" clamps to the month end (D18); the ONJ
alert applies on bone therapy, held, or within 24 months after the last dose
(D33, onj.lookback_months) and closes 90 d after the procedure (not applicable from
that day, §11 Status). Dates were counted by hand.
"""

from __future__ import annotations

import pytest
from bone_builders import (
    ack,
    context,
    day,
    declined,
    dental_exam,
    dose,
    history,
    hold,
    item,
    phase,
    policy,
    statuses,
    stop,
)

from mmtracker.logic.care import Severity, Status
from mmtracker.logic.codes import DentalOutcome, InvasiveProcedure, Phase
from mmtracker.logic.history import Entry
from mmtracker.logic.items.dental import evaluate_onj_risk

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
    # Procedure 2026-05-20 + 90 d = 2026-08-18: closed from that day (§11 Status, Closes).
    record = history(
        NDMM,
        FIRST_DOSE,
        dental_exam("2026-05-01", InvasiveProcedure.PLANNED, "2026-05-20"),
    )
    assert statuses(
        "alert.onj_risk", record, "2026-04-30", "2026-05-01", "2026-08-17", "2026-08-18"
    ) == {
        "2026-04-30": "not_applicable",
        "2026-05-01": "alert",
        "2026-08-17": "alert",
        "2026-08-18": "not_applicable",
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


# --- D38 dental outcomes -------------------------------------------------------------------

NEEDED = DentalOutcome.TREATMENT_NEEDED


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        pytest.param(DentalOutcome.FIT, Status.OK, id="D38: fit_for_bone_therapy satisfies"),
        pytest.param(DentalOutcome.TREATED, Status.OK, id="D38: treated satisfies"),
        pytest.param(NEEDED, Status.OVERDUE, id="D38: treatment_needed does not satisfy"),
    ],
)
def test_dental_before_bta_d38_outcome_of_the_exam_before_the_first_dose(
    outcome: DentalOutcome, expected: Status
) -> None:
    record = history(NDMM, dental_exam("2026-01-20", outcome=outcome), FIRST_DOSE)
    found = item("dental.before_bta", record, "2026-02-10")
    assert found.status is expected
    if expected is Status.OVERDUE:
        assert found.message.id == "dental.before_bta.treatment_needed"
        assert str(found.due) == "2026-02-02"  # the first dose


def test_dental_before_bta_d38_planned_start_treatment_needed_stays_due() -> None:
    # bta.start due NDMM 2026-01-05 + 30 d = 2026-02-04.
    record = history(NDMM, dental_exam("2026-01-15", outcome=NEEDED))
    found = item("dental.before_bta", record, "2026-01-25")
    assert (found.status, str(found.due)) == (Status.DUE_SOON, "2026-02-04")
    assert found.message.id == "dental.before_bta.treatment_needed"
    treated = history(
        NDMM,
        dental_exam("2026-01-15", outcome=NEEDED),
        dental_exam("2026-01-24", outcome=DentalOutcome.TREATED),
    )
    assert item("dental.before_bta", treated, "2026-01-25").status is Status.OK


def test_dental_before_bta_d38_a_later_treatment_needed_exam_decides() -> None:
    # Reading: a fit exam followed by one that found treatment needed no longer clears.
    record = history(
        NDMM,
        dental_exam("2026-01-08"),
        dental_exam("2026-01-15", outcome=NEEDED),
        FIRST_DOSE,
    )
    assert item("dental.before_bta", record, "2026-02-10").status is Status.OVERDUE


def test_dental_before_bta_d38_an_exam_after_the_first_dose_still_closes_it() -> None:
    record = history(
        NDMM, dental_exam("2026-01-20", outcome=NEEDED), FIRST_DOSE, dental_exam("2026-03-01")
    )
    found = item("dental.before_bta", record, "2026-03-01")
    assert (found.status, found.message.id) == (
        Status.NOT_APPLICABLE,
        "dental.before_bta.after_start",
    )


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        pytest.param("2026-04-14", "ok", id="D38: 2026-05-15 - 31 d"),
        pytest.param("2026-05-01", "due_soon", id="D38: exam + 2 mo - 14 d"),
        pytest.param("2026-05-15", "due_soon", id="D38: exam + 2 mo"),
        pytest.param("2026-05-16", "overdue", id="D38: exam + 2 mo + 1 d"),
    ],
)
def test_dental_periodic_d38_treatment_needed_next_exam_two_months_later(
    as_of: str, expected: str
) -> None:
    # Exam 2026-03-15 found treatment needed: next exam 2026-03-15 + 2 mo = 2026-05-15.
    record = history(NDMM, FIRST_DOSE, dental_exam("2026-03-15", outcome=NEEDED))
    found = item("dental.periodic", record, as_of)
    assert (found.status.value, str(found.due)) == (expected, "2026-05-15")
    assert found.message.as_dict() == {"last": day("2026-03-15"), "months": 2}


def test_dental_periodic_d38_the_follow_up_exam_returns_to_six_months() -> None:
    record = history(
        NDMM,
        FIRST_DOSE,
        dental_exam("2026-03-15", outcome=NEEDED),
        dental_exam("2026-05-10", outcome=DentalOutcome.TREATED),
    )
    assert str(item("dental.periodic", record, "2026-05-10").due) == "2026-11-10"


def test_dental_periodic_d38_follow_up_months_from_the_policy() -> None:
    record = history(NDMM, FIRST_DOSE, dental_exam("2026-03-31", outcome=NEEDED))
    used = policy({"dental.treatment_followup_months": 3})
    assert str(item("dental.periodic", record, "2026-04-01", used).due) == "2026-06-30"


def test_dental_periodic_d18_treatment_needed_on_31_december_due_28_february() -> None:
    record = history(NDMM, FIRST_DOSE, dental_exam("2026-12-31", outcome=NEEDED))
    assert str(item("dental.periodic", record, "2027-01-01").due) == "2027-02-28"


# --- D33 ONJ risk after stopping and while held --------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        pytest.param("2028-02-01", Status.ALERT, id="D33: last dose + 24 mo - 1 d"),
        pytest.param("2028-02-02", Status.NOT_APPLICABLE, id="D33: last dose + 24 mo"),
    ],
)
def test_alert_onj_risk_d33_within_24_months_after_the_last_dose_though_stopped(
    as_of: str, expected: Status
) -> None:
    # Last dose 2026-02-02, stopped 2026-03-01: exposure until 2026-02-02 + 24 mo = 2028-02-02.
    record = history(
        NDMM,
        FIRST_DOSE,
        stop("2026-03-01"),
        dental_exam("2028-01-10", InvasiveProcedure.PLANNED, "2028-01-25"),
    )
    found = item("alert.onj_risk", record, as_of)
    assert found.status is expected
    if expected is Status.ALERT:
        assert found.severity is Severity.INFO
        assert found.message.id == "alert.onj_risk.planned_after_therapy"
        assert found.message.as_dict() == {
            "date": day("2028-01-25"),
            "last": day("2026-02-02"),
            "months": 24,
        }
    else:
        assert found.message.id == "alert.onj_risk.exposure_over"


def test_alert_onj_risk_d33_stopped_done_procedure() -> None:
    record = history(
        NDMM,
        FIRST_DOSE,
        stop("2026-03-01"),
        dental_exam("2026-05-01", InvasiveProcedure.DONE, "2026-04-28"),
    )
    found = item("alert.onj_risk", record, "2026-05-10")
    assert (found.status, found.message.id) == (Status.ALERT, "alert.onj_risk.done_after_therapy")


def test_alert_onj_risk_d33_lookback_months_from_the_policy() -> None:
    record = history(
        NDMM,
        FIRST_DOSE,
        stop("2026-03-01"),
        dental_exam("2026-09-01", InvasiveProcedure.PLANNED, "2026-09-20"),
    )
    used = policy({"onj.lookback_months": 6})  # 2026-02-02 + 6 mo = 2026-08-02
    assert item("alert.onj_risk", record, "2026-09-01", used).status is Status.NOT_APPLICABLE


def test_alert_onj_risk_d33_applies_while_held_and_the_dental_items_continue() -> None:
    record = history(
        NDMM,
        dental_exam("2026-01-20"),
        FIRST_DOSE,
        dental_exam("2026-06-01", InvasiveProcedure.PLANNED, "2026-06-20"),
        hold("2026-06-05", "2026-09-20"),
    )
    assert item("alert.onj_risk", record, "2026-06-10").status is Status.ALERT
    periodic = item("dental.periodic", record, "2026-06-10")
    assert (periodic.status, str(periodic.due)) == (Status.OK, "2026-12-01")


def test_alert_onj_risk_d40_cites_the_dental_entry_and_d45_since_its_date() -> None:
    exam = dental_exam("2026-05-01", InvasiveProcedure.PLANNED, "2026-05-20")
    record = history(NDMM, FIRST_DOSE, exam)
    found = item("alert.onj_risk", record, "2026-05-10")
    assert (found.since, found.due) == (day("2026-05-01"), None)
    assert evaluate_onj_risk(context(record, "2026-05-10")).cites == (exam.id,)


def test_alert_onj_risk_d40_a_new_procedure_ends_the_snooze() -> None:
    first = dental_exam("2026-05-01", InvasiveProcedure.PLANNED, "2026-05-20")
    seen = item("alert.onj_risk", history(NDMM, FIRST_DOSE, first), "2026-05-02")
    record = history(
        NDMM,
        FIRST_DOSE,
        first,
        ack("alert.onj_risk", "2026-05-02", "2026-06-30", seen, (first.id,)),
        dental_exam("2026-06-01", InvasiveProcedure.PLANNED, "2026-06-15"),
    )
    assert statuses("alert.onj_risk", record, "2026-05-31", "2026-06-01") == {
        "2026-05-31": "snoozed",
        "2026-06-01": "alert",
    }


def test_alert_onj_risk_never_dosed_is_not_applicable() -> None:
    record = history(NDMM, dental_exam("2026-01-10", InvasiveProcedure.PLANNED, "2026-01-20"))
    assert item("alert.onj_risk", record, "2026-01-15").status is Status.NOT_APPLICABLE
