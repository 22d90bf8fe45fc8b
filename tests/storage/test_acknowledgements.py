"""Acknowledging a care item stores the finding acknowledged (clinical-rules.md D40, §11 Status).

Both databases. The expected statuses come from §11 Status and D40: a snooze covers an
alert only while the alert's finding is the one acknowledged (same message id, severity
and cited entries); a new value the finding cites ends it, an unrelated entry does not.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from logic.builders import policy
from sqlalchemy import Connection, Engine, select

from mmtracker.logic.assessment import evaluate_items
from mmtracker.logic.care import CareItem, Severity, Status
from mmtracker.logic.context import Context
from mmtracker.storage.acknowledgements import acknowledge
from mmtracker.storage.loaders import load_history
from mmtracker.storage.outcomes import ValidationError
from mmtracker.storage.services import add_entry, create_patient
from mmtracker.storage.tables import AUDIT, table_of

ACTOR = "nurse.lee@ws-02"
ON = dt.date(2026, 11, 2)
TODAY = dt.date(2026, 11, 30)
ACK = table_of("acknowledgements")


def new_patient(engine: Engine) -> int:
    return create_patient(
        engine,
        {"mrn": "ACK-1", "name": "Chen Hui", "sex": "F", "date_of_birth": "1956-05-04"},
        ACTOR,
        today=TODAY,
    ).patient_id


def add(engine: Engine, pid: int, kind: str, **data: Any) -> str:
    return add_entry(engine, pid, kind, data, ACTOR, today=TODAY).row_id


def calcium(engine: Engine, pid: int, date: str, mmol_l: float) -> str:
    return add(
        engine,
        pid,
        "lab_results",
        date=date,
        analyte="calcium",
        value=mmol_l,
        unit="mmol/L",
        calcium_kind="total",
    )


def item(engine: Engine, pid: int, item_id: str, as_of: dt.date) -> CareItem:
    ctx = Context(load_history(engine, pid), as_of, policy())
    (found,) = (i for i in evaluate_items(ctx) if i.id == item_id)
    return found


def acknowledge_hypercalcaemia(engine: Engine, pid: int, until: dt.date) -> None:
    acknowledge(
        engine, pid, "alert.hypercalcaemia", ON, until, "repeat booked", ACTOR, policy(), TODAY
    )


@pytest.fixture
def hypercalcaemic(engine: Engine) -> tuple[int, str]:
    """NDMM with a total calcium of 3.0 mmol/L (> 2.75, §1a C): an urgent alert."""
    pid = new_patient(engine)
    add(engine, pid, "phase_changes", date="2026-10-01", phase="NDMM")
    high = calcium(engine, pid, "2026-11-01", 3.0)
    return pid, high


def test_the_acknowledgement_keeps_the_urgent_finding_it_acknowledged(
    engine: Engine, hypercalcaemic: tuple[int, str]
) -> None:
    """D40: message id, severity and the cited calcium are stored with the acknowledgement."""
    pid, high = hypercalcaemic
    before = item(engine, pid, "alert.hypercalcaemia", ON)
    assert (before.status, before.severity) == (Status.ALERT, Severity.URGENT)

    acknowledge_hypercalcaemia(engine, pid, dt.date(2026, 11, 20))

    (ack,) = load_history(engine, pid).acknowledgements
    assert ack.item_id == "alert.hypercalcaemia"
    assert (ack.acknowledged_on, ack.until, ack.acknowledged_by) == (
        ON,
        dt.date(2026, 11, 20),
        ACTOR,
    )
    assert ack.finding_message_id == before.message.id
    assert ack.finding_severity == "urgent"
    assert ack.finding_cites == (high,)  # no albumin on record: the calcium alone (D12)
    assert ack.finding_due is None  # an alert has no due date (D45)
    assert item(engine, pid, "alert.hypercalcaemia", ON).status is Status.SNOOZED


def test_d40_a_new_calcium_the_finding_cites_ends_the_snooze(
    engine: Engine, hypercalcaemic: tuple[int, str]
) -> None:
    """A newer calcium, still high, is a new finding: the alert shows again, though the
    snooze's until has not passed (§11 Status: a cited value dated after the acknowledgement)."""
    pid, _ = hypercalcaemic
    acknowledge_hypercalcaemia(engine, pid, dt.date(2026, 11, 20))
    newer = calcium(engine, pid, "2026-11-05", 3.2)
    shown = item(engine, pid, "alert.hypercalcaemia", dt.date(2026, 11, 6))
    assert (shown.status, shown.severity) == (Status.ALERT, Severity.URGENT)
    assert shown.snoozed_until is None
    assert newer  # the entry the alert now rests on


def test_d40_an_unrelated_entry_keeps_the_snooze(
    engine: Engine, hypercalcaemic: tuple[int, str]
) -> None:
    pid, _ = hypercalcaemic
    acknowledge_hypercalcaemia(engine, pid, dt.date(2026, 11, 20))
    add(engine, pid, "weights", date="2026-11-05", weight_kg=58.0)
    add(
        engine,
        pid,
        "lab_results",
        date="2026-11-05",
        analyte="hemoglobin",
        value=104.0,
        unit="g/L",
    )
    shown = item(engine, pid, "alert.hypercalcaemia", dt.date(2026, 11, 6))
    assert shown.status is Status.SNOOZED
    assert shown.snoozed_until == dt.date(2026, 11, 20)
    # §11 Status: from the day after until the real status shows again.
    assert item(engine, pid, "alert.hypercalcaemia", dt.date(2026, 11, 21)).status is Status.ALERT


def test_acknowledging_is_one_audited_write_and_calls_on_change(
    engine: Engine, hypercalcaemic: tuple[int, str]
) -> None:
    pid, _ = hypercalcaemic
    seen: list[int] = []

    def on_change(conn: Connection, patient_id: int) -> None:
        seen.append(patient_id)
        # The acknowledgement is visible to the re-assessment in the same transaction.
        assert conn.execute(select(ACK.c.id).where(ACK.c.patient_id == patient_id)).first()

    change = acknowledge(
        engine,
        pid,
        "alert.hypercalcaemia",
        ON,
        dt.date(2026, 11, 9),
        "repeat booked",
        ACTOR,
        policy(),
        TODAY,
        on_change,
    )
    assert seen == [pid]
    assert change.kinds == frozenset({"acknowledgements"})
    with engine.connect() as conn:
        audits = (
            conn.execute(select(AUDIT).where(AUDIT.c.table_name == "acknowledgement"))
            .mappings()
            .all()
        )
    (audit,) = audits
    assert (audit["action"], audit["actor"], audit["row_id"]) == ("insert", ACTOR, change.row_id)
    after = json.loads(audit["after"])
    assert after["finding_severity"] == "urgent"


def snapshot(engine: Engine) -> tuple[list[Any], list[Any]]:
    with engine.connect() as conn:
        return (
            list(conn.execute(select(ACK)).all()),
            list(conn.execute(select(AUDIT)).all()),
        )


@pytest.mark.parametrize(
    ("item_id", "until", "path", "words"),
    [
        pytest.param(
            "alert.hypercalcaemia",
            dt.date(2027, 1, 31),  # ON + 90 d = 2027-01-31: accepted below
            None,
            None,
            id="§11 until = acknowledged_on + snooze.max_days",
        ),
        pytest.param(
            "alert.hypercalcaemia",
            dt.date(2027, 2, 1),
            "until",
            "2027-02-01 is outside the accepted range 2026-11-02–2027-01-31",
            id="§11 until a day beyond snooze.max_days",
        ),
        pytest.param(
            "alert.hypercalcaemia",
            dt.date(2026, 11, 1),
            "until",
            "2026-11-01 is outside the accepted range 2026-11-02–2027-01-31",
            id="until before the acknowledgement",
        ),
        pytest.param(
            "alert.smm_high_risk",
            dt.date(2026, 11, 20),
            "item_id",
            "alert.smm_high_risk does not apply to this patient on 2026-11-02",
            id="§11 an item that does not apply",
        ),
        pytest.param(
            "renal.before_za",
            dt.date(2026, 11, 20),
            "item_id",
            "'renal.before_za' is not a care item",
            id="an id that is no care item",
        ),
    ],
)
def test_acknowledging_refuses_naming_the_field_and_range(
    engine: Engine,
    hypercalcaemic: tuple[int, str],
    item_id: str,
    until: dt.date,
    path: str | None,
    words: str | None,
) -> None:
    pid, _ = hypercalcaemic
    before = snapshot(engine)

    def attempt() -> None:
        acknowledge(engine, pid, item_id, ON, until, "booked", ACTOR, policy(), TODAY)

    if path is None:
        attempt()
        return
    with pytest.raises(ValidationError) as caught:
        attempt()
    (problem,) = caught.value.problems
    assert problem.path == path
    assert words is not None
    assert words in problem.message
    assert snapshot(engine) == before  # nothing partly saved


def test_an_acknowledgement_dated_after_today_is_refused(
    engine: Engine, hypercalcaemic: tuple[int, str]
) -> None:
    pid, _ = hypercalcaemic
    with pytest.raises(ValidationError, match="acknowledged_on: 2026-11-02 is in the future"):
        acknowledge(
            engine,
            pid,
            "alert.hypercalcaemia",
            ON,
            dt.date(2026, 11, 9),
            "booked",
            ACTOR,
            policy(),
            dt.date(2026, 11, 1),
        )


def m_protein(engine: Engine, pid: int, date: str, g_l: float) -> str:
    return add(
        engine,
        pid,
        "lab_results",
        date=date,
        analyte="serum_m_protein",
        value=g_l,
        unit="g/L",
    )


def test_d40_a_confirming_m_protein_ends_the_snooze_of_an_unconfirmed_progression(
    engine: Engine,
) -> None:
    """Issue 7 class 2: an unconfirmed PD, snoozed, shows again once a second value confirms
    it (D20 "repeat to confirm"; D40: a confirmed PD after an unconfirmed one ends the snooze).
    Serum M-protein 30 → nadir 10 → 16 g/L: +6 g/L and +60 % from the nadir (§4 PD, D4)."""
    pid = new_patient(engine)
    add(engine, pid, "phase_changes", date="2026-03-01", phase="NDMM")
    m_protein(engine, pid, "2026-02-25", 30.0)
    add(
        engine,
        pid,
        "treatment_lines",
        line_number=1,
        regimen="VRd",
        intent="induction",
        start_date="2026-03-02",
    )
    m_protein(engine, pid, "2026-06-01", 10.0)
    m_protein(engine, pid, "2026-10-30", 16.0)
    before = item(engine, pid, "alert.progression", ON)
    assert (before.status, before.severity) == (Status.ALERT, Severity.URGENT)
    assert "unconfirmed" in before.message.id

    acknowledge(
        engine, pid, "alert.progression", ON, dt.date(2026, 12, 1), "repeat", ACTOR, policy(), TODAY
    )
    assert item(engine, pid, "alert.progression", dt.date(2026, 11, 3)).status is Status.SNOOZED
    m_protein(engine, pid, "2026-11-16", 18.0)
    after = item(engine, pid, "alert.progression", dt.date(2026, 11, 17))
    assert (after.status, after.severity) == (Status.ALERT, Severity.URGENT)
    assert "confirmed" in after.message.id
    assert "unconfirmed" not in after.message.id


def test_d40_a_scheduled_item_keeps_its_due_date_and_its_snooze_ends_when_it_moves(
    engine: Engine,
) -> None:
    """§11 labs.monitoring in NDMM: last M-protein + 30 d. Acknowledged while due soon, the
    snooze stores that due date; a new result moves the due date and ends the snooze (D40)."""
    pid = new_patient(engine)
    add(engine, pid, "phase_changes", date="2026-09-01", phase="NDMM")
    m_protein(engine, pid, "2026-10-10", 25.0)  # due 2026-11-09: due soon on 2026-11-02
    before = item(engine, pid, "labs.monitoring", ON)
    assert (before.status, before.due) == (Status.DUE_SOON, dt.date(2026, 11, 9))
    acknowledge(
        engine, pid, "labs.monitoring", ON, dt.date(2026, 11, 20), "booked", ACTOR, policy(), TODAY
    )
    (ack,) = load_history(engine, pid).acknowledgements
    assert (ack.finding_due, ack.finding_severity) == (dt.date(2026, 11, 9), None)
    assert item(engine, pid, "labs.monitoring", dt.date(2026, 11, 12)).status is Status.SNOOZED
    m_protein(engine, pid, "2026-11-12", 24.0)  # due now 2026-12-12
    shown = item(engine, pid, "labs.monitoring", dt.date(2026, 11, 13))
    assert (shown.status, shown.due) == (Status.OK, dt.date(2026, 12, 12))
