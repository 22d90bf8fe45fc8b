"""The Patient view's Entries tab: a table per entry kind, and the forms that add, correct
and delete entries (mmtracker/ui/forms/)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from mmtracker.logic.history import Entry
from mmtracker.logic.units import UnitSystem
from mmtracker.ui.forms.entry_dialog import FormContext
from mmtracker.ui.patient.data import PatientData
from mmtracker.ui.patient.entries import EntriesModel, entry_kinds, kind_label
from mmtracker.ui.widgets.tables import RowsTable

FORMLESS = frozenset({"acknowledgements"})
"""Kinds recorded otherwise (an acknowledgement by Acknowledge / snooze): no new entry of
them here; they may still be corrected (their until-date and reason) and deleted."""


class EntriesPanel(QWidget):
    """The entries of one kind, newest first, with New / Correct / Delete.

    ``context`` gives what a form writes with, or None while the patient is not read.
    """

    def __init__(
        self, context: Callable[[], FormContext | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._data: PatientData | None = None
        self._units = UnitSystem.SI
        self.model = EntriesModel(self)
        self.kind = QComboBox()
        self.table = RowsTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(RowsTable.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(RowsTable.SelectionMode.SingleSelection)
        self.new_button = QPushButton()
        self.lab_button = QPushButton()  # the Patient view opens the lab panel
        self.history_button = QPushButton()  # and the history of changes
        self.details_button = QPushButton()  # and the patient's own details
        self.correct_button = QPushButton()
        self.delete_button = QPushButton()
        row = QHBoxLayout()
        row.addWidget(self.kind, 1)
        for button in (
            self.new_button,
            self.lab_button,
            self.correct_button,
            self.delete_button,
            self.history_button,
            self.details_button,
        ):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

        self.kind.currentIndexChanged.connect(self._show_entries)
        self.new_button.clicked.connect(self.new_entry)
        self.correct_button.clicked.connect(self.correct_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.opened.connect(lambda _index: self.correct_selected())  # Enter, double-click
        new = QShortcut(QKeySequence.StandardKey.New, self, self.new_entry)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the installed language."""
        self.new_button.setText(QCoreApplication.translate("PatientEntries", "&New entry…"))
        self.new_button.setToolTip(
            QCoreApplication.translate("PatientEntries", "Add an entry of this kind (Ctrl+N)")
        )
        self.lab_button.setText(QCoreApplication.translate("PatientEntries", "&Lab panel…"))
        self.lab_button.setToolTip(
            QCoreApplication.translate("PatientEntries", "Many lab results of one sample (Ctrl+L)")
        )
        self.correct_button.setText(QCoreApplication.translate("PatientEntries", "&Correct…"))
        self.delete_button.setText(QCoreApplication.translate("PatientEntries", "&Delete…"))
        self.history_button.setText(
            QCoreApplication.translate("PatientEntries", "&History of changes…")
        )
        self.details_button.setText(
            QCoreApplication.translate("PatientEntries", "&Patient details…")
        )
        self.details_button.setToolTip(
            QCoreApplication.translate(
                "PatientEntries", "Correct the MRN, name, sex, date of birth, height or status"
            )
        )
        if self._data is not None:
            self.show_data(self._data, self._units)

    def show_data(self, data: PatientData, units: UnitSystem) -> None:
        """Show ``data``'s entries, keeping the kind chosen."""
        self._data, self._units = data, units
        history = data.history
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in entry_kinds(history):
            count = len(getattr(history, kind))
            self.kind.addItem(f"{kind_label(kind)} ({count})", kind)
        found = self.kind.findData(current if current else "lab_results")
        self.kind.setCurrentIndex(max(found, 0))
        self.kind.blockSignals(False)
        self._show_entries()

    def show_kind(self, kind: str) -> None:
        """Show the entries of ``kind``."""
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))

    def current_kind(self) -> str | None:
        """The entry kind shown."""
        kind = self.kind.currentData()
        return str(kind) if kind else None

    def _show_entries(self) -> None:
        kind = self.current_kind()
        if self._data is None or kind is None:
            return
        self.model.set_entries(getattr(self._data.history, kind), self._units)
        self.table.resizeColumnsToContents()
        self._enable()

    def _enable(self) -> None:
        kind = self.current_kind()
        shown = kind is not None and self._data is not None
        chosen = bool(self.table.selectionModel().selectedRows())
        self.new_button.setEnabled(shown and kind not in FORMLESS)
        self.correct_button.setEnabled(shown and chosen)
        self.delete_button.setEnabled(shown and chosen)

    def _selected(self) -> Entry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry_at(rows[0].row()) if rows else None

    def new_entry(self) -> None:
        """A form for a new entry of the kind shown (Ctrl+N)."""
        from mmtracker.ui.forms.entry_dialog import EntryDialog

        kind, context = self.current_kind(), self._context()
        if kind is None or kind in FORMLESS or context is None:
            return
        EntryDialog(kind, context, None, self).open()

    def correct_selected(self) -> None:
        """A form correcting the selected entry."""
        from mmtracker.ui.forms.entry_dialog import EntryDialog

        kind, context, entry = self.current_kind(), self._context(), self._selected()
        if kind is None or context is None or entry is None:
            return
        EntryDialog(kind, context, entry, self).open()

    def delete_selected(self) -> None:
        """Ask why, then delete the selected entry."""
        from mmtracker.ui.forms.delete_dialog import DeleteDialog

        kind, context, entry = self.current_kind(), self._context(), self._selected()
        if kind is None or context is None or entry is None:
            return
        DeleteDialog(kind, entry, context, self).open()
