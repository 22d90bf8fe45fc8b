"""Staging work-up at the diagnosis of active MM (clinical-rules.md §11 workup.staging, §3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mmtracker.logic.care import EntryRef, Finding, ItemRule
from mmtracker.logic.codes import Analyte, CytogeneticMethod, Phase
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days
from mmtracker.logic.history import Cytogenetics
from mmtracker.logic.messages import declare, msg

# §11 workup.staging, Satisfied by: each input resulted within 60 days before or after
# the first NDMM date (both ends inclusive).
RESULT_WINDOW_DAYS = 60

# §3a-c: the laboratory inputs of ISS, R-ISS and R2-ISS, named as the message lists them.
LAB_INPUTS: tuple[tuple[str, Analyte], ...] = (
    ("β2M", Analyte.B2M),
    ("albumin", Analyte.ALBUMIN),
    ("LDH", Analyte.LDH),
)

# §11 workup.staging: the FISH findings each needed (None on an entry means not tested).
FISH_INPUTS: tuple[tuple[str, Callable[[Cytogenetics], object]], ...] = (
    ("FISH del(17p)", lambda c: c.del_17p),
    ("FISH t(4;14)", lambda c: c.t_4_14),
    ("FISH t(14;16)", lambda c: c.t_14_16),
    ("FISH 1q", lambda c: c.gain_1q),
)

declare(
    {
        "workup.staging.no_ndmm": (),
        "workup.staging.missing": ("ndmm", "window_days", "missing", "due"),
        "workup.staging.complete": ("ndmm", "window_days", "completed"),
    }
)


def _near(day: dt.date, ndmm: dt.date) -> bool:
    return abs((day - ndmm).days) <= RESULT_WINDOW_DAYS


def _inputs_found(ctx: Context, ndmm: dt.date) -> dict[str, EntryRef | None]:
    """Each staging input and the first result of it in the window, if any."""
    found: dict[str, EntryRef | None] = {}
    for name, analyte in LAB_INPUTS:
        value = next((v for v in ctx.labs.series(analyte) if _near(v.date, ndmm)), None)
        found[name] = None if value is None else EntryRef("lab_results", value.entry.id, value.date)
    fish = [
        c
        for c in ctx.history.cytogenetics
        if c.method is CytogeneticMethod.FISH and _near(c.date, ndmm)
    ]
    for name, finding in FISH_INPUTS:
        entry = next((c for c in fish if finding(c) is not None), None)
        found[name] = None if entry is None else EntryRef("cytogenetics", entry.id, entry.date)
    return found


def evaluate(ctx: Context) -> Finding:
    """§11 workup.staging: β2M, albumin, LDH and FISH around the first NDMM date."""
    ndmm = ctx.phases.first(Phase.NDMM)
    if ndmm is None or not ctx.phases.active_mm:
        return Finding(False, msg("workup.staging.no_ndmm"))
    found = _inputs_found(ctx, ndmm.date)
    refs = [ref for ref in found.values() if ref is not None]
    if len(refs) < len(found):
        due = add_days(ndmm.date, ctx.policy.whole("workup.staging_days"))
        missing = ", ".join(name for name, ref in found.items() if ref is None)
        message = msg(
            "workup.staging.missing",
            ndmm=ndmm.date,
            window_days=RESULT_WINDOW_DAYS,
            missing=missing,
            due=due,
        )
        return Finding(True, message, due=due)
    last = max(refs, key=lambda ref: ref.date)
    message = msg(
        "workup.staging.complete",
        ndmm=ndmm.date,
        window_days=RESULT_WINDOW_DAYS,
        completed=last.date,
    )
    return Finding(True, message, last=last)


RULES: tuple[ItemRule, ...] = (
    ItemRule("workup.staging", "§3 (inputs of ISS/R-ISS/R2-ISS)", evaluate),
)
