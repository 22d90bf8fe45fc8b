"""mrd.end_of_induction, mrd.day100, mrd.annual and alert.mrd_lost (clinical-rules.md §11, §6,
D18, D19, D23, D28, D39, D41).

Dates were counted by hand from the §11 rows and the shipped policy:
- end of induction: MRD from 30 d before to 60 d after the induction end; due end + 30 d;
  closes when a transplant is performed, maintenance starts, or on due + 90 d;
- day 100: MRD on day 80-120 after the transplant (mrd.day100_from / _to, both
  inclusive); due transplant + 120 d; closes on transplant + 180 d;
- annual: in MAINTENANCE, or NDMM/RELAPSE on a line running more than 12 months (D41),
  last MRD test (else the maintenance or line start) + 12 months, clamped to the
  month's end (D18); closes on leaving those phases;
- a withdrawn transplant plan is not a performed transplant (D39);
- alert.mrd_lost: urgent when, within the current episode, the latest MRD test is
  positive or immunofixation turns positive after an MRD-negative result (D28);
- each applies only while the current response is at least mrd.min_response (CR by
  default, VGPR as a clinic override; D19: CR counts once immunofixation is negative);
- due_soon from due − 14 d (lead_days), overdue from the day after due.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from builders import context, day, immunofixation, phase, policy
from items_builders import history, item_on, mrd, rule, snooze, transplant
from mrd_builders import assessed, item_with, serum, serum_ife_negative, status, treatment

from mmtracker.logic.care import Severity, Status
from mmtracker.logic.codes import (
    Analyte,
    MrdResult,
    Phase,
    Qualitative,
    ResponseCategory,
    TreatmentIntent,
)
from mmtracker.logic.history import Entry, MrdTest, Transplant
from mmtracker.logic.items import mrd as mrd_items
from mmtracker.logic.messages import MESSAGE_PARAMS

END_OF_INDUCTION = rule(mrd_items.RULES, "mrd.end_of_induction")
DAY100 = rule(mrd_items.RULES, "mrd.day100")
ANNUAL = rule(mrd_items.RULES, "mrd.annual")
MRD_LOST = rule(mrd_items.RULES, "alert.mrd_lost")

CR, VGPR, PD = ResponseCategory.CR, ResponseCategory.VGPR, ResponseCategory.PD
NEGATIVE = MrdResult.NEGATIVE
NA, OK, SOON, LATE, SNOOZED, ALERT = (
    Status.NOT_APPLICABLE,
    Status.OK,
    Status.DUE_SOON,
    Status.OVERDUE,
    Status.SNOOZED,
    Status.ALERT,
)


def test_the_module_implements_the_four_mrd_rows_of_11_with_their_sources() -> None:
    assert {r.id: r.source for r in mrd_items.RULES} == {
        "mrd.end_of_induction": "§6 (timepoint [U])",
        "mrd.day100": "§6",
        "mrd.annual": "§6 EHA-ESMO 2021 [V]; D41",
        "alert.mrd_lost": "§4 relapse from MRD-negative; D28",
    }


# --- mrd.end_of_induction -------------------------------------------------------------------
# D-VRd induction 2025-01-06 → 2025-05-02; serum M-protein 30 → 12 → 2 g/L (VGPR, §4);
# serum immunofixation negative on 2025-05-09 (urine never measurable), which counts as CR
# for MRD (D19). Due 2025-05-02 + 30 d = 2025-06-01, due_soon from 2025-05-18. Snoozed
# 2025-06-05 to 06-12; MRD on 2025-06-20 (end + 49 d); transplant performed 2025-07-15.
INDUCTION_TO_CR: list[Entry] = [
    phase("2025-01-06", Phase.NDMM),
    treatment("2025-01-06", "2025-05-02"),
    serum("2025-01-06", 30),
    serum("2025-02-03", 12),
    serum("2025-03-03", 2),
    serum_ife_negative("2025-05-09"),
    snooze("mrd.end_of_induction", "2025-06-05", "2025-06-12"),
    mrd("2025-06-20", NEGATIVE),
    transplant(planned="2025-07-15", performed="2025-07-15"),
    phase("2025-07-15", Phase.ASCT),
]


@pytest.mark.parametrize(
    ("on", "expected", "message"),
    [
        pytest.param(
            "2025-04-30",
            NA,
            "no_induction_end",
            id="§11 mrd.end_of_induction: induction not ended yet",
        ),
        pytest.param(
            "2025-05-02", NA, "below_minimum", id="§11 mrd.end_of_induction: ended in VGPR < CR"
        ),
        pytest.param(
            "2025-05-09",
            OK,
            "due.immunofixation",
            id="D19 mrd.end_of_induction: negative IFE counts as CR",
        ),
        pytest.param(
            "2025-05-17", OK, "due.immunofixation", id="§11 mrd.end_of_induction: due - lead - 1"
        ),
        pytest.param(
            "2025-05-18",
            SOON,
            "due.immunofixation",
            id="§11 mrd.end_of_induction: due_soon at due - lead",
        ),
        pytest.param(
            "2025-06-01",
            SOON,
            "due.immunofixation",
            id="§11 mrd.end_of_induction: due day, end + 30 d",
        ),
        pytest.param(
            "2025-06-02",
            LATE,
            "due.immunofixation",
            id="§11 mrd.end_of_induction: overdue the day after",
        ),
        pytest.param(
            "2025-06-05", SNOOZED, "due.immunofixation", id="§11 Status: snoozed from the ack"
        ),
        pytest.param(
            "2025-06-12", SNOOZED, "due.immunofixation", id="§11 Status: snoozed until inclusive"
        ),
        pytest.param(
            "2025-06-13", LATE, "due.immunofixation", id="§11 Status: overdue once the snooze ends"
        ),
        pytest.param("2025-06-20", OK, "done", id="§11 mrd.end_of_induction: MRD done"),
        pytest.param("2025-07-14", OK, "done", id="§11 mrd.end_of_induction: still done"),
        pytest.param(
            "2025-07-15", NA, "closed_asct", id="§11 mrd.end_of_induction: closes at ASCT"
        ),
    ],
)
def test_end_of_induction_vignette(on: str, expected: Status, message: str) -> None:
    item = item_on(END_OF_INDUCTION, history(*INDUCTION_TO_CR), on)
    assert (item.status, item.message.id) == (expected, f"mrd.end_of_induction.{message}")


def test_end_of_induction_due_message_gives_the_window_and_the_immunofixation() -> None:
    item = item_on(END_OF_INDUCTION, history(*INDUCTION_TO_CR), "2025-06-02")
    assert item.message.as_dict() == {
        "end": day("2025-05-02"),
        "since": day("2025-04-02"),
        "until": day("2025-07-01"),
        "due": day("2025-06-01"),
        "ife_date": day("2025-05-09"),
    }
    assert (item.due, item.days_overdue) == (day("2025-06-01"), 1)


def test_end_of_induction_below_minimum_names_the_response() -> None:
    item = item_on(END_OF_INDUCTION, history(*INDUCTION_TO_CR), "2025-05-02")
    assert item.message.as_dict() == {
        "minimum": "CR",
        "category": "VGPR",
        "date": day("2025-03-03"),
    }


def test_end_of_induction_done_and_closed_cite_the_mrd_test() -> None:
    done = item_on(END_OF_INDUCTION, history(*INDUCTION_TO_CR), "2025-06-20")
    closed = item_on(END_OF_INDUCTION, history(*INDUCTION_TO_CR), "2025-07-15")
    for item in (done, closed):
        assert item.last is not None
        assert (item.last.kind, item.last.date) == ("mrd_tests", day("2025-06-20"))
    assert closed.message.as_dict() == {"performed": day("2025-07-15")}


# The same induction with recorded responses only: CR on 2025-04-28, confirmed by a second
# CR on 2025-05-26 (D14); no MRD, no transplant.
RECORDED_CR: list[Entry] = [
    phase("2025-01-06", Phase.NDMM),
    treatment("2025-01-06", "2025-05-02"),
    assessed("2025-04-28", CR),
    assessed("2025-05-26", CR),
]


@pytest.mark.parametrize(
    ("on", "expected", "message"),
    [
        pytest.param(
            "2025-05-02",
            OK,
            "due.unconfirmed",
            id="D19 mrd.end_of_induction: unconfirmed CR triggers, says unconfirmed",
        ),
        pytest.param(
            "2025-05-26", SOON, "due.confirmed", id="D14 mrd.end_of_induction: CR confirmed"
        ),
        pytest.param(
            "2025-08-29", LATE, "due.confirmed", id="§11 mrd.end_of_induction: due + 89 d"
        ),
        pytest.param(
            "2025-08-30",
            NA,
            "closed_window",
            id="§11 mrd.end_of_induction: closes on due + 90 d",
        ),
    ],
)
def test_end_of_induction_closes_90_days_after_due(on: str, expected: Status, message: str) -> None:
    item = item_on(END_OF_INDUCTION, history(*RECORDED_CR), on)
    assert (item.status, item.message.id) == (expected, f"mrd.end_of_induction.{message}")


def test_end_of_induction_response_parameters() -> None:
    item = item_on(END_OF_INDUCTION, history(*RECORDED_CR), "2025-05-02")
    params = item.message.as_dict()
    assert (params["category"], params["response_date"]) == ("CR", day("2025-04-28"))


def test_end_of_induction_closed_window_message() -> None:
    item = item_on(END_OF_INDUCTION, history(*RECORDED_CR), "2025-08-30")
    assert item.message.as_dict() == {
        "end": day("2025-05-02"),
        "due": day("2025-06-01"),
        "closed": day("2025-08-30"),
    }


@pytest.mark.parametrize(
    "maintenance",
    [
        pytest.param(phase("2025-07-01", Phase.MAINTENANCE), id="§11 Phases: MAINTENANCE entry"),
        pytest.param(
            treatment("2025-07-01", intent=TreatmentIntent.MAINTENANCE, regimen="lenalidomide"),
            id="§11 mrd.end_of_induction: a maintenance line",
        ),
    ],
)
def test_end_of_induction_closes_when_maintenance_starts(maintenance: Entry) -> None:
    hist = history(*RECORDED_CR, maintenance)
    assert item_on(END_OF_INDUCTION, hist, "2025-06-30").status is LATE
    item = item_on(END_OF_INDUCTION, hist, "2025-07-01")
    assert (item.status, item.message.id) == (NA, "mrd.end_of_induction.closed_maintenance")
    assert item.message.as_dict() == {"started": day("2025-07-01")}


@pytest.mark.parametrize(
    ("test_day", "expected"),
    [
        pytest.param("2025-04-01", LATE, id="§11 mrd.end_of_induction: MRD 31 d before the end"),
        pytest.param("2025-04-02", OK, id="§11 mrd.end_of_induction: MRD 30 d before the end"),
        pytest.param("2025-07-01", OK, id="§11 mrd.end_of_induction: MRD 60 d after the end"),
        pytest.param("2025-07-02", LATE, id="§11 mrd.end_of_induction: MRD 61 d after the end"),
    ],
)
def test_end_of_induction_window(test_day: str, expected: Status) -> None:
    hist = history(*RECORDED_CR, mrd(test_day, NEGATIVE))
    assert status(END_OF_INDUCTION, hist, "2025-07-02") is expected


def test_end_of_induction_a_positive_mrd_satisfies_it_too() -> None:
    hist = history(*RECORDED_CR, mrd("2025-05-20"))
    assert status(END_OF_INDUCTION, hist, "2025-06-10") is OK


# mrd.min_response = VGPR (§11 note): a clinic override lets VGPR trigger every MRD item.
INDUCTION_TO_VGPR: list[Entry] = [
    phase("2025-01-06", Phase.NDMM),
    treatment("2025-01-06", "2025-05-02"),
    assessed("2025-04-28", VGPR),
]


@pytest.mark.parametrize(
    ("minimum", "expected", "message"),
    [
        pytest.param(None, NA, "below_minimum", id="§11 mrd.min_response CR: VGPR does not do"),
        pytest.param("VGPR", OK, "due.unconfirmed", id="§11 mrd.min_response VGPR: VGPR does"),
    ],
)
def test_end_of_induction_min_response_policy(
    minimum: str | None, expected: Status, message: str
) -> None:
    item = item_with(END_OF_INDUCTION, history(*INDUCTION_TO_VGPR), "2025-05-02", minimum)
    assert (item.status, item.message.id) == (expected, f"mrd.end_of_induction.{message}")


def test_end_of_induction_without_any_response() -> None:
    hist = history(phase("2025-01-06", Phase.NDMM), treatment("2025-01-06", "2025-05-02"))
    item = item_on(END_OF_INDUCTION, hist, "2025-05-10")
    assert (item.status, item.message.id) == (NA, "mrd.end_of_induction.no_response")
    assert item.message.as_dict() == {"minimum": "CR"}


def test_end_of_induction_progression_never_meets_the_minimum() -> None:
    hist = history(*RECORDED_CR, assessed("2025-06-10", PD), serum_ife_negative("2025-06-09"))
    assert status(END_OF_INDUCTION, hist, "2025-06-10", "VGPR") is NA


def test_end_of_induction_uses_the_first_induction_line() -> None:
    hist = history(
        *RECORDED_CR,
        treatment("2026-03-02", "2026-07-01", number=2, intent=TreatmentIntent.INDUCTION),
        assessed("2026-06-29", CR),
    )
    item = item_on(END_OF_INDUCTION, hist, "2026-07-02")
    assert (item.status, item.message.id) == (NA, "mrd.end_of_induction.closed_window")


# --- mrd.day100 -----------------------------------------------------------------------------
# Induction ended 2025-05-02, CR recorded 2025-07-20, transplant performed 2025-08-01.
# Day 80 = 2025-10-20, day 120 = 2025-11-29 (due; due_soon from 2025-11-15), day 180 =
# 2026-01-28 (closes). Snoozed 2025-12-01 to 12-15.
TRANSPLANT: list[Entry] = [
    phase("2025-01-06", Phase.NDMM),
    treatment("2025-01-06", "2025-05-02"),
    assessed("2025-07-20", CR),
    transplant(planned="2025-08-01", performed="2025-08-01"),
    phase("2025-08-01", Phase.ASCT),
]


@pytest.mark.parametrize(
    ("on", "expected", "message"),
    [
        pytest.param(
            "2025-07-31", NA, "no_transplant", id="§11 mrd.day100: transplant only planned"
        ),
        pytest.param("2025-08-01", OK, "due.unconfirmed", id="§11 mrd.day100: transplant day"),
        pytest.param("2025-11-14", OK, "due.unconfirmed", id="§11 mrd.day100: due - lead - 1"),
        pytest.param(
            "2025-11-15", SOON, "due.unconfirmed", id="§11 mrd.day100: due_soon at due - lead"
        ),
        pytest.param("2025-11-29", SOON, "due.unconfirmed", id="§11 mrd.day100: due on day 120"),
        pytest.param("2025-11-30", LATE, "due.unconfirmed", id="§11 mrd.day100: day 121 overdue"),
        pytest.param("2025-12-01", SNOOZED, "due.unconfirmed", id="§11 Status: snoozed"),
        pytest.param("2025-12-15", SNOOZED, "due.unconfirmed", id="§11 Status: until inclusive"),
        pytest.param("2025-12-16", LATE, "due.unconfirmed", id="§11 Status: snooze ended"),
        pytest.param("2026-01-27", LATE, "due.unconfirmed", id="§11 mrd.day100: day 179"),
        pytest.param("2026-01-28", NA, "closed", id="§11 mrd.day100: closes on day 180"),
    ],
)
def test_day100_vignette(on: str, expected: Status, message: str) -> None:
    hist = history(*TRANSPLANT, snooze("mrd.day100", "2025-12-01", "2025-12-15"))
    item = item_on(DAY100, hist, on)
    assert (item.status, item.message.id) == (expected, f"mrd.day100.{message}")


def test_day100_due_message_gives_the_window() -> None:
    item = item_on(DAY100, history(*TRANSPLANT), "2025-11-30")
    assert item.message.as_dict() == {
        "performed": day("2025-08-01"),
        "from_day": 80,
        "to_day": 120,
        "since": day("2025-10-20"),
        "until": day("2025-11-29"),
        "category": "CR",
        "response_date": day("2025-07-20"),
    }
    assert (item.due, item.days_overdue) == (day("2025-11-29"), 1)


@pytest.mark.parametrize(
    ("test_day", "on", "expected"),
    [
        pytest.param("2025-10-19", "2025-11-30", LATE, id="§11 mrd.day100: MRD on day 79"),
        pytest.param("2025-10-20", "2025-10-20", OK, id="§11 mrd.day100: MRD on day 80"),
        pytest.param("2025-11-29", "2025-11-29", OK, id="§11 mrd.day100: MRD on day 120"),
        pytest.param("2025-11-30", "2025-11-30", LATE, id="§11 mrd.day100: MRD on day 121"),
    ],
)
def test_day100_window(test_day: str, on: str, expected: Status) -> None:
    assert status(DAY100, history(*TRANSPLANT, mrd(test_day, NEGATIVE)), on) is expected


def test_day100_done_names_the_day_and_closes_keeping_the_test() -> None:
    hist = history(*TRANSPLANT, mrd("2025-10-20", NEGATIVE))
    done = item_on(DAY100, hist, "2025-12-01")
    assert (done.message.id, done.message.as_dict()["day"]) == ("mrd.day100.done", 80)
    closed = item_on(DAY100, hist, "2026-01-28")
    assert closed.message.as_dict() == {
        "performed": day("2025-08-01"),
        "closed": day("2026-01-28"),
    }
    assert closed.last is not None
    assert closed.last.date == day("2025-10-20")


def test_day100_counts_from_the_latest_transplant_of_a_tandem() -> None:
    """§11 Phases ASCT → ASCT: second transplant 2025-11-01, day 120 = 2026-03-01."""
    hist = history(
        *TRANSPLANT,
        transplant(planned="2025-11-01", performed="2025-11-01"),
        phase("2025-11-01", Phase.ASCT),
    )
    item = item_on(DAY100, hist, "2026-02-14")
    assert (item.status, item.due) == (OK, day("2026-03-01"))
    assert status(DAY100, hist, "2026-02-15") is SOON


@pytest.mark.parametrize(
    ("minimum", "expected"),
    [
        pytest.param(None, NA, id="§11 mrd.day100, mrd.min_response CR: VGPR does not do"),
        pytest.param("VGPR", OK, id="§11 mrd.day100, mrd.min_response VGPR: VGPR does"),
    ],
)
def test_day100_min_response_policy(minimum: str | None, expected: Status) -> None:
    hist = history(
        phase("2025-01-06", Phase.NDMM),
        treatment("2025-01-06", "2025-05-02"),
        assessed("2025-07-20", VGPR),
        transplant(planned="2025-08-01", performed="2025-08-01"),
    )
    assert status(DAY100, hist, "2025-09-01", minimum) is expected


def test_day100_window_follows_the_policy() -> None:
    """§11 mrd.day100 Policy: mrd.day100_from / mrd.day100_to move the window and the due date."""
    pol = policy(**{"mrd.day100_from": 90, "mrd.day100_to": 150})
    hist = history(*TRANSPLANT, mrd("2025-10-20", NEGATIVE))  # day 80: now outside
    item = item_on(DAY100, hist, "2025-12-30", pol)  # day 151
    assert (item.status, item.due) == (LATE, day("2025-12-29"))


# --- mrd.annual -----------------------------------------------------------------------------
# Transplant 2023-11-15, CR recorded 2024-02-20, MRD on 2024-02-29, maintenance from
# 2024-03-01 (lenalidomide, same line). Due 2024-02-29 + 12 mo = 2025-02-28 (D18), due_soon
# from 2025-02-14; snoozed 2025-03-03 to 03-07; MRD 2025-03-10 → due 2026-03-10 (due_soon
# from 2026-02-24); relapse 2026-04-01.
MAINTENANCE: list[Entry] = [
    phase("2023-06-01", Phase.NDMM),
    treatment("2023-06-01", "2023-10-01"),
    transplant(planned="2023-11-15", performed="2023-11-15"),
    phase("2023-11-15", Phase.ASCT),
    assessed("2024-02-20", CR),
    mrd("2024-02-29", NEGATIVE),
    phase("2024-03-01", Phase.MAINTENANCE),
    treatment("2024-03-01", intent=TreatmentIntent.MAINTENANCE, regimen="lenalidomide"),
    snooze("mrd.annual", "2025-03-03", "2025-03-07"),
    mrd("2025-03-10", NEGATIVE),
    phase("2026-04-01", Phase.RELAPSE, line_number=2),
]


@pytest.mark.parametrize(
    ("on", "expected", "due"),
    [
        pytest.param("2024-02-29", NA, None, id="§11 mrd.annual: not yet in MAINTENANCE"),
        pytest.param("2024-03-01", OK, "2025-02-28", id="D18 mrd.annual: 02-29 + 12 mo = 02-28"),
        pytest.param("2025-02-13", OK, "2025-02-28", id="§11 mrd.annual: due - lead - 1"),
        pytest.param("2025-02-14", SOON, "2025-02-28", id="§11 mrd.annual: due_soon at due - lead"),
        pytest.param("2025-02-28", SOON, "2025-02-28", id="D18 mrd.annual: due on the month end"),
        pytest.param("2025-03-01", LATE, "2025-02-28", id="D18 mrd.annual: overdue on 03-01"),
        pytest.param("2025-03-03", SNOOZED, "2025-02-28", id="§11 Status: snoozed"),
        pytest.param("2025-03-07", SNOOZED, "2025-02-28", id="§11 Status: until inclusive"),
        pytest.param("2025-03-08", LATE, "2025-02-28", id="§11 Status: snooze ended"),
        pytest.param("2025-03-10", OK, "2026-03-10", id="§11 mrd.annual: MRD done, next year"),
        pytest.param("2026-02-23", OK, "2026-03-10", id="§11 mrd.annual: year 2, due - lead - 1"),
        pytest.param("2026-02-24", SOON, "2026-03-10", id="§11 mrd.annual: year 2, due - lead"),
        pytest.param("2026-03-11", LATE, "2026-03-10", id="§11 mrd.annual: year 2, overdue"),
        pytest.param("2026-04-01", NA, None, id="§11 mrd.annual: closes on leaving MAINTENANCE"),
    ],
)
def test_annual_vignette(on: str, expected: Status, due: str | None) -> None:
    item = item_on(ANNUAL, history(*MAINTENANCE), on)
    assert item.status is expected
    assert item.due == (day(due) if due else None)


def test_annual_message_cites_the_last_test() -> None:
    item = item_on(ANNUAL, history(*MAINTENANCE), "2025-03-01")
    assert item.message.id == "mrd.annual.after_test.unconfirmed"
    assert item.message.as_dict() == {
        "last": day("2024-02-29"),
        "months": 12,
        "due": day("2025-02-28"),
        "category": "CR",
        "response_date": day("2024-02-20"),
    }
    assert item.last is not None
    assert (item.last.kind, item.last.date) == ("mrd_tests", day("2024-02-29"))
    closed = item_on(ANNUAL, history(*MAINTENANCE), "2026-04-01")
    assert closed.message.id == "mrd.annual.not_maintenance"


# No MRD test yet: maintenance from 2024-02-29 (leap day) → due 2025-02-28 (D18).
MAINTENANCE_WITHOUT_MRD: list[Entry] = [
    phase("2023-06-01", Phase.NDMM),
    treatment("2023-06-01", "2023-10-01"),
    assessed("2024-02-01", CR),
    phase("2024-02-29", Phase.MAINTENANCE),
]


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2025-02-28", SOON, id="D18 mrd.annual: start 02-29 + 12 mo = 02-28"),
        pytest.param("2025-03-01", LATE, id="D18 mrd.annual: overdue from 03-01"),
    ],
)
def test_annual_counts_from_the_maintenance_start_without_a_test(on: str, expected: Status) -> None:
    item = item_on(ANNUAL, history(*MAINTENANCE_WITHOUT_MRD), on)
    assert item.status is expected
    assert item.message.id == "mrd.annual.after_start.unconfirmed"
    assert item.message.as_dict()["started"] == day("2024-02-29")


def test_annual_months_follow_the_policy_with_d18_clamping() -> None:
    """mrd.annual_months 6: MRD 2025-08-31 + 6 mo = 2026-02-28 (D18)."""
    pol = policy(**{"mrd.annual_months": 6})
    hist = history(*MAINTENANCE_WITHOUT_MRD, mrd("2025-08-31", NEGATIVE))
    item = item_on(ANNUAL, hist, "2026-02-28", pol)
    assert (item.status, item.due) == (SOON, day("2026-02-28"))
    assert item_on(ANNUAL, hist, "2026-03-01", pol).status is LATE


@pytest.mark.parametrize(
    ("minimum", "expected", "message"),
    [
        pytest.param(None, NA, "below_minimum", id="§11 mrd.annual, mrd.min_response CR: VGPR"),
        pytest.param(
            "VGPR", OK, "after_start.unconfirmed", id="§11 mrd.annual, mrd.min_response VGPR"
        ),
    ],
)
def test_annual_min_response_policy(minimum: str | None, expected: Status, message: str) -> None:
    hist = history(
        phase("2023-06-01", Phase.NDMM),
        treatment("2023-06-01", "2023-10-01"),
        assessed("2024-02-01", VGPR),
        phase("2024-02-29", Phase.MAINTENANCE),
    )
    item = item_with(ANNUAL, hist, "2024-06-01", minimum)
    assert (item.status, item.message.id) == (expected, f"mrd.annual.{message}")


def test_annual_with_immunofixation_negative_cr() -> None:
    """D19: serum IFE negative (urine not measurable) counts as CR for the annual MRD."""
    hist = history(
        phase("2024-01-08", Phase.NDMM),
        treatment("2024-01-08", "2024-05-06"),
        serum("2024-01-08", 25),
        serum("2024-04-01", 1),
        serum_ife_negative("2024-06-03"),
        phase("2024-06-10", Phase.MAINTENANCE),
    )
    item = item_on(ANNUAL, hist, "2024-07-01")
    assert (item.status, item.message.id) == (OK, "mrd.annual.after_start.immunofixation")
    assert item.message.as_dict()["ife_date"] == day("2024-06-03")
    assert item.due == day("2025-06-10")


# --- messages -------------------------------------------------------------------------------


def test_every_message_of_the_mrd_items_is_declared() -> None:
    expected = {
        "mrd.end_of_induction.due.confirmed": (
            "end",
            "since",
            "until",
            "due",
            "category",
            "response_date",
        ),
        "mrd.end_of_induction.due.immunofixation": ("end", "since", "until", "due", "ife_date"),
        "mrd.day100.due.unconfirmed": (
            "performed",
            "from_day",
            "to_day",
            "since",
            "until",
            "category",
            "response_date",
        ),
        "mrd.annual.after_test.confirmed": ("last", "months", "due", "category", "response_date"),
        "mrd.annual.after_start.immunofixation": ("started", "months", "due", "ife_date"),
        "mrd.day100.below_minimum": ("minimum", "category", "date"),
        "mrd.annual.no_response": ("minimum",),
    }
    for key, params in expected.items():
        assert MESSAGE_PARAMS[key] == params


def test_rules_read_the_history_as_of_the_date() -> None:
    """A transplant performed after as_of is only planned then (context truncation)."""
    ctx = context(history(*TRANSPLANT), "2025-07-31")
    assert not DAY100.evaluate(ctx).applies


# --- D39: a withdrawn plan is not a performed transplant ------------------------------------


def test_d39_a_withdrawn_transplant_does_not_open_day100_nor_close_end_of_induction() -> None:
    withdrawn = replace(
        transplant(planned="2025-06-15", performed="2025-06-15"),
        withdrawn_date=day("2025-06-10"),
    )
    planned = [e for e in INDUCTION_TO_CR if not isinstance(e, Transplant)]
    hist = history(*planned, withdrawn)
    assert status(DAY100, hist, "2025-09-01") is NA
    assert item_on(END_OF_INDUCTION, hist, "2025-06-20").message.id.startswith(
        "mrd.end_of_induction.done"
    )


# --- D41: mrd.annual in continuous therapy --------------------------------------------------
# NDMM 2024-01-10, D-Rd started the same day and still running; CR recorded 2024-09-01.
# The line has run exactly 12 months on 2025-01-10 (D18): not yet; from 2025-01-11 the
# item applies, due at line start + 12 mo = 2025-01-10, so overdue at once.
CONTINUOUS: list[Entry] = [
    phase("2024-01-10", Phase.NDMM),
    treatment("2024-01-10", regimen="D-Rd"),
    assessed("2024-09-01", CR),
]


@pytest.mark.parametrize(
    ("on", "expected", "message"),
    [
        pytest.param("2025-01-09", NA, "line_short", id="D41 line running 12 mo − 1 d"),
        pytest.param("2025-01-10", NA, "line_short", id="D41 line running exactly 12 mo"),
        pytest.param(
            "2025-01-11", LATE, "after_line_start.unconfirmed", id="D41 line running > 12 mo"
        ),
    ],
)
def test_d41_annual_in_continuous_therapy(on: str, expected: Status, message: str) -> None:
    item = item_on(ANNUAL, history(*CONTINUOUS), on)
    assert (item.status, item.message.id) == (expected, f"mrd.annual.{message}")
    if expected is LATE:
        assert item.due == day("2025-01-10")


def test_d41_changes_on_the_day_after_twelve_months() -> None:
    finding = ANNUAL.evaluate(context(history(*CONTINUOUS), "2024-06-01"))
    assert finding.changes_on == day("2025-01-11")


def test_d41_an_ended_line_is_not_continuous_therapy() -> None:
    hist = history(
        phase("2024-01-10", Phase.NDMM),
        treatment("2024-01-10", "2024-06-10"),
        assessed("2024-09-01", CR),
    )
    assert item_on(ANNUAL, hist, "2025-03-01").message.id == "mrd.annual.not_maintenance"


def test_d41_continuous_therapy_needs_the_minimum_response() -> None:
    hist = history(
        phase("2024-01-10", Phase.NDMM), treatment("2024-01-10"), assessed("2024-09-01", VGPR)
    )
    assert item_on(ANNUAL, hist, "2025-03-01").message.id == "mrd.annual.below_minimum"


def test_d41_a_running_line_of_an_earlier_episode_does_not_count() -> None:
    hist = history(
        phase("2023-01-10", Phase.NDMM),
        treatment("2023-01-10"),
        phase("2024-11-01", Phase.RELAPSE, line_number=2),
        treatment("2024-11-01", number=2, intent=TreatmentIntent.SALVAGE),
        assessed("2025-03-01", CR),
    )
    assert item_on(ANNUAL, hist, "2025-04-01").message.id == "mrd.annual.line_short"


# --- alert.mrd_lost (D28) -------------------------------------------------------------------
# NDMM 2024-01-10; MRD negative 2024-09-01; serum IFE negative 2024-10-01; MRD negative
# again 2025-03-01; serum IFE positive 2025-05-01; MRD positive 2025-06-01; RELAPSE with a
# salvage line 2025-07-01: a new episode closes the alert.
MRD_LOST_COURSE: list[Entry] = [
    phase("2024-01-10", Phase.NDMM),
    treatment("2024-01-10", regimen="D-Rd"),
    mrd("2024-09-01", NEGATIVE),
    serum_ife_negative("2024-10-01"),
    mrd("2025-03-01", NEGATIVE),
    immunofixation("2025-05-01", Qualitative.POSITIVE, Analyte.SERUM_IFE),
    mrd("2025-06-01", MrdResult.POSITIVE),
    phase("2025-07-01", Phase.RELAPSE, line_number=2),
    treatment("2025-07-01", number=2, intent=TreatmentIntent.SALVAGE, regimen="DKd"),
]


@pytest.mark.parametrize(
    ("on", "expected", "message"),
    [
        pytest.param("2024-08-31", NA, "no_negative", id="§11 alert.mrd_lost: no negative yet"),
        pytest.param("2024-09-01", OK, "negative", id="D28 MRD negative in the episode"),
        pytest.param("2025-04-30", OK, "negative", id="D28 still negative"),
        pytest.param(
            "2025-05-01",
            ALERT,
            "immunofixation_positive",
            id="D28 serum immunofixation turns positive after the MRD-negative result",
        ),
        pytest.param("2025-06-01", ALERT, "mrd_positive", id="D28 latest MRD test positive"),
        pytest.param("2025-07-01", NA, "no_negative", id="D28 closes when a new episode starts"),
    ],
)
def test_d28_mrd_lost_vignette(on: str, expected: Status, message: str) -> None:
    item = item_on(MRD_LOST, history(*MRD_LOST_COURSE), on)
    assert (item.status, item.message.id) == (expected, f"alert.mrd_lost.{message}")


def test_d28_mrd_lost_is_urgent_dated_and_cites_both_tests() -> None:
    hist = history(*MRD_LOST_COURSE)
    finding = MRD_LOST.evaluate(context(hist, "2025-06-01"))
    assert (finding.alert, finding.trigger_date) == (Severity.URGENT, day("2025-06-01"))
    tests = {e.date: e.id for e in MRD_LOST_COURSE if isinstance(e, MrdTest)}
    assert finding.cites == (tests[day("2025-03-01")], tests[day("2025-06-01")])
    assert finding.message.as_dict() == {"date": day("2025-06-01"), "mrd_date": day("2025-03-01")}


def test_d28_persistently_positive_immunofixation_has_not_turned() -> None:
    """A serum IFE positive before and after the MRD-negative result, never negative between:
    it has not turned positive. A first urine IFE, positive, errs toward showing."""
    persistent = [
        phase("2024-01-10", Phase.NDMM),
        treatment("2024-01-10"),
        immunofixation("2024-08-01", Qualitative.POSITIVE, Analyte.SERUM_IFE),
        mrd("2024-09-01", NEGATIVE),
        immunofixation("2024-12-01", Qualitative.POSITIVE, Analyte.SERUM_IFE),
    ]
    item = item_on(MRD_LOST, history(*persistent), "2024-12-02")
    assert (item.status, item.message.id) == (OK, "alert.mrd_lost.negative")
    urine = immunofixation("2024-12-01", Qualitative.POSITIVE, Analyte.URINE_IFE)
    item = item_on(MRD_LOST, history(*persistent, urine), "2024-12-02")
    assert (item.status, item.message.id) == (ALERT, "alert.mrd_lost.immunofixation_positive")
    assert item.message.as_dict()["analyte"] == "urine_immunofixation"


def test_d28_a_negative_before_the_episode_does_not_count() -> None:
    hist = history(
        phase("2023-01-10", Phase.NDMM),
        treatment("2023-01-10"),
        mrd("2023-09-01", NEGATIVE),
        phase("2024-11-01", Phase.RELAPSE, line_number=2),
        treatment("2024-11-01", number=2, intent=TreatmentIntent.SALVAGE),
        mrd("2025-02-01", MrdResult.POSITIVE),
    )
    assert item_on(MRD_LOST, hist, "2025-03-01").status is NA


def test_d40_a_snoozed_mrd_lost_alert_shows_again_when_the_mrd_test_turns_positive() -> None:
    hist = history(*MRD_LOST_COURSE)
    finding = MRD_LOST.evaluate(context(hist, "2025-05-10"))
    ack = replace(
        snooze("alert.mrd_lost", "2025-05-10", "2025-08-01"),
        finding_message_id=finding.message.id,
        finding_severity="urgent",
        finding_cites=finding.cites,
    )
    snoozed = history(*MRD_LOST_COURSE, ack)
    assert item_on(MRD_LOST, snoozed, "2025-05-31").status is SNOOZED
    assert item_on(MRD_LOST, snoozed, "2025-06-01").status is ALERT
