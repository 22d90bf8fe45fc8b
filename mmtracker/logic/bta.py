"""Bone-targeted therapy (BTA) state of clinical-rules.md §11, shared by the bone, dental and supplement items.

On BTA from the first dose of zoledronic acid (ZA), pamidronate or denosumab
until a stop entry dated on or after the last dose (D33); a dose after a stop
starts a new course. The agent in use is that of the latest dose, its interval
the policy value or the course's latest schedule entry for it. A ``hold`` dated
on or after the last dose pauses the course until the next dose or a stop (D33).
The course has lapsed from the first day its next dose is more than
``bta.lapse_days`` overdue, or, while held, more than that past the resume date
(D33, D37). The renal hold of a bisphosphonate lives in
:mod:`mmtracker.logic.bisphosphonate_renal`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mmtracker.logic.care import EntryRef, Finding
from mmtracker.logic.codes import BoneAgent, BoneTherapyEventKind, Phase, ReviewDecision
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days
from mmtracker.logic.episodes import Episode
from mmtracker.logic.history import (
    ENTRY_KINDS,
    BoneTherapyDose,
    BoneTherapyEvent,
    Entry,
    entry_date,
)
from mmtracker.logic.messages import declare, msg

# §11 BTA state, Intervals: the policy key of each agent's default interval.
INTERVAL_KEYS = {
    BoneAgent.ZOLEDRONIC_ACID: "za.interval_days",
    BoneAgent.DENOSUMAB: "denosumab.interval_days",
    BoneAgent.PAMIDRONATE: "pamidronate.interval_days",
}
# §5 Preferred agent: ZA, the agent bta.start plans unless a schedule entry names another.
PREFERRED_AGENT = BoneAgent.ZOLEDRONIC_ACID

# Digits kept when a computed value meets a threshold (removes float noise only).
COMPARE_DIGITS = 6

_KIND_OF_TYPE = {entry_type: kind for kind, entry_type in ENTRY_KINDS.items()}

declare(
    {
        "bta.off": (),
        "bta.stopped": ("date",),
        "bta.other_agent": ("agent",),
        "bta.planned_agent": ("agent",),
        "bta.held": ("since", "until"),
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


@dataclass(frozen=True, slots=True)
class BtaStart:
    """§11 bta.start applies (D32): the episode start it counts from, its due date, the agent planned.

    ``phase``: the phase that opened the episode (RELAPSE for a salvage line alone, D22).
    ``stopped``: the stop that ended a course given in active MM before the episode.
    ``before_active``: the last dose of a course given before active MM (not counted, D32).
    ``earlier_decline``: a decline recorded in an earlier episode (the rationale cites it).
    """

    since: dt.date
    phase: Phase
    due: dt.date
    agent: BoneAgent
    stopped: BoneTherapyEvent | None = None
    before_active: BoneTherapyDose | None = None
    earlier_decline: BoneTherapyEvent | None = None


@dataclass(frozen=True, slots=True)
class BtaState:
    """§11 BTA state as of a date.

    ``course``: the doses of the latest course (empty if never started).
    ``stop``: the stop entry dated on or after the last dose, which ended that course (D33).
    ``declined``: a decline recorded in the current episode, or a standing
    contraindication, not followed by a dose (D32).
    ``interval_days``: the current agent's interval (policy, or the course's schedule entry).
    ``hold``: the hold in force (dated on or after the last dose, no stop since; D33) and
    ``resume_on`` its expected resume date (its own, else hold + ``bta.hold_days``).
    ``lapse_days``: ``bta.lapse_days`` (D37).
    """

    as_of: dt.date
    course: tuple[BoneTherapyDose, ...]
    stop: BoneTherapyEvent | None
    declined: BoneTherapyEvent | None
    interval_days: int | None
    start: BtaStart | None
    hold: BoneTherapyEvent | None
    resume_on: dt.date | None
    lapse_days: int

    @property
    def on_bta(self) -> bool:
        """On BTA from the first dose until a stop; a held course is still on BTA (D33)."""
        return bool(self.course) and self.stop is None

    @property
    def held(self) -> bool:
        """D33: on BTA with a hold and no dose or stop since.

        While held, the prompts of the next dose (``bta.next_dose`` and the pre-dose
        checks) are suspended and ``bta.resume`` applies. Reading where D33 is silent:
        the other items of a patient on BTA (review, dental, supplement, vitamin D) go on.
        """
        return self.on_bta and self.hold is not None

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
        """§11 bta.next_dose: last dose + interval, while on BTA (held or not)."""
        if not self.on_bta or self.last_dose is None or self.interval_days is None:
            return None
        return add_days(self.last_dose.date, self.interval_days)

    @property
    def lapse_from(self) -> dt.date | None:
        """The date the lapse counts from: the resume date while held (D33), else the next due date."""
        if self.held:
            return self.resume_on
        return self.next_due

    @property
    def lapses_on(self) -> dt.date | None:
        """D37: the first day on which BTA counts as lapsed (lapse_from + bta.lapse_days + 1 d)."""
        start = self.lapse_from
        return None if start is None else add_days(start, self.lapse_days + 1)

    @property
    def lapsed(self) -> bool:
        """§11, D37: on BTA and the next dose (or the resume date) more than bta.lapse_days past."""
        lapses_on = self.lapses_on
        return lapses_on is not None and self.as_of >= lapses_on


def _latest_course(
    doses: tuple[BoneTherapyDose, ...], stops: list[BoneTherapyEvent]
) -> tuple[tuple[BoneTherapyDose, ...], BoneTherapyEvent | None]:
    """The latest course's doses and the stop entry that preceded it (None for the first).

    D33: a stop dated on or after a dose ends the course of that dose, so a dose
    after it starts a new course.
    """
    start, before = 0, None
    for index in range(1, len(doses)):
        previous, dose = doses[index - 1].date, doses[index].date
        between = [s for s in stops if previous <= s.date < dose]
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


def _episode_start(ctx: Context) -> tuple[dt.date, Phase] | None:
    """The latest episode's start and the phase that opened it (D22), in active MM."""
    episode: Episode | None = ctx.episode
    if episode is not None:
        if episode.phase is not None:
            return episode.start, episode.phase.phase
        return episode.start, Phase.RELAPSE if episode.salvage_without_relapse else Phase.NDMM
    first = next((c for c in ctx.phases.changes if c.phase is not Phase.SMM), None)
    return (first.date, first.phase) if first is not None else None


def _declined(
    ctx: Context, since: dt.date | None, doses: tuple[BoneTherapyDose, ...]
) -> BoneTherapyEvent | None:
    """D32: a decline recorded in the current episode, or a standing contraindication.

    A contraindication stands until a later ``schedule`` entry or dose; either
    entry counts only when no dose followed it.
    """
    events = ctx.history.bone_therapy_events
    found: list[BoneTherapyEvent] = []
    decline = next((e for e in reversed(events) if e.kind is BoneTherapyEventKind.DECLINED), None)
    if decline is not None and since is not None and decline.date >= since:
        found.append(decline)
    contra = next(
        (
            (index, e)
            for index, e in reversed(list(enumerate(events)))
            if e.kind is BoneTherapyEventKind.CONTRAINDICATED
        ),
        None,
    )
    if contra is not None:
        index, event = contra
        lifted = any(e.kind is BoneTherapyEventKind.SCHEDULE for e in events[index + 1 :])
        if not lifted:
            found.append(event)
    standing = [e for e in found if not any(d.date > e.date for d in doses)]
    return max(standing, key=lambda e: e.date) if standing else None


def _start(
    ctx: Context,
    course: tuple[BoneTherapyDose, ...],
    stop: BoneTherapyEvent | None,
    declined: BoneTherapyEvent | None,
    opened: tuple[dt.date, Phase] | None,
) -> BtaStart | None:
    """§11 bta.start (D32): active MM, not declined, off BTA since before the latest episode.

    Off BTA: never started; a course stopped before the latest episode start; or a
    course given wholly before active MM (in SMM, e.g. for osteoporosis). Reading
    where D32 is silent: a course given wholly before active MM does not count even
    when no stop was recorded, so bta.start shows beside its overdue next dose.
    """
    if not ctx.phases.active_mm or declined is not None or opened is None:
        return None
    since, phase = opened
    first_active = ctx.episodes[0].start if ctx.episodes else since
    before_active = course[-1] if course and course[-1].date < first_active else None
    if before_active is None and course and (stop is None or not stop.date < since):
        return None
    earlier = next(
        (
            e
            for e in reversed(ctx.history.bone_therapy_events)
            if e.kind is BoneTherapyEventKind.DECLINED and e.date < since
        ),
        None,
    )
    due = add_days(since, ctx.policy.whole("bta.start_days"))
    stopped = stop if before_active is None else None
    agent = _planned_agent(ctx, stop)
    return BtaStart(since, phase, due, agent, stopped, before_active, earlier)


def _hold(
    events: tuple[BoneTherapyEvent, ...], course: tuple[BoneTherapyDose, ...]
) -> BoneTherapyEvent | None:
    """D33: the latest hold dated on or after the last dose of the course.

    Reading where D33 is silent: a hold dated the day of the last dose is in force,
    as a stop dated that day ends the course.
    """
    if not course:
        return None
    last = course[-1].date
    return next(
        (e for e in reversed(events) if e.kind is BoneTherapyEventKind.HOLD and e.date >= last),
        None,
    )


def _compute(ctx: Context) -> BtaState:
    doses = ctx.history.bone_therapy_doses
    events = ctx.history.bone_therapy_events
    stops = [e for e in events if is_stop(e)]
    course, before = _latest_course(doses, stops)
    last = course[-1].date if course else None
    stop = next((s for s in reversed(stops) if last is not None and s.date >= last), None)
    hold = None if stop is not None else _hold(events, course)
    resume_on = None
    if hold is not None:
        resume_on = hold.resume_date or add_days(hold.date, ctx.policy.whole("bta.hold_days"))
    opened = _episode_start(ctx)
    declined = _declined(ctx, opened[0] if opened else None, doses)
    return BtaState(
        as_of=ctx.as_of,
        course=course,
        stop=stop,
        declined=declined,
        interval_days=_interval(ctx, course, before),
        start=_start(ctx, course, stop, declined, opened),
        hold=hold,
        resume_on=resume_on,
        lapse_days=ctx.policy.whole("bta.lapse_days"),
    )


def bta_state(ctx: Context) -> BtaState:
    """The §11 BTA state of the context's patient on its date (computed once per context)."""
    return ctx.memo("bta.state", _compute)


def off_bta(state: BtaState) -> Finding:
    """The not-applicable finding of an item that needs BTA: never started, or stopped."""
    if state.stop is not None:
        return Finding(False, msg("bta.stopped", date=state.stop.date), last=entry_ref(state.stop))
    return Finding(False, msg("bta.off"))


def held_finding(state: BtaState) -> Finding:
    """D33: the not-applicable finding of a next-dose prompt suspended by a hold."""
    assert state.hold is not None
    assert state.resume_on is not None
    message = msg("bta.held", since=state.hold.date, until=state.resume_on)
    return Finding(False, message, last=entry_ref(state.hold))


def not_this_agent(state: BtaState) -> Finding:
    """The not-applicable finding of an item for another agent than the one in use or planned."""
    if state.agent is not None:
        return Finding(False, msg("bta.other_agent", agent=state.agent.value))
    if state.start is not None:
        return Finding(False, msg("bta.planned_agent", agent=state.start.agent.value))
    return off_bta(state)
