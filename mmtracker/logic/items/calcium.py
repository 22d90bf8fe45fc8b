"""Hypercalcaemia alert (clinical-rules.md §11 alert.hypercalcaemia, §1a C, D12, D15-D17, D44).

Two findings are judged, each on the latest calcium of its kind:

- total or lab-adjusted calcium (albumin-corrected where D12 says) above
  2.75 mmol/L or ULN + 0.25 mmol/L: ``urgent`` (§1a C);
- ionised calcium above its ULN (the lab's own, else ``limits.ionised_calcium_uln``):
  ``info`` "check serum calcium" (D44). It is never compared with the total
  thresholds (D16).

D44: a newer calcium of either kind that does not meet its rule closes a finding;
when both hold, the urgent total one shows. The alert dates from its calcium (D45)
and cites that entry and the albumin used to correct it (D40).

Reading where D44 is silent, erring toward showing: a total and an ionised calcium
of the same day are not newer than each other, so a normal one does not close the
other's finding.
"""

from __future__ import annotations

from mmtracker.logic.care import EntryRef, Finding, ItemRule, Severity
from mmtracker.logic.codes import Analyte, CalciumKind, PatientStatus
from mmtracker.logic.context import Context
from mmtracker.logic.crab import CALCIUM_ABOVE_ULN, CALCIUM_LIMIT
from mmtracker.logic.labs import CalciumReading, LabValue, latest_calcium
from mmtracker.logic.messages import Message, Quantity, declare, msg

# Floating-point noise allowed when a value equals a limit (e.g. ULN + 0.25); not a clinical margin.
FLOAT_TOLERANCE = 1e-9
# Decimal places of the values a message shows (enough for D15's 2.747 mmol/L).
SHOWN_DECIMALS = 3

_PARAMS = ("value", "date", "basis", "uln", "limit")
_IONISED_PARAMS = ("value", "date", "uln")

# (above the limit, the ULN is the policy default) -> message id.
_MESSAGE_IDS = {
    (True, False): "alert.hypercalcaemia.above",
    (True, True): "alert.hypercalcaemia.above_default_uln",
    (False, False): "alert.hypercalcaemia.not_above",
    (False, True): "alert.hypercalcaemia.not_above_default_uln",
}
_IONISED_MESSAGE_IDS = {
    (True, False): "alert.hypercalcaemia.ionised_above",
    (True, True): "alert.hypercalcaemia.ionised_above_default_uln",
    (False, False): "alert.hypercalcaemia.ionised_not_above",
    (False, True): "alert.hypercalcaemia.ionised_not_above_default_uln",
}

declare(
    {
        "alert.hypercalcaemia.not_in_care": ("since",),
        "alert.hypercalcaemia.no_calcium": (),
        **dict.fromkeys(_MESSAGE_IDS.values(), _PARAMS),
        **dict.fromkeys(_IONISED_MESSAGE_IDS.values(), _IONISED_PARAMS),
    }
)


def alert_limit(reading: CalciumReading) -> float:
    """§1a C: the value above which calcium is an MDE: the lower of 2.75 and ULN + 0.25 mmol/L."""
    return min(CALCIUM_LIMIT, reading.uln + CALCIUM_ABOVE_ULN)  # §1a C, as SLiM-CRAB


def _shown(mmol_l: float) -> Quantity:
    """A calcium value as a message shows it."""
    return Quantity(Analyte.CALCIUM, round(mmol_l, SHOWN_DECIMALS))


def _above(value: float, limit: float) -> bool:
    return value - limit > FLOAT_TOLERANCE


def _total(ctx: Context) -> tuple[CalciumReading, bool, Message] | None:
    """§1a C on the latest total or adjusted calcium (D12, D16, D17)."""
    reading = latest_calcium(ctx.labs, ctx.policy)
    if reading is None:
        return None
    limit = alert_limit(reading)
    above = _above(reading.value, limit)
    message = msg(
        _MESSAGE_IDS[above, reading.entry.ref_high is None],
        value=_shown(reading.value),
        date=reading.date,
        basis=reading.basis,
        uln=_shown(reading.uln),
        limit=_shown(limit),
    )
    return reading, above, message


def _ionised(ctx: Context) -> tuple[LabValue, bool, Message] | None:
    """D44 on the latest ionised calcium: above the lab's ULN, else the policy default."""
    value = next(
        (
            v
            for v in reversed(ctx.labs.series(Analyte.CALCIUM))
            if v.entry.calcium_kind is CalciumKind.IONISED
        ),
        None,
    )
    if value is None:
        return None
    default = value.high_si is None
    uln = ctx.policy.number("limits.ionised_calcium_uln") if default else value.high_si
    assert uln is not None
    above = _above(value.si, uln)
    message = msg(
        _IONISED_MESSAGE_IDS[above, default],
        value=_shown(value.si),
        date=value.date,
        uln=_shown(uln),
    )
    return value, above, message


def evaluate(ctx: Context) -> Finding:
    """§11 alert.hypercalcaemia: urgent on a high total calcium (§1a C), info on a high ionised (D44)."""
    patient = ctx.history.patient
    if patient.status is not PatientStatus.ACTIVE:
        return Finding(False, msg("alert.hypercalcaemia.not_in_care", since=patient.status_date))
    total = _total(ctx)
    ionised = _ionised(ctx)
    if total is None and ionised is None:
        return Finding(True, msg("alert.hypercalcaemia.no_calcium"))
    # D44: a newer calcium of the other kind that does not meet its rule closes a finding.
    total_holds = total is not None and total[1]
    ionised_holds = ionised is not None and ionised[1]
    if total is not None and ionised is not None:
        reading, value = total[0], ionised[0]
        if value.date > reading.date and not ionised[1]:
            total_holds = False
        if reading.date > value.date and not total[1]:
            ionised_holds = False
    if total is not None and total_holds:
        reading, _, message = total
        cites = tuple(e.id for e in (reading.entry, reading.albumin) if e is not None)
        return Finding(
            True,
            message,
            last=EntryRef("lab_results", reading.entry.id, reading.date),
            alert=Severity.URGENT,
            trigger_date=reading.date,
            cites=cites,
        )
    if ionised is not None and ionised_holds:
        value, _, message = ionised
        return Finding(
            True,
            message,
            last=EntryRef("lab_results", value.entry.id, value.date),
            alert=Severity.INFO,
            trigger_date=value.date,
            cites=(value.entry.id,),
        )
    # No finding holds: the newest calcium says why (the total one on a tie).
    if total is not None and (ionised is None or total[0].date >= ionised[0].date):
        reading, _, message = total
        return Finding(True, message, last=EntryRef("lab_results", reading.entry.id, reading.date))
    assert ionised is not None
    value, _, message = ionised
    return Finding(True, message, last=EntryRef("lab_results", value.entry.id, value.date))


RULES: tuple[ItemRule, ...] = (ItemRule("alert.hypercalcaemia", "§1a C; D44", evaluate),)
