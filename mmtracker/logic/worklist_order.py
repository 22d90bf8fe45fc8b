"""clinical-rules.md §11 "Worklist order": what a worklist shows and in which order.

Urgent alerts first, oldest since-date first (D45: the date the alert began),
then overdue (most days overdue first), then due soon (soonest due first); ties
by patient name. Info alerts, snoozed and ok items appear only when asked for.
"""

from __future__ import annotations

from enum import StrEnum

from mmtracker.logic.care import CareItem, Severity, Status


class Show(StrEnum):
    """What a worklist may show, in §11 order: the first three by default."""

    URGENT = "urgent"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    INFO = "info"
    SNOOZED = "snoozed"
    OK = "ok"


DEFAULT_SHOW = frozenset({Show.URGENT, Show.OVERDUE, Show.DUE_SOON})
_RANK = {show: rank for rank, show in enumerate(Show)}


def shown_as(item: CareItem) -> Show:
    """Where an applicable item falls on the worklist."""
    if item.status is Status.ALERT:
        return Show.URGENT if item.severity is Severity.URGENT else Show.INFO
    return Show(item.status.value)


def order_key(item: CareItem, name: str, mrn: str) -> tuple[int, int, str, str, str]:
    """Sort key: group, then oldest since-date / most days overdue / soonest due, then name.

    D45: alerts are ordered by the date they began, oldest first; an alert without
    a since-date sorts before every dated one (it errs toward showing). Their due
    date plays no part: an alerting item carries none. Snoozed and ok items follow
    their due date (or since-date).
    """
    shown = shown_as(item)
    if shown in (Show.URGENT, Show.INFO):
        within = item.since.toordinal() if item.since is not None else 0
    elif shown is Show.OVERDUE:
        within = -(item.days_overdue or 0)
    else:
        day = item.due or item.since
        within = day.toordinal() if day is not None else 0
    return _RANK[shown], within, name, mrn, item.id
