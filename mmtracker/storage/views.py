"""Who looked at a record: opening a patient, printing a summary, exporting a record are
audited (actions ``view``, ``print``, ``export``), so that "who looked at this record" has
an answer. A database opened read-only records nothing (it cannot)."""

from __future__ import annotations

from sqlalchemy import Engine

from mmtracker.storage.anchors import after_write
from mmtracker.storage.engine import read_only
from mmtracker.storage.services import audit, audit_row, utc_now

ACCESSES = ("view", "print", "export")


def record_access(engine: Engine, patient_id: int, actor: str, action: str) -> None:
    """Audit that ``actor`` opened (``view``), printed or exported the patient's record."""
    if action not in ACCESSES:
        raise ValueError(f"unknown access {action!r}")
    if read_only(engine):
        return
    with engine.begin() as conn:
        audit(
            conn,
            audit_row(
                patient_id=patient_id,
                table="patient",
                row_id=str(patient_id),
                action=action,
                actor=actor,
                at=utc_now(),
                before=None,
                after=None,
            ),
        )
    after_write(engine)
