"""A window onto part of the audit, newest first: when, who, what, why and what changed, a
row each (mmtracker/storage/audit_trail.py), read off the GUI thread. A patient's history
(mmtracker/ui/patient/audit_dialog.py) and an account's (mmtracker/ui/account_history.py)
say each row in their own words."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mmtracker.ui.workers import run_task

if TYPE_CHECKING:
    from mmtracker.storage.audit_trail import AuditEntry


class TrailDialog(QDialog):
    """The rows ``read`` gives (in the worker thread), each shown by ``cells`` as when, who,
    what, why and changes; ``summary`` says how many above them."""

    def __init__(
        self,
        title: str,
        read: Callable[[], list[AuditEntry]],
        cells: Callable[[AuditEntry], tuple[str, str, str, str, str]],
        summary: Callable[[list[AuditEntry]], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._cells, self._summary = cells, summary
        self.setWindowTitle(title)
        self.resize(1000, 520)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("TrailDialog", "When"),
                QCoreApplication.translate("TrailDialog", "Who"),
                QCoreApplication.translate("TrailDialog", "What"),
                QCoreApplication.translate("TrailDialog", "Why"),
                QCoreApplication.translate("TrailDialog", "Changes"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.state = QLabel(QCoreApplication.translate("TrailDialog", "Reading the history…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        run_task(self, lambda _progress: read(), self.show_trail, self.state.setText)

    def show_trail(self, trail: list[AuditEntry]) -> None:
        """Show the rows, newest first."""
        self.table.setRowCount(len(trail))
        for row, entry in enumerate(trail):
            for column, text in enumerate(self._cells(entry)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()  # a long change whole, on as many lines as it needs
        self.state.setText(self._summary(trail))
