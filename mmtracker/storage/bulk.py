"""Whole records in bulk: record import and demo data, through SQLAlchemy Core.

Every record is validated before anything is written; then all of them are
written in one transaction with one audit row per patient.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, delete, insert, select
from sqlalchemy.exc import IntegrityError

from mmtracker.logic.mrn import mrn_key
from mmtracker.logic.parsing import Problem
from mmtracker.storage.outcomes import ValidationError
from mmtracker.storage.records import NewRecord, check_record
from mmtracker.storage.services import utc_now
from mmtracker.storage.tables import AUDIT, PATIENT, entry_columns, patient_columns, table_of

CHUNK = 5000
T = TypeVar("T")


def write_records(
    engine: Engine,
    records: Sequence[NewRecord],
    actor: str,
    *,
    today: dt.date | None = None,
    replace: bool = False,
    action: str = "import",
    progress: Callable[[int], None] | None = None,
) -> list[int]:
    """Validate then write whole records in one transaction; return the new patient ids.

    An MRN already in the database is refused unless ``replace`` is true, in
    which case that patient's record is deleted first (and audited).
    """
    today = today or dt.date.today()
    problems: list[Problem] = []
    for index, record in enumerate(records):
        problems += check_record(record, today, f"[{index}]" if len(records) > 1 else "")
    if problems:
        raise ValidationError(problems)
    now = utc_now()
    try:
        with engine.begin() as conn:
            _make_room(conn, records, actor, now, replace)
            ids = _insert_patients(conn, records, actor, now)
            _insert_entries(conn, records, ids, actor, now, progress)
            conn.execute(
                insert(AUDIT),
                [
                    {
                        "patient_id": pid,
                        "table_name": "patient",
                        "row_id": str(pid),
                        "action": action,
                        "actor": actor,
                        "at": now,
                        "before": None,
                        "after": json.dumps(
                            {k: len(v) for k, v in record.entries.items()}, sort_keys=True
                        ),
                    }
                    for pid, record in zip(ids, records, strict=True)
                ],
            )
    except IntegrityError as exc:
        raise ValidationError(
            [Problem("", f"the record clashes with what the database holds: {exc.orig}")]
        ) from None
    return ids


def _make_room(
    conn: Connection, records: Sequence[NewRecord], actor: str, now: dt.datetime, replace: bool
) -> None:
    keys = [mrn_key(r.patient.mrn) for r in records]  # look-alike spellings are one MRN
    if len(set(keys)) != len(keys):
        raise ValidationError([Problem("patient.mrn", "the same MRN appears twice in the import")])
    existing = {
        row["mrn"]: row
        for chunk in _chunks(keys)
        for row in conn.execute(select(PATIENT).where(PATIENT.c.mrn_key.in_(chunk))).mappings()
    }
    if existing and not replace:
        raise ValidationError(
            [
                Problem("patient.mrn", f"{mrn} exists already; use --replace to overwrite it")
                for mrn in sorted(existing)
            ]
        )
    for row in existing.values():
        conn.execute(delete(PATIENT).where(PATIENT.c.id == row["id"]))
        conn.execute(
            insert(AUDIT).values(
                patient_id=row["id"],
                table_name="patient",
                row_id=str(row["id"]),
                action="replace",
                actor=actor,
                at=now,
                before=json.dumps(dict(row), default=str, sort_keys=True, ensure_ascii=False),
                after=None,
            )
        )


def _tracked(meta: Mapping[str, Any], actor: str, now: dt.datetime) -> dict[str, Any]:
    return {
        "version": meta.get("version", 1),
        "created_at": meta.get("created_at", now),
        "created_by": meta.get("created_by", actor),
        "updated_at": meta.get("updated_at", now),
        "updated_by": meta.get("updated_by", actor),
    }


def _insert_patients(
    conn: Connection, records: Sequence[NewRecord], actor: str, now: dt.datetime
) -> list[int]:
    ids: list[int] = []
    for chunk in _chunks(list(records)):
        rows = [
            {
                **patient_columns(r.patient),
                **_tracked(r.patient_meta, actor, now),
                "revision": r.patient_meta.get("revision", 1),
            }
            for r in chunk
        ]
        result = conn.execute(
            insert(PATIENT).returning(PATIENT.c.id, sort_by_parameter_order=True), rows
        )
        ids.extend(int(i) for i in result.scalars())
    return ids


def _insert_entries(
    conn: Connection,
    records: Sequence[NewRecord],
    ids: Sequence[int],
    actor: str,
    now: dt.datetime,
    progress: Callable[[int], None] | None,
) -> None:
    kinds = sorted({kind for r in records for kind in r.entries})
    for kind in kinds:
        rows = [
            {
                **entry_columns(entry),
                "patient_id": pid,
                **_tracked(record.entry_meta.get(entry.id, {}), actor, now),
            }
            for pid, record in zip(ids, records, strict=True)
            for entry in record.entries.get(kind, ())
        ]
        for chunk in _chunks(rows):
            conn.execute(insert(table_of(kind)), chunk)
            if progress is not None:
                progress(len(chunk))


def _chunks(items: Sequence[T]) -> list[Sequence[T]]:
    return [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
