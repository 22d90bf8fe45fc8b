"""Calcium safety of denosumab: calcium before each dose, hypocalcaemia (clinical-rules.md §5, §11, D16, D17)."""

from __future__ import annotations

from mmtracker.logic.bta import bta_state, entry_ref, not_this_agent, off_bta, rounded
from mmtracker.logic.care import Finding, ItemRule, Severity
from mmtracker.logic.codes import Analyte, BoneAgent
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days
from mmtracker.logic.labs import CalciumReading, latest_calcium
from mmtracker.logic.messages import ParamValue, Quantity, declare, msg

# Digits shown for calcium (mmol/L) in rationales.
SHOWN_DIGITS = 2

declare(
    {
        "calcium.before_denosumab.not_yet": ("due", "days"),
        "calcium.before_denosumab.due": ("due", "days"),
        "calcium.before_denosumab.done": ("date", "value", "due"),
        "alert.hypocalcaemia.no_result": (),
        "alert.hypocalcaemia.low": ("value", "basis", "lln", "limits", "date"),
        "alert.hypocalcaemia.normal": ("value", "basis", "lln", "limits", "date"),
    }
)


def evaluate_before_denosumab(ctx: Context) -> Finding:
    """§11 calcium.before_denosumab: a calcium within 7 d before the next denosumab dose (or since)."""
    state = bta_state(ctx)
    due = state.next_due
    if not state.on_bta or due is None:
        return off_bta(state)
    if state.agent is not BoneAgent.DENOSUMAB:
        return not_this_agent(state)
    opens = add_days(due, -ctx.lead_days)
    if ctx.as_of < opens:
        message = msg("calcium.before_denosumab.not_yet", due=due, days=ctx.lead_days)
        return Finding(False, message, changes_on=opens)
    window = ctx.policy.whole("denosumab.calcium_window_days")
    latest = latest_calcium(ctx.labs, ctx.policy)
    if latest is not None and latest.date >= add_days(due, -window):
        value = Quantity(Analyte.CALCIUM, round(latest.value, SHOWN_DIGITS))
        message = msg("calcium.before_denosumab.done", date=latest.date, value=value, due=due)
        return Finding(True, message, last=entry_ref(latest.entry))
    last = entry_ref(latest.entry) if latest else None
    message = msg("calcium.before_denosumab.due", due=due, days=window)
    return Finding(True, message, due=due, last=last)


def _about(reading: CalciumReading) -> dict[str, ParamValue]:
    """The rationale's numbers: value, how it was obtained, the LLN and whose limits (D17)."""
    return {
        "value": Quantity(Analyte.CALCIUM, round(reading.value, SHOWN_DIGITS)),
        "basis": reading.basis,
        "lln": Quantity(Analyte.CALCIUM, round(reading.lln, SHOWN_DIGITS)),
        "limits": "default" if reading.default_limits else "lab",
        "date": reading.date,
    }


def evaluate_hypocalcaemia(ctx: Context) -> Finding:
    """§11 alert.hypocalcaemia: urgent when the latest total-corrected or adjusted calcium < LLN."""
    state = bta_state(ctx)
    planned = state.start is not None and state.start.agent is BoneAgent.DENOSUMAB
    if state.agent is not BoneAgent.DENOSUMAB and not (state.agent is None and planned):
        return not_this_agent(state)
    latest = latest_calcium(ctx.labs, ctx.policy)
    if latest is None:
        return Finding(True, msg("alert.hypocalcaemia.no_result"))
    if rounded(latest.value) < rounded(latest.lln):
        return Finding(
            True,
            msg("alert.hypocalcaemia.low", **_about(latest)),
            last=entry_ref(latest.entry),
            alert=Severity.URGENT,
            trigger_date=latest.date,
        )
    message = msg("alert.hypocalcaemia.normal", **_about(latest))
    return Finding(True, message, last=entry_ref(latest.entry))


RULES: tuple[ItemRule, ...] = (
    ItemRule("calcium.before_denosumab", "§5 Denosumab hypocalcaemia", evaluate_before_denosumab),
    ItemRule("alert.hypocalcaemia", "§5 Denosumab hypocalcaemia", evaluate_hypocalcaemia),
)
