"""Dental checks before and during bone-targeted therapy, and ONJ risk (clinical-rules.md §5, §11, D8, D33, D38)."""

from __future__ import annotations

import datetime as dt

from mmtracker.logic.bta import BtaState, bta_state, entry_ref, off_bta
from mmtracker.logic.care import Finding, ItemRule, Severity
from mmtracker.logic.codes import DentalOutcome, InvasiveProcedure
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days, add_months
from mmtracker.logic.history import DentalExam
from mmtracker.logic.messages import declare, msg

# D38: the outcomes that clear a patient for bone therapy (``treatment_needed`` does not).
CLEARING_OUTCOMES = frozenset({DentalOutcome.FIT, DentalOutcome.TREATED})
# §11 alert.onj_risk, Closes: 90 d after the procedure.
ONJ_CLOSES_AFTER_DAYS = 90
ONJ_MESSAGES = {
    InvasiveProcedure.PLANNED: "alert.onj_risk.planned",
    InvasiveProcedure.DONE: "alert.onj_risk.done",
}
# D33: off bone therapy, the exposure of the last dose still counts.
ONJ_MESSAGES_AFTER_LAST_DOSE = {
    InvasiveProcedure.PLANNED: "alert.onj_risk.planned_after_therapy",
    InvasiveProcedure.DONE: "alert.onj_risk.done_after_therapy",
}

declare(
    {
        "dental.before_bta.done": ("date", "first"),
        "dental.before_bta.ready": ("date", "due"),
        "dental.before_bta.after_start": ("date", "first"),
        "dental.before_bta.missing": ("first", "days"),
        "dental.before_bta.needed": ("due", "days"),
        "dental.before_bta.treatment_needed": ("date", "due"),
        "dental.periodic.no_exam": ("first", "days"),
        "dental.periodic.due": ("last", "months", "agent"),
        "dental.periodic.treatment_needed": ("last", "months"),
        "alert.onj_risk.none": ("days",),
        "alert.onj_risk.planned": ("date",),
        "alert.onj_risk.done": ("date",),
        "alert.onj_risk.planned_after_therapy": ("date", "last", "months"),
        "alert.onj_risk.done_after_therapy": ("date", "last", "months"),
        "alert.onj_risk.exposure_over": ("last", "months"),
    }
)


def _exam_between(ctx: Context, since: dt.date, until: dt.date) -> DentalExam | None:
    """The latest dental exam dated from ``since`` to ``until`` (both inclusive)."""
    found = [e for e in ctx.history.dental_exams if since <= e.date <= until]
    return found[-1] if found else None


def _not_cleared(exam: DentalExam, due: dt.date, changes_on: dt.date | None = None) -> Finding:
    """D38: the latest exam found treatment needed, so dental.before_bta stays due, saying so."""
    message = msg("dental.before_bta.treatment_needed", date=exam.date, due=due)
    return Finding(True, message, due=due, changes_on=changes_on)


def _before_planned_start(ctx: Context, state: BtaState, lookback: int) -> Finding:
    """§11 dental.before_bta while bta.start applies: a clearing exam within 180 d before as_of.

    Reading where D38 is silent: the latest exam in the lookback decides, so one that
    found treatment needed is not cleared by an earlier one that found the patient fit.
    """
    assert state.start is not None
    due = state.start.due
    exam = _exam_between(ctx, add_days(ctx.as_of, -lookback), ctx.as_of)
    if exam is None:
        return Finding(True, msg("dental.before_bta.needed", due=due, days=lookback), due=due)
    leaves = add_days(exam.date, lookback + 1)  # the exam leaves the lookback
    if exam.outcome not in CLEARING_OUTCOMES:
        return _not_cleared(exam, due, changes_on=leaves)
    return Finding(
        True,
        msg("dental.before_bta.ready", date=exam.date, due=due),
        last=entry_ref(exam),
        changes_on=leaves,
    )


def evaluate_before_bta(ctx: Context) -> Finding:
    """§11 dental.before_bta: a clearing dental exam (D38) within 180 d before the first dose.

    As before the first dose, the latest exam in the lookback decides.
    """
    state = bta_state(ctx)
    lookback = ctx.policy.whole("dental.pre_bta_lookback_days")
    first = state.first_dose
    if not state.on_bta or first is None:
        if state.start is not None:
            return _before_planned_start(ctx, state, lookback)
        return off_bta(state)
    exam = _exam_between(ctx, add_days(first.date, -lookback), first.date)
    if exam is not None and exam.outcome in CLEARING_OUTCOMES:
        message = msg("dental.before_bta.done", date=exam.date, first=first.date)
        return Finding(True, message, last=entry_ref(exam))
    after = next((e for e in ctx.history.dental_exams if e.date > first.date), None)
    if after is not None:
        message = msg("dental.before_bta.after_start", date=after.date, first=first.date)
        return Finding(False, message, last=entry_ref(after))
    if exam is not None:
        return _not_cleared(exam, first.date)
    message = msg("dental.before_bta.missing", first=first.date, days=lookback)
    return Finding(True, message, due=first.date)


def evaluate_periodic(ctx: Context) -> Finding:
    """D8, D38: a dental exam every 6 months on BTA (2 months after one that found treatment needed)."""
    state = bta_state(ctx)
    first = state.first_dose
    if not state.on_bta or first is None or state.agent is None:
        return off_bta(state)
    lookback = ctx.policy.whole("dental.pre_bta_lookback_days")
    exam = _exam_between(ctx, add_days(first.date, -lookback), ctx.as_of)
    if exam is None:
        return Finding(False, msg("dental.periodic.no_exam", first=first.date, days=lookback))
    if exam.outcome is DentalOutcome.TREATMENT_NEEDED:
        months = ctx.policy.whole("dental.treatment_followup_months")
        message = msg("dental.periodic.treatment_needed", last=exam.date, months=months)
    else:
        months = ctx.policy.whole("dental.interval_months")
        message = msg("dental.periodic.due", last=exam.date, months=months, agent=state.agent.value)
    return Finding(True, message, due=add_months(exam.date, months), last=entry_ref(exam))


def evaluate_onj_risk(ctx: Context) -> Finding:
    """§11 alert.onj_risk (D33): info while an invasive dental procedure is open and bone therapy exposes.

    Exposed while on BTA (held included) or until ``onj.lookback_months`` after the
    last bone-therapy dose, whether stopped or not. A procedure planned or done is
    open from the entry recording it until 90 d after the procedure date.
    """
    state = bta_state(ctx)
    doses = ctx.history.bone_therapy_doses
    if not doses:
        return off_bta(state)
    last = doses[-1]
    months = ctx.policy.whole("onj.lookback_months")
    exposure_ends = None if state.on_bta else add_months(last.date, months)
    if exposure_ends is not None and ctx.as_of >= exposure_ends:
        return Finding(False, msg("alert.onj_risk.exposure_over", last=last.date, months=months))
    open_procedures = [
        e
        for e in ctx.history.dental_exams
        if e.invasive_procedure is not InvasiveProcedure.NONE
        and e.procedure_date is not None
        and ctx.as_of < add_days(e.procedure_date, ONJ_CLOSES_AFTER_DAYS)
    ]
    if not open_procedures:
        message = msg("alert.onj_risk.none", days=ONJ_CLOSES_AFTER_DAYS)
        return Finding(False, message, changes_on=exposure_ends)
    exam = max(open_procedures, key=lambda e: (e.procedure_date or e.date, e.date))
    assert exam.procedure_date is not None
    # The latest procedure closes last: until then it is the one shown.
    closes = add_days(exam.procedure_date, ONJ_CLOSES_AFTER_DAYS)
    if exposure_ends is None:
        message = msg(ONJ_MESSAGES[exam.invasive_procedure], date=exam.procedure_date)
    else:
        message = msg(
            ONJ_MESSAGES_AFTER_LAST_DOSE[exam.invasive_procedure],
            date=exam.procedure_date,
            last=last.date,
            months=months,
        )
    return Finding(
        True,
        message,
        last=entry_ref(exam),
        alert=Severity.INFO,
        trigger_date=exam.date,
        changes_on=min(closes, exposure_ends) if exposure_ends else closes,
        cites=(exam.id,),
    )


RULES: tuple[ItemRule, ...] = (
    ItemRule("dental.before_bta", "§5 Dental before", evaluate_before_bta),
    ItemRule("dental.periodic", "D8, D38", evaluate_periodic),
    ItemRule("alert.onj_risk", "§5 ONJ risk; D33", evaluate_onj_risk),
)
