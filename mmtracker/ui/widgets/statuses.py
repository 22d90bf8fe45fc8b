"""The names of the care items' statuses (clinical-rules.md §11 Status), one set for every
screen: the worklist and the Patient view say the same words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mmtracker.logic.care import CareItem, Status
from mmtracker.logic.worklist_order import Show, shown_as

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
