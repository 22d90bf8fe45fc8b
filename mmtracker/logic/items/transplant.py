"""Before and after a planned transplant (clinical-rules.md §11 imaging.pre_asct_pet, mrd.pre_asct,
asct.outcome; D39).

A plan is open from the day it is known until it is performed, withdrawn
(``withdrawn_date``) or its planned date + 30 d has passed (D39): the pre-ASCT
tests apply to the earliest open plan. ``asct.outcome`` asks, for each plan
neither performed nor withdrawn, which it was: due at the planned date + 30 d,
overdue after it.

Reading where D39 is silent: a plan is settled by its own entry (its performed or
withdrawn date), not by another transplant entry, so that the first of a tandem
never settles the second.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from mmtracker.logic.care import EntryRef, Finding, ItemRule
from mmtracker.logic.codes import ImagingModality
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days
from mmtracker.logic.history import Imaging, MrdTest, Transplant
from mmtracker.logic.messages import declare, msg

PET_ID = "imaging.pre_asct_pet"
MRD_ID = "mrd.pre_asct"
OUTCOME_ID = "asct.outcome"

# D39: pre-ASCT items close, and asct.outcome falls due, at the planned date + 30 d.
PLAN_CLOSES_DAYS = 30

declare(
    {
        f"{item}.{name}": params
        for item in (PET_ID, MRD_ID)
        for name, params in {
            "no_plan": (),
            "due": ("planned", "since", "days"),
            "done": ("date", "planned", "days"),
            "done_before_asct": ("date", "performed"),
            "not_done_before_asct": ("performed", "days"),
            "withdrawn": ("planned", "ended"),
            "plan_passed": ("planned", "closed"),
        }.items()
    }
)
declare(
    {
        f"{OUTCOME_ID}.due": ("planned", "days", "due"),
        f"{OUTCOME_ID}.performed": ("planned", "performed"),
        f"{OUTCOME_ID}.withdrawn": ("planned", "ended"),
        f"{OUTCOME_ID}.no_plan": (),
    }
)


def _closes(plan: Transplant) -> dt.date:
    """D39: the day a plan's pre-ASCT items close if it was not performed."""
    assert plan.planned_date is not None
    return add_days(plan.planned_date, PLAN_CLOSES_DAYS)


def _unsettled(ctx: Context) -> list[Transplant]:
    """Plans neither performed nor withdrawn, earliest planned date first."""
    plans = [
        t
        for t in ctx.history.transplants
        if t.planned_date is not None and t.performed_date is None and t.withdrawn_date is None
    ]
    return sorted(plans, key=lambda t: (t.planned_date, t.id))


def _pending(ctx: Context) -> Transplant | None:
    """The earliest plan still open for the pre-ASCT tests (D39: until planned + 30 d)."""
    return next((t for t in _unsettled(ctx) if ctx.as_of < _closes(t)), None)


def _performed(ctx: Context) -> Transplant | None:
    """The latest transplant performed."""
    done = [t for t in ctx.history.transplants if t.performed_date is not None]
    return max(done, key=lambda t: (t.performed_date, t.id), default=None)


def _within(
    tests: Sequence[Imaging | MrdTest], end: dt.date, days: int
) -> Imaging | MrdTest | None:
    """The latest test from ``days`` days before ``end`` up to ``end`` (both inclusive)."""
    start = add_days(end, -days)
    return next((t for t in reversed(tests) if start <= t.date <= end), None)


def _ended(ctx: Context, item: str, kind: str, tests: Sequence[Imaging | MrdTest]) -> Finding:
    """Not applicable: the latest plan's end — performed, withdrawn or passed (D39)."""
    days = ctx.policy.whole("asct.pre_window_days")
    ends: list[tuple[dt.date, str, Finding]] = []
    done = _performed(ctx)
    if done is not None and done.performed_date is not None:
        performed = done.performed_date
        found = _within(tests, min(performed, done.planned_date or performed), days)
        if found is None:
            message = msg(f"{item}.not_done_before_asct", performed=performed, days=days)
            ends.append((performed, done.id, Finding(False, message)))
        else:
            message = msg(f"{item}.done_before_asct", date=found.date, performed=performed)
            last = EntryRef(kind, found.id, found.date)
            ends.append((performed, done.id, Finding(False, message, last=last)))
    for plan in ctx.history.transplants:
        if plan.planned_date is None or plan.performed_date is not None:
            continue
        if plan.withdrawn_date is not None:
            message = msg(f"{item}.withdrawn", planned=plan.planned_date, ended=plan.withdrawn_date)
            ends.append((plan.withdrawn_date, plan.id, Finding(False, message)))
        elif _closes(plan) <= ctx.as_of:
            message = msg(f"{item}.plan_passed", planned=plan.planned_date, closed=_closes(plan))
            ends.append((_closes(plan), plan.id, Finding(False, message)))
    if not ends:
        return Finding(False, msg(f"{item}.no_plan"))
    return max(ends, key=lambda end: end[:2])[2]


def _pre_asct(ctx: Context, item: str, kind: str, tests: Sequence[Imaging | MrdTest]) -> Finding:
    """A test due within ``asct.pre_window_days`` before the planned date of the open plan.

    Once no plan is open the item is not applicable and says how the latest one
    ended: performed (with whether the test was done before it: its window ends at
    the planned date, or at the transplant if earlier), withdrawn, or passed its
    planned date + 30 d unperformed (D39).
    """
    plan = _pending(ctx)
    if plan is None or plan.planned_date is None:
        return _ended(ctx, item, kind, tests)
    days = ctx.policy.whole("asct.pre_window_days")
    planned = plan.planned_date
    closes = _closes(plan)
    found = _within(tests, planned, days)
    if found is not None:
        message = msg(f"{item}.done", date=found.date, planned=planned, days=days)
        return Finding(True, message, last=EntryRef(kind, found.id, found.date), changes_on=closes)
    since = add_days(planned, -days)
    message = msg(f"{item}.due", planned=planned, since=since, days=days)
    return Finding(True, message, due=planned, changes_on=closes)


def evaluate_pet(ctx: Context) -> Finding:
    """§11 imaging.pre_asct_pet: PET-CT within the window before the planned date."""
    pets = [i for i in ctx.history.imaging if i.modality is ImagingModality.PET_CT]
    return _pre_asct(ctx, PET_ID, "imaging", pets)


def evaluate_mrd(ctx: Context) -> Finding:
    """§11 mrd.pre_asct: an MRD test within the window before the planned date, any response."""
    return _pre_asct(ctx, MRD_ID, "mrd_tests", ctx.history.mrd_tests)


def evaluate_outcome(ctx: Context) -> Finding:
    """§11 asct.outcome (D39): a plan neither performed nor withdrawn, due at planned + 30 d."""
    unsettled = _unsettled(ctx)
    if unsettled:
        plan = unsettled[0]
        message = msg(
            f"{OUTCOME_ID}.due", planned=plan.planned_date, days=PLAN_CLOSES_DAYS, due=_closes(plan)
        )
        return Finding(True, message, due=_closes(plan))
    settled: list[tuple[dt.date, str, Finding]] = []
    for plan in ctx.history.transplants:
        if plan.planned_date is None:
            continue
        if plan.performed_date is not None:
            message = msg(
                f"{OUTCOME_ID}.performed", planned=plan.planned_date, performed=plan.performed_date
            )
            day = plan.performed_date
        elif plan.withdrawn_date is not None:
            message = msg(
                f"{OUTCOME_ID}.withdrawn", planned=plan.planned_date, ended=plan.withdrawn_date
            )
            day = plan.withdrawn_date
        else:
            continue
        last = EntryRef("transplants", plan.id, day)
        settled.append((day, plan.id, Finding(False, message, last=last)))
    if not settled:
        return Finding(False, msg(f"{OUTCOME_ID}.no_plan"))
    return max(settled, key=lambda end: end[:2])[2]


RULES: tuple[ItemRule, ...] = (
    ItemRule(PET_ID, "seed 000 (Mirgh 2026)", evaluate_pet),
    ItemRule(MRD_ID, "seed 000", evaluate_mrd),
    ItemRule(OUTCOME_ID, "D39", evaluate_outcome),
)
