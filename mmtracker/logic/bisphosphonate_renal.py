"""Renal safety of the bisphosphonates and the plans that precede a first dose.

clinical-rules.md §5 (ZA renal checks and deterioration, ZA dose table), §11
``renal.za_dose`` and ``renal.pamidronate``, D13, D35, D36, D45. Computed once
per context and agent from the §11 BTA state.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mmtracker.logic.bta import bta_state, entry_ref, rounded
from mmtracker.logic.care import Finding
from mmtracker.logic.codes import BISPHOSPHONATES, Analyte, BoneAgent, BoneTherapyEventKind
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days
from mmtracker.logic.history import BoneTherapyDose, BoneTherapyEvent
from mmtracker.logic.labs import LabValue
from mmtracker.logic.messages import declare, msg
from mmtracker.logic.phases import known_on
from mmtracker.logic.renal import RenalFunction, renal_function, weight_near

# §11 renal.za_dose, D35: baseline = the latest creatinine on or before the first dose, within 30 d.
BASELINE_WINDOW_DAYS = 30
# D35 (amends D13): baseline CrCl uses the weight closest to the baseline creatinine within 90 d.
BASELINE_WEIGHT_WINDOW_DAYS = 90
# §5 ZA table, D35: CrCl < 30 mL/min → not recommended (ZA and pamidronate alike).
NOT_RECOMMENDED_BELOW_CRCL = 30.0
# §5 ZA renal deterioration: baseline normal < 124 µmol/L → a rise ≥ 44 µmol/L;
# baseline ≥ 124 µmol/L → a rise ≥ 88 µmol/L (D35: pamidronate the same).
NORMAL_BASELINE_BELOW = 124.0
RISE_NORMAL_BASELINE = 44.0
RISE_ABNORMAL_BASELINE = 88.0
# §5 ZA renal checks: resume once creatinine is back within 10% of baseline.
RECOVERY_FRACTION = 0.10

declare(
    {
        "bisphosphonate.renal_hold": ("agent", "since"),
        "bisphosphonate.not_recommended": ("agent", "crcl", "date"),
    }
)


def rise_threshold(baseline_umol_l: float) -> float:
    """§5 renal deterioration: the creatinine rise that holds the bisphosphonate for this baseline."""
    if baseline_umol_l < NORMAL_BASELINE_BELOW:
        return RISE_NORMAL_BASELINE
    return RISE_ABNORMAL_BASELINE


def deteriorated(baseline_umol_l: float, value_umol_l: float) -> bool:
    """§5: the creatinine rose by at least the threshold above baseline."""
    return rounded(value_umol_l - baseline_umol_l) >= rise_threshold(baseline_umol_l)


def recovered(baseline_umol_l: float, value_umol_l: float) -> bool:
    """§5: the creatinine is back within 10% of baseline (at most baseline + 10%)."""
    return rounded(value_umol_l - baseline_umol_l * (1 + RECOVERY_FRACTION)) <= 0


def too_low(function: RenalFunction | None) -> bool:
    """§5 ZA table, D35: a computable CrCl below 30 mL/min."""
    return (
        function is not None
        and function.crcl is not None
        and rounded(function.crcl) < NOT_RECOMMENDED_BELOW_CRCL
    )


@dataclass(frozen=True, slots=True)
class Plan:
    """An agent planned and not in use (D35, D36).

    ``start``: the planned start (the schedule entry's date, which may lie ahead; the
    ``bta.start`` due date when no schedule entry names the agent). ``since``: the day
    the plan began (D45: the schedule entry's recording day, or the day ``bta.start``
    began to apply, whichever is earlier). ``entry``: the schedule entry, if any.
    """

    agent: BoneAgent
    start: dt.date
    since: dt.date
    entry: BoneTherapyEvent | None


def _scheduled(ctx: Context) -> BoneTherapyEvent | None:
    """The latest schedule entry naming an agent, dated on or after the last dose and any stop."""
    state = bta_state(ctx)
    doses = ctx.history.bone_therapy_doses
    bounds = [doses[-1].date] if doses else []
    if state.stop is not None:
        bounds.append(state.stop.date)
    entry = next(
        (
            e
            for e in reversed(ctx.history.bone_therapy_events)
            if e.kind is BoneTherapyEventKind.SCHEDULE and e.agent is not None
        ),
        None,
    )
    if entry is None or (bounds and entry.date < max(bounds)):
        return None
    return entry


def plan(ctx: Context, agent: BoneAgent) -> Plan | None:
    """The plan of ``agent`` while it is not in use (D35, D36), else None.

    Planned: the latest schedule entry naming an agent names it, dated on or after
    the last dose and any stop (a schedule entry of an earlier course is no plan);
    or ``bta.start`` applies with it as the agent planned (ZA unless a schedule
    entry names another, §5 Preferred agent).
    """
    state = bta_state(ctx)
    if state.on_bta and state.agent is agent:
        return None
    entry = _scheduled(ctx)
    scheduled = entry if entry is not None and entry.agent is agent else None
    start = state.start if state.start is not None and state.start.agent is agent else None
    if scheduled is not None:
        since = known_on(scheduled)
        if start is not None:
            since = min(since, start.since)
        return Plan(agent, scheduled.date, since, scheduled)
    if start is not None:
        return Plan(agent, start.due, start.since, None)
    return None


def _needed_since(ctx: Context, agent: BoneAgent, first: BoneTherapyDose) -> dt.date:
    """D45: the first dose, or earlier the day the plan that led to it began."""
    before = Context(ctx.history, add_days(first.date, -1), ctx.policy)
    earlier = plan(before, agent)
    return min(first.date, earlier.since) if earlier is not None else first.date


@dataclass(frozen=True, slots=True)
class RenalFacts:
    """D35 facts of a bisphosphonate in use or planned.

    ``first_dose``: the first dose of the agent's current run (None while planned).
    ``needed_since``: D45 date from which a missing creatinine or weight is asked for.
    ``baseline``: the latest creatinine within 30 d on or before the first dose (while
    planned: before as_of); without one, the earliest creatinine after the first dose,
    ``provisional``. ``hold_since``: the creatinine that started the current hold.
    ``weighed``: a weight is on record, so CrCl can be computed (D13).
    ``low_since``: D45 date of "not recommended" (the baseline's, or the first of the
    latest run of creatinines with CrCl < 30).
    ``baseline_function``: CrCl at baseline with the weight closest to it (within
    90 d, else the latest); ``latest_function``: CrCl of the latest creatinine with
    the latest weight (D13). ``changes_on``: while planned, the day the baseline
    leaves its 30-d window.
    """

    agent: BoneAgent
    first_dose: BoneTherapyDose | None
    needed_since: dt.date
    baseline: LabValue | None
    provisional: bool
    hold_since: LabValue | None
    latest: LabValue | None
    baseline_function: RenalFunction | None
    latest_function: RenalFunction | None
    weighed: bool
    low_since: dt.date | None
    changes_on: dt.date | None

    @property
    def planned(self) -> bool:
        return self.first_dose is None

    @property
    def not_recommended(self) -> RenalFunction | None:
        """D35: the baseline or, else, the latest renal function with CrCl < 30 mL/min."""
        for function in (self.baseline_function, self.latest_function):
            if too_low(function):
                return function
        return None

    def cites(self) -> tuple[str, ...]:
        """D40: the creatinine and weight entries the finding rests on."""
        ids: list[str] = []
        for function in (self.baseline_function, self.latest_function):
            if function is None:
                continue
            for entry_id in (function.creatinine.id, function.weight and function.weight.id):
                if entry_id and entry_id not in ids:
                    ids.append(entry_id)
        if self.hold_since is not None and self.hold_since.entry.id not in ids:
            ids.append(self.hold_since.entry.id)
        return tuple(ids)


def _baseline(
    series: tuple[LabValue, ...], anchor: dt.date, given: bool
) -> tuple[LabValue | None, bool]:
    """D35: the latest creatinine within 30 d on or before the anchor; once given, else the
    earliest after it (provisional)."""
    opens = add_days(anchor, -BASELINE_WINDOW_DAYS)
    before = [v for v in series if opens <= v.date <= anchor]
    if before:
        return before[-1], False
    after = [v for v in series if v.date > anchor] if given else []
    return (after[0], True) if after else (None, False)


def _low_since(ctx: Context, values: list[LabValue], latest: RenalFunction) -> dt.date:
    """D45: the first creatinine of the latest run whose CrCl (latest weight) is below 30."""
    since = latest.date
    for value in reversed(values):
        if not too_low(renal_function(ctx, value, latest.weight)):
            break
        since = value.date
    return since


def _facts(ctx: Context, agent: BoneAgent) -> RenalFacts | None:
    state = bta_state(ctx)
    if state.on_bta and state.agent is agent:
        first: BoneTherapyDose | None = state.agent_since
        assert first is not None
        needed_since = _needed_since(ctx, agent, first)
    elif (planned := plan(ctx, agent)) is not None:
        first, needed_since = None, planned.since
    else:
        return None
    series = ctx.labs.series(Analyte.CREATININE)
    latest = series[-1] if series else None
    latest_weight = ctx.history.weights[-1] if ctx.history.weights else None
    anchor = first.date if first is not None else ctx.as_of
    baseline, provisional = _baseline(series, anchor, first is not None)
    hold: LabValue | None = None
    baseline_function = latest_function = None
    since_baseline = list(series)
    if baseline is not None:
        since_baseline = list(series[series.index(baseline) :])
        for value in since_baseline[1:]:
            if hold is None and deteriorated(baseline.si, value.si):
                hold = value
            elif hold is not None and recovered(baseline.si, value.si):
                hold = None
        near = weight_near(ctx, baseline.date, BASELINE_WEIGHT_WINDOW_DAYS)
        baseline_function = renal_function(ctx, baseline, near or latest_weight)
    if latest is not None:
        latest_function = renal_function(ctx, latest, latest_weight)
    low_since = None
    if baseline is not None and too_low(baseline_function):
        low_since = baseline.date
    elif latest_function is not None and too_low(latest_function):
        low_since = _low_since(ctx, since_baseline, latest_function)
    expires = None
    if first is None and baseline is not None:
        expires = add_days(baseline.date, BASELINE_WINDOW_DAYS + 1)
    return RenalFacts(
        agent=agent,
        first_dose=first,
        needed_since=needed_since,
        baseline=baseline,
        provisional=provisional,
        hold_since=hold,
        latest=latest,
        baseline_function=baseline_function,
        latest_function=latest_function,
        weighed=latest_weight is not None,
        low_since=low_since,
        changes_on=expires,
    )


def renal_facts(ctx: Context, agent: BoneAgent) -> RenalFacts | None:
    """The D35 facts of ``agent`` while in use (ZA also while planned), else None; once per context."""
    return ctx.memo(f"bisphosphonate.renal.{agent.value}", lambda c: _facts(c, agent))


def renal_hold(ctx: Context) -> Finding | None:
    """Whether the bisphosphonate in use is on renal hold (§11 BTA state, D35).

    Contract for the prompts of the next dose (``bta.next_dose``,
    ``renal.before_bisphosphonate``): None when the agent in use (ZA or
    pamidronate) may be given; otherwise — while ``renal.za_dose`` or
    ``renal.pamidronate`` raises its hold alert or "not recommended" (CrCl < 30 at
    baseline or now) — the not-applicable finding such a prompt returns in place
    of its own, naming the creatinine that put the agent on hold.
    """
    state = bta_state(ctx)
    if not state.on_bta or state.agent not in BISPHOSPHONATES:
        return None
    assert state.agent is not None
    facts = renal_facts(ctx, state.agent)
    if facts is None:
        return None
    agent = state.agent.value
    low = facts.not_recommended
    if low is not None and low.crcl is not None:
        message = msg(
            "bisphosphonate.not_recommended", agent=agent, crcl=round(low.crcl, 1), date=low.date
        )
        return Finding(False, message, last=entry_ref(low.creatinine))
    if facts.hold_since is not None:
        since = facts.hold_since
        message = msg("bisphosphonate.renal_hold", agent=agent, since=since.date)
        return Finding(False, message, last=entry_ref(since.entry))
    return None
