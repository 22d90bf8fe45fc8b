"""The JSON Schema of the record file, generated so that it cannot drift.

Field types come from the annotations of :mod:`mmtracker.logic.history`, text
lengths from the database columns, unit codes from :mod:`mmtracker.logic.units`.
``python -m mmtracker.record.write_schema`` rewrites ``docs/record.schema.json``.
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from collections.abc import Sequence
from dataclasses import MISSING, fields
from enum import StrEnum
from typing import Any

from sqlalchemy import Column, Table

from mmtracker.logic.history import ENTRY_KINDS, Entry, LabResult, Patient
from mmtracker.logic.parsing import stored_fields
from mmtracker.logic.units import ANALYTE_UNITS
from mmtracker.storage.models import TRACKED_COLUMNS
from mmtracker.storage.tables import PATIENT, plain, table_of

FORMAT_VERSION = 3
# Versions read: each lacks what a later one added (see mmtracker.record.versions).
READ_VERSIONS = (1, 2, 3)
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# Bookkeeping keys: exported, and optional in a hand-written file.
META_TYPES: dict[str, type] = {
    "revision": int,
    "version": int,
    "created_at": dt.datetime,
    "created_by": str,
    "updated_at": dt.datetime,
    "updated_by": str,
}
PATIENT_META = ("revision", *TRACKED_COLUMNS)
ENTRY_META = TRACKED_COLUMNS
_INT_MAX = 2**31 - 1  # the database's integer columns
_META_RANGES = {"revision": (1, _INT_MAX), "version": (1, _INT_MAX)}

DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]$"
DATETIME_PATTERN = (
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,6})?)?"
    "(Z|[+-][0-9]{2}:[0-9]{2})$"
)
UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"

_SIMPLE = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    return {**schema, "type": [schema["type"], "null"]}


def _type_schema(tp: Any, column: Column[Any] | None) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        (inner,) = (a for a in typing.get_args(tp) if a is not type(None))
        return _nullable(_type_schema(inner, column))
    if origin is tuple:
        return {"type": "array", "items": _type_schema(typing.get_args(tp)[0], None)}
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        return {"enum": [member.value for member in tp]}
    if tp is dt.datetime:
        return {"type": "string", "pattern": DATETIME_PATTERN}
    if tp is dt.date:
        return {"type": "string", "pattern": DATE_PATTERN}
    if tp is dt.time:
        return {"type": "string", "pattern": TIME_PATTERN}
    schema: dict[str, Any] = {"type": _SIMPLE[tp]}
    length = getattr(column.type, "length", None) if column is not None else None
    if tp is str and length:
        schema["maxLength"] = length
    return schema


def _object_schema(
    cls: type[Entry] | type[Patient], table: Table, meta: Sequence[str]
) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    written = set(stored_fields(cls))  # derived fields (D24, D36) come from created_at
    for f in fields(cls):
        if f.name not in written:
            continue
        schema = _type_schema(hints[f.name], table.c[f.name])
        if f.name == "id":
            schema = {"type": "string", "pattern": UUID_PATTERN}
        if f.default is not MISSING:
            schema["default"] = plain(f.default)
        elif f.default_factory is MISSING:
            required.append(f.name)
        properties[f.name] = schema
    for name in meta:
        schema = _type_schema(META_TYPES[name], table.c[name])
        if name in _META_RANGES:
            schema["minimum"], schema["maximum"] = _META_RANGES[name]
        properties[name] = schema
    found: dict[str, Any] = {"type": "object"}
    if cls.__doc__ and not cls.__doc__.startswith(f"{cls.__name__}("):
        found["description"] = cls.__doc__.replace("``", "`")
    return found | {
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _unit_rules() -> list[dict[str, Any]]:
    """Each quantitative analyte accepts only its own unit codes."""
    return [
        {
            "if": {"properties": {"analyte": {"const": analyte.value}}, "required": ["analyte"]},
            "then": {"properties": {"unit": {"enum": list(units.factors)}}},
        }
        for analyte, units in ANALYTE_UNITS.items()
    ]


def record_schema() -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) of a record file of the current format version.

    It also admits ``format_version`` 1 and 2; what an older file may not hold is
    checked after the schema (:func:`mmtracker.record.versions.version_problems`).
    """
    definitions: dict[str, Any] = {"Patient": _object_schema(Patient, PATIENT, PATIENT_META)}
    for kind, cls in ENTRY_KINDS.items():
        definitions[cls.__name__] = _object_schema(cls, table_of(kind), ENTRY_META)
    definitions[LabResult.__name__]["allOf"] = _unit_rules()
    return {
        "$schema": DRAFT,
        "title": "mmtracker patient record",
        "description": (
            f"One patient's record, format version {FORMAT_VERSION} "
            "(versions 1 and 2 are still read). Reference: docs/record-format.md."
        ),
        "type": "object",
        "properties": {
            "format_version": {"enum": list(READ_VERSIONS)},
            "patient": {"$ref": "#/$defs/Patient"},
            **{
                kind: {"type": "array", "items": {"$ref": f"#/$defs/{cls.__name__}"}}
                for kind, cls in ENTRY_KINDS.items()
            },
        },
        "required": ["format_version", "patient"],
        "additionalProperties": False,
        "$defs": definitions,
    }


def schema_text() -> str:
    """The schema as it is shipped: indented JSON ending with a newline."""
    return json.dumps(record_schema(), indent=2, ensure_ascii=False) + "\n"
