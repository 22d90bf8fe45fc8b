"""Dental checks before and during bone-targeted therapy, and ONJ risk (clinical-rules.md §5, §11, D8)."""

from __future__ import annotations

import datetime as dt

from mmtracker.logic.bta import BtaState, bta_state, entry_ref, off_bta
from mmtracker.logic.care import Finding, ItemRule, Severity
from mmtracker.logic.codes import InvasiveProcedure
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days, add_months
from mmtracker.logic.history import DentalExam
from mmtracker.logic.messages import declare, msg

# §11 alert.onj_risk, Closes: 90 d after the procedure.
ONJ_CLOSES_AFTER_DAYS = 90
ONJ_MESSAGES = {
    InvasiveProcedure.PLANNED: "alert.onj_risk.planned",
    InvasiveProcedure.DONE: "alert.onj_risk.done",
}

declare(
    {
        "dental.before_bta.done": ("date", "first"),
        "dental.before_bta.ready": ("date", "due"),
        "dental.before_bta.after_start": ("date", "first"),
        "dental.before_bta.missing": ("first", "days"),
        "dental.before_bta.needed": ("due", "days"),
        "dental.periodic.no_exam": ("first", "days"),
        "dental.periodic.due": ("last", "months", "agent"),
        "alert.onj_risk.none": ("days",),
        "alert.onj_risk.planned": ("date",),
        "alert.onj_risk.done": ("date",),
    }
)


def _exam_between(ctx: Context, since: dt.date, until: dt.date) -> DentalExam | None:
    """The latest dental exam dated from ``since`` to ``until`` (both inclusive)."""
    found = [e for e in ctx.history.dental_exams if since <= e.date <= until]
    return found[-1] if found else None


def _before_planned_start(ctx: Context, state: BtaState, lookback: int) -> Finding:
    """§11 dental.before_bta while bta.start applies: an exam within 180 d before as_of."""
    assert state.start is not None
    due = state.start.due
    exam = _exam_between(ctx, add_days(ctx.as_of, -lookback), ctx.as_of)
    if exam is not None:
        return Finding(
            True,
            msg("dental.before_bta.ready", date=exam.date, due=due),
            last=entry_ref(exam),
            changes_on=add_days(exam.date, lookback + 1),  # the exam leaves the lookback
        )
    return Finding(True, msg("dental.before_bta.needed", due=due, days=lookback), due=due)


def evaluate_before_bta(ctx: Context) -> Finding:
    """§11 dental.before_bta: a dental exam within 180 d before the first dose of the course."""
    state = bta_state(ctx)
    lookback = ctx.policy.whole("dental.pre_bta_lookback_days")
    first = state.first_dose
    if not state.on_bta or first is None:
        if state.start is not None:
            return _before_planned_start(ctx, state, lookback)
        return off_bta(state)
    exam = _exam_between(ctx, add_days(first.date, -lookback), first.date)
    if exam is not None:
        message = msg("dental.before_bta.done", date=exam.date, first=first.date)
        return Finding(True, message, last=entry_ref(exam))
    after = next((e for e in ctx.history.dental_exams if e.date > first.date), None)
    if after is not None:
        message = msg("dental.before_bta.after_start", date=after.date, first=first.date)
        return Finding(False, message, last=entry_ref(after))
    message = msg("dental.before_bta.missing", first=first.date, days=lookback)
    return Finding(True, message, due=first.date)


def evaluate_periodic(ctx: Context) -> Finding:
    """D8: a dental exam every 6 months on BTA, once one exists from 180 d before the first dose."""
    state = bta_state(ctx)
    first = state.first_dose
    if not state.on_bta or first is None or state.agent is None:
        return off_bta(state)
    lookback = ctx.policy.whole("dental.pre_bta_lookback_days")
    exam = _exam_between(ctx, add_days(first.date, -lookback), ctx.as_of)
    if exam is None:
        return Finding(False, msg("dental.periodic.no_exam", first=first.date, days=lookback))
    months = ctx.policy.whole("dental.interval_months")
    message = msg("dental.periodic.due", last=exam.date, months=months, agent=state.agent.value)
    return Finding(True, message, due=add_months(exam.date, months), last=entry_ref(exam))


def evaluate_onj_risk(ctx: Context) -> Finding:
    """§11 alert.onj_risk: info while on BTA, from an invasive procedure planned or done until 90 d after it."""
    state = bta_state(ctx)
    if not state.on_bta:
        return off_bta(state)
    open_procedures = [
        e
        for e in ctx.history.dental_exams
        if e.invasive_procedure is not InvasiveProcedure.NONE
        and e.procedure_date is not None
        and ctx.as_of <= add_days(e.procedure_date, ONJ_CLOSES_AFTER_DAYS)
    ]
    if not open_procedures:
        return Finding(False, msg("alert.onj_risk.none", days=ONJ_CLOSES_AFTER_DAYS))
    exam = max(open_procedures, key=lambda e: (e.procedure_date or e.date, e.date))
    assert exam.procedure_date is not None
    return Finding(
        True,
        msg(ONJ_MESSAGES[exam.invasive_procedure], date=exam.procedure_date),
        last=entry_ref(exam),
        alert=Severity.INFO,
        trigger_date=exam.date,
        # The latest procedure closes last: until then it is the one shown.
        changes_on=add_days(exam.procedure_date, ONJ_CLOSES_AFTER_DAYS + 1),
    )


RULES: tuple[ItemRule, ...] = (
    ItemRule("dental.before_bta", "§5 Dental before", evaluate_before_bta),
    ItemRule("dental.periodic", "D8", evaluate_periodic),
    ItemRule("alert.onj_risk", "§5 ONJ risk", evaluate_onj_risk),
)
