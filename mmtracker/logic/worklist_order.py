"""clinical-rules.md §11 "Worklist order": what a worklist shows and in which order.

Urgent alerts first, then overdue (most days overdue first), then due soon
(soonest due first); ties by patient name. Info alerts, snoozed and ok items
appear only when asked for.
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
    """Sort key: group, then most days overdue / soonest due, then patient name.

    Alerts are ordered by patient name alone: the due date some alert items carry
    (``vitd.level``) plays no part among them.
    """
    shown = shown_as(item)
    if shown is Show.OVERDUE:
        within = -(item.days_overdue or 0)
    elif item.due is not None and shown not in (Show.URGENT, Show.INFO):
        within = item.due.toordinal()
    else:
        within = 0
    return _RANK[shown], within, name, mrn, item.id
