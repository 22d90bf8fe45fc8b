"""Renal safety of zoledronic acid: creatinine before each dose, dose and hold (clinical-rules.md §5, §11, D13)."""

from __future__ import annotations

from dataclasses import replace

from mmtracker.logic.bisphosphonate_renal import (
    ZA_BASELINE_WINDOW_DAYS,
    ZaRenal,
    renal_hold,
    za_renal,
    za_rise_threshold,
)
from mmtracker.logic.bta import bta_state, entry_ref, not_this_agent, off_bta, rounded
from mmtracker.logic.care import Finding, ItemRule, Severity
from mmtracker.logic.codes import Analyte, BoneAgent
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days
from mmtracker.logic.messages import Quantity, declare, msg
from mmtracker.logic.renal import renal_function_at, za_dose_mg

# Digits shown for creatinine (µmol/L), CrCl (mL/min) and eGFR in rationales.
SHOWN_DIGITS = 1

declare(
    {
        "renal.before_bisphosphonate.not_yet": ("due", "days"),
        "renal.before_bisphosphonate.due": ("due", "days"),
        "renal.before_bisphosphonate.done": ("date", "value", "due"),
        "renal.za_dose.no_baseline": ("days",),
        "renal.za_dose.hold": ("baseline", "latest", "rise", "threshold", "since"),
        "renal.za_dose.no_weight": ("egfr", "date"),
        "renal.za_dose.not_recommended": ("crcl", "date"),
        "renal.za_dose.ok": ("dose", "crcl", "creatinine", "date", "weight"),
    }
)


def _shown(value: float) -> float:
    return round(value, SHOWN_DIGITS)


def _creatinine(umol_l: float) -> Quantity:
    """A creatinine value as shown in a rationale."""
    return Quantity(Analyte.CREATININE, _shown(umol_l))


def evaluate_before_za(ctx: Context) -> Finding:
    """§11 renal.before_bisphosphonate: a creatinine within 7 d before the next ZA dose (or since it)."""
    state = bta_state(ctx)
    due = state.next_due
    if not state.on_bta or due is None:
        return off_bta(state)
    if state.agent is not BoneAgent.ZOLEDRONIC_ACID:
        return not_this_agent(state)
    held = renal_hold(ctx)
    if held is not None:
        return held
    opens = add_days(due, -ctx.lead_days)
    if ctx.as_of < opens:
        message = msg("renal.before_bisphosphonate.not_yet", due=due, days=ctx.lead_days)
        return Finding(False, message, changes_on=opens)
    window = ctx.policy.whole("za.creatinine_window_days")
    series = ctx.labs.series(Analyte.CREATININE)
    latest = series[-1] if series else None
    if latest is not None and latest.date >= add_days(due, -window):
        message = msg(
            "renal.before_bisphosphonate.done",
            date=latest.date,
            value=_creatinine(latest.si),
            due=due,
        )
        return Finding(True, message, last=entry_ref(latest.entry))
    last = entry_ref(latest.entry) if latest else None
    return Finding(
        True, msg("renal.before_bisphosphonate.due", due=due, days=window), due=due, last=last
    )


def _hold(renal: ZaRenal) -> Finding | None:
    """§5 ZA renal deterioration: the urgent 'hold ZA' alert while the hold lasts."""
    if renal.baseline is None or renal.hold_since is None or renal.latest is None:
        return None
    baseline, latest = renal.baseline.si, renal.latest.si
    message = msg(
        "renal.za_dose.hold",
        baseline=_creatinine(baseline),
        latest=_creatinine(latest),
        rise=_creatinine(rounded(latest - baseline)),
        threshold=Quantity(Analyte.CREATININE, za_rise_threshold(baseline)),
        since=renal.hold_since.date,
    )
    return Finding(
        True,
        message,
        last=entry_ref(renal.latest.entry),
        alert=Severity.URGENT,
        trigger_date=renal.hold_since.date,
    )


def _dose(ctx: Context, renal: ZaRenal) -> Finding:
    """§5 ZA dose table for the baseline CrCl, or why no dose can be given (D13, CrCl < 30)."""
    assert renal.baseline is not None
    baseline = renal_function_at(ctx, renal.baseline.date)
    current = renal_function_at(ctx)
    assert baseline is not None
    assert current is not None
    if baseline.crcl is None or baseline.weight is None:
        message = msg("renal.za_dose.no_weight", egfr=_shown(current.egfr), date=current.date)
        return Finding(True, message, alert=Severity.URGENT)
    for function in (baseline, current):
        if function.crcl is not None and za_dose_mg(function.crcl) is None:
            message = msg(
                "renal.za_dose.not_recommended", crcl=_shown(function.crcl), date=function.date
            )
            return Finding(
                True,
                message,
                last=entry_ref(function.creatinine),
                alert=Severity.URGENT,
                trigger_date=function.date,
            )
    message = msg(
        "renal.za_dose.ok",
        dose=za_dose_mg(baseline.crcl),
        crcl=_shown(baseline.crcl),
        creatinine=_creatinine(baseline.creatinine_umol_l),
        date=baseline.date,
        weight=baseline.weight.weight_kg,
    )
    return Finding(True, message, last=entry_ref(baseline.creatinine))


def evaluate_za_dose(ctx: Context) -> Finding:
    """§11 renal.za_dose: hold, not recommended, missing baseline or weight, else the dose."""
    state = bta_state(ctx)
    renal = za_renal(ctx)
    if renal is None:
        return not_this_agent(state)
    if renal.baseline is None:
        message = msg("renal.za_dose.no_baseline", days=ZA_BASELINE_WINDOW_DAYS)
        return Finding(True, message, alert=Severity.URGENT)
    finding = _hold(renal) or _dose(ctx, renal)
    return replace(finding, changes_on=renal.changes_on)


RULES: tuple[ItemRule, ...] = (
    ItemRule("renal.before_bisphosphonate", "§5 ZA renal checks", evaluate_before_za),
    ItemRule("renal.za_dose", "§5 table, renal deterioration; D13", evaluate_za_dose),
)
