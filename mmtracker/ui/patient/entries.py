"""A table per entry kind: the patient's entries as recorded, newest first."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)

from mmtracker import i18n
from mmtracker.logic.history import PatientHistory, entry_order
from mmtracker.logic.units import UnitSystem, unit_label
from mmtracker.ui.patient.text import value_text
from mmtracker.ui.widgets.tables import ModelIndex

HIDDEN = frozenset({"id", "finding_message_id", "finding_severity", "finding_cites", "finding_due"})


def kind_label(kind: str) -> str:
    """An entry kind as the user reads it."""
    return {
        "phase_changes": QCoreApplication.translate("PatientEntries", "Phase changes"),
        "weights": QCoreApplication.translate("PatientEntries", "Weights"),
        "lab_results": QCoreApplication.translate("PatientEntries", "Lab results"),
        "cytogenetics": QCoreApplication.translate("PatientEntries", "Cytogenetics"),
        "imaging": QCoreApplication.translate("PatientEntries", "Imaging"),
        "dental_exams": QCoreApplication.translate("PatientEntries", "Dental checks"),
        "bone_therapy_doses": QCoreApplication.translate("PatientEntries", "Bone-therapy doses"),
        "bone_therapy_events": QCoreApplication.translate("PatientEntries", "Bone-therapy events"),
        "supplements": QCoreApplication.translate("PatientEntries", "Supplements"),
        "mrd_tests": QCoreApplication.translate("PatientEntries", "MRD tests"),
        "treatment_lines": QCoreApplication.translate("PatientEntries", "Treatment lines"),
        "transplants": QCoreApplication.translate("PatientEntries", "Transplants"),
        "responses": QCoreApplication.translate("PatientEntries", "Responses"),
        "clinical_events": QCoreApplication.translate("PatientEntries", "Clinical events"),
        "visits": QCoreApplication.translate("PatientEntries", "Visits"),
        "acknowledgements": QCoreApplication.translate("PatientEntries", "Acknowledgements"),
    }.get(kind, kind)


def field_label(name: str) -> str:
    """An entry field as the user reads it."""
    return {
        "date": QCoreApplication.translate("PatientEntries", "Date"),
        "time": QCoreApplication.translate("PatientEntries", "Time"),
        "phase": QCoreApplication.translate("PatientEntries", "Phase"),
        "line_number": QCoreApplication.translate("PatientEntries", "Line"),
        "note": QCoreApplication.translate("PatientEntries", "Note"),
        "weight_kg": QCoreApplication.translate("PatientEntries", "Weight (kg)"),
        "analyte": QCoreApplication.translate("PatientEntries", "Analyte"),
        "value": QCoreApplication.translate("PatientEntries", "Value"),
        "unit": QCoreApplication.translate("PatientEntries", "Unit"),
        "qualitative": QCoreApplication.translate("PatientEntries", "Result"),
        "result": QCoreApplication.translate("PatientEntries", "Result"),
        "ref_low": QCoreApplication.translate("PatientEntries", "Lower limit"),
        "ref_high": QCoreApplication.translate("PatientEntries", "Upper limit"),
        "calcium_kind": QCoreApplication.translate("PatientEntries", "Calcium kind"),
        "isotype": QCoreApplication.translate("PatientEntries", "Isotype"),
        "light_chain": QCoreApplication.translate("PatientEntries", "Light chain"),
        "method": QCoreApplication.translate("PatientEntries", "Method"),
        "modality": QCoreApplication.translate("PatientEntries", "Modality"),
        "lytic_lesions": QCoreApplication.translate("PatientEntries", "Lytic lesions"),
        "mri_focal_lesions": QCoreApplication.translate("PatientEntries", "MRI focal lesions"),
        "fdg_avid": QCoreApplication.translate("PatientEntries", "FDG-avid"),
        "plasmacytoma": QCoreApplication.translate("PatientEntries", "Plasmacytoma"),
        "outcome": QCoreApplication.translate("PatientEntries", "Outcome"),
        "invasive_procedure": QCoreApplication.translate("PatientEntries", "Invasive procedure"),
        "procedure_date": QCoreApplication.translate("PatientEntries", "Procedure date"),
        "agent": QCoreApplication.translate("PatientEntries", "Agent"),
        "dose_mg": QCoreApplication.translate("PatientEntries", "Dose (mg)"),
        "kind": QCoreApplication.translate("PatientEntries", "Kind"),
        "interval_days": QCoreApplication.translate("PatientEntries", "Interval (days)"),
        "decision": QCoreApplication.translate("PatientEntries", "Decision"),
        "resume_date": QCoreApplication.translate("PatientEntries", "Resume on"),
        "recorded_on": QCoreApplication.translate("PatientEntries", "Recorded on"),
        "start_date": QCoreApplication.translate("PatientEntries", "Start"),
        "end_date": QCoreApplication.translate("PatientEntries", "End"),
        "calcium_mg": QCoreApplication.translate("PatientEntries", "Calcium (mg)"),
        "vitamin_d_iu": QCoreApplication.translate("PatientEntries", "Vitamin D (IU)"),
        "sensitivity": QCoreApplication.translate("PatientEntries", "Sensitivity"),
        "regimen": QCoreApplication.translate("PatientEntries", "Regimen"),
        "intent": QCoreApplication.translate("PatientEntries", "Intent"),
        "drugs": QCoreApplication.translate("PatientEntries", "Drugs"),
        "planned_date": QCoreApplication.translate("PatientEntries", "Planned"),
        "performed_date": QCoreApplication.translate("PatientEntries", "Performed"),
        "withdrawn_date": QCoreApplication.translate("PatientEntries", "Withdrawn"),
        "melphalan_mg_m2": QCoreApplication.translate("PatientEntries", "Melphalan (mg/m²)"),
        "mucositis_grade": QCoreApplication.translate("PatientEntries", "Mucositis grade"),
        "mucositis_scale": QCoreApplication.translate("PatientEntries", "Mucositis scale"),
        "category": QCoreApplication.translate("PatientEntries", "Category"),
        "criteria": QCoreApplication.translate("PatientEntries", "Criteria"),
        "ecog": QCoreApplication.translate("PatientEntries", "ECOG"),
        "pain": QCoreApplication.translate("PatientEntries", "Pain"),
        "next_visit": QCoreApplication.translate("PatientEntries", "Next visit"),
        "item_id": QCoreApplication.translate("PatientEntries", "Care item"),
        "acknowledged_on": QCoreApplication.translate("PatientEntries", "Acknowledged on"),
        "until": QCoreApplication.translate("PatientEntries", "Until"),
        "reason": QCoreApplication.translate("PatientEntries", "Reason"),
        "acknowledged_by": QCoreApplication.translate("PatientEntries", "Acknowledged by"),
    }.get(name) or i18n.code_label(name)  # a cytogenetic finding by its label: "del(17p)"


def entry_kinds(history: PatientHistory) -> list[str]:
    """The entry kinds of a history (every kind, recorded or not)."""
    return [f.name for f in dataclasses.fields(history) if f.name != "patient"]


def _cell(entry: object, name: str, units: UnitSystem) -> str:
    """A field of an entry as text; a laboratory unit as it is written (µmol/L, not umol/L)."""
    value = getattr(entry, name)
    if name == "unit" and isinstance(value, str):
        return unit_label(value)
    return value_text(value, units)


class EntriesModel(QAbstractTableModel):
    """The entries of one kind, one row each, newest first; every recorded field a column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fields: list[str] = []
        self._rows: list[list[str]] = []
        self._entries: list[Any] = []

    def set_entries(self, entries: tuple[object, ...], units: UnitSystem) -> None:
        """Show these entries (all of one kind)."""
        self.beginResetModel()
        self._fields, self._rows, self._entries = [], [], []
        if entries:
            first = entries[0]
            assert dataclasses.is_dataclass(first)
            self._fields = [f.name for f in dataclasses.fields(first) if f.name not in HIDDEN]
            self._entries = sorted(entries, key=entry_order, reverse=True)
            self._rows = [[_cell(e, f, units) for f in self._fields] for e in self._entries]
        self.endResetModel()

    def entry_at(self, row: int) -> Any:
        """The entry shown in a row."""
        return self._entries[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008  # as above
        return 0 if parent.isValid() else len(self._fields)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        return self._rows[index.row()][index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._fields):
            return field_label(self._fields[section])
        return None
