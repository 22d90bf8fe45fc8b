"""calcium.before_denosumab and alert.hypocalcaemia (clinical-rules.md §11, §5 Denosumab hypocalcaemia, D12, D16, D17).

Expected values come from clinical-rules.md: calcium within 7 d before the next
denosumab dose (denosumab every 28 d); urgent when the latest total-corrected or
adjusted calcium is < LLN (strict), the lab's own LLN winning over the default
2.10 mmol/L (D17); corrected = Ca + 0.02 × (40 − albumin g/L) with an albumin
within 7 days (D12); ionised calcium is never compared (D16).
"""

from __future__ import annotations

import pytest
from bone_builders import (
    DMAB,
    ack,
    albumin,
    calcium,
    creatinine,
    day,
    dose,
    history,
    item,
    phase,
    schedule,
    statuses,
    stop,
    weight,
)

from mmtracker.logic.care import Severity, Status
from mmtracker.logic.codes import Analyte, BoneTherapyEventKind, CalciumKind, Phase
from mmtracker.logic.history import BoneTherapyEvent, Entry
from mmtracker.logic.messages import Quantity

NDMM = phase("2026-01-05")
DENOSUMAB = (NDMM, dose("2026-02-02", DMAB, 120))


# --- §11 calcium.before_denosumab --------------------------------------------------------


def test_calcium_before_denosumab_vignette() -> None:
    # Dose 2026-02-02 → next due 2026-03-02; applies from 2026-02-16.
    record = history(*DENOSUMAB)
    assert statuses(
        "calcium.before_denosumab", record, "2026-02-15", "2026-02-16", "2026-03-02", "2026-03-03"
    ) == {
        "2026-02-15": "not_applicable",
        "2026-02-16": "due_soon",
        "2026-03-02": "due_soon",
        "2026-03-03": "overdue",
    }


@pytest.mark.parametrize(
    ("result", "as_of", "satisfied"),
    [
        pytest.param(
            calcium("2026-02-23", 2.30),
            "2026-03-02",
            True,
            id="§11 calcium.before_denosumab: 7 d before due",
        ),
        pytest.param(
            calcium("2026-02-22", 2.30),
            "2026-03-02",
            False,
            id="§11 calcium.before_denosumab: 8 d before due",
        ),
        pytest.param(
            calcium("2026-03-04", 2.30),
            "2026-03-05",
            True,
            id="§11 calcium.before_denosumab: since due",
        ),
        pytest.param(
            calcium("2026-02-26", 2.30),
            "2026-03-05",
            True,
            id="D34: overdue, 7 d before as_of counts",
        ),
        pytest.param(
            calcium("2026-02-25", 2.30),
            "2026-03-05",
            False,
            id="D34: overdue, 8 d before as_of does not (though within 7 d of due)",
        ),
        pytest.param(
            calcium("2026-02-25", 1.20, CalciumKind.IONISED),
            "2026-03-02",
            False,
            id="D16: ionised calcium does not count",
        ),
    ],
)
def test_calcium_before_denosumab_seven_day_window(
    result: Entry, as_of: str, satisfied: bool
) -> None:
    """D34 (amends the old "within 7 d before the due date, or since"): once the dose is
    overdue, only a calcium within 7 d before as_of counts."""
    found = item("calcium.before_denosumab", history(*DENOSUMAB, result), as_of)
    unsatisfied = Status.DUE_SOON if as_of == "2026-03-02" else Status.OVERDUE
    assert found.status is (Status.OK if satisfied else unsatisfied)


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param([NDMM], id="§11 calcium.before_denosumab: off BTA"),
        pytest.param([NDMM, dose("2026-02-02")], id="§11 calcium.before_denosumab: on ZA"),
        pytest.param(
            [*DENOSUMAB, stop("2026-02-20")], id="§11 calcium.before_denosumab: stop entry"
        ),
    ],
)
def test_calcium_before_denosumab_not_applicable(entries: list[Entry]) -> None:
    found = item("calcium.before_denosumab", history(*entries), "2026-03-01")
    assert found.status is Status.NOT_APPLICABLE


def test_calcium_before_denosumab_snoozed() -> None:
    record = history(*DENOSUMAB, ack("calcium.before_denosumab", "2026-03-03", "2026-03-06"))
    assert statuses("calcium.before_denosumab", record, "2026-03-06", "2026-03-07") == {
        "2026-03-06": "snoozed",
        "2026-03-07": "overdue",
    }


# --- §11 alert.hypocalcaemia -------------------------------------------------------------


@pytest.mark.parametrize(
    ("results", "expected"),
    [
        pytest.param(
            [calcium("2026-02-20", 2.09)], Status.ALERT, id="D17: 2.09 < default LLN 2.10"
        ),
        pytest.param([calcium("2026-02-20", 2.10)], Status.OK, id="D17: 2.10 is not below 2.10"),
        pytest.param(
            [calcium("2026-02-20", 2.15, low=2.20, high=2.60)],
            Status.ALERT,
            id="D17: the lab's LLN 2.20 wins",
        ),
        pytest.param(
            [calcium("2026-02-20", 2.05, low=2.00, high=2.60)],
            Status.OK,
            id="D17: 2.05 is above the lab's LLN 2.00",
        ),
        pytest.param(
            [calcium("2026-02-20", 2.00, CalciumKind.TOTAL), albumin("2026-02-18", 45)],
            Status.ALERT,
            id="D12: total 2.00 with albumin 45 → 1.90",
        ),
        pytest.param(
            [calcium("2026-02-20", 2.05, CalciumKind.TOTAL), albumin("2026-02-22", 30)],
            Status.OK,
            id="D12: total 2.05 with albumin 30 → 2.25",
        ),
        pytest.param(
            [calcium("2026-02-20", 2.05, CalciumKind.TOTAL), albumin("2026-02-10", 30)],
            Status.ALERT,
            id="D12: albumin 10 d away is not used, total 2.05",
        ),
        pytest.param(
            [calcium("2026-02-20", 1.00, CalciumKind.IONISED)],
            Status.OK,
            id="D16: ionised calcium is never compared",
        ),
        pytest.param([], Status.OK, id="§11 alert.hypocalcaemia: no calcium yet"),
        pytest.param(
            [calcium("2026-02-10", 2.00), calcium("2026-02-20", 2.30)],
            Status.OK,
            id="§11 alert.hypocalcaemia: the latest calcium counts",
        ),
    ],
)
def test_alert_hypocalcaemia_latest_calcium_below_lln(
    results: list[Entry], expected: Status
) -> None:
    found = item("alert.hypocalcaemia", history(*DENOSUMAB, *results), "2026-02-25")
    assert found.status is expected
    if expected is Status.ALERT:
        assert found.severity is Severity.URGENT
        assert found.message.id == "alert.hypocalcaemia.low"


def test_alert_hypocalcaemia_rationale_says_the_default_limit_was_used() -> None:
    found = item(
        "alert.hypocalcaemia", history(*DENOSUMAB, calcium("2026-02-20", 2.0)), "2026-02-25"
    )
    params = found.message.as_dict()
    assert params["limits"] == "default"
    assert params["lln"] == Quantity(Analyte.CALCIUM, 2.10)
    assert params["basis"] == "adjusted"


def test_alert_hypocalcaemia_applies_when_denosumab_is_the_agent_planned() -> None:
    record = history(NDMM, schedule("2026-01-10", DMAB, 28), calcium("2026-01-12", 2.0))
    assert item("alert.hypocalcaemia", record, "2026-01-15").status is Status.ALERT


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param([NDMM, calcium("2026-01-12", 2.0)], id="§11 alert.hypocalcaemia: ZA planned"),
        pytest.param(
            [NDMM, dose("2026-02-02"), calcium("2026-02-12", 2.0)],
            id="§11 alert.hypocalcaemia: on ZA",
        ),
        pytest.param(
            [*DENOSUMAB, stop("2026-02-10"), calcium("2026-02-12", 2.0)],
            id="§11 alert.hypocalcaemia: closes at a stop entry",
        ),
        pytest.param(
            [phase("2026-01-05", Phase.SMM), calcium("2026-01-12", 2.0)],
            id="§11 alert.hypocalcaemia: off BTA",
        ),
    ],
)
def test_alert_hypocalcaemia_not_applicable(entries: list[Entry]) -> None:
    assert item("alert.hypocalcaemia", history(*entries), "2026-02-20").status is (
        Status.NOT_APPLICABLE
    )


def test_alert_hypocalcaemia_snooze_ends_and_a_newer_low_value_is_not_snoozed() -> None:
    """11 Status: low calcium 2026-03-01 acknowledged 2026-03-03 until 2026-03-10 is snoozed
    to 2026-03-10 and alerts again on 2026-03-11; in a second history a newer low calcium
    (2026-03-05, after the acknowledgement) alerts at once."""
    acknowledged = ack("alert.hypocalcaemia", "2026-03-03", "2026-03-10")
    record = history(*DENOSUMAB, calcium("2026-03-01", 2.0), acknowledged)
    assert statuses("alert.hypocalcaemia", record, "2026-03-02", "2026-03-10", "2026-03-11") == {
        "2026-03-02": "alert",
        "2026-03-10": "snoozed",
        "2026-03-11": "alert",
    }
    newer = history(
        *DENOSUMAB, calcium("2026-03-01", 2.0), acknowledged, calcium("2026-03-05", 1.95)
    )
    assert statuses("alert.hypocalcaemia", newer, "2026-03-04", "2026-03-05") == {
        "2026-03-04": "snoozed",
        "2026-03-05": "alert",
    }


# --- D36: the first dose of a planned denosumab ----------------------------------------


def denosumab_planned(start: str, recorded: str) -> BoneTherapyEvent:
    """A schedule entry naming denosumab, dated at its planned start (D36)."""
    return BoneTherapyEvent(
        id=f"dmab-plan-{start}",
        date=day(start),
        kind=BoneTherapyEventKind.SCHEDULE,
        agent=DMAB,
        interval_days=28,
        recorded_on=day(recorded),
    )


PLAN = denosumab_planned("2026-04-15", "2026-03-20")


@pytest.mark.parametrize(
    ("drawn", "as_of", "expected"),
    [
        pytest.param("2026-04-01", "2026-04-10", Status.OK, id="D36: 14 d before the start"),
        pytest.param("2026-03-31", "2026-04-10", Status.DUE_SOON, id="D36: 15 d before the start"),
        pytest.param(
            "2026-04-06", "2026-04-20", Status.OK, id="D34, D36: overdue, 14 d before as_of"
        ),
        pytest.param(
            "2026-04-05",
            "2026-04-20",
            Status.OVERDUE,
            id="D34, D36: overdue, 15 d before as_of (though 10 d before the start)",
        ),
    ],
)
def test_calcium_before_denosumab_d36_first_dose_window_14_days(
    drawn: str, as_of: str, expected: Status
) -> None:
    record = history(NDMM, PLAN, calcium(drawn, 2.30))
    found = item("calcium.before_denosumab", record, as_of)
    assert found.status is expected
    if expected is not Status.OK:
        assert str(found.due) == "2026-04-15"


def test_calcium_before_denosumab_d36_applies_from_the_day_the_plan_was_recorded() -> None:
    record = history(NDMM, PLAN)
    assert item("calcium.before_denosumab", record, "2026-03-19").status is (Status.NOT_APPLICABLE)
    assert item("calcium.before_denosumab", record, "2026-03-20").status is Status.OK
    assert item("alert.hypocalcaemia", record, "2026-03-20").message.id == (
        "alert.hypocalcaemia.no_result"
    )
    given = history(NDMM, PLAN, calcium("2026-04-10", 2.3), dose("2026-04-15", DMAB, 120))
    after = item("calcium.before_denosumab", given, "2026-04-16")
    assert after.status is Status.NOT_APPLICABLE  # next dose 2026-05-13 not within 14 d


@pytest.mark.parametrize(
    ("umol_l", "message_id"),
    [
        pytest.param(221.0, "alert.hypocalcaemia.normal", id="D36: CrCl exactly 30, no advice"),
        pytest.param(222.0, "alert.hypocalcaemia.normal_renal", id="D36: CrCl 29.9 → weekly"),
    ],
)
def test_alert_hypocalcaemia_d36_weekly_calcium_advice_below_crcl_30(
    umol_l: float, message_id: str
) -> None:
    """§9 at 60 years: 80 × 67.5 kg × 88.4 / (72 × 221 µmol/L) = 30.0 mL/min."""
    record = history(
        NDMM,
        PLAN,
        weight("2026-03-01", 67.5),
        creatinine("2026-03-01", umol_l),
        calcium("2026-03-25", 2.3),
    )
    assert item("alert.hypocalcaemia", record, "2026-03-26").message.id == message_id
