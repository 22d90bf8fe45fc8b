"""The patient's care items: status, due or since date, rationale; source on hover and below."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QColor

from mmtracker import i18n
from mmtracker.logic.care import CareItem, Status
from mmtracker.logic.history import Acknowledgement
from mmtracker.logic.units import UnitSystem
from mmtracker.ui.patient.entries import kind_label
from mmtracker.ui.widgets.statuses import snooze_text, snoozing, status_text
from mmtracker.ui.widgets.tables import ModelIndex

_COLOURS = {
    Status.ALERT: QColor("#b00020"),
    Status.OVERDUE: QColor("#c25400"),
    Status.DUE_SOON: QColor("#8a6d00"),
    Status.SNOOZED: QColor("#5f6b7a"),
}


class Column(IntEnum):
    ITEM = 0
    STATUS = 1
    DATE = 2
    RATIONALE = 3


def date_text(item: CareItem) -> str:
    """Due date (scheduled items), since-date (alerts) or snooze end, with what it is."""
    if item.status is Status.SNOOZED and item.snoozed_until is not None:
        return QCoreApplication.translate("PatientItems", "until {date}").format(
            date=item.snoozed_until.isoformat()
        )
    if item.since is not None:
        return QCoreApplication.translate("PatientItems", "since {date}").format(
            date=item.since.isoformat()
        )
    if item.due is not None:
        if item.days_overdue:
            return QCoreApplication.translate(
                "PatientItems", "due {date} ({days} days overdue)"
            ).format(date=item.due.isoformat(), days=item.days_overdue)
        return QCoreApplication.translate("PatientItems", "due {date}").format(
            date=item.due.isoformat()
        )
    return ""


def source_text(item: CareItem) -> str:
    """Where the rule comes from, and the entry that last satisfied it."""
    text = QCoreApplication.translate("PatientItems", "Source: {source}").format(source=item.source)
    if item.last is not None:
        text += "\n" + QCoreApplication.translate(
            "PatientItems", "Last satisfied by: {kind} of {date}"
        ).format(kind=kind_label(item.last.kind), date=item.last.date.isoformat())
    return text


class CareItemsModel(QAbstractTableModel):
    """One row per care item as the assessment gives them (clinical-rules.md §11 order)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[CareItem] = []
        self._texts: list[tuple[str, str, str, str]] = []
        self._snoozes: dict[str, str] = {}  # item id -> who snoozed it, when and why

    def set_items(
        self,
        items: Sequence[CareItem],
        units: UnitSystem,
        acknowledgements: Sequence[Acknowledgement] = (),
    ) -> None:
        """Show these items, their texts rendered in the installed language and ``units``;
        a snoozed item says who snoozed it, when and why (its acknowledgement)."""
        self.beginResetModel()
        self._items = list(items)
        self._snoozes = {
            i.id: snooze_text(ack)
            for i in self._items
            if i.snoozed_until is not None and (ack := snoozing(i, acknowledgements)) is not None
        }
        self._texts = [
            (i18n.item_title(i.id), status_text(i), date_text(i), i18n.render(i.message, units))
            for i in self._items
        ]
        self.endResetModel()

    def finding_text(self, row: int) -> str:
        """A row's status, date and rationale, as shown: "Overdue (due 2026-01-05): …"."""
        _title, status, when, rationale = self._texts[row]
        return f"{status} ({when}): {rationale}" if when else f"{status}: {rationale}"

    def item(self, row: int) -> CareItem:
        """The care item shown in a row."""
        return self._items[row]

    def row_of(self, item_id: str) -> int | None:
        """The row showing a care item, if shown."""
        return next((r for r, i in enumerate(self._items) if i.id == item_id), None)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008  # as above
        return 0 if parent.isValid() else len(Column)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            snooze = self._snoozes.get(item.id)
            tip = self._texts[index.row()][Column.RATIONALE] + "\n\n" + source_text(item)
            return f"{snooze}\n\n{tip}" if snooze else tip
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == Column.STATUS:
            return _COLOURS.get(item.status)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return (
            QCoreApplication.translate("PatientItems", "Care item"),
            QCoreApplication.translate("PatientItems", "Status"),
            QCoreApplication.translate("PatientItems", "Due / since"),
            QCoreApplication.translate("PatientItems", "Rationale"),
        )[section]
