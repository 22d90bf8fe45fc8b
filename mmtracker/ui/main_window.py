"""The main window: the patient list with a search box, kept fresh across workstations.

The window can be shown before its database is open: it then says that the
database is being opened until :meth:`MainWindow.show_database` gives it the
database and its patient list, read off the GUI thread (mmtracker/ui/app.py).
Nothing of the database layer (SQLAlchemy, the tables) is imported before that,
so that the window comes up at once.

Given the care policy, the window also brings the stored care-item state up to
date (re-assessing stale patients, e.g. after an upgrade of the rules) in a
worker thread with a progress bar, at start and when the day turns: the GUI
thread never waits for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mmtracker.ui.hub import Hub
from mmtracker.ui.patient_table import PATIENT_ID_ROLE, SEARCH_ROLE, Column, PatientTableModel
from mmtracker.ui.workers import Progress, Task

if TYPE_CHECKING:  # the database layer is imported where it is used, once a database is open
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL

    from mmtracker.logic.policy import Policy
    from mmtracker.storage.engine import StorageError
    from mmtracker.storage.patient_list import PatientListRow

POLL_INTERVAL_MS = 60_000
SIZE_SAMPLE_ROWS = 20
"""Rows beyond the visible ones whose texts size the columns: the widths come from a
sample, not from reading every row of a long list at each layout."""


def database_label(url: str | URL) -> str:
    """How a database is named to the user: the file of SQLite, the URL without password otherwise."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return str(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


@dataclass(frozen=True, slots=True)
class Listing:
    """The patient list as of a day, with the revision counters read just before it."""

    as_of: dt.date
    revisions: dict[int, int]
    rows: list[PatientListRow]


def read_listing(engine: Engine, as_of: dt.date) -> Listing:
    """The patient list as of ``as_of``; raises StorageError when the database cannot be read."""
    from mmtracker.storage import patient_list as listing

    current = listing.revisions(engine)
    return Listing(as_of, current, listing.patient_list(engine, as_of))


@dataclass(frozen=True, slots=True)
class OpenDatabase:
    """A database opened for the window, with what the window shows of it first."""

    engine: Engine
    demo: bool
    """Opened as the demo database, or marked as a demo database."""
    listing: Listing | StorageError
    """The patient list, or why it could not be read."""


def read_database(engine: Engine, *, demo: bool, as_of: dt.date) -> OpenDatabase:
    """What the window first shows of an open database (run off the GUI thread at start)."""
    from mmtracker.storage.engine import StorageError
    from mmtracker.storage.marks import is_demo

    demo = demo or is_demo(engine)
    try:
        listing: Listing | StorageError = read_listing(engine, as_of)
    except StorageError as exc:
        listing = exc
    return OpenDatabase(engine, demo, listing)


class MainWindow(QMainWindow):
    """The patient list of one database; "DEMO" in the title on a demo database.

    ``demo`` says the database was opened as the demo; one marked as a demo
    database (``mmtracker demo`` filled it) shows DEMO however it was opened.
    Given an ``engine``, the window reads its database at once, under ``policy``;
    without one it shows that its database is being opened until
    :meth:`show_database`.
    """

    loaded = Signal()
    """The database is open and its patient list shown (or why it could not be read)."""

    def __init__(
        self,
        engine: Engine | None = None,
        *,
        demo: bool,
        hub: Hub | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        poll_interval_ms: int = POLL_INTERVAL_MS,
        policy: Policy | None = None,
    ) -> None:
        super().__init__()
        self._engine: Engine | None = None
        self._today = today
        self._as_of = today()
        self._revisions: dict[int, int] = {}
        self._policy: Policy | None = None
        self._care_task: Task | None = None
        self._care_day: dt.date | None = None  # the day the stored state was last brought up to
        self._care_running_day: dt.date | None = None
        self._waited: list[Task] = []  # work the window waits for when it closes
        self._closed = False
        self.hub = hub or Hub(self)
        # Until the database is open: the application's name, and DEMO if asked for.
        self.setWindowTitle(self.tr("mmtracker — DEMO") if demo else "mmtracker")

        self.model = PatientTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

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
        header = self.table.horizontalHeader()
        # A click on a column's header sorts by it, in the model (see patient_table.py): the
        # proxy only filters.
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sortIndicatorChanged.connect(self._sort)
        header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        # Each column is as wide as its texts in the visible rows and a sample of the others.
        header.setResizeContentsPrecision(SIZE_SAMPLE_ROWS)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search_box)
        layout.addWidget(self.table)
        self.setCentralWidget(central)

        self.policy_label = QLabel()
        self.policy_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.policy_label)
        self.care_progress = QProgressBar()
        self.care_progress.setAccessibleName(self.tr("Updating care items"))
        self.care_progress.setMaximumWidth(260)
        self.care_progress.setVisible(False)
        self.statusBar().addPermanentWidget(self.care_progress)
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

        self.resize(900, 600)
        if engine is None:
            self.setCursor(Qt.CursorShape.BusyCursor)
            self.statusBar().showMessage(self.tr("Opening the database…"))
        else:
            self.show_database(read_database(engine, demo=demo, as_of=self._as_of), policy)

    def show_database(self, database: OpenDatabase, policy: Policy | None) -> None:
        """Show an open database: its name in the title, its patient list; then keep it fresh."""
        self._engine = database.engine
        self._policy = policy
        name = database_label(database.engine.url)
        if database.demo:
            self.setWindowTitle(self.tr("mmtracker — DEMO — {database}").format(database=name))
        else:
            self.setWindowTitle(self.tr("mmtracker — {database}").format(database=name))
        self.unsetCursor()
        self.statusBar().clearMessage()
        if policy is not None and policy.warnings:
            self._show_policy_warnings(policy.warnings)
        if isinstance(database.listing, Listing):
            self._show_listing(database.listing)
        else:
            self._report(database.listing)
        self.poll_timer.start()
        self.update_care_items()
        self.loaded.emit()

    def is_open(self) -> bool:
        """Whether the window has its database (False while it is being opened)."""
        return self._engine is not None

    def is_closed(self) -> bool:
        """Whether the window has been closed."""
        return self._closed

    def wait_on_close(self, task: Task) -> None:
        """Have closing the window wait for ``task`` (work that cannot be cancelled)."""
        self._waited.append(task)

    def refresh(self) -> None:
        """Read the patient list again, keeping the selected patient selected."""
        if self._engine is None:
            return  # the list comes with the database
        from mmtracker.storage.engine import StorageError

        try:
            listing = read_listing(self._engine, self._today())
        except StorageError as exc:
            self._report(exc)
            return
        self._show_listing(listing)

    def _show_listing(self, listing: Listing) -> None:
        selected = self.selected_patient_id()
        self._as_of, self._revisions = listing.as_of, listing.revisions
        self.model.set_rows(listing.rows)
        if selected is not None:
            self._select(selected)
        self._update_count()

    def poll(self) -> None:
        """Refresh when another workstation changed a patient or the day turned.

        The care items are brought up to date for a new day (or again after a failure).
        """
        if self._engine is None:
            return
        from mmtracker.storage import patient_list as listing
        from mmtracker.storage.engine import StorageError

        self.update_care_items()
        if self._today() != self._as_of:
            self.refresh()
            return
        try:
            current = listing.revisions(self._engine)
        except StorageError as exc:
            self._report(exc)
            return
        if current != self._revisions:
            self.refresh()

    def update_care_items(self) -> None:
        """Re-assess the patients whose stored care-item state is stale, off the GUI thread.

        Without a policy nothing is done; once done for a day, nothing more that day
        (each write re-assesses its own patient). While an update runs, another is
        started when it ends if the day has turned meanwhile.
        """
        policy, engine = self._policy, self._engine
        if policy is None or engine is None:
            return
        if self._care_task is not None and self._care_task.isRunning():
            return
        day = self._today()
        if day == self._care_day:
            return

        def work(progress: Progress) -> int:
            from mmtracker.storage.state import refresh_stale  # the rules load in the worker

            return refresh_stale(engine, day, policy, progress)

        task = Task(work)
        task.progress.connect(self._care_progress)
        task.succeeded.connect(self._care_done)
        task.failed.connect(self._care_failed)
        task.finished.connect(self._care_finished)
        self.destroyed.connect(task.cancel)  # a window deleted unclosed stops its update too
        self._care_task, self._care_running_day = task, day
        self.care_progress.setRange(0, 0)  # busy until the first report
        self.care_progress.setFormat(self.tr("Updating care items"))
        self.care_progress.setVisible(True)
        task.start_work()

    def care_update_running(self) -> bool:
        """Whether stale care-item state is being re-assessed now."""
        return self._care_task is not None and self._care_task.isRunning()

    def _care_progress(self, done: int, total: int) -> None:
        self.care_progress.setRange(0, max(total, 1))
        self.care_progress.setValue(done)
        self.care_progress.setFormat(
            self.tr("Updating care items: {done} of {total}").format(done=done, total=total)
        )

    def _care_done(self, _count: int) -> None:
        self._care_day = self._care_running_day

    def _care_failed(self, error: str) -> None:
        self.statusBar().showMessage(
            self.tr("The care items could not be brought up to date: {error}").format(error=error)
        )

    def _care_finished(self) -> None:
        """The update's thread ended (done, failed or cancelled): forget it, catch up a new day."""
        self._care_task = None
        self.care_progress.setVisible(False)
        if self._care_day is not None and self._today() != self._care_day:
            self.update_care_items()

    def _show_policy_warnings(self, warnings: tuple[str, ...]) -> None:
        """The clinic policy file's warnings (e.g. an old key read as its new one, D37)."""
        self.policy_label.setText(
            self.tr("Policy file: {count} warning(s)").format(count=len(warnings))
        )
        self.policy_label.setToolTip("\n".join(warnings))
        self.policy_label.setVisible(True)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt names it
        """Stop a running care-item update at its next chunk, and let the opening finish.

        No thread of the window's outlives it: the opening of the database (which
        cannot be cancelled) is waited for, and its result is then no longer shown.
        """
        self._closed = True
        task = self._care_task
        if task is not None and task.isRunning():
            task.cancel()
            task.wait()
        for waited in self._waited:
            waited.wait()
        super().closeEvent(event)

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

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        """Sort the list by a column, keeping the selected patient selected."""
        selected = self.selected_patient_id()
        self.model.sort(column, order)
        if selected is not None:
            self._select(selected)

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
