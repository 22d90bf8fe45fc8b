"""Bone-targeted therapy (BTA) state of clinical-rules.md §11, shared by the bone, dental and supplement items.

On BTA from the first dose of zoledronic acid (ZA), pamidronate or denosumab
until a stop entry dated after the last dose; a dose after a stop starts a new
course. The agent in use is that of the latest dose, its interval the policy
value or the course's latest schedule entry for it. ZA is on renal hold while
``renal.za_dose`` raises its hold alert (§5 ZA renal checks and deterioration).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from mmtracker.logic.care import EntryRef, Finding
from mmtracker.logic.codes import Analyte, BoneAgent, BoneTherapyEventKind, Phase, ReviewDecision
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days
from mmtracker.logic.history import (
    ENTRY_KINDS,
    BoneTherapyDose,
    BoneTherapyEvent,
    Entry,
    PhaseChange,
    entry_date,
)
from mmtracker.logic.labs import LabValue
from mmtracker.logic.messages import declare, msg

# §11 BTA state, Intervals: the policy key of each agent's default interval.
INTERVAL_KEYS = {
    BoneAgent.ZOLEDRONIC_ACID: "za.interval_days",
    BoneAgent.DENOSUMAB: "denosumab.interval_days",
    BoneAgent.PAMIDRONATE: "pamidronate.interval_days",
}
# §11 BTA state, Lapsed: the last dose more than 2 × the agent's interval ago.
LAPSE_FACTOR = 2
# §5 Preferred agent: ZA, the agent bta.start plans unless a schedule entry names another.
PREFERRED_AGENT = BoneAgent.ZOLEDRONIC_ACID

# §11 renal.za_dose: baseline = the latest creatinine on or before the first ZA dose, within 30 d.
ZA_BASELINE_WINDOW_DAYS = 30
# §5 ZA renal deterioration: baseline normal < 124 µmol/L → a rise ≥ 44 µmol/L;
# baseline ≥ 124 µmol/L → a rise ≥ 88 µmol/L.
ZA_NORMAL_BASELINE_BELOW = 124.0
ZA_RISE_NORMAL_BASELINE = 44.0
ZA_RISE_ABNORMAL_BASELINE = 88.0
# §5 ZA renal checks: resume once creatinine is back within 10% of baseline.
ZA_RECOVERY_FRACTION = 0.10

# Digits kept when a computed value meets a threshold (removes float noise only).
COMPARE_DIGITS = 6

_KIND_OF_TYPE = {entry_type: kind for kind, entry_type in ENTRY_KINDS.items()}

declare(
    {
        "bta.off": (),
        "bta.stopped": ("date",),
        "bta.other_agent": ("agent",),
        "bta.planned_agent": ("agent",),
        "bta.za_on_hold": ("since",),
    }
)


def entry_ref(entry: Entry) -> EntryRef:
    """The reference to an entry: its record kind, id and date."""
    return EntryRef(_KIND_OF_TYPE[type(entry)], entry.id, entry_date(entry))


def rounded(value: float) -> float:
    """A computed value ready to compare with a threshold."""
    return round(value, COMPARE_DIGITS)


def is_stop(event: BoneTherapyEvent) -> bool:
    """A stop entry: kind stop, or a review that decided to stop."""
    return event.kind is BoneTherapyEventKind.STOP or (
        event.kind is BoneTherapyEventKind.REVIEW and event.decision is ReviewDecision.STOP
    )


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


@dataclass(frozen=True, slots=True)
class BtaStart:
    """§11 bta.start applies: the phase change it counts from, its due date and the agent planned."""

    anchor: PhaseChange
    due: dt.date
    agent: BoneAgent
    restart: bool


@dataclass(frozen=True, slots=True)
class BtaState:
    """§11 BTA state as of a date.

    ``course``: the doses of the latest course (empty if never started).
    ``stop``: the stop entry after the last dose, which ended that course.
    ``declined``: the latest decline or contraindication entry not followed by a dose.
    ``interval_days``: the current agent's interval (policy, or the course's schedule entry).
    """

    as_of: dt.date
    course: tuple[BoneTherapyDose, ...]
    stop: BoneTherapyEvent | None
    declined: BoneTherapyEvent | None
    interval_days: int | None
    start: BtaStart | None
    za_renal: ZaRenal | None

    @property
    def on_bta(self) -> bool:
        return bool(self.course) and self.stop is None

    @property
    def first_dose(self) -> BoneTherapyDose | None:
        """The first dose of the latest course."""
        return self.course[0] if self.course else None

    @property
    def last_dose(self) -> BoneTherapyDose | None:
        return self.course[-1] if self.course else None

    @property
    def agent(self) -> BoneAgent | None:
        """The agent in use (of the latest dose) while on BTA."""
        return self.course[-1].agent if self.on_bta else None

    @property
    def agent_since(self) -> BoneTherapyDose | None:
        """The first dose of the current agent's latest run within the course."""
        if not self.course:
            return None
        agent = self.course[-1].agent
        first = self.course[-1]
        for dose in reversed(self.course):
            if dose.agent is not agent:
                break
            first = dose
        return first

    @property
    def next_due(self) -> dt.date | None:
        """§11 bta.next_dose: last dose + interval, while on BTA."""
        if not self.on_bta or self.last_dose is None or self.interval_days is None:
            return None
        return add_days(self.last_dose.date, self.interval_days)

    @property
    def lapses_on(self) -> dt.date | None:
        """The first day on which BTA counts as lapsed, while on BTA."""
        if not self.on_bta or self.last_dose is None or self.interval_days is None:
            return None
        return add_days(self.last_dose.date, LAPSE_FACTOR * self.interval_days + 1)

    @property
    def lapsed(self) -> bool:
        """§11: on BTA and the last dose more than 2 × the interval ago."""
        lapses_on = self.lapses_on
        return lapses_on is not None and self.as_of >= lapses_on

    @property
    def za_hold(self) -> LabValue | None:
        """§11: the creatinine that put ZA on renal hold, while renal.za_dose raises the hold alert."""
        if self.agent is not BoneAgent.ZOLEDRONIC_ACID or self.za_renal is None:
            return None
        return self.za_renal.hold_since


def _latest_course(
    doses: tuple[BoneTherapyDose, ...], stops: list[BoneTherapyEvent]
) -> tuple[tuple[BoneTherapyDose, ...], BoneTherapyEvent | None]:
    """The latest course's doses and the stop entry that preceded it (None for the first)."""
    start, before = 0, None
    for index in range(1, len(doses)):
        previous, dose = doses[index - 1].date, doses[index].date
        between = [s for s in stops if previous < s.date < dose]
        if between:
            start, before = index, between[-1]
    return doses[start:], before


def _interval(
    ctx: Context, course: tuple[BoneTherapyDose, ...], after: BoneTherapyEvent | None
) -> int | None:
    """The current agent's interval: the course's latest schedule entry for it, else the policy."""
    if not course:
        return None
    agent = course[-1].agent
    schedules = [
        e.interval_days
        for e in ctx.history.bone_therapy_events
        if e.kind is BoneTherapyEventKind.SCHEDULE
        and e.agent is agent
        and e.interval_days is not None
        and (after is None or e.date > after.date)
    ]
    return schedules[-1] if schedules else ctx.policy.whole(INTERVAL_KEYS[agent])


def _planned_agent(ctx: Context, stop: BoneTherapyEvent | None) -> BoneAgent:
    """The agent of the latest schedule entry since BTA ended, else the preferred agent (§5)."""
    planned = [
        e.agent
        for e in ctx.history.bone_therapy_events
        if e.kind is BoneTherapyEventKind.SCHEDULE
        and e.agent is not None
        and (stop is None or e.date > stop.date)
    ]
    return planned[-1] if planned else PREFERRED_AGENT


def _start(
    ctx: Context,
    course: tuple[BoneTherapyDose, ...],
    stop: BoneTherapyEvent | None,
    declined: BoneTherapyEvent | None,
) -> BtaStart | None:
    """§11 bta.start: active MM, not declined, and never started or stopped before the latest relapse."""
    phases = ctx.phases
    if not phases.active_mm or declined is not None or (course and stop is None):
        return None
    relapse = phases.latest(Phase.RELAPSE)
    if stop is not None:
        if relapse is None or not stop.date < relapse.date:
            return None
        anchor, restart = relapse, True
    else:
        ndmm = phases.first(Phase.NDMM)
        anchor = ndmm or next(c for c in phases.changes if c.phase is not Phase.SMM)
        restart = False
    due = add_days(anchor.date, ctx.policy.whole("bta.start_days"))
    return BtaStart(anchor, due, _planned_agent(ctx, stop), restart)


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


def _compute(ctx: Context) -> BtaState:
    doses = ctx.history.bone_therapy_doses
    events = ctx.history.bone_therapy_events
    stops = [e for e in events if is_stop(e)]
    course, before = _latest_course(doses, stops)
    last = course[-1].date if course else None
    stop = next((s for s in reversed(stops) if last is not None and s.date > last), None)
    declined = next(
        (
            e
            for e in reversed(events)
            if e.kind in (BoneTherapyEventKind.DECLINED, BoneTherapyEventKind.CONTRAINDICATED)
            and (last is None or e.date > last)
        ),
        None,
    )
    start = _start(ctx, course, stop, declined)
    state = BtaState(ctx.as_of, course, stop, declined, _interval(ctx, course, before), start, None)
    if state.agent is BoneAgent.ZOLEDRONIC_ACID and state.agent_since is not None:
        return replace(state, za_renal=_za_renal(ctx, state.agent_since.date))
    if state.agent is None and start is not None and start.agent is BoneAgent.ZOLEDRONIC_ACID:
        return replace(state, za_renal=_za_renal(ctx, None))
    return state


def bta_state(ctx: Context) -> BtaState:
    """The §11 BTA state of the context's patient on its date (computed once per context)."""
    return ctx.memo("bta.state", _compute)


def off_bta(state: BtaState) -> Finding:
    """The not-applicable finding of an item that needs BTA: never started, or stopped."""
    if state.stop is not None:
        return Finding(False, msg("bta.stopped", date=state.stop.date), last=entry_ref(state.stop))
    return Finding(False, msg("bta.off"))


def not_this_agent(state: BtaState) -> Finding:
    """The not-applicable finding of an item for another agent than the one in use or planned."""
    if state.agent is not None:
        return Finding(False, msg("bta.other_agent", agent=state.agent.value))
    if state.start is not None:
        return Finding(False, msg("bta.planned_agent", agent=state.start.agent.value))
    return off_bta(state)
