"""The database tables by name, and values as their columns store them.

Shared by the reads, the writes and the record file's schema; holds no query and
opens no connection.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import Table

from mmtracker.logic.history import Entry, LabResult, Patient
from mmtracker.logic.mrn import mrn_key
from mmtracker.logic.parsing import stored_fields
from mmtracker.logic.units import to_canonical
from mmtracker.storage.models import ENTRY_TABLES, AuditRow, PatientRow

PATIENT = PatientRow.__table__  # type: ignore[attr-defined]  # SQLModel sets __table__ at class creation
AUDIT = AuditRow.__table__  # type: ignore[attr-defined]  # as above


def table_of(kind: str) -> Table:
    """The table holding one entry kind."""
    table: Table = ENTRY_TABLES[kind].__table__  # type: ignore[attr-defined]  # as above
    return table


def plain(value: Any) -> Any:
    """A value as the database stores it: codes as strings, tuples as lists."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    return value


def entry_columns(entry: Entry) -> dict[str, Any]:
    """The table columns of an entry, derived columns included (derived fields are not columns)."""
    row = {name: plain(getattr(entry, name)) for name in stored_fields(type(entry))}
    if isinstance(entry, LabResult):
        row["canonical_value"] = (
            to_canonical(entry.analyte, entry.value, entry.unit)
            if entry.value is not None and entry.unit is not None
            else None
        )
    return row


def patient_fields(patient: Patient) -> dict[str, Any]:
    """A patient's demographics as the record's parser takes them."""
    return {name: plain(getattr(patient, name)) for name in stored_fields(Patient)}


def patient_columns(patient: Patient) -> dict[str, Any]:
    """The table columns of a patient's demographics, the key of its MRN included."""
    return {**patient_fields(patient), "mrn_key": mrn_key(patient.mrn)}
