"""Renal safety of the bisphosphonates: baseline creatinine, deterioration hold and recovery.

clinical-rules.md §5 (ZA renal checks and deterioration), §11 ``renal.za_dose``,
D35. Computed once per context from the §11 BTA state.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mmtracker.logic.bta import bta_state, entry_ref, rounded
from mmtracker.logic.care import Finding
from mmtracker.logic.codes import Analyte, BoneAgent
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days
from mmtracker.logic.labs import LabValue
from mmtracker.logic.messages import declare, msg

# §11 renal.za_dose: baseline = the latest creatinine on or before the first ZA dose, within 30 d.
ZA_BASELINE_WINDOW_DAYS = 30
# §5 ZA renal deterioration: baseline normal < 124 µmol/L → a rise ≥ 44 µmol/L;
# baseline ≥ 124 µmol/L → a rise ≥ 88 µmol/L.
ZA_NORMAL_BASELINE_BELOW = 124.0
ZA_RISE_NORMAL_BASELINE = 44.0
ZA_RISE_ABNORMAL_BASELINE = 88.0
# §5 ZA renal checks: resume once creatinine is back within 10% of baseline.
ZA_RECOVERY_FRACTION = 0.10

declare({"bta.za_on_hold": ("since",)})


def za_rise_threshold(baseline_umol_l: float) -> float:
    """§5 ZA renal deterioration: the creatinine rise that holds ZA for this baseline."""
    if baseline_umol_l < ZA_NORMAL_BASELINE_BELOW:
        return ZA_RISE_NORMAL_BASELINE
    return ZA_RISE_ABNORMAL_BASELINE


def za_deteriorated(baseline_umol_l: float, value_umol_l: float) -> bool:
    """§5: the creatinine rose by at least the threshold above baseline."""
    return rounded(value_umol_l - baseline_umol_l) >= za_rise_threshold(baseline_umol_l)


def za_recovered(baseline_umol_l: float, value_umol_l: float) -> bool:
    """§5: the creatinine is back within 10% of baseline (at most baseline + 10%)."""
    return rounded(value_umol_l - baseline_umol_l * (1 + ZA_RECOVERY_FRACTION)) <= 0


@dataclass(frozen=True, slots=True)
class ZaRenal:
    """§11 renal.za_dose facts: the baseline creatinine, the hold if any, the latest creatinine.

    While ZA is only planned by bta.start the baseline is the latest creatinine
    within 30 d before as_of, and ``changes_on`` the day it falls out of that
    window. ``hold_since`` is the creatinine that started the current hold.
    """

    baseline: LabValue | None
    hold_since: LabValue | None
    latest: LabValue | None
    changes_on: dt.date | None = None


def _za_renal(ctx: Context, first_dose: dt.date | None) -> ZaRenal:
    """§11 renal.za_dose: the baseline creatinine, then the hold and its recovery after it."""
    series = ctx.labs.series(Analyte.CREATININE)
    latest = series[-1] if series else None
    anchor = first_dose or ctx.as_of
    index = max((i for i, v in enumerate(series) if v.date <= anchor), default=None)
    if index is None or series[index].date < add_days(anchor, -ZA_BASELINE_WINDOW_DAYS):
        return ZaRenal(None, None, latest)
    baseline = series[index]
    hold: LabValue | None = None
    for value in series[index + 1 :]:
        if hold is None and za_deteriorated(baseline.si, value.si):
            hold = value
        elif hold is not None and za_recovered(baseline.si, value.si):
            hold = None
    expires = None if first_dose else add_days(baseline.date, ZA_BASELINE_WINDOW_DAYS + 1)
    return ZaRenal(baseline, hold, latest, expires)


def _compute(ctx: Context) -> ZaRenal | None:
    state = bta_state(ctx)
    if state.agent is BoneAgent.ZOLEDRONIC_ACID and state.agent_since is not None:
        return _za_renal(ctx, state.agent_since.date)
    start = state.start
    if state.agent is None and start is not None and start.agent is BoneAgent.ZOLEDRONIC_ACID:
        return _za_renal(ctx, None)
    return None


def za_renal(ctx: Context) -> ZaRenal | None:
    """The §11 renal.za_dose facts while on ZA or ZA is planned, else None (once per context)."""
    return ctx.memo("bisphosphonate.renal", _compute)


def renal_hold(ctx: Context) -> Finding | None:
    """Whether the bisphosphonate in use is on renal hold (§11 BTA state, D35).

    Contract for the prompts of the next dose (``bta.next_dose``,
    ``renal.before_bisphosphonate``): None when the agent in use may be given;
    otherwise the not-applicable finding such a prompt returns in place of its
    own, naming the creatinine that put the agent on hold.
    """
    state = bta_state(ctx)
    renal = za_renal(ctx)
    if state.agent is not BoneAgent.ZOLEDRONIC_ACID or renal is None or renal.hold_since is None:
        return None
    since = renal.hold_since
    return Finding(False, msg("bta.za_on_hold", since=since.date), last=entry_ref(since.entry))
