"""Care items: what a rule finds, and how that becomes a status on a date (clinical-rules.md §11).

A rule returns a :class:`Finding` — whether the item applies, its due date, the
entry that last satisfied it, or the alert it raises. :func:`resolve` turns the
finding into a :class:`CareItem` with the §11 status, applying acknowledgements
(snoozes) and the precedence snoozed > alert > overdue > due_soon > ok >
not_applicable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from mmtracker.logic.dates import add_days
from mmtracker.logic.messages import Message

if TYPE_CHECKING:  # the worklist reads stored items without the history's classes
    from mmtracker.logic.context import Context
    from mmtracker.logic.history import Acknowledgement


class Status(StrEnum):
    NOT_APPLICABLE = "not_applicable"
    OK = "ok"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    ALERT = "alert"
    SNOOZED = "snoozed"


class Severity(StrEnum):
    URGENT = "urgent"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class EntryRef:
    """The entry that satisfied an item: its kind, id and date."""

    kind: str
    id: str
    date: dt.date


@dataclass(frozen=True, slots=True)
class Finding:
    """What a care-item rule found as of a date, before status and snoozes are applied.

    - ``applies`` False: the item is not applicable (``message`` says why).
    - a scheduled item gives ``due``: the date the next satisfying entry is due
      (None once satisfied for good).
    - an alert item gives ``alert`` (the severity) when its condition is met, and
      ``trigger_date``, the date it began (D45: the triggering value's date, or for
      missing data the day the data first became needed).
    - ``cites``: the ids of the entries the finding rests on (D40: a snooze covers
      an alert only while it cites the same entries).
    - ``changes_on``: the first date after as_of on which the rule could find
      something else with no new entry recorded, by the passage of time alone (a
      window opening or closing, a lapse, a lookback sliding past an entry); None
      when time alone never changes it. Until then the finding can be reused, its
      status following from ``due`` (:func:`status_for_due`).
    """

    applies: bool
    message: Message
    due: dt.date | None = None
    last: EntryRef | None = None
    alert: Severity | None = None
    trigger_date: dt.date | None = None
    changes_on: dt.date | None = None
    cites: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CareItem:
    """One care item as of a date, ready to show.

    D45: an alert has no due date but the date it began (``since``); a scheduled
    item has its due date and no ``since``.
    """

    id: str
    status: Status
    message: Message
    source: str
    due: dt.date | None = None
    last: EntryRef | None = None
    severity: Severity | None = None
    days_overdue: int | None = None
    snoozed_until: dt.date | None = None
    status_beneath_snooze: Status | None = None
    since: dt.date | None = None


def status_for_due(due: dt.date | None, as_of: dt.date, lead_days: int) -> Status:
    """§11 Status of an applicable scheduled item from its due date."""
    if due is None:
        return Status.OK
    if as_of > due:
        return Status.OVERDUE
    if add_days(due, -lead_days) <= as_of:
        return Status.DUE_SOON
    return Status.OK


def acknowledges(ack: Acknowledgement, finding: Finding) -> bool:
    """D40: whether an acknowledgement still covers what the rule finds now.

    It covers the finding it acknowledged: the same message id, the same severity,
    the same cited entries and, for a scheduled item, the same due date. A value
    cited that is dated after the acknowledgement ends it too (§11 Status). An
    acknowledgement without its finding covers nothing here:
    :func:`mmtracker.logic.assessment.acknowledged` completes it first.
    """
    if ack.finding_message_id is None:
        return False
    if (
        finding.alert is not None
        and finding.trigger_date is not None
        and finding.trigger_date > ack.acknowledged_on
    ):
        return False
    severity = finding.alert.value if finding.alert is not None else None
    return (
        ack.finding_message_id == finding.message.id
        and ack.finding_severity == severity
        and set(ack.finding_cites) == set(finding.cites)
        and (finding.alert is not None or ack.finding_due == finding.due)
    )


def covering_snooze(
    item_id: str,
    acknowledgements: Iterable[Acknowledgement],
    as_of: dt.date,
    max_days: int,
    finding: Finding,
) -> Acknowledgement | None:
    """The acknowledgement that snoozes this item on ``as_of``, if any.

    §11: covered while acknowledged_on ≤ as_of ≤ until, ``until`` capped at
    acknowledged_on + snooze.max_days, and while the finding is the one
    acknowledged (:func:`acknowledges`, D40). Of several covering
    acknowledgements the one covering longest is shown, so the snooze end shown
    does not change from day to day.
    """
    best: Acknowledgement | None = None
    best_until = as_of
    for ack in acknowledgements:
        if ack.item_id != item_id or ack.acknowledged_on > as_of:
            continue
        until = capped_until(ack, max_days)
        if as_of > until or not acknowledges(ack, finding):
            continue
        if best is None or (until, ack.acknowledged_on) > (best_until, best.acknowledged_on):
            best, best_until = ack, until
    return best


def capped_until(ack: Acknowledgement, max_days: int) -> dt.date:
    """The last day an acknowledgement snoozes: its ``until``, at most acknowledged_on + max_days."""
    return min(ack.until, add_days(ack.acknowledged_on, max_days))


def shown(
    item_id: str,
    message: Message,
    source: str,
    *,
    due: dt.date | None,
    last: EntryRef | None,
    severity: Severity | None,
    snoozed_until: dt.date | None,
    since: dt.date | None,
    as_of: dt.date,
    lead_days: int,
) -> CareItem:
    """An applicable item as shown on ``as_of``: its §11 status from due date, severity and snooze.

    Precedence snoozed > alert > overdue > due_soon > ok. The one place the
    precedence lives: the assessment and the stored state (whose rows keep due
    date, severity, snooze end and since-date) both call it.
    """
    status = Status.ALERT if severity is not None else status_for_due(due, as_of, lead_days)
    snoozed = snoozed_until is not None and as_of <= snoozed_until
    return CareItem(
        id=item_id,
        status=Status.SNOOZED if snoozed else status,
        message=message,
        source=source,
        due=due,
        last=last,
        severity=severity,
        days_overdue=(as_of - due).days if status is Status.OVERDUE and due else None,
        snoozed_until=snoozed_until if snoozed else None,
        status_beneath_snooze=status if snoozed else None,
        since=since,
    )


def resolve(
    item_id: str,
    source: str,
    finding: Finding,
    as_of: dt.date,
    lead_days: int,
    snooze_max_days: int,
    acknowledgements: Iterable[Acknowledgement],
) -> CareItem:
    """The §11 status of an item on ``as_of`` from what its rule found."""
    if not finding.applies:
        return CareItem(item_id, Status.NOT_APPLICABLE, finding.message, source, last=finding.last)
    snooze = covering_snooze(item_id, acknowledgements, as_of, snooze_max_days, finding)
    alerting = finding.alert is not None
    return shown(
        item_id,
        finding.message,
        source,
        due=None if alerting else finding.due,
        last=finding.last,
        severity=finding.alert,
        snoozed_until=capped_until(snooze, snooze_max_days) if snooze else None,
        since=finding.trigger_date if alerting else None,
        as_of=as_of,
        lead_days=lead_days,
    )


@dataclass(frozen=True, slots=True)
class ItemRule:
    """A care item of §11: its id, its source row, and the rule that evaluates it."""

    id: str
    source: str
    evaluate: Callable[[Context], Finding]
