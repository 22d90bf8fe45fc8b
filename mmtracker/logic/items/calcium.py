"""Hypercalcaemia alert (clinical-rules.md §11 alert.hypercalcaemia, §1a C, D12, D15-D17)."""

from __future__ import annotations

from mmtracker.logic.care import EntryRef, Finding, ItemRule, Severity
from mmtracker.logic.codes import Analyte, PatientStatus
from mmtracker.logic.context import Context
from mmtracker.logic.crab import CALCIUM_ABOVE_ULN, CALCIUM_LIMIT
from mmtracker.logic.labs import CalciumReading, latest_calcium
from mmtracker.logic.messages import Quantity, declare, msg

# Floating-point noise allowed when a value equals a limit (e.g. ULN + 0.25); not a clinical margin.
FLOAT_TOLERANCE = 1e-9
# Decimal places of the values a message shows (enough for D15's 2.747 mmol/L).
SHOWN_DECIMALS = 3

_PARAMS = ("value", "date", "basis", "uln", "limit")

# (above the limit, the ULN is the policy default) -> message id.
_MESSAGE_IDS = {
    (True, False): "alert.hypercalcaemia.above",
    (True, True): "alert.hypercalcaemia.above_default_uln",
    (False, False): "alert.hypercalcaemia.not_above",
    (False, True): "alert.hypercalcaemia.not_above_default_uln",
}

declare(
    {
        "alert.hypercalcaemia.not_in_care": ("since",),
        "alert.hypercalcaemia.no_calcium": (),
        **dict.fromkeys(_MESSAGE_IDS.values(), _PARAMS),
    }
)


def alert_limit(reading: CalciumReading) -> float:
    """§1a C: the value above which calcium is an MDE: the lower of 2.75 and ULN + 0.25 mmol/L."""
    return min(CALCIUM_LIMIT, reading.uln + CALCIUM_ABOVE_ULN)  # §1a C, as SLiM-CRAB


def _shown(mmol_l: float) -> Quantity:
    """A calcium value as a message shows it."""
    return Quantity(Analyte.CALCIUM, round(mmol_l, SHOWN_DECIMALS))


def evaluate(ctx: Context) -> Finding:
    """§11 alert.hypercalcaemia: urgent while the latest comparable calcium meets §1a C."""
    patient = ctx.history.patient
    if patient.status is not PatientStatus.ACTIVE:
        return Finding(False, msg("alert.hypercalcaemia.not_in_care", since=patient.status_date))
    reading = latest_calcium(ctx.labs, ctx.policy)
    if reading is None:
        return Finding(True, msg("alert.hypercalcaemia.no_calcium"))
    limit = alert_limit(reading)
    above = reading.value - limit > FLOAT_TOLERANCE
    message = msg(
        _MESSAGE_IDS[above, reading.entry.ref_high is None],
        value=_shown(reading.value),
        date=reading.date,
        basis=reading.basis,
        uln=_shown(reading.uln),
        limit=_shown(limit),
    )
    return Finding(
        True,
        message,
        last=EntryRef("lab_results", reading.entry.id, reading.date),
        alert=Severity.URGENT if above else None,
        trigger_date=reading.date if above else None,
    )


RULES: tuple[ItemRule, ...] = (ItemRule("alert.hypercalcaemia", "§1a C", evaluate),)
