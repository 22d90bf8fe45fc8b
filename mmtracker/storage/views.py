"""Who looked at a record: opening a patient, printing a summary, exporting a record are
audited (actions ``view``, ``print``, ``export``), so that "who looked at this record" has
an answer. A database opened read-only records nothing (it cannot)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, insert

from mmtracker.storage.anchors import after_write
from mmtracker.storage.audit_chain import chained
from mmtracker.storage.engine import read_only
from mmtracker.storage.services import audit_row, utc_now
from mmtracker.storage.tables import AUDIT

ACCESSES = ("view", "print", "export")


def record_access(engine: Engine, patient_id: int, actor: str, action: str) -> None:
    """Audit that ``actor`` opened (``view``), printed or exported the patient's record."""
    record_accesses(engine, [patient_id], actor, action)


def record_accesses(engine: Engine, patient_ids: Sequence[int], actor: str, action: str) -> None:
    """Audit that ``actor`` printed or exported the records of ``patient_ids`` (a clinic
    day's summaries, say), a row each, in one statement."""
    if action not in ACCESSES:
        raise ValueError(f"unknown access {action!r}")
    if read_only(engine) or not patient_ids:
        return
    at = utc_now()
    rows = [
        audit_row(
            patient_id=patient_id,
            table="patient",
            row_id=str(patient_id),
            action=action,
            actor=actor,
            at=at,
            before=None,
            after=None,
        )
        for patient_id in patient_ids
    ]
    with engine.begin() as conn:
        conn.execute(insert(AUDIT), chained(conn, rows))
    after_write(engine)
