"""The tables of the lists: rows selected whole, read-only, and opened by Enter; and the
read-only model they show."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


class RowsTable(QTableView):
    """A list of rows: Enter opens the current row, as a double-click does (``opened``)."""

    opened = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.doubleClicked.connect(self.opened)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt names it
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.opened.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def enter(self) -> None:
        """Take the keyboard, on the selected row or else the first (from a search box)."""
        self.setFocus()
        if not self.selectionModel().selectedRows() and self.model().rowCount() > 0:
            self.selectRow(0)

    def open_selected(self) -> None:
        """Open the selected row, or the first when none is (Enter in a search box)."""
        self.enter()
        rows = self.selectionModel().selectedRows()
        if rows:
            self.opened.emit(rows[0])


ModelIndex = QModelIndex | QPersistentModelIndex


def same_rows(first: Sequence[object], second: Sequence[object]) -> bool:
    """Whether two lists hold the very same row objects in the same order (cheap: identity)."""
    return len(first) == len(second) and all(a is b for a, b in zip(first, second, strict=True))


class RowsModel(QAbstractTableModel):
    """A read-only table model of rows: subclasses keep ``_headers`` (column -> title, the
    columns in order) and say how many rows they show (:meth:`shown_count`)."""

    _headers: Mapping[Any, str] = {}  # an IntEnum of the columns, or int

    def shown_count(self) -> int:
        """How many rows are shown."""
        raise NotImplementedError

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        return 0 if parent.isValid() else self.shown_count()

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008  # as above
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(section)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
