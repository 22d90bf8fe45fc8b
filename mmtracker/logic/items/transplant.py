"""PET-CT and MRD before a planned transplant (clinical-rules.md §11 imaging.pre_asct_pet, mrd.pre_asct)."""

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

declare(
    {
        "imaging.pre_asct_pet.no_plan": (),
        "imaging.pre_asct_pet.due": ("planned", "since", "days"),
        "imaging.pre_asct_pet.done": ("date", "planned", "days"),
        "imaging.pre_asct_pet.done_before_asct": ("date", "performed"),
        "imaging.pre_asct_pet.not_done_before_asct": ("performed", "days"),
        "mrd.pre_asct.no_plan": (),
        "mrd.pre_asct.due": ("planned", "since", "days"),
        "mrd.pre_asct.done": ("date", "planned", "days"),
        "mrd.pre_asct.done_before_asct": ("date", "performed"),
        "mrd.pre_asct.not_done_before_asct": ("performed", "days"),
    }
)


def _pending(ctx: Context) -> Transplant | None:
    """The earliest planned transplant not yet performed."""
    plans = [t for t in ctx.history.transplants if t.planned_date and t.performed_date is None]
    return min(plans, key=lambda t: (t.planned_date, t.id), default=None)


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


def _pre_asct(ctx: Context, item: str, kind: str, tests: Sequence[Imaging | MrdTest]) -> Finding:
    """A test due within ``asct.pre_window_days`` before the planned date; closes once performed.

    After the transplant the item is not applicable and says whether the test was done
    before it (its window ends at the planned date, or at the transplant if earlier).
    """
    days = ctx.policy.whole("asct.pre_window_days")
    plan = _pending(ctx)
    if plan is not None and plan.planned_date is not None:
        planned = plan.planned_date
        found = _within(tests, planned, days)
        if found is not None:
            message = msg(f"{item}.done", date=found.date, planned=planned, days=days)
            return Finding(True, message, last=EntryRef(kind, found.id, found.date))
        since = add_days(planned, -days)
        return Finding(
            True, msg(f"{item}.due", planned=planned, since=since, days=days), due=planned
        )
    done = _performed(ctx)
    if done is None or done.performed_date is None:
        return Finding(False, msg(f"{item}.no_plan"))
    performed = done.performed_date
    end = min(performed, done.planned_date or performed)
    found = _within(tests, end, days)
    if found is None:
        return Finding(False, msg(f"{item}.not_done_before_asct", performed=performed, days=days))
    message = msg(f"{item}.done_before_asct", date=found.date, performed=performed)
    return Finding(False, message, last=EntryRef(kind, found.id, found.date))


def evaluate_pet(ctx: Context) -> Finding:
    """§11 imaging.pre_asct_pet: PET-CT within the window before the planned date."""
    pets = [i for i in ctx.history.imaging if i.modality is ImagingModality.PET_CT]
    return _pre_asct(ctx, PET_ID, "imaging", pets)


def evaluate_mrd(ctx: Context) -> Finding:
    """§11 mrd.pre_asct: an MRD test within the window before the planned date, any response."""
    return _pre_asct(ctx, MRD_ID, "mrd_tests", ctx.history.mrd_tests)


RULES: tuple[ItemRule, ...] = (
    ItemRule(PET_ID, "seed 000 (Mirgh 2026)", evaluate_pet),
    ItemRule(MRD_ID, "seed 000", evaluate_mrd),
)
