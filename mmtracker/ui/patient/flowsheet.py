"""The lab flowsheet: dates across, analytes down, values outside their limits marked.

The limits are the logic's (clinical-rules.md D17): the lab's own, else the policy's
defaults where it has them (haemoglobin by sex, calcium albumin-corrected as D12
says, LDH). A value with neither is not marked, and its tooltip says so: an unmarked
cell is never read as normal by default.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from mmtracker import i18n
from mmtracker.logic.codes import Analyte, CalciumKind
from mmtracker.logic.history import LabResult, PatientHistory
from mmtracker.logic.lab_limits import Judged, judge
from mmtracker.logic.labs import LabIndex
from mmtracker.logic.policy import Policy
from mmtracker.logic.units import UnitSystem, display_unit, from_canonical, to_canonical, unit_label
from mmtracker.ui.widgets.tables import ModelIndex

ABNORMAL = QColor("#b00020")


class FlowsheetModel(QAbstractTableModel):
    """Cells are the results of an analyte on a date (several on one date joined)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dates: list[dt.date] = []
        self._analytes: list[Analyte] = []
        self._cells: dict[tuple[int, int], list[LabResult]] = {}
        self._texts: dict[tuple[int, int], str] = {}
        self._units = UnitSystem.SI
        self._judged: dict[int, Judged] = {}

    def set_results(self, history: PatientHistory, policy: Policy, units: UnitSystem) -> None:
        """Show a patient's results in ``units`` (newest date first), judged under ``policy``."""
        results = history.lab_results
        self.beginResetModel()
        self._units = units
        self._judged = judge(LabIndex(history), history.patient.sex, policy)
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
        judged = self._judged.get(id(result))
        text = i18n.format_number(shown)
        if judged is not None and result.analyte is Analyte.CALCIUM:
            corrected = from_canonical(result.analyte, judged.value, unit)
            if i18n.format_number(corrected) != text:  # D12: judged albumin-corrected
                text += " " + QCoreApplication.translate("Flowsheet", "(corrected {value})").format(
                    value=i18n.format_number(corrected)
                )
        mark = judged.mark if judged is not None else ""
        return text + (f" {mark}" if mark else "")

    def _abnormal(self, result: LabResult) -> bool:
        judged = self._judged.get(id(result))
        return judged is not None and bool(judged.mark)

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
        abnormal = any(self._abnormal(r) for r in cell)
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
        when = result.date.isoformat()
        if result.time is not None:
            when += f" {result.time:%H:%M}"
        text = f"{i18n.code_label(result.analyte.value)} {when}: "
        if result.value is not None and result.unit is not None:
            text += f"{i18n.format_number(result.value)} {unit_label(result.unit)}"
            if result.ref_low is not None or result.ref_high is not None:
                low = "" if result.ref_low is None else i18n.format_number(result.ref_low)
                high = "" if result.ref_high is None else i18n.format_number(result.ref_high)
                text += " " + QCoreApplication.translate(
                    "Flowsheet", "(lab limits {low}–{high})"
                ).format(low=low, high=high)
        elif result.qualitative is not None:
            return text + i18n.code_label(result.qualitative.value)
        judged = self._judged.get(id(result))
        if result.calcium_kind is CalciumKind.IONISED:  # D16
            return (
                text
                + " — "
                + QCoreApplication.translate(
                    "Flowsheet", "ionised calcium is never compared with the limits"
                )
            )
        if judged is None or (judged.low is None and judged.high is None):
            return (
                text
                + " — "
                + QCoreApplication.translate(
                    "Flowsheet", "no reference limits recorded: not judged"
                )
            )
        if judged.mark:
            limits = (
                QCoreApplication.translate("Flowsheet", "outside the policy's default limits")
                if judged.defaulted
                else QCoreApplication.translate("Flowsheet", "outside the lab's limits")
            )
            text += " — " + limits
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
