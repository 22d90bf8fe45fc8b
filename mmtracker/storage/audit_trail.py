"""A patient's audit trail, newest first: who wrote what, when and why, with the fields a
write changed (read in plain SQL, mmtracker/storage/sql.py)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mmtracker.storage.sql import Fetch, engine_fetch

if TYPE_CHECKING:
    from sqlalchemy import Engine

TRAIL = """
SELECT at, actor, table_name, action, reason, before, after FROM audit
WHERE patient_id = :patient_id ORDER BY id DESC
"""
BOOKKEEPING = frozenset(
    {
        "id",
        "version",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
        "patient_id",
        "revision",
    }
)
"""Columns every write changes or that name the row (its id): not what a user changed."""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One write to a patient's record."""

    at: dt.datetime
    actor: str
    table: str
    action: str
    reason: str | None
    changes: tuple[tuple[str, Any, Any], ...]
    """(field, before, after) of each field the write changed (an insert: every field set)."""


def _changes(before: str | None, after: str | None) -> tuple[tuple[str, Any, Any], ...]:
    old = json.loads(before) if before else {}
    new = json.loads(after) if after else {}
    names = [n for n in (*new, *(k for k in old if k not in new)) if n not in BOOKKEEPING]
    return tuple(
        (name, old.get(name), new.get(name))
        for name in names
        if old.get(name) != new.get(name) and (old.get(name), new.get(name)) != (None, "")
    )


def _moment(value: Any) -> dt.datetime:
    """A stored time as read by either way (ISO text from SQLite), in UTC."""
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def read_trail(fetch: Fetch, patient_id: int) -> list[AuditEntry]:
    """The patient's audit trail, newest first."""
    return [
        AuditEntry(_moment(at), actor, table, action, reason, _changes(before, after))
        for at, actor, table, action, reason, before, after in fetch(
            TRAIL, {"patient_id": patient_id}
        )
    ]


def patient_trail(engine: Engine, patient_id: int) -> list[AuditEntry]:
    """The patient's audit trail, newest first (:func:`read_trail`)."""
    with engine.connect() as conn:
        return read_trail(engine_fetch(conn), patient_id)
