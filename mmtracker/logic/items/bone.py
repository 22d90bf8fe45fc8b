"""Starting, dosing, holding, reviewing and bridging bone-targeted therapy (clinical-rules.md §11, §5, D10, D32, D33, D37)."""

from __future__ import annotations

from mmtracker.logic.bisphosphonate_renal import renal_hold
from mmtracker.logic.bta import (
    BtaState,
    bta_state,
    entry_ref,
    held_finding,
    is_stop,
    not_this_agent,
    off_bta,
)
from mmtracker.logic.care import Finding, ItemRule
from mmtracker.logic.codes import BISPHOSPHONATES, BoneAgent, BoneTherapyEventKind
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days, add_months
from mmtracker.logic.history import BoneTherapyDose, BoneTherapyEvent
from mmtracker.logic.messages import Message, declare, msg

# §11 bta.review: applies on BTA with ZA or denosumab.
REVIEWED_AGENTS = frozenset({BoneAgent.ZOLEDRONIC_ACID, BoneAgent.DENOSUMAB})

declare(
    {
        "bta.start.not_active_mm": ("phase",),
        "bta.start.on_bta": ("agent", "first"),
        "bta.start.declined": ("kind", "date"),
        "bta.start.due": ("phase", "date", "days"),
        "bta.start.restart": ("relapse", "stopped", "days"),
        "bta.start.before_active": ("last", "phase", "date", "days"),
        "bta.start.declined_before": ("previous", "phase", "date", "days"),
        "bta.next_dose.due": ("agent", "last", "interval"),
        "bta.next_dose.lapsed": ("agent", "last", "interval", "days"),
        "bta.review.first": ("agent", "first", "months"),
        "bta.review.next": ("last", "decision", "months"),
        "bta.resume.not_held": (),
        "bta.resume.resumed": ("since", "date"),
        "bta.resume.due": ("since", "due"),
        "bta.resume.default": ("since", "due", "days"),
        "bta.resume.lapsed": ("since", "due", "days"),
        "denosumab.bridge.never": (),
        "denosumab.bridge.on_denosumab": ("last",),
        "denosumab.bridge.stopped": ("last", "stopped", "months"),
        "denosumab.bridge.lapsed": ("last", "since", "months"),
        "denosumab.bridge.done": ("last", "bridge", "agent"),
    }
)


def _start_message(ctx: Context, state: BtaState) -> Message:
    """Why bta.start applies: first start, restart after a stop, a course before active MM, or a
    decline in an earlier episode (D32: the rationale cites it)."""
    start = state.start
    assert start is not None
    days = ctx.policy.whole("bta.start_days")
    phase = start.phase.value
    decline = start.earlier_decline
    if decline is not None and (start.stopped is None or decline.date > start.stopped.date):
        return msg(
            "bta.start.declined_before",
            previous=decline.date,
            phase=phase,
            date=start.since,
            days=days,
        )
    if start.stopped is not None:
        return msg("bta.start.restart", relapse=start.since, stopped=start.stopped.date, days=days)
    if start.before_active is not None:
        last = start.before_active.date
        return msg("bta.start.before_active", last=last, phase=phase, date=start.since, days=days)
    return msg("bta.start.due", phase=phase, date=start.since, days=days)


def evaluate_start(ctx: Context) -> Finding:
    """§11 bta.start (D32): start BTA within 30 d of the latest episode start when off BTA."""
    state = bta_state(ctx)
    first = state.first_dose
    if not ctx.phases.active_mm:
        phase = ctx.phases.phase
        return Finding(False, msg("bta.start.not_active_mm", phase=phase.value if phase else None))
    if state.declined is not None:
        declined = state.declined
        message = msg("bta.start.declined", kind=declined.kind.value, date=declined.date)
        return Finding(False, message, last=entry_ref(declined))
    start = state.start
    if start is None:
        if state.on_bta and first is not None:
            message = msg("bta.start.on_bta", agent=first.agent.value, first=first.date)
            return Finding(False, message, last=entry_ref(first))
        return off_bta(state)
    last = entry_ref(state.last_dose) if state.last_dose else None
    return Finding(True, _start_message(ctx, state), due=start.due, last=last)


def evaluate_next_dose(ctx: Context) -> Finding:
    """§11 bta.next_dose: the next dose at last dose + interval, unless held (D33) or on renal hold."""
    state = bta_state(ctx)
    last = state.last_dose
    if not state.on_bta or last is None or state.interval_days is None:
        return off_bta(state)
    if state.held:
        return held_finding(state)
    renal = renal_hold(ctx)
    if renal is not None:
        return renal
    agent, interval = last.agent.value, state.interval_days
    if state.lapsed:
        days = state.lapse_days
        message = msg(
            "bta.next_dose.lapsed", agent=agent, last=last.date, interval=interval, days=days
        )
        return Finding(True, message, due=state.next_due, last=entry_ref(last))
    message = msg("bta.next_dose.due", agent=agent, last=last.date, interval=interval)
    return Finding(
        True, message, due=state.next_due, last=entry_ref(last), changes_on=state.lapses_on
    )


def evaluate_review(ctx: Context) -> Finding:
    """§11 bta.review: 12 months after the course's first dose, then 12 months after each review."""
    state = bta_state(ctx)
    first = state.first_dose
    if not state.on_bta or first is None:
        return off_bta(state)
    if state.agent not in REVIEWED_AGENTS:
        return not_this_agent(state)
    months = ctx.policy.whole("bta.review_months")
    reviews = [
        e
        for e in ctx.history.bone_therapy_events
        if e.kind is BoneTherapyEventKind.REVIEW and e.date >= first.date
    ]
    if not reviews:
        message = msg("bta.review.first", agent=first.agent.value, first=first.date, months=months)
        return Finding(True, message, due=add_months(first.date, months), last=entry_ref(first))
    last = reviews[-1]
    decision = last.decision.value if last.decision else None
    message = msg("bta.review.next", last=last.date, decision=decision, months=months)
    return Finding(True, message, due=add_months(last.date, months), last=entry_ref(last))


def _resumed(ctx: Context, state: BtaState) -> tuple[BoneTherapyEvent, BoneTherapyDose] | None:
    """The latest hold of the course that a dose has ended, and that dose (D33)."""
    first = state.first_dose
    if first is None:
        return None
    holds = [
        e
        for e in ctx.history.bone_therapy_events
        if e.kind is BoneTherapyEventKind.HOLD and e.date >= first.date
    ]
    for hold in reversed(holds):
        dose = next((d for d in state.course if d.date > hold.date), None)
        if dose is not None:
            return hold, dose
    return None


def evaluate_resume(ctx: Context) -> Finding:
    """D33 bta.resume: from a hold until the next dose or a stop, due at the resume date.

    Like every next-dose prompt it is suspended while the bisphosphonate is on renal hold
    (D35), so the two items never say "give it" and "hold it" at once.
    """
    state = bta_state(ctx)
    if not state.on_bta:
        return off_bta(state)
    hold, resume = state.hold, state.resume_on
    renal = renal_hold(ctx) if hold is not None else None
    if renal is not None:
        return renal
    if hold is None or resume is None:
        resumed = _resumed(ctx, state)
        if resumed is None:
            return Finding(False, msg("bta.resume.not_held"))
        event, dose = resumed
        message = msg("bta.resume.resumed", since=event.date, date=dose.date)
        return Finding(False, message, last=entry_ref(dose))
    if state.lapsed:
        message = msg("bta.resume.lapsed", since=hold.date, due=resume, days=state.lapse_days)
        return Finding(True, message, due=resume)
    if hold.resume_date is None:
        days = ctx.policy.whole("bta.hold_days")
        message = msg("bta.resume.default", since=hold.date, due=resume, days=days)
    else:
        message = msg("bta.resume.due", since=hold.date, due=resume)
    return Finding(True, message, due=resume, changes_on=state.lapses_on)


def evaluate_bridge(ctx: Context) -> Finding:
    """D10, D37: a bisphosphonate after denosumab once it is stopped or has lapsed.

    Due the later of the last denosumab dose + ``denosumab.bridge_months`` and the
    lapse date. Reading where D37 is silent: a course stopped after it had lapsed keeps
    that lapse date; one stopped before it would lapse is due at last dose + 6 months.
    """
    doses = ctx.history.bone_therapy_doses
    last = next((d for d in reversed(doses) if d.agent is BoneAgent.DENOSUMAB), None)
    if last is None:
        return Finding(False, msg("denosumab.bridge.never"))
    months = ctx.policy.whole("denosumab.bridge_months")
    bridge = next((d for d in doses if d.agent in BISPHOSPHONATES and d.date > last.date), None)
    if bridge is not None:
        message = msg(
            "denosumab.bridge.done", last=last.date, bridge=bridge.date, agent=bridge.agent.value
        )
        return Finding(True, message, last=entry_ref(bridge))
    after_months = add_months(last.date, months)
    state = bta_state(ctx)
    stop = next(
        (
            e
            for e in reversed(ctx.history.bone_therapy_events)
            if is_stop(e) and e.date >= last.date
        ),
        None,
    )
    if stop is not None:
        lapsed_on = None
        if state.interval_days is not None:
            lapsed_on = add_days(last.date, state.interval_days + state.lapse_days + 1)
        due = max(after_months, lapsed_on) if lapsed_on and lapsed_on <= stop.date else after_months
        message = msg("denosumab.bridge.stopped", last=last.date, stopped=stop.date, months=months)
        return Finding(True, message, due=due)
    lapses_on = state.lapses_on
    if lapses_on is None or ctx.as_of < lapses_on:
        message = msg("denosumab.bridge.on_denosumab", last=last.date)
        return Finding(False, message, changes_on=lapses_on)
    message = msg("denosumab.bridge.lapsed", last=last.date, since=lapses_on, months=months)
    return Finding(True, message, due=max(after_months, lapses_on))


RULES: tuple[ItemRule, ...] = (
    ItemRule("bta.start", "§5 Who; restart at relapse §5 ZA duration", evaluate_start),
    ItemRule("bta.next_dose", "§5 dose rows", evaluate_next_dose),
    ItemRule("bta.review", "§5 ZA duration; denosumab stopping", evaluate_review),
    ItemRule("denosumab.bridge", "D10, D37", evaluate_bridge),
    ItemRule("bta.resume", "D33", evaluate_resume),
)
