"""Calcium safety of denosumab: calcium before each dose and before the first, hypocalcaemia.

clinical-rules.md §5 (Denosumab hypocalcaemia), §11 ``calcium.before_denosumab``
and ``alert.hypocalcaemia``; D16, D17, D34, D36, D40, D45.
"""

from __future__ import annotations

import datetime as dt

from mmtracker.logic.bisphosphonate_renal import plan, too_low
from mmtracker.logic.bta import bta_state, entry_ref, held_finding, not_this_agent, off_bta, rounded
from mmtracker.logic.care import Finding, ItemRule, Severity
from mmtracker.logic.codes import Analyte, BoneAgent
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days
from mmtracker.logic.items.bone_renal import counts_until, pre_dose_counts
from mmtracker.logic.labs import CalciumReading, latest_calcium
from mmtracker.logic.messages import Message, ParamValue, Quantity, declare, msg
from mmtracker.logic.renal import renal_function_at

# Digits shown for calcium (mmol/L) and CrCl (mL/min) in rationales.
SHOWN_DIGITS = 2
CRCL_SHOWN_DIGITS = 1

_READING = ("value", "basis", "lln", "limits", "date")
# D36: with CrCl < 30 the rationale adds the weekly-calcium advice (the "_renal" messages).
_RENAL = ("crcl", "creatinine_date")

declare(
    {
        "calcium.before_denosumab.not_yet": ("due", "days"),
        "calcium.before_denosumab.due": ("due", "days"),
        "calcium.before_denosumab.done": ("date", "value", "due"),
        "calcium.before_denosumab.first_due": ("due", "days"),
        "calcium.before_denosumab.first_done": ("date", "value", "due"),
        "alert.hypocalcaemia.no_result": (),
        "alert.hypocalcaemia.low": _READING,
        "alert.hypocalcaemia.normal": _READING,
        "alert.hypocalcaemia.no_result_renal": _RENAL,
        "alert.hypocalcaemia.low_renal": _READING + _RENAL,
        "alert.hypocalcaemia.normal_renal": _READING + _RENAL,
    }
)


def _calcium(reading: CalciumReading) -> Quantity:
    return Quantity(Analyte.CALCIUM, round(reading.value, SHOWN_DIGITS))


def _pre_dose(ctx: Context, due: dt.date, window: int, first: bool) -> Finding:
    """D34, D36: a calcium within ``window`` d before the due date; once overdue, before as_of."""
    key = "calcium.before_denosumab.first_" if first else "calcium.before_denosumab."
    latest = latest_calcium(ctx.labs, ctx.policy)
    if latest is not None and pre_dose_counts(latest.date, due, ctx.as_of, window):
        message = msg(f"{key}done", date=latest.date, value=_calcium(latest), due=due)
        changes_on = add_days(counts_until(latest.date, window), 1)
        return Finding(True, message, last=entry_ref(latest.entry), changes_on=changes_on)
    last = entry_ref(latest.entry) if latest else None
    return Finding(True, msg(f"{key}due", due=due, days=window), due=due, last=last)


def evaluate_before_denosumab(ctx: Context) -> Finding:
    """§11 calcium.before_denosumab: a calcium within 7 d before the next denosumab dose
    (D34), or within 14 d before the planned start of the first (D36)."""
    state = bta_state(ctx)
    if state.on_bta and state.agent is BoneAgent.DENOSUMAB:
        due = state.next_due
        if due is None:
            return off_bta(state)
        if state.held:
            return held_finding(state)
        opens = add_days(due, -ctx.lead_days)
        if ctx.as_of < opens:
            message = msg("calcium.before_denosumab.not_yet", due=due, days=ctx.lead_days)
            return Finding(False, message, changes_on=opens)
        return _pre_dose(ctx, due, ctx.policy.whole("denosumab.calcium_window_days"), first=False)
    planned = plan(ctx, BoneAgent.DENOSUMAB)
    if planned is None:
        return not_this_agent(state)
    window = ctx.policy.whole("denosumab.first_dose_calcium_days")
    return _pre_dose(ctx, planned.start, window, first=True)


def _reading(reading: CalciumReading) -> dict[str, ParamValue]:
    """The rationale's numbers: value, how it was obtained, the LLN and whose limits (D17)."""
    return {
        "value": _calcium(reading),
        "basis": reading.basis,
        "lln": Quantity(Analyte.CALCIUM, round(reading.lln, SHOWN_DIGITS)),
        "limits": "default" if reading.default_limits else "lab",
        "date": reading.date,
    }


def _message(ctx: Context, kind: str, params: dict[str, ParamValue]) -> Message:
    """D36: the message of ``kind``, with the weekly-calcium advice when CrCl < 30."""
    function = renal_function_at(ctx)
    if function is None or function.crcl is None or not too_low(function):
        return msg(f"alert.hypocalcaemia.{kind}", **params)
    renal: dict[str, ParamValue] = {
        "crcl": round(function.crcl, CRCL_SHOWN_DIGITS),
        "creatinine_date": function.date,
    }
    return msg(f"alert.hypocalcaemia.{kind}_renal", **params, **renal)


def _applies(ctx: Context) -> bool:
    """On denosumab, or denosumab planned (D36)."""
    state = bta_state(ctx)
    on = state.on_bta and state.agent is BoneAgent.DENOSUMAB
    return on or plan(ctx, BoneAgent.DENOSUMAB) is not None


def evaluate_hypocalcaemia(ctx: Context) -> Finding:
    """§11 alert.hypocalcaemia: on denosumab or denosumab planned (D36); urgent when the latest
    total-corrected or adjusted calcium < LLN (D16, D17); no calcium on record stays ok."""
    if not _applies(ctx):
        return not_this_agent(bta_state(ctx))
    latest = latest_calcium(ctx.labs, ctx.policy)
    if latest is None:
        return Finding(True, _message(ctx, "no_result", {}))
    cites = tuple(e.id for e in (latest.entry, latest.albumin) if e is not None)
    if rounded(latest.value) < rounded(latest.lln):
        return Finding(
            True,
            _message(ctx, "low", _reading(latest)),
            last=entry_ref(latest.entry),
            alert=Severity.URGENT,
            trigger_date=latest.date,
            cites=cites,
        )
    message = _message(ctx, "normal", _reading(latest))
    return Finding(True, message, last=entry_ref(latest.entry), cites=cites)


RULES: tuple[ItemRule, ...] = (
    ItemRule(
        "calcium.before_denosumab",
        "§5 Denosumab hypocalcaemia; D34, D36",
        evaluate_before_denosumab,
    ),
    ItemRule("alert.hypocalcaemia", "§5 Denosumab hypocalcaemia; D36", evaluate_hypocalcaemia),
)
