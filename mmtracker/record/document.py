"""Write one patient's stored rows as a record document (the JSON export)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from mmtracker.logic.history import ENTRY_KINDS, Patient, entry_order
from mmtracker.logic.parsing import row_builder, stored_fields
from mmtracker.record.schema import ENTRY_META, FORMAT_VERSION, PATIENT_META
from mmtracker.storage.loaders import RecordRows

_BUILDERS = {kind: row_builder(cls) for kind, cls in ENTRY_KINDS.items()}
_PATIENT_KEYS = (*stored_fields(Patient), *PATIENT_META)
_ENTRY_KEYS = {kind: (*stored_fields(cls), *ENTRY_META) for kind, cls in ENTRY_KINDS.items()}


def record_document(rows: RecordRows) -> dict[str, Any]:
    """A JSON-ready record: the patient, then every entry kind in the history's order.

    Surrogate keys, derived columns and derived fields are left out; bookkeeping is
    kept (``created_at`` gives back the derived registration and recording days).
    """
    document: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "patient": _object(rows.patient, _PATIENT_KEYS),
    }
    for kind, build in _BUILDERS.items():
        ordered = sorted(rows.entries[kind], key=lambda row: entry_order(build(row)))
        document[kind] = [_object(row, _ENTRY_KEYS[kind]) for row in ordered]
    return document


def _object(row: Mapping[str, Any], keys: Sequence[str]) -> dict[str, Any]:
    return {key: _json_value(row[key]) for key in keys}


def _json_value(value: Any) -> Any:
    """Dates as YYYY-MM-DD, times as HH:MM, date-times in UTC with their offset, lists copied."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return list(value)
    return value
