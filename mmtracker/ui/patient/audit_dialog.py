"""A patient's history of changes: who wrote what, when and why (the audit), read off the
GUI thread, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mmtracker import i18n
from mmtracker.logic.history import ENTRY_KINDS
from mmtracker.logic.units import unit_label
from mmtracker.ui.forms.entry_dialog import table_label
from mmtracker.ui.patient.entries import field_label, kind_label
from mmtracker.ui.workers import run_task

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mmtracker.storage.audit_trail import AuditEntry


def action_text(action: str) -> str:
    """A write's action as the user reads it."""
    return {
        "insert": QCoreApplication.translate("AuditDialog", "added"),
        "update": QCoreApplication.translate("AuditDialog", "corrected"),
        "delete": QCoreApplication.translate("AuditDialog", "deleted"),
        "import": QCoreApplication.translate("AuditDialog", "imported"),
        "replace": QCoreApplication.translate("AuditDialog", "replaced by an import"),
        "demo": QCoreApplication.translate("AuditDialog", "made by the demo"),
        "view": QCoreApplication.translate("AuditDialog", "opened"),
        "print": QCoreApplication.translate("AuditDialog", "summary printed"),
        "export": QCoreApplication.translate("AuditDialog", "record exported"),
    }.get(action, action)


DERIVED = frozenset({"canonical_value", "mrn_key"})
"""Columns the services compute from the others: no user's change."""


def _label(name: str) -> str:
    """A field as the user reads it (a patient's too)."""
    return {
        "mrn": QCoreApplication.translate("AuditDialog", "MRN"),
        "name": QCoreApplication.translate("AuditDialog", "Name"),
        "sex": QCoreApplication.translate("AuditDialog", "Sex"),
        "date_of_birth": QCoreApplication.translate("AuditDialog", "Date of birth"),
        "height_cm": QCoreApplication.translate("AuditDialog", "Height (cm)"),
        "status": QCoreApplication.translate("AuditDialog", "Status"),
        "status_date": QCoreApplication.translate("AuditDialog", "Status date"),
    }.get(name) or field_label(name)


def _value(name: str, value: Any) -> str:
    """A stored value as the user reads it: a code by its label, a number short."""
    if value in (None, ""):
        return "—"
    if name == "unit" and isinstance(value, str):
        return unit_label(value)  # µmol/L, as everywhere else, not umol/L
    if isinstance(value, float):
        return i18n.format_number(value)
    if isinstance(value, str):  # a code by its label; any other text as it is
        return i18n.code_label(value, "sex" if name == "sex" else None)
    return str(value)


def changes_text(entry: AuditEntry) -> str:
    """Each field a write changed: "Weight (kg): 72.5 → 70"."""
    shown = [(n, b, a) for n, b, a in entry.changes if n not in DERIVED]
    if entry.action == "import":  # the entries the file brought, by kind
        return "; ".join(f"{kind_label(n)}: {a}" for n, _, a in shown if n in ENTRY_KINDS and a)
    if entry.action == "delete":
        return "; ".join(f"{_label(n)}: {_value(n, b)}" for n, b, _ in shown)
    if entry.action == "insert":
        return "; ".join(f"{_label(n)}: {_value(n, a)}" for n, _, a in shown)
    return "; ".join(f"{_label(n)}: {_value(n, b)} → {_value(n, a)}" for n, b, a in shown)


class AuditDialog(QDialog):
    """The history of changes of one patient."""

    def __init__(
        self, engine: Engine, patient_id: int, label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of changes: {patient}").format(patient=label))
        self.resize(1000, 520)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Why"), self.tr("Changes")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.state = QLabel(self.tr("Reading the history…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

        def work(_progress: object) -> list[AuditEntry]:
            from mmtracker.storage.audit_trail import patient_trail

            return patient_trail(engine, patient_id)

        run_task(self, work, self.show_trail, self.state.setText)

    def show_trail(self, trail: list[AuditEntry]) -> None:
        """Show the writes, newest first, times in this computer's time zone."""
        self.table.setRowCount(len(trail))
        for row, entry in enumerate(trail):
            cells = (
                entry.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                entry.actor,
                f"{table_label(entry.table)}: {action_text(entry.action)}",
                entry.reason or "",
                changes_text(entry),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()  # a long change whole, on as many lines as it needs
        self.state.setText(self.tr("{count} changes, newest first").format(count=len(trail)))
