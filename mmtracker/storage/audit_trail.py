"""A patient's audit trail, and a user account's, newest first: who wrote what, when and
why, with the fields a write changed (read in plain SQL, mmtracker/storage/sql.py)."""

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
ACCOUNT_TRAIL = """
SELECT at, actor, table_name, action, reason, before, after FROM audit
WHERE patient_id IS NULL AND table_name = 'app_user'
  AND (row_id = :row_id OR (row_id = '-' AND actor = :name))
ORDER BY id DESC LIMIT :most
"""
ACCOUNT_TRAIL_MOST = 1000
"""The newest rows of an account's trail shown (sign-ins add up)."""
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


def account_trail(engine: Engine, name: str) -> list[AuditEntry]:
    """The newest :data:`ACCOUNT_TRAIL_MOST` audit rows of the user ``name``'s account, newest
    first: made and changed (by whom), signed in, refused (and why); an unknown name's
    refused sign-ins too."""
    from sqlalchemy import select

    from mmtracker.storage.users import USER

    folded = name.strip().casefold()
    with engine.connect() as conn:
        user_id = conn.execute(select(USER.c.id).where(USER.c.name == folded)).scalar()
        rows = engine_fetch(conn)(
            ACCOUNT_TRAIL,
            {
                "row_id": "" if user_id is None else str(user_id),  # "": no row has it
                "name": folded,
                "most": ACCOUNT_TRAIL_MOST,
            },
        )
        return [
            AuditEntry(_moment(at), actor, table, action, reason, _changes(before, after))
            for at, actor, table, action, reason, before, after in rows
        ]
