"""Starting, dosing, reviewing and bridging bone-targeted therapy (clinical-rules.md §11, §5, D10)."""

from __future__ import annotations

from mmtracker.logic.bta import bta_state, entry_ref, is_stop, not_this_agent, off_bta
from mmtracker.logic.care import Finding, ItemRule
from mmtracker.logic.codes import BISPHOSPHONATES, BoneAgent, BoneTherapyEventKind
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days, add_months
from mmtracker.logic.messages import declare, msg

# §11 bta.review: applies on BTA with ZA or denosumab.
REVIEWED_AGENTS = frozenset({BoneAgent.ZOLEDRONIC_ACID, BoneAgent.DENOSUMAB})
DAYS_PER_WEEK = 7

declare(
    {
        "bta.start.not_active_mm": ("phase",),
        "bta.start.on_bta": ("agent", "first"),
        "bta.start.declined": ("kind", "date"),
        "bta.start.due": ("phase", "date", "days"),
        "bta.start.restart": ("relapse", "stopped", "days"),
        "bta.next_dose.due": ("agent", "last", "interval"),
        "bta.next_dose.lapsed": ("agent", "last", "interval"),
        "bta.review.first": ("agent", "first", "months"),
        "bta.review.next": ("last", "decision", "months"),
        "denosumab.bridge.never": (),
        "denosumab.bridge.on_denosumab": ("last",),
        "denosumab.bridge.stopped": ("last", "stopped", "months"),
        "denosumab.bridge.lapsed": ("last", "weeks", "months"),
        "denosumab.bridge.done": ("last", "bridge", "agent"),
    }
)


def evaluate_start(ctx: Context) -> Finding:
    """§11 bta.start: start BTA within 30 d of active MM, or restart at relapse."""
    state = bta_state(ctx)
    first = state.first_dose
    if not ctx.phases.active_mm:
        phase = ctx.phases.phase
        return Finding(False, msg("bta.start.not_active_mm", phase=phase.value if phase else None))
    if state.on_bta and first is not None:
        message = msg("bta.start.on_bta", agent=first.agent.value, first=first.date)
        return Finding(False, message, last=entry_ref(first))
    if state.declined is not None:
        declined = state.declined
        message = msg("bta.start.declined", kind=declined.kind.value, date=declined.date)
        return Finding(False, message, last=entry_ref(declined))
    start = state.start
    if start is None:
        return off_bta(state)
    days = ctx.policy.whole("bta.start_days")
    if start.restart and state.stop is not None:
        message = msg(
            "bta.start.restart", relapse=start.anchor.date, stopped=state.stop.date, days=days
        )
    else:
        message = msg(
            "bta.start.due", phase=start.anchor.phase.value, date=start.anchor.date, days=days
        )
    return Finding(True, message, due=start.due, last=entry_ref(first) if first else None)


def evaluate_next_dose(ctx: Context) -> Finding:
    """§11 bta.next_dose: the next dose at last dose + interval, unless ZA is on renal hold."""
    state = bta_state(ctx)
    last = state.last_dose
    if not state.on_bta or last is None or state.interval_days is None:
        return off_bta(state)
    if state.za_hold is not None:
        message = msg("bta.za_on_hold", since=state.za_hold.date)
        return Finding(False, message, last=entry_ref(last))
    key = "bta.next_dose.lapsed" if state.lapsed else "bta.next_dose.due"
    message = msg(key, agent=last.agent.value, last=last.date, interval=state.interval_days)
    lapses_on = None if state.lapsed else state.lapses_on
    return Finding(True, message, due=state.next_due, last=entry_ref(last), changes_on=lapses_on)


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


def evaluate_bridge(ctx: Context) -> Finding:
    """D10: a bisphosphonate within 6 months of the last denosumab dose once denosumab stopped or lapsed."""
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
    due = add_months(last.date, months)
    stop = next(
        (e for e in reversed(ctx.history.bone_therapy_events) if is_stop(e) and e.date > last.date),
        None,
    )
    if stop is not None:
        message = msg("denosumab.bridge.stopped", last=last.date, stopped=stop.date, months=months)
        return Finding(True, message, due=due)
    weeks = ctx.policy.whole("denosumab.lapse_weeks")
    lapses_on = bta_state(ctx).lapses_on
    if lapses_on is None:
        return Finding(False, msg("denosumab.bridge.on_denosumab", last=last.date))
    # Lapsed for the bridge: BTA lapsed and the last denosumab dose more than the weeks ago.
    opens = max(lapses_on, add_days(last.date, weeks * DAYS_PER_WEEK + 1))
    if ctx.as_of >= opens:
        message = msg("denosumab.bridge.lapsed", last=last.date, weeks=weeks, months=months)
        return Finding(True, message, due=due)
    message = msg("denosumab.bridge.on_denosumab", last=last.date)
    return Finding(False, message, changes_on=opens)


RULES: tuple[ItemRule, ...] = (
    ItemRule("bta.start", "§5 Who; restart at relapse §5 ZA duration", evaluate_start),
    ItemRule("bta.next_dose", "§5 dose rows", evaluate_next_dose),
    ItemRule("bta.review", "§5 ZA duration; denosumab stopping", evaluate_review),
    ItemRule("denosumab.bridge", "D10", evaluate_bridge),
)
