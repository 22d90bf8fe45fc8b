"""The Patients screen: the patient list with a search box; a double-click or Enter opens one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mmtracker.ui.patients.model import PATIENT_ID_ROLE, Column, PatientTableModel
from mmtracker.ui.widgets.search import SearchBox
from mmtracker.ui.widgets.tables import RowsTable

if TYPE_CHECKING:
    from mmtracker.storage.patient_list import PatientListRow

SIZE_SAMPLE_ROWS = 20
"""Rows beyond the visible ones whose texts size the columns: the widths come from a
sample, not from reading every row of a long list at each layout."""


class PatientsScreen(QWidget):
    """Every patient of the database: MRN, name, age, phase, last visit."""

    open_patient = Signal(int)
    """The id of the patient to open."""
    new_patient = Signal()
    """A new patient is asked for (the button, or Ctrl+N in the list)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PatientTableModel(self)

        self.search_box = SearchBox()
        self.search_box.textChanged.connect(self._filter)

        self.table = RowsTable()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        # A click on a column's header sorts by it, in the model (see model.py), which also
        # filters its rows.
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sortIndicatorChanged.connect(self._sort)
        header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        # The MRN tells apart patients of one name: as wide as the longest, whatever is shown.
        header.setSectionResizeMode(Column.MRN, QHeaderView.ResizeMode.Interactive)
        # Each column is as wide as its texts in the visible rows and a sample of the others.
        header.setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
        self.table.opened.connect(self._open)
        self.search_box.down.connect(self.table.enter)
        self.search_box.enter.connect(self.table.open_selected)

        self.count_label = QLabel()
        self._listed = False  # no count until the list is read
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_patient)
        new = QShortcut(QKeySequence.StandardKey.New, self, self.new_patient.emit)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text again, in the installed language."""
        self.search_box.setPlaceholderText(self.tr("Search by MRN or name"))
        self.new_button.setText(self.tr("&New patient…"))
        self.new_button.setToolTip(self.tr("Register a patient (Ctrl+N)"))
        self.table.setAccessibleName(self.tr("Patient list"))
        self.model.retranslate()
        self._update_count()

    def show_rows(self, rows: list[PatientListRow]) -> None:
        """Show these patients, keeping the selected one selected."""
        selected = self.selected_patient_id()
        self._listed = True
        self.model.set_rows(rows)
        longest = max((r.mrn for r in rows), key=len, default="")
        metrics = self.table.fontMetrics()
        title = str(self.model.headerData(Column.MRN, Qt.Orientation.Horizontal))
        wanted = max(metrics.horizontalAdvance(longest), metrics.horizontalAdvance(title))
        self.table.horizontalHeader().resizeSection(Column.MRN, wanted + 24)
        if selected is not None:
            self.select(selected)
        self._update_count()

    def selected_patient_id(self) -> int | None:
        """The id of the selected patient, if one is selected."""
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(PATIENT_ID_ROLE)) if rows else None

    def select(self, patient_id: int) -> None:
        """Select a patient's row, when the patient is listed and not filtered out."""
        row = self.model.row_of(patient_id)
        if row is not None:
            self.table.selectRow(row)

    def _open(self, index: QModelIndex) -> None:
        self.open_patient.emit(int(index.data(PATIENT_ID_ROLE)))

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        """Sort the list by a column, keeping the selected patient selected."""
        selected = self.selected_patient_id()
        self.model.sort(column, order)
        if selected is not None:
            self.select(selected)

    def _filter(self, text: str) -> None:
        selected = self.selected_patient_id()
        self.model.set_filter(text)
        if selected is not None:
            self.select(selected)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        if not self._listed:
            self.count_label.clear()
        elif shown == total:
            self.count_label.setText(self.tr("Patients: {count}").format(count=total))
        else:
            self.count_label.setText(
                self.tr("Patients: {shown} of {count}").format(shown=shown, count=total)
            )
