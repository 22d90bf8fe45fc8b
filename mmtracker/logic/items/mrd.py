"""MRD testing at the end of induction, after transplant, in maintenance or continuous
therapy, and the loss of MRD negativity (clinical-rules.md §11, §6, D19, D23, D28, D39, D41).

Each scheduled item applies only while the current response (D23: since the
current episode started) is at least ``mrd.min_response`` (D19: confirmation not
required, and CR counts once immunofixation is negative). Its "due" message says
which response it rests on: confirmed, unconfirmed, or the negative immunofixation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from mmtracker.logic.care import EntryRef, Finding, ItemRule, Severity
from mmtracker.logic.codes import (
    Analyte,
    MrdResult,
    Phase,
    Qualitative,
    ResponseCategory,
    TreatmentIntent,
)
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days, add_months
from mmtracker.logic.history import LabResult, MrdTest, Transplant, TreatmentLine
from mmtracker.logic.messages import Message, ParamValue, declare, msg
from mmtracker.logic.response import current_response, meets, meets_min_response

END_OF_INDUCTION_ID = "mrd.end_of_induction"
DAY100_ID = "mrd.day100"
ANNUAL_ID = "mrd.annual"
MRD_LOST_ID = "alert.mrd_lost"

# §11 mrd.end_of_induction, Satisfied by: an MRD test from 30 d before to 60 d after
# the induction end (both ends inclusive).
INDUCTION_WINDOW_BEFORE_DAYS = 30
INDUCTION_WINDOW_AFTER_DAYS = 60
# §11 mrd.end_of_induction, Due: induction end + 30 d.
INDUCTION_DUE_DAYS = 30
# §11 mrd.end_of_induction, Closes: due + 90 d.
INDUCTION_CLOSE_AFTER_DUE_DAYS = 90
# §11 mrd.day100, Closes: transplant + 180 d.
DAY100_CLOSE_DAYS = 180
# D41: mrd.annual also applies in NDMM or RELAPSE on a line running more than 12 months.
CONTINUOUS_THERAPY_MONTHS = 12

# D19: the response an applicable item rests on, as the suffix of its "due" message
# and that suffix's parameters.
_BASIS_PARAMS: dict[str, tuple[str, ...]] = {
    "confirmed": ("category", "response_date"),
    "unconfirmed": ("category", "response_date"),
    "immunofixation": ("ife_date",),
}
_DUE_PARAMS: dict[str, tuple[str, ...]] = {
    "mrd.end_of_induction.due": ("end", "since", "until", "due"),
    "mrd.day100.due": ("performed", "from_day", "to_day", "since", "until"),
    "mrd.annual.after_test": ("last", "months", "due"),
    "mrd.annual.after_start": ("started", "months", "due"),
    "mrd.annual.after_line_start": ("started", "months", "due"),
}

declare(
    {
        **{
            f"{item}.{gate}": params
            for item in (END_OF_INDUCTION_ID, DAY100_ID, ANNUAL_ID)
            for gate, params in (
                ("no_response", ("minimum",)),
                ("below_minimum", ("minimum", "category", "date")),
            )
        },
        **{
            f"{key}.{basis}": params + basis_params
            for key, params in _DUE_PARAMS.items()
            for basis, basis_params in _BASIS_PARAMS.items()
        },
        "mrd.end_of_induction.no_induction_end": (),
        "mrd.end_of_induction.closed_asct": ("performed",),
        "mrd.end_of_induction.closed_maintenance": ("started",),
        "mrd.end_of_induction.closed_window": ("end", "due", "closed"),
        "mrd.end_of_induction.done": ("date", "end", "since", "until"),
        "mrd.day100.no_transplant": (),
        "mrd.day100.closed": ("performed", "closed"),
        "mrd.day100.done": ("date", "performed", "day"),
        "mrd.annual.not_maintenance": (),
        "mrd.annual.line_short": ("started", "until"),
        "alert.mrd_lost.no_episode": (),
        "alert.mrd_lost.no_negative": ("start",),
        "alert.mrd_lost.negative": ("mrd_date",),
        "alert.mrd_lost.mrd_positive": ("date", "mrd_date"),
        "alert.mrd_lost.immunofixation_positive": ("date", "mrd_date", "analyte"),
    }
)


@dataclass(frozen=True, slots=True)
class _Basis:
    """D19: the response an item rests on, as a message suffix and its parameters."""

    suffix: str
    params: dict[str, ParamValue]


def _basis(ctx: Context, item: str) -> _Basis | Finding:
    """Why ``item`` applies (D19), or the not-applicable finding when the response is below minimum."""
    minimum = ResponseCategory(ctx.policy.choice("mrd.min_response"))
    current = current_response(ctx)
    if current is not None and meets(current.category, minimum):
        suffix = "confirmed" if current.confirmed else "unconfirmed"
        return _Basis(suffix, {"category": current.category.value, "response_date": current.date})
    if meets_min_response(ctx, minimum):
        ife = ctx.labs.qualitative(Analyte.SERUM_IFE)[-1]
        return _Basis("immunofixation", {"ife_date": ife.date})
    if current is None:
        return Finding(False, msg(f"{item}.no_response", minimum=minimum.value))
    message = msg(
        f"{item}.below_minimum",
        minimum=minimum.value,
        category=current.category.value,
        date=current.date,
    )
    return Finding(False, message)


def _due_message(key: str, basis: _Basis, **params: ParamValue) -> Message:
    return msg(f"{key}.{basis.suffix}", **params, **basis.params)


def _ref(test: MrdTest) -> EntryRef:
    return EntryRef("mrd_tests", test.id, test.date)


def _latest_within(tests: Sequence[MrdTest], since: dt.date, until: dt.date) -> MrdTest | None:
    """The latest test dated from ``since`` to ``until``, both inclusive."""
    return next((t for t in reversed(tests) if since <= t.date <= until), None)


def _performed(transplants: Sequence[Transplant]) -> list[dt.date]:
    """The dates of the transplants performed; a withdrawn plan is not one (D39)."""
    return [
        t.performed_date
        for t in transplants
        if t.performed_date is not None and t.withdrawn_date is None
    ]


def _first_induction(ctx: Context) -> TreatmentLine | None:
    lines = [t for t in ctx.history.treatment_lines if t.intent is TreatmentIntent.INDUCTION]
    return min(lines, key=lambda t: (t.start_date, t.line_number), default=None)


def _induction_closed(ctx: Context, end: dt.date, due: dt.date) -> Message | None:
    """§11 mrd.end_of_induction, Closes: ASCT performed (not withdrawn, D39), maintenance
    started, or due + 90 d.

    Maintenance starts with a MAINTENANCE phase change or a maintenance-intent line;
    the earliest closing event names the reason.
    """
    closing: list[tuple[dt.date, Message]] = []
    performed = min(_performed(ctx.history.transplants), default=None)
    if performed is not None:
        closing.append((performed, msg("mrd.end_of_induction.closed_asct", performed=performed)))
    starts = [
        t.start_date for t in ctx.history.treatment_lines if t.intent is TreatmentIntent.MAINTENANCE
    ]
    phase = ctx.phases.first(Phase.MAINTENANCE)
    if phase is not None:
        starts.append(phase.date)
    if starts:
        started = min(starts)
        closing.append((started, msg("mrd.end_of_induction.closed_maintenance", started=started)))
    expiry = add_days(due, INDUCTION_CLOSE_AFTER_DUE_DAYS)
    if ctx.as_of >= expiry:
        closing.append(
            (expiry, msg("mrd.end_of_induction.closed_window", end=end, due=due, closed=expiry))
        )
    return min(closing, key=lambda c: c[0])[1] if closing else None


def evaluate_end_of_induction(ctx: Context) -> Finding:
    """§11 mrd.end_of_induction: MRD around the end of the first induction line."""
    line = _first_induction(ctx)
    if line is None or line.end_date is None:
        return Finding(False, msg("mrd.end_of_induction.no_induction_end"))
    end = line.end_date
    due = add_days(end, INDUCTION_DUE_DAYS)
    since = add_days(end, -INDUCTION_WINDOW_BEFORE_DAYS)
    until = add_days(end, INDUCTION_WINDOW_AFTER_DAYS)
    test = _latest_within(ctx.history.mrd_tests, since, until)
    last = _ref(test) if test else None
    closed = _induction_closed(ctx, end, due)
    if closed is not None:
        return Finding(False, closed, last=last)
    # Open: no transplant or maintenance yet, so it closes when the window expires.
    closes = add_days(due, INDUCTION_CLOSE_AFTER_DUE_DAYS)
    basis = _basis(ctx, END_OF_INDUCTION_ID)
    if isinstance(basis, Finding):
        return replace(basis, changes_on=closes)
    if test is not None:
        message = msg(
            "mrd.end_of_induction.done", date=test.date, end=end, since=since, until=until
        )
        return Finding(True, message, last=last, changes_on=closes)
    message = _due_message(
        "mrd.end_of_induction.due", basis, end=end, since=since, until=until, due=due
    )
    return Finding(True, message, due=due, changes_on=closes)


def evaluate_day100(ctx: Context) -> Finding:
    """§11 mrd.day100: MRD on day 80-120 after the latest transplant performed (D39)."""
    performed = max(_performed(ctx.history.transplants), default=None)
    if performed is None:
        return Finding(False, msg("mrd.day100.no_transplant"))
    from_day = ctx.policy.whole("mrd.day100_from")
    to_day = ctx.policy.whole("mrd.day100_to")
    since, until = add_days(performed, from_day), add_days(performed, to_day)
    test = _latest_within(ctx.history.mrd_tests, since, until)
    last = _ref(test) if test else None
    closes = add_days(performed, DAY100_CLOSE_DAYS)
    if ctx.as_of >= closes:
        return Finding(
            False, msg("mrd.day100.closed", performed=performed, closed=closes), last=last
        )
    basis = _basis(ctx, DAY100_ID)
    if isinstance(basis, Finding):
        return replace(basis, changes_on=closes)
    if test is not None:
        day = (test.date - performed).days
        message = msg("mrd.day100.done", date=test.date, performed=performed, day=day)
        return Finding(True, message, last=last, changes_on=closes)
    message = _due_message(
        "mrd.day100.due",
        basis,
        performed=performed,
        from_day=from_day,
        to_day=to_day,
        since=since,
        until=until,
    )
    return Finding(True, message, due=until, changes_on=closes)


@dataclass(frozen=True, slots=True)
class _AnnualStart:
    """What mrd.annual counts from without an MRD test: the maintenance or continuous line start."""

    key: str
    started: dt.date


def _annual_start(ctx: Context) -> _AnnualStart | Finding:
    """§11 mrd.annual, D41: maintenance, or NDMM/RELAPSE on a line running more than 12 months.

    A running line is one of the current episode (D22) with no end date by as_of;
    of several, the earliest started counts. The day it has run exactly 12
    months it does not apply yet; from the day after it does.
    """
    current = ctx.phases.current
    if current is not None and current.phase is Phase.MAINTENANCE:
        return _AnnualStart("mrd.annual.after_start", current.date)
    episode = ctx.episode
    if current is None or current.phase not in (Phase.NDMM, Phase.RELAPSE) or episode is None:
        return Finding(False, msg("mrd.annual.not_maintenance"))
    running = [line for line in episode.lines if line.end_date is None]
    if not running:
        return Finding(False, msg("mrd.annual.not_maintenance"))
    started = min(line.start_date for line in running)
    until = add_months(started, CONTINUOUS_THERAPY_MONTHS)
    if ctx.as_of <= until:
        message = msg("mrd.annual.line_short", started=started, until=until)
        return Finding(False, message, changes_on=add_days(until, 1))
    return _AnnualStart("mrd.annual.after_line_start", started)


def evaluate_annual(ctx: Context) -> Finding:
    """§11 mrd.annual: an MRD test every 12 months in maintenance or continuous therapy (D41).

    Due 12 months (D18 month arithmetic) after the last MRD test, or with none
    after the maintenance phase (or the running line) started.
    """
    start = _annual_start(ctx)
    if isinstance(start, Finding):
        return start
    basis = _basis(ctx, ANNUAL_ID)
    if isinstance(basis, Finding):
        return basis
    months = ctx.policy.whole("mrd.annual_months")
    tests = ctx.history.mrd_tests
    if not tests:
        due = add_months(start.started, months)
        message = _due_message(start.key, basis, started=start.started, months=months, due=due)
        return Finding(True, message, due=due)
    last = tests[-1]
    due = add_months(last.date, months)
    message = _due_message("mrd.annual.after_test", basis, last=last.date, months=months, due=due)
    return Finding(True, message, due=due, last=_ref(last))


def _negative(test: MrdTest) -> bool:
    return test.result is MrdResult.NEGATIVE


def _turned_positive(results: Sequence[LabResult], negative: MrdTest) -> LabResult | None:
    """D28: the first positive of the latest run of positive immunofixations, when that run
    is dated after the MRD-negative result and the latest result is positive.

    A run that had already begun on or before the MRD-negative result (no negative
    immunofixation in between) has not turned positive after it.
    """
    if not results or results[-1].qualitative is not Qualitative.POSITIVE:
        return None
    run_start = len(results) - 1
    while run_start > 0 and results[run_start - 1].qualitative is Qualitative.POSITIVE:
        run_start -= 1
    first = results[run_start]
    return first if first.date > negative.date else None


def evaluate_mrd_lost(ctx: Context) -> Finding:
    """§11 alert.mrd_lost (D28): loss of MRD negativity within the current episode.

    Applies once an MRD-negative result is dated after the episode start (D22);
    urgent when the episode's latest MRD test is positive after it, or serum or
    urine immunofixation turns positive after it. A new episode closes it.
    Reading where D28 is silent, erring toward showing: a negative result counts
    whatever its sensitivity, and the latest negative is the reference.
    """
    episode = ctx.episode
    if episode is None:
        return Finding(False, msg("alert.mrd_lost.no_episode"))
    tests = [t for t in ctx.history.mrd_tests if t.date > episode.start]
    negatives = [t for t in tests if _negative(t)]
    if not negatives:
        return Finding(False, msg("alert.mrd_lost.no_negative", start=episode.start))
    negative = negatives[-1]
    latest = tests[-1]
    if not _negative(latest):
        message = msg("alert.mrd_lost.mrd_positive", date=latest.date, mrd_date=negative.date)
        return Finding(
            True,
            message,
            alert=Severity.URGENT,
            trigger_date=latest.date,
            cites=(negative.id, latest.id),
        )
    turned = [
        found
        for analyte in (Analyte.SERUM_IFE, Analyte.URINE_IFE)
        if (found := _turned_positive(_episode_results(ctx, analyte), negative)) is not None
    ]
    if turned:
        first = min(turned, key=lambda r: r.date)
        message = msg(
            "alert.mrd_lost.immunofixation_positive",
            date=first.date,
            mrd_date=negative.date,
            analyte=first.analyte.value,
        )
        return Finding(
            True,
            message,
            alert=Severity.URGENT,
            trigger_date=first.date,
            cites=(negative.id, *(r.id for r in turned)),
        )
    return Finding(True, msg("alert.mrd_lost.negative", mrd_date=negative.date))


def _episode_results(ctx: Context, analyte: Analyte) -> list[LabResult]:
    """The qualitative results of ``analyte`` since the current episode started, oldest first."""
    episode = ctx.episode
    assert episode is not None
    return [
        r
        for r in ctx.labs.qualitative(analyte)
        if r.date > episode.start and r.qualitative is not None
    ]


RULES: tuple[ItemRule, ...] = (
    ItemRule(END_OF_INDUCTION_ID, "§6 (timepoint [U])", evaluate_end_of_induction),
    ItemRule(DAY100_ID, "§6", evaluate_day100),
    ItemRule(ANNUAL_ID, "§6 EHA-ESMO 2021 [V]; D41", evaluate_annual),
    ItemRule(MRD_LOST_ID, "§4 relapse from MRD-negative; D28", evaluate_mrd_lost),
)
