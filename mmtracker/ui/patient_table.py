"""The Qt model of the patient list, fed plain rows."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPalette

from mmtracker import i18n
from mmtracker.logic.codes import PatientStatus, Phase

if TYPE_CHECKING:  # the database layer loads off the GUI thread, after the window is shown
    from mmtracker.storage.patient_list import PatientListRow

ModelIndex = QModelIndex | QPersistentModelIndex

PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole
"""The patient's database id, in every column."""
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
"""The text the search box matches: the MRN and the name, one per line."""


class Column(IntEnum):
    MRN = 0
    NAME = 1
    AGE = 2
    PHASE = 3
    LAST_VISIT = 4


class PatientTableModel(QAbstractTableModel):
    """One row per patient: MRN, name, age, phase and last visit; read-only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PatientListRow] = []
        self._headers = {
            Column.MRN: self.tr("MRN"),
            Column.NAME: self.tr("Name"),
            Column.AGE: self.tr("Age"),
            Column.PHASE: self.tr("Phase"),
            Column.LAST_VISIT: self.tr("Last visit"),
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

    def set_rows(self, rows: Sequence[PatientListRow]) -> None:
        """Show these rows instead of the current ones."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def patient_row(self, row: int) -> PatientListRow:
        """The plain row shown at ``row``."""
        return self._rows[row]

    def row_of(self, patient_id: int) -> int | None:
        """The row showing a patient, or None when the patient is not listed."""
        return next((i for i, r in enumerate(self._rows) if r.patient_id == patient_id), None)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008  # as above
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return self._headers[Column(section)]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

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
        if role == SEARCH_ROLE:
            return f"{row.mrn}\n{row.name}"
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
        return "" if row.last_visit is None else row.last_visit.isoformat()
