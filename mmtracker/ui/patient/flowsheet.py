"""The lab flowsheet: dates across, analytes down, values outside the lab's own limits marked."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from mmtracker import i18n
from mmtracker.logic.codes import Analyte
from mmtracker.logic.history import LabResult
from mmtracker.logic.units import UnitSystem, display_unit, from_canonical, to_canonical, unit_label

ModelIndex = QModelIndex | QPersistentModelIndex
ABNORMAL = QColor("#b00020")


def outside_limits(result: LabResult) -> bool:
    """Whether a value lies outside the limits the lab reported with it (same unit)."""
    if result.value is None:
        return False
    low, high = result.ref_low, result.ref_high
    return (low is not None and result.value < low) or (high is not None and result.value > high)


class FlowsheetModel(QAbstractTableModel):
    """Cells are the results of an analyte on a date (several on one date joined)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dates: list[dt.date] = []
        self._analytes: list[Analyte] = []
        self._cells: dict[tuple[int, int], list[LabResult]] = {}
        self._texts: dict[tuple[int, int], str] = {}
        self._units = UnitSystem.SI

    def set_results(self, results: tuple[LabResult, ...], units: UnitSystem) -> None:
        """Show these results in ``units`` (newest date first)."""
        self.beginResetModel()
        self._units = units
        self._dates = sorted({r.date for r in results}, reverse=True)
        present = {r.analyte for r in results}
        self._analytes = [a for a in Analyte if a in present]
        columns = {d: c for c, d in enumerate(self._dates)}
        rows = {a: r for r, a in enumerate(self._analytes)}
        self._cells = {}
        for result in results:
            self._cells.setdefault((rows[result.analyte], columns[result.date]), []).append(result)
        self._texts = {
            key: " / ".join(self._text(r) for r in cell) for key, cell in self._cells.items()
        }
        self.endResetModel()

    def _text(self, result: LabResult) -> str:
        if result.qualitative is not None:
            return i18n.code_label(result.qualitative.value)
        if result.value is None or result.unit is None:
            return ""
        unit = display_unit(result.analyte, self._units)
        shown = from_canonical(
            result.analyte, to_canonical(result.analyte, result.value, result.unit), unit
        )
        mark = " ↑" if result.ref_high is not None and result.value > result.ref_high else ""
        mark = " ↓" if result.ref_low is not None and result.value < result.ref_low else mark
        return i18n.format_number(shown) + mark

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        return 0 if parent.isValid() else len(self._analytes)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008  # as above
        return 0 if parent.isValid() else len(self._dates)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = (index.row(), index.column())
        cell = self._cells.get(key)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[key]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        abnormal = any(outside_limits(r) for r in cell)
        if role == Qt.ItemDataRole.ForegroundRole and abnormal:
            return ABNORMAL
        if role == Qt.ItemDataRole.FontRole and abnormal:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(self._tooltip(r) for r in cell)
        return None

    def _tooltip(self, result: LabResult) -> str:
        text = f"{i18n.code_label(result.analyte.value)} {result.date.isoformat()}: "
        if result.value is not None and result.unit is not None:
            text += f"{i18n.format_number(result.value)} {unit_label(result.unit)}"
            if result.ref_low is not None or result.ref_high is not None:
                low = "" if result.ref_low is None else i18n.format_number(result.ref_low)
                high = "" if result.ref_high is None else i18n.format_number(result.ref_high)
                text += " " + QCoreApplication.translate(
                    "Flowsheet", "(lab limits {low}–{high})"
                ).format(low=low, high=high)
        elif result.qualitative is not None:
            text += i18n.code_label(result.qualitative.value)
        if outside_limits(result):
            text += " — " + QCoreApplication.translate("Flowsheet", "outside the lab's limits")
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._dates[section].isoformat() if 0 <= section < len(self._dates) else None
        if not 0 <= section < len(self._analytes):
            return None
        analyte = self._analytes[section]
        label = i18n.code_label(analyte.value)
        if analyte in (Analyte.SERUM_IFE, Analyte.URINE_IFE):
            return label
        return f"{label} ({unit_label(display_unit(analyte, self._units))})"
