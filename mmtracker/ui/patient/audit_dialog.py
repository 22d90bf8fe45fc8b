"""A patient's history of changes: who wrote what, when and why (the audit), read off the
GUI thread, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from mmtracker import i18n
from mmtracker.logic.history import ENTRY_KINDS
from mmtracker.logic.units import unit_label
from mmtracker.ui.forms.entry_dialog import table_label
from mmtracker.ui.patient.entries import field_label, kind_label
from mmtracker.ui.widgets.trail_dialog import TrailDialog

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


class AuditDialog(TrailDialog):
    """The history of changes of one patient."""

    def __init__(
        self, engine: Engine, patient_id: int, label: str, parent: QWidget | None = None
    ) -> None:
        def read() -> list[AuditEntry]:
            from mmtracker.storage.audit_trail import patient_trail

            return patient_trail(engine, patient_id)

        super().__init__(
            QCoreApplication.translate("AuditDialog", "History of changes: {patient}").format(
                patient=label
            ),
            read,
            _cells,
            lambda trail: self.tr("{count} changes, newest first").format(count=len(trail)),
            parent,
        )


def _cells(entry: AuditEntry) -> tuple[str, str, str, str, str]:
    """A write to the patient's record, times in this computer's time zone."""
    return (
        entry.at.astimezone().strftime("%Y-%m-%d %H:%M"),
        entry.actor,
        f"{table_label(entry.table)}: {action_text(entry.action)}",
        entry.reason or "",
        changes_text(entry),
    )
