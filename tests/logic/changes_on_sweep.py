"""A day-by-day check of what ``Finding.changes_on`` and ``state_valid_until`` promise.

For one history, every day of a window is assessed afresh (a new Context each day).
Every day is then a start date: the findings stay the same (all fields but
``changes_on``) up to the day before its ``valid_until``, and each finding up to
the day before its own bound, ``changes_on`` or the next date the record reveals
something. A ``changes_on`` before that reveal is exact: the finding differs on it.
``next_known_date`` is exact as well: the history as known changes on it and not before.

Only the standard library and ``mmtracker.logic`` are used, so the demo sweep in
tests/ can use it too.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, fields
from operator import attrgetter

from mmtracker.logic.assessment import item_findings, state_valid_until
from mmtracker.logic.care import Finding
from mmtracker.logic.context import Context
from mmtracker.logic.history import PatientHistory
from mmtracker.logic.policy import Policy


@dataclass
class SweepStats:
    """What a sweep saw. ``starts`` counts the start days whose findings changed later in
    the window; each of them is ``exact`` (valid_until is the day they changed) or early,
    because of a revealed entry or fact that changed no finding (``early_reveal``) or of a
    rule's changes_on that changed nothing (``early_rule``). ``unchanged_early``: a
    valid_until inside the window although nothing changed up to its end."""

    histories: int = 0
    days: int = 0
    starts: int = 0
    exact: int = 0
    early_reveal: int = 0
    early_rule: int = 0
    unchanged_early: int = 0
    rule_exact: Counter[str] = field(default_factory=Counter)

    def add(self, other: SweepStats) -> None:
        self.histories += other.histories
        self.days += other.days
        self.starts += other.starts
        self.exact += other.exact
        self.early_reveal += other.early_reveal
        self.early_rule += other.early_rule
        self.unchanged_early += other.unchanged_early
        self.rule_exact.update(other.rule_exact)


@dataclass(frozen=True, slots=True)
class _Day:
    day: dt.date
    ids: tuple[str, ...]
    findings: tuple[tuple[object, ...], ...]  # every field but changes_on, to compare
    changes_on: tuple[dt.date | None, ...]
    valid_until: dt.date | None
    next_known: dt.date | None
    known: PatientHistory


# A finding's fields but changes_on: what must stay the same up to a bound.
_compared = attrgetter(*(f.name for f in fields(Finding) if f.name != "changes_on"))


def _assess(history: PatientHistory, day: dt.date, policy: Policy) -> _Day:
    ctx = Context(history, day, policy)
    pairs = item_findings(ctx)
    findings = [finding for _, finding in pairs]
    return _Day(
        day=day,
        ids=tuple(rule.id for rule, _ in pairs),
        findings=tuple(map(_compared, findings)),
        changes_on=tuple(f.changes_on for f in findings),
        valid_until=state_valid_until(ctx, findings),
        next_known=ctx.next_known,
        known=ctx.history,
    )


def _earliest(*days: dt.date | None) -> dt.date | None:
    return min((d for d in days if d is not None), default=None)


def sweep(history: PatientHistory, first: dt.date, last: dt.date, policy: Policy) -> SweepStats:
    """Assess every day from ``first`` to ``last`` and check every day as a start date."""
    rows = [
        _assess(history, first + dt.timedelta(days=k), policy)
        for k in range((last - first).days + 1)
    ]
    count = len(rows[0].ids)
    # The first later day in the window on which the findings, each finding, or the
    # history as known differ from this day's (None: not up to ``last``).
    next_state: list[dt.date | None] = [None] * len(rows)
    next_item: list[list[dt.date | None]] = [[None] * count for _ in rows]
    next_history: list[dt.date | None] = [None] * len(rows)
    for i in range(len(rows) - 2, -1, -1):
        now, then = rows[i], rows[i + 1]
        next_state[i] = then.day if then.findings != now.findings else next_state[i + 1]
        next_history[i] = then.day if then.known != now.known else next_history[i + 1]
        for j in range(count):
            same = then.findings[j] == now.findings[j]
            next_item[i][j] = next_item[i + 1][j] if same else then.day

    mrn = history.patient.mrn
    stats = SweepStats(histories=1, days=len(rows))
    for i, row in enumerate(rows):
        where = f"{mrn} on {row.day}"
        reveal = row.next_known
        if reveal is None or reveal <= last:
            assert reveal == next_history[i], f"{where}: next_known_date {reveal}"
        else:
            assert next_history[i] is None, f"{where}: revealed {next_history[i]}"
        for j, item_id in enumerate(row.ids):
            changes_on = row.changes_on[j]
            changed = next_item[i][j]
            assert changes_on is None or changes_on > row.day, f"{where}: {item_id} {changes_on}"
            bound = _earliest(changes_on, reveal)
            if changed is not None:
                after = rows[i + (changed - row.day).days].findings[j]
                assert (bound or dt.date.max) <= changed, (
                    f"{where}: {item_id} changes on {changed} (changes_on {changes_on}, "
                    f"next known {reveal}): {row.findings[j]} → {after}"
                )
            if (
                changes_on is not None
                and changes_on <= last
                and (reveal is None or changes_on < reveal)
            ):
                # Time alone, no entry revealed before it: the finding differs on that very day.
                assert changed == changes_on, (
                    f"{where}: {item_id} changes_on {changes_on} is early (changes on {changed})"
                )
                stats.rule_exact[item_id] += 1
        valid_until, changed = row.valid_until, next_state[i]
        if changed is None:
            if valid_until is not None and valid_until <= last:
                stats.unchanged_early += 1
            continue
        stats.starts += 1
        assert (valid_until or dt.date.max) <= changed, (
            f"{where}: findings change on {changed}, valid_until {valid_until}"
        )
        if valid_until == changed:
            stats.exact += 1
        elif valid_until == reveal:
            stats.early_reveal += 1
        else:
            stats.early_rule += 1
    return stats
