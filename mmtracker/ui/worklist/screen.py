"""The worklist screen: every live patient's alerts, overdue and due-soon items as of today.

The rows come from the stored care-item state (``mmtracker.storage.worklist``), read
off the GUI thread through :func:`mmtracker.ui.workers.run_task`; stale patients
are re-assessed by that same read. Filters by family, phase and status, and the
search box, narrow the rows in the model; asking for more (info alerts, snoozed
or ok items, a longer "due within") reads again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mmtracker import i18n
from mmtracker.files import write_atomically
from mmtracker.logic.codes import Phase
from mmtracker.logic.families import FAMILY_CODE, Family
from mmtracker.logic.units import UnitSystem
from mmtracker.logic.worklist_order import DEFAULT_SHOW, Show
from mmtracker.ui.widgets.search import SearchBox
from mmtracker.ui.widgets.tables import RowsTable
from mmtracker.ui.workers import Progress, Task, run_task
from mmtracker.ui.worklist.model import (
    Column,
    Filters,
    Prepared,
    RowTexts,
    WorklistModel,
    prepare,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mmtracker.logic.policy import Policy
    from mmtracker.storage.sql import Fetch
    from mmtracker.storage.worklist import WorklistRow

MAX_WITHIN_DAYS = 365


@dataclass(frozen=True, slots=True)
class WorklistRequest:
    """What a read of the worklist asks for."""

    shows: frozenset[Show]
    """The groups (the default three always)."""
    within: int | None
    """Days that count as "due soon"; None: the policy's ``lead_days``."""
    texts: RowTexts
    """The words to make the cells with."""


@dataclass(frozen=True, slots=True)
class WorklistRead:
    """Worklist rows as read for a day, with what was asked for."""

    day: dt.date
    shows: frozenset[Show]
    rows: Prepared


def read_worklist(
    engine: Engine,
    day: dt.date,
    policy: Policy,
    request: WorklistRequest,
    progress: Progress | None = None,
) -> WorklistRead:
    """The worklist of ``day`` (stale patients re-assessed first), ready to show
    (:func:`worklist_read`); off the GUI thread."""
    from mmtracker.storage.sql import engine_fetch
    from mmtracker.storage.worklist import worklist

    rows = worklist(
        engine, day, policy, within=request.within, show=request.shows, progress=progress
    )
    with engine.connect() as conn:
        return worklist_read(engine_fetch(conn), day, request, rows)


def worklist_read(
    fetch: Fetch, day: dt.date, request: WorklistRequest, rows: Sequence[WorklistRow]
) -> WorklistRead:
    """Rows read for ``day`` made ready to show: who snoozed the snoozed ones (read with
    ``fetch``) and every cell's text; off the GUI thread."""
    from mmtracker.storage.snoozes import read_acknowledgements

    snoozed = {row.patient_id for row in rows if row.item.snoozed_until is not None}
    acknowledgements = read_acknowledgements(fetch, snoozed)
    return WorklistRead(day, request.shows, prepare(rows, request.texts, acknowledgements))


class _CheckMenu(QMenu):
    """A menu of check boxes that stays open while they are ticked, to tick several."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # Qt names it
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class WorklistScreen(QWidget):
    """The worklist of one database under the care policy, as of ``today()``."""

    open_patient = Signal(int, str)
    """(patient id, care-item id): open this patient at this item."""
    acknowledge_requested = Signal(list)
    """The selected worklist rows, to acknowledge or snooze."""
    loaded = Signal()
    """Rows were read (or why not is shown)."""

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._engine: Engine | None = None
        self._policy: Policy | None = None
        self._as_of: dt.date | None = None
        self._loading = False
        self._again = False  # asked to read again while a read was running
        self._lang = i18n.SOURCE_LANGUAGE
        self._units = UnitSystem.SI
        self._shows_read: frozenset[Show] = frozenset()  # the groups the rows shown were read with
        self.model = WorklistModel(self)

        self.search_box = SearchBox()
        self.search_box.textChanged.connect(self._filter)

        self.family_button = QPushButton()
        self.family_menu = _CheckMenu(self)
        self.family_actions: dict[Family, QAction] = {}
        for family in Family:
            action = self.family_menu.addAction("")
            action.setCheckable(True)
            action.toggled.connect(self._filter)
            self.family_actions[family] = action
        self.family_button.setMenu(self.family_menu)

        self.phase_button = QPushButton()
        self.phase_menu = _CheckMenu(self)
        self.phase_actions: dict[Phase, QAction] = {}
        for phase in Phase:
            action = self.phase_menu.addAction("")
            action.setCheckable(True)
            action.toggled.connect(self._filter)
            self.phase_actions[phase] = action
        self.phase_button.setMenu(self.phase_menu)

        self.show_boxes: dict[Show, QCheckBox] = {}
        for show in Show:
            box = QCheckBox()
            box.setChecked(show in DEFAULT_SHOW)
            # The default three are narrowed in the model; the others must be read.
            box.toggled.connect(self._filter if show in DEFAULT_SHOW else self._shows_changed)
            self.show_boxes[show] = box

        self.within = QSpinBox()
        self.within.setRange(0, MAX_WITHIN_DAYS)
        self.within.editingFinished.connect(self.refresh)
        self.within_label = QLabel()
        self.within_label.setBuddy(self.within)

        self.table = RowsTable()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (  # narrow enough to leave the rationale, last, the most room
            (Column.PATIENT, 150),
            (Column.MRN, 80),
            (Column.PHASE, 95),
            (Column.ITEM, 250),
            (Column.STATUS, 180),  # "Snoozed until 2026-03-09" whole
            (Column.DUE, 125),
            (Column.DAYS_OVERDUE, 95),
        ):
            header.resizeSection(column, width)
        self.table.opened.connect(self._open)
        self.search_box.down.connect(self.table.enter)
        self.search_box.enter.connect(self.table.open_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.acknowledge_button = QPushButton()
        self.acknowledge_button.setEnabled(False)
        self.acknowledge_button.clicked.connect(self._acknowledge)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export_csv())  # not clicked's bool
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_list)
        printing = QShortcut(QKeySequence.StandardKey.Print, self, self.print_list)
        printing.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(self.search_box, 2)
        filters.addWidget(self.family_button)
        filters.addWidget(self.phase_button)
        filters.addWidget(self.within_label)
        filters.addWidget(self.within)
        shows = QHBoxLayout()
        for box in self.show_boxes.values():
            shows.addWidget(box)
        shows.addStretch(1)
        shows.addWidget(self.acknowledge_button)
        shows.addWidget(self.export_button)
        shows.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(shows)
        layout.addWidget(self.state_label)
        layout.addWidget(self.table, 1)
        self.model.set_filters(self.filters())  # the model narrows as the boxes say
        self.retranslate()

    # --- texts -------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text again, in the installed language."""
        self.search_box.setPlaceholderText(self.tr("Search patient, MRN, item or rationale"))
        self.search_box.setAccessibleName(self.tr("Search the worklist"))
        for family, action in self.family_actions.items():
            action.setText(i18n.code_label(family.value, FAMILY_CODE))
        for phase, action in self.phase_actions.items():
            action.setText(i18n.code_label(phase.value))
        self.within_label.setText(self.tr("Due within (days):"))
        self.within.setToolTip(self.tr("Items due within this many days are listed as due soon"))
        self.table.setAccessibleName(self.tr("Worklist"))
        self.acknowledge_button.setText(self.tr("Acknowledge / snooze…"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.print_button.setText(self.tr("Print list…"))
        self.print_button.setToolTip(
            self.tr("Preview the items shown, then print or save them ({key})").format(
                key=QKeySequence(QKeySequence.StandardKey.Print).toString(
                    QKeySequence.SequenceFormat.NativeText
                )
            )
        )
        self.model.retranslate()
        self._update_labels()
        if self._as_of is not None and not self._loading:
            self._state_text()

    def _update_labels(self) -> None:
        families = [f for f, a in self.family_actions.items() if a.isChecked()]
        self.family_button.setText(
            self.tr("Families: all")
            if not families
            else self.tr("Families: {names}").format(
                names=", ".join(i18n.code_label(f.value, FAMILY_CODE) for f in families)
            )
        )
        phases = [p for p, a in self.phase_actions.items() if a.isChecked()]
        self.phase_button.setText(
            self.tr("Phases: all")
            if not phases
            else self.tr("Phases: {names}").format(
                names=", ".join(i18n.code_label(p.value) for p in phases)
            )
        )
        counts = self.model.counts()
        names = self._show_names()
        read = self._shows_read
        for show, box in self.show_boxes.items():
            if show in read:
                box.setText(
                    self.tr("{name} ({count})").format(name=names[show], count=counts.get(show, 0))
                )
            else:  # not read: no count rather than a count of none
                box.setText(names[show])

    def _show_names(self) -> dict[Show, str]:
        return {
            Show.URGENT: self.tr("Urgent"),
            Show.OVERDUE: self.tr("Overdue"),
            Show.DUE_SOON: self.tr("Due soon"),
            Show.INFO: self.tr("Info alerts"),
            Show.SNOOZED: self.tr("Snoozed"),
            Show.OK: self.tr("OK"),
        }

    def filters_text(self) -> str:
        """The filters of the rows shown, in words (for the printed list's header)."""
        names = self._show_names()
        parts = [
            i18n.translate(i18n.CODES_CONTEXT, i18n.LIST_SEPARATOR).join(
                names[show] for show in Show if self.show_boxes[show].isChecked()
            ),
            self.family_button.text(),
            self.phase_button.text(),
            self.tr("due within {days} days").format(days=self.within.value()),
        ]
        text = self.search_box.text().strip()
        if text:
            parts.append(self.tr("search: “{text}”").format(text=text))
        return " · ".join(part for part in parts if part)

    # --- reading -----------------------------------------------------------------------

    def set_database(self, engine: Engine, policy: Policy | None, *, refresh: bool = True) -> None:
        """Show the worklist of this database under this policy (none: say why not)."""
        self._engine = engine
        self.set_policy(policy)
        if refresh:
            self.refresh()

    def set_policy(self, policy: Policy | None) -> None:
        """The care policy the rows are read under (its ``lead_days`` the first "within")."""
        self._policy = policy
        if policy is not None and self.within.value() == 0:
            self.within.setValue(policy.whole("lead_days"))

    def refresh(self) -> None:
        """Read the worklist again, as of today, off the GUI thread."""
        engine, policy = self._engine, self._policy
        if engine is None:
            return
        if policy is None:
            self.state_label.setText(
                self.tr("The worklist cannot be shown until the clinic policy file is corrected.")
            )
            return
        if self._loading:
            self._again = True
            return
        self._loading, self._again = True, False
        day = self._today()
        request = self.request()

        def work(progress: Progress) -> WorklistRead:
            return read_worklist(engine, day, policy, request, progress)

        self.state_label.setText(self.tr("Reading the worklist…"))
        run_task(self, work, self.show_read, self._failed, self._progress)

    def request(self) -> WorklistRequest:
        """What a read asks for, as the screen stands."""
        return WorklistRequest(
            frozenset(self._checked_shows() | DEFAULT_SHOW),
            self.within.value() or None,  # 0: no database yet
            self.model.row_texts(),
        )

    def _progress(self, done: int, total: int) -> None:
        self.state_label.setText(
            self.tr("Updating care items: {done} of {total}").format(done=done, total=total)
        )

    def show_read(self, read: WorklistRead) -> None:
        """Show rows read for a day (by :meth:`refresh`, or with the database at start)."""
        self._loading = False
        selected = self._selected_keys()
        self._as_of, self._shows_read = read.day, read.shows
        self.model.set_prepared(read.rows)
        self._reselect(selected)
        self._update_labels()
        self._state_text()
        self.loaded.emit()
        if self._again:
            self.refresh()

    def _failed(self, error: str) -> None:
        self._loading = False
        self.state_label.setText(
            self.tr("The worklist could not be read: {error}").format(error=error)
        )
        self.loaded.emit()

    def _state_text(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        day = self._as_of.isoformat() if self._as_of else ""
        if total == 0:
            self.state_label.setText(
                self.tr("Nothing is due or overdue on {date}.").format(date=day)
            )
        elif not self._checked_shows():
            self.state_label.setText(
                self.tr(
                    "No status is ticked: tick Urgent, Overdue or Due soon to list {count} "
                    "items on {date}."
                ).format(count=total, date=day)
            )
        elif shown == total == 1:
            self.state_label.setText(self.tr("One item on {date}").format(date=day))
        elif shown == total:
            self.state_label.setText(
                self.tr("{count} items on {date}").format(count=total, date=day)
            )
        else:
            self.state_label.setText(
                self.tr("{shown} of {count} items on {date}").format(
                    shown=shown, count=total, date=day
                )
            )

    def as_of(self) -> dt.date | None:
        """The day of the rows shown."""
        return self._as_of

    # --- filtering ---------------------------------------------------------------------

    def _checked_shows(self) -> set[Show]:
        return {show for show, box in self.show_boxes.items() if box.isChecked()}

    def _shows_changed(self) -> None:
        self._filter()
        self.refresh()

    def _filter(self) -> None:
        self.model.set_filters(self.filters())
        self._update_labels()
        if self._as_of is not None:
            self._state_text()

    def filters(self) -> Filters:
        """The filters as the screen's boxes and menus stand (the search box's text included)."""
        return Filters(
            families=frozenset(f for f, a in self.family_actions.items() if a.isChecked()),
            phases=frozenset(p for p, a in self.phase_actions.items() if a.isChecked()),
            shows=frozenset(self._checked_shows()),
            text=self.search_box.text().strip(),
        )

    def set_families(self, families: set[Family]) -> None:
        """Check exactly these families in the family filter."""
        for family, action in self.family_actions.items():
            action.setChecked(family in families)

    def set_phases(self, phases: set[str]) -> None:
        """Check exactly these phases (their codes) in the phase filter."""
        for phase, action in self.phase_actions.items():
            action.setChecked(phase.value in phases)

    def set_shows(self, shows: set[Show]) -> None:
        """Check exactly these groups of the worklist (urgent, overdue, …, ok)."""
        for show, box in self.show_boxes.items():
            box.setChecked(show in shows)

    def set_language(self, lang: str) -> None:
        """The language the CSV export is written in (the screen follows the installed one)."""
        self._lang = lang

    def set_units(self, units: UnitSystem) -> None:
        """Write values in the rationales in these units."""
        self._units = units
        self.model.set_units(units)

    # --- selection and actions ---------------------------------------------------------

    def selected_rows(self) -> list[WorklistRow]:
        """The worklist rows selected, in the order shown."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows]

    def findings(self, rows: list[WorklistRow]) -> list[str]:
        """Each row's status and rationale as the worklist shows them."""
        return [self.model.finding_text(row) for row in rows]

    def _selected_keys(self) -> set[tuple[int, str]]:
        return {(r.patient_id, r.item.id) for r in self.selected_rows()}

    def _reselect(self, keys: set[tuple[int, str]]) -> None:
        if not keys:
            return
        for number, row in enumerate(self.model.shown_rows()):
            if (row.patient_id, row.item.id) in keys:
                self.table.selectionModel().select(
                    self.model.index(number, 0),
                    self.table.selectionModel().SelectionFlag.Select
                    | self.table.selectionModel().SelectionFlag.Rows,
                )

    def _selection_changed(self) -> None:
        self.acknowledge_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        self.open_patient.emit(row.patient_id, row.item.id)

    def _acknowledge(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.acknowledge_requested.emit(rows)

    def print_list(self) -> Task | None:
        """The rows shown, as the printed worklist, in a print preview (written off the GUI
        thread), in the window's language, on A4."""
        day = self._as_of
        if day is None or not self.print_button.isEnabled():
            return None
        from mmtracker.pdf_export import Layout, worklist_name, write_worklist
        from mmtracker.ui.print_preview import preview_in_background

        rows, filters = self.model.shown_rows(), self.filters_text()
        lang, units = self._lang, self._units

        def write(path: Path) -> None:
            from mmtracker.config import clinic_name

            layout = Layout(lang=lang, paper="a4", units=units, clinic=clinic_name())
            write_worklist(rows, day, filters, layout, path)

        return preview_in_background(
            self,
            write,
            self.tr("Worklist — {date}").format(date=day.isoformat()),
            worklist_name(day),
            self.print_button,
        )

    def export_csv(self, path: str | None = None) -> Path | None:
        """Write the rows shown as CSV (UTF-8 with a byte-order mark, for spreadsheets)."""
        from mmtracker.worklist_output import as_csv

        if path is None:
            day = self._as_of.isoformat() if self._as_of else ""
            documents = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the worklist"),
                str(Path(documents) / f"worklist-{day}.csv"),
                self.tr("CSV files (*.csv)"),
            )
            if not path:
                return None
        target = Path(path)
        try:
            text = as_csv(self.model.shown_rows(), self._lang)
            # whole or not at all, its owner's only, never through a link (mmtracker/files.py)
            write_atomically(target, lambda out: out.write(text.encode("utf-8-sig")))
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("The worklist could not be exported"),
                self.tr("{path} could not be written: {error}").format(
                    path=target, error=exc.strerror or exc
                ),
            )
            return None
        return target
