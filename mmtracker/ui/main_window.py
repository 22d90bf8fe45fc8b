"""The main window: the patient list with a search box, kept fresh across workstations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from mmtracker.storage.engine import StorageError
from mmtracker.storage.patient_list import patient_list, revisions
from mmtracker.ui.hub import Hub
from mmtracker.ui.patient_table import PATIENT_ID_ROLE, SEARCH_ROLE, Column, PatientTableModel

POLL_INTERVAL_MS = 60_000


def database_label(url: str | URL) -> str:
    """How a database is named to the user: the file of SQLite, the URL without password otherwise."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return str(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


class MainWindow(QMainWindow):
    """The patient list of one database; "DEMO" in the title on the demo database."""

    def __init__(
        self,
        engine: Engine,
        *,
        demo: bool,
        hub: Hub | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        poll_interval_ms: int = POLL_INTERVAL_MS,
    ) -> None:
        super().__init__()
        self._engine = engine
        self._today = today
        self._as_of = today()
        self._revisions: dict[int, int] = {}
        self.hub = hub or Hub(self)

        database = database_label(engine.url)
        if demo:
            self.setWindowTitle(self.tr("mmtracker — DEMO — {database}").format(database=database))
        else:
            self.setWindowTitle(self.tr("mmtracker — {database}").format(database=database))

        self.model = PatientTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortLocaleAware(True)

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search by MRN or name"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._filter)

        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Patient list"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search_box)
        layout.addWidget(self.table)
        self.setCentralWidget(central)

        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)

        menu = self.menuBar().addMenu(self.tr("&File"))
        refresh = menu.addAction(self.tr("&Refresh"))
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        menu.addSeparator()
        quit_action = menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        self.hub.patient_changed.connect(self.refresh)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_interval_ms)
        self.poll_timer.timeout.connect(self.poll)
        self.poll_timer.start()

        self.resize(900, 600)
        self.refresh()

    def refresh(self) -> None:
        """Read the patient list again, keeping the selected patient selected."""
        as_of = self._today()
        try:
            current = revisions(self._engine)
            rows = patient_list(self._engine, as_of)
        except StorageError as exc:
            self._report(exc)
            return
        selected = self.selected_patient_id()
        self._as_of, self._revisions = as_of, current
        self.model.set_rows(rows)
        if selected is not None:
            self._select(selected)
        self._update_count()

    def poll(self) -> None:
        """Refresh when another workstation changed a patient or the day turned."""
        if self._today() != self._as_of:
            self.refresh()
            return
        try:
            current = revisions(self._engine)
        except StorageError as exc:
            self._report(exc)
            return
        if current != self._revisions:
            self.refresh()

    def selected_patient_id(self) -> int | None:
        """The id of the selected patient, if one is selected."""
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(PATIENT_ID_ROLE)) if rows else None

    def _select(self, patient_id: int) -> None:
        row = self.model.row_of(patient_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("Patients: {count}").format(count=total))
        else:
            self.count_label.setText(
                self.tr("Patients: {shown} of {count}").format(shown=shown, count=total)
            )

    def _report(self, error: StorageError) -> None:
        self.statusBar().showMessage(
            self.tr("The database could not be read: {error}").format(error=error)
        )
