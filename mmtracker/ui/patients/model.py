"""The Qt model of the patient list, fed plain rows, which it sorts and filters itself.

Sorting here rather than in a QSortFilterProxyModel reads each row's value once per
sort: the proxy calls ``data()`` for every comparison, seconds on the GUI thread for
a clinic of thousands of patients; filtering here compares prepared texts, where the
proxy took 200 ms a keystroke for 10,000 patients.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCollator,
    QCollatorSortKey,
    QObject,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPalette

from mmtracker import i18n
from mmtracker.logic.codes import PatientStatus, Phase
from mmtracker.ui.widgets.search import matches, searchable
from mmtracker.ui.widgets.tables import ModelIndex, RowsModel, same_rows

if TYPE_CHECKING:  # the database layer loads off the GUI thread, after the window is shown
    from mmtracker.storage.patient_list import PatientListRow


PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole
"""The patient's database id, in every column."""


class Column(IntEnum):
    MRN = 0
    NAME = 1
    AGE = 2
    PHASE = 3
    LAST_VISIT = 4
    NEXT_VISIT = 5


class PatientTableModel(RowsModel):
    """One row per patient: MRN, name, age, phase, last and next visit; read-only.

    The rows are shown sorted by the column last given to :meth:`sort` (none at
    first: in the order given), texts in the collation of the system's language.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._given: list[PatientListRow] = []
        self._sorted_rows: list[PatientListRow] = []  # every row, sorted
        self._rows: list[PatientListRow] = []  # as shown: sorted, then filtered
        self._search: dict[int, str] = {}  # patient id -> MRN and name, searchable
        self._words: list[str] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._collator = QCollator()
        self._headers: dict[Column, str] = {}
        self._phases: dict[Phase, str] = {}
        self._statuses: dict[PatientStatus, str] = {}
        self.retranslate()

    def retranslate(self) -> None:
        """Make the headers and labels again in the installed language."""
        self._headers = {
            Column.MRN: self.tr("MRN"),
            Column.NAME: self.tr("Name"),
            Column.AGE: self.tr("Age"),
            Column.PHASE: self.tr("Phase"),
            Column.LAST_VISIT: self.tr("Last visit"),
            Column.NEXT_VISIT: self.tr("Next visit"),
        }
        self._phases = {
            Phase.SMM: "SMM",
            Phase.NDMM: "NDMM",
            Phase.ASCT: "ASCT",
            Phase.MAINTENANCE: self.tr("Maintenance"),
            Phase.RELAPSE: self.tr("Relapse"),
        }
        self._statuses = {
            PatientStatus.DECEASED: self.tr("Deceased on {date}"),
            PatientStatus.TRANSFERRED: self.tr("Transferred out on {date}"),
        }
        self._arrange()

    def set_rows(self, rows: Sequence[PatientListRow]) -> None:
        """Show these rows instead of the current ones, sorted and filtered as they were."""
        self._given = list(rows)
        self._search = {r.patient_id: searchable(f"{r.mrn}\n{r.name}") for r in self._given}
        self._arrange()

    def set_filter(self, text: str) -> None:
        """Show only the patients whose MRN or name holds every word of ``text``."""
        self._words = searchable(text).split()
        kept = self._kept()
        if same_rows(kept, self._rows):
            return  # the rows shown already: the view is left alone
        self.beginResetModel()
        self._rows = kept
        self.endResetModel()

    def total(self) -> int:
        """How many patients were given, filter aside."""
        return len(self._given)

    def _arrange(self) -> None:
        self.beginResetModel()
        self._sorted_rows = self._sorted()
        self._rows = self._kept()
        self.endResetModel()

    def _kept(self) -> list[PatientListRow]:
        if not self._words:
            return list(self._sorted_rows)
        return [r for r in self._sorted_rows if matches(self._words, self._search[r.patient_id])]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by the values a column shows; rows of equal value keep their order.

        A reset, like :meth:`set_rows` (the view keeps no selection): PySide6 6.12 drops a
        reference to ``True`` at every signal emitted from Python, such as ``layoutChanged``.
        """
        self._sort_column, self._sort_order = column, order
        self._arrange()

    def _sorted(self) -> list[PatientListRow]:
        """The rows given, in the current sort order."""
        if not 0 <= self._sort_column < len(Column):
            return list(self._given)
        column = Column(self._sort_column)

        def key(row: PatientListRow) -> int | QCollatorSortKey:
            shown = self._display(row, column)
            return shown if isinstance(shown, int) else self._collator.sortKey(shown)

        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return sorted(self._given, key=key, reverse=descending)

    def patient_row(self, row: int) -> PatientListRow:
        """The plain row shown at ``row``."""
        return self._rows[row]

    def row_of(self, patient_id: int) -> int | None:
        """The row showing a patient, or None when the patient is not listed."""
        return next((i for i, r in enumerate(self._rows) if r.patient_id == patient_id), None)

    def shown_count(self) -> int:
        """How many rows are shown."""
        return len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and row.status is not PatientStatus.ACTIVE:
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == PATIENT_ID_ROLE:
            return row.patient_id
        return None

    def _tooltip(self, row: PatientListRow, column: Column) -> str | None:
        """The phase in full (the column shows SMM, NDMM, ASCT alone), else the patient's status."""
        if column is Column.PHASE and row.phase is not None:
            return i18n.code_label(row.phase.value)
        if row.status in self._statuses:
            return self._statuses[row.status].format(date=row.status_date or "")
        return None

    def _display(self, row: PatientListRow, column: Column) -> str | int:
        if column is Column.MRN:
            return row.mrn
        if column is Column.NAME:
            return row.name
        if column is Column.AGE:
            return row.age
        if column is Column.PHASE:
            return "" if row.phase is None else self._phases[row.phase]
        if column is Column.LAST_VISIT:
            return "" if row.last_visit is None else row.last_visit.isoformat()
        return "" if row.next_visit is None else row.next_visit.isoformat()
