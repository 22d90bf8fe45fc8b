"""Issue class 2, D40: a snooze covers only the finding acknowledged.

An acknowledgement stores the finding it acknowledged (message id, severity, cited
entries, and for a scheduled item its due date). A confirmed PD after an unconfirmed
one, a new creatinine, a weight that makes CrCl computable, any change of message id
or severity, or a scheduled item's new due date ends the snooze. Expected outcomes come
from D40 and §11 Status; the histories are the ones the clinical review found.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from bone_builders import (
    ZA,
    creatinine,
    dose,
    history,
    phase,
    schedule,
    weight,
)
from builders import lab
from builders import policy as make_policy

from mmtracker.logic.assessment import assess, item_findings
from mmtracker.logic.care import Finding, Severity, Status, acknowledges
from mmtracker.logic.codes import Analyte, Phase, TreatmentIntent
from mmtracker.logic.context import Context
from mmtracker.logic.history import (
    ENTRY_KINDS,
    Acknowledgement,
    Entry,
    PatientHistory,
    TreatmentLine,
)
from mmtracker.logic.messages import Message
from mmtracker.logic.policy import Policy

POLICY: Policy = make_policy()
_ids = itertools.count(1)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def acknowledge(
    record: PatientHistory, item_id: str, on: str, until: str, stored: bool = True
) -> Acknowledgement:
    """An acknowledgement storing the finding the item shows on ``on`` (as the services do);
    with ``stored`` False one made before D40, or written by hand, without it."""
    if not stored:
        return Acknowledgement(
            id=f"ack-{next(_ids)}",
            item_id=item_id,
            acknowledged_on=day(on),
            until=day(until),
            reason="seen in clinic",
            acknowledged_by="nurse",
        )
    ctx = Context(record, day(on), POLICY)
    finding = {rule.id: f for rule, f in item_findings(ctx)}[item_id]
    assert finding.applies, finding
    return Acknowledgement(
        id=f"ack-{next(_ids)}",
        item_id=item_id,
        acknowledged_on=day(on),
        until=day(until),
        reason="seen in clinic",
        acknowledged_by="nurse",
        finding_message_id=finding.message.id,
        finding_severity=finding.alert.value if finding.alert else None,
        finding_cites=finding.cites,
        finding_due=None if finding.alert else finding.due,
    )


def status(record: PatientHistory, item_id: str, on: str) -> Status:
    found = {i.id: i for i in assess(record, day(on), POLICY).items}
    return found[item_id].status


def with_entries(record: PatientHistory, *entries: Entry) -> PatientHistory:
    return history(*(e for kind in ENTRY_KINDS for e in record.entries(kind)), *entries)


def serum(on: str, g_l: float) -> Entry:
    return lab(day(on), Analyte.SERUM_MPROTEIN, g_l, "g/L")


def induction(on: str) -> TreatmentLine:
    return TreatmentLine(
        id=f"line-{next(_ids)}",
        line_number=1,
        regimen="D-VRd",
        intent=TreatmentIntent.INDUCTION,
        start_date=day(on),
    )


# --- the three histories of the review --------------------------------------------------

# An acknowledgement stored with its finding, and one stored before D40 without it
# (completed from the record as known the day it was made).
STORED_OR_NOT = pytest.mark.parametrize(
    "stored", [pytest.param(True, id="finding stored"), pytest.param(False, id="made before D40")]
)


@STORED_OR_NOT
def test_class_2_a_confirmed_progression_ends_the_snooze_of_the_unconfirmed_one(
    stored: bool,
) -> None:
    """D40, §4 PD, D4: 30 → nadir 10 g/L, then 16 (+60%, +6 g/L: PD unconfirmed), then 22."""
    base = history(
        phase("2025-01-06", Phase.NDMM),
        induction("2025-01-06"),
        serum("2025-01-03", 30.0),
        serum("2025-04-01", 10.0),
        serum("2025-07-01", 16.0),
    )
    assert status(base, "alert.progression", "2025-07-02") is Status.ALERT
    snoozed = with_entries(
        base, acknowledge(base, "alert.progression", "2025-07-02", "2025-09-30", stored)
    )
    assert status(snoozed, "alert.progression", "2025-07-10") is Status.SNOOZED
    confirmed = with_entries(snoozed, serum("2025-07-20", 22.0))
    assert status(confirmed, "alert.progression", "2025-07-20") is Status.ALERT


@STORED_OR_NOT
def test_class_2_a_weight_revealing_crcl_19_ends_the_snooze_of_record_a_weight(
    stored: bool,
) -> None:
    """D40, D13, D35: no weight → "record a weight"; 50 kg at 60 y and 260 µmol/L → CrCl ≈ 19."""
    base = history(
        phase("2026-01-02", Phase.NDMM),
        creatinine("2026-01-05", 260.0),
        dose("2026-01-10", ZA, 3.0),
    )
    ack = acknowledge(base, "renal.za_dose", "2026-01-12", "2026-03-01", stored)
    assert ack.finding_severity == (Severity.URGENT.value if stored else None)
    snoozed = with_entries(base, ack)
    assert status(snoozed, "renal.za_dose", "2026-01-15") is Status.SNOOZED
    weighed = with_entries(snoozed, weight("2026-01-20", 50.0))
    assert status(weighed, "renal.za_dose", "2026-01-20") is Status.ALERT


@STORED_OR_NOT
def test_class_2_a_climbing_creatinine_ends_the_snooze_of_a_renal_hold(stored: bool) -> None:
    """D40, §5 ZA renal deterioration: baseline 80, 130 (+50 ≥ 44: hold), then 200 µmol/L."""
    base = history(
        phase("2026-01-02", Phase.NDMM),
        weight("2026-01-02", 80.0),
        creatinine("2026-01-05", 80.0),
        dose("2026-01-10", ZA),
        creatinine("2026-02-01", 130.0),
    )
    assert status(base, "renal.za_dose", "2026-02-02") is Status.ALERT
    snoozed = with_entries(
        base, acknowledge(base, "renal.za_dose", "2026-02-02", "2026-04-01", stored)
    )
    assert status(snoozed, "renal.za_dose", "2026-02-10") is Status.SNOOZED
    climbing = with_entries(snoozed, creatinine("2026-02-15", 200.0))
    assert status(climbing, "renal.za_dose", "2026-02-15") is Status.ALERT


@STORED_OR_NOT
def test_d40_a_new_severity_ends_the_snooze(stored: bool) -> None:
    """§11 Status, D35: "no baseline creatinine" is info while ZA is planned, urgent once given."""
    base = history(phase("2026-01-02", Phase.NDMM), weight("2026-01-02", 80.0))
    assert status(base, "renal.za_dose", "2026-01-20") is Status.ALERT
    snoozed = with_entries(
        base, acknowledge(base, "renal.za_dose", "2026-01-20", "2026-04-01", stored)
    )
    assert status(snoozed, "renal.za_dose", "2026-01-25") is Status.SNOOZED
    given = with_entries(snoozed, dose("2026-02-01", ZA))
    assert status(given, "renal.za_dose", "2026-02-01") is Status.ALERT


def test_d40_a_snooze_of_a_scheduled_item_ends_when_its_due_date_changes() -> None:
    """D40: bta.next_dose snoozed while due 2026-02-07; a 84-day schedule moves it to 2026-04-04."""
    base = history(phase("2026-01-02", Phase.NDMM), dose("2026-01-10", ZA))
    snoozed = with_entries(base, acknowledge(base, "bta.next_dose", "2026-01-30", "2026-03-30"))
    assert status(snoozed, "bta.next_dose", "2026-02-01") is Status.SNOOZED
    rescheduled = with_entries(snoozed, schedule("2026-02-01", ZA, 84))
    assert status(rescheduled, "bta.next_dose", "2026-02-01") is not Status.SNOOZED


def test_d40_an_unrelated_entry_keeps_the_snooze() -> None:
    """D40: the renal hold stays snoozed when an entry it does not cite (an M-protein) is added."""
    base = history(
        phase("2026-01-02", Phase.NDMM),
        weight("2026-01-02", 80.0),
        creatinine("2026-01-05", 80.0),
        dose("2026-01-10", ZA),
        creatinine("2026-02-01", 130.0),
    )
    snoozed = with_entries(base, acknowledge(base, "renal.za_dose", "2026-02-02", "2026-04-01"))
    unrelated = with_entries(snoozed, serum("2026-02-10", 12.0))
    assert status(unrelated, "renal.za_dose", "2026-02-10") is Status.SNOOZED


# --- the comparison itself ----------------------------------------------------------------

FINDING = Finding(
    True,
    Message("renal.za_dose.hold"),
    alert=Severity.URGENT,
    trigger_date=day("2026-02-01"),
    cites=("cr-1", "cr-2"),
)


def stored(**finding: object) -> Acknowledgement:
    fields: dict[str, object] = {
        "finding_message_id": "renal.za_dose.hold",
        "finding_severity": "urgent",
        "finding_cites": ("cr-2", "cr-1"),
    }
    fields.update(finding)
    return Acknowledgement(
        id="a",
        item_id="renal.za_dose",
        acknowledged_on=day("2026-02-02"),
        until=day("2026-03-01"),
        reason="r",
        acknowledged_by="n",
        **fields,
    )


@pytest.mark.parametrize(
    ("change", "covers"),
    [
        pytest.param({}, True, id="D40 same finding (cites in any order)"),
        pytest.param(
            {"finding_message_id": "renal.za_dose.not_recommended"}, False, id="D40 message id"
        ),
        pytest.param({"finding_severity": "info"}, False, id="D40 severity"),
        pytest.param({"finding_cites": ("cr-1",)}, False, id="D40 cited entries"),
    ],
)
def test_d40_an_acknowledgement_covers_only_its_finding(
    change: dict[str, object], covers: bool
) -> None:
    assert acknowledges(stored(**change), FINDING) is covers


def test_d40_a_value_dated_after_the_acknowledgement_ends_it() -> None:
    """§11 Status: a cited value dated after the acknowledgement ends the snooze."""
    later = Finding(
        True,
        FINDING.message,
        alert=Severity.URGENT,
        trigger_date=day("2026-02-03"),
        cites=FINDING.cites,
    )
    assert acknowledges(stored(), later) is False
