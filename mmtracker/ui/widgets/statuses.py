"""The names of the care items' statuses (clinical-rules.md §11 Status), one set for every
screen: the worklist and the Patient view say the same words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mmtracker.logic.care import CareItem, Status
from mmtracker.logic.worklist_order import Show, shown_as

if TYPE_CHECKING:
    from mmtracker.logic.history import Acknowledgement


def show_label(show: Show) -> str:
    """The name of a status as the worklist groups it (an alert with its severity)."""
    # The context is spelled out in each call: pyside6-lupdate reads only literals.
    return {
        Show.URGENT: QCoreApplication.translate("Statuses", "Alert (urgent)"),
        Show.OVERDUE: QCoreApplication.translate("Statuses", "Overdue"),
        Show.DUE_SOON: QCoreApplication.translate("Statuses", "Due soon"),
        Show.INFO: QCoreApplication.translate("Statuses", "Alert (info)"),
        Show.SNOOZED: QCoreApplication.translate("Statuses", "Snoozed"),
        Show.OK: QCoreApplication.translate("Statuses", "OK"),
    }[show]


def status_text(item: CareItem) -> str:
    """An item's status as the glossary names it (an alert with its severity)."""
    if item.status is Status.NOT_APPLICABLE:
        return QCoreApplication.translate("Statuses", "Not applicable")
    return show_label(shown_as(item))


def snoozing(item: CareItem, acknowledgements: Sequence[Acknowledgement]) -> Acknowledgement | None:
    """The acknowledgement that snoozes ``item``: the latest of its item reaching the date it
    is snoozed to (an until-date past ``snooze.max_days`` is capped to that date)."""
    until = item.snoozed_until
    found = [
        a
        for a in acknowledgements
        if a.item_id == item.id and until is not None and a.until >= until
    ]
    return max(found, key=lambda a: a.acknowledged_on, default=None)


def snooze_text(ack: Acknowledgement) -> str:
    """Who snoozed an item, when, until when and why."""
    return QCoreApplication.translate(
        "Statuses", "Snoozed until {until} by {who} on {on}: {reason}"
    ).format(
        until=ack.until.isoformat(),
        who=ack.acknowledged_by,
        on=ack.acknowledged_on.isoformat(),
        reason=ack.reason,
    )
