"""Bulk reads: immutable patient histories for the logic layer, and raw rows for export.

Histories for any number of patients load in one query per table (the patient
table plus one per entry kind), whatever the number of patients.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Select, Table, select

from mmtracker.logic.history import (
    DERIVED_FIELDS,
    ENTRY_KINDS,
    Entry,
    Patient,
    PatientHistory,
    build_history,
    field_names,
)
from mmtracker.logic.mrn import mrn_key
from mmtracker.logic.parsing import bookkeeping_day, values_builder
from mmtracker.storage.outcomes import NotFoundError
from mmtracker.storage.tables import PATIENT, table_of


def _plan(table: Table, cls: type[Any]) -> tuple[list[Any], Callable[[Sequence[Any]], Any]]:
    """The columns a history needs of ``table`` and their builder.

    Its fields, no bookkeeping, except that a derived field (``registered_on``,
    ``recorded_on``: D24, D36) is the day of the row's ``created_at``.
    """
    names = [name for name in field_names(cls) if name in table.c]
    derived = [name for name in field_names(cls) if name in DERIVED_FIELDS]
    if not derived:
        return [table.c[name] for name in names], values_builder(cls, names)
    (name,) = derived
    build = values_builder(cls, [*names, name])

    def with_day(values: Sequence[Any]) -> Any:
        return build((*values[:-1], bookkeeping_day(values[-1])))

    return [*(table.c[n] for n in names), table.c.created_at], with_day


_PATIENT_PLAN = _plan(PATIENT, Patient)
_ENTRY_PLANS = {kind: _plan(table_of(kind), cls) for kind, cls in ENTRY_KINDS.items()}


def _for_patients(table: Table, column: str, patient_ids: Sequence[int] | None) -> Select[Any]:
    query = select(table)
    if patient_ids is not None:
        query = query.where(table.c[column].in_(patient_ids))
    return query


def load_histories(
    engine: Engine | Connection, patient_ids: Sequence[int] | None = None
) -> dict[int, PatientHistory]:
    """Histories keyed by patient id, for the given patients or for all of them."""
    if isinstance(engine, Connection):
        return _load(engine, patient_ids)
    with engine.connect() as conn:
        return _load(conn, patient_ids)


def _load(conn: Connection, patient_ids: Sequence[int] | None) -> dict[int, PatientHistory]:
    columns, build = _PATIENT_PLAN
    query = _for_patients(PATIENT, "id", patient_ids).with_only_columns(PATIENT.c.id, *columns)
    patients = {row[0]: build(row[1:]) for row in conn.execute(query).all()}
    grouped: dict[int, dict[str, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    for kind, (columns, build) in _ENTRY_PLANS.items():
        table = table_of(kind)
        query = _for_patients(table, "patient_id", patient_ids).with_only_columns(
            table.c.patient_id, *columns
        )
        for row in conn.execute(query).all():
            grouped[row[0]][kind].append(build(row[1:]))
    return {pid: build_history(patient, grouped.get(pid, {})) for pid, patient in patients.items()}


def load_history(engine: Engine | Connection, patient_id: int) -> PatientHistory:
    """One patient's history; raises NotFoundError if there is no such patient."""
    found = load_histories(engine, [patient_id])
    if patient_id not in found:
        raise NotFoundError(f"patient {patient_id} does not exist")
    return found[patient_id]


def patient_id_for_mrn(engine: Engine | Connection, mrn: str) -> int:
    """The database id of the patient with this MRN, however it is written (case, spaces,
    dashes: :mod:`mmtracker.logic.mrn`); NotFoundError if none."""
    query = select(PATIENT.c.id).where(PATIENT.c.mrn_key == mrn_key(mrn))
    if isinstance(engine, Connection):
        found = engine.execute(query).scalar()
    else:
        with engine.connect() as conn:
            found = conn.execute(query).scalar()
    if found is None:
        raise NotFoundError(f"no patient has MRN {mrn}")
    return int(found)


@dataclass(frozen=True, slots=True)
class RecordRows:
    """One patient's rows as stored, every column included (for export and comparison)."""

    patient: dict[str, Any]
    entries: dict[str, list[dict[str, Any]]]


def load_record_rows(
    engine: Engine | Connection, patient_ids: Iterable[int]
) -> dict[int, RecordRows]:
    """Raw rows of the given patients, entries of each kind ordered by id."""
    ids = list(patient_ids)
    if isinstance(engine, Connection):
        return _load_rows(engine, ids)
    with engine.connect() as conn:
        return _load_rows(conn, ids)


def _load_rows(conn: Connection, ids: Sequence[int]) -> dict[int, RecordRows]:
    result = {
        row["id"]: RecordRows(dict(row), {kind: [] for kind in ENTRY_KINDS})
        for row in conn.execute(_for_patients(PATIENT, "id", ids)).mappings()
    }
    for kind in ENTRY_KINDS:
        table = table_of(kind)
        query = _for_patients(table, "patient_id", ids).order_by(table.c.id)
        for row in conn.execute(query).mappings():
            result[row["patient_id"]].entries[kind].append(dict(row))
    return result
