"""The Patient view: a header that never scrolls away, then the care items, the assessment
details, the lab flowsheet, a table per entry kind and the figures, each panel filled when
it is first shown. The patient is read and assessed off the GUI thread (``run_task``)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mmtracker import i18n
from mmtracker.config import actor
from mmtracker.logic.care import Status
from mmtracker.logic.policy import Policy
from mmtracker.logic.units import UnitSystem
from mmtracker.ui.forms.entry_dialog import FormContext
from mmtracker.ui.hub import Hub
from mmtracker.ui.patient.data import PatientData, load_patient
from mmtracker.ui.patient.details import DetailsPanel
from mmtracker.ui.patient.entries_panel import EntriesPanel
from mmtracker.ui.patient.figures import FigurePanel
from mmtracker.ui.patient.flowsheet import FlowsheetModel
from mmtracker.ui.patient.header import PatientHeader
from mmtracker.ui.patient.items import CareItemsModel, source_text
from mmtracker.ui.widgets.acknowledge import SelectedItem, acknowledge_in_background, ask
from mmtracker.ui.workers import Progress, Task, run_task

if TYPE_CHECKING:
    from sqlalchemy import Engine


def _table() -> QTableView:
    table = QTableView()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ItemsPanel(QWidget):
    """The care items with Acknowledge / snooze, and the selected item's source below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CareItemsModel(self)
        self.table = _table()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.acknowledge = QPushButton()
        self.acknowledge.setEnabled(False)
        self.show_all = QCheckBox()
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.acknowledge)
        buttons.addStretch()
        buttons.addWidget(self.show_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.source)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the panel's own texts in the installed language."""
        self.acknowledge.setText(self.tr("Acknowledge / snooze…"))
        self.acknowledge.setToolTip(self.tr("Acknowledge the selected care items with a reason"))
        self.show_all.setText(self.tr("Show items that do not apply"))

    def selected_rows(self) -> list[int]:
        """The rows selected, top to bottom."""
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def _selected(self) -> None:
        rows = self.selected_rows()
        self.acknowledge.setEnabled(
            bool(rows) and all(self.model.item(r).status is not Status.NOT_APPLICABLE for r in rows)
        )
        self.source.setText(source_text(self.model.item(rows[0])) if len(rows) == 1 else "")


class PatientView(QWidget):
    """One open patient (read off the GUI thread, re-read after writes and polls)."""

    title_changed = Signal(str)
    """The tab title (MRN and name) once known or changed."""
    loaded = Signal()
    """The patient was read and shown (header and items)."""

    def __init__(
        self,
        engine: Engine,
        patient_id: int,
        policy: Policy,
        today: Callable[[], dt.date],
        hub: Hub,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine, self._patient_id, self._policy = engine, patient_id, policy
        self._today, self._hub = today, hub
        self._units = UnitSystem.SI
        self._lang = i18n.installed_language()
        self._data: PatientData | None = None
        self._pending_item: str | None = None
        self._shown: set[int] = set()  # panels filled with the current data
        self._reading = False
        self._again = False
        self.timings: dict[str, float] = {}
        """Seconds from the start of a read to the header and items shown, and per panel."""

        self.header = PatientHeader()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.items = ItemsPanel()
        self.details = DetailsPanel()
        self.flowsheet_model = FlowsheetModel(self)
        self.flowsheet = _table()
        self.flowsheet.setModel(self.flowsheet_model)
        self.flowsheet.verticalHeader().setVisible(True)
        self.flowsheet.horizontalHeader().setStretchLastSection(False)
        self.entries = EntriesPanel(self.form_context)

        self.timeline = FigurePanel(False, policy)
        self.trends = FigurePanel(True, policy)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.print_button = QPushButton()
        self.print_button.setEnabled(False)  # until the patient is read
        self.tabs.setCornerWidget(self.print_button, Qt.Corner.TopRightCorner)
        self._panels: list[QWidget] = [
            self.items,
            self.trends,
            self.timeline,
            self.details,
            self.flowsheet,
            self.entries,
        ]
        for panel in self._panels:
            self.tabs.addTab(panel, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)

        self.tabs.currentChanged.connect(self._fill_current)
        self.items.acknowledge.clicked.connect(self.acknowledge_selected)
        self.items.show_all.toggled.connect(self._show_items)
        self.items.table.doubleClicked.connect(lambda _index: self.acknowledge_selected())
        hub.patient_changed.connect(self._changed)
        lab = QShortcut(QKeySequence("Ctrl+L"), self, self.lab_panel)
        lab.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.entries.lab_button.clicked.connect(self.lab_panel)
        printing = QShortcut(QKeySequence.StandardKey.Print, self, self.print_summary)
        printing.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_button.clicked.connect(self.print_summary)
        self.entries.history_button.clicked.connect(self.history_of_changes)
        self.entries.details_button.clicked.connect(self.correct_details)
        self._retranslate_tabs()
        self.reload()

    # --- public --------------------------------------------------------------------------

    @property
    def patient_id(self) -> int:
        """The database id of the patient shown."""
        return self._patient_id

    @property
    def as_of(self) -> dt.date:
        """The day the patient is assessed as of: the window's today."""
        return self._today()

    def data(self) -> PatientData | None:
        """What is shown (None until first read)."""
        return self._data

    def reading(self) -> bool:
        """Whether the patient is being read (again) now."""
        return self._reading

    def lab_panel(self) -> None:
        """The lab panel: many results of one sample date (Ctrl+L)."""
        context, data = self.form_context(), self._data
        if context is None or data is None:
            return
        from mmtracker.ui.forms.lab_panel import LabPanelDialog

        LabPanelDialog(context, data.history, self).open()

    def print_summary(self) -> Task | None:
        """The visit summary as of :attr:`as_of`, written off the GUI thread, in a print
        preview (Ctrl+P); in the window's language and units, on A4."""
        data = self._data
        if data is None or not self.print_button.isEnabled():
            return None
        from mmtracker.pdf_export import summary_name
        from mmtracker.ui.print_preview import preview_in_background

        engine, patient_id, policy, as_of = self._engine, self._patient_id, self._policy, self.as_of
        lang, units, who = self._lang, self._units, actor()

        def write(path: Path) -> None:
            from mmtracker.config import clinic_name
            from mmtracker.pdf_export import Layout, summary_request, write_summary
            from mmtracker.storage.views import record_access

            layout = Layout(lang=lang, paper="a4", units=units, clinic=clinic_name())
            write_summary(summary_request(engine, patient_id, as_of, policy, layout), path)
            record_access(engine, patient_id, who, "print")

        return preview_in_background(
            self,
            write,
            self.tr("Visit summary — {patient}").format(patient=data.label),
            summary_name(data.history.patient.mrn, as_of),
            self.print_button,
        )

    def correct_details(self) -> None:
        """The patient's own details (MRN, name, sex, birth, height, status), corrected."""
        data = self._data
        if data is None:
            return
        from mmtracker.ui.forms.patient_dialog import Correcting, NewPatientDialog

        dialog = NewPatientDialog(
            self._engine,
            self._policy,
            self.as_of,
            self,
            Correcting(self._patient_id, data.history.patient, data.revision),
        )
        dialog.corrected.connect(self._hub.patient_changed.emit)
        dialog.open()

    def history_of_changes(self) -> None:
        """Who wrote what to this patient's record, when and why."""
        from mmtracker.ui.patient.audit_dialog import AuditDialog

        label = self._data.label if self._data is not None else self.title()
        AuditDialog(self._engine, self._patient_id, label, self).open()

    def offer_first_phase(self) -> None:
        """Ask for the first phase of a patient just registered (D24: a patient without a
        phase is itself a care item), once the patient is read."""

        def offer() -> None:
            self.tabs.setCurrentWidget(self.entries)
            self.entries.show_kind("phase_changes")
            self.entries.new_entry()

        if self._data is not None:
            offer()
        else:
            self.loaded.connect(offer, Qt.ConnectionType.SingleShotConnection)

    def form_context(self) -> FormContext | None:
        """What a form of this patient writes with (None until the patient is read)."""
        data = self._data
        if data is None:
            return None
        patient = data.history.patient
        return FormContext(
            engine=self._engine,
            hub=self._hub,
            policy=self._policy,
            patient_id=self._patient_id,
            patient_label=data.label,
            born=patient.date_of_birth,
            today=self.as_of,
            revision=data.revision,
            phase_changes=data.history.phase_changes,
        )

    def title(self) -> str:
        """MRN and name, for the tab."""
        return self._data.label if self._data is not None else self.tr("Patient")

    def focus_item(self, item_id: str) -> None:
        """Show the care items and select this one (once read)."""
        self.tabs.setCurrentWidget(self.items)
        row = self.items.model.row_of(item_id) if self._data is not None else None
        if row is None and self._data is not None and not self.items.show_all.isChecked():
            self.items.show_all.setChecked(True)
            row = self.items.model.row_of(item_id)
        if row is None:
            self._pending_item = item_id if self._data is None else None
            return
        self._pending_item = None
        index = self.items.model.index(row, 0)
        self.items.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.items.table.setCurrentIndex(index)
        self.items.table.scrollTo(index)

    def reload(self) -> None:
        """Read and assess the patient again as of today (after a write or a poll)."""
        if self._reading:
            self._again = True
            return
        self._reading, self._again = True, False
        engine, patient_id, policy, as_of = self._engine, self._patient_id, self._policy, self.as_of
        started = time.perf_counter()
        first, who = self._data is None, actor()

        def work(_progress: Progress) -> PatientData:
            if first:  # who opened which patient (the audit; not on each re-reading)
                from mmtracker.storage.views import record_access

                record_access(engine, patient_id, who, "view")
            return load_patient(engine, patient_id, as_of, policy)

        def done(data: PatientData) -> None:
            self._reading = False
            self._show(data, started)
            if self._again:
                self.reload()

        def failed(message: str) -> None:
            self._reading = False
            self.notice.setText(
                self.tr("The patient could not be read: {error}").format(error=message)
            )
            self.notice.show()

        run_task(self, work, done, failed)

    def set_units(self, units: UnitSystem) -> None:
        """Show values in SI or conventional units."""
        if units is not self._units:
            self._units = units
            self._refill()

    def set_language(self, lang: str) -> None:
        """The language the visit summary is printed in (the view follows the installed one)."""
        self._lang = lang

    def retranslate(self) -> None:
        """Show every text in the installed language, keeping the selection and the panel."""
        self.items.retranslate()
        self.entries.retranslate()
        self._retranslate_tabs()
        self._refill()

    def acknowledge_selected(self) -> None:
        """Ask for a reason and until-date, and acknowledge the selected care items."""
        data = self._data
        rows = self.items.selected_rows()
        if data is None or not rows or not self.items.acknowledge.isEnabled():
            return
        model = self.items.model
        chosen = [
            SelectedItem(self._patient_id, model.item(r).id, data.label, model.finding_text(r))
            for r in rows
        ]
        on = self._today()
        choice = ask(self, chosen, on, self._policy)
        if choice is not None:
            acknowledge_in_background(
                self, self._engine, self._hub, chosen, choice, on, self._policy
            )

    # --- filling -------------------------------------------------------------------------

    def _retranslate_tabs(self) -> None:
        for panel, text in zip(
            self._panels,
            (
                self.tr("Care items"),
                self.tr("Lab trends"),
                self.tr("Timeline"),
                self.tr("Assessment details"),
                self.tr("Lab flowsheet"),
                self.tr("Entries"),
            ),
            strict=True,
        ):
            self.tabs.setTabText(self.tabs.indexOf(panel), text)
        self.print_button.setText(self.tr("Print visit summary…"))
        self.print_button.setToolTip(
            self.tr("Preview the visit summary as of today, then print or save it ({key})").format(
                key=QKeySequence(QKeySequence.StandardKey.Print).toString(
                    QKeySequence.SequenceFormat.NativeText
                )
            )
        )
        self.header.show_data(self._data, self._units)

    def _changed(self, patient_id: int) -> None:
        if patient_id == self._patient_id:
            self.reload()

    def _show(self, data: PatientData, started: float | None = None) -> None:
        old_title = self.title()
        self._data = data
        self.notice.hide()
        self.print_button.setEnabled(True)
        self._refill()
        if started is not None:
            self.timings.setdefault("header and items", time.perf_counter() - started)
        if self.title() != old_title:
            self.title_changed.emit(self.title())
        if self._pending_item is not None:
            self.focus_item(self._pending_item)
        self.loaded.emit()

    def _refill(self) -> None:
        """Show the data again (new data, language or units); other panels when next shown."""
        if self._data is None:
            self.header.show_data(None, self._units)
            return
        self.header.show_data(self._data, self._units)
        self._show_items()
        self._shown = {self.tabs.indexOf(self.items)}
        self._fill_current()

    def _show_items(self) -> None:
        if self._data is None:
            return
        selected = {self.items.model.item(r).id for r in self.items.selected_rows()}
        items = self._data.assessment.items
        if not self.items.show_all.isChecked():
            items = tuple(i for i in items if i.status is not Status.NOT_APPLICABLE)
        self.items.model.set_items(items, self._units, self._data.history.acknowledgements)
        selection = self.items.table.selectionModel()
        for row in range(self.items.model.rowCount()):
            if self.items.model.item(row).id in selected:
                selection.select(
                    self.items.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def _fill_current(self) -> None:
        index = self.tabs.currentIndex()
        if self._data is None or index in self._shown:
            return
        started = time.perf_counter()
        panel = self.tabs.widget(index)
        if panel is self.details:
            self.details.show_data(self._data, self._units)
        elif panel is self.flowsheet:
            self.flowsheet_model.set_results(self._data.history, self._policy, self._units)
            self.flowsheet.resizeColumnsToContents()
        elif isinstance(panel, FigurePanel):
            panel.show_data(self._data, self._units)
        elif panel is self.entries:
            self.entries.show_data(self._data, self._units)
        self._shown.add(index)
        self.timings.setdefault(self.tabs.tabText(index), time.perf_counter() - started)
