"""Staging work-up at the diagnosis of active MM (clinical-rules.md §11 workup.staging, §3;
D22, D30, D42).

Applies from the diagnosis of active MM: the first NDMM date or, for a patient with
no NDMM entry (care transferred in, D22), the first episode start. Satisfied when
β2M, albumin, LDH and each of del(17p), t(4;14), t(14;16) and 1q — reported as
tested, present or absent, by FISH, NGS or karyotype (D30) — resulted within 60
days of that date. Closes 12 months after it (D42), keeping "not done at diagnosis".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mmtracker.logic.care import EntryRef, Finding, ItemRule
from mmtracker.logic.codes import Analyte
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days, add_months
from mmtracker.logic.history import Cytogenetics
from mmtracker.logic.messages import declare, msg
from mmtracker.logic.staging import DIAGNOSIS_WINDOW_DAYS, diagnosis, in_window

CLOSES_AFTER_MONTHS = 12  # D42: workup.staging closes 12 months after its diagnosis date

# §3a-c: the laboratory inputs of ISS, R-ISS and R2-ISS, named as the message lists them.
LAB_INPUTS: tuple[tuple[str, Analyte], ...] = (
    ("β2M", Analyte.B2M),
    ("albumin", Analyte.ALBUMIN),
    ("LDH", Analyte.LDH),
)

# D30: the cytogenetic findings each needed, by any method (None on an entry means not
# tested), named by their staging input codes.
FISH_INPUTS: tuple[tuple[str, Callable[[Cytogenetics], object]], ...] = (
    ("del_17p", lambda c: c.del_17p),
    ("t_4_14", lambda c: c.t_4_14),
    ("t_14_16", lambda c: c.t_14_16),
    ("gain_1q", lambda c: c.gain_1q),
)

_ABOUT = ("phase", "diagnosis", "window_days")
declare(
    {
        "workup.staging.no_ndmm": (),
        "workup.staging.missing": (*_ABOUT, "missing", "due"),
        "workup.staging.complete": (*_ABOUT, "completed"),
        "workup.staging.closed_complete": (*_ABOUT, "completed", "closed"),
        "workup.staging.not_done_at_diagnosis": (*_ABOUT, "missing", "closed"),
    }
)


def _inputs_found(ctx: Context, day: dt.date) -> dict[str, EntryRef | None]:
    """Each staging input and the first result of it in the window, if any."""
    found: dict[str, EntryRef | None] = {}
    for name, analyte in LAB_INPUTS:
        value = next((v for v in ctx.labs.series(analyte) if in_window(v.date, day)), None)
        found[name] = None if value is None else EntryRef("lab_results", value.entry.id, value.date)
    tests = [c for c in ctx.history.cytogenetics if in_window(c.date, day)]
    for name, finding in FISH_INPUTS:
        entry = next((c for c in tests if finding(c) is not None), None)
        found[name] = None if entry is None else EntryRef("cytogenetics", entry.id, entry.date)
    return found


def evaluate(ctx: Context) -> Finding:
    """§11 workup.staging: β2M, albumin, LDH and cytogenetics around the diagnosis (D30, D42)."""
    found = diagnosis(ctx)
    if found is None:
        return Finding(False, msg("workup.staging.no_ndmm"))
    about = {
        "phase": found.phase.value,
        "diagnosis": found.date,
        "window_days": DIAGNOSIS_WINDOW_DAYS,
    }
    closes = add_months(found.date, CLOSES_AFTER_MONTHS)
    inputs = _inputs_found(ctx, found.date)
    refs = [ref for ref in inputs.values() if ref is not None]
    missing = ", ".join(name for name, ref in inputs.items() if ref is None)
    last = max(refs, key=lambda ref: ref.date) if len(refs) == len(inputs) else None
    if ctx.as_of >= closes:
        if last is None:
            message = msg(
                "workup.staging.not_done_at_diagnosis", missing=missing, closed=closes, **about
            )
            return Finding(False, message)
        message = msg("workup.staging.closed_complete", completed=last.date, closed=closes, **about)
        return Finding(False, message, last=last)
    if last is None:
        due = add_days(found.date, ctx.policy.whole("workup.staging_days"))
        message = msg("workup.staging.missing", missing=missing, due=due, **about)
        return Finding(True, message, due=due, changes_on=closes)
    message = msg("workup.staging.complete", completed=last.date, **about)
    return Finding(True, message, last=last, changes_on=closes)


RULES: tuple[ItemRule, ...] = (
    ItemRule("workup.staging", "§3 (inputs of ISS/R-ISS/R2-ISS)", evaluate),
)
