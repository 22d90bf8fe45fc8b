"""Builders for the imaging, work-up, transplant and calcium care-item tests.

The general builders (dates, labs, imaging, phases, policy, context) come from
``builders``; these add what the item tests need besides: a history from mixed
entries with the patient's status, MRD tests, transplants, snoozes and a status.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from builders import context, day, lab, new_id, patient, policy

from mmtracker.logic import care
from mmtracker.logic.assessment import acknowledged
from mmtracker.logic.care import CareItem, ItemRule
from mmtracker.logic.codes import Analyte, CalciumKind, MrdMethod, MrdResult, PatientStatus
from mmtracker.logic.history import (
    ENTRY_KINDS,
    Acknowledgement,
    Entry,
    LabResult,
    MrdTest,
    PatientHistory,
    Transplant,
    build_history,
)
from mmtracker.logic.policy import Policy

KIND_OF = {entry_type: kind for kind, entry_type in ENTRY_KINDS.items()}


def history(
    *entries: Entry,
    status: PatientStatus = PatientStatus.ACTIVE,
    status_date: dt.date | None = None,
) -> PatientHistory:
    """One patient with these entries, of any kinds."""
    grouped: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        grouped[KIND_OF[type(entry)]].append(entry)
    return build_history(patient(status=status, status_date=status_date), grouped)


def calcium(
    on: str,
    value: float,
    unit: str = "mmol/L",
    kind: CalciumKind = CalciumKind.TOTAL,
    low: float | None = None,
    high: float | None = None,
) -> LabResult:
    """A calcium result; ``low`` and ``high`` are the lab's own limits in ``unit``."""
    return lab(on, Analyte.CALCIUM, value, unit, calcium_kind=kind, ref_low=low, ref_high=high)


def mrd(on: str, result: MrdResult = MrdResult.POSITIVE) -> MrdTest:
    return MrdTest(
        id=new_id("mrd"), date=day(on), method=MrdMethod.NGF, sensitivity=1e-5, result=result
    )


def transplant(
    planned: str | None = None, performed: str | None = None, withdrawn: str | None = None
) -> Transplant:
    """A transplant planned, performed, or a plan withdrawn (D39)."""
    return Transplant(
        id=new_id("asct"),
        planned_date=day(planned) if planned else None,
        performed_date=day(performed) if performed else None,
        withdrawn_date=day(withdrawn) if withdrawn else None,
    )


def snooze(item_id: str, on: str, until: str) -> Acknowledgement:
    """An acknowledgement snoozing ``item_id`` from ``on`` to ``until`` (inclusive)."""
    return Acknowledgement(
        id=new_id("ack"),
        item_id=item_id,
        acknowledged_on=day(on),
        until=day(until),
        reason="patient asked to wait",
        acknowledged_by="nurse",
    )


def rule(rules: tuple[ItemRule, ...], item_id: str) -> ItemRule:
    return next(r for r in rules if r.id == item_id)


def item_on(item: ItemRule, hist: PatientHistory, on: str, pol: Policy | None = None) -> CareItem:
    """The item as resolved on a date, the way an assessment resolves it."""
    pol = pol or policy()
    ctx = context(hist, on, pol)
    return care.resolve(
        item.id,
        item.source,
        item.evaluate(ctx),
        ctx.as_of,
        ctx.lead_days,
        pol.whole("snooze.max_days"),
        acknowledged(ctx),
    )
