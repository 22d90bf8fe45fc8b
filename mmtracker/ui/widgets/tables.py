"""The tables of the lists: rows selected whole, read-only, and opened by Enter."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
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
